/**
 * Asking for a person offers the handover at once: for every wording of knowledge-base/eval/handover-*.jsonl
 * (English and Spanish, typos included), in every exam phase, the first result is an article with
 * `handover: true`, beside which the widget shows "Talk to a person".
 */
import { PHASES } from '@lifeline/protocol';
import { describe, expect, it } from 'vitest';
import { evalQuestions, loadRealKb } from './test-kb.ts';

describe('asking for a person', async () => {
  const { search, locales } = await loadRealKb();
  const questions = await evalQuestions('handover-en.jsonl', 'handover-es.jsonl');
  const handover = (locale: string) => new Set(locales.get(locale)?.articles.filter((a) => a.handover).map((a) => a.id));

  it('has many wordings in both languages, and the compiled articles carry handover: true', () => {
    expect(questions.filter((q) => q.locale === 'en').length).toBeGreaterThanOrEqual(25);
    expect(questions.filter((q) => q.locale === 'es').length).toBeGreaterThanOrEqual(20);
    for (const locale of ['en', 'es']) expect([...handover(locale)]).toEqual(['contact-support']);
    expect(locales.get('en')?.articles.find((a) => a.id === 'camera-not-working')).not.toHaveProperty('handover');
  });

  it.each([undefined, ...PHASES])('ranks the handover article first, phase %s', (phase) => {
    for (const q of questions) {
      const top = search.search(q.q, { locale: q.locale, phase }).results[0]?.id;
      expect(handover(q.locale), `${q.file}:${q.line} "${q.q}" got ${top}`).toContain(top);
    }
  });

  it.each([undefined, ...PHASES])('shows it (never "I don\'t know"), and answers most outright, phase %s', (phase) => {
    let answered = 0;
    for (const q of questions) {
      const { decision } = search.search(q.q, { locale: q.locale, phase });
      expect(decision, `${q.file}:${q.line} "${q.q}"`).not.toBe('none');
      if (decision === 'answer') answered += 1;
    }
    // The rest are suggestions: the handover article still comes first, with two others beside it.
    expect(answered / questions.length).toBeGreaterThanOrEqual(0.7);
  });
});
