/** @module Reads a knowledge-base folder: the config, every article's front matter (validated) and compiled body. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ArticleFrontMatter, KbConfig } from '@lifeline/protocol';
import type * as z from 'zod/mini';
import { compileBody, type CompiledBody } from '../markdown/compile.ts';
import { parseFrontMatter, type ParsedFrontMatter } from './front-matter.ts';
import { translationSourceHash } from './hash.ts';
import { problem, type Problem } from './problem.ts';

export const CONFIG_FILE = 'kb.config.yaml';

export interface SourceArticle {
  /** Path relative to the current directory, as problems print it. */
  file: string;
  /** The locale folder the file sits in. */
  folderLocale: string;
  /** The file name without `.md`. */
  fileId: string;
  frontMatter: ArticleFrontMatter | undefined;
  body: CompiledBody;
  locate: ParsedFrontMatter['locate'];
  /** What a translation of this article records as `source_hash`. */
  sourceHash: string | undefined;
}

export interface KnowledgeBase {
  root: string;
  config: KbConfig | undefined;
  /** Where a key path of kb.config.yaml is, for problems about the config's values. */
  locateConfig: (keyPath: PropertyKey[]) => { file: string; line: number; column: number };
  articles: SourceArticle[];
  /** Problems found while reading: YAML, schema, markdown. Cross-article rules live in lint. */
  problems: Problem[];
}

export async function loadKnowledgeBase(root: string): Promise<KnowledgeBase> {
  const problems: Problem[] = [];
  const configFile = displayPath(path.join(root, CONFIG_FILE));
  const { config, locate } = await loadConfig(root, configFile, problems);
  const locateConfig = (keyPath: PropertyKey[]) => {
    const at = locate?.(keyPath) ?? { line: 2, column: 1 };
    return { file: configFile, line: at.line - 1, column: at.column };
  };
  const locales = config?.locales ?? (await localeFolders(root));
  const articles: SourceArticle[] = [];
  for (const locale of locales) {
    const folder = path.join(root, locale);
    const names = await readdir(folder).catch(() => undefined);
    if (names === undefined) {
      problems.push(problem({ file: configFile, line: 1, column: 1 }, 'kb.config.missing_locale_folder', `locale "${locale}" is listed but the folder ${displayPath(folder)} does not exist`));
      continue;
    }
    for (const name of names.filter((n) => n.endsWith('.md')).sort()) {
      const file = displayPath(path.join(folder, name));
      const source = await readFile(path.join(folder, name), 'utf8');
      const article = readArticle(file, locale, name.slice(0, -3), source);
      problems.push(...article.problems);
      articles.push(article.article);
    }
  }
  return { root, config, locateConfig, articles, problems };
}

export function readArticle(file: string, folderLocale: string, fileId: string, source: string): { article: SourceArticle; problems: Problem[] } {
  const parsed = parseFrontMatter(file, source);
  const problems = [...parsed.problems];
  let frontMatter: ArticleFrontMatter | undefined;
  if (parsed.data) {
    const result = ArticleFrontMatter.safeParse(parsed.data);
    if (result.success) frontMatter = result.data;
    else problems.push(...schemaProblems(file, parsed.data, result.error.issues, parsed.locate));
  }
  const body = compileBody({ file, body: parsed.body, bodyLine: parsed.bodyLine });
  problems.push(...body.problems);
  const sourceHash = frontMatter ? translationSourceHash({ ...frontMatter, body: parsed.body }) : undefined;
  return { article: { file, folderLocale, fileId, frontMatter, body, locate: parsed.locate, sourceHash }, problems };
}

async function loadConfig(root: string, file: string, problems: Problem[]): Promise<{ config?: KbConfig; locate?: ParsedFrontMatter['locate'] }> {
  const source = await readFile(path.join(root, CONFIG_FILE), 'utf8').catch(() => undefined);
  if (source === undefined) {
    problems.push(problem({ file, line: 1, column: 1 }, 'kb.config.missing', `no ${CONFIG_FILE} in ${displayPath(root)}: it holds the KB version, the locales and the placeholders (see docs/authoring.md)`));
    return {};
  }
  // The config is plain YAML; wrap it as front matter to reuse the located parser.
  const parsed = parseFrontMatter(file, `---\n${source}\n---\n`);
  const shift = (p: Problem) => ({ ...p, line: p.line - 1 });
  problems.push(...parsed.problems.map(shift));
  if (!parsed.data) return {};
  const result = KbConfig.safeParse(parsed.data);
  if (result.success) return { config: result.data, locate: parsed.locate };
  problems.push(...schemaProblems(file, parsed.data, result.error.issues, parsed.locate).map(shift));
  return {};
}

function schemaProblems(file: string, data: unknown, issues: z.core.$ZodIssue[], locate: ParsedFrontMatter['locate']): Problem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) =>
        problem({ file, ...locate([...issue.path, key]) }, 'kb.front_matter.unknown_field', `unknown field "${key}"; see docs/authoring.md for the fields an article has`),
      );
    }
    const field = issue.path.join('.');
    const missing = issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined;
    const code = missing ? 'kb.front_matter.missing_field' : 'kb.front_matter.invalid';
    const message = missing
      ? `"${field}" is required`
      : issue.code === 'invalid_value'
        ? `"${field}" must be one of: ${issue.values.map(String).join(', ')}`
        : `"${field}": ${issue.message}`;
    return [problem({ file, ...locate(issue.path) }, code, message)];
  });
}

function valueAt(data: unknown, keyPath: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of keyPath) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

async function localeFolders(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && /^[a-z]{2,3}(-[A-Z]{2})?$/.test(e.name)).map((e) => e.name).sort();
}

export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative.startsWith('..') ? absolute : relative || '.';
}
