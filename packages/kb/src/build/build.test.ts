import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompiledKb, KbManifest } from '@lifeline/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../source/load.ts';
import { buildKnowledgeBase, writeBuild } from './index.ts';

const realKb = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../knowledge-base');
const temp: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lifeline-build-'));
  temp.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

const article = (body: string) => `---
id: only
locale: en
title: Only article
summary: The only article.
questions: [one, two, three, four, five]
keywords: [alpha, beta, gamma]
topic: support
phase: any
related: []
owner: support-content
reviewed_by: [ana.moreno, li.chen]
reviewed_at: 2026-11-01
review_every: 180
status: published
---

${body}
`;

async function kbWith(body: string): Promise<string> {
  const dir = await tempDir();
  await mkdir(path.join(dir, 'en'));
  await writeFile(path.join(dir, 'kb.config.yaml'), 'version: t1\nsourceLocale: en\nlocales: [en]\nplaceholders: {}\n');
  await writeFile(path.join(dir, 'en/only.md'), article(body));
  return dir;
}

describe('buildKnowledgeBase', () => {
  it('gives byte-identical files for the same input', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    for (const out of [a, b]) {
      const result = buildKnowledgeBase(await loadKnowledgeBase(realKb), { today: '2026-11-23' });
      if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
      await writeBuild(out, result.output);
    }
    const names = (await readdir(a)).sort();
    expect(names).toEqual((await readdir(b)).sort());
    expect(names).toContain('manifest.json');
    for (const name of names) expect(await readFile(path.join(a, name))).toEqual(await readFile(path.join(b, name)));
  });

  it('writes a manifest that names a content-addressed file per locale', async () => {
    const result = buildKnowledgeBase(await loadKnowledgeBase(realKb), { today: '2026-11-23' });
    if (!result.ok) throw new Error('the real KB must build');
    const manifest = KbManifest.parse(JSON.parse(result.output.files.get('manifest.json') ?? ''));
    expect(Object.keys(manifest.locales).sort()).toEqual(['en', 'es']);
    for (const [locale, entry] of Object.entries(manifest.locales)) {
      expect(entry.file).toMatch(new RegExp(`^${locale}\\.[0-9a-f]{12}\\.json$`));
      const compiled = CompiledKb.parse(JSON.parse(result.output.files.get(entry.file) ?? ''));
      expect(compiled.articles.length).toBe(entry.articles);
      expect(entry.articles).toBeGreaterThanOrEqual(45);
      for (const a of compiled.articles) expect(a.html).not.toMatch(/<script|onerror=|href="(javascript|data|vbscript):/i);
    }
  });

  it('changes the file name when the content changes', async () => {
    const one = buildKnowledgeBase(await loadKnowledgeBase(await kbWith('First text.')));
    const two = buildKnowledgeBase(await loadKnowledgeBase(await kbWith('Second text.')));
    if (!one.ok || !two.ok) throw new Error('both must build');
    expect(one.output.manifest.locales.en?.file).not.toBe(two.output.manifest.locales.en?.file);
  });

  it.each([
    ['a javascript: link', '[x](javascript:alert(1))', 'kb.markdown.unsafe_link'],
    ['a raw <script>', '<script>alert(1)</script>', 'kb.markdown.raw_html'],
    ['an <img onerror>', 'x <img src=x onerror=alert(1)>', 'kb.markdown.raw_html'],
    ['a data: URI', '[x](data:text/html,hi)', 'kb.markdown.unsafe_link'],
  ])('refuses %s with a clear error and writes nothing', async (_name, body, code) => {
    const result = buildKnowledgeBase(await loadKnowledgeBase(await kbWith(body)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toContain(code);
    const problem = result.problems.find((p) => p.code === code);
    expect(problem?.file).toMatch(/en[/\\]only\.md$/);
    expect(problem?.line).toBe(18);
  });
});
