/** The search's answer quality on the evaluation sets, per locale: the targets of the knowledge-base issue. */
import { describe, expect, it } from 'vitest';
import { judge, summarize } from './metrics.ts';
import { evalQuestions, loadRealKb } from './test-kb.ts';

const TARGETS = { top1: 0.9, top3: 0.97, abstainRecall: 0.85, abstainPrecision: 0.9 };

describe('search quality on knowledge-base/eval', async () => {
  const { search, locales } = await loadRealKb();
  const questions = await evalQuestions();

  it('holds enough questions: 200 English, 80 Spanish, 40 off-topic', () => {
    const onTopic = (locale: string) => questions.filter((q) => q.locale === locale && q.expect.length > 0).length;
    expect(onTopic('en')).toBeGreaterThanOrEqual(200);
    expect(onTopic('es')).toBeGreaterThanOrEqual(80);
    expect(questions.filter((q) => q.expect.length === 0).length).toBeGreaterThanOrEqual(40);
  });

  it('uses only article ids that exist', () => {
    const ids = new Set(locales.get('en')?.articles.map((a) => a.id));
    for (const q of questions) for (const id of q.expect) expect(ids, `${q.file}:${q.line}`).toContain(id);
  });

  it.each(['en', 'es'])('meets the targets in %s', (locale) => {
    const metrics = summarize(questions.filter((q) => q.locale === locale).map((q) => judge(q, search.search(q.q, { locale }))));
    expect(metrics.top1).toBeGreaterThanOrEqual(TARGETS.top1);
    expect(metrics.top3).toBeGreaterThanOrEqual(TARGETS.top3);
    expect(metrics.abstainRecall).toBeGreaterThanOrEqual(TARGETS.abstainRecall);
    expect(metrics.abstainPrecision).toBeGreaterThanOrEqual(TARGETS.abstainPrecision);
  });
});
