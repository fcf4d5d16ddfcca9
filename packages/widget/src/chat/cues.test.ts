// @vitest-environment jsdom
/**
 * @module What tells the candidate, away from the panel, that a person is there, in jsdom through the public
 * API: the line above the conversation (people answering now, or the hours), the page title's cue in a
 * background tab, the opt-in chime, and typing signals that are renewed and expire. Their look and the
 * scroll to the first unread message are checked in Chromium (tests/chat/).
 */
import { TYPING_RENEW_MS, TYPING_TTL_MS } from '@lifeline/protocol';
import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MountedWidget } from '../test-widget.ts';
import { chatStrings as en } from './i18n/en.ts';
import { lines, ready, serveChat, startChat, status } from './test-chat.ts';
import { GATEWAY_URL, GOOD_TOKEN } from './test-gateway.ts';
import { KB_URL } from '../test-widget.ts';

const { fakeGateway, chatting } = serveChat();

const people = (mounted: MountedWidget) => mounted.shadow.querySelector('.people p')?.textContent ?? '';

/** The tab in the background (the exam's own tab, the proctoring app in front) or shown again. */
function tab(state: 'hidden' | 'visible'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** A Web Audio stand-in (jsdom has none) that records the tones started. */
function fakeAudio(): number[] {
  const tones: number[] = [];
  class FakeAudioContext {
    currentTime = 0;
    destination = {};
    createGain = () => ({ gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect() {} });
    createOscillator = () => {
      const tone = { frequency: { value: 0 }, connect() {}, start: () => tones.push(tone.frequency.value), stop() {}, onended: null };
      return tone;
    };
    close = () => Promise.resolve();
  }
  vi.stubGlobal('AudioContext', FakeAudioContext);
  return tones;
}

afterEach(() => {
  tab('visible');
  document.title = '';
  vi.unstubAllGlobals();
});

describe('the line beside "Talk to a person"', () => {
  it('says people are answering, with the wait, each time the panel opens', async () => {
    const gateway = fakeGateway();
    const mounted = await ready();
    mounted.widget.open();
    await waitFor(() => expect(people(mounted)).toBe(en.answeringWait.replace('{minutes}', '2')));
    expect(mounted.ui.getByRole('button', { name: en.title })).toBeTruthy();
    gateway.support = { open: true, agentsOnline: 1 };
    mounted.widget.close();
    mounted.widget.open();
    await waitFor(() => expect(people(mounted)).toBe(en.answeringNow));
    expect(gateway.statusAsked).toBe(2);
  });

  it('says nobody is answering now, with the support hours, outside hours or with nobody online', async () => {
    const gateway = fakeGateway();
    gateway.support = { open: true, agentsOnline: 0 };
    const mounted = await ready();
    mounted.widget.setContext({ support: { hours: 'Monday to Friday, 8:00–20:00 CET' } });
    mounted.widget.open();
    await waitFor(() => expect(people(mounted)).toBe(`${en.nobodyNow} ${en.hours.replace('{hours}', 'Monday to Friday, 8:00–20:00 CET')}`));
  });

  it('shows the hours alone when the gateway cannot say, and is not there without chat', async () => {
    const gateway = fakeGateway();
    gateway.online = false;
    const mounted = await ready();
    mounted.widget.setContext({ support: { hours: '8–20' } });
    mounted.widget.open();
    await waitFor(() => expect(people(mounted)).toBe(en.hours.replace('{hours}', '8–20')));

    const plain = await ready(undefined as never);
    plain.widget.init({ kbUrl: KB_URL });
    plain.widget.open();
    expect(plain.shadow.querySelector('.people')).toBeNull();
  });
});

describe('cues for a candidate who is not looking', () => {
  it('puts the unread count before the page title while the tab is in the background, and gives the title back', async () => {
    document.title = 'Biology 101 — Final exam';
    const { gateway, mounted } = await chatting();
    mounted.widget.close();
    tab('hidden');
    gateway.agentSays('Hello, I am Ana.');
    await waitFor(() => expect(document.title).toBe('(1) Biology 101 — Final exam'));
    gateway.agentSays('Are you there?');
    await waitFor(() => expect(document.title).toBe('(2) Biology 101 — Final exam'));
    tab('visible');
    expect(document.title).toBe('Biology 101 — Final exam');
    // The host changes its own title meanwhile: the cue leaves it alone once told.
    tab('hidden');
    expect(document.title).toBe('(2) Biology 101 — Final exam');
    document.title = 'Biology 101 — Question 8 of 40';
    gateway.agentSays('Hello?');
    await waitFor(() => expect(document.title).toBe('(3) Biology 101 — Question 8 of 40'));
    tab('visible');
    expect(document.title).toBe('Biology 101 — Question 8 of 40');
  });

  it('leaves the title alone with titleCue: false', async () => {
    document.title = 'Exam';
    const gateway = fakeGateway();
    const mounted = await ready({ url: GATEWAY_URL, token: GOOD_TOKEN, titleCue: false });
    await startChat(mounted);
    await waitFor(() => expect(gateway.openStreams).toBe(1));
    mounted.widget.close();
    tab('hidden');
    gateway.agentSays('Hello');
    await waitFor(() => expect(mounted.shadow.querySelector('.launcher')?.getAttribute('data-unread')).toBe('1'));
    expect(document.title).toBe('Exam');
  });

  it('plays no sound unless the host asks for it', async () => {
    const tones = fakeAudio();
    const { gateway, mounted } = await chatting();
    mounted.widget.close();
    gateway.agentSays('Hello');
    await waitFor(() => expect(mounted.shadow.querySelector('.launcher')?.getAttribute('data-unread')).toBe('1'));
    expect(tones).toEqual([]);
  });

  it('chimes once for a burst of agent messages behind the closed panel with sound: true, and not for what is seen', async () => {
    const tones = fakeAudio();
    const gateway = fakeGateway();
    const mounted = await ready({ url: GATEWAY_URL, token: GOOD_TOKEN, sound: true });
    await startChat(mounted);
    await waitFor(() => expect(gateway.openStreams).toBe(1));
    gateway.agentSays('Seen as it arrives: no sound.');
    await waitFor(() => expect(lines(mounted)).toHaveLength(1));
    expect(tones).toEqual([]);
    mounted.widget.close();
    gateway.agentSays('One');
    gateway.agentSays('Two');
    await waitFor(() => expect(mounted.shadow.querySelector('.launcher')?.getAttribute('data-unread')).toBe('2'));
    // The two notes of one chime.
    expect(tones).toEqual([660, 880]);
  });
});

describe('typing signals', () => {
  it("renews the candidate's typing while the typing goes on", async () => {
    let clock = 1_000_000;
    const gateway = fakeGateway();
    const mounted = await ready(undefined, { now: () => clock });
    await startChat(mounted);
    gateway.emit({ type: 'agent_joined', agent: { name: 'Ana' } });
    await waitFor(() => expect(status(mounted)).toContain('Ana'));
    const input = mounted.shadow.querySelector<HTMLInputElement>('#lifeline-message')!;
    fireEvent.input(input, { target: { value: 'My' } });
    clock += TYPING_RENEW_MS - 1;
    fireEvent.input(input, { target: { value: 'My cam' } });
    clock += 2;
    fireEvent.input(input, { target: { value: 'My camera' } });
    await waitFor(() => expect(gateway.requestsTo('POST', /\/typing$/).map((r) => r.body)).toEqual([{ typing: true }, { typing: true }]));
  });

  it("drops the agent's typing that is not renewed", async () => {
    const { gateway, mounted } = await chatting();
    gateway.emit({ type: 'agent_joined', agent: { name: 'Ana' } });
    await waitFor(() => expect(status(mounted)).toContain('Ana'));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      gateway.emit({ type: 'agent_typing', typing: true });
      const typing = en.typing.replace('{name}', 'Ana');
      await vi.waitFor(() => expect(mounted.shadow.querySelector('.chat')?.textContent).toContain(typing));
      vi.advanceTimersByTime(TYPING_TTL_MS - 100);
      expect(mounted.shadow.querySelector('.chat')?.textContent).toContain(typing);
      vi.advanceTimersByTime(200);
      expect(mounted.shadow.querySelector('.chat')?.textContent).not.toContain(typing);
    } finally {
      vi.useRealTimers();
    }
  });
});
