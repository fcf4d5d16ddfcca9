// @vitest-environment jsdom
import { fireEvent, waitFor, within } from '@testing-library/preact';
import { http, HttpResponse } from 'msw';
import type { LifelineError, SessionContext } from '@lifeline/protocol';
import { describe, expect, it } from 'vitest';
import { expectConsole } from './test-support.ts';
import { KB_URL, mountWidget, serveKnowledgeBase, type MountedWidget } from './test-widget.ts';
import { strings as en } from './i18n/en.ts';

const kb = serveKnowledgeBase();
const KB_VERSION = '2026.11.1';

interface AnswerDetail {
  question: string;
  decision: 'answer' | 'suggest' | 'none';
  articleId: string | undefined;
  alternatives: string[];
  kbVersion: string;
}

/** A widget initialized on the real knowledge base, once its language has loaded. */
async function ready(config: Record<string, unknown> = {}, options: Parameters<typeof mountWidget>[0] = {}): Promise<MountedWidget> {
  const mounted = mountWidget(options);
  expect(mounted.widget.init({ kbUrl: KB_URL, ...config })).toBe(true);
  await waitFor(() => expect(mounted.details('ready')).toHaveLength(1));
  return mounted;
}

async function askAndWait(mounted: MountedWidget, question: string): Promise<AnswerDetail> {
  const before = mounted.details('answer').length;
  mounted.widget.ask(question);
  await waitFor(() => expect(mounted.details('answer')).toHaveLength(before + 1));
  return mounted.details<AnswerDetail>('answer')[before]!;
}

const errorCodes = (mounted: MountedWidget) => mounted.details<LifelineError>('error').map((e) => e.code);
const activeInside = (mounted: MountedWidget) => mounted.shadow.activeElement;

describe('LifelineWidget: lifecycle', () => {
  it('emits ready once the language has loaded, and renders the launcher', async () => {
    const { ui, details } = await ready();
    expect(details('ready')).toEqual([{ locale: 'en' }]);
    const launcher = ui.getByRole('button', { name: 'Open exam help' });
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect(ui.queryByRole('dialog')).toBeNull();
  });

  it('open moves focus to the question input, close returns it to the launcher', async () => {
    const mounted = await ready();
    // Not getByRole: jsdom would keep the closed panel's computed style (display: none) cached, as
    // it does not see the shadow tree change, and the open panel would look hidden to later queries.
    const launcher = mounted.shadow.querySelector<HTMLButtonElement>('button.launcher')!;
    expect(launcher.getAttribute('aria-label')).toBe('Open exam help');
    launcher.focus();
    fireEvent.click(launcher);
    expect(mounted.details('open')).toHaveLength(1);
    const input = mounted.ui.getByRole('textbox', { name: 'Your question' });
    expect(activeInside(mounted)).toBe(input);
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    mounted.widget.close();
    expect(mounted.details('close')).toHaveLength(1);
    expect(mounted.ui.queryByRole('dialog')).toBeNull();
    expect(activeInside(mounted)).toBe(launcher);
  });

  it('closes on Escape inside the panel', async () => {
    const mounted = await ready();
    mounted.widget.open();
    const input = mounted.ui.getByRole('textbox', { name: 'Your question' });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(mounted.events.map((e) => e.event).filter((e) => e === 'open' || e === 'close')).toEqual(['open', 'close']);
    expect(mounted.ui.queryByRole('dialog')).toBeNull();
  });

  it('toggles', async () => {
    const mounted = await ready();
    mounted.widget.toggle();
    mounted.widget.toggle();
    expect(mounted.events.map((e) => e.event).filter((e) => e === 'open' || e === 'close')).toEqual(['open', 'close']);
  });

  it('opens on init with open: true and loads the knowledge base', async () => {
    const mounted = await ready({ open: true });
    expect(mounted.details('open')).toHaveLength(1);
    await waitFor(() => expect(mounted.ui.getByRole('group', { name: 'Common topics' })).toBeTruthy());
    expect(kb.requested).toContain('manifest.json');
  });

  it('sets the configured z-index on the host, and removes it on destroy', async () => {
    const mounted = await ready({ theme: { zIndex: 10 } });
    expect(mounted.host.style.getPropertyValue('--lifeline-z-index')).toBe('10');
    mounted.widget.destroy();
    expect(mounted.host.style.getPropertyValue('--lifeline-z-index')).toBe('');
  });

  it('reports a command before init as widget.not_initialized, without throwing', async () => {
    const console = expectConsole();
    const mounted = mountWidget();
    expect(() => mounted.widget.open()).not.toThrow();
    mounted.widget.ask('camera');
    // The message for the developer comes with the lazy errors chunk, a moment later.
    await waitFor(() => expect(errorCodes(mounted)).toEqual(['widget.not_initialized', 'widget.not_initialized']));
    expect(mounted.details<LifelineError>('error')[0]!.message).toContain("open() was called before init(); call Lifeline('init'");
    expect(console).toHaveBeenCalledTimes(2); // two different commands, two messages
  });
});

