/**
 * @module One Lifeline widget: holds the config, context, language and help session, runs the bot,
 * renders the UI into a shadow root, and reports every failure as an `error` event, never a throw.
 */
import { HelpSessionEntry, LifelineError, Locale, isLifelineError, type CheckReport, type HelpSession, type HostContext, type SessionContext, type WidgetConfigShallow } from '@lifeline/protocol';
import { h, render } from 'preact';
import { answerEntry, canRate, transcript } from './bot/index.ts';
import { describeInvalid, validateConfig, validateContext, type Validated } from './config/index.ts';
import { directionOf, kbLocaleFor, loadLanguage, resolveLocale, type Language, type UiLocale } from './i18n/index.ts';
import type * as ArticleModule from './article/index.ts';
import type { ChatFlow, ChatHost } from './chat/index.ts';
import type { ErrorDetail, WidgetErrorCode } from './config/messages.ts';
import type { ChecksFlow, ChecksHost } from './checks/index.ts';
import { fillText, loadKnowledge, type Knowledge } from './kb/index.ts';
import { appendEntry, forget, hasStoredChat, loadHelpSession, newHelpSession, saveHelpSession } from './session/index.ts';
import { App } from './ui/App.tsx';
import { MAX_QUESTION_CHARS } from './ui/Composer.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { adoptStyles, PANEL_CSS } from './ui/styles.ts';
import { readableOn } from './ui/theme.ts';
import type { ArticleDetail, ArticleSummary, KbStatus, UiActions, ViewModel } from './ui/view-model.ts';

export const LIFELINE_EVENTS = ['ready', 'open', 'close', 'question', 'answer', 'article', 'feedback', 'escalate', 'checks', 'error'] as const;
export type LifelineEvent = (typeof LIFELINE_EVENTS)[number];
export type Listener = (detail: unknown) => void;

/** The public API's methods: each is guarded in the widget, and each is a `Lifeline('name', ...)` command. */
export const API_METHODS = ['init', 'open', 'close', 'toggle', 'ask', 'showArticle', 'setContext', 'setLocale', 'runChecks', 'setToken', 'on', 'off', 'getSessionContext', 'destroy'] as const;

/** The public API, the same through `Lifeline('name', ...)`, `createLifeline()` and `<lifeline-support>`. */
export interface LifelineApi {
  init(config: unknown): boolean;
  open(): void;
  close(): void;
  toggle(): void;
  ask(question: unknown): void;
  showArticle(id: unknown): void;
  setContext(context: unknown): void;
  setLocale(locale: unknown): void;
  /** Opens "Check my setup"; `{ only: ['camera'] }` runs some checks. The `checks` event carries the report. */
  runChecks(options?: unknown): void;
  /** Sets or replaces the candidate token the chat sends to the gateway (tokens live at most an hour). */
  setToken(token: unknown): void;
  on(event: LifelineEvent, listener: Listener): void;
  off(event: LifelineEvent, listener: Listener): void;
  getSessionContext(): SessionContext | undefined;
  destroy(): void;
}

export interface WidgetEnvironment {
  /** The element whose shadow root holds the UI. */
  host: HTMLElement;
  /**
   * The launcher's stylesheet (ui/launcher-style.ts). The script-tag loader already carries it to draw
   * the launcher and hands it over, so the bundle does not download it a second time.
   */
  launcherCss: string;
  fetch?: typeof fetch;
  storage?: Storage | undefined;
  languages?: readonly string[];
  now?: () => number;
}

/** The views that replace the conversation with the bot, each a lazy chunk with its own words. */
interface Flows {
  checks: ChecksFlow;
  chat: ChatFlow;
}

