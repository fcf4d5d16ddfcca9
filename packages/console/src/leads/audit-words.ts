/**
 * @module One line of the audit log in words: who (an agent's name, or "candidate"), what they did, and
 * the detail of it ("Biology 101 · During the exam", "“Open the privacy shutter…”", "5 of 5 · “quick!”")
 * rather than the stored fields and message ids.
 */
import type { AuditEntry } from '../api/index.ts';
import { format, wordFor, type Strings } from '../i18n/index.ts';

/** The actor of what a candidate did (escalating, rating), as the gateway records it. */
const CANDIDATE_ACTOR = /^candidate:/;

export interface AuditLine {
  who: string;
  what: string;
  detail: string;
}

type Detail = Record<string, unknown>;

const quoted = (strings: Strings, value: unknown) => format(strings.auditQuoted, { text: String(value) });

/** The words of each action's detail; a field no phrase names is left out (ids of older entries among them). */
const DETAILS: Record<string, (detail: Detail, strings: Strings, agentName: (id: string) => string) => (string | undefined)[]> = {
  escalate: (d, s) => [d.exam === undefined ? undefined : String(d.exam), d.phase === undefined ? undefined : wordFor(s, 'phase', String(d.phase)), d.ticket === undefined ? undefined : format(s.auditTicket, { ticket: String(d.ticket) })],
  assign: (d, s, name) => [d.to === undefined ? undefined : format(s.auditTo, { name: name(String(d.to)) })],
  message: (d, s) => [d.excerpt === undefined ? undefined : quoted(s, d.excerpt)],
  note: (d, s) => [d.excerpt === undefined ? undefined : quoted(s, d.excerpt)],
  close: (d, s) => [d.resolution === undefined ? undefined : wordFor(s, 'resolution', String(d.resolution))],
  transfer: (d, s) => [d.queue === undefined ? undefined : format(s.auditTo, { name: wordFor(s, 'queue', String(d.queue)) }), d.note === undefined ? undefined : quoted(s, d.note)],
  tag: (d) => [Array.isArray(d.tags) ? d.tags.join(', ') : undefined],
  rate: (d, s) => [d.score === undefined ? undefined : format(s.auditScore, { score: String(d.score) }), d.comment === undefined ? undefined : quoted(s, d.comment)],
};

export function auditLine(entry: AuditEntry, strings: Strings, agentName: (id: string) => string): AuditLine {
  const parsed: unknown = typeof entry.detail === 'string' ? JSON.parse(entry.detail) : entry.detail;
  const detail = (parsed && typeof parsed === 'object' ? parsed : {}) as Detail;
  const byCandidate = CANDIDATE_ACTOR.test(entry.actor);
  // A lead giving a conversation to someone is not taking it.
  const action = entry.action === 'assign' && detail.to !== undefined ? 'reassign' : entry.action;
  const phrases = DETAILS[entry.action]?.(detail, strings, agentName) ?? [];
  return {
    who: byCandidate ? strings.candidate : agentName(entry.actor),
    what: wordFor(strings, 'action', action),
    detail: phrases.filter((phrase): phrase is string => Boolean(phrase)).join(' · '),
  };
}
