import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../source/load.ts';
import { lintKnowledgeBase } from './index.ts';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/bad-kb');

describe('lint on a knowledge base that breaks every rule once', async () => {
  const kb = await loadKnowledgeBase(fixture);
  const problems = lintKnowledgeBase(kb, { today: '2026-11-23' });
  const found = problems.map((p) => `${p.code} ${path.relative(fixture, path.resolve(p.file))}:${p.line}`);

  it.each([
    ['kb.front_matter.missing_field', 'en/bad-schema.md:2'],
    ['kb.front_matter.invalid', 'en/bad-schema.md:7'],
    ['kb.front_matter.unknown_field', 'en/bad-schema.md:15'],
    ['kb.article.duplicate_id', 'en/twin.md:2'],
    ['kb.article.id_mismatch', 'en/twin.md:2'],
    ['kb.article.unknown_related', 'en/links.md:13'],
    ['kb.markdown.unknown_article', 'en/links.md:21'],
    ['kb.translation.missing', 'en/links.md:2'],
    ['kb.translation.outdated', 'es/good.md:4'],
    ['kb.translation.unstamped', 'es/plain.md:2'],
    ['kb.translation.orphan', 'es/orphan.md:2'],
    ['kb.review.past_due', 'en/links.md:16'],
    ['kb.review.too_few_reviewers', 'en/links.md:15'],
    ['kb.placeholder.unknown', 'en/links.md:5'],
    ['kb.placeholder.unknown', 'en/links.md:31'],
    ['kb.markdown.raw_html', 'en/links.md:25'],
    ['kb.markdown.raw_html', 'en/links.md:27'],
    ['kb.markdown.unsafe_link', 'en/links.md:23'],
    ['kb.markdown.unsafe_link', 'en/links.md:29'],
    ['kb.article.too_few_questions', 'en/links.md:7'],
    ['kb.article.shared_question', 'en/links.md:7'],
    ['kb.config.unknown_featured', 'kb.config.yaml:10'],
    ['kb.config.missing_fallback', 'kb.config.yaml:8'],
    ['kb.translation.handover_mismatch', 'es/wording.md:2'],
    // Read with the fallbacks, as a candidate sees an article when the host gave no values.
    ['kb.text.doubled_word', 'es/wording.md:6'],
    ['kb.text.doubled_word', 'en/wording.md:23'],
    ['kb.placeholder.article_clash', 'es/wording.md:19'],
    ['kb.placeholder.article_clash', 'en/wording.md:19'],
    ['kb.placeholder.unit_after_fallback', 'en/wording.md:5'],
    ['kb.placeholder.dangling_fallback', 'en/wording.md:21'],
  ])('%s fires at %s', (code, where) => {
    expect(found).toContain(`${code} ${where}`);
  });

  it('reports nothing about the articles that are right', () => {
    expect(found.filter((f) => f.includes('en/good.md') || f.includes('en/plain.md'))).toEqual([]);
  });

  it('points at the exact column of a bad link', () => {
    const unsafe = problems.find((p) => p.code === 'kb.markdown.unsafe_link' && p.line === 23);
    expect(unsafe?.column).toBe(14);
  });

  it('treats a review past due and a shared question as warnings, everything else as errors', () => {
    expect(new Set(problems.filter((p) => p.severity === 'warning').map((p) => p.code))).toEqual(new Set(['kb.review.past_due', 'kb.article.shared_question']));
  });

  it('is quiet about reviews when judged on the day of the review', () => {
    const early = lintKnowledgeBase(kb, { today: '2020-01-02' }).map((p) => p.code);
    expect(early).not.toContain('kb.review.past_due');
  });
});

describe('lint on the real knowledge base', async () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../knowledge-base');
  const kb = await loadKnowledgeBase(root);

  it('finds no errors', () => {
    const errors = lintKnowledgeBase(kb).filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.file}:${p.line}:${p.column} ${p.code} ${p.message}`)).toEqual([]);
  });

  it('holds every article of the topic catalog in English and Spanish', async () => {
    const { readFile } = await import('node:fs/promises');
    const catalog = await readFile(path.resolve(root, '../../shared/kb-topics.md'), 'utf8').catch(() => undefined);
    const ids = catalog ? [...catalog.matchAll(/^\| ([a-z]+(?:-[a-z]+)*) \| [a-z-]+ \|/gm)].map((m) => m[1]) : [];
    expect(ids.length === 0 || ids.length === 45).toBe(true);
    for (const locale of ['en', 'es']) {
      const published = new Set(kb.articles.filter((a) => a.frontMatter?.locale === locale && a.frontMatter.status === 'published').map((a) => a.frontMatter?.id));
      for (const id of ids) expect(published, `${locale}/${id}.md`).toContain(id);
      expect(published.size).toBeGreaterThanOrEqual(45);
    }
  });
});
