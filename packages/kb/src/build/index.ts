/** @module build: compiles a linted knowledge base into content-addressed locale files and a manifest. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { KB_FORMAT_VERSION, LifelineError, type CompiledArticle, type CompiledKb, type KbManifest } from '@lifeline/protocol';
import { lintKnowledgeBase, type LintOptions } from '../lint/index.ts';
import { sha256Hex } from '../source/hash.ts';
import type { KnowledgeBase } from '../source/load.ts';
import type { Problem } from '../source/problem.ts';

export interface BuildOutput {
  manifest: KbManifest;
  /** File name -> exact bytes to write, manifest.json included. */
  files: Map<string, string>;
  /** The compiled locale files, parsed, for callers that search right away. */
  locales: Map<string, CompiledKb>;
}

export type BuildResult = { ok: true; output: BuildOutput; warnings: Problem[] } | { ok: false; problems: Problem[] };

export function buildKnowledgeBase(kb: KnowledgeBase, options: LintOptions = {}): BuildResult {
  const problems = lintKnowledgeBase(kb, options);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !kb.config) return { ok: false, problems: errors };
  const config = kb.config;
  const files = new Map<string, string>();
  const locales = new Map<string, CompiledKb>();
  const manifest: KbManifest = { format: KB_FORMAT_VERSION, kbVersion: config.version, locales: {} };
  for (const locale of config.locales) {
    const articles = kb.articles
      .flatMap((a) => (a.frontMatter?.locale === locale && a.frontMatter.status === 'published' ? [compileArticle(a.frontMatter, a.body)] : []))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const search = config.search[locale] ?? { synonyms: {}, stopWords: [] };
    const published = new Set(articles.map((a) => a.id));
    const featured = Object.fromEntries(Object.entries(config.featured).map(([phase, ids]) => [phase, (ids ?? []).filter((id) => published.has(id))]));
    // Lint has made sure every placeholder has a fallback in every locale.
    const fallbacks = Object.fromEntries(Object.entries(config.placeholders).map(([name, byLocale]) => [name, byLocale[locale] ?? '']));
    const compiled: CompiledKb = { format: KB_FORMAT_VERSION, kbVersion: config.version, locale, search, featured, fallbacks, articles };
    const content = `${JSON.stringify(compiled)}\n`;
    const hash = sha256Hex(content, 12);
    const file = `${locale}.${hash}.json`;
    files.set(file, content);
    locales.set(locale, compiled);
    manifest.locales[locale] = { file, hash, articles: articles.length };
  }
  files.set('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return { ok: true, output: { manifest, files, locales }, warnings: problems };
}

function compileArticle(fm: NonNullable<KnowledgeBase['articles'][number]['frontMatter']>, body: KnowledgeBase['articles'][number]['body']): CompiledArticle {
  const placeholders = [...new Set(body.placeholders.map((p) => p.name))].sort();
  const article: CompiledArticle = {
    id: fm.id,
    title: fm.title,
    summary: fm.summary.trim(),
    questions: fm.questions,
    keywords: fm.keywords,
    topic: fm.topic,
    phase: fm.phase,
    related: fm.related,
    html: body.html,
    text: body.text,
    placeholders,
  };
  if (fm.check !== undefined) article.check = fm.check;
  if (fm.handover) article.handover = true;
  return article;
}

export async function writeBuild(outDir: string, output: BuildOutput): Promise<void> {
  try {
    await mkdir(outDir, { recursive: true });
    for (const [name, content] of output.files) await writeFile(path.join(outDir, name), content);
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    throw new LifelineError('kb.build.write_failed', `could not write the build to ${outDir} (${reason}): choose a folder you can write to with --out`, { cause });
  }
}
