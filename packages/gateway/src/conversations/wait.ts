/**
 * @module Expected waits, from what is true now rather than a rule of thumb: the agents online with a
 * fresh console (their chats and capacity per queue) and how long recent conversations took. When
 * either is missing the wait is unknown, and the candidate is promised no time.
 */
import type { AgentRole } from '@lifeline/protocol';
import { FRESH_SQL } from '../agents/presence.ts';
import type { Queryable } from '../db/index.ts';

/** Handling time is the median of the last this many conversations closed… */
export const HANDLING_SAMPLE = 20;
/** …within this many hours (a quiet night does not speak for the morning)… */
export const HANDLING_WINDOW_HOURS = 24;
/** …and with fewer than this many, there is no history to estimate from. */
export const HANDLING_MIN_SAMPLE = 3;

/** What the estimate stands on, per queue: the chats the online agents can hold, and those free now. */
export interface WaitBasis {
  /** Agents online with a fresh console. */
  agentsOnline: number;
  queues: { queue: string; slots: number; free: number }[];
  /** The median handling time of recent conversations, in seconds; undefined without enough history. */
  handlingSeconds: number | undefined;
}

/** What the gateway knows of an agent account: the queues it serves and how many chats it holds at once. */
export type AgentCapacity = (agentId: string) => { role: AgentRole; capacity: number };

/** The queues an agent takes from: leads take from both, so their chats count in both. */
const SERVES: Record<AgentRole, readonly string[]> = { agent: ['tier1'], tier2: ['tier2'], lead: ['tier1', 'tier2'] };

/** The online agents' capacity and free chats per queue, and the recent handling time: two small reads. */
export async function readWaitBasis(db: Queryable, capacityOf: AgentCapacity): Promise<WaitBasis> {
  const online = await db.query<{ agent_id: string; busy: string | number }>(
    `select p.agent_id, (select count(*) from conversations c where c.status = 'assigned' and c.agent_id = p.agent_id) as busy
     from agent_presence p where p.status = 'online' and ${FRESH_SQL}`,
  );
  const queues = new Map<string, { queue: string; slots: number; free: number }>();
  for (const row of online) {
    const { role, capacity } = capacityOf(row.agent_id);
    for (const queue of SERVES[role]) {
      const staffing = queues.get(queue) ?? { queue, slots: 0, free: 0 };
      staffing.slots += capacity;
      staffing.free += Math.max(0, capacity - Number(row.busy));
      queues.set(queue, staffing);
    }
  }
  const [recent] = await db.query<{ sample: string | number; median: string | number | null }>(
    `select count(*) as sample, percentile_cont(0.5) within group (order by seconds) as median from (
       select extract(epoch from closed_at - assigned_at) as seconds from conversations
       where status = 'closed' and assigned_at is not null and closed_at > now() - interval '${HANDLING_WINDOW_HOURS} hours'
       order by closed_at desc limit ${HANDLING_SAMPLE}
     ) recent`,
  );
  const enough = Number(recent?.sample ?? 0) >= HANDLING_MIN_SAMPLE && recent?.median !== null && recent?.median !== undefined;
  return { agentsOnline: online.length, queues: [...queues.values()], handlingSeconds: enough ? Number(recent.median) : undefined };
}

/**
 * The basis as the parameters of `WAIT_SQL`'s statement: queue names, slots, free chats, handling seconds.
 * Arrays, so one statement joins them to every waiting conversation.
 */
export function waitParameters(basis: WaitBasis): [string[], number[], number[], number | null] {
  return [basis.queues.map((q) => q.queue), basis.queues.map((q) => q.slots), basis.queues.map((q) => q.free), basis.handlingSeconds ?? null];
}

/** `staffing (queue, slots, free)` from the first three parameters of `waitParameters` at `$n`. */
export const staffingSql = (n: number) => `select * from unnest($${n}::text[], $${n + 1}::int[], $${n + 2}::int[]) as s(queue, slots, free)`;

/**
 * The expected wait in seconds of the candidate at `position` (SQL): the places ahead of them beyond the
 * free chats, each freed in `handling / slots` on average as the online agents finish, rounded up to the
 * minute (a promise, so never shorter than it may be). 0 when a chat is free now; null when nobody
 * online serves the queue or there is no history. The one formula for the stream and `GET /v1/status`.
 */
export function waitSql(position: string, slots: string, free: string, handling: string): string {
  return `(case when coalesce(${slots}, 0) > 0 and ${handling} is not null
    then (ceil(greatest(0, ${position} - ${free}) * ${handling} / ${slots} / 60) * 60)::int end)`;
}
