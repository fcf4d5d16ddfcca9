/**
 * @module What every route of the gateway shares: the error answer `{ error: { code, message } }`, a
 * body parsed with a protocol schema (its problems named field by field), and an SSE line that writes
 * in order and keeps itself open with a heartbeat.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { SSEMessage, SSEStreamingApi } from 'hono/streaming';
import * as z from 'zod/mini';

/** Proxies drop a silent stream; a comment line every 15 s keeps it open and tells the client the line is alive. */
export const HEARTBEAT_MS = 15_000;

export function fail(c: Context, status: ContentfulStatusCode, code: string, message: string): Response {
  return c.json({ error: { code, message } }, status);
}

/** zod's issues as one line a person can act on: `context.entries: expected array`; `root` names the top. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], root: string): string {
  return issues.map((issue) => `${issue.path.join('.') || root}: ${issue.message}`).join('; ');
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

/** The request body as the schema wants it, or the 400 answer that says what is wrong. */
export async function parseBody<T>(c: Context, schema: z.ZodMiniType<T>): Promise<Parsed<T>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, response: fail(c, 400, 'request.invalid_json', 'the body must be JSON with content-type application/json') };
  }
  const parsed = z.safeParse(schema, raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, response: fail(c, 400, 'request.invalid', describeIssues(parsed.error.issues, 'body')) };
}

export interface SseLine {
  /** Queued behind what was written before, so frames never interleave. */
  send(message: SSEMessage): void;
  /** Resolves when the client goes away. */
  closed: Promise<void>;
  stop(): void;
}

/** Writes frames in order and a `: heartbeat` comment every `heartbeatMs` (calling `onBeat`, too). */
export function sseLine(stream: SSEStreamingApi, heartbeatMs = HEARTBEAT_MS, onBeat?: () => void): SseLine {
  let writing = Promise.resolve();
  const queue = (write: () => Promise<unknown>) => {
    writing = writing.then(write).then(() => undefined);
  };
  const heartbeat = setInterval(() => {
    queue(() => stream.write(': heartbeat\n\n'));
    onBeat?.();
  }, heartbeatMs);
  return {
    send: (message) => queue(() => stream.writeSSE(message)),
    closed: new Promise<void>((resolve) => stream.onAbort(resolve)),
    stop: () => clearInterval(heartbeat),
  };
}