describe('LifelineWidget: the bot', () => {
  it('answers a real question: question then answer, with the article id and KB version', async () => {
    const mounted = await ready();
    const answer = await askAndWait(mounted, 'my webcam is not working');
    expect(answer).toEqual({ question: 'my webcam is not working', decision: 'answer', articleId: 'camera-not-working', alternatives: [], kbVersion: KB_VERSION });
    const order = mounted.events.map((e) => e.event).filter((e) => e === 'question' || e === 'answer');
    expect(order).toEqual(['question', 'answer']);
    expect(mounted.details('question')).toEqual([{ question: 'my webcam is not working' }]);
    const card = mounted.shadow.querySelector('[data-article="camera-not-working"]');
    expect(card?.querySelector('.title')?.textContent).toBe('My camera is not working');
    expect(mounted.ui.getByRole('button', { name: 'Read the steps' })).toBeTruthy();
  });

  it('answers in Spanish from the Spanish knowledge base', async () => {
    const mounted = await ready({ locale: 'es' });
    const answer = await askAndWait(mounted, 'la cámara no funciona');
    expect(answer).toMatchObject({ decision: 'answer', articleId: 'camera-not-working', kbVersion: KB_VERSION });
    expect(mounted.shadow.querySelector('[data-article="camera-not-working"] .title')?.textContent).toBe('La cámara no funciona');
    expect(mounted.ui.getByRole('button', { name: 'Ver los pasos' })).toBeTruthy();
    expect(kb.requested.some((file) => file.startsWith('es.'))).toBe(true);
  });

  it('answers a question with typos once the spelling helper has loaded', async () => {
    const mounted = await ready();
    const answer = await askAndWait(mounted, 'camra not working');
    expect(answer).toMatchObject({ articleId: 'camera-not-working', kbVersion: KB_VERSION });
    expect(answer.decision).not.toBe('none');
  });

  it('answers a question asked before the knowledge base loaded', async () => {
    const mounted = mountWidget();
    mounted.widget.init({ kbUrl: KB_URL });
    mounted.widget.ask('my webcam is not working');
    expect(mounted.details('question')).toHaveLength(1);
    await waitFor(() => expect(mounted.details('answer')).toEqual([expect.objectContaining({ articleId: 'camera-not-working' })]));
  });

  it('gives none for nonsense, with a button to talk to a person', async () => {
    const mounted = await ready();
    const answer = await askAndWait(mounted, 'xyzzy plugh frobnicate');
    expect(answer).toMatchObject({ decision: 'none', articleId: undefined, alternatives: [] });
    expect(mounted.ui.getByRole('button', { name: 'Talk to a person' })).toBeTruthy();
  });

  it('offers a person with each question it cannot answer', async () => {
    const mounted = await ready();
    await askAndWait(mounted, 'xyzzy plugh frobnicate');
    expect(mounted.ui.getAllByRole('button', { name: 'Talk to a person' })).toHaveLength(1);
    await askAndWait(mounted, 'qwerty asdf zxcv');
    expect(mounted.ui.getAllByRole('button', { name: 'Talk to a person' })).toHaveLength(2);
  });

  it('asks what is typed in the composer', async () => {
    const mounted = await ready();
    mounted.widget.open();
    const input = mounted.ui.getByRole('textbox', { name: 'Your question' }) as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'my webcam is not working' } });
    fireEvent.click(mounted.ui.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(mounted.details('answer')).toHaveLength(1));
    expect(mounted.details('answer')[0]).toMatchObject({ articleId: 'camera-not-working' });
    expect(input.value).toBe('');
  });

  it('shows a hint, and asks nothing, when Send is pressed with nothing typed', async () => {
    const mounted = await ready();
    mounted.widget.open();
    fireEvent.click(mounted.ui.getByRole('button', { name: 'Send' }));
    expect(mounted.ui.getByText('Type a question first.').getAttribute('role')).toBe('status');
    expect(mounted.details('question')).toEqual([]);
  });

  it('emits feedback for Yes and No, and allows one rating per answer', async () => {
    const mounted = await ready();
    await askAndWait(mounted, 'my webcam is not working');
    const yes = mounted.ui.getByRole('button', { name: 'Yes' });
    fireEvent.click(yes);
    expect(mounted.details('feedback')).toEqual([{ articleId: 'camera-not-working', helpful: true }]);
    expect(yes.getAttribute('aria-pressed')).toBe('true');
    expect((mounted.ui.getByRole('button', { name: 'No' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(mounted.ui.getByRole('button', { name: 'No' }));
    expect(mounted.details('feedback')).toHaveLength(1);

    await askAndWait(mounted, 'contact support hours');
    const no = mounted.ui.getAllByRole('button', { name: 'No' }).at(-1)!;
    fireEvent.click(no);
    expect(mounted.details('feedback')).toEqual([
      { articleId: 'camera-not-working', helpful: true },
      { articleId: 'contact-support', helpful: false },
    ]);
  });

  it('offers a person with the first "No": the reply that says "or talk to a person" has the button', async () => {
    const mounted = await ready();
    await askAndWait(mounted, 'my webcam is not working');
    expect(mounted.ui.queryAllByRole('button', { name: 'Talk to a person' })).toHaveLength(0);
    fireEvent.click(mounted.ui.getAllByRole('button', { name: 'No' }).at(-1)!);
    const offered = mounted.ui.getAllByRole('button', { name: 'Talk to a person' });
    expect(offered).toHaveLength(1);
    expect(offered[0]!.closest('.msg')?.textContent).toContain(en.sorry);
    fireEvent.click(offered[0]!);
    expect(mounted.details('escalate')).toHaveLength(1);
  });

  it('escalates with the session context: question, answer, feedback and article read', async () => {
    const mounted = await ready({ context: { phase: 'during' } });
    await askAndWait(mounted, 'my webcam is not working');
    fireEvent.click(mounted.ui.getByRole('button', { name: 'No' }));
    mounted.widget.showArticle('camera-not-working');
    await waitFor(() => expect(mounted.ui.getByRole('heading', { level: 3, name: 'My camera is not working' })).toBeTruthy());
    fireEvent.click(mounted.ui.getByRole('button', { name: /Back to the conversation/ }));
    await askAndWait(mounted, 'xyzzy plugh frobnicate');
    fireEvent.click(mounted.ui.getAllByRole('button', { name: 'Talk to a person' }).at(-1)!);

    const [escalated] = mounted.details<SessionContext>('escalate');
    expect(escalated).toBeDefined();
    expect(escalated).toMatchObject({ locale: 'en', phase: 'during', kbVersion: KB_VERSION });
    expect(escalated!.sessionId).toMatch(/^[0-9a-f]{16}$/);
    expect(new Date(escalated!.startedAt).toISOString()).toBe(escalated!.startedAt);
    expect(escalated!.entries.map((e) => e.type)).toEqual(['question', 'answer', 'feedback', 'article', 'question', 'answer', 'escalate']);
    expect(escalated!.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'question', text: 'my webcam is not working' }),
        expect.objectContaining({ type: 'answer', decision: 'answer', articleId: 'camera-not-working', kbVersion: KB_VERSION }),
        expect.objectContaining({ type: 'feedback', articleId: 'camera-not-working', helpful: false }),
        expect.objectContaining({ type: 'article', articleId: 'camera-not-working', kbVersion: KB_VERSION }),
        expect.objectContaining({ type: 'answer', decision: 'none' }),
      ]),
    );
    const now = mounted.widget.getSessionContext();
    expect(now?.entries).toEqual(escalated!.entries);
    expect(mounted.shadow.textContent).toContain('Your request for a person has been passed on');
  });

  it('returns a copy of the session context', async () => {
    const mounted = await ready();
    await askAndWait(mounted, 'my webcam is not working');
    mounted.widget.getSessionContext()!.entries.length = 0;
    expect(mounted.widget.getSessionContext()!.entries).toHaveLength(2);
  });

  it('picks a quick reply as the answer', async () => {
    const mounted = await ready({ open: true, context: { phase: 'during' } });
    const topics: HTMLElement = await waitFor(() => mounted.ui.getByRole('group', { name: 'Common topics' }));
    const chips = Array.from(topics.querySelectorAll('button'));
    expect(chips).toHaveLength(4);
    fireEvent.click(chips[0]!);
    expect(mounted.details('answer')).toEqual([{ question: chips[0]!.textContent, decision: 'answer', articleId: 'exam-frozen', alternatives: [], kbVersion: KB_VERSION }]);
  });
});

