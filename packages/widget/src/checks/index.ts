/**
 * @module The checks flow inside the widget (a lazy chunk, loaded on "Check my setup"): runs the
 * checks one after another with progress, asks the candidate when a check needs them (the tone, the
 * screen picker, the ID photo), and hands the finished report to the widget.
 */
import { createReport, expandChecks, runCheck, SETUP_CHECKS, type CandidateStep, type SpeakerControl } from '@lifeline/checks';
import { ChecksConfig, RunChecksOptions, type CheckId, type CheckReport, type CheckResult, type LifelineError } from '@lifeline/protocol';
import { h, type ComponentChild } from 'preact';
import { describeInvalid, validate } from '../config/index.ts';
import type { UiLocale, UiStrings } from '../i18n/index.ts';
import { ChecksView, type ChecksModel, type Prompt } from './ChecksView.tsx';
import { adoptStyles } from '../ui/styles.ts';
import { CHECKS_CSS } from './styles.ts';
import { loadChecksStrings, type ChecksStrings } from './i18n/index.ts';

/** The checks' words, fetched ahead with the chunk once the panel is open (so "Check my setup" opens offline too). */
export { loadChecksStrings as preload } from './i18n/index.ts';

/** What the widget gives the checks flow. */
export interface ChecksHost {
  locale(): UiLocale;
  /** The `checks` part of the config, not yet validated. */
  config(): unknown;
  articleTitle(id: string): string | undefined;
  render(): void;
  read(articleId: string): void;
  /** Back to the conversation. */
  leave(): void;
  escalate(): void;
  /** A run ended (finished or stopped): record it in the help session and tell the host page. */
  finished(report: CheckReport): void;
  report(error: LifelineError): void;
  now(): number;
}

export class ChecksFlow implements ChecksModel {
  order: CheckId[] = [];
  readonly results = new Map<CheckId, CheckResult>();
  current: CheckId | undefined;
  index = 0;
  total = 0;
  prompt: Prompt | undefined;
  preview: HTMLVideoElement | undefined;
  level = 0;
  waitingToStart = false;
  stopped = false;
  code: string | undefined;
  locale: UiLocale = 'en';
  private run: AbortController | undefined;
  private config: ChecksConfig = {};
  private configInput: unknown;
  private strings: ChecksStrings | undefined;
  private focusNext: string | undefined;
  private disposed = false;
  readonly articleTitle: ChecksHost['articleTitle'];
  readonly read: ChecksHost['read'];
  readonly leave: ChecksHost['leave'];
  readonly escalate: ChecksHost['escalate'];

  constructor(
    private readonly root: ShadowRoot,
    private readonly host: ChecksHost,
  ) {
    ({ articleTitle: this.articleTitle, read: this.read, leave: this.leave, escalate: this.escalate } = host);
    adoptStyles(root, CHECKS_CSS, root.adoptedStyleSheets);
  }

  get running(): boolean {
    return this.run !== undefined;
  }

  /** `Lifeline('runChecks', options)`, "Check my setup", or "Test it now" on an answer. */
  async start(input: unknown, autostart: boolean): Promise<void> {
    const options = validate(RunChecksOptions, input ?? {}, 'checks.invalid', []);
    if (!options.ok) {
      // Nothing to run: back to where the candidate was, not a panel stuck loading.
      this.leave();
      (await describeInvalid(options)).forEach(this.host.report);
      return;
    }
    const configured = this.host.config();
    if (configured !== this.configInput) {
      this.configInput = configured;
      // A mistake in the host's `checks` is reported (config.invalid, naming checks.*) and the defaults are used.
      const checked = validate(ChecksConfig, configured ?? {}, 'config.invalid', ['checks']);
      this.config = checked.ok ? checked.value : {};
      if (!checked.ok) (await describeInvalid(checked)).forEach(this.host.report);
    }
    const locale = this.host.locale();
    if (!this.strings || this.locale !== locale) {
      this.strings = await loadChecksStrings(locale);
      this.locale = locale;
    }
    if (this.disposed) return;
    this.stop();
    // A run still winding down sees it is no longer the current one and ends quietly.
    this.run = undefined;
    this.order = expandChecks(options.value.only ?? this.config.setup ?? SETUP_CHECKS);
    this.results.clear();
    this.stopped = false;
    this.code = undefined;
    // Browsers keep the camera, microphone and sound for pages the candidate has clicked; a host
    // calling runChecks before any click gets a Start button instead of a silent failure.
    this.waitingToStart = !autostart;
    this.focusNext = this.waitingToStart ? '.checks .btn' : '.checks h3';
    this.host.render();
    if (autostart) void this.runList(this.order);
  }

