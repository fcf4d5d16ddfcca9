// @vitest-environment jsdom
/**
 * @module The launcher's unread marker through the widget's public API in jsdom: agent messages that arrive
 * while the panel is closed (or shows the bot) mark the launcher with a count, a description in the page's
 * language and one polite announcement; the main UI's renders keep it; opening the chat clears it; a reload
 * counts only what the candidate had not seen. The badge's look is checked in Chromium (tests/chat/).
 */
import { fireEvent, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { MountedWidget } from '../test-widget.ts';
import { chatStrings as en } from './i18n/en.ts';
import { chatStrings as es } from './i18n/es.ts';
import { CHAT_STORAGE_KEY } from './store.ts';
import { lines, ready, serveChat } from './test-chat.ts';
import { UNREAD_ID } from './unread.ts';

const { chatting } = serveChat();

/** What a sighted candidate and a screen reader get from the launcher, and what the live region last said. */
function marker(mounted: MountedWidget) {
  const launcher = mounted.shadow.querySelector('.launcher')!;
  const describedBy = launcher.getAttribute('aria-describedby');
  const description = describedBy ? mounted.shadow.getElementById(describedBy) : null;
  return {
    badge: launcher.getAttribute('data-unread'),
    description: description?.textContent ?? null,
    lang: description?.getAttribute('lang') ?? null,
    // The marker's live region sits beside the UI, not in the chat view (which has its own).
    spoken: [...mounted.shadow.children].find((child) => child.getAttribute('aria-live') === 'polite')?.textContent ?? null,
  };
}

const none = { badge: null, description: null, lang: null, spoken: '' };

describe("the launcher's unread marker", () => {
  it('counts agent messages that arrive behind a closed panel, survives the main UI rendering, and clears when the chat opens', async () => {
    const { gateway, mounted } = await chatting();
    gateway.emit({ type: 'agent_joined', agent: { name: 'Ana' } });
    await waitFor(() => expect(lines(mounted)).toHaveLength(1));
    mounted.widget.close();
    expect(marker(mounted)).toEqual(none);

    gateway.agentSays('Hello, I am Ana.');
    await waitFor(() => expect(marker(mounted)).toEqual({ badge: '1', description: en.unreadOne, lang: 'en', spoken: en.unreadOne }));
    gateway.agentSays('Which browser do you use?');
    // The count and the description follow; the live region spoke once, for the first.
    await waitFor(() => expect(marker(mounted).badge).toBe('2'));
    expect(marker(mounted)).toEqual({ badge: '2', description: en.unreadMany.replace('{count}', '2'), lang: 'en', spoken: en.unreadOne });

    // The main UI renders the launcher again (a new context, another language): the marker stays, in the page's language.
    mounted.widget.setContext({ phase: 'during' });
    expect(marker(mounted).badge).toBe('2');
    mounted.widget.setLocale('es');
    await waitFor(() => expect(marker(mounted)).toMatchObject({ badge: '2', description: es.unreadMany.replace('{count}', '2'), lang: 'es' }));
    expect(mounted.shadow.querySelector('.launcher')?.getAttribute('aria-label')).toBe('Abrir la ayuda del examen');

    fireEvent.click(mounted.shadow.querySelector('.launcher')!);
    await waitFor(() => expect(marker(mounted)).toEqual(none));
    expect(mounted.shadow.querySelector('.launcher')?.hasAttribute('aria-describedby')).toBe(false);
    expect(JSON.parse(window.sessionStorage.getItem(CHAT_STORAGE_KEY)!)).toMatchObject({ seen: gateway.events.length });

    mounted.widget.destroy();
    expect(mounted.shadow.getElementById(UNREAD_ID)).toBeNull();
  });

  it('follows a launcher the main UI draws anew', async () => {
    const { gateway, mounted } = await chatting();
    mounted.widget.close();
    gateway.agentSays('Hello!');
    await waitFor(() => expect(marker(mounted).badge).toBe('1'));
    // As after an error boundary recovers: a new button without the marker (the test's own, so the last step).
    const old = mounted.shadow.querySelector('.launcher')!;
    const redrawn = old.cloneNode(true) as Element;
    redrawn.removeAttribute('data-unread');
    redrawn.removeAttribute('aria-describedby');
    old.replaceWith(redrawn);
    await waitFor(() => expect(marker(mounted)).toEqual({ badge: '1', description: en.unreadOne, lang: 'en', spoken: en.unreadOne }));
  });

  it('counts what arrives while the open panel shows the bot, and nothing while it shows the chat', async () => {
    const { gateway, mounted } = await chatting();
    gateway.agentSays('On screen.');
    await waitFor(() => expect(lines(mounted)).toEqual(['On screen.']));
    expect(marker(mounted)).toEqual(none);

    fireEvent.click(mounted.ui.getByRole('button', { name: 'Back to the conversation' }));
    gateway.agentSays('Behind the bot.');
    await waitFor(() => expect(marker(mounted).badge).toBe('1'));
    // The chat view is not rendered, yet its words follow the language for the marker.
    mounted.widget.setLocale('es');
    await waitFor(() => expect(marker(mounted)).toMatchObject({ badge: '1', description: es.unreadOne, lang: 'es' }));
    // "Talk to a person" brings the chat back, and the message into view.
    fireEvent.click(mounted.ui.getAllByRole('button', { name: es.title })[0]!);
    await waitFor(() => expect(marker(mounted)).toEqual(none));
    expect(lines(mounted)).toEqual(['On screen.', 'Behind the bot.']);
  });

  it('after a reload marks only what came while the candidate was away, not the history seen before', async () => {
    const { gateway, mounted: before } = await chatting();
    gateway.agentSays('Seen before the reload.');
    await waitFor(() => expect(lines(before)).toEqual(['Seen before the reload.']));
    before.widget.close();
    before.widget.destroy();
    gateway.agentSays('Sent during the reload.');

    const after = await ready();
    // The stream replays both; the panel stays closed, as the candidate left it.
    await waitFor(() => expect(gateway.openStreams).toBe(1));
    await waitFor(() => expect(marker(after)).toEqual({ badge: '1', description: en.unreadOne, lang: 'en', spoken: en.unreadOne }));
    after.widget.open();
    await waitFor(() => expect(marker(after)).toEqual(none));
    expect(lines(after)).toEqual(['Seen before the reload.', 'Sent during the reload.']);
  });

  it("leaves the candidate's own messages and the agent's joining unmarked", async () => {
    const { gateway, mounted } = await chatting();
    mounted.widget.close();
    gateway.emit({ type: 'agent_joined', agent: { name: 'Ana' } });
    gateway.emit({ type: 'message', message: { id: 'c1', author: 'candidate', text: 'from another tab', at: new Date().toISOString() } });
    gateway.emit({ type: 'message', message: { id: 's1', author: 'system', text: 'note', at: new Date().toISOString() } });
    gateway.agentSays('Hello!');
    await waitFor(() => expect(marker(mounted).badge).toBe('1'));
  });
});