export class LifelineWidget implements LifelineApi {
  private config: WidgetConfigShallow | undefined;
  /** The checks flow, once "Check my setup" was pressed; the chat, once "Talk to a person" was (with `chat` configured). */
  private checks: ChecksFlow | undefined;
  private chat: ChatFlow | undefined;
  private readonly flows: { [K in keyof Flows]?: Promise<Flows[K]> } = {};
  /** Which flow the panel shows instead of the conversation. */
  private showing: keyof Flows | undefined;
  private token: string | undefined;
  private context: HostContext = {};
  private locale: UiLocale;
  /** The current locale's words, once its chunk has loaded; nothing renders before. */
  private language: Language | undefined;
  private ready = false;
  private session: HelpSession;
  private opened = false;
  /** Folded down to its header: the exam shows, the conversation and the chat go on. */
  private minimised = false;
  private reading: string | undefined;
  private knowledge: Knowledge | undefined;
  private kbStatus: KbStatus = 'idle';
  private pendingQuestions: string[] = [];
  private returnFocus: HTMLElement | undefined;
  /** The article view and its HTML filling: a lazy chunk, loaded the first time an article opens. */
  private articleModule: typeof ArticleModule | undefined;
  private articleModuleLoading = false;
  /** A note under the question box: Send was pressed with nothing typed, or a long question was cut. */
  private hint: 'empty' | 'cut' | '' = '';
  /** A view whose code could not be loaded (offline): loaded again by Retry or when the network returns. */
  private retryLoad: (() => void) | undefined;
  private prefetched = false;
  /** Whether people are answering now, in the chat's words: fetched each time the panel opens. */
  private availability: string | undefined;
  /** What the panel showed at the last scroll, so new messages scroll into view once. */
  private scrolledFor = '';
  private destroyed = false;
  private readonly listeners = new Map<LifelineEvent, Set<Listener>>();
  private readonly logged = new Set<string>();
  private readonly shadow: ShadowRoot;
  private readonly mount: HTMLElement;
  private readonly env: Required<Omit<WidgetEnvironment, 'storage' | 'launcherCss'>> & { storage: Storage | undefined };

  constructor(env: WidgetEnvironment) {
    this.env = {
      fetch: env.fetch ?? ((...args) => globalThis.fetch(...args)),
      storage: env.storage,
      languages: env.languages ?? globalThis.navigator?.languages ?? [],
      now: env.now ?? Date.now,
      host: env.host,
    };
    this.locale = resolveLocale(undefined, this.env.languages);
    this.session = newHelpSession(this.env.now());
    this.shadow = env.host.shadowRoot ?? env.host.attachShadow({ mode: 'open' });
    // The loader may have drawn a launcher here; the UI replaces it.
    this.shadow.replaceChildren();
    adoptStyles(this.shadow, env.launcherCss + PANEL_CSS);
    this.mount = env.host.ownerDocument.createElement('div');
    this.shadow.append(this.mount);
    // Wrap every entry point: nothing thrown inside may reach the host page. After destroy() a
    // call does nothing: a stale reference must not fetch, emit, or overwrite the stored session
    // that a newer widget on the page now owns.
    for (const name of API_METHODS) {
      const method = this[name].bind(this) as (...args: unknown[]) => unknown;
      (this as Record<string, unknown>)[name] = (...args: unknown[]) => (this.destroyed && name !== 'getSessionContext' ? undefined : this.guard(() => method(...args)));
    }
    addEventListener('online', this.reload);
  }

  init(input: unknown): boolean {
    const result = validateConfig(input);
    if (!result.ok) {
      this.reportInvalid(result);
      return false;
    }
    const firstInit = this.config === undefined;
    this.config = result.value;
    if (result.value.context) this.mergeContext(result.value.context);
    if (firstInit) this.restoreSession();
    // A conversation with an agent was going on before the reload: back to it (also when a later init brings `chat`).
    if (result.value.chat && !this.flows.chat && hasStoredChat(this.flowHost.storage())) {
      this.showing = 'chat';
      this.withChat((chat) => chat.resume());
    }
    // Only when configured: a --lifeline-z-index the host set in its own CSS otherwise applies.
    if (result.value.theme?.zIndex !== undefined) this.env.host.style.setProperty('--lifeline-z-index', String(result.value.theme.zIndex));
    this.switchLanguage(resolveLocale(result.value.locale, this.env.languages));
    if (result.value.open || this.opened) this.open();
    return true;
  }

