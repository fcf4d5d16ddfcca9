/**
 * @module The console's languages: English and Spanish, chosen from the browser's languages unless
 * the agent switched (remembered in localStorage), and the words of an API error code.
 */
import { en } from './en.ts';
import { es } from './es.ts';

export type Strings = { readonly [K in keyof typeof en]: string };
export type StringKey = keyof Strings;

export const LOCALES = ['en', 'es'] as const;
export type ConsoleLocale = (typeof LOCALES)[number];

export const LOCALE_NAMES: Record<ConsoleLocale, string> = { en: 'English', es: 'Español' };

const WORDS: Record<ConsoleLocale, Strings> = { en, es };

export const LOCALE_STORAGE_KEY = 'lifeline-console:locale';

export function stringsFor(locale: ConsoleLocale): Strings {
  return WORDS[locale];
}

/** A language code (`es-MX`, `en`) to the console language that fits it, or undefined. */
export function toLocale(code: string | null | undefined): ConsoleLocale | undefined {
  const language = code?.toLowerCase().split('-')[0];
  return LOCALES.find((locale) => locale === language);
}

/** The saved choice first, then the browser's languages in order, then English. */
export function resolveLocale(saved: string | null | undefined, browserLanguages: readonly string[]): ConsoleLocale {
  for (const code of [saved, ...browserLanguages]) {
    const locale = toLocale(code);
    if (locale) return locale;
  }
  return 'en';
}

export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** `conversation.full` → its sentence; a code the console does not know keeps the code in the sentence. */
export function errorText(strings: Strings, code: string): string {
  const key = `error_${code.replace(/\./g, '_')}`;
  return key in strings ? strings[key as StringKey] : format(strings.error_unknown, { code });
}

/** The words of a key built from data (`phase_during`, `status_fail`), or the raw value when there are none. */
export function wordFor(strings: Strings, prefix: string, value: string): string {
  const key = `${prefix}_${value}`;
  return key in strings ? strings[key as StringKey] : value;
}
