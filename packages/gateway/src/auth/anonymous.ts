/**
 * @module Anonymous candidates, for the demo and for platforms that enable it: the gateway signs a short
 * token itself (its own HS256 key, its own issuer), limited per client address so it cannot be farmed.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';

export const ANONYMOUS_ISSUER = 'lifeline-gateway:anonymous';
export const ANONYMOUS_TOKEN_SECONDS = 30 * 60;

export interface AnonymousIssuer {
  /** A token, or undefined when this address asked too often in the last minute. */
  issue(address: string, now?: number): Promise<{ token: string; expiresAt: string } | undefined>;
  readonly key: Uint8Array;
  readonly audience: string;
}

export function anonymousIssuer(audience: string, perMinute: number): AnonymousIssuer {
  // A key per start: anonymous tokens do not outlive the process that signed them, and no one configures it.
  const key = randomBytes(32);
  const recent = new Map<string, number[]>();
  return {
    key,
    audience,
    async issue(address, now = Date.now()) {
      const times = (recent.get(address) ?? []).filter((t) => now - t < 60_000);
      if (times.length >= perMinute) return undefined;
      times.push(now);
      recent.set(address, times);
      // Forget quiet addresses, so the map does not grow with every visitor.
      if (recent.size > 10_000) for (const [a, t] of recent) if (t.every((x) => now - x >= 60_000)) recent.delete(a);
      const seconds = Math.floor(now / 1000);
      const token = await new SignJWT({ name: 'Guest', exam: { id: 'demo', name: 'Demo exam' }, phase: 'before' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(`anon-${randomBytes(9).toString('base64url')}`)
        .setIssuer(ANONYMOUS_ISSUER)
        .setAudience(audience)
        .setIssuedAt(seconds)
        .setExpirationTime(seconds + ANONYMOUS_TOKEN_SECONDS)
        .sign(key);
      return { token, expiresAt: new Date((seconds + ANONYMOUS_TOKEN_SECONDS) * 1000).toISOString() };
    },
  };
}
