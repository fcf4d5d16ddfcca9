/**
 * @module Helpers of the chat's tests in jsdom (flow, unread marker, coming back): the real knowledge base
 * and the fake gateway on one msw server, a widget with `chat`, the way to "Talk to a person", and what the
 * chat view shows.
 */
import type { LifelineError } from '@lifeline/protocol';
import { configure, fireEvent, waitFor } from '@testing-library/preact';
import { expect } from 'vitest';
import { KB_URL, mountWidget, serveKnowledgeBase, type MountedWidget } from '../test-widget.ts';
import { chatStrings as en } from './i18n/en.ts';
import { FakeGateway, GATEWAY_URL, GOOD_TOKEN } from './test-gateway.ts';

/**
 * Serves the knowledge base for the calling test file and returns how to add a fake gateway to it. The
 * first escalation in a file loads the chat chunk and its words: slower than Testing Library's default 1 s
 * on a busy machine, hence 4 s.
 */
export function serveChat(): { fakeGateway(): FakeGateway; chatting(): Promise<{ gateway: FakeGateway; mounted: MountedWidget }> } {
  const kb = serveKnowledgeBase();
  configure({ asyncUtilTimeout: 4000 });
  const fakeGateway = () => {
    const gateway = new FakeGateway();
    kb.server.use(...gateway.handlers);
    return gateway;
  };
  return {
    fakeGateway,
    /** A candidate in the queue, with the event stream open. */
    async chatting() {
      const gateway = fakeGateway();
      const mounted = await ready();
      await startChat(mounted);
      await waitFor(() => expect(gateway.openStreams).toBe(1));
      return { gateway, mounted };
    },
  };
}

/** A widget with `chat` configured, once its language has loaded. */
export async function ready(chat: Record<string, unknown> = { url: GATEWAY_URL, token: GOOD_TOKEN }, options: Parameters<typeof mountWidget>[0] = {}): Promise<MountedWidget> {
  const mounted = mountWidget(options);
  expect(mounted.widget.init({ kbUrl: KB_URL, chat })).toBe(true);
  await waitFor(() => expect(mounted.details('ready')).toHaveLength(1));
  return mounted;
}

/** Asks something the knowledge base cannot answer, then presses its "Talk to a person". */
export async function askForAPerson(mounted: MountedWidget, title = en.title): Promise<void> {
  mounted.widget.ask('xyzzy plugh frobnicate');
  await waitFor(() => expect(mounted.details('answer')).toHaveLength(1));
  fireEvent.click(mounted.ui.getAllByRole('button', { name: title })[0]!);
}

/** "Talk to a person" up to its confirmation. */
export async function talkToAPerson(mounted: MountedWidget): Promise<void> {
  await askForAPerson(mounted);
  await mounted.ui.findByRole('button', { name: en.confirmSend });
}

/** Through the confirmation into the queue. */
export async function startChat(mounted: MountedWidget): Promise<void> {
  await talkToAPerson(mounted);
  fireEvent.click(mounted.ui.getByRole('button', { name: en.confirmSend }));
  await waitFor(() => expect(status(mounted)).toContain('number 3'));
}

export const status = (mounted: MountedWidget) => mounted.shadow.querySelector('.chat .status[role=status]')?.textContent ?? '';

/** The conversation as the candidate sees it: each line's text, marked when it is still waiting to be sent. */
export const lines = (mounted: MountedWidget) =>
  [...mounted.shadow.querySelectorAll('.chat .log li')].map((li) => {
    const text = li.querySelector('p:not(.when)')?.textContent ?? li.textContent ?? '';
    return li.textContent?.includes(en.sending) ? `${text} (sending)` : text;
  });

export const errorCodes = (mounted: MountedWidget) => mounted.details<LifelineError>('error').map((e) => e.code);

export function say(mounted: MountedWidget, text: string): void {
  const input = mounted.shadow.querySelector<HTMLInputElement>('#lifeline-message')!;
  input.value = text;
  fireEvent.submit(input.form!);
}
