/** @module Test helper: a view's Spanish words against its English ones, key by key, for the words chunks of each feature. */
import { expect, it } from 'vitest';

/** Every string of a strings object by its dotted path (`figures.screens.one`, `scores.4`). */
function leaves(value: unknown, path = ''): Map<string, string> {
  if (typeof value === 'string') return new Map([[path, value]]);
  return new Map(Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => [...leaves(inner, path ? `${path}.${key}` : key)]));
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

/**
 * Tests that Spanish has every English key and no other, each one translated (not empty, not the English
 * text unless `sameInSpanish` says so) and with the same `{placeholders}`.
 */
export function itTranslatesEverything(english: object, spanish: object, sameInSpanish: ReadonlySet<string>): void {
  const source = leaves(english);
  const translation = leaves(spanish);

  it('has every English key in Spanish and no other', () => {
    expect([...translation.keys()].sort()).toEqual([...source.keys()].sort());
  });

  it.each([...source.keys()])('translates %s, with the same placeholders', (key) => {
    const text = source.get(key)!;
    const translated = translation.get(key) ?? '';
    expect(translated.trim()).not.toBe('');
    if (sameInSpanish.has(key)) expect(translated).toBe(text);
    else expect(translated).not.toBe(text);
    expect(placeholders(translated)).toEqual(placeholders(text));
  });
}