describe('LifelineWidget: articles and context', () => {
  it('showArticle renders the article HTML and its related articles', async () => {
    const mounted = await ready();
    mounted.widget.showArticle('contact-support');
    const heading = await waitFor(() => mounted.ui.getByRole('heading', { level: 3, name: 'Contact a support person' }));
    await waitFor(() => expect(activeInside(mounted)).toBe(heading));
    expect(mounted.details('article')).toEqual([{ articleId: 'contact-support', kbVersion: KB_VERSION }]);
    const article = mounted.shadow.querySelector('article')!;
    expect(article.querySelectorAll('ol > li').length).toBeGreaterThan(2);
    const related = mounted.ui.getByRole('navigation', { name: 'Related articles' });
    const relatedIds = kb.output().locales.get('en')!.articles.find((a) => a.id === 'contact-support')!.related;
    expect(related.querySelectorAll('button')).toHaveLength(relatedIds.length);
    // The composer gives way to the article.
    expect(mounted.ui.queryByRole('textbox')).toBeNull();

    fireEvent.click(related.querySelector('button')!);
    await waitFor(() => expect(mounted.details('article').map((a) => a.articleId)).toEqual(['contact-support', relatedIds[0]]));
  });

  it('fills placeholders from the context and never shows a raw {{', async () => {
    const mounted = await ready({ context: { support: { hours: 'Mon–Fri 8:00–20:00 CET' }, links: { support: 'https://help.example.com/support' } } });
    mounted.widget.showArticle('contact-support');
    await waitFor(() => expect(mounted.shadow.querySelector('article')).not.toBeNull());
    const text = mounted.shadow.querySelector('article')!.textContent!;
    expect(text).toContain('Mon–Fri 8:00–20:00 CET');
    expect(text).not.toContain('{{');
    expect(mounted.shadow.querySelector('article a[href="https://help.example.com/support"]')).not.toBeNull();
    // Missing values read as neutral phrases.
    expect(text).toContain('the support phone number');
  });

  it('setContext updates a shown article', async () => {
    const mounted = await ready();
    mounted.widget.showArticle('contact-support');
    await waitFor(() => expect(mounted.shadow.querySelector('article')).not.toBeNull());
    expect(mounted.shadow.querySelector('article')!.textContent).toContain('the hours shown on the support page');
    mounted.widget.setContext({ support: { hours: '9–17' } });
    expect(mounted.shadow.querySelector('article')!.textContent).toContain('(9–17)');
    expect(mounted.shadow.textContent).not.toContain('{{');
  });

  it('shows the support hours after an escalation', async () => {
    const mounted = await ready();
    mounted.widget.setContext({ support: { hours: '9–17 CET' } });
    await askAndWait(mounted, 'xyzzy plugh frobnicate');
    fireEvent.click(mounted.ui.getByRole('button', { name: 'Talk to a person' }));
    expect(mounted.shadow.textContent).toContain('Support hours: 9–17 CET');
  });

  it('answer cards fill placeholders in summaries too', async () => {
    const mounted = await ready();
    await askAndWait(mounted, 'contact support hours');
    const card = mounted.shadow.querySelector('[data-article="contact-support"]')!;
    expect(card.textContent).not.toContain('{{');
    expect(card.textContent).toContain('the support phone number');
  });

  it('reports an unknown article id as article.not_found', async () => {
    const console = expectConsole();
    const mounted = await ready();
    mounted.widget.showArticle('no-such-article');
    await waitFor(() => expect(errorCodes(mounted)).toEqual(['article.not_found']));
    expect(mounted.details('article')).toEqual([]);
    expect(console).toHaveBeenCalledTimes(1);
  });

  it('reports showArticle without an id as article.invalid', async () => {
    expectConsole();
    const mounted = await ready();
    mounted.widget.showArticle(42);
    await waitFor(() => expect(errorCodes(mounted)).toEqual(['article.invalid']));
  });

  it('reports an invalid context as context.invalid and keeps the old one', async () => {
    expectConsole();
    const mounted = await ready({ context: { phase: 'before' } });
    mounted.widget.setContext({ phase: 'soon' });
    await waitFor(() => expect(errorCodes(mounted)).toEqual(['context.invalid']));
    expect(mounted.details<LifelineError>('error')[0]!.message).toMatch(/context\.phase.*for example/);
    expect(mounted.widget.getSessionContext()?.phase).toBe('before');
  });
});

