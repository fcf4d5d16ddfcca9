import type { HostContext } from '@lifeline/protocol';
import { describe, expect, it } from 'vitest';
import { loadLanguage, neutralPhrase } from '../i18n/index.ts';
import '../test-support.ts';
import { escapeHtml, fillHtml } from './index.ts';

const neutralIn = async (locale: 'en' | 'es') => {
  const { neutral } = await loadLanguage(locale);
  return (name: string) => neutralPhrase(neutral, name);
};

describe('fillHtml', () => {
  it('fills a value as escaped text', async () => {
    const context: HostContext = { exam: { name: '<script>alert("x")</script> & <b>co</b>' } };
    const html = fillHtml('<p>Good luck with {{exam.name}}.</p>', context, await neutralIn('en'));
    expect(html).toBe('<p>Good luck with &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#60;b&#62;co&#60;/b&#62;.</p>');
    expect(html).not.toContain('<script');
  });

  it('escapes a neutral phrase too', async () => {
    expect(fillHtml('<p>{{links.appeals}}</p>', {}, () => '<i>x</i>')).toBe('<p>&#60;i&#62;x&#60;/i&#62;</p>');
  });

  it('puts neutral phrases where values are missing, in English and Spanish', async () => {
    const html = '<p>Call {{support.phone}} or see {{links.support}}.</p>';
    expect(fillHtml(html, {}, await neutralIn('en'))).toBe('<p>Call the support phone number or see the support page.</p>');
    expect(fillHtml(html, {}, await neutralIn('es'))).toBe('<p>Call el teléfono de soporte or see la página de soporte.</p>');
  });

  it('turns an http(s) link value into a link that opens apart from the exam', async () => {
    const html = fillHtml('<p>Go to {{links.support}}.</p>', { links: { support: 'https://help.example.com/support/' } }, await neutralIn('en'));
    expect(html).toBe('<p>Go to <a href="https://help.example.com/support/" target="_blank" rel="noopener noreferrer">help.example.com/support</a>.</p>');
  });

  it('shows a javascript: link value as text, not a link', async () => {
    const html = fillHtml('<p>Go to {{links.support}}.</p>', { links: { support: 'javascript:alert(1)' } }, await neutralIn('en'));
    expect(html).toBe('<p>Go to javascript:alert(1).</p>');
    expect(html).not.toContain('href');
  });

  it('gives a data-href placeholder link an href only for http(s)', async () => {
    const source = '<p>Read <a data-href="links.examRules">the rules</a>.</p>';
    const neutral = await neutralIn('en');
    expect(fillHtml(source, { links: { examRules: 'https://exams.example.com/rules?a=1&b="2"' } }, neutral)).toBe(
      '<p>Read <a href="https://exams.example.com/rules?a=1&#38;b=%222%22">the rules</a>.</p>',
    );
    const unsafe: Record<string, string>[] = [{ examRules: 'javascript:alert(1)' }, { examRules: 'data:text/html,x' }, {}];
    for (const links of unsafe) {
      expect(fillHtml(source, { links }, neutral)).toBe('<p>Read <a>the rules</a>.</p>');
    }
  });

  it('fills an article of the real knowledge base without leaving a placeholder', async () => {
    // The compiled shape of knowledge-base/en/contact-support.md's first paragraph.
    const html = '<p>During support hours\n({{support.hours}}) someone answers live.</p>';
    expect(fillHtml(html, { support: { hours: 'Mon–Fri 8–20' } }, await neutralIn('en'))).toBe('<p>During support hours\n(Mon–Fri 8–20) someone answers live.</p>');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });
});
