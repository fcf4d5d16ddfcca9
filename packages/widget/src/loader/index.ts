/**
 * @module The script-tag loader (≤ 2 KB gzip): defines the `Lifeline` command queue, draws the
 * launcher, and fetches the widget bundle when the page is idle or on the launcher's first click.
 * It never throws into the host page and never makes a second widget when included twice.
 */
import { LAUNCHER_STRINGS } from '../i18n/launcher-strings.ts';
import { HOST_TAG, LAUNCHER_CSS, LAUNCHER_ICON } from '../ui/launcher-style.ts';

interface QueueStub {
  (...args: unknown[]): void;
  q?: ArrayLike<unknown>[];
  /** Set by the first loader that runs: a second copy of the snippet does nothing. */
  l?: 1;
  /** The launcher's stylesheet, handed to the bundle so it is downloaded once. */
  css?: string;
}

/** How long an idle page may make the widget wait before it is fetched anyway. */
const IDLE_TIMEOUT_MS = 4000;
const SVG = 'http://www.w3.org/2000/svg';
/** Calls that need the widget now (the host's own Help button): they fetch the bundle at once. */
const URGENT = ['open', 'toggle', 'ask', 'showArticle'];

try {
  const win = window as unknown as { Lifeline?: QueueStub };
  const stub: QueueStub =
    win.Lifeline ||
    (win.Lifeline = function queue(...args: unknown[]) {
      (stub.q = stub.q || []).push(args);
    });
  const script = document.currentScript as HTMLScriptElement | null;
  if (!stub.l && script) start(win, stub, script);
} catch (error) {
  console.error('[Lifeline] loader.failed:', error);
}

function start(win: { Lifeline?: QueueStub }, stub: QueueStub, script: HTMLScriptElement): void {
  const data = { ...script.dataset };
  const bundle = data.bundle ? new URL(data.bundle, location.href).href : new URL('lifeline.js', script.src).href;
  delete data.bundle;
  const queue = (stub.q = stub.q || []);
  // Setup from data-* attributes runs first, so calls in the page can still change it.
  if (Object.keys(data).length) queue.unshift(['attributes', data]);
  const init = queue.find((call) => call[0] === 'init')?.[1] as { locale?: string; theme?: { side?: string; primary?: string } } | undefined;
  const language = (data.locale || init?.locale || navigator.language || 'en').slice(0, 2) === 'es' ? 'es' : 'en';

  let loading = false;
  const load = () => {
    if (loading) return;
    loading = true;
    import(/* @vite-ignore */ bundle).catch((error: unknown) => console.error(`[Lifeline] loader.bundle_failed: could not load ${bundle}:`, error));
  };
  const queued: QueueStub = (...args: unknown[]) => {
    queue.push(args);
    if (URGENT.includes(args[0] as string)) load();
  };
  queued.q = queue;
  queued.l = 1;
  queued.css = LAUNCHER_CSS;
  win.Lifeline = queued;
  if (queue.some((call) => URGENT.includes(call[0] as string))) load();

  const draw = () => {
    if (document.querySelector(HOST_TAG)) return;
    const host = document.createElement(HOST_TAG);
    const root = host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(LAUNCHER_CSS);
    root.adoptedStyleSheets = [sheet];
    const button = document.createElement('button');
    button.type = 'button';
    button.className = (data.side || init?.theme?.side) === 'left' ? 'launcher left' : 'launcher';
    button.setAttribute('aria-label', LAUNCHER_STRINGS[language].launcherLabel);
    button.setAttribute('aria-expanded', 'false');
    const primary = data.primary || init?.theme?.primary;
    if (primary) button.style.setProperty('--lifeline-primary', primary);
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', LAUNCHER_ICON);
    svg.append(path);
    button.append(svg, LAUNCHER_STRINGS[language].launcher);
    button.onclick = () => queued('open');
    root.append(button);
    document.body.append(host);
  };

  if (document.body) draw();
  else document.addEventListener('DOMContentLoaded', draw);

  const whenIdle = () => {
    if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(load, 1);
  };
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle);
}
