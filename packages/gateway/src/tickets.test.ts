/**
 * @module Tickets and webhooks against a real gateway on real PGlite: with nobody online or outside
 * hours a conversation becomes a ticket the candidate finds answered later; webhooks are signed, and
 * delivered after the receiver failed twice.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConversationEvent, ConversationView } from '@lifeline/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { verifySignature } from './webhooks/index.ts';
import { candidateToken, CONTEXT, readSse, signIn, testAccounts, testGateway, type TestGateway } from './test/support.ts';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
});

async function started(options: Parameters<typeof testGateway>[0]): Promise<TestGateway> {
  const gateway = await testGateway(options);
  stops.push(() => gateway.stop());
  return gateway;
}

async function escalate(gateway: TestGateway, token: string, key: string): Promise<ConversationView> {
  const response = await fetch(`${gateway.url}/v1/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ context: CONTEXT }),
  });
  return (await response.json()) as ConversationView;
}

describe('tickets', () => {
  it('turns a conversation into a ticket when nobody is online, and the candidate finds the answer on coming back', async () => {
    const gateway = await started({ staffed: false, agents: await testAccounts() });
    const token = await candidateToken({ sub: 'late-candidate' });
    const conversation = await escalate(gateway, token, 'late-key-1');
    expect(conversation.status).toBe('ticket');
    expect(conversation.ticket).toMatch(/^T-[0-9A-HJKMNP-TV-Z]{6}$/);

    // The next morning: an agent takes the ticket by name and answers.
    const { request: ben } = await signIn(gateway.url, 'ben');
    const { tickets } = (await (await ben!('/queue')).json()) as { tickets: { id: string }[] };
    expect(tickets.map((t) => t.id)).toContain(conversation.id);
    expect((await ben!(`/conversations/${conversation.id}/take`, { method: 'POST' })).status).toBe(200);
    await ben!(`/conversations/${conversation.id}/messages`, { method: 'POST', body: { clientMessageId: 'ticket-answer-1', text: 'Your exam was moved to 10:00.' } });

    // The candidate comes back with a new page and a new token: the list names the ticket, its stream has the answer.
    const back = await candidateToken({ sub: 'late-candidate' });
    const list = (await (await fetch(`${gateway.url}/v1/conversations`, { headers: { authorization: `Bearer ${back}` } })).json()) as ConversationView[];
    expect(list[0]).toMatchObject({ id: conversation.id, ticket: conversation.ticket });
    const stream = await fetch(`${gateway.url}/v1/conversations/${conversation.id}/events`, { headers: { authorization: `Bearer ${back}` } });
    const { events } = await readSse(stream, (seen) => seen.some((e) => e.event === 'message'));
    const types = events.filter((e) => e.data).map((e) => (JSON.parse(e.data!) as ConversationEvent).type);
    expect(types).toEqual(['ticket_created', 'agent_joined', 'message']);
  });

  it('turns a conversation into a ticket outside business hours even with an agent online', async () => {
    const now = new Date();
    // Open only for the minute two hours from now, in UTC: closed at this instant.
    const later = new Date(now.getTime() + 2 * 3600_000);
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);
    const gateway = await started({
      staffed: true,
      config: { hours: { timeZone: 'UTC', open: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: hhmm(later), to: hhmm(new Date(later.getTime() + 60_000)) }] } },
    });
    const conversation = await escalate(gateway, await candidateToken(), 'hours-key-1');
    expect(conversation.status).toBe('ticket');
  });
});

describe('webhooks', () => {
  it('signs each delivery and delivers after the receiver failed twice', async () => {
    const secret = 'webhook-secret-that-is-long-enough-123';
    const received: { status: number; event: string; body: string; signature: string }[] = [];
    const receiver = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const failing = received.filter((r) => r.event === request.headers['lifeline-event']).length < 2;
        received.push({ status: failing ? 503 : 200, event: String(request.headers['lifeline-event']), body, signature: String(request.headers['lifeline-signature']) });
        response.writeHead(failing ? 503 : 200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    stops.push(() => new Promise((resolve) => receiver.close(() => resolve())));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

    const gateway = await started({ webhookIntervalMs: 50, config: { webhooks: [{ url, secret, events: ['conversation.created'] }] } });
    const conversation = await escalate(gateway, await candidateToken(), 'webhook-key-1');
    // The retry waits ~1 s then ~2 s: the third attempt is the one that lands.
    await expect.poll(() => received.map((r) => r.status), { timeout: 10_000, interval: 100 }).toEqual([503, 503, 200]);
    for (const delivery of received) expect(verifySignature(secret, delivery.signature, delivery.body)).toBe(true);
    expect(verifySignature('another-secret-entirely-xxxxxxxxxxxx', received[2]!.signature, received[2]!.body)).toBe(false);
    expect(verifySignature(secret, received[2]!.signature, received[2]!.body.replace('bio-101', 'bio-102'))).toBe(false);
    expect(JSON.parse(received[2]!.body)).toEqual({ event: 'conversation.created', data: expect.objectContaining({ conversationId: conversation.id, examId: 'bio-101' }) });
    const [row] = await gateway.db.query<{ attempts: number; delivered_at: unknown }>('select attempts, delivered_at from webhook_outbox');
    expect(row).toMatchObject({ attempts: 3 });
    expect(row!.delivered_at).not.toBeNull();
  }, 20_000);
});
