/** @module The webhook signature byte by byte, replay refusal, and the retry schedule. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { retryDelayMs, signature, SIGNATURE_TOLERANCE_SECONDS, verifySignature } from './index.ts';

const SECRET = 'whsec-0123456789abcdef0123456789abcdef';
const BODY = '{"event":"csat.submitted","data":{"conversationId":"abc","score":5}}';

describe('signature', () => {
  it('is t=<seconds>,v1=<hex HMAC-SHA256 of "<seconds>.<body>">', () => {
    const expected = createHmac('sha256', SECRET).update(`1795412345.${BODY}`).digest('hex');
    expect(signature(SECRET, 1795412345, BODY)).toBe(`t=1795412345,v1=${expected}`);
  });

  it('verifies a fresh signature and refuses a changed body, another secret, a replay and garbage', () => {
    const now = 1795412345;
    const header = signature(SECRET, now, BODY);
    expect(verifySignature(SECRET, header, BODY, now + 10)).toBe(true);
    expect(verifySignature(SECRET, header, BODY.replace('5', '1'), now)).toBe(false);
    expect(verifySignature(`${SECRET}x`, header, BODY, now)).toBe(false);
    expect(verifySignature(SECRET, header, BODY, now + SIGNATURE_TOLERANCE_SECONDS + 1)).toBe(false);
    expect(verifySignature(SECRET, 't=abc,v1=zz', BODY, now)).toBe(false);
    expect(verifySignature(SECRET, '', BODY, now)).toBe(false);
  });
});

describe('retryDelayMs', () => {
  it('doubles from 1 s to an hour, within ±20%', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, () => 0.5))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(40, () => 0.5)).toBe(3_600_000);
    expect(retryDelayMs(1, () => 0)).toBe(800);
    expect(retryDelayMs(1, () => 1)).toBe(1200);
  });
});