  open(): void {
    if (!this.requireInit('open')) return;
    if (!this.opened) {
      const active = this.env.host.ownerDocument.activeElement;
      this.returnFocus = active instanceof HTMLElement && active !== this.env.host ? active : undefined;
      this.opened = true;
      this.saveView();
      this.emit('open', {});
    }
    this.minimised = false;
    void this.ensureKnowledge();
    this.prefetch();
    this.render();
    this.focusInside();
  }

  close(): void {
    if (!this.opened) return;
    // Closing mid-check stops it: the camera light goes off, and the result says it was stopped.
    this.checks?.stop();
    this.opened = false;
    this.saveView();
    this.render();
    this.emit('close', {});
    const target = this.returnFocus?.isConnected ? this.returnFocus : this.shadow.querySelector<HTMLElement>('.launcher');
    target?.focus();
    this.returnFocus = undefined;
  }

  toggle(): void {
    if (this.opened && !this.minimised) this.close();
    else this.open();
  }

  ask(question: unknown): void {
    if (!this.requireInit('ask')) return;
    if (typeof question !== 'string' || question.trim() === '') {
      this.fail('ask.invalid', { got: question });
      return;
    }
    const text = question.trim().slice(0, MAX_QUESTION_CHARS);
    // Said under the question box, so a long paste is not cut without notice.
    this.hint = text.length < question.trim().length ? 'cut' : '';
    this.reading = undefined;
    this.record({ type: 'question', at: this.env.now(), text });
    this.emit('question', { question: text });
    if (!this.opened) this.open();
    if (this.knowledge) this.answer(text);
    else {
      this.pendingQuestions.push(text);
      void this.ensureKnowledge();
    }
    this.render();
  }

  showArticle(id: unknown): void {
    if (!this.requireInit('showArticle')) return;
    if (typeof id !== 'string' || id === '') {
      this.fail('article.invalid', { got: id });
      return;
    }
    if (!this.opened) this.open();
    if (!this.knowledge) {
      // Shown once the knowledge base arrives.
      this.reading = id;
      void this.ensureKnowledge();
      this.render();
      return;
    }
    this.read(id);
  }

  setContext(input: unknown): void {
    const result = validateContext(input);
    if (!result.ok) {
      this.reportInvalid(result);
      return;
    }
    this.mergeContext(result.value);
    this.render();
  }

  setLocale(input: unknown): void {
    const parsed = Locale.safeParse(input);
    if (!parsed.success) {
      this.fail('locale.invalid', { got: input });
      return;
    }
    this.switchLanguage(resolveLocale(parsed.data, []));
  }

  private switchLanguage(locale: UiLocale): void {
    const reload = kbLocaleFor(locale) !== kbLocaleFor(this.locale);
    this.locale = locale;
    if (reload && this.knowledge) {
      this.knowledge = undefined;
      this.kbStatus = 'idle';
    }
    loadLanguage(locale).then(
      (language) => {
        if (this.destroyed || this.locale !== locale) return;
        this.language = language;
        if (this.opened) void this.ensureKnowledge();
        this.render();
        if (this.opened) this.focusInside();
        if (!this.ready) {
          this.ready = true;
          this.emit('ready', { locale });
        }
      },
      (cause: unknown) => this.fail('locale.load_failed', { cause }),
    );
  }

