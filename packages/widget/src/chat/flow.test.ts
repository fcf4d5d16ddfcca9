// @vitest-environment jsdom
/**
 * @module The chat with an agent through the widget's public API in jsdom, against a fake gateway
 * (msw): the confirmation of what is shared, the create with its Idempotency-Key, the queue, messages in
 * order and once, the outbox across going offline and a reload, a refused token and setToken, the end and
 * the rating, and the words of both languages. The real gateway is covered in Chromium (tests/).
 */
import { HELP_SESSION_VERSION, type HelpSession, type LifelineError, type SessionContext } from '@lifeline/protocol';
import { createReport } from '@lifeline/checks';
import { fireEvent, waitFor } from '@testing-library/preact';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { STORAGE_KEY } from '../session/index.ts';
import { expectConsole } from '../test-support.ts';
import { itTranslatesEverything } from '../test-words.ts';
import { KB_URL, mountWidget } from '../test-widget.ts';
import { backoff, BACKOFF_MAX_MS, STALE_MS } from './gateway.ts';
import { chatStrings as en } from './i18n/en.ts';
import { chatStrings as es } from './i18n/es.ts';
import { CHAT_STORAGE_KEY } from './store.ts';
import { errorCodes, lines, ready, say, serveChat, status, talkToAPerson } from './test-chat.ts';
import { GATEWAY_URL, GOOD_TOKEN } from './test-gateway.ts';

const { fakeGateway, chatting } = serveChat();

/** The browser's idea of being online, for this test only. */
function setOnline(online: boolean): void {
  const spy = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  onTestFinished(() => spy.mockRestore());
  if (online) window.dispatchEvent(new Event('online'));
}

