/**
 * @module `GET /v1/status`: whether people answer now (hours, agents online with a fresh console) and a
 * new conversation's expected wait, for the widget's panel. Asked on every panel opening, so the answer
 * is kept a few seconds and shared by the requests that arrive meanwhile; it counts, and names no one.
 */
import type { SupportStatus } from '@lifeline/protocol';
import type { Queryable } from './db/index.ts';
import { isOpen, type BusinessHours } from './hours/index.ts';
import { readWaitBasis, staffingSql, waitParameters, waitSql, type AgentCapacity } from './conversations/wait.ts';

/** Long enough to absorb a crowd opening the panel at the start of an exam, short enough to be news. */
export const STATUS_CACHE_MS = 5000;

export interface SupportStatusReader {
  read(now?: number): Promise<SupportStatus>;
  /** Staffing changed (an agent came, left, or chose away): the next read asks the database. */
  forget(): void;
}

/** A new conversation joins tier 1 at the back: the wait of the place after the last one waiting there. */
const NEW_CONVERSATION_WAIT_SQL = `select ${waitSql(
  `(select count(*) from conversations where status = 'queued' and queue = 'tier1') + 1`,
  's.slots',
  's.free',
  '$4::float8',
)} as wait from (select 1) as one left join (${staffingSql(1)}) s on s.queue = 'tier1'`;

export function supportStatusReader(db: Queryable, hours: BusinessHours | undefined, capacityOf: AgentCapacity, cacheMs = STATUS_CACHE_MS): SupportStatusReader {
  let cached: { at: number; answer: Promise<SupportStatus> } | undefined;

  async function ask(now: number): Promise<SupportStatus> {
    const open = isOpen(hours, new Date(now));
    const basis = await readWaitBasis(db, capacityOf);
    // Outside hours a new conversation is a ticket: no wait to promise.
    const [row] = open && basis.agentsOnline > 0 ? await db.query<{ wait: number | null }>(NEW_CONVERSATION_WAIT_SQL, waitParameters(basis)) : [];
    return { open, agentsOnline: basis.agentsOnline, ...(row && row.wait !== null ? { estimatedWaitSeconds: Number(row.wait) } : {}) };
  }

  return {
    read(now = Date.now()) {
      if (!cached || now - cached.at >= cacheMs) {
        const answer = ask(now);
        cached = { at: now, answer };
        // A failed read is not kept: the next request asks again.
        answer.catch(() => {
          if (cached?.answer === answer) cached = undefined;
        });
      }
      return cached.answer;
    },
    forget() {
      cached = undefined;
    },
  };
}
