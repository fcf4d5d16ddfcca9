/** @module Anonymous candidates on a real gateway: tokens the gateway signs, rate-limited, and not forgeable. */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONTEXT, testGateway, type TestGateway } from '../test/support.ts';
import { ANONYMOUS_ISSUER } from './anonymous.ts';

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