  /** The Start button. */
  readonly begin = () => {
    this.waitingToStart = false;
    void this.runList(this.order);
  };

  /** "Run again" on one check, or all of them; not while a run is going. */
  readonly rerun = (check?: CheckId) => {
    if (!this.running) void this.runList(check ? [check] : this.order);
  };

  /** Stops a run in progress: the current check ends as `check.aborted`, its camera and microphone off. */
  readonly stop = () => {
    if (!this.run) return;
    this.stopped = true;
    this.run.abort();
  };

  dispose(): void {
    this.disposed = true;
    this.stop();
  }

  private async runList(checks: CheckId[]): Promise<void> {
    const run = new AbortController();
    this.run = run;
    this.stopped = false;
    this.total = checks.length;
    const options = { policy: this.config.policy, networkUrl: this.config.networkUrl, hooks: this.hooks(run.signal) };
    for (const [index, check] of checks.entries()) {
      this.index = index;
      this.current = check;
      this.host.render();
      const result = await runCheck(check, options, run.signal);
      if (this.disposed || this.run !== run) return;
      this.results.set(check, result);
      this.prompt = undefined;
    }
    this.current = undefined;
    this.run = undefined;
    this.focusNext = '.checks .summary';
    const report = createReport(this.order.flatMap((check) => this.results.get(check) ?? []), this.host.now());
    this.code = report.code;
    this.host.finished(report);
    this.host.render();
  }

  private hooks(signal: AbortSignal) {
    const show = () => this.host.render();
    const ask = <T>(make: (resolve: (value: T) => void) => Prompt) =>
      new Promise<T>((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason);
        const prompt = make(resolve);
        // A stopped run takes its question with it: the run that replaces it must not show a button that answers nothing.
        signal.addEventListener('abort', () => {
          if (this.prompt === prompt) this.prompt = undefined;
          reject(signal.reason);
        }, { once: true });
        this.prompt = prompt;
        this.focusNext = '.prompt .btn';
        show();
      });
    return {
      onPreview: (video: HTMLVideoElement | undefined) => {
        this.preview = video;
        show();
      },
      onLevel: (level: number) => {
        this.level = level;
        show();
      },
      confirmHeard: (control: SpeakerControl) => ask<boolean>((answer) => ({ kind: 'speaker', control, answer })),
      waitForCandidate: (step: CandidateStep) => ask<void>((go) => ({ kind: 'candidate', step, go: () => go() })),
    };
  }

  /** The checks view, or nothing until its words have loaded. */
  view(ui: UiStrings): ComponentChild {
    return this.strings ? h(ChecksView, { flow: this, strings: this.strings, ui }) : null;
  }

  /** After a render: focus what the candidate needs next (a prompt's button, the summary). */
  afterRender(): void {
    const target = this.focusNext && this.root.querySelector<HTMLElement>(this.focusNext);
    if (target) {
      // The summary sits above the list and names what needs attention; focusing it scrolls the view up
      // to it, and the failed items with their fixes come right under it (the list reads worst first).
      target.focus();
      this.focusNext = undefined;
    }
  }
}
