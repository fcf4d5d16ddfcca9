// @vitest-environment jsdom
/**
 * @module "Check my setup" through the widget's public API in jsdom: bad runChecks options, the Start
 * button and where focus goes, destroy() in the middle of a check, the `checks` event, and the words
 * of both languages. The real devices are covered in Chromium (tests/checks/).
 */
import { CHECK_REASONS, type CheckReport, type LifelineError } from '@lifeline/protocol';
import { configure, fireEvent, waitFor } from '@testing-library/preact';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { expectConsole } from '../test-support.ts';
import { itTranslatesEverything } from '../test-words.ts';
import { KB_URL, mountWidget, serveKnowledgeBase, type MountedWidget } from '../test-widget.ts';
import { checksStrings as en } from './i18n/en.ts';
import { checksStrings as es } from './i18n/es.ts';
import type { ChecksStrings } from './i18n/index.ts';
import { CHECKS_CSS } from './styles.ts';

serveKnowledgeBase();
// The first run in a file loads the checks chunk and its words: slower than the default 1 s on a busy machine.
configure({ asyncUtilTimeout: 4000 });

/** A widget initialized on the real knowledge base, once its language has loaded. */
async function ready(): Promise<MountedWidget> {
  const mounted = mountWidget();
  expect(mounted.widget.init({ kbUrl: KB_URL })).toBe(true);
  await waitFor(() => expect(mounted.details('ready')).toHaveLength(1));
  return mounted;
}

/** Defines a navigator property jsdom lacks (userActivation, mediaDevices) for this test only. */
function stubNavigator(key: 'userActivation' | 'mediaDevices', value: unknown): void {
  Object.defineProperty(navigator, key, { value, configurable: true });
  onTestFinished(() => void delete (navigator as unknown as Record<string, unknown>)[key]);
}

/** A 1920×1080 display: jsdom's is 0×0, which the screen check fails. Returns the spy on `width`, to see whether the check ran. */
function stubScreen() {
  const width = vi.spyOn(window.screen, 'width', 'get').mockReturnValue(1920);
  const height = vi.spyOn(window.screen, 'height', 'get').mockReturnValue(1080);
  onTestFinished(() => {
    width.mockRestore();
    height.mockRestore();
  });
  return width;
}

/** The `id` or class of every element that takes focus inside the widget, in order. */
function recordFocus(shadow: ShadowRoot): string[] {
  const seen: string[] = [];
  shadow.addEventListener('focusin', (event) => {
    const target = event.target as HTMLElement;
    seen.push(target.id ? `#${target.id}` : `${target.tagName.toLowerCase()}.${[...target.classList].join('.')}`);
  });
  return seen;
}

/** Lets pending promises and timers of the aborted check settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Unhandled promise rejections during this test. */
function watchUnhandled(): unknown[] {
  const seen: unknown[] = [];
  const record = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', record);
  onTestFinished(() => void process.off('unhandledRejection', record));
  return seen;
}

/** Every AbortSignal that code listens on from now until the end of the test. */
function watchSignals(): AbortSignal[] {
  const signals: AbortSignal[] = [];
  const listen = AbortSignal.prototype.addEventListener;
  const spy = vi.spyOn(AbortSignal.prototype, 'addEventListener').mockImplementation(function (this: AbortSignal, ...args: Parameters<typeof listen>) {
    signals.push(this);
    listen.apply(this, args);
  });
  onTestFinished(() => spy.mockRestore());
  return signals;
}

interface FakeTrack {
  readyState: 'live' | 'ended';
  stop(): void;
}

/** A stream of one video track that records `stop()`: jsdom has no devices. */
function fakeStream(settings: MediaTrackSettings): { stream: MediaStream; track: FakeTrack } {
  const track = {
    kind: 'video',
    label: 'Fake camera',
    readyState: 'live' as 'live' | 'ended',
    stop: vi.fn(() => void (track.readyState = 'ended')),
    getSettings: () => settings,
  };
  const stream = { getTracks: () => [track], getVideoTracks: () => [track], getAudioTracks: () => [] } as unknown as MediaStream;
  return { stream, track };
}

/** The element the widget renders into: the shadow root's first div, after its styles. */
const mountOf = (mounted: MountedWidget) => mounted.shadow.querySelector('div')!;

/** destroy() emptied the widget's mount and took it out; nothing was drawn into it since. */
function expectNothingDrawn(mount: HTMLElement): void {
  expect(mount.isConnected).toBe(false);
  expect(mount.childNodes.length).toBe(0);
}

