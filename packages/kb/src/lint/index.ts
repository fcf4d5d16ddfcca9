/** @module lint: every problem in a knowledge base, sorted by file and line. */
import type { KnowledgeBase } from '../source/load.ts';
import { compareProblems, type Problem } from '../source/problem.ts';
import { crossArticleProblems, type LintOptions } from './rules.ts';

export type { LintOptions } from './rules.ts';

export function lintKnowledgeBase(kb: KnowledgeBase, options: LintOptions = {}): Problem[] {
  return [...kb.problems, ...crossArticleProblems(kb, options)].sort(compareProblems);
}