  runChecks(options?: unknown): void {
    if (!this.requireInit('runChecks')) return;
    this.reading = undefined;
    this.showing = 'checks';
    if (!this.opened) this.open();
    // Camera, microphone and sound need a page the candidate has clicked; otherwise the flow shows a Start
    // button. Read once the chunk has loaded: a click while it loads counts.
    const activation = (globalThis.navigator as Navigator & { userActivation?: { hasBeenActive: boolean } } | undefined)?.userActivation;
    this.withChecks((flow) => flow.start(options, activation?.hasBeenActive ?? true));
  }

  setToken(token: unknown): void {
    if (typeof token !== 'string' || token === '') {
      this.fail('chat.invalid', { got: token });
      return;
    }
    this.token = token;
    this.chat?.tokenChanged();
  }

  private withChecks(use: (flow: ChecksFlow) => Promise<void>): void {
    this.withFlow('checks', use, async () => new (await import('./checks/index.ts')).ChecksFlow(this.shadow, this.flowHost));
  }

  private withChat(use: (flow: ChatFlow) => Promise<void>): void {
    this.withFlow('chat', use, async () => new (await import('./chat/index.ts')).ChatFlow(this.shadow, this.flowHost));
  }

  /**
   * Loads a flow's chunk once, then hands the flow to `use`. A chunk that fails to load is reported as
   * `<kind>.load_failed`, and the panel says so and loads it again when the network returns.
   */
  private withFlow<K extends keyof Flows>(kind: K, use: (flow: Flows[K]) => Promise<void>, load: () => Promise<Flows[K]>): void {
    this.retryLoad = undefined;
    this.render();
    const chunk = (this.flows[kind] ??= load().then((flow) => ((this as unknown as Flows)[kind] = flow)) as never) as Promise<Flows[K]>;
    chunk.then(
      (flow) => void (this.destroyed || use(flow).then(() => this.render())),
      (cause: unknown) => {
        delete this.flows[kind];
        if (this.showing === kind) this.retryLoad = () => this.withFlow(kind, use, load);
        this.fail(`${kind}.load_failed`, { cause });
        this.render();
      },
    );
  }

  /**
   * Once the panel is open, what a press will need is fetched while the page is idle: a candidate whose
   * network drops later can still open the steps, the checks and the chat. Never before the panel opens,
   * so none of it weighs on the exam page's own load. A failure is quiet and tried again at the next open.
   */
  private prefetch(): void {
    (globalThis.requestIdleCallback ?? setTimeout)(() => {
      const locale = this.locale;
      if (this.destroyed) return;
      if (!this.prefetched) {
        this.prefetched = true;
        Promise.all([import('./article/index.ts'), import('./checks/index.ts').then((checks) => checks.preload(locale))]).catch(() => (this.prefetched = false));
      }
      // The chat's code comes with the answer to "is anyone answering now?".
      if (this.config?.chat) {
        import('./chat/index.ts')
          .then((chat) => chat.availability(this.flowHost, this.supportHours()))
          .then((text) => {
            this.availability = text;
            this.render();
          }, () => undefined);
      }
    });
  }

  /** Retry, or the network is back: load again what could not be loaded (the answers, a view's code). */
  private readonly reload = () => {
    const again = this.retryLoad;
    this.retryLoad = undefined;
    if (this.kbStatus === 'failed') this.retry();
    again?.();
    if (this.opened) this.prefetch();
    this.render();
  };

  /** What the checks and the chat may ask of the widget. */
  private readonly flowHost: ChecksHost & ChatHost = {
    locale: () => this.locale,
    config: () => this.config?.checks,
    chatConfig: () => this.config?.chat,
    token: () => this.token,
    context: () => this.getSessionContext(),
    confirmed: () => {
      this.record({ type: 'escalate', at: this.env.now() });
      const context = this.getSessionContext();
      this.emit('escalate', context);
      return context;
    },
    articleTitle: (id) => this.summaryOf(id)?.title,
    render: () => this.render(),
    read: (id) => this.actions.read(id),
    escalate: () => this.actions.escalate(),
    // A flow's "Back to the conversation".
    leave: () => {
      this.checks?.stop();
      this.showing = undefined;
      this.render();
      this.focusInside();
    },
    finished: (report) => {
      this.record({ type: 'checks', at: report.at, report });
      this.emit('checks', report);
      this.render();
    },
    report: (error) => this.report(error),
    now: () => this.env.now(),
    // Where the chat keeps its conversation and outbox: nowhere with `persist: false`.
    storage: () => (this.config?.persist === false ? undefined : this.env.storage),
    fetch: (...args) => this.env.fetch(...args),
  };

