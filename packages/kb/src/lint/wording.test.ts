import { describe, expect, it } from 'vitest';
import { wordingProblems } from './wording.ts';

const EN = { 'support.phone': 'the support phone number', 'exam.name': 'your exam', 'policy.minRamGb': 'the set number of' };
const ES = { 'support.phone': 'teléfono de soporte', 'support.email': 'el correo de soporte', 'policy.reviewDays': 'un número fijado de' };

/** The codes for one text; every placeholder is "at" line 10 + its index, anything else at line 1. */
function codes(text: string, locale: string, fallbacks: Record<string, string>): string[] {
  const source = {
    text,
    placeholderAt: (index: number) => ({ file: 'x.md', line: 10 + index, column: 1 }),
    locate: () => ({ file: 'x.md', line: 1, column: 1 }),
  };
  return wordingProblems(source, locale, fallbacks).map((p) => `${p.code}@${p.line}`);
}

describe('wordingProblems: the text as a candidate reads it without the host values', () => {
  it('finds nothing in sentences that read right with the fallbacks', () => {
    expect(codes('Call {{support.phone}} today, or write about {{exam.name}}.', 'en', EN)).toEqual([]);
    expect(codes('at least {{policy.minRamGb}} gigabytes (GB) of RAM', 'en', EN)).toEqual([]);
    expect(codes('Llame al {{support.phone}} o en el {{support.phone}}. Tarda hasta {{policy.reviewDays}} días.', 'es', ES)).toEqual([]);
  });

  it('finds "en el el teléfono de soporte": a doubled word made by a fallback, at the placeholder', () => {
    expect(codes('o por teléfono en el {{support.phone}}.', 'es', { 'support.phone': 'el teléfono de soporte' })).toEqual(['kb.text.doubled_word@10']);
  });

  it('finds a doubled word the article wrote itself, whatever the case and line break', () => {
    expect(codes('Close the\nThe other apps.', 'en', EN)).toEqual(['kb.text.doubled_word@1']);
    expect(codes('Close the other apps.', 'en', EN)).toEqual([]);
    expect(codes('the thermometer', 'en', EN)).toEqual([]);
  });

  it('finds an article before a fallback that brings its own, and Spanish "a el"', () => {
    expect(codes('Good luck with the {{exam.name}}.', 'en', EN)).toEqual(['kb.placeholder.article_clash@10']);
    expect(codes('Cuente los {{policy.reviewDays}} días.', 'es', ES)).toEqual(['kb.placeholder.article_clash@10']);
    expect(codes('Escriba a {{support.email}}.', 'es', ES)).toEqual(['kb.placeholder.article_clash@10']);
    expect(codes('Escriba al {{support.phone}}.', 'es', ES)).toEqual([]);
  });

  it('finds a unit symbol after a fallback: "the set number of GB"', () => {
    expect(codes('at least {{policy.minRamGb}} GB of RAM', 'en', EN)).toEqual(['kb.placeholder.unit_after_fallback@10']);
    expect(codes('at least {{policy.minRamGb}} Mbps', 'en', EN)).toEqual(['kb.placeholder.unit_after_fallback@10']);
  });

  it('finds a fallback left without the noun it needs', () => {
    expect(codes('Reviews take {{policy.minRamGb}}.', 'en', EN)).toEqual(['kb.placeholder.dangling_fallback@10']);
    expect(codes('Reviews take {{policy.minRamGb}}', 'en', EN)).toEqual(['kb.placeholder.dangling_fallback@10']);
  });

  it('points at the right placeholder when there are several', () => {
    expect(codes('Call {{support.phone}} about the {{exam.name}}.', 'en', EN)).toEqual(['kb.placeholder.article_clash@11']);
  });

  it('leaves an unknown placeholder to its own rule', () => {
    expect(codes('the {{links.nowhere}} {{links.nowhere}}', 'en', EN)).toEqual([]);
  });

  it('checks doubled words and units in a language it has no grammar for', () => {
    expect(codes('le le {{policy.minRamGb}} GB', 'fr', EN)).toEqual(['kb.text.doubled_word@1', 'kb.placeholder.unit_after_fallback@10']);
  });
});