/** jsdom cannot play video, and says so on console.error: a camera that never delivers its first frame. */
function stubVideo() {
  const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
  const pause = vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => undefined);
  onTestFinished(() => {
    play.mockRestore();
    pause.mockRestore();
  });
  return play;
}

const errorsOf = (mounted: MountedWidget) => mounted.details<LifelineError>('error');

describe('runChecks: bad options', () => {
  it.each([
    { name: 'a misspelled check', options: { only: ['camra'] }, field: 'only.0', fix: '"camera"' },
    { name: 'a single name instead of a list', options: { only: 'camera' }, field: 'only', fix: '["camera", "microphone"]' },
    { name: 'an empty list', options: { only: [] }, field: 'only', fix: '["camera", "microphone"]' },
    { name: 'an unknown key', options: { extra: 1 }, field: 'extra', fix: '{ only: [' },
    { name: 'a name instead of the options object', options: 'camera', field: 'runChecks', fix: '{ only: [' },
  ])('report $name as checks.invalid naming $field, and go back to the conversation', async ({ options, field, fix }) => {
    const mounted = await ready();
    const logged = expectConsole('error');
    mounted.widget.runChecks(options);
    await waitFor(() => expect(errorsOf(mounted)).toHaveLength(1));
    const [error] = errorsOf(mounted);
    expect(error).toMatchObject({ name: 'LifelineError', code: 'checks.invalid' });
    // The field first, then what it must be, then a right value to copy.
    expect(error!.message.split(' ')[0]).toBe(field);
    expect(error!.message).toContain(`for example ${fix}`);
    // runChecks options, not the init config: no config field is offered as the fix.
    expect(error!.message).not.toContain('kbUrl');
    expect(String(logged.mock.calls[0]![0])).toBe(`[Lifeline] checks.invalid: ${error!.message}`);
    // The panel shows the conversation, ready for a question, not a checks view stuck loading.
    await waitFor(() => expect(mounted.shadow.activeElement?.id).toBe('lifeline-question'));
    expect(mounted.shadow.querySelector('.checks')).toBeNull();
    expect(mounted.shadow.querySelector('.body .status')).toBeNull();
    expect(mounted.details('checks')).toEqual([]);
  });
});

describe('runChecks: the Start button', () => {
  it('shows the intro and waits for the Start button when the page has had no click, then runs', async () => {
    stubNavigator('userActivation', { hasBeenActive: false });
    const screenRead = stubScreen();
    const mounted = await ready();
    const focused = recordFocus(mounted.shadow);
    mounted.widget.runChecks({ only: ['browser', 'screen'] });
    const start = await mounted.ui.findByRole('button', { name: en.start });
    expect(mounted.ui.getByText(en.intro)).toBeTruthy();
    expect(mounted.shadow.activeElement).toBe(start);
    // Nothing runs until the candidate presses it.
    await settle();
    expect(screenRead).not.toHaveBeenCalled();
    expect([...mounted.shadow.querySelectorAll('.check')].map((item) => item.getAttribute('data-status'))).toEqual(['pending', 'pending']);
    expect(mounted.details('checks')).toEqual([]);

    fireEvent.click(start);
    await waitFor(() => expect(mounted.details('checks')).toHaveLength(1));
    expect(screenRead).toHaveBeenCalled();
    expect(mounted.ui.queryByRole('button', { name: en.start })).toBeNull();
    await waitFor(() => expect(mounted.shadow.activeElement?.classList.contains('summary')).toBe(true));
    expect(focused).toContain('button.btn');
  });

  it.each([
    { name: 'after a click', activation: { hasBeenActive: true } },
    { name: 'where the browser cannot tell (no navigator.userActivation)', activation: undefined },
  ])('starts at once $name, with focus on the heading, then on the summary', async ({ activation }) => {
    if (activation) stubNavigator('userActivation', activation);
    stubScreen();
    const mounted = await ready();
    const focused = recordFocus(mounted.shadow);
    mounted.widget.runChecks({ only: ['screen'] });
    await waitFor(() => expect(mounted.details('checks')).toHaveLength(1));
    expect(mounted.ui.queryByRole('button', { name: en.start })).toBeNull();
    await waitFor(() => expect(mounted.shadow.activeElement?.classList.contains('summary')).toBe(true));
    expect(focused).toContain('#lifeline-checks-title');
    expect(focused.indexOf('#lifeline-checks-title')).toBeLessThan(focused.indexOf('p.summary'));
  });
});

