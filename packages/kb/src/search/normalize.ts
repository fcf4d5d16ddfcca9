/**
 * @module Text normalization shared by the index and the query: NFKC, case, accents, apostrophes,
 * punctuation, and emoji: a pictograph that names a thing ("📷") is a word of its own, for the editors'
 * synonyms to map; faces, hands, hearts and emphasis marks say how the candidate feels, not what is
 * wrong, and go with the punctuation.
 */

const COMBINING_MARKS = /\p{M}+/gu;
// "isn't", "can’t", "d'accord": drop the apostrophe so the word stays one token ("isnt").
const APOSTROPHES = /(\p{L})['’ʼ`´](\p{L})/gu;
// Unicode's Emoticons block, the faces, hands and hearts of the later blocks, and © ® ‼ ⁉ ✅ ❌ ❓ ❔ ❕ ❗ ❤.
const FEELINGS = /[\xa9\xae\u203c\u2049\u2705\u274c\u2753-\u2757\u2764\u{1f446}-\u{1f450}\u{1f493}-\u{1f49f}\u{1f600}-\u{1f64f}\u{1f90c}-\u{1f92f}\u{1f970}-\u{1f97a}\u{1fae0}-\u{1faf8}]/gu;
const PICTOGRAPH = /\p{Extended_Pictographic}/gu;
const NOT_WORD = /[^\p{L}\p{N}\p{Extended_Pictographic}]+/gu;

export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, '$1$2')
    .replace(FEELINGS, ' ')
    .replace(PICTOGRAPH, ' $& ')
    .replace(NOT_WORD, ' ')
    .trim();
}

export function tokenize(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ');
}