describe('LifelineWidget: languages', () => {
  it('setLocale("es") switches the UI and the knowledge base to Spanish', async () => {
    const mounted = await ready({ open: true });
    expect(mounted.ui.getByRole('heading', { name: 'Exam help' })).toBeTruthy();
    mounted.widget.setLocale('es');
    await waitFor(() => expect(mounted.ui.getByRole('heading', { name: 'Ayuda del examen' })).toBeTruthy());
    expect(mounted.ui.getByRole('textbox', { name: 'Su pregunta' })).toBeTruthy();
    expect(mounted.ui.getByRole('button', { name: 'Enviar' })).toBeTruthy();
    expect(mounted.shadow.querySelector('.root')?.getAttribute('lang')).toBe('es');
    const answer = await askAndWait(mounted, 'la cámara no funciona');
    expect(answer.articleId).toBe('camera-not-working');
    expect(mounted.widget.getSessionContext()?.locale).toBe('es');
  });

  it('takes the language from the browser when the config has none', async () => {
    const mounted = await ready({}, { languages: ['es-MX', 'en'] });
    expect(mounted.details('ready')).toEqual([{ locale: 'es' }]);
    expect(mounted.ui.getByRole('button', { name: 'Abrir la ayuda del examen' })).toBeTruthy();
  });

  it('lays out the pseudo-locale ar-XB right to left, with English articles', async () => {
    const mounted = await ready({ locale: 'ar-XB' });
    const root = mounted.shadow.querySelector('.root')!;
    expect(root.getAttribute('dir')).toBe('rtl');
    expect(root.getAttribute('lang')).toBe('ar-XB');
    const answer = await askAndWait(mounted, 'my webcam is not working');
    expect(answer.articleId).toBe('camera-not-working');
    expect(mounted.widget.getSessionContext()?.locale).toBe('en');
  });

  it('reports a malformed locale as locale.invalid', async () => {
    expectConsole();
    const mounted = await ready();
    mounted.widget.setLocale('Spanish');
    await waitFor(() => expect(errorCodes(mounted)).toEqual(['locale.invalid']));
    expect(mounted.shadow.querySelector('.root')?.getAttribute('lang')).toBe('en');
  });
});