describe('focus when a pressed button goes away', () => {
  it.each([
    { button: en.start, hasBeenActive: false },
    { button: en.runAgain, hasBeenActive: true },
    { button: en.runAllAgain, hasBeenActive: true },
  ])('stays in the checks view when $button is pressed, then moves to the summary', async ({ button, hasBeenActive }) => {
    stubNavigator('userActivation', { hasBeenActive });
    stubScreen();
    const mounted = await ready();
    mounted.widget.runChecks({ only: ['browser', 'system', 'screen'] });
    // A finished run first, for the buttons of its summary (jsdom's browser and system fail, so items have "Run again").
    if (hasBeenActive) await waitFor(() => expect(mounted.details('checks')).toHaveLength(1));
    const [pressed] = await mounted.ui.findAllByRole('button', { name: new RegExp(`^${button}`) });
    pressed!.focus();
    fireEvent.click(pressed!);
    // The pressed button is gone while the run goes on: focus must not fall to the page behind the panel.
    expect(pressed!.isConnected).toBe(false);
    expect(mounted.shadow.activeElement?.closest('.checks')).toBeTruthy();
    await waitFor(() => expect(mounted.shadow.activeElement?.classList.contains('summary')).toBe(true));
  });

  it('stays in the checks view when an answered prompt goes away and the next check runs', async () => {
    const { stream } = fakeStream({ displaySurface: 'monitor', width: 1920, height: 1080 } as MediaTrackSettings);
    const camera = fakeStream({ width: 1280, height: 720 });
    stubNavigator('mediaDevices', { getDisplayMedia: async () => stream, getUserMedia: async () => camera.stream, enumerateDevices: async () => [] });
    const play = stubVideo();
    const mounted = await ready();
    mounted.widget.runChecks({ only: ['screen-share', 'camera'] });
    const share = await mounted.ui.findByRole('button', { name: en.shareButton });
    expect(mounted.shadow.activeElement).toBe(share);
    fireEvent.click(share);
    // Screen sharing passed; the camera is starting and waits for its first frame.
    await waitFor(() => expect(play).toHaveBeenCalled());
    expect(mounted.shadow.querySelector('.check[data-check=screen-share]')?.getAttribute('data-status')).toBe('pass');
    expect(share.isConnected).toBe(false);
    expect(mounted.shadow.activeElement?.closest('.checks')).toBeTruthy();
  });
});

describe('a new run while a prompt is up', () => {
  it('takes the stopped run’s prompt away, so no button answers a question nobody asks', async () => {
    const camera = fakeStream({ width: 1280, height: 720 });
    stubNavigator('mediaDevices', { getDisplayMedia: vi.fn(), getUserMedia: async () => camera.stream, enumerateDevices: async () => [] });
    const play = stubVideo();
    const mounted = await ready();
    mounted.widget.runChecks({ only: ['screen-share'] });
    await mounted.ui.findByRole('button', { name: en.shareButton });
    mounted.widget.runChecks({ only: ['camera'] });
    // The camera check runs and waits for its first frame; screen sharing belonged to the stopped run.
    await waitFor(() => expect(play).toHaveBeenCalled());
    expect(mounted.shadow.querySelector('.check[data-check=camera]')?.getAttribute('data-status')).toBe('running');
    expect(mounted.ui.queryByRole('button', { name: en.shareButton })).toBeNull();
  });
});

describe('the checks chunk', () => {
  it('loads and is styled where the browser cannot construct stylesheets (Safari 16.0 to 16.3), as the panel is', async () => {
    vi.stubGlobal('CSSStyleSheet', function CSSStyleSheet() {
      throw new TypeError('Illegal constructor');
    });
    onTestFinished(() => void vi.unstubAllGlobals());
    stubScreen();
    const mounted = await ready();
    mounted.widget.runChecks({ only: ['screen'] });
    await waitFor(() => expect(mounted.details('checks').length + errorsOf(mounted).length).toBeGreaterThan(0));
    expect(errorsOf(mounted).map((error) => error.code)).toEqual([]);
    expect([...mounted.shadow.querySelectorAll('style')].filter((style) => style.textContent === CHECKS_CSS)).toHaveLength(1);
  });
});

