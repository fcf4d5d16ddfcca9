// @vitest-environment jsdom
/**
 * @module A candidate who comes back in a new tab (empty sessionStorage, same candidate token), in jsdom
 * against the fake gateway: "Talk to a person" first asks GET /v1/conversations and re-attaches to the
 * newest conversation still going (queued, with an agent, a ticket), with its history and no confirmation;
 * a closed one, or any failure of that question, gives the confirmation of a new one, as before. The real
 * gateway is covered in Chromium (tests/chat/).
 */
import type { SessionContext } from '@lifeline/protocol';
import { fireEvent, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { chatStrings as en } from './i18n/en.ts';
import { LOOKUP_MS } from './index.ts';
import { CHAT_STORAGE_KEY } from './store.ts';
import { askForAPerson, errorCodes, lines, ready, say, serveChat, startChat, status, talkToAPerson } from './test-chat.ts';
import type { FakeGateway } from './test-gateway.ts';

const { fakeGateway } = serveChat();

/** A first tab escalates and is closed: what it kept in sessionStorage goes with it. */
async function firstTab(gateway: FakeGateway): Promise<void> {
  const tab = await ready();
  await startChat(tab);
  await waitFor(() => expect(gateway.openStreams).toBe(1));
  tab.widget.destroy();
  window.sessionStorage.clear();
}

const creates = (gateway: FakeGateway) => gateway.requestsTo('POST', /^\/v1\/conversations$/).length;

describe('"Talk to a person" in a new tab', () => {
  it("re-attaches to the ticket a closed tab left, with the agent's answer, and sends nothing new", async () => {
    const gateway = fakeGateway();
    await firstTab(gateway);
    // Nobody was online: a ticket. The next morning an agent takes it and answers.
    gateway.emit({ type: 'ticket_created', ticket: 'T-4KX9QZ' });
    gateway.emit({ type: 'agent_joined', agent: { name: 'Ana' } });
    gateway.agentSays('Your exam was moved to 10:00.');

    const tab = await ready();
    await askForAPerson(tab);
    await waitFor(() => expect(lines(tab)).toEqual([en.rejoined, en.ticket.replace('{ticket}', 'T-4KX9QZ'), 'Ana joined the chat.', 'Your exam was moved to 10:00.']));
    expect(status(tab)).toBe(en.withAgent.replace('{name}', 'Ana'));
    expect(tab.ui.queryByRole('button', { name: en.confirmSend })).toBeNull();
    // Nothing of this tab's help session was sent, and no escalation is recorded for it.
    expect(creates(gateway)).toBe(1);
    expect(tab.details('escalate')).toEqual([]);
    expect(tab.shadow.activeElement?.id).toBe('lifeline-chat-title');
    expect(JSON.parse(window.sessionStorage.getItem(CHAT_STORAGE_KEY)!)).toMatchObject({ conversationId: gateway.conversationId });

    say(tab, 'Thank you!');
    await waitFor(() => expect(gateway.messages.map((m) => m.text)).toEqual(['Thank you!']));
    // The new tab keeps its own record: a reload of it re-attaches as before, without asking for the list.
    tab.widget.destroy();
    const reloaded = await ready();
    await waitFor(() => expect(lines(reloaded).at(-1)).toBe('Thank you!'));
    expect(gateway.requestsTo('GET', /^\/v1\/conversations$/)).toHaveLength(2);
  });

  it('re-attaches to a conversation still in the queue', async () => {
    const gateway = fakeGateway();
    await firstTab(gateway);
    const tab = await ready();
    await askForAPerson(tab);
    await waitFor(() => expect(status(tab)).toContain('number 3'));
    expect(lines(tab)).toEqual([en.rejoined]);
    expect(creates(gateway)).toBe(1);
  });

  it('says an unanswered ticket is still open, and offers to start a new conversation', async () => {
    const gateway = fakeGateway();
    await firstTab(gateway);
    gateway.emit({ type: 'ticket_created', ticket: 'T-4KX9QZ' });

    const tab = await ready();
    await askForAPerson(tab);
    await waitFor(() => expect(status(tab)).toBe(en.ticketOpen.replace('{ticket}', 'T-4KX9QZ')));
    fireEvent.click(tab.ui.getByRole('button', { name: en.startNew }));
    fireEvent.click(await tab.ui.findByRole('button', { name: en.confirmSend }));
    await waitFor(() => expect(gateway.creates.size).toBe(2));
    const [context] = tab.details<SessionContext>('escalate');
    expect(context?.entries[0]).toMatchObject({ type: 'question', text: 'xyzzy plugh frobnicate' });
  });

  it('confirms a new conversation when the newest one is closed', async () => {
    const gateway = fakeGateway();
    await firstTab(gateway);
    gateway.emit({ type: 'closed' });

    const tab = await ready();
    await talkToAPerson(tab);
    expect(lines(tab)).toEqual([]);
    expect(gateway.openStreams).toBe(0);
  });

  it.each([
    ['the gateway fails (503)', 503],
    ['an older gateway does not know the list (404)', 404],
    ['the network drops the answer', 'lost'],
  ] as const)('confirms a new conversation, and reports nothing, when %s', async (_, fault) => {
    const gateway = fakeGateway();
    await firstTab(gateway);
    gateway.faults.push({ path: /^\/v1\/conversations$/, method: 'GET', fault });

    const tab = await ready();
    await talkToAPerson(tab);
    expect(errorCodes(tab)).toEqual([]);
    fireEvent.click(tab.ui.getByRole('button', { name: en.confirmSend }));
    await waitFor(() => expect(gateway.creates.size).toBe(2));
  });

  it(`waits at most ${LOOKUP_MS} ms for the list, and then ignores a late answer`, async () => {
    const gateway = fakeGateway();
    await firstTab(gateway);
    gateway.faults.push({ path: /^\/v1\/conversations$/, method: 'GET', fault: { late: LOOKUP_MS + 500 } });

    const tab = await ready();
    const asked = Date.now();
    await askForAPerson(tab);
    await waitFor(() => expect(status(tab)).toBe(en.looking));
    await tab.ui.findByRole('button', { name: en.confirmSend }, { timeout: LOOKUP_MS + 1000 });
    expect(Date.now() - asked).toBeGreaterThanOrEqual(LOOKUP_MS);
    // The answer names the conversation of the first tab, too late: the confirmation stays.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(tab.ui.getByRole('button', { name: en.confirmSend })).toBeTruthy();
    expect(gateway.openStreams).toBe(0);
  }, 10_000);
});