/** A help session in storage, as a reload finds it: a question, an article read and rated, a check report. */
function storeHelpSession(): void {
  const at = Date.UTC(2026, 10, 24, 9);
  const report = createReport([{ check: 'camera', status: 'fail', reason: 'camera.not_found', measured: {}, durationMs: 12, article: 'camera-not-working' }], at);
  const session: HelpSession = {
    version: HELP_SESSION_VERSION,
    id: '0123456789abcdef',
    startedAt: at,
    entries: [
      { type: 'question', at, text: 'my webcam is black' },
      { type: 'answer', at, decision: 'answer', articleId: 'camera-not-working', alternatives: [], kbVersion: 'test' },
      { type: 'article', at, articleId: 'camera-not-working', kbVersion: 'test' },
      { type: 'feedback', at, articleId: 'camera-not-working', helpful: false },
      { type: 'checks', at, report },
    ],
  };
  window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

describe('"Talk to a person" with chat configured', () => {
  it('shows what the agent will see, and sends nothing before Send', async () => {
    const gateway = fakeGateway();
    storeHelpSession();
    const mounted = await ready();
    await talkToAPerson(mounted);

    const shared = mounted.shadow.querySelector('.chat .shared')!;
    const rows = [...shared.children].map((child) => `${child.tagName.toLowerCase()} ${child.textContent}`);
    expect(rows).toEqual([
      `dt ${en.sharedQuestions}`,
      'dd my webcam is black',
      'dd xyzzy plugh frobnicate',
      `dt ${en.sharedArticles}`,
      expect.stringMatching(new RegExp(`^dd .+ \\(${en.didNotHelp}\\)$`)),
      `dt ${en.sharedChecks}`,
      expect.stringMatching(/^dd Setup check: 0 of 1 passed\. Reference [0-9A-Z-]+\.$/),
      `dt ${en.sharedPage}`,
      `dd ${window.location.href}`,
      `dt ${en.sharedBrowser}`,
      `dd ${navigator.userAgent}`,
    ]);
    // Focus moves to the view's heading, as in the other views.
    expect(mounted.shadow.activeElement?.id).toBe('lifeline-chat-title');
    // Before Send the gateway is only asked whether a conversation of this candidate is still going: nothing of the session goes.
    const lookup = [{ method: 'GET', path: '/v1/conversations', body: undefined }];
    const asked = () => gateway.requests.map(({ method, path, body }) => ({ method, path, body }));
    expect(asked()).toEqual(lookup);
    expect(mounted.details('escalate')).toEqual([]);

    fireEvent.click(mounted.ui.getByRole('button', { name: en.cancel }));
    await waitFor(() => expect(mounted.shadow.activeElement?.id).toBe('lifeline-question'));
    expect(mounted.shadow.querySelector('.chat')).toBeNull();
    expect(asked()).toEqual(lookup);
    expect(window.sessionStorage.getItem(CHAT_STORAGE_KEY)).toBeNull();
  });

  it('creates the conversation once, with the same Idempotency-Key on a retry, and emits escalate with what it sent', async () => {
    expectConsole('error');
    const gateway = fakeGateway();
    gateway.faults.push({ path: /^\/v1\/conversations$/, method: 'POST', fault: 503 });
    const mounted = await ready();
    await talkToAPerson(mounted);
    fireEvent.click(mounted.ui.getByRole('button', { name: en.confirmSend }));

    await waitFor(() => expect(errorCodes(mounted)).toEqual(['chat.unavailable']));
    // The retry comes after a backoff of half a second to a second.
    await waitFor(() => expect(status(mounted)).toBe(`${en.queued.replace('{position}', '3')} ${en.waitMinutes.replace('{minutes}', '3')}`));
    const creates = gateway.requestsTo('POST', /^\/v1\/conversations$/);
    expect(creates).toHaveLength(2);
    expect(creates[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    expect(creates[1]!.headers['idempotency-key']).toBe(creates[0]!.headers['idempotency-key']);
    expect(creates[1]!.headers.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
    expect(gateway.creates.size).toBe(1);

    const escalations = mounted.details<SessionContext>('escalate');
    expect(escalations).toHaveLength(1);
    expect((creates[1]!.body as { context: SessionContext }).context).toEqual(escalations[0]);
    expect(escalations[0]!.entries.at(-1)).toMatchObject({ type: 'escalate' });
    // The composer is ready for the first message.
    expect(mounted.shadow.activeElement?.id).toBe('lifeline-message');
  });

  it('shows the queue position and the expected wait as they change', async () => {
    const { gateway, mounted } = await chatting();

    gateway.emit({ type: 'queue_update', position: 2, estimatedWaitSeconds: 90 });
    await waitFor(() => expect(status(mounted)).toBe(`${en.queued.replace('{position}', '2')} ${en.waitMinutes.replace('{minutes}', '2')}`));
    gateway.emit({ type: 'queue_update', position: 1, estimatedWaitSeconds: 20 });
    await waitFor(() => expect(status(mounted)).toBe(`${en.queuedNext} ${en.waitUnderMinute}`));
    gateway.emit({ type: 'agent_joined', agent: { name: 'Ana' } });
    await waitFor(() => expect(status(mounted)).toBe(en.withAgent.replace('{name}', 'Ana')));
    expect(lines(mounted)).toEqual([en.joined.replace('{name}', 'Ana')]);
  });

  it('shows each message once and in order when the stream replays events after a drop', async () => {
    expectConsole('error');
    const { gateway, mounted } = await chatting();
    gateway.emit({ type: 'agent_joined', agent: { name: 'Ana' } });
    gateway.emit({ type: 'agent_typing', typing: true });
    await waitFor(() => expect(mounted.ui.getByText('Ana is typing…')).toBeTruthy());
    gateway.agentSays('Hello, I am Ana.');
    say(mounted, 'My camera is black');
    await waitFor(() => expect(gateway.messages).toHaveLength(1));
    gateway.agentSays('Which browser do you use?');
    await waitFor(() => expect(lines(mounted)).toEqual(['Ana joined the chat.', 'Hello, I am Ana.', 'My camera is black', 'Which browser do you use?']));
    expect(mounted.ui.queryByText('Ana is typing…')).toBeNull();
    // A typing signal the gateway does not store (the seq of the last event, no id) shows too.
    gateway.signalTyping(true);
    await waitFor(() => expect(mounted.ui.getByText('Ana is typing…')).toBeTruthy());
    gateway.signalTyping(false);
    await waitFor(() => expect(mounted.ui.queryByText('Ana is typing…')).toBeNull());
    // New agent messages are announced; the candidate's own are not read back.
    expect(mounted.shadow.querySelector('[aria-live=polite].sr')?.textContent).toBe('Ana: Which browser do you use?');
    // Each message shows its time.
    expect(mounted.shadow.querySelectorAll('.chat .log li time')).toHaveLength(3);

    // The line drops; the gateway (wrongly) replays everything; one more message comes after.
    gateway.replayAll = true;
    gateway.dropStreams();
    await waitFor(() => expect(gateway.requestsTo('GET', /\/events$/)).toHaveLength(2), { timeout: 5000 });
    expect(gateway.requestsTo('GET', /\/events$/)[1]!.headers['last-event-id']).toBe(String(gateway.events.length));
    await waitFor(() => expect(gateway.openStreams).toBe(1));
    gateway.agentSays('Chrome?');
    await waitFor(() => expect(lines(mounted)).toEqual(['Ana joined the chat.', 'Hello, I am Ana.', 'My camera is black', 'Which browser do you use?', 'Chrome?']));
    expect(errorCodes(mounted)).toEqual(['chat.unavailable']);
  });

  it('keeps what is typed offline and sends it in order, exactly once, when the connection returns', async () => {
    expectConsole('error');
    const { gateway, mounted } = await chatting();
    gateway.emit({ type: 'agent_joined', agent: { name: 'Ana' } });

    setOnline(false);
    gateway.goOffline();
    await waitFor(() => expect(status(mounted)).toBe(en.offline));
    say(mounted, 'one');
    say(mounted, 'two');
    gateway.agentSays('Are you there?');
    say(mounted, 'three');
    await waitFor(() => expect(lines(mounted)).toEqual(['Ana joined the chat.', 'one (sending)', 'two (sending)', 'three (sending)']));
    const stored = JSON.parse(window.sessionStorage.getItem(CHAT_STORAGE_KEY)!) as { outbox: { text: string }[] };
    expect(stored.outbox.map((m) => m.text)).toEqual(['one', 'two', 'three']);

    gateway.online = true;
    setOnline(true);
    await waitFor(() => expect(lines(mounted)).toEqual(['Ana joined the chat.', 'Are you there?', 'one', 'two', 'three']));
    expect(gateway.messages.map((m) => m.text)).toEqual(['one', 'two', 'three']);
    const sends = gateway.requestsTo('POST', /\/messages$/).map((r) => (r.body as { text: string }).text);
    expect(sends).toEqual(['one', 'two', 'three']);
    expect(JSON.parse(window.sessionStorage.getItem(CHAT_STORAGE_KEY)!)).toMatchObject({ outbox: [] });
    expect(status(mounted)).toBe(en.withAgent.replace('{name}', 'Ana'));
    expect(errorCodes(mounted)).toEqual(['chat.unavailable']);
  });

  it('does not send a message again when its answer is lost but its echo arrives', async () => {
    expectConsole('error');
    const { gateway, mounted } = await chatting();
    gateway.faults.push({ path: /\/messages$/, fault: 'lost' });
    say(mounted, 'did you get this?');
    await waitFor(() => expect(lines(mounted)).toEqual(['did you get this?']));
    await new Promise((resolve) => setTimeout(resolve, 1200)); // longer than the first retry's backoff
    expect(gateway.requestsTo('POST', /\/messages$/)).toHaveLength(1);
    expect(JSON.parse(window.sessionStorage.getItem(CHAT_STORAGE_KEY)!)).toMatchObject({ outbox: [] });
  });

  it('sends a message again with the same clientMessageId when its answer is lost and the stream is down, and shows it once', async () => {
    expectConsole('error');
    const { gateway, mounted } = await chatting();
    gateway.faults.push({ path: /\/events$/, fault: 503 }, { path: /\/messages$/, fault: 'lost' });
    gateway.dropStreams();
    say(mounted, 'did you get this?');
    await waitFor(() => expect(gateway.requestsTo('POST', /\/messages$/)).toHaveLength(2), { timeout: 5000 });
    const [first, retry] = gateway.requestsTo('POST', /\/messages$/).map((r) => r.body as { clientMessageId: string });
    expect(retry!.clientMessageId).toBe(first!.clientMessageId);
    await waitFor(() => expect(gateway.openStreams).toBe(1), { timeout: 6000 });
    await waitFor(() => expect(lines(mounted)).toEqual(['did you get this?']));
    expect(gateway.messages).toHaveLength(1);
  });

  it('re-attaches to the same conversation after a reload and sends what the outbox still holds', async () => {
    expectConsole('error');
    const { gateway, mounted: before } = await chatting();
    gateway.emit({ type: 'agent_joined', agent: { name: 'Ana' } });
    gateway.agentSays('Hello!');
    await waitFor(() => expect(lines(before)).toHaveLength(2));
    setOnline(false);
    gateway.goOffline();
    say(before, 'written before the reload');
    await waitFor(() => expect(lines(before)).toContain('written before the reload (sending)'));
    before.widget.destroy();

    gateway.online = true;
    setOnline(true);
    const after = await ready();
    await waitFor(() => expect(lines(after)).toEqual(['Ana joined the chat.', 'Hello!', 'written before the reload']));
    expect(gateway.creates.size).toBe(1);
    expect(gateway.requestsTo('POST', /^\/v1\/conversations$/)).toHaveLength(1);
    expect(gateway.requestsTo('GET', /^\/v1\/conversations\/[^/]+$/)).toHaveLength(1);
    expect(gateway.messages.map((m) => m.text)).toEqual(['written before the reload']);
    // The reopened panel shows the chat, not a new confirmation.
    after.widget.open();
    expect(after.ui.queryByRole('button', { name: en.confirmSend })).toBeNull();
    expect(status(after)).toBe(en.withAgent.replace('{name}', 'Ana'));
  });

  it('lets a reloaded conversation go when the gateway no longer gives it to this candidate, and offers a new one', async () => {
    expectConsole('error');
    const { gateway, mounted: before } = await chatting();
    before.widget.destroy();
    // After the reload the page holds another candidate's token: the gateway answers 403 for the stored conversation.
    gateway.faults.push({ path: /^\/v1\/conversations\/[^/]+$/, method: 'GET', fault: 403 });
    gateway.anotherCandidate = true;
    const after = await ready();
    await waitFor(() => expect(errorCodes(after)).toEqual(['chat.invalid']));
    after.widget.open();
    // Not "the chat could not be started": the confirmation of a new conversation (after asking for an earlier one).
    await after.ui.findByRole('button', { name: en.confirmSend });
    expect(after.shadow.querySelector('.chat [role=alert]')).toBeNull();
    // One lookup at the first "Talk to a person", one after letting the stored conversation go.
    expect(gateway.requestsTo('GET', /^\/v1\/conversations$/)).toHaveLength(2);
  });

  it('re-attaches after a reload when chat comes with a later init', async () => {
    const { gateway, mounted: before } = await chatting();
    gateway.agentSays('Hello!');
    await waitFor(() => expect(lines(before)).toEqual(['Hello!']));
    before.widget.destroy();

    const after = mountWidget();
    after.widget.init({ kbUrl: KB_URL });
    await waitFor(() => expect(after.details('ready')).toHaveLength(1));
    expect(gateway.requestsTo('GET', /^\/v1\/conversations\/[^/]+$/)).toHaveLength(0);
    after.widget.init({ kbUrl: KB_URL, chat: { url: GATEWAY_URL, token: GOOD_TOKEN } });
    after.widget.open();
    await waitFor(() => expect(lines(after)).toEqual(['Hello!']));
    expect(gateway.creates.size).toBe(1);
  });

  it('shows a transfer and a ticket with its reference', async () => {
    const { gateway, mounted } = await chatting();
    gateway.emit({ type: 'agent_joined', agent: { name: 'Ana' } });
    gateway.emit({ type: 'transferred', queue: 'tier2' });
    await waitFor(() => expect(lines(mounted)).toEqual(['Ana joined the chat.', en.transferred]));
    expect(status(mounted)).toBe(en.starting);
    gateway.emit({ type: 'ticket_created', ticket: 'T-4KX9QZ' });
    // Why it became a ticket is said once, in the conversation; the status line only says it is open.
    const ticket = en.ticket.replace('{ticket}', 'T-4KX9QZ');
    await waitFor(() => expect(status(mounted)).toBe(en.ticketOpen.replace('{ticket}', 'T-4KX9QZ')));
    expect(lines(mounted).at(-1)).toBe(ticket);
    const shown = [...mounted.shadow.querySelectorAll('.chat :not([aria-live])')].filter((e) => !e.children.length).map((e) => e.textContent);
    expect(shown.filter((text) => text === ticket)).toHaveLength(1);
    // The candidate can still add to the ticket.
    expect(mounted.shadow.querySelector('#lifeline-message')).not.toBeNull();
  });

  it('drops a line that went silent (no heartbeat for 45 s) when the tab is shown again, and resumes after the last event', async () => {
    expectConsole('error');
    const { gateway, mounted } = await chatting();
    gateway.agentSays('Hello!');
    await waitFor(() => expect(lines(mounted)).toEqual(['Hello!']));
    const later = Date.now() + STALE_MS + 1000;
    const now = vi.spyOn(Date, 'now').mockReturnValue(later);
    onTestFinished(() => now.mockRestore());
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(() => expect(gateway.requestsTo('GET', /\/events$/)).toHaveLength(2), { timeout: 5000 });
    expect(gateway.requestsTo('GET', /\/events$/)[1]!.headers['last-event-id']).toBe('1');
    gateway.agentSays('Still there?');
    await waitFor(() => expect(lines(mounted)).toEqual(['Hello!', 'Still there?']));
  });

  it('follows setLocale with the words of the chat', async () => {
    const { mounted } = await chatting();
    mounted.widget.setLocale('es');
    await waitFor(() => expect(status(mounted)).toBe(`${es.queued.replace('{position}', '3')} ${es.waitMinutes.replace('{minutes}', '3')}`));
  });

  it('reports chat.unauthorized when the gateway refuses the token, and goes on after setToken', async () => {
    expectConsole('error');
    const gateway = fakeGateway();
    const mounted = await ready({ url: GATEWAY_URL, token: 'expired-token' });
    await talkToAPerson(mounted);
    fireEvent.click(mounted.ui.getByRole('button', { name: en.confirmSend }));
    await waitFor(() => expect(errorCodes(mounted)).toEqual(['chat.unauthorized']));
    expect(status(mounted)).toBe(en.unauthorized);
    expect(mounted.details<LifelineError>('error')[0]!.message).toContain("Lifeline('setToken', token)");
    const key = gateway.requestsTo('POST', /^\/v1\/conversations$/)[0]!.headers['idempotency-key'];

    mounted.widget.setToken(GOOD_TOKEN);
    await waitFor(() => expect(status(mounted)).toContain('number 3'));
    const creates = gateway.requestsTo('POST', /^\/v1\/conversations$/);
    expect(creates.map((r) => [r.headers.authorization, r.headers['idempotency-key']])).toEqual([
      ['Bearer expired-token', key],
      [`Bearer ${GOOD_TOKEN}`, key],
    ]);
    expect(errorCodes(mounted)).toEqual(['chat.unauthorized']);
  });

  it('asks for a token when there is none, and starts once setToken gives one', async () => {
    expectConsole('error');
    const gateway = fakeGateway();
    const mounted = await ready({ url: GATEWAY_URL });
    await talkToAPerson(mounted);
    fireEvent.click(mounted.ui.getByRole('button', { name: en.confirmSend }));
    await waitFor(() => expect(errorCodes(mounted)).toEqual(['chat.unauthorized']));
    expect(gateway.requests).toEqual([]);
    mounted.widget.setToken(GOOD_TOKEN);
    await waitFor(() => expect(gateway.creates.size).toBe(1));
  });

  it('shows the end, asks for a rating, and sends it', async () => {
    const { gateway, mounted } = await chatting();
    gateway.emit({ type: 'agent_joined', agent: { name: 'Ana' } });
    gateway.emit({ type: 'closed' });
    gateway.emit({ type: 'csat_requested' });
    await waitFor(() => expect(status(mounted)).toBe(en.closed));
    expect(mounted.shadow.querySelector('#lifeline-message')).toBeNull();
    // Focus goes to the rating's first choice.
    await waitFor(() => expect((mounted.shadow.activeElement as HTMLInputElement | null)?.value).toBe('1'));

    fireEvent.click(mounted.ui.getByRole('radio', { name: en.scores[4] }));
    fireEvent.input(mounted.ui.getByLabelText(en.comment), { target: { value: '  Quick and kind.  ' } });
    fireEvent.click(mounted.ui.getByRole('button', { name: en.rateSend }));
    await waitFor(() => expect(status(mounted)).toBe(en.rated));
    expect(gateway.requestsTo('POST', /\/csat$/).map((r) => r.body)).toEqual([{ score: 5, comment: 'Quick and kind.' }]);
    expect(window.sessionStorage.getItem(CHAT_STORAGE_KEY)).toBeNull();
    await waitFor(() => expect(gateway.openStreams).toBe(0));

    // "Done", then "Talk to a person" again: a new confirmation.
    fireEvent.click(mounted.ui.getByRole('button', { name: en.done }));
    await waitFor(() => expect(mounted.shadow.querySelector('.chat')).toBeNull());
    fireEvent.click(mounted.ui.getAllByRole('button', { name: en.title }).at(-1)!);
    await mounted.ui.findByRole('button', { name: en.confirmSend });
  });

  it('tells the agent the candidate is typing, once per pause', async () => {
    const { gateway, mounted } = await chatting();
    gateway.emit({ type: 'agent_joined', agent: { name: 'Ana' } });
    await waitFor(() => expect(status(mounted)).toContain('Ana'));
    const input = mounted.shadow.querySelector<HTMLInputElement>('#lifeline-message')!;
    fireEvent.input(input, { target: { value: 'M' } });
    fireEvent.input(input, { target: { value: 'My' } });
    say(mounted, 'My camera');
    await waitFor(() => expect(gateway.requestsTo('POST', /\/typing$/).map((r) => r.body)).toEqual([{ typing: true }, { typing: false }]));
  });

  it('reports a bad chat config as config.invalid naming the field, and offers no chat', async () => {
    expectConsole('error');
    const gateway = fakeGateway();
    const mounted = await ready({ url: '' });
    mounted.widget.ask('xyzzy plugh frobnicate');
    await waitFor(() => expect(mounted.details('answer')).toHaveLength(1));
    fireEvent.click(mounted.ui.getAllByRole('button', { name: en.title })[0]!);
    await waitFor(() => expect(mounted.shadow.querySelector('.chat [role=alert]')?.textContent).toBe(en.invalid));
    const errors = mounted.details<LifelineError>('error');
    expect(errors.map((e) => [e.code, e.message.split(' ')[0]])).toEqual([['config.invalid', 'chat.url']]);
    expect(errors[0]!.message).toContain('"https://support.example.com"');
    expect(gateway.requests).toEqual([]);
  });

  it('drops a message the gateway refuses, reports chat.invalid, and sends the next', async () => {
    expectConsole('error');
    const { gateway, mounted } = await chatting();
    gateway.faults.push({ path: /\/messages$/, fault: 409 });
    say(mounted, 'refused');
    say(mounted, 'taken');
    await waitFor(() => expect(lines(mounted)).toEqual(['taken']));
    expect(errorCodes(mounted)).toEqual(['chat.invalid']);
    expect(gateway.messages.map((m) => m.text)).toEqual(['taken']);
    expect(status(mounted)).toContain('number 3');
  });

  it('reports setToken without a token as chat.invalid', async () => {
    expectConsole('error');
    const mounted = await ready();
    mounted.widget.setToken(undefined);
    mounted.widget.setToken('');
    await waitFor(() => expect(errorCodes(mounted)).toEqual(['chat.invalid', 'chat.invalid']));
    expect(mounted.details<LifelineError>('error')[0]!.message).toMatch(/^setToken\(\) needs the token as text, got undefined/);
  });
});

describe('"Talk to a person" without chat', () => {
  it('only emits escalate, as before: the host takes it from there', async () => {
    const gateway = fakeGateway();
    const mounted = mountWidget();
    mounted.widget.init({ kbUrl: KB_URL });
    await waitFor(() => expect(mounted.details('ready')).toHaveLength(1));
    mounted.widget.ask('xyzzy plugh frobnicate');
    await waitFor(() => expect(mounted.details('answer')).toHaveLength(1));
    fireEvent.click(mounted.ui.getAllByRole('button', { name: en.title })[0]!);
    expect(mounted.details('escalate')).toHaveLength(1);
    expect(mounted.shadow.querySelector('.chat')).toBeNull();
    expect(gateway.requests).toEqual([]);
  });
});

describe('backoff', () => {
  it('doubles from half a second to a second, up to 30 s, with jitter in the upper half', () => {
    expect([0, 1, 2, 3].map((attempt) => backoff(attempt, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((attempt) => backoff(attempt, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoff(20, () => 1)).toBe(BACKOFF_MAX_MS);
    expect(backoff(20, () => 0)).toBe(BACKOFF_MAX_MS / 2);
  });
});

describe('the words of the chat', () => {
  /** The same in both languages on purpose: plain numbers and a format. */
  itTranslatesEverything(en, es, new Set(['scores.1', 'scores.2', 'scores.3', 'said']));

  it('shows the chat in Spanish for a Spanish candidate', async () => {
    const gateway = fakeGateway();
    const mounted = await ready(undefined, { languages: ['es-MX'] });
    mounted.widget.ask('xyzzy plugh frobnicate');
    await waitFor(() => expect(mounted.details('answer')).toHaveLength(1));
    fireEvent.click(mounted.ui.getAllByRole('button', { name: es.title })[0]!);
    fireEvent.click(await mounted.ui.findByRole('button', { name: es.confirmSend }));
    await waitFor(() => expect(status(mounted)).toBe(`${es.queued.replace('{position}', '3')} ${es.waitMinutes.replace('{minutes}', '3')}`));
    expect(gateway.creates.size).toBe(1);
  });
});
