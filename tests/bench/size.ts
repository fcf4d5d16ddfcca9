/**
 * @module `npm run size`: builds the widget and the knowledge base, measures what a candidate
 * downloads (gzip -9, as served), prints a table, fails over budget, and ends with one JSON line
 * `{"loader","initial","checks","checksWords","chat","chatWords"}`. "Initial" is everything loaded before
 * the first answer: the loader, the bundle and its static imports, the search core and one language (the
 * larger of en/es); the KB file is reported apart. "Checks" and "chat" are the budgets DESIGN.md sets for
 * the chunks loaded on "Check my setup" and on "Talk to a person": each chunk and its static imports not
 * already in the initial set (its config schema with them). "checksWords" and "chatWords" are each view's
 * words that load beside it (the larger language), reported, not budgeted. Other chunks that load later
 * are listed but not counted.
 */
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKnowledgeBase } from '../../packages/kb/src/build/index.ts';
import { loadKnowledgeBase } from '../../packages/kb/src/source/load.ts';
import { BUNDLE_FILE, buildWidget, LOADER_FILE, type BuiltChunk } from '../../packages/widget/build/build.ts';

const KIB = 1024;
export const BUDGETS = { loader: 2 * KIB, initial: 30 * KIB, checks: 12 * KIB, chat: 10 * KIB } as const;

/** Which source module makes a chunk what it is. */
const ROLES: [string, string][] = [
  ['kb/src/search/core.ts', 'search core'],
  ['kb/src/search/fuzzy.ts', 'fuzzy (fuse.js), on a typo'],
  ['widget/src/i18n/en.ts', 'English'],
  ['widget/src/i18n/es.ts', 'Spanish'],
  ['widget/src/article/index.ts', 'article view, on "Read the steps"'],
  ['widget/src/config/errors.ts', 'config error messages, on a mistake'],
  ['widget/src/checks/index.ts', 'checks, on "Check my setup"'],
  ['widget/src/checks/i18n/en.ts', 'checks: English'],
  ['widget/src/checks/i18n/es.ts', 'checks: Spanish'],
  ['checks/src/id-photo/index.ts', 'ID photo, on the ID-photo check'],
  ['widget/src/chat/index.ts', 'chat, on "Talk to a person"'],
  ['widget/src/chat/i18n/en.ts', 'chat: English'],
  ['widget/src/chat/i18n/es.ts', 'chat: Spanish'],
  ['widget/src/attributes/index.ts', 'data-* setup, on a script tag that has it'],
  ['widget/src/i18n/pseudo.ts', 'right-to-left test locale (ar-XB)'],
];

const gzip = (code: string) => gzipSync(code, { level: 9 }).length;

function roleOf(chunk: BuiltChunk): string {
  if (chunk.fileName === LOADER_FILE) return 'loader';
  if (chunk.fileName === BUNDLE_FILE) return 'bundle';
  return ROLES.find(([module]) => chunk.modules.some((m) => m.replaceAll('\\', '/').includes(module)))?.[1] ?? 'shared';
}

/** A chunk and everything it imports statically, recursively. */
function withStaticImports(chunks: Map<string, BuiltChunk>, names: string[]): Set<string> {
  const found = new Set<string>();
  const visit = (name: string) => {
    if (found.has(name)) return;
    found.add(name);
    for (const imported of chunks.get(name)?.imports ?? []) visit(imported);
  };
  names.forEach(visit);
  return found;
}

async function main(): Promise<void> {
  const { chunks } = await buildWidget();
  const byRole = new Map([...chunks.values()].map((chunk) => [roleOf(chunk), chunk.fileName]));
  const need = (role: string) => {
    const name = byRole.get(role);
    if (!name) throw new Error(`the build has no ${role} chunk: did a module move? (see ROLES in tests/bench/size.ts)`);
    return name;
  };
  const sizes = new Map([...chunks.values()].map((chunk) => [chunk.fileName, gzip(chunk.code)]));
  const total = (names: Set<string>) => [...names].reduce((sum, name) => sum + (sizes.get(name) ?? 0), 0);
  const initialFor = (language: string) => withStaticImports(chunks, [LOADER_FILE, BUNDLE_FILE, need('search core'), need(language)]);
  const initialSets = [initialFor('English'), initialFor('Spanish')];
  const initial = Math.max(...initialSets.map(total));
  // The bundle is already there when the checks load: only what the checks add counts.
  const initialSet = new Set(initialSets.flatMap((set) => [...set]));
  const added = (names: string[]) => new Set([...withStaticImports(chunks, names)].filter((name) => !initialSet.has(name)));
  /** A lazy flow: its code (the chunk and what it adds), and its words (the larger language). */
  const flow = (name: 'checks' | 'chat', role: string) => {
    const code = added([need(role)]);
    const wordSets = ['English', 'Spanish'].map((language) => added([need(`${name}: ${language}`)]));
    return { code: total(code), words: Math.max(...wordSets.map(total)), counted: new Set([...code, ...wordSets.flatMap((set) => [...set])]) };
  };
  const checksFlow = flow('checks', 'checks, on "Check my setup"');
  const chatFlow = flow('chat', 'chat, on "Talk to a person"');
  const { code: checks, words: checksWords } = checksFlow;
  const { code: chat, words: chatWords } = chatFlow;

  const kb = buildKnowledgeBase(await loadKnowledgeBase(fileURLToPath(new URL('../../knowledge-base', import.meta.url))));
  if (!kb.ok) throw new Error('the knowledge base has errors: run `npx lifeline-kb lint`');

  const rows = [...chunks.values()]
    .sort((a, b) => (sizes.get(b.fileName) ?? 0) - (sizes.get(a.fileName) ?? 0))
    .map((chunk) => [path.basename(chunk.fileName), roleOf(chunk), String(chunk.code.length), String(sizes.get(chunk.fileName)), initialSet.has(chunk.fileName) ? 'initial' : checksFlow.counted.has(chunk.fileName) ? 'checks' : chatFlow.counted.has(chunk.fileName) ? 'chat' : 'later']);
  for (const [file, content] of kb.output.files) {
    if (file !== 'manifest.json') rows.push([file, 'knowledge base (apart)', String(content.length), String(gzip(content)), 'apart']);
  }
  const header = ['file', 'what', 'bytes', 'gzip', 'counted in'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(line(header));
  rows.forEach((row) => console.log(line(row)));

  const loader = sizes.get(LOADER_FILE) ?? 0;
  const results = [
    ['loader', loader, BUDGETS.loader],
    ['initial (before the first answer)', initial, BUDGETS.initial],
    ['checks code (on "Check my setup")', checks, BUDGETS.checks],
    ['chat code (on "Talk to a person")', chat, BUDGETS.chat],
  ] as const;
  console.log('');
  let over = false;
  for (const [name, bytes, budget] of results) {
    const ok = bytes <= budget;
    over ||= !ok;
    console.log(`${ok ? 'ok  ' : 'OVER'} ${name}: ${bytes} B gzip (${(bytes / KIB).toFixed(2)} KB) of ${budget / KIB} KB, ${((bytes / budget) * 100).toFixed(0)}% of budget`);
  }
  for (const [name, code, words] of [['checks', checks, checksWords], ['chat', chat, chatWords]] as const) {
    console.log(`     ${name} words, the larger language: ${words} B gzip; with the code ${code + words} B (${((code + words) / KIB).toFixed(2)} KB)`);
  }
  console.log(JSON.stringify({ loader, initial, checks, checksWords, chat, chatWords }));
  if (over) process.exitCode = 1;
}

await main();