  on(event: LifelineEvent, listener: Listener): void {
    if (!LIFELINE_EVENTS.includes(event) || typeof listener !== 'function') {
      this.fail('on.invalid', { got: event });
      return;
    }
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
  }

  off(event: LifelineEvent, listener: Listener): void {
    this.listeners.get(event)?.delete(listener);
  }

  getSessionContext(): SessionContext {
    return {
      sessionId: this.session.id,
      startedAt: new Date(this.session.startedAt).toISOString(),
      locale: this.knowledge?.locale ?? kbLocaleFor(this.locale),
      phase: this.context.phase,
      kbVersion: this.knowledge?.kbVersion,
      page: globalThis.location?.href ?? '',
      userAgent: globalThis.navigator?.userAgent ?? '',
      entries: structuredClone(this.session.entries),
      // The latest report: what the agent reads first.
      checks: structuredClone(this.session.entries.findLast((e) => e.type === 'checks')?.report as CheckReport | undefined),
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.checks?.dispose();
    this.chat?.dispose();
    removeEventListener('online', this.reload);
    render(null, this.mount);
    this.mount.remove();
    this.listeners.clear();
    this.pendingQuestions = [];
    this.env.host.style.removeProperty('--lifeline-z-index');
  }

  // --- the bot ---

  private answer(question: string): void {
    const knowledge = this.knowledge;
    if (!knowledge) return;
    const waiting = knowledge.prepare(question);
    if (waiting) {
      // A typo: the fuzzy scorer is on its way; answer when it lands (or without it if it cannot load).
      this.pendingQuestions.push(question);
      const settle = () => {
        if (this.destroyed) return;
        this.pendingQuestions = this.pendingQuestions.filter((q) => q !== question);
        this.respond(knowledge, question);
        this.render();
      };
      waiting.then(settle, (cause: unknown) => {
        this.fail('kb.fuzzy_failed', { cause });
        settle();
      });
      return;
    }
    this.respond(knowledge, question);
  }

  private respond(knowledge: Knowledge, question: string): void {
    const response = knowledge.search(question, this.context.phase);
    const entry = answerEntry(response, knowledge.kbVersion, this.env.now());
    this.record(entry);
    this.emit('answer', { question, decision: entry.decision, articleId: entry.articleId, alternatives: entry.alternatives, kbVersion: entry.kbVersion });
  }

  /** A quick reply or a "Did you mean": the candidate picked the article, so it is the answer. */
  private choose(articleId: string): void {
    const article = this.knowledge?.article(articleId);
    if (!article || !this.knowledge) return;
    const title = fillText(article.title, this.context, this.neutral);
    this.record({ type: 'question', at: this.env.now(), text: title });
    this.emit('question', { question: title, articleId });
    this.record({ type: 'answer', at: this.env.now(), decision: 'answer', articleId, alternatives: [], kbVersion: this.knowledge.kbVersion });
    this.emit('answer', { question: title, decision: 'answer', articleId, alternatives: [], kbVersion: this.knowledge.kbVersion });
    this.render();
  }

  private read(id: string): void {
    const knowledge = this.knowledge;
    if (!knowledge) return;
    if (!knowledge.article(id)) {
      this.reading = undefined;
      this.fail('article.not_found', { id, locale: knowledge.locale, kbVersion: knowledge.kbVersion });
      this.render();
      return;
    }
    this.reading = id;
    this.record({ type: 'article', at: this.env.now(), articleId: id, kbVersion: knowledge.kbVersion });
    this.saveView();
    this.emit('article', { articleId: id, kbVersion: knowledge.kbVersion });
    this.render();
    if (this.articleModule) this.focusInside();
    else this.loadArticleModule();
  }

  private loadArticleModule(): void {
    if (this.articleModuleLoading) return;
    this.articleModuleLoading = true;
    import('./article/index.ts').then(
      (module) => {
        this.articleModule = module;
        if (this.destroyed) return;
        adoptStyles(this.shadow, module.ARTICLE_CSS, this.shadow.adoptedStyleSheets);
        this.render();
        if (this.reading) this.focusInside();
      },
      (cause: unknown) => {
        this.articleModuleLoading = false;
        if (this.reading) this.retryLoad = () => this.loadArticleModule();
        this.fail('article.load_failed', { cause });
        this.render();
      },
    );
  }

  private rate(articleId: string, helpful: boolean): void {
    if (!canRate(this.session.entries, articleId)) return;
    this.record({ type: 'feedback', at: this.env.now(), articleId, helpful });
    this.emit('feedback', { articleId, helpful });
    this.render();
  }

  private escalate(): void {
    this.reading = undefined;
    this.checks?.stop();
    this.showing = undefined;
    if (this.config?.chat) {
      // The chat records the escalation and emits `escalate` when the candidate confirms what is shared.
      this.showing = 'chat';
      this.withChat((chat) => chat.open());
      return;
    }
    this.record({ type: 'escalate', at: this.env.now() });
    this.emit('escalate', this.getSessionContext());
    this.render();
  }

  // --- knowledge base ---

  private async ensureKnowledge(): Promise<void> {
    if (!this.config || this.knowledge || this.kbStatus === 'loading') return;
    this.kbStatus = 'loading';
    this.render();
    const locale = kbLocaleFor(this.locale);
    try {
      const knowledge = await loadKnowledge(this.config.kbUrl, locale, this.env.fetch);
      if (this.destroyed || kbLocaleFor(this.locale) !== locale) return;
      this.knowledge = knowledge;
      this.kbStatus = 'ready';
      for (const question of this.pendingQuestions.splice(0)) this.answer(question);
      if (this.reading) this.read(this.reading);
      this.render();
    } catch (cause) {
      if (this.destroyed) return;
      this.kbStatus = 'failed';
      if (isLifelineError(cause)) this.report(cause);
      else this.fail('kb.load_failed', { cause });
      this.render();
    }
  }

  private retry(): void {
    this.kbStatus = 'idle';
    void this.ensureKnowledge();
  }

  // --- session ---

  private record(entry: HelpSessionEntry): void {
    this.session = appendEntry(this.session, entry);
    this.persist();
  }

  private saveView(): void {
    this.session = { ...this.session, view: this.reading ? { open: this.opened, reading: this.reading } : { open: this.opened } };
    this.persist();
  }

  private persist(): void {
    if (this.config?.persist !== false) saveHelpSession(this.env.storage, this.session);
  }

  private restoreSession(): void {
    if (this.config?.persist === false) {
      forget(this.env.storage);
      return;
    }
    const stored = loadHelpSession(this.env.storage);
    if (!stored) return;
    this.session = stored;
    this.opened = stored.view?.open ?? false;
    this.reading = stored.view?.reading;
  }

  private mergeContext(update: HostContext): void {
    const merged: Record<string, unknown> = { ...this.context };
    for (const [key, value] of Object.entries(update)) {
      merged[key] = typeof value === 'object' && value !== null ? { ...(merged[key] as object | undefined), ...value } : value;
    }
    this.context = merged as HostContext;
  }

  // --- rendering ---

  private readonly neutral = (name: string) => this.knowledge?.fallback(name) ?? '';

  private summaryOf(id: string): ArticleSummary | undefined {
    const article = this.knowledge?.article(id);
    if (!article) return undefined;
    return { id, title: fillText(article.title, this.context, this.neutral), summary: fillText(article.summary, this.context, this.neutral), check: article.check, handover: article.handover };
  }

  private detailOf(id: string | undefined): ArticleDetail | undefined {
    const article = id ? this.knowledge?.article(id) : undefined;
    const summary = id ? this.summaryOf(id) : undefined;
    if (!article || !summary || !this.articleModule) return undefined;
    return { ...summary, html: this.articleModule.fillHtml(article.html, this.context, this.neutral), related: article.related.flatMap((r) => this.summaryOf(r) ?? []) };
  }

  private readonly actions: UiActions = {
    toggle: () => this.guard(() => this.toggle()),
    close: () => this.guard(() => this.close()),
    ask: (question) =>
      this.guard(() => {
        if (question.trim()) this.ask(question);
        else {
          this.hint = 'empty';
          this.render();
        }
      }),
    choose: (id) => this.guard(() => this.choose(id)),
    read: (id) => this.guard(() => this.read(id)),
    // From an article: back to what it was opened from (the conversation, or the checks' results). From a
    // view whose code could not load: to the conversation.
    back: () =>
      this.guard(() => {
        this.retryLoad = undefined;
        if (!this.reading) return this.flowHost.leave();
        this.reading = undefined;
        this.saveView();
        this.render();
        this.focusInside();
      }),
    rate: (id, helpful) => this.guard(() => this.rate(id, helpful)),
    escalate: () => this.guard(() => this.escalate()),
    retry: () => this.guard(this.reload),
    // The button stays where it is, in the header, and keeps the focus.
    minimise: () =>
      this.guard(() => {
        this.minimised = !this.minimised;
        this.render();
      }),
    checks: (only) => this.guard(() => this.runChecks(only ? { only: [only] } : undefined)),
    warm: () => this.guard(() => void this.ensureKnowledge()),
  };

  private viewModel(language: Language): ViewModel {
    const theme = this.config?.theme ?? {};
    const dark = theme.mode === 'dark' || (theme.mode !== 'light' && (globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false));
    const themeVars: Record<string, string> = {};
    if (theme.primary) {
      // The launcher reads the --lifeline-* names, the panel its own; both win over the host's CSS.
      const onPrimary = readableOn(theme.primary);
      Object.assign(themeVars, { '--lifeline-primary': theme.primary, '--primary': theme.primary, '--lifeline-on-primary': onPrimary, '--on-primary': onPrimary });
    }
    if (theme.topBar) themeVars['--top'] = `${theme.topBar}px`;
    return {
      strings: language.strings,
      lang: this.locale,
      dir: directionOf(this.locale),
      dark,
      side: theme.side ?? 'right',
      themeVars,
      open: this.opened,
      kbStatus: this.kbStatus,
      items: transcript(this.session.entries),
      quickReplies: (this.config?.quickReplies ? this.config.quickReplies.flatMap((id) => this.knowledge?.article(id) ?? []) : (this.knowledge?.quickReplies(this.context.phase) ?? [])).flatMap((a) => this.summaryOf(a.id) ?? []),
      reading: this.detailOf(this.reading),
      // While a view's code loads (or could not be loaded): null, the panel says which.
      flowPanel: this.showing ? (this[this.showing]?.view(language.strings) ?? null) : this.reading && !this.articleModule ? null : undefined,
      failed: !!this.retryLoad,
      chat: !!this.config?.chat,
      people: this.config?.chat && this.showing !== 'chat' ? (this.availability ?? '') : undefined,
      minimised: this.minimised,
      ArticleView: this.articleModule?.ArticleView,
      article: (id) => this.summaryOf(id),
      supportHours: this.supportHours(),
      pending: this.pendingQuestions.length > 0,
      hint: this.hint,
    };
  }

  private supportHours(): string | undefined {
    const hours = this.context.support?.hours;
    return hours === undefined ? undefined : String(hours);
  }

  private render(): void {
    if (this.destroyed || !this.config || !this.language) return;
    const model = this.viewModel(this.language);
    const hadFocus = this.shadow.activeElement !== null;
    render(h(ErrorBoundary, { onError: (error: unknown) => this.report(toLifelineError(error)) }, h(App, { model, actions: this.actions })), this.mount);
    // Keep the newest message in view; an article or a flow opens at its top. (Preact's root render is synchronous.)
    const shown = `${model.items.length} ${model.reading?.id ?? ''} ${model.kbStatus} ${this.showing}`;
    const body = this.shadow.querySelector('.body');
    if (body && shown !== this.scrolledFor) {
      body.scrollTop = model.reading || this.showing ? 0 : body.scrollHeight;
      this.scrolledFor = shown;
    }
    // The flow shown focuses what the candidate needs next, and the chat scrolls to its newest message.
    if (this.showing) this[this.showing]?.afterRender();
    // The focused element went away ("Start the check", "Run again", an answered prompt, "Check my setup"
    // while the checks load): keep focus in the panel, not on the page behind it.
    if (hadFocus && this.opened && this.shadow.activeElement === null) this.focusInside();
  }

  private focusInside(): void {
    const target = this.shadow.querySelector<HTMLElement>(this.reading ? '.article h3' : this.showing ? '.body h3' : '#lifeline-question');
    // While a chunk loads, the view's own heading is not there yet: the panel's is. The view keeps its own
    // scroll (the chat opens at the first unread message): focus does not move it.
    (target ?? this.shadow.querySelector<HTMLElement>('#lifeline-title'))?.focus({ preventScroll: true });
  }

  // --- events and errors ---

  private emit(event: LifelineEvent, detail: unknown): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        listener(detail);
      } catch (cause) {
        // A host listener that throws must not break the widget, nor loop through `error` listeners.
        if (event !== 'error') this.fail('listener.failed', { event, cause });
      }
    }
  }

  private report(error: LifelineError): void {
    const key = `${error.code}\n${error.message}`;
    if (!this.logged.has(key)) {
      this.logged.add(key);
      console.error(`[Lifeline] ${error.code}: ${error.message}`);
    }
    this.emit('error', error);
  }

  /** Config mistakes are reported a moment later: the readable messages come in a lazy chunk. */
  private reportInvalid(invalid: Extract<Validated<unknown>, { ok: false }>): void {
    describeInvalid(invalid).then(
      (errors) => errors.forEach((error) => this.report(error)),
      (cause: unknown) => this.report(new LifelineError(invalid.code, `the ${invalid.code.split('.')[0]} is invalid (${invalid.issues.map((i) => i.path.join('.')).join(', ')})`, { cause })),
    );
  }

  /**
   * Reports one of the widget's own errors (a wrong call, a failed load). Its message, for the developer,
   * comes with the lazy errors chunk, as the config's do; without that chunk (offline) the code still goes out.
   */
  fail(code: WidgetErrorCode, detail: ErrorDetail = {}): void {
    import('./config/errors.ts')
      .then(
        ({ widgetError }) => widgetError(code, detail),
        () => new LifelineError(code, `${code}: see the error codes in the widget's documentation (its message could not be loaded)`, { cause: detail.cause }),
      )
      .then((error) => this.report(error));
  }

  private requireInit(command: string): boolean {
    if (this.config) return true;
    this.fail('widget.not_initialized', { command });
    return false;
  }

  private guard<T>(run: () => T): T | undefined {
    try {
      return run();
    } catch (cause) {
      this.report(toLifelineError(cause));
      return undefined;
    }
  }
}

export function toLifelineError(cause: unknown): LifelineError {
  return isLifelineError(cause) ? cause : new LifelineError('widget.internal', `something went wrong inside the widget: ${String(cause)}`, { cause });
}
