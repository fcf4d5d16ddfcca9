/**
 * @module Anonymous candidates, for the demo and for platforms that enable it: the gateway signs a short
 * token itself (its own HS256 key, its own issuer), limited per client address so it cannot be farmed.
 * A candidate that hands back its previous token, even one expired within the grace period, keeps its
 * `sub`, and so its conversations: a reload or a second tab is the same candidate.
 */
import { randomBytes } from 'node:crypto';
import type { AnonymousToken, AnonymousTokenRequest } from '@lifeline/protocol';
import { jwtVerify, SignJWT } from 'jose';

export const ANONYMOUS_ISSUER = 'lifeline-gateway:anonymous';
export const ANONYMOUS_TOKEN_SECONDS = 30 * 60;
/**
 * How long after it expired a previous token still keeps its `sub`: an exam's length, so a candidate
 * whose laptop restarted mid-exam finds the chat again; a candidate back the next day is a new one.
 */
export const ANONYMOUS_RESUME_GRACE_SECONDS = 2 * 3600;

/** What an anonymous candidate is when the page declares nothing: the demo's defaults before this issue. */
const UNDECLARED = { exam: { id: 'demo', name: 'Demo exam' }, phase: 'before' } as const;

export interface AnonymousIssuer {
  /** A token, or undefined when this address asked too often in the last minute (renewals count too). */
  issue(address: string, request?: AnonymousTokenRequest, now?: number): Promise<AnonymousToken | undefined>;
  readonly key: Uint8Array;
  readonly audience: string;
}

export function anonymousIssuer(audience: string, perMinute: number): AnonymousIssuer {
  // A key per start: anonymous tokens do not outlive the process that signed them, and no one configures it.
  const key = randomBytes(32);
  const recent = new Map<string, number[]>();

  /** The `sub` of a token this issuer signed, expired at most the grace period ago; anything else, none. */
  async function previousSubject(previous: string | undefined, now: number): Promise<string | undefined> {
    if (!previous) return undefined;
    try {
      const { payload } = await jwtVerify(previous, key, { issuer: ANONYMOUS_ISSUER, audience, algorithms: ['HS256'], currentDate: new Date(now), clockTolerance: ANONYMOUS_RESUME_GRACE_SECONDS });
      return typeof payload.sub === 'string' && payload.sub.startsWith('anon-') ? payload.sub : undefined;
    } catch {
      // Forged, another gateway's (or this one's before a restart), or too old: a new candidate.
      return undefined;
    }
  }

  return {
    key,
    audience,
    async issue(address, request = {}, now = Date.now()) {
      const times = (recent.get(address) ?? []).filter((t) => now - t < 60_000);
      if (times.length >= perMinute) return undefined;
      times.push(now);
      recent.set(address, times);
      // Forget quiet addresses, so the map does not grow with every visitor.
      if (recent.size > 10_000) for (const [a, t] of recent) if (t.every((x) => now - x >= 60_000)) recent.delete(a);
      const kept = await previousSubject(request.previous, now);
      const seconds = Math.floor(now / 1000);
      const claims = { name: 'Guest', exam: request.exam ?? UNDECLARED.exam, phase: request.phase ?? UNDECLARED.phase, ...(request.locale ? { locale: request.locale } : {}) };
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(kept ?? `anon-${randomBytes(9).toString('base64url')}`)
        .setIssuer(ANONYMOUS_ISSUER)
        .setAudience(audience)
        .setIssuedAt(seconds)
        .setExpirationTime(seconds + ANONYMOUS_TOKEN_SECONDS)
        .sign(key);
      return { token, expiresAt: new Date((seconds + ANONYMOUS_TOKEN_SECONDS) * 1000).toISOString(), resumed: kept !== undefined };
    },
  };
}
