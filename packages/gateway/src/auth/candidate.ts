/**
 * @module Candidate tokens: a JWT the exam platform's backend signs (HS256 with a shared secret, or
 * ES256/RS256 with keys at a JWKS address), checked for issuer, audience and expiry (60 s of clock skew),
 * at most an hour long, carrying who the candidate is and which exam.
 */
import { CandidateClaims, LifelineError, MAX_TOKEN_SECONDS } from '@lifeline/protocol';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import * as z from 'zod/mini';
import { describeIssues } from '../http.ts';

export const CLOCK_SKEW_SECONDS = 60;

export interface CandidateAuthOptions {
  issuer: string;
  audience: string;
  secret?: string | Uint8Array | undefined;
  jwksUrl?: string | undefined;
}

export type Verified = { ok: true; claims: CandidateClaims } | { ok: false; error: LifelineError };

export function candidateVerifier(options: CandidateAuthOptions): (token: string, now?: Date) => Promise<Verified> {
  const raw = typeof options.secret === 'string' ? new TextEncoder().encode(options.secret) : options.secret;
  // Imported once: given the bytes, jose imports a key on every request, half the time of a verify.
  const secret = raw && crypto.subtle.importKey('raw', Uint8Array.from(raw), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const jwks: JWTVerifyGetKey | undefined = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : undefined;
  const algorithms = secret ? ['HS256'] : ['ES256', 'RS256'];
  return async (token, now = new Date()) => {
    const refuse = (code: string, message: string) => ({ ok: false as const, error: new LifelineError(code, message) });
    try {
      const verifyOptions = { issuer: options.issuer, audience: options.audience, algorithms, clockTolerance: CLOCK_SKEW_SECONDS, currentDate: now, requiredClaims: ['exp'] };
      const { payload } = secret ? await jwtVerify(token, await secret, verifyOptions) : await jwtVerify(token, jwks!, verifyOptions);
      const claims = z.safeParse(CandidateClaims, payload);
      if (!claims.success) return refuse('auth.claims_invalid', `the token's claims are not a candidate's: ${describeIssues(claims.error.issues, '(claims)')}`);
      const issuedAt = claims.data.iat ?? now.getTime() / 1000;
      if (claims.data.exp - issuedAt > MAX_TOKEN_SECONDS + CLOCK_SKEW_SECONDS) return refuse('auth.token_too_long', `a candidate token may live at most ${MAX_TOKEN_SECONDS} s; sign a fresh one for each page`);
      return { ok: true, claims: claims.data };
    } catch (cause) {
      if (cause instanceof errors.JWTExpired) return refuse('auth.token_expired', 'the token has expired: the exam page must fetch a fresh one from the platform');
      if (cause instanceof errors.JWTClaimValidationFailed) return refuse('auth.claim_invalid', `the token's ${cause.claim} claim is wrong (${cause.reason}): check the issuer and audience the gateway expects`);
      if (cause instanceof errors.JWSSignatureVerificationFailed) return refuse('auth.bad_signature', 'the token signature does not verify: the platform and the gateway must share the same key');
      return refuse('auth.token_invalid', `the token cannot be read: ${(cause as Error).message}`);
    }
  };
}
