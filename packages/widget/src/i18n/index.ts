/**
 * @module The widget's languages: which one to use, its direction, and its words. Each language is a
 * lazy chunk (en.ts, es.ts), so a candidate downloads only the one they read.
 */
import type { strings as englishStrings } from './en.ts';

export type UiStrings = { readonly [K in keyof typeof englishStrings]: string };

/** The words for a placeholder the host left empty come with the knowledge base (its `fallbacks`), not from here. */
export interface Language {
  strings: UiStrings;
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
