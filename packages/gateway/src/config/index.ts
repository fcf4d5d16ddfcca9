/**
 * @module The gateway's config: a JSON file (`--config` or `LIFELINE_CONFIG`) with the environment on
 * top (`PORT`, `DATABASE_URL`, `LIFELINE_JWT_SECRET`), validated by zod; a mistake is a `gateway.config`
 * error that names the field and what it must be.
 */
import { readFile } from 'node:fs/promises';
import { AgentRole, LifelineError } from '@lifeline/protocol';
import * as z from 'zod/mini';
import { describeIssues } from '../http.ts';
import { WEEKDAYS } from '../hours/index.ts';
import { WEBHOOK_EVENTS } from '../webhooks/index.ts';

const Clock = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as "08:00"'));

const Origin = z.string().check(z.regex(/^https?:\/\/[^/\s]+$/, 'an origin such as "https://exams.example.com" (scheme and host, no path)'));

export const GatewayConfig = z.strictObject({
  port: z.optional(z.int().check(z.minimum(0), z.maximum(65535))),
  host: z.optional(z.string()),
  /** The PGlite folder; ignored when `databaseUrl` is set. */
  dataDir: z.optional(z.string().check(z.minLength(1))),
  databaseUrl: z.optional(z.string().check(z.regex(/^postgres(ql)?:\/\//, 'a postgres:// address'))),
  /** How candidate tokens are checked: the host's backend signs them. */
  auth: z.strictObject({
    issuer: z.string().check(z.minLength(1)),
    audience: z.string().check(z.minLength(1)),
    /** HS256: the secret shared with the platform's backend, 32 characters or more. */
    secret: z.optional(z.string().check(z.minLength(32, 'at least 32 characters (HS256 needs 256 bits)'))),
    /** ES256 / RS256: where the platform publishes its public keys. */
    jwksUrl: z.optional(z.url()),
  }),
  /** Candidates without a token (the demo): off unless enabled, and rate-limited per address. */
  anonymous: z.optional(z.strictObject({ enabled: z.boolean(), perMinute: z.optional(z.int().check(z.minimum(1))) })),
  /** Console accounts; `lifeline-gateway hash-password` makes a passwordHash. */
  agents: z.optional(
    z.array(
      z.strictObject({
        id: z.string().check(z.regex(/^[a-z0-9._-]{1,64}$/, 'lower-case letters, digits, ".", "_" or "-"')),
        name: z.string().check(z.minLength(1)),
        passwordHash: z.string().check(z.regex(/^scrypt\$/, 'a hash from `lifeline-gateway hash-password`, starting "scrypt$"')),
        role: AgentRole,
        /** Chats at once; support teams take up to 4. */
        capacity: z.optional(z.int().check(z.minimum(1), z.maximum(10))),
      }),
    ),
  ),
  /** When agents answer, in their time zone; outside them (or with nobody online) a conversation becomes a ticket. Always open when absent. */
  hours: z.optional(
    z.strictObject({
      timeZone: z.string().check(z.refine((zone) => isTimeZone(zone), 'an IANA time zone such as "Europe/Madrid"')),
      open: z.array(z.strictObject({ days: z.array(z.enum(WEEKDAYS)).check(z.minLength(1)), from: Clock, to: Clock })),
    }),
  ),
  /** Receivers of conversation.created, conversation.closed, ticket.created and csat.submitted. */
  webhooks: z.optional(
    z.array(
      z.strictObject({
        url: z.url(),
        secret: z.string().check(z.minLength(32, 'at least 32 characters')),
        events: z.optional(z.array(z.enum(WEBHOOK_EVENTS))),
      }),
    ),
  ),
  /** Exam pages allowed to call the candidate API (CORS). */
  corsOrigins: z.optional(z.array(Origin)),
});
export type GatewayConfig = z.infer<typeof GatewayConfig>;

export interface ResolvedConfig extends GatewayConfig {
  port: number;
  host: string;
  dataDir: string;
  corsOrigins: string[];
}

/** The config from a file and the environment; throws `gateway.config` with every problem listed. */
export async function loadConfig(file: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<ResolvedConfig> {
  let fromFile: Record<string, unknown> = {};
  if (file) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (cause) {
      throw new LifelineError('gateway.config', `cannot read the config file ${file}: ${(cause as Error).message}`, { cause });
    }
    try {
      fromFile = JSON.parse(text) as Record<string, unknown>;
    } catch (cause) {
      throw new LifelineError('gateway.config', `${file} is not valid JSON: ${(cause as Error).message}`, { cause });
    }
  }
  const auth = (fromFile.auth ?? {}) as Record<string, unknown>;
  const merged = {
    ...fromFile,
    ...(env.PORT ? { port: Number(env.PORT) } : {}),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    auth: { ...auth, ...(env.LIFELINE_JWT_SECRET ? { secret: env.LIFELINE_JWT_SECRET } : {}) },
  };
  return resolveConfig(merged, file ?? 'the config');
}

/** Validates a config object and fills in the defaults. */
export function resolveConfig(input: unknown, source = 'the config'): ResolvedConfig {
  const result = z.safeParse(GatewayConfig, input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => describeIssues([issue], '(root)'));
    throw new LifelineError('gateway.config', `${source} has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
  const config = result.data;
  if (!config.auth.secret && !config.auth.jwksUrl) {
    throw new LifelineError('gateway.config', `${source}: auth needs a secret (HS256, or LIFELINE_JWT_SECRET) or a jwksUrl (ES256/RS256)`);
  }
  return { ...config, port: config.port ?? 4500, host: config.host ?? '127.0.0.1', dataDir: config.dataDir ?? '.lifeline/gateway-data', corsOrigins: config.corsOrigins ?? [] };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
