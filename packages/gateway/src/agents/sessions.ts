/** @module Console sign-in sessions in SQL: an opaque id in an httpOnly cookie, and a CSRF token the console repeats in a header. */
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/index.ts';

/** A working day; the console signs in again after it. */
export const SESSION_HOURS = 12;

export async function createSession(db: Database, agentId: string): Promise<{ id: string; csrf: string }> {
  const id = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await db.query(`insert into agent_sessions (id, agent_id, csrf, expires_at) values ($1, $2, $3, now() + interval '${SESSION_HOURS} hours')`, [id, agentId, csrf]);
  return { id, csrf };
}

export async function findSession(db: Database, id: string): Promise<{ agentId: string; csrf: string } | undefined> {
  const [row] = await db.query<{ agent_id: string; csrf: string }>('select agent_id, csrf from agent_sessions where id = $1 and expires_at > now()', [id]);
  return row && { agentId: row.agent_id, csrf: row.csrf };
}

export async function endSession(db: Database, id: string): Promise<void> {
  await db.query('delete from agent_sessions where id = $1', [id]);
}
