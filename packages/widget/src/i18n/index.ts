/**
 * @module The widget's languages: which one to use, its direction, and its words. Each language is a
 * lazy chunk (en.ts, es.ts), so a candidate downloads only the one they read.
 */
import type { strings as englishStrings } from './en.ts';

export type UiStrings = { readonly [K in keyof typeof englishStrings]: string };

type Phrases = Record<string, string>;

/** What a sentence says when the host did not give a placeholder's value: neutral, never a raw `{{...}}`. */
export interface NeutralPhrases {
  exact: Phrases;
  namespace: Phrases;
  /** For counts such as `policy.rescheduleHours`: "the set number of" hours. */
  number: string;
  fallback: string;
}

export interface Language {
  strings: UiStrings;
  neutral: NeutralPhrases;
}

/** The pseudo-locale that lays the widget out right to left, for tests (Android's `ar-XB` convention). */
export const RTL_PSEUDO_LOCALE = 'ar-XB';

export const UI_LOCALES = ['en', 'es', RTL_PSEUDO_LOCALE] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** Config first, then the browser's languages in order, then English. */
export function resolveLocale(configured: string | undefined, browserLanguages: readonly string[]): UiLocale {
  for (const candidate of [configured, ...browserLanguages]) {
    if (!candidate) continue;
    if (candidate === RTL_PSEUDO_LOCALE) return RTL_PSEUDO_LOCALE;
    const language = candidate.toLowerCase().split('-')[0];
    if (language === 'en' || language === 'es') return language;
  }
  return 'en';
}

export async function loadLanguage(locale: UiLocale): Promise<Language> {
  if (locale === 'es') return (await import('./es.ts')).language;
  // The right-to-left pseudo-locale is for testing layouts: its own small chunk, so no candidate downloads it.
  return locale === RTL_PSEUDO_LOCALE ? (await import('./pseudo.ts')).language : (await import('./en.ts')).language;
}

export function directionOf(locale: UiLocale): 'ltr' | 'rtl' {
  return locale === RTL_PSEUDO_LOCALE ? 'rtl' : 'ltr';
}

/** The KB has no pseudo-locale; its articles come in English. */
export function kbLocaleFor(locale: UiLocale): string {
  return locale === RTL_PSEUDO_LOCALE ? 'en' : locale;
}

export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Policy values that are counts (`policy.rescheduleHours`) read as "the set number of hours". */
const COUNT_POLICY = /(Hours|Days|Minutes|Mbps|Gb)$/;

export function neutralPhrase(phrases: NeutralPhrases, name: string): string {
  const exact = phrases.exact[name];
  if (exact) return exact;
  if (name.startsWith('policy.') && COUNT_POLICY.test(name)) return phrases.number;
  return phrases.namespace[name.split('.')[0] ?? ''] ?? phrases.fallback;
}
