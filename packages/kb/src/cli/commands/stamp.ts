/** @module `lifeline-kb stamp`: writes each translation's source_hash, marking it as following the current English text. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadKnowledgeBase } from '../../source/load.ts';
import { EXIT, parseCommandArgs, type Command } from '../command.ts';
import { DEFAULT_SOURCE } from '../kb-source.ts';

const HELP = `Usage: lifeline-kb stamp [FILE ...] [--source DIR]

After a translator has brought a translation in line with its English article, record which English
text it follows: writes "source_hash" into the translation's front matter. Without FILE, stamps every
translation that has no source_hash yet; name files to re-stamp translations you have updated.

Exit codes: 0 stamped, 1 a file could not be stamped, 2 wrong usage.
`;

export const runStamp: Command = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, { source: { type: 'string' } }, true);
  if (values.help) return void process.stdout.write(HELP), EXIT.ok;
  const kb = await loadKnowledgeBase(values.source ?? DEFAULT_SOURCE);
  const sourceLocale = kb.config?.sourceLocale ?? 'en';
  const named = new Set(positionals.map((p) => path.resolve(p)));
  const sources = new Map(kb.articles.filter((a) => a.frontMatter?.locale === sourceLocale).map((a) => [a.fileId, a]));
  let failures = 0;
  let stamped = 0;
  const translations = new Set(kb.articles.filter((a) => a.frontMatter && a.frontMatter.locale !== sourceLocale).map((a) => path.resolve(a.file)));
  for (const file of positionals.filter((p) => !translations.has(path.resolve(p)))) {
    process.stderr.write(`${file}:1:1  kb.stamp.not_a_translation  not a translation in ${values.source ?? DEFAULT_SOURCE}/ (only files of the other locales, with valid front matter, can be stamped)\n`);
    failures += 1;
  }
  for (const article of kb.articles) {
    const fm = article.frontMatter;
    if (!fm || fm.locale === sourceLocale) continue;
    const wanted = named.size > 0 ? named.has(path.resolve(article.file)) : fm.source_hash === undefined;
    if (!wanted) continue;
    const hash = sources.get(article.fileId)?.sourceHash;
    if (!hash) {
      process.stderr.write(`${article.file}:1:1  kb.translation.orphan  no valid ${sourceLocale}/${article.fileId}.md to follow\n`);
      failures += 1;
      continue;
    }
    const text = await readFile(article.file, 'utf8');
    await writeFile(article.file, withSourceHash(text, hash));
    stamped += 1;
  }
  process.stdout.write(`${stamped} translation(s) stamped\n`);
  return failures > 0 ? EXIT.problems : EXIT.ok;
};

/** Replaces the front matter's source_hash line, or adds one after `locale:`. */
export function withSourceHash(text: string, hash: string): string {
  const end = text.indexOf('\n---', 3);
  const head = text.slice(0, end);
  const rest = text.slice(end);
  if (/^source_hash:.*$/m.test(head)) return head.replace(/^source_hash:.*$/m, `source_hash: ${hash}`) + rest;
  return head.replace(/^(locale:.*)$/m, `$1\nsource_hash: ${hash}`) + rest;
}
