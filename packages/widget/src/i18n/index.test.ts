import { describe, expect, it } from 'vitest';
import '../test-support.ts';
import { LAUNCHER_STRINGS } from './launcher-strings.ts';
import { directionOf, format, kbLocaleFor, loadLanguage, resolveLocale, RTL_PSEUDO_LOCALE, UI_LOCALES, type Language } from './index.ts';

describe('resolveLocale', () => {
  it('takes the configured locale first', () => {
    expect(resolveLocale('es', ['en-US'])).toBe('es');
    expect(resolveLocale('en', ['es-MX'])).toBe('en');
  });

  it('then the browser languages, in order, by their language part', () => {
    expect(resolveLocale(undefined, ['es-MX', 'en'])).toBe('es');
    expect(resolveLocale(undefined, ['fr-FR', 'ES', 'en'])).toBe('es');
    expect(resolveLocale('pt-BR', ['de', 'en-GB'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(resolveLocale(undefined, [])).toBe('en');
    expect(resolveLocale('fr', ['de-DE', 'ja'])).toBe('en');
    expect(resolveLocale('', [''])).toBe('en');
  });

  it('keeps the right-to-left pseudo-locale ar-XB, and no other Arabic', () => {
    expect(resolveLocale(RTL_PSEUDO_LOCALE, ['es'])).toBe('ar-XB');
    expect(resolveLocale(undefined, ['ar-XB'])).toBe('ar-XB');
    expect(resolveLocale('ar', ['es'])).toBe('es');
  });
});

describe('direction and knowledge-base locale', () => {
  it('lays out only the pseudo-locale right to left', () => {
    expect(UI_LOCALES.map(directionOf)).toEqual(['ltr', 'ltr', 'rtl']);
  });

  it('reads English articles in the pseudo-locale', () => {
    expect(UI_LOCALES.map(kbLocaleFor)).toEqual(['en', 'es', 'en']);
  });
});

describe('languages', () => {
  const load = async () => ({ en: await loadLanguage('en'), es: await loadLanguage('es'), rtl: await loadLanguage('ar-XB') });

  it('Spanish defines every English string, none empty, and only those', async () => {
    const { en, es } = await load();
    const keys = Object.keys(en.strings).sort();
    expect(keys.length).toBeGreaterThan(20);
    expect(Object.keys(es.strings).sort()).toEqual(keys);
    for (const language of [en, es]) {
      for (const key of keys) expect(language.strings[key as keyof Language['strings']].trim(), key).not.toBe('');
    }
  });

  it('Spanish is a translation, not a copy', async () => {
    const { en, es } = await load();
    expect(es.strings.title).not.toBe(en.strings.title);
    expect(es.strings.talkToPerson).not.toBe(en.strings.talkToPerson);
  });

  it('keeps the {hours} slot in both languages', async () => {
    const { en, es } = await load();
    for (const language of [en, es]) expect(format(language.strings.supportHours, { hours: '9–17' })).toContain('9–17');
  });

  it('wraps every English string in right-to-left marks for the pseudo-locale', async () => {
    const { en, rtl } = await load();
    expect(Object.keys(rtl.strings)).toEqual(Object.keys(en.strings));
    for (const [key, text] of Object.entries(rtl.strings)) expect(text).toBe(`\u202e${en.strings[key as keyof Language['strings']]}\u202c`);
  });

  it('the loader draws the launcher with the same words as the widget', async () => {
    const { en, es } = await load();
    expect(LAUNCHER_STRINGS.en).toEqual({ launcher: en.strings.launcher, launcherLabel: en.strings.launcherLabel });
    expect(LAUNCHER_STRINGS.es).toEqual({ launcher: es.strings.launcher, launcherLabel: es.strings.launcherLabel });
  });
});

describe('format', () => {
  it('fills named slots and leaves unknown ones', () => {
    expect(format('Support hours: {hours} ({zone})', { hours: '9–17' })).toBe('Support hours: 9–17 ({zone})');
  });
});
