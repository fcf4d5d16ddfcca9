/**
 * @module Agent presence: online or away, kept fresh by the console's live line; an online agent whose
 * last console closed is gone at once, and one silent for 2 minutes (a console that died) counts as gone.
 */
import type { AgentPresence, PresenceStatus } from '@lifeline/protocol';
import type { Database } from '../db/index.ts';

/** Longer than the console's 15 s heartbeat several times over, so a slow network does not flicker. */
export const PRESENCE_FRESH_SECONDS = 120;

/** Whether a presence row was refreshed recently enough to count: the one rule routing and the console both use. */
export const FRESH_SQL = `updated_at > now() - interval '${PRESENCE_FRESH_SECONDS} seconds'`;

export async function setPresence(db: Database, agentId: string, status: PresenceStatus): Promise<void> {
  await db.query(`insert into agent_presence (agent_id, status, updated_at) values ($1, $2, now()) on conflict (agent_id) do update set status = $2, updated_at = now()`, [agentId, status]);
}

/** The console is still there: keeps the status the agent chose, or makes them online on first contact. */
export async function touchPresence(db: Database, agentId: string): Promise<void> {
  await db.query(`insert into agent_presence (agent_id, status, updated_at) values ($1, 'online', now()) on conflict (agent_id) do update set updated_at = now()`, [agentId]);
}

/**
 * The agent's own presence, as their console should start from it (`AgentPresence`): a stale `online`
 * reads `offline`, as `onlineAgents` sees it, while an `away` stays `away` however old, so a reload
 * or the next shift's sign-in does not route chats to someone who stepped away.
 */
export async function readPresence(db: Database, agentId: string): Promise<AgentPresence['status']> {
  const [row] = await db.query<{ status: PresenceStatus; fresh: boolean }>(
    `select status, ${FRESH_SQL} as fresh from agent_presence where agent_id = $1`,
    [agentId],
  );
  if (!row) return 'offline';
  return row.status === 'away' || row.fresh ? row.status : 'offline';
}

/**
 * The agent's last console closed: an `online` is gone now, not two minutes later (new conversations
 * then become tickets and waits are not promised on their account). An `away` stays, as the agent chose.
 */
export async function leavePresence(db: Database, agentId: string): Promise<void> {
  await db.query(`delete from agent_presence where agent_id = $1 and status = 'online'`, [agentId]);
}

export async function onlineAgents(db: Database): Promise<string[]> {
  const rows = await db.query<{ agent_id: string }>(`select agent_id from agent_presence where status = 'online' and ${FRESH_SQL}`);
  return rows.map((row) => row.agent_id);
}
