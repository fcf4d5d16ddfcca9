/** @module What the tuning scripts share: the compiled KB, one engine per locale, the dev and holdout questions. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledKb } from '@lifeline/protocol';
import { buildKnowledgeBase } from '../src/build/index.ts';
import { readEvalQuestions, type EvalQuestion } from '../src/eval/questions.ts';
import { loadKnowledgeBase } from '../src/source/load.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface TuningData {
  locales: Map<string, CompiledKb>;
  /** knowledge-base/eval/*.jsonl: what tuning may look at. */
  dev: EvalQuestion[];
  /** knowledge-base/eval/holdout: only ever reported, never optimized. */
  holdout: EvalQuestion[];
}

export async function loadTuningData(): Promise<TuningData> {
  const result = buildKnowledgeBase(await loadKnowledgeBase(path.join(ROOT, 'knowledge-base')));
  if (!result.ok) throw new Error('the knowledge base has errors: run "npx lifeline-kb lint"');
  return {
    locales: result.output.locales,
    dev: await readEvalQuestions([path.join(ROOT, 'knowledge-base/eval')]),
    holdout: await readEvalQuestions([path.join(ROOT, 'knowledge-base/eval/holdout')]),
  };
}