describe('LifelineWidget: errors never reach the page', () => {
  it('reports ask("") as ask.invalid and asks nothing', async () => {
    expectConsole();
    const mounted = await ready();
    mounted.widget.ask('');
    mounted.widget.ask('   ');
    mounted.widget.ask(undefined);
    await waitFor(() => expect(errorCodes(mounted)).toEqual(['ask.invalid', 'ask.invalid', 'ask.invalid']));
    expect(mounted.details('question')).toEqual([]);
  });

  it('keeps working when a listener throws, and reports listener.failed', async () => {
    const console = expectConsole();
    const mounted = await ready();
    mounted.widget.on('question', () => {
      throw new Error('host bug');
    });
    const answer = await askAndWait(mounted, 'my webcam is not working');
    expect(answer.articleId).toBe('camera-not-working');
    await waitFor(() => expect(errorCodes(mounted)).toEqual(['listener.failed']));
    expect(mounted.details<LifelineError>('error')[0]!.cause).toBeInstanceOf(Error);
    expect(console).toHaveBeenCalledTimes(1);
    expect(String(console.mock.calls[0]![0])).toContain('listener.failed');
  });

  it('does not loop when an error listener throws', async () => {
    expectConsole();
    const mounted = await ready();
    mounted.widget.on('error', () => {
      throw new Error('host bug in the error listener');
    });
    mounted.widget.ask('');
    await waitFor(() => expect(errorCodes(mounted)).toEqual(['ask.invalid']));
  });

  it('reports an unknown event name as on.invalid', async () => {
    expectConsole();
    const mounted = await ready();
    mounted.widget.on('answered' as never, () => undefined);
    await waitFor(() => expect(errorCodes(mounted)).toEqual(['on.invalid']));
  });

  it('off removes a listener', async () => {
    const mounted = await ready();
    const seen: unknown[] = [];
    const listener = (detail: unknown) => seen.push(detail);
    mounted.widget.on('open', listener);
    mounted.widget.off('open', listener);
    mounted.widget.open();
    expect(seen).toEqual([]);
    expect(mounted.details('open')).toHaveLength(1);
  });

  it('reports a knowledge base that cannot load as kb.fetch.failed, and retries', async () => {
    const console = expectConsole();
    const mounted = mountWidget();
    kb.server.use(http.get('http://kb.test/down/:file', () => new HttpResponse(null, { status: 503 })));
    mounted.widget.init({ kbUrl: 'http://kb.test/down/', open: true });
    await waitFor(() => expect(errorCodes(mounted)).toEqual(['kb.fetch.failed']));
    const alert = await waitFor(() => mounted.ui.getByRole('alert'));
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(errorCodes(mounted)).toEqual(['kb.fetch.failed', 'kb.fetch.failed']));
    expect(console).toHaveBeenCalledTimes(1); // the same error is logged once
  });
});

describe('LifelineWidget: destroy', () => {
  it('removes the UI and the listeners', async () => {
    const mounted = await ready({ open: true });
    expect(mounted.shadow.querySelector('.root')).not.toBeNull();
    mounted.widget.destroy();
    expect(mounted.shadow.querySelector('.root')).toBeNull();
    expect(mounted.shadow.querySelector('div')).toBeNull();
    const before = mounted.events.length;
    mounted.widget.close();
    mounted.widget.open();
    expect(mounted.events.length).toBe(before);
    expect(mounted.host.style.getPropertyValue('--lifeline-z-index')).toBe('');
  });
});
