import { AGENT_ROLES, CHECK_IDS, CHECK_REASONS, CHECK_STATUSES, PHASES, RESOLUTIONS } from '@lifeline/protocol';
import { describe, expect, it } from 'vitest';
import { REASON_WORDS } from '../context/index.ts';
import { CANNED_REPLIES } from '../reply/index.ts';
import { SHORTCUT_HELP } from '../shortcuts/index.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { errorText, LOCALES, resolveLocale, stringsFor, wordFor, type Strings } from './index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the words, complete in Spanish', () => {
  it('has every English key in Spanish, none empty, with the same {placeholders}', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [key, english] of Object.entries(en)) {
      const spanish = es[key as keyof Strings];
      expect(spanish.trim(), key).not.toBe('');
      expect(placeholders(spanish), key).toEqual(placeholders(english));
    }
  });

  it('translates the sentences, not only the keys (names and codes may stay the same)', () => {
    const same = Object.keys(en).filter((key) => en[key as keyof Strings] === es[key as keyof Strings]);
    expect(same.sort()).toEqual(['announceMessage', 'signedInAs', 'system', 'view_chats']);
  });

  it.each(LOCALES)('has words in %s for every value the data can hold', (locale) => {
    const strings = stringsFor(locale);
    const values: [string, readonly string[]][] = [
      ['phase', PHASES],
      ['status', CHECK_STATUSES],
      ['check', CHECK_IDS],
      ['resolution', RESOLUTIONS],
      ['role', AGENT_ROLES],
      ['line', ['connecting', 'open', 'retrying']],
      ['presence', ['online', 'away']],
      ['view', ['chats', 'audit', 'ratings']],
      ['action', ['assign', 'reassign', 'open', 'note', 'message', 'close', 'transfer', 'tag', 'escalate', 'rate']],
      ['candidate', ['connected', 'left']],
    ];
    for (const [prefix, list] of values) {
      for (const value of list) expect(`${prefix}_${value}` in strings, `${prefix}_${value}`).toBe(true);
    }
    expect(wordFor(strings, 'status', 'fail')).not.toBe('fail');
    for (const row of SHORTCUT_HELP) expect(strings[row.words]).toBeTruthy();
  });

  it.each(LOCALES)('explains in %s every error code the console API answers', (locale) => {
    const strings = stringsFor(locale);
    const codes = ['console.sign_in_failed', 'console.signed_out', 'console.csrf', 'console.leads_only', 'request.invalid', 'network.failed', 'conversation.full', 'conversation.taken', 'conversation.empty', 'conversation.not_found', 'conversation.not_yours', 'conversation.closed'];
    for (const code of codes) expect(errorText(strings, code), code).not.toContain(code);
    expect(errorText(strings, 'teapot.short')).toContain('teapot.short');
  });

  it('has plain words for every check reason in both languages', () => {
    const reasons = [...new Set(Object.values(CHECK_REASONS).flat())].sort();
    for (const locale of LOCALES) {
      expect(Object.keys(REASON_WORDS[locale]).sort(), locale).toEqual(reasons);
      for (const words of Object.values(REASON_WORDS[locale])) expect(words.trim()).not.toBe('');
    }
    expect(REASON_WORDS.es['camera.in_use']).not.toBe(REASON_WORDS.en['camera.in_use']);
  });

  it('has every canned reply’s title and text in both languages', () => {
    for (const reply of CANNED_REPLIES) {
      for (const locale of LOCALES) {
        expect(reply.title[locale].trim(), reply.id).not.toBe('');
        expect(reply.text[locale].trim(), reply.id).not.toBe('');
      }
      expect(reply.text.es).not.toBe(reply.text.en);
    }
  });
});

describe('resolveLocale', () => {
  it('takes the saved choice, then the browser’s languages in order, then English', () => {
    expect(resolveLocale('es', ['en-US'])).toBe('es');
    expect(resolveLocale(null, ['fr-FR', 'es-MX', 'en'])).toBe('es');
    expect(resolveLocale('de', ['EN-gb'])).toBe('en');
    expect(resolveLocale(undefined, ['fr'])).toBe('en');
  });
});
