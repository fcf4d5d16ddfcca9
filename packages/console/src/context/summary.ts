/**
 * @module What the candidate did before asking for a person, read from the help session they sent:
 * their questions with the bot's answers, the articles they saw and whether those helped, the check
 * report with failures first, and a short name for their browser.
 */
import type { CheckStatus, HelpSessionEntry, SessionContext } from '@lifeline/protocol';

/** The report as it comes over the wire: a reason is any code, also one newer than this console. */
export type WireCheckReport = NonNullable<SessionContext['checks']>;
export type WireCheckResult = WireCheckReport['results'][number];

export interface AskedQuestion {
  text: string;
  /** The bot's answer to it: an article, a few suggestions, or nothing. */
  answer: { decision: 'answer' | 'suggest' | 'none'; articleId: string | undefined; alternatives: string[] } | undefined;
}

export interface SeenArticle {
  articleId: string;
  /** Opened and read, or only shown as the bot's answer. */
  read: boolean;
  /** The candidate's last "did this help?", if they answered it. */
  helpful: boolean | undefined;
}

export function askedQuestions(entries: readonly HelpSessionEntry[]): AskedQuestion[] {
  const asked: AskedQuestion[] = [];
  for (const entry of entries) {
    if (entry.type === 'question') asked.push({ text: entry.text, answer: undefined });
    const last = asked.at(-1);
    if (entry.type === 'answer' && last && !last.answer) last.answer = { decision: entry.decision, articleId: entry.articleId, alternatives: entry.alternatives };
  }
  return asked;
}

export function seenArticles(entries: readonly HelpSessionEntry[]): SeenArticle[] {
  const seen = new Map<string, SeenArticle>();
  const note = (articleId: string) => {
    let article = seen.get(articleId);
    if (!article) seen.set(articleId, (article = { articleId, read: false, helpful: undefined }));
    return article;
  };
  for (const entry of entries) {
    if (entry.type === 'answer' && entry.articleId) note(entry.articleId);
    if (entry.type === 'article') note(entry.articleId).read = true;
    if (entry.type === 'feedback') note(entry.articleId).helpful = entry.helpful;
  }
  return [...seen.values()];
}

/** The report the candidate sent with the conversation, else the last one in their session. */
export function checkReport(context: SessionContext): WireCheckReport | undefined {
  if (context.checks) return context.checks;
  const runs = context.entries.filter((entry): entry is Extract<HelpSessionEntry, { type: 'checks' }> => entry.type === 'checks');
  return runs.at(-1)?.report;
}

const STATUS_ORDER: Record<CheckStatus, number> = { fail: 0, warn: 1, skipped: 2, pass: 3 };

/** Failures first, then warnings, skipped, passed; the checks' own order within each. */
export function failuresFirst(results: readonly WireCheckResult[]): WireCheckResult[] {
  return results.map((result, index) => ({ result, index })).sort((a, b) => STATUS_ORDER[a.result.status] - STATUS_ORDER[b.result.status] || a.index - b.index).map(({ result }) => result);
}

/** "Chrome 131 · Windows" from a user agent: enough to picture the candidate's screen. */
export function browserSummary(userAgent: string): string {
  const browsers: [string, RegExp][] = [
    ['Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
    ['Opera', /OPR\/(\d+)/],
    ['Samsung Internet', /SamsungBrowser\/(\d+)/],
    ['Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
    ['Chrome', /(?:Chrome|CriOS)\/(\d+)/],
    ['Safari', /Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari/],
  ];
  const systems: [string, RegExp][] = [
    ['Windows', /Windows NT/],
    ['iPhone', /iPhone/],
    ['iPad', /iPad/],
    ['ChromeOS', /CrOS/],
    ['Android', /Android/],
    ['macOS', /Mac OS X/],
    ['Linux', /Linux/],
  ];
  const browser = browsers.map(([name, pattern]) => [name, pattern.exec(userAgent)?.[1]] as const).find(([, version]) => version);
  const system = systems.find(([, pattern]) => pattern.test(userAgent))?.[0];
  return [browser ? `${browser[0]} ${browser[1]}` : undefined, system].filter(Boolean).join(' · ') || userAgent;
}
