/** @module Test helper: the real knowledge base, built from knowledge-base/ and loaded into the search, with its evaluation questions. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledKb } from '@lifeline/protocol';
import { buildKnowledgeBase } from '../build/index.ts';
import { createKbSearch, type KbSearch } from '../search/index.ts';
import { loadKnowledgeBase } from '../source/load.ts';
import { readEvalQuestions, type EvalQuestion } from './questions.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface RealKb {
  search: KbSearch;
  locales: Map<string, CompiledKb>;
}

export async function loadRealKb(): Promise<RealKb> {
  const result = buildKnowledgeBase(await loadKnowledgeBase(path.join(REPO_ROOT, 'knowledge-base')));
  if (!result.ok) throw new Error('the knowledge base must build: run "npx lifeline-kb lint"');
  const search = createKbSearch();
  for (const compiled of result.output.locales.values()) search.addLocale(compiled);
  return { search, locales: result.output.locales };
}

/** Questions of knowledge-base/eval: a file name such as "emoji.jsonl", or the whole folder. */
export function evalQuestions(...files: string[]): Promise<EvalQuestion[]> {
  const folder = path.join(REPO_ROOT, 'knowledge-base/eval');
  return readEvalQuestions(files.length === 0 ? [folder] : files.map((file) => path.join(folder, file)));
}
