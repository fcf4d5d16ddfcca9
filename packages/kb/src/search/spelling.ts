/**
 * @module Finds misspellings inside the knowledge base itself. Editors write typos into example questions
 * on purpose ("exmaen"), so the search learns them; but a typo that appears once would look like the
 * rarest, strongest word in the index and point at one article. Such words are read as the common word
 * they misspell, on both the article and the query side.
 */

/** A word seen at most this often, one edit from a word seen this many times more, is a misspelling. */
const RARE_AT_MOST = 2;
const COMMON_FACTOR = 8;
const MIN_LENGTH = 5;

/**
 * True when `typo` is `word` with two neighbouring letters swapped, or with one inner letter dropped or
 * doubled. Changed first or last letters and substitutions are left out: between real words they are
 * common ("cheat"/"chat", "restan"/"estan", "night"/"right"), between a word and its typo much rarer.
 */
export function looksLikeTypoOf(typo: string, word: string): boolean {
  if (typo === word || Math.abs(typo.length - word.length) > 1) return false;
  let i = 0;
  while (i < typo.length && i < word.length && typo[i] === word[i]) i += 1;
  if (typo.length === word.length) {
    return typo[i] === word[i + 1] && typo[i + 1] === word[i] && typo.slice(i + 2) === word.slice(i + 2);
  }
  const [longer, shorter] = typo.length > word.length ? [typo, word] : [word, typo];
  if (shorter.length < 6 || i === 0 || i >= shorter.length) return false;
  return longer.slice(i + 1) === shorter.slice(i);
}

/** Maps each misspelt word to the common word it stands for, from word counts over the whole KB. */
export function findMisspellings(counts: ReadonlyMap<string, number>): Map<string, string> {
  const commonByLength = new Map<number, [string, number][]>();
  for (const [word, count] of counts) {
    if (count < COMMON_FACTOR || word.length < MIN_LENGTH - 1) continue;
    const list = commonByLength.get(word.length);
    if (list) list.push([word, count]);
    else commonByLength.set(word.length, [[word, count]]);
  }
  const respell = new Map<string, string>();
  for (const [word, count] of counts) {
    if (count > RARE_AT_MOST || word.length < MIN_LENGTH || /\d/.test(word)) continue;
    let best: [string, number] | undefined;
    for (let length = word.length - 1; length <= word.length + 1; length += 1) {
      for (const [common, commonCount] of commonByLength.get(length) ?? []) {
        if (commonCount >= count * COMMON_FACTOR && (!best || commonCount > best[1]) && looksLikeTypoOf(word, common)) best = [common, commonCount];
      }
    }
    if (best) respell.set(word, best[0]);
  }
  return respell;
}
