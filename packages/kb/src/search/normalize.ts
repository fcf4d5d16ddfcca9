/** @module Text normalization shared by the index and the query: NFKC, case, accents, apostrophes, punctuation. */

const COMBINING_MARKS = /\p{M}+/gu;
// "isn't", "can’t", "d'accord": drop the apostrophe so the word stays one token ("isnt").
const APOSTROPHES = /(\p{L})['’ʼ`´](\p{L})/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, '$1$2')
    .replace(NOT_WORD, ' ')
    .trim();
}

export function tokenize(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ');
}
