/** @module Starts the gateway: opens the database (migrating it), builds the app, and listens. */
import { serve, type ServerType } from '@hono/node-server';
import { anonymousIssuer, ANONYMOUS_ISSUER } from './auth/anonymous.ts';
import { candidateVerifier } from './auth/candidate.ts';
import { decodeJwt } from 'jose';
import { createApp } from './app.ts';
import type { ResolvedConfig } from './config/index.ts';
import { openDatabase, type Database } from './db/index.ts';
import { EventHub } from './conversations/hub.ts';
import { ConversationStore, DEFAULT_CAPACITY } from './conversations/store.ts';
import type { AgentCapacity } from './conversations/wait.ts';
import { supportStatusReader } from './status.ts';
import { onlineAgents } from './agents/presence.ts';
import { isOpen } from './hours/index.ts';
import { startWebhookWorker, type WebhookWorker } from './webhooks/index.ts';
import { consoleStatic, type ConsoleStaticOptions } from './console-static.ts';

export interface RunningGateway {
  url: string;
  db: Database;
  hub: EventHub;
  webhooks: WebhookWorker;
  close(): Promise<void>;
}

/**
 * How often the waits' basis is checked without a change to prompt it: an agent whose console died (no
 * close) stops counting when its presence goes stale, and the waiting candidates are told.
 */
export const WAIT_SWEEP_MS = 30_000;

export interface StartOptions {
  heartbeatMs?: number;
  webhookIntervalMs?: number;
  /** How long a closed console's agent stays online (a reload); tests shorten it. */
  leaveGraceMs?: number;
  /** How often the sweep looks at the waits' basis (default `WAIT_SWEEP_MS`); tests shorten it. */
  waitSweepMs?: number;
  /** The built console (`buildConsole`), served at /console, with its config. */
  console?: { dir: string } & ConsoleStaticOptions;
}

export async function startGateway(config: ResolvedConfig, options: StartOptions = {}): Promise<RunningGateway> {
  const db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  const hub = new EventHub();
  const webhooks = config.webhooks ?? [];
  const accounts = new Map((config.agents ?? []).map((account) => [account.id, account]));
  // An agent online without an account here (removed from the config since) serves tier 1 with the default.
  const capacityOf: AgentCapacity = (id) => ({ role: accounts.get(id)?.role ?? 'agent', capacity: accounts.get(id)?.capacity ?? DEFAULT_CAPACITY });
  const status = supportStatusReader(db, config.hours, capacityOf);
  const store = new ConversationStore(db, (id, event) => hub.publish(id, event), {
    webhooks,
    staffed: async () => isOpen(config.hours, new Date()) && (await onlineAgents(db)).length > 0,
    capacityOf,
    candidateConnected: (id) => hub.candidateConnected(id),
    // Every change to the queue or who answers ends in an announcement: the status is read again after it.
    onAnnounced: () => status.forget(),
  });
  const staffingChanged = () => store.announcePositions();
  const sweep = setInterval(() => void store.announceIfStaffingChanged().catch(() => undefined), options.waitSweepMs ?? WAIT_SWEEP_MS);
  sweep.unref();
  const worker = startWebhookWorker(db, webhooks, options.webhookIntervalMs ? { intervalMs: options.webhookIntervalMs } : {});
  const anonymous = config.anonymous?.enabled ? anonymousIssuer(config.auth.audience, config.anonymous.perMinute ?? 10) : undefined;
  const verifyHost = candidateVerifier(config.auth);
  const verifyAnonymous = anonymous && candidateVerifier({ issuer: ANONYMOUS_ISSUER, audience: anonymous.audience, secret: anonymous.key });
  const app = createApp({
    store,
    hub,
    // Which key checks a token depends on who says they signed it; the signature then proves it.
    verify: (token) => (verifyAnonymous && issuerOf(token) === ANONYMOUS_ISSUER ? verifyAnonymous(token) : verifyHost(token)),
    ...(anonymous ? { anonymous } : {}),
    status,
    corsOrigins: config.corsOrigins,
    console: {
      db,
      hub,
      store,
      accounts: config.agents ?? [],
      secureCookies: !['127.0.0.1', 'localhost'].includes(config.host),
      onStaffingChanged: staffingChanged,
      ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
      ...(options.leaveGraceMs !== undefined ? { leaveGraceMs: options.leaveGraceMs } : {}),
    },
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
  });
  if (options.console) app.route('/', consoleStatic(options.console.dir, options.console));
  const server = await new Promise<ServerType>((resolve) => {
    const started: ServerType = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(started));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://${config.host}:${port}`,
    db,
    hub,
    webhooks: worker,
    async close() {
      clearInterval(sweep);
      await worker.stop();
      // Open SSE streams would hold the server open: end them with the server.
      (server as unknown as { closeAllConnections?(): void }).closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

function issuerOf(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}