describe('destroy() while a check runs', () => {
  it('stops the camera it opened, fires the check’s abort signal, and renders nothing after', async () => {
    const mounted = await ready();
    const unhandled = watchUnhandled();
    const { stream, track } = fakeStream({ width: 1280, height: 720, frameRate: 30 });
    const getUserMedia = vi.fn(async () => stream);
    stubNavigator('mediaDevices', { getUserMedia, enumerateDevices: async () => [] });
    const play = stubVideo();
    const signals = watchSignals();
    mounted.widget.runChecks({ only: ['camera'] });
    // The camera is open and its picture is starting: the check waits for the first frame.
    await waitFor(() => expect(play).toHaveBeenCalled());
    expect(getUserMedia).toHaveBeenCalledTimes(1);
    expect(track.readyState).toBe('live');
    expect(mounted.shadow.querySelector('.check[data-check=camera]')?.getAttribute('data-status')).toBe('running');
    const mount = mountOf(mounted);

    expect(() => mounted.widget.destroy()).not.toThrow();
    await settle();
    expect(track.stop).toHaveBeenCalled();
    expect(track.readyState).toBe('ended');
    expect(signals.length).toBeGreaterThan(0);
    expect(signals.filter((signal) => !signal.aborted)).toEqual([]);
    expect(unhandled).toEqual([]);
    expectNothingDrawn(mount);
  });

  it('stops a shared screen that arrives after destroy()', async () => {
    const mounted = await ready();
    const unhandled = watchUnhandled();
    const { stream, track } = fakeStream({ displaySurface: 'monitor', width: 1920, height: 1080 } as MediaTrackSettings);
    let share: (stream: MediaStream) => void = () => undefined;
    const getDisplayMedia = vi.fn(() => new Promise<MediaStream>((resolve) => (share = resolve)));
    stubNavigator('mediaDevices', { getDisplayMedia });
    mounted.widget.runChecks({ only: ['screen-share'] });
    // The check waits for the candidate's click: browsers open the picker only in answer to one.
    const button = await mounted.ui.findByRole('button', { name: en.shareButton });
    expect(mounted.shadow.activeElement).toBe(button);
    expect(getDisplayMedia).not.toHaveBeenCalled();
    fireEvent.click(button);
    await waitFor(() => expect(getDisplayMedia).toHaveBeenCalledTimes(1));

    const mount = mountOf(mounted);
    mounted.widget.destroy();
    // The candidate picks a screen in the browser's picker after the widget is gone.
    share(stream);
    await settle();
    expect(track.stop).toHaveBeenCalled();
    expect(unhandled).toEqual([]);
    expectNothingDrawn(mount);
  });
});

describe('the checks event', () => {
  it('fires once per finished run, with the code the summary shows and the session keeps', async () => {
    stubScreen();
    const mounted = await ready();
    mounted.widget.runChecks({ only: ['browser', 'system', 'screen'] });
    await waitFor(() => expect(mounted.details('checks')).toHaveLength(1));
    const [report] = mounted.details<CheckReport>('checks');
    expect(report!.results.map((r) => r.check)).toEqual(['browser', 'system', 'screen']);
    expect(mounted.shadow.querySelector('.reference .code')?.textContent).toBe(report!.code);
    expect(mounted.widget.getSessionContext().checks?.code).toBe(report!.code);
    await settle();
    expect(mounted.details('checks')).toHaveLength(1);

    // "Run again" on one item is a run of its own: one more report, and the summary shows its code.
    const item = mounted.shadow.querySelector<HTMLElement>('.check[data-check=screen]')!;
    expect(item.getAttribute('data-status')).toBe('pass');
    const runAgain = mounted.ui.getAllByRole('button', { name: new RegExp(`^${en.runAgain}`) })[0]!;
    fireEvent.click(runAgain);
    await waitFor(() => expect(mounted.details('checks')).toHaveLength(2));
    const second = mounted.details<CheckReport>('checks')[1]!;
    await waitFor(() => expect(mounted.shadow.querySelector('.reference .code')?.textContent).toBe(second.code));
    expect(mounted.widget.getSessionContext().checks?.code).toBe(second.code);
  });

  it('fires once for a run stopped by closing the panel, and not for a run replaced by a new one', async () => {
    stubScreen();
    stubNavigator('mediaDevices', { getDisplayMedia: vi.fn() });
    const mounted = await ready();
    // Replaced while it waits for the candidate: that run ends quietly.
    mounted.widget.runChecks({ only: ['screen-share'] });
    await mounted.ui.findByRole('button', { name: en.shareButton });
    mounted.widget.runChecks({ only: ['screen', 'screen-share'] });
    await waitFor(() => expect(mounted.shadow.querySelector('.check[data-check=screen]')?.getAttribute('data-status')).toBe('pass'));
    await mounted.ui.findByRole('button', { name: en.shareButton });
    expect(mounted.details('checks')).toEqual([]);

    mounted.widget.close();
    await waitFor(() => expect(mounted.details('checks')).toHaveLength(1));
    await settle();
    const reports = mounted.details<CheckReport>('checks');
    expect(reports).toHaveLength(1);
    expect(reports[0]!.results.map((r) => [r.check, r.status, r.reason])).toEqual([
      ['screen', 'pass', 'screen.ok'],
      ['screen-share', 'skipped', 'check.aborted'],
    ]);
  });
});

