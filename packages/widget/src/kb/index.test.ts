// @vitest-environment jsdom
import { waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { KB_URL, mountWidget, serveKnowledgeBase, type MountedWidget } from '../test-widget.ts';
import { loadKnowledge } from './index.ts';

const kb = serveKnowledgeBase();

/** The same word twice in a row, as "en el el teléfono de soporte". */
const DOUBLED_WORD = /(?<![\p{L}\p{N}])(\p{L}+)\s+\1(?![\p{L}\p{N}])/iu;

async function articleText(mounted: MountedWidget, id: string): Promise<string> {
  mounted.widget.showArticle(id);
  await waitFor(() => expect(mounted.shadow.querySelector('article')).not.toBeNull());
  return mounted.shadow.querySelector('article')!.textContent!.replace(/\s+/g, ' ');
}

async function ready(languages: string[]): Promise<MountedWidget> {
  const mounted = mountWidget({ languages });
  expect(mounted.widget.init({ kbUrl: KB_URL })).toBe(true);
  await waitFor(() => expect(mounted.details('ready')).toHaveLength(1));
  return mounted;
}

describe('the words for a value the host did not give come with the knowledge base', () => {
  it('loadKnowledge gives the locale file’s fallback for every placeholder', async () => {
    for (const locale of ['en', 'es']) {
      const knowledge = await loadKnowledge(KB_URL, locale, fetch);
      const compiled = kb.output().locales.get(locale)!;
      expect(Object.keys(compiled.fallbacks).length).toBeGreaterThan(40);
      for (const [name, phrase] of Object.entries(compiled.fallbacks)) expect(knowledge.fallback(name), name).toBe(phrase);
    }
  });

  it('fills a Spanish article without "en el el teléfono de soporte"', async () => {
    const text = await articleText(await ready(['es-ES']), 'contact-support');
    expect(text).toContain('teléfono de soporte');
    expect(text).not.toContain('{{');
    expect(text).not.toMatch(DOUBLED_WORD);
  });

  it('fills an English article without "the set number of GB of RAM"', async () => {
    const text = await articleText(await ready(['en-US']), 'system-requirements');
    expect(text).toContain('the set number of gigabytes (GB) of RAM');
    expect(text).not.toMatch(/set number of (GB|Mbps)/);
    expect(text).not.toContain('{{');
  });

  it('fills answer cards from the same fallbacks, and a host value still wins', async () => {
    const mounted = await ready(['es-ES']);
    mounted.widget.ask('quiero hablar con una persona');
    await waitFor(() => expect(mounted.shadow.querySelector('[data-article="contact-support"]')).not.toBeNull());
    const card = mounted.shadow.querySelector('[data-article="contact-support"]')!.textContent!;
    expect(card).not.toContain('{{');
    expect(card).not.toMatch(DOUBLED_WORD);
    mounted.widget.setContext({ support: { phone: '900 123 456' } });
    await waitFor(() => expect(mounted.shadow.querySelector('[data-article="contact-support"]')!.textContent).toContain('900 123 456'));
  });
});
