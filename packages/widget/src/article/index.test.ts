import type { HostContext } from '@lifeline/protocol';
import { describe, expect, it } from 'vitest';
import '../test-support.ts';
import { escapeHtml, fillHtml } from './index.ts';

/** Fallbacks as the compiled locale files carry them (kb.config.yaml `placeholders`). */
const FALLBACKS = {
  en: { 'support.phone': 'the support phone number', 'links.support': 'the support page', 'support.hours': 'the hours shown on the support page' },
  es: { 'support.phone': 'teléfono de soporte', 'links.support': 'la página de soporte', 'support.hours': 'el horario indicado en la página de soporte' },
} as const;
const fallbackIn = async (locale: 'en' | 'es') => (name: string) => (FALLBACKS[locale] as Record<string, string>)[name] ?? '';

describe('fillHtml', () => {
  it('fills a value as escaped text', async () => {
    const context: HostContext = { exam: { name: '<script>alert("x")</script> & <b>co</b>' } };
    const html = fillHtml('<p>Good luck with {{exam.name}}.</p>', context, await fallbackIn('en'));
    expect(html).toBe('<p>Good luck with &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#60;b&#62;co&#60;/b&#62;.</p>');
    expect(html).not.toContain('<script');
  });

  it('escapes a fallback too', async () => {
    expect(fillHtml('<p>{{links.appeals}}</p>', {}, () => '<i>x</i>')).toBe('<p>&#60;i&#62;x&#60;/i&#62;</p>');
  });

  it('puts the fallbacks where values are missing, in English and Spanish', async () => {
    expect(fillHtml('<p>Call {{support.phone}} or see {{links.support}}.</p>', {}, await fallbackIn('en'))).toBe('<p>Call the support phone number or see the support page.</p>');
    expect(fillHtml('<p>Llame al {{support.phone}} o vea {{links.support}}.</p>', {}, await fallbackIn('es'))).toBe('<p>Llame al teléfono de soporte o vea la página de soporte.</p>');
  });

  it('turns an http(s) link value into a link that opens apart from the exam', async () => {
    const html = fillHtml('<p>Go to {{links.support}}.</p>', { links: { support: 'https://help.example.com/support/' } }, await fallbackIn('en'));
    expect(html).toBe('<p>Go to <a href="https://help.example.com/support/" target="_blank" rel="noopener noreferrer">help.example.com/support</a>.</p>');
  });

  it('shows a javascript: link value as text, not a link', async () => {
    const html = fillHtml('<p>Go to {{links.support}}.</p>', { links: { support: 'javascript:alert(1)' } }, await fallbackIn('en'));
    expect(html).toBe('<p>Go to javascript:alert(1).</p>');
    expect(html).not.toContain('href');
  });

  it('gives a data-href placeholder link an href only for http(s)', async () => {
    const source = '<p>Read <a data-href="links.examRules">the rules</a>.</p>';
    const fallback = await fallbackIn('en');
    expect(fillHtml(source, { links: { examRules: 'https://exams.example.com/rules?a=1&b="2"' } }, fallback)).toBe(
      '<p>Read <a href="https://exams.example.com/rules?a=1&#38;b=%222%22">the rules</a>.</p>',
    );
    const unsafe: Record<string, string>[] = [{ examRules: 'javascript:alert(1)' }, { examRules: 'data:text/html,x' }, {}];
    for (const links of unsafe) {
      expect(fillHtml(source, { links }, fallback)).toBe('<p>Read <a>the rules</a>.</p>');
    }
  });

  it('fills an article of the real knowledge base without leaving a placeholder', async () => {
    // The compiled shape of knowledge-base/en/contact-support.md's first paragraph.
    const html = '<p>During support hours\n({{support.hours}}) someone answers live.</p>';
    expect(fillHtml(html, { support: { hours: 'Mon–Fri 8–20' } }, await fallbackIn('en'))).toBe('<p>During support hours\n(Mon–Fri 8–20) someone answers live.</p>');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });
});
