import { describe, expect, it } from 'vitest';
import type { SearchResponse } from '../search/index.ts';
import { judge, summarize } from './metrics.ts';
import type { EvalQuestion } from './questions.ts';

const q = (expect: string[]): EvalQuestion => ({ q: 'x', locale: 'en', expect, file: 'f', line: 1 });
const r = (decision: SearchResponse['decision'], ids: string[]): SearchResponse => ({ decision, results: ids.map((id) => ({ id, title: id, summary: '', score: 0.5 })) });

describe('eval metrics', () => {
  it('follows the definitions of the issue on a hand-checked set', () => {
    const outcomes = [
      judge(q(['a']), r('answer', ['a', 'b'])), // top1, top3, rr 1
      judge(q(['b']), r('suggest', ['a', 'b'])), // top3 only, rr 1/2
      judge(q(['c']), r('answer', ['a', 'b', 'c'])), // top3 only, rr 1/3, answered wrong
      judge(q(['a']), r('none', ['a'])), // abstained: wrong everywhere, a false abstention
      judge(q([]), r('none', [])), // right abstention
      judge(q([]), r('suggest', ['a'])), // should have abstained
    ];
    expect(summarize(outcomes)).toEqual({
      n: 6,
      top1: Math.round((2 / 6) * 10_000) / 10_000,
      top3: Math.round((4 / 6) * 10_000) / 10_000,
      mrr: Math.round(((1 + 1 / 2 + 1 / 3 + 0 + 1 + 0) / 6) * 10_000) / 10_000,
      abstainPrecision: 0.5,
      abstainRecall: 0.5,
      answeredWrong: Math.round((1 / 6) * 10_000) / 10_000,
    });
  });

  it('gives 1 for abstention when there was nothing to predict', () => {
    expect(summarize([judge(q(['a']), r('answer', ['a']))])).toMatchObject({ abstainPrecision: 1, abstainRecall: 1, answeredWrong: 0 });
  });
});
