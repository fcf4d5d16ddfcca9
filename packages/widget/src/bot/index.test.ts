import type { HelpSessionEntry } from '@lifeline/protocol';
import { describe, expect, it } from 'vitest';
import '../test-support.ts';
import { answerEntry, canRate, MAX_ALTERNATIVES, transcript, type TranscriptItem } from './index.ts';

const KB = '2026.11.1';
const results = (...ids: string[]) => ids.map((id) => ({ id }));

const question = (text: string, at = 0): HelpSessionEntry => ({ type: 'question', at, text });
const answered = (articleId: string, at = 0): HelpSessionEntry => ({ type: 'answer', at, decision: 'answer', articleId, alternatives: [], kbVersion: KB });
const unanswered = (at = 0): HelpSessionEntry => ({ type: 'answer', at, decision: 'none', alternatives: [], kbVersion: KB });
const rated = (articleId: string, helpful: boolean, at = 0): HelpSessionEntry => ({ type: 'feedback', at, articleId, helpful });

const kinds = (items: TranscriptItem[]) => items.map((item) => item.kind);

describe('answerEntry', () => {
  it('answers with the best article and no alternatives', () => {
    expect(answerEntry({ decision: 'answer', results: results('camera-not-working', 'system-requirements') }, KB, 7)).toEqual({
      type: 'answer',
      at: 7,
      decision: 'answer',
      articleId: 'camera-not-working',
      alternatives: [],
      kbVersion: KB,
    });
  });

  it(`suggests the best article with at most ${MAX_ALTERNATIVES} alternatives`, () => {
    const entry = answerEntry({ decision: 'suggest', results: results('a', 'b', 'c', 'd', 'e') }, KB, 1);
    expect(entry).toMatchObject({ decision: 'suggest', articleId: 'a', alternatives: ['b', 'c'] });
    expect(MAX_ALTERNATIVES).toBe(2);
  });

  it('suggests with fewer alternatives when the search found fewer', () => {
    expect(answerEntry({ decision: 'suggest', results: results('a', 'b') }, KB, 1)).toMatchObject({ articleId: 'a', alternatives: ['b'] });
    expect(answerEntry({ decision: 'suggest', results: results('a') }, KB, 1)).toMatchObject({ articleId: 'a', alternatives: [] });
  });

  it('gives no article for none, even when the search returned results', () => {
    const entry = answerEntry({ decision: 'none', results: results('a', 'b') }, KB, 3);
    expect(entry).toEqual({ type: 'answer', at: 3, decision: 'none', alternatives: [], kbVersion: KB });
    expect(entry).not.toHaveProperty('articleId');
  });

  it('falls back to none when an answer has no results', () => {
    expect(answerEntry({ decision: 'answer', results: [] }, KB, 0)).toMatchObject({ decision: 'none', alternatives: [] });
  });
});

describe('transcript', () => {
  it('rebuilds questions and answers in order, keyed by entry index', () => {
    const items = transcript([question('camera'), answered('camera-not-working')]);
    expect(items).toEqual([
      { kind: 'question', key: 0, text: 'camera' },
      { kind: 'answer', key: 1, decision: 'answer', articleId: 'camera-not-working', alternatives: [], helpful: undefined },
    ]);
  });

  it('adds nothing after questions without an answer: each one carries "Talk to a person" itself', () => {
    const items = transcript([question('x'), unanswered(), question('y'), unanswered()]);
    expect(kinds(items)).toEqual(['question', 'answer', 'question', 'answer']);
  });

  it('answers each "No" with a reply of its own (which carries "Talk to a person"), not a second offer after two', () => {
    const items = transcript([answered('a'), rated('a', false), answered('b'), rated('b', false)]);
    expect(kinds(items)).toEqual(['answer', 'feedback-reply', 'answer', 'feedback-reply']);
    expect(items.filter((i) => i.kind === 'feedback-reply')).toEqual([
      { kind: 'feedback-reply', key: 1, helpful: false },
      { kind: 'feedback-reply', key: 3, helpful: false },
    ]);
  });

  it('records the rating on the answer it rates', () => {
    const items = transcript([answered('a'), answered('b'), rated('a', true)]);
    expect(items.filter((i) => i.kind === 'answer').map((i) => (i.kind === 'answer' ? [i.articleId, i.helpful] : []))).toEqual([
      ['a', true],
      ['b', undefined],
    ]);
  });

  it('keeps one rating per answer: a second rating of the same answer is ignored', () => {
    const items = transcript([answered('a'), rated('a', false), rated('a', false)]);
    expect(kinds(items)).toEqual(['answer', 'feedback-reply']);
    expect(items[0]).toMatchObject({ helpful: false });
  });

  it('ignores a rating of an article that was never the answer', () => {
    expect(kinds(transcript([answered('a'), rated('b', true)]))).toEqual(['answer']);
  });

  it('shows an escalation and leaves article reads out of the conversation', () => {
    const items = transcript([answered('a'), { type: 'article', at: 0, articleId: 'a', kbVersion: KB }, { type: 'escalate', at: 0 }]);
    expect(kinds(items)).toEqual(['answer', 'escalated']);
  });

  it('keys each item by its entry, so a reload renders the same keys', () => {
    const items = transcript([unanswered(), unanswered(), question('z')]);
    expect(items.map((i) => i.key)).toEqual([0, 1, 2]);
  });
});

describe('canRate', () => {
  it('allows one rating per answer', () => {
    const entries = [question('camera'), answered('camera-not-working')];
    expect(canRate(entries, 'camera-not-working')).toBe(true);
    expect(canRate([...entries, rated('camera-not-working', true)], 'camera-not-working')).toBe(false);
  });

  it('does not allow rating an article that was not an answer', () => {
    expect(canRate([answered('a')], 'b')).toBe(false);
    expect(canRate([], 'a')).toBe(false);
  });

  it('allows rating the same article again when it is the answer to a new question', () => {
    expect(canRate([answered('a'), rated('a', true), answered('a')], 'a')).toBe(true);
  });
});
