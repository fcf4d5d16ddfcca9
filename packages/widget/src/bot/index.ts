/**
 * @module The FAQ bot's decisions, as pure functions: what to answer for a search response, and
 * the conversation to show, rebuilt from the help-session entries (so a reload shows the same thing).
 */
import type { HelpSessionEntry } from '@lifeline/protocol';

/** The part of a search response the bot needs (see @lifeline/kb/search). */
export interface SearchOutcome {
  decision: 'answer' | 'suggest' | 'none';
  results: { id: string }[];
}

/** "Did you mean" shows at most this many alternatives beside the best article. */
export const MAX_ALTERNATIVES = 2;

export function answerEntry(outcome: SearchOutcome, kbVersion: string, at: number): Extract<HelpSessionEntry, { type: 'answer' }> {
  const [best, ...rest] = outcome.results;
  if (outcome.decision === 'none' || !best) return { type: 'answer', at, decision: 'none', alternatives: [], kbVersion };
  const alternatives = outcome.decision === 'suggest' ? rest.slice(0, MAX_ALTERNATIVES).map((r) => r.id) : [];
  return { type: 'answer', at, decision: outcome.decision, articleId: best.id, alternatives, kbVersion };
}

export type TranscriptItem =
  | { kind: 'question'; key: number; text: string }
  | {
      kind: 'answer';
      key: number;
      decision: 'answer' | 'suggest' | 'none';
      articleId: string | undefined;
      alternatives: string[];
      /** The candidate's rating of this answer, once given. */
      helpful: boolean | undefined;
    }
  | { kind: 'feedback-reply'; key: number; helpful: boolean }
  | { kind: 'escalated'; key: number }
  /** A run of the setup checks ended: its tally and reference code. */
  | { kind: 'checks'; key: number; passed: number; total: number; code: string };

export function transcript(entries: readonly HelpSessionEntry[]): TranscriptItem[] {
  const items: TranscriptItem[] = [];
  entries.forEach((entry, key) => {
    switch (entry.type) {
      case 'question':
        items.push({ kind: 'question', key, text: entry.text });
        break;
      case 'answer':
        items.push({ kind: 'answer', key, decision: entry.decision, articleId: entry.articleId, alternatives: entry.alternatives, helpful: undefined });
        break;
      case 'feedback': {
        const answer = lastAnswerFor(items, entry.articleId);
        if (!answer || answer.helpful !== undefined) break; // one rating per answer
        answer.helpful = entry.helpful;
        items.push({ kind: 'feedback-reply', key, helpful: entry.helpful });
        break;
      }
      case 'escalate':
        items.push({ kind: 'escalated', key });
        break;
      case 'checks':
        items.push({ kind: 'checks', key, passed: entry.report.results.filter((r) => r.status === 'pass').length, total: entry.report.results.length, code: entry.report.code });
        break;
      case 'article':
        break; // reading an article is context for the agent, not a message
    }
  });
  return items;
}

/** Whether the candidate may still rate the answer it gave with this article. */
export function canRate(entries: readonly HelpSessionEntry[], articleId: string): boolean {
  const answer = lastAnswerFor(transcript(entries), articleId);
  return answer !== undefined && answer.helpful === undefined;
}

function lastAnswerFor(items: TranscriptItem[], articleId: string) {
  for (let i = items.length - 1; i >= 0; i -= 1) {
    const item = items[i];
    if (item?.kind === 'answer' && item.articleId === articleId) return item;
  }
  return undefined;
}
