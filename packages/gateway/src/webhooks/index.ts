/**
 * @module Webhooks: each event is written to a durable outbox in the same transaction as the change it
 * reports, then POSTed as JSON signed with HMAC-SHA256 over `<timestamp>.<body>` (header
 * `Lifeline-Signature: t=<unix seconds>,v1=<hex>`), retried with exponential backoff and jitter until the
 * receiver answers 2xx. A restart loses nothing: the worker picks up whatever is still due.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Database, Queryable } from '../db/index.ts';

export const WEBHOOK_EVENTS = ['conversation.created', 'conversation.closed', 'ticket.created', 'csat.submitted'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookTarget {
  url: string;
  secret: string;
  /** Only these events; all when absent. */
  events?: WebhookEvent[] | undefined;
}

/** Receivers refuse a signature older than this, so a captured request cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 60 * 60 * 1000;

/** Called inside the transaction that makes the change: the event is stored with it, or not at all. */
export async function enqueueWebhook(tx: Queryable, targets: readonly WebhookTarget[], event: WebhookEvent, data: Record<string, unknown>): Promise<void> {
  for (const target of targets) {
    if (target.events && !target.events.includes(event)) continue;
    await tx.query('insert into webhook_outbox (target, event, payload) values ($1, $2, $3)', [target.url, event, JSON.stringify({ event, data })]);
  }
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does (docs/webhooks.md): recompute, compare in constant time, refuse an old timestamp. */
export function verifySignature(secret: string, header: string, body: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const timestamp = Number(/(?:^|,)t=(\d+)/.exec(header)?.[1]);
  const given = /(?:^|,)v1=([0-9a-f]{64})/.exec(header)?.[1];
  if (!given || !Number.isFinite(timestamp) || Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = signature(secret, timestamp, body).split('v1=')[1]!;
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(expected, 'hex'));
}

/** 1 s, 2 s, 4 s … up to an hour, each ±20% so that many failed deliveries do not retry in step. */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export interface WebhookWorker {
  /** Delivers what is due now (the worker also runs on its own every `intervalMs`). */
  flush(): Promise<number>;
  stop(): Promise<void>;
}

export function startWebhookWorker(db: Database, targets: readonly WebhookTarget[], options: { intervalMs?: number; fetch?: typeof fetch } = {}): WebhookWorker {
  const send = options.fetch ?? fetch;
  const secretOf = new Map(targets.map((t) => [t.url, t.secret]));
  let running: Promise<number> | undefined;
  let stopped = false;

  async function deliverDue(): Promise<number> {
    const due = await db.query<{ id: string | number; target: string; event: string; payload: unknown; attempts: number }>(
      'select id, target, event, payload, attempts from webhook_outbox where delivered_at is null and next_attempt_at <= now() order by id limit 50',
    );
    let delivered = 0;
    for (const row of due) {
      if (stopped) break;
      const body = typeof row.payload === 'string' ? row.payload : JSON.stringify(row.payload);
      const secret = secretOf.get(row.target);
      let error: string | undefined;
      if (!secret) error = 'no such webhook in the config any more';
      else {
        try {
          const timestamp = Math.floor(Date.now() / 1000);
          const response = await send(row.target, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'lifeline-event': row.event, 'lifeline-delivery': String(row.id), 'lifeline-signature': signature(secret, timestamp, body) },
            body,
            signal: AbortSignal.timeout(10_000),
          });
          if (!response.ok) error = `HTTP ${response.status}`;
        } catch (cause) {
          error = String(cause).slice(0, 300);
        }
      }
      if (error === undefined) {
        await db.query('update webhook_outbox set delivered_at = now(), attempts = attempts + 1, last_error = null where id = $1', [row.id]);
        delivered += 1;
      } else {
        const attempts = row.attempts + 1;
        await db.query(`update webhook_outbox set attempts = $2, last_error = $3, next_attempt_at = now() + ($4 || ' milliseconds')::interval where id = $1`, [row.id, attempts, error, String(retryDelayMs(attempts))]);
      }
    }
    return delivered;
  }

  const flush = () => (running ??= deliverDue().finally(() => (running = undefined)));
  const timer = setInterval(() => void flush().catch(() => undefined), options.intervalMs ?? 1000);
  return {
    flush,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