describe('the summary of a finished run', () => {
  it.each([
    ['en', en, 'Browser and Computer'],
    ['es', es, 'Navegador y Computadora'],
  ] as const)('names what failed, first and focused, with the failed items and their fixes right under it (%s)', async (locale, strings, names) => {
    stubScreen();
    const mounted = mountWidget();
    expect(mounted.widget.init({ kbUrl: KB_URL, locale })).toBe(true);
    await waitFor(() => expect(mounted.details('ready')).toHaveLength(1));
    // jsdom's browser and system fail (an unknown browser on an unknown system); the screen passes.
    mounted.widget.runChecks({ only: ['screen', 'browser', 'system'] });
    await waitFor(() => expect(mounted.details('checks')).toHaveLength(1));
    const summary = mounted.shadow.querySelector<HTMLElement>('.checks .summary')!;
    await waitFor(() => expect(mounted.shadow.activeElement).toBe(summary));
    expect(summary.textContent).toBe(strings.someFailed.replace('{names}', names));
    // The summary comes before the list, and the list reads worst first, the run's order kept within a status.
    const items = [...mounted.shadow.querySelectorAll<HTMLElement>('.check')];
    expect(summary.compareDocumentPosition(items[0]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(items.map((item) => `${item.dataset.check} ${item.dataset.status}`)).toEqual(['browser fail', 'system fail', 'screen pass']);
    // Each failed item carries its fix.
    expect(items[0]!.querySelector('button')?.textContent).toContain(strings.howToFix);
  });

  it('goes back from a fix\'s article to the results, the run kept', async () => {
    stubScreen();
    const mounted = await ready();
    mounted.widget.runChecks({ only: ['screen', 'browser'] });
    await waitFor(() => expect(mounted.details('checks')).toHaveLength(1));
    fireEvent.click(mounted.shadow.querySelector<HTMLElement>('.check[data-check=browser] button')!);
    await waitFor(() => expect(mounted.shadow.querySelector('.article h3')).not.toBeNull());
    fireEvent.click(mounted.shadow.querySelector<HTMLElement>('.article .back')!);
    await waitFor(() => expect(mounted.shadow.querySelector('.checks .summary')).not.toBeNull());
    expect([...mounted.shadow.querySelectorAll<HTMLElement>('.check')].map((item) => item.dataset.status)).toEqual(['fail', 'pass']);
  });

  it('says everything passed, first, when nothing needs attention', async () => {
    stubScreen();
    const mounted = await ready();
    mounted.widget.runChecks({ only: ['screen'] });
    await waitFor(() => expect(mounted.details('checks')).toHaveLength(1));
    await waitFor(() => expect(mounted.shadow.querySelector('.checks .summary')?.textContent).toBe(en.allPassed));
  });
});

describe('the words of the checks view', () => {
  it.each([
    ['en', en],
    ['es', es],
  ] as const)('never show a candidate a unit of sound level (dBFS) in %s', (_, strings: ChecksStrings) => {
    // The strings that say it, if any: the levels stay in the report, for the agent.
    expect(JSON.stringify(strings).match(/[^"]*dB[^"]*/g)).toBeNull();
  });

  /** The same in both languages on purpose: a format, a unit, and a word Spanish shares. */
  itTranslatesEverything(en, es, new Set(['figures.resolution', 'figures.frameRate', 'heardNo']));

  it.each([
    ['en', en],
    ['es', es],
  ] as const)('has a text for every reason a check can give, in %s', (_, strings: ChecksStrings) => {
    const reasons = [...new Set(Object.values(CHECK_REASONS).flat())];
    const missing = reasons.filter((reason) => !strings.reasons[reason]?.trim());
    expect(missing).toEqual([]);
  });
});
