/**
 * Emoji on the real knowledge base (knowledge-base/eval/emoji.jsonl): one that names a thing reads as
 * its word ("my 📷 is not working 😭" is about the camera), faces and hands are ignored, and one the
 * editors did not map is a word the KB does not know, never a fuzzy match to an unrelated article.
 */
import { describe, expect, it } from 'vitest';
import { judge } from './metrics.ts';
import { evalQuestions, loadRealKb } from './test-kb.ts';

describe('emoji in questions', async () => {
  const { search } = await loadRealKb();
  const questions = await evalQuestions('emoji.jsonl');

  it('holds questions in both languages, with emoji that name things and emoji that only feel', () => {
    expect(new Set(questions.map((q) => q.locale))).toEqual(new Set(['en', 'es']));
    expect(questions.filter((q) => q.expect.length === 0).length).toBeGreaterThanOrEqual(4);
  });

  it.each(['en', 'es'])('finds the right article, or says it does not know, for every question in %s', (locale) => {
    for (const q of questions.filter((question) => question.locale === locale)) {
      const outcome = judge(q, search.search(q.q, { locale }));
      expect(outcome.correctTop1, `${q.file}:${q.line} "${q.q}" got ${outcome.response.decision} ${outcome.response.results[0]?.id}`).toBe(true);
    }
  });

  it('does not answer "my 📷 is not working 😭" with the microphone', () => {
    const response = search.search('my 📷 is not working 😭', { locale: 'en', phase: 'during' });
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe('camera-not-working');
  });
});
