import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../api/index.ts';
import { stringsFor } from '../i18n/index.ts';
import { auditLine } from './audit-words.ts';

const entry = (actor: string, action: string, detail: AuditEntry['detail']): AuditEntry => ({ actor, action, detail, conversationId: 'c1', at: '2026-11-24T09:00:00.000Z' });
const NAMES: Record<string, string> = { ben: 'Ben', tom: 'Tom' };
const name = (id: string) => NAMES[id] ?? id;

describe('the audit log in words', () => {
  const log = [
    entry('candidate:anon-x', 'escalate', { candidate: 'Guest', exam: 'Biology 101 — Final exam', phase: 'during' }),
    entry('ben', 'assign', {}),
    entry('ben', 'message', { excerpt: 'Open the privacy shutter, please.' }),
    // A line written before messages were recorded in words: the id says nothing, and is not shown.
    entry('ben', 'note', { messageId: '3b241101-e2bb-4255-8caf-4136c566a962' }),
    entry('ben', 'transfer', { queue: 'tier2', note: 'driver problem' }),
    entry('lea', 'assign', { to: 'tom' }),
    entry('tom', 'tag', { tags: ['camera', 'driver'] }),
    entry('tom', 'close', '{"resolution":"solved"}'),
    entry('candidate:anon-x', 'rate', { score: 5, comment: 'quick!' }),
    entry('candidate:anon-x', 'escalate', { candidate: 'Guest', exam: 'Biology 101', phase: 'before', ticket: 'T-4KX9QZ' }),
  ];

  it('says who did what, and the detail, without ids, in English', () => {
    expect(log.map((line) => auditLine(line, stringsFor('en'), name))).toEqual([
      { who: 'Candidate', what: 'asked for a person', detail: 'Biology 101 — Final exam · During the exam' },
      { who: 'Ben', what: 'took', detail: '' },
      { who: 'Ben', what: 'replied', detail: '“Open the privacy shutter, please.”' },
      { who: 'Ben', what: 'wrote a private note', detail: '' },
      { who: 'Ben', what: 'transferred', detail: 'to Tier 2 · “driver problem”' },
      { who: 'lea', what: 'assigned', detail: 'to Tom' },
      { who: 'Tom', what: 'tagged', detail: 'camera, driver' },
      { who: 'Tom', what: 'closed', detail: 'Solved' },
      { who: 'Candidate', what: 'rated the conversation', detail: '5 of 5 · “quick!”' },
      { who: 'Candidate', what: 'asked for a person', detail: 'Biology 101 · Before the exam · ticket T-4KX9QZ' },
    ]);
  });

  it('says it in Spanish', () => {
    const spanish = log.map((line) => auditLine(line, stringsFor('es'), name));
    expect(spanish[0]).toEqual({ who: 'Candidato', what: 'pidió hablar con una persona', detail: 'Biology 101 — Final exam · Durante el examen' });
    expect(spanish[4]!.detail).toBe('a Nivel 2 · «driver problem»');
    expect(spanish[8]).toEqual({ who: 'Candidato', what: 'valoró la conversación', detail: '5 de 5 · «quick!»' });
  });
});
