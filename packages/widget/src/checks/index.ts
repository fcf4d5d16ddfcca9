/**
 * @module The checks flow inside the widget (a lazy chunk, loaded on "Check my setup"): runs the
 * checks one after another with progress, asks the candidate when a check needs them (the tone, the
 * screen picker, the ID photo), and hands the finished report to the widget.
 */
import { createReport, expandChecks, runCheck, SETUP_CHECKS, type CandidateStep, type SpeakerControl } from '@lifeline/checks';
import { RunChecksOptions, type CheckId, type CheckReport, type CheckResult, type ChecksConfig, type LifelineError } from '@lifeline/protocol';
import { h, type ComponentChild } from 'preact';
import { describeInvalid, validate } from '../config/index.ts';
import type { UiLocale, UiStrings } from '../i18n/index.ts';
import { ChecksView, type ChecksState } from './ChecksView.tsx';
import { CHECKS_CSS } from './styles.ts';
import { loadChecksStrings, type ChecksStrings } from './i18n/index.ts';

/** What the widget gives the checks flow. */
export interface ChecksHost {
  locale(): UiLocale;
  /** The `checks` part of the config, not yet validated: its schema loads only for hosts that set it (config.ts). */
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

type Prompt =
  | { kind: 'speaker'; control: SpeakerControl; answer(heard: boolean): void }
  | { kind: 'candidate'; step: CandidateStep; go(): void };

export class ChecksFlow {
  private order: CheckId[] = [];
  private results = new Map<CheckId, CheckResult>();
  private current: CheckId | undefined;
  private index = 0;
  private total = 0;
  private prompt: Prompt | undefined;
  private preview: HTMLVideoElement | undefined;
  private level = 0;
  private run: AbortController | undefined;
  private waitingToStart = false;
  private stopped = false;
  private code: string | undefined;
  private config: ChecksConfig = {};
  private configInput: unknown;
  private strings: ChecksStrings | undefined;
  private stringsLocale: UiLocale | undefined;
  private focusNext: string | undefined;
  private disposed = false;

  constructor(
    private readonly root: ShadowRoot,
    private readonly host: ChecksHost,
  ) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CHECKS_CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  get running(): boolean {
    return this.run !== undefined;
  }

  /** `Lifeline('runChecks', options)`, "Check my setup", or "Test it now" on an answer. */
  async start(input: unknown, autostart: boolean): Promise<void> {
    const options = validate(RunChecksOptions, input ?? {}, 'checks.invalid', []);
    if (!options.ok) {
      // Nothing to run: back to where the candidate was, not a panel stuck loading.
      this.host.leave();
      (await describeInvalid(options)).forEach(this.host.report);
      return;
    }
    const configured = this.host.config();
    if (configured !== this.configInput) {
      this.configInput = configured;
      this.config = configured === undefined ? {} : await (await import('./config.ts')).validateChecksConfig(configured, this.host.report);
    }
    await this.ensureStrings();
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
    if (!this.waitingToStart) void this.runList(this.order);
  }

  /** Stops a run in progress: the current check ends as `check.aborted`, its camera and microphone off. */
  stop(): void {
    if (!this.run) return;
    this.stopped = true;
    this.run.abort();
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
  }

  private async ensureStrings(): Promise<void> {
    const locale = this.host.locale();
    if (this.strings && this.stringsLocale === locale) return;
    this.strings = await loadChecksStrings(locale);
    this.stringsLocale = locale;
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
    const ask = <T>(make: (resolve: (value: T) => void) => Prompt, focus: string) =>
      new Promise<T>((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        this.prompt = make(resolve);
        this.focusNext = focus;
        this.host.render();
      });
    return {
      onPreview: (video: HTMLVideoElement | undefined) => {
        this.preview = video;
        this.host.render();
      },
      onLevel: (level: number) => {
        this.level = level;
        this.host.render();
      },
      confirmHeard: (control: SpeakerControl) => ask<boolean>((answer) => ({ kind: 'speaker', control, answer }), '.prompt .btn'),
      waitForCandidate: (step: CandidateStep) => ask<void>((go) => ({ kind: 'candidate', step, go: () => go() }), '.prompt .btn'),
    };
  }

  /** The checks view, or nothing until its words have loaded. */
  view(ui: UiStrings): ComponentChild {
    const strings = this.strings;
    if (!strings) return null;
    const state: ChecksState = {
      order: this.order,
      results: this.results,
      current: this.current,
      index: this.index,
      total: this.total,
      prompt: this.prompt,
      preview: this.preview,
      level: this.level,
      waitingToStart: this.waitingToStart,
      stopped: this.stopped,
      code: this.code,
      locale: this.stringsLocale ?? 'en',
    };
    return h(ChecksView, {
      state,
      strings,
      ui,
      articleTitle: this.host.articleTitle,
      actions: {
        start: () => {
          this.waitingToStart = false;
          void this.runList(this.order);
        },
        rerun: (check: CheckId) => {
          if (!this.running) void this.runList([check]);
        },
        rerunAll: () => {
          if (!this.running) void this.runList(this.order);
        },
        stop: () => this.stop(),
        read: this.host.read,
        leave: this.host.leave,
        escalate: this.host.escalate,
      },
    });
  }

  /** After a render: focus what the candidate needs next (a prompt's button, the summary). */
  afterRender(): void {
    if (!this.focusNext) return;
    const target = this.root.querySelector<HTMLElement>(this.focusNext);
    if (target) {
      target.focus();
      this.focusNext = undefined;
    }
  }
}
