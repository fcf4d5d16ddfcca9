/** @module Anonymous candidates on a real gateway: tokens the gateway signs, rate-limited, and not forgeable. */
import { decodeJwt, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT, testGateway, type TestGateway } from '../test/support.ts';
import { ANONYMOUS_ISSUER, ANONYMOUS_RESUME_GRACE_SECONDS, ANONYMOUS_TOKEN_SECONDS, anonymousIssuer } from './anonymous.ts';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await testGateway({ config: { anonymous: { enabled: true, perMinute: 2 } } });
});
afterAll(() => gateway.stop());

const ask = () => fetch(`${gateway.url}/v1/anonymous-token`, { method: 'POST' });
const create = (token: string) =>
  fetch(`${gateway.url}/v1/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'anonymous-key-1' }, body: JSON.stringify({ context: CONTEXT }) });

it('issues a token that opens a conversation, two a minute per address, and refuses a forged one', async () => {
  const first = await ask();
  expect(first.status).toBe(201);
  const { token } = (await first.json()) as { token: string };
  expect((await create(token)).status).toBe(201);
  expect((await ask()).status).toBe(201);
  const third = await ask();
  expect(third.status).toBe(429);
  expect(((await third.json()) as { error: { code: string } }).error.code).toBe('anonymous.rate_limited');

  const forged = await new SignJWT({ name: 'Guest', exam: { id: 'demo', name: 'Demo exam' }, phase: 'before' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('anon-forged')
    .setIssuer(ANONYMOUS_ISSUER)
    .setAudience('lifeline')
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode('a-key-the-attacker-made-up-for-this-test'));
  const refused = await create(forged);
  expect(refused.status).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('auth.bad_signature');
});

it('is off unless the config enables it', async () => {
  const plain = await testGateway();
  try {
    expect((await fetch(`${plain.url}/v1/anonymous-token`, { method: 'POST' })).status).toBe(404);
  } finally {
    await plain.stop();
  }
});

describe('a candidate that comes back', () => {
  const BIOLOGY = { id: 'bio-101', name: 'Biology 101 — Final exam', start: '2026-11-24T09:00:00.000Z' };

  it('keeps its candidate from the previous token, with the exam and phase the page declares, and resumes its conversation', async () => {
    const resumable = await testGateway({ config: { anonymous: { enabled: true, perMinute: 2 } } });
    try {
      const ask = (body: unknown) => fetch(`${resumable.url}/v1/anonymous-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const first = (await (await ask({ exam: BIOLOGY, phase: 'during' })).json()) as { token: string; resumed: boolean };
      expect(first.resumed).toBe(false);
      expect(decodeJwt(first.token)).toMatchObject({ name: 'Guest', exam: BIOLOGY, phase: 'during' });
      const created = await fetch(`${resumable.url}/v1/conversations`, { method: 'POST', headers: { authorization: `Bearer ${first.token}`, 'content-type': 'application/json', 'idempotency-key': 'resume-key-1' }, body: JSON.stringify({ context: CONTEXT }) });
      const { id } = (await created.json()) as { id: string };

      // The reload: the page hands back its token and gets one for the same candidate, which opens the conversation.
      const again = await ask({ previous: first.token, exam: BIOLOGY, phase: 'during' });
      expect(again.status).toBe(201);
      const second = (await again.json()) as { token: string; resumed: boolean };
      expect(second.resumed).toBe(true);
      expect(decodeJwt(second.token).sub).toBe(decodeJwt(first.token).sub);
      expect((await fetch(`${resumable.url}/v1/conversations/${id}`, { headers: { authorization: `Bearer ${second.token}` } })).status).toBe(200);

      // A renewal counts against the address's limit like a new token.
      const limited = await ask({ previous: second.token });
      expect(limited.status).toBe(429);
      expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('anonymous.rate_limited');
    } finally {
      await resumable.stop();
    }
  });

  it('answers 400 with the field when the page declares something a token cannot carry', async () => {
    const refused = await fetch(`${gateway.url}/v1/anonymous-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phase: 'sometime' }) });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'request.invalid', message: expect.stringContaining('phase') });
  });

  it('keeps the candidate from a token expired within the grace period, and not from an older or a forged one', async () => {
    const issuer = anonymousIssuer('lifeline', 100);
    const start = Date.parse('2026-11-24T09:00:00Z');
    const first = (await issuer.issue('10.0.0.1', {}, start))!;
    const sub = decodeJwt(first.token).sub;
    const expired = start + ANONYMOUS_TOKEN_SECONDS * 1000;
    const withinGrace = (await issuer.issue('10.0.0.1', { previous: first.token }, expired + (ANONYMOUS_RESUME_GRACE_SECONDS - 60) * 1000))!;
    expect([withinGrace.resumed, decodeJwt(withinGrace.token).sub]).toEqual([true, sub]);
    const tooOld = (await issuer.issue('10.0.0.1', { previous: first.token }, expired + (ANONYMOUS_RESUME_GRACE_SECONDS + 60) * 1000))!;
    expect(tooOld.resumed).toBe(false);
    expect(decodeJwt(tooOld.token).sub).not.toBe(sub);

    // Another gateway's token (or this one's before a restart: a key per start) names no candidate here.
    const elsewhere = (await anonymousIssuer('lifeline', 100).issue('10.0.0.1', {}, start))!;
    const stranger = (await issuer.issue('10.0.0.1', { previous: elsewhere.token }, start))!;
    expect(stranger.resumed).toBe(false);
    expect(decodeJwt(stranger.token).sub).not.toBe(decodeJwt(elsewhere.token).sub);
  });
});
