/**
 * @module The bundle the loader fetches: makes the one widget of the page, turns `window.Lifeline`
 * into the real command function, and replays the calls queued before it arrived, in order.
 */
import type { configFromAttributes } from '../attributes/index.ts';
import { HOST_TAG } from '../ui/launcher-style.ts';
import { API_METHODS, LifelineWidget, toLifelineError, type LifelineApi } from '../widget.ts';
import { sessionStorageOrUndefined } from '../session/index.ts';

type Command = keyof LifelineApi | 'attributes';

interface GlobalLifeline {
  (command: Command, ...args: unknown[]): unknown;
  q?: ArrayLike<unknown>[];
  l?: 1;
  /** The launcher's stylesheet, from the loader. */
  css?: string;
  /** The live widget, set once the bundle has run: a second copy of the bundle reuses it. */
  widget?: LifelineWidget;
}

const COMMANDS: readonly Command[] = [...API_METHODS, 'attributes'];

type ReadAttributes = typeof configFromAttributes;

const win = window as unknown as { Lifeline?: GlobalLifeline };

function boot(): void {
  // The data-* setup is read by a small chunk that only pages using it download. Meanwhile calls keep
  // queueing in the stub, so the order holds.
  if (Array.from(win.Lifeline?.q ?? []).some((call) => call[0] === 'attributes')) {
    import('../attributes/index.ts').then(
      (module) => start(module.configFromAttributes),
      () => start(undefined),
    );
  } else start(undefined);
}

function start(readAttributes: ReadAttributes | undefined): void {
  const previous = win.Lifeline;
  if (previous?.widget) return;
  try {
    const host = document.querySelector<HTMLElement>(HOST_TAG) ?? document.body.appendChild(document.createElement(HOST_TAG));
    // The loader hands over the launcher's CSS it already downloaded; without a loader the launcher is unstyled but works.
    const widget = new LifelineWidget({ host, storage: sessionStorageOrUndefined(), launcherCss: previous?.css ?? '' });
    const lifeline: GlobalLifeline = (command, ...args) => run(widget, command, args, readAttributes);
    lifeline.widget = widget;
    lifeline.l = 1;
    const queued = Array.from(previous?.q ?? [], (call) => Array.from(call));
    win.Lifeline = lifeline;
    for (const [command, ...args] of queued) run(widget, command as Command, args, readAttributes);
  } catch (error) {
    console.error('[Lifeline] widget.boot_failed:', toLifelineError(error).message);
  }
}

/** The script tag's `data-*` setup; a later `init` call adds to it rather than starting over. */
let fromAttributes: Record<string, unknown> = {};

function run(widget: LifelineWidget, command: Command, args: unknown[], readAttributes: ReadAttributes | undefined): unknown {
  if (command === 'attributes') {
    if (!readAttributes) {
      widget.fail('attributes.load_failed');
      return false;
    }
    fromAttributes = readAttributes(args[0] as Record<string, string>);
    // Without data-kb-url the page is expected to call init itself; the attributes join that call.
    return 'kbUrl' in fromAttributes ? widget.init(fromAttributes) : false;
  }
  if (command === 'init') return widget.init(mergeConfig(fromAttributes, args[0]));
  if (!COMMANDS.includes(command)) {
    // Reported through the widget, like every other mistake; nothing throws into the page.
    widget.fail('command.unknown', { command, commands: API_METHODS.join(', ') });
    return undefined;
  }
  const method = widget[command] as (...a: unknown[]) => unknown;
  return method(...args);
}

function mergeConfig(base: Record<string, unknown>, update: unknown): unknown {
  if (typeof update !== 'object' || update === null || Array.isArray(update)) return update;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(update)) {
    const previous = merged[key];
    merged[key] = isPlainObject(previous) && isPlainObject(value) ? { ...previous, ...value } : value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// In its own task, after the module has been evaluated: the host's main thread never sees one long
// task for download, evaluation and setup together (calls made meanwhile still queue in the stub).
setTimeout(boot, 0);
