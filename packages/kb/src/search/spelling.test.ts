import { describe, expect, it } from 'vitest';
import { findMisspellings, looksLikeTypoOf } from './spelling.ts';

describe('looksLikeTypoOf', () => {
  it.each([
    ['exmaen', 'examen', true], // swapped neighbours
    ['confirmaton', 'confirmation', true], // inner letter dropped
    ['supervisr', 'supervisor', true],
    ['instaall', 'install', true], // inner letter doubled
    ['cheat', 'chat', false], // too short to tell
    ['restan', 'estan', false], // first letter: different words, not a typo
    ['contest', 'content', false], // substitution: often two real words
    ['examen', 'examen', false],
  ])('%s -> %s: %s', (typo, word, expected) => {
    expect(looksLikeTypoOf(typo, word)).toBe(expected);
  });
});

describe('findMisspellings', () => {
  it('reads a rare word as the common word it misspells, and leaves other rare words alone', () => {
    const counts = new Map([
      ['examen', 40],
      ['exmaen', 1],
      ['sonido', 40],
      ['sonidos', 1], // a plural: the last letter, not a typo
      ['chromebook', 1],
    ]);
    expect(findMisspellings(counts)).toEqual(new Map([['exmaen', 'examen']]));
  });

  it('needs the common word to be much more common', () => {
    expect(findMisspellings(new Map([['examen', 3], ['exmaen', 1]]))).toEqual(new Map());
  });
});
