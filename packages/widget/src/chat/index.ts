/**
 * @module The chat with an agent (a lazy chunk, loaded on "Talk to a person" when the config has `chat`):
 * the confirmation of what is shared, the conversation's creation, the queue, the messages with their
 * outbox, the end and the rating. The gateway is reached through `gateway.ts`; a reload re-attaches, a new
 * tab finds the candidate's conversation still going; unread agent messages mark the launcher.
 */
import { ChatConfig, ConversationList, ConversationView, Message, TYPING_RENEW_MS, TYPING_TTL_MS, type ChatSession, type ConversationEvent, type LifelineError, type OutboxMessage, type SessionContext } from '@lifeline/protocol';
import { h, type ComponentChild } from 'preact';
import { describeInvalid, validate } from '../config/index.ts';
import { format, type UiLocale, type UiStrings } from '../i18n/index.ts';
import { adoptStyles } from '../ui/styles.ts';
import { backoff, Gateway, retriable, type Stream } from './gateway.ts';
import { loadChatStrings, type ChatStrings } from './i18n/index.ts';
import { forgetChat, loadChat, newChat, randomId, saveChat } from './store.ts';
import { CHAT_CSS } from './styles.ts';
import { chime, titleCue, unreadMarker, type UnreadMarker } from './unread.ts';
import { ChatView, type ChatModel, type LogItem, type Stage } from './ChatView.tsx';

export { backoff, STALE_MS } from './gateway.ts';

/** What the widget gives the chat. */
export interface ChatHost {
  locale(): UiLocale;
  /** The `chat` part of the config, not yet validated. */
  chatConfig(): unknown;
  /** The token `setToken` gave, if any; it wins over the config's. */
  token(): string | undefined;
  /** What the agent would receive now: shown in the confirmation. */
  context(): SessionContext;
  /** The candidate pressed Send: record the escalation, emit `escalate`, and return the context to send. */
  confirmed(): SessionContext;
  articleTitle(id: string): string | undefined;
  render(): void;
  /** Back to the conversation with the bot. */
  leave(): void;
  report(error: LifelineError): void;
  now(): number;
  /** Where the conversation and the outbox are kept; undefined with `persist: false`. */
  storage(): Storage | undefined;
  fetch: typeof fetch;
}

/** The candidate stops typing: the agent's "typing…" goes off after this long without a key. */
export const TYPING_IDLE_MS = 4000;

/** "Talk to a person" waits this long for the candidate's earlier conversations, then confirms a new one. */
export const LOOKUP_MS = 3000;

/**
 * The line above the conversation with the bot, beside "Talk to a person": whether people are answering
 * now (one `GET /v1/status`, asked each time the panel opens); when they are not, or the gateway cannot
 * say, the support hours the host gave.
 * Loading it also brings the chat's code and words, so "Talk to a person" still opens when the network drops.
 */
export async function availability(host: ChatHost, hours: string | undefined): Promise<string> {
  const strings = await loadChatStrings(host.locale());
  const config = validate(ChatConfig, host.chatConfig() ?? {}, 'config.invalid', ['chat']);
  // A config mistake is reported by the flow, at "Talk to a person".
  const status = config.ok ? await new Gateway(config.value.url, host.token, host.fetch).status() : undefined;
  const wait = status?.estimatedWaitSeconds;
  if (status?.open && status.agentsOnline) return wait === undefined ? strings.answeringNow : format(strings.answeringWait, { minutes: String(Math.max(1, Math.round(wait / 60))) });
  // The hours matter when nobody answers now, or when the gateway could not say.
  return [status ? strings.nobodyNow : '', hours && format(strings.hours, { hours })].filter(Boolean).join(' ');
}

export class ChatFlow implements ChatModel {
  stage: Stage = 'confirm';
  shared: SessionContext | undefined;
  position: number | undefined;
  waitSeconds: number | undefined;
  agent: string | undefined;
  ticket: string | undefined;
  typing = false;
  rating = false;
  readonly log: LogItem[] = [];
  /** Confirmed by the gateway but not yet back through the stream, where its place (seq) comes from. */
  readonly posted: OutboxMessage[] = [];
  /** The line is down and a retry is on its way. */
  down = false;
  /** The gateway refused the token: waiting for setToken. */
  paused = false;
  announcement = '';
  /** Found on "Talk to a person" (started in another tab), not started here: a ticket offers to start a new conversation. */
  rejoined = false;
  locale: UiLocale = 'en';
  readonly articleTitle: ChatHost['articleTitle'];
  readonly leave: ChatHost['leave'];
  private session: ChatSession | undefined;
  private gateway: Gateway | undefined;
  private configInput: unknown;
  private strings: ChatStrings | undefined;
  private stream: Stream | undefined;
  private lastSeq = 0;
  private sending = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** When "typing" was last told to the agent: renewed every TYPING_RENEW_MS while the candidate types on. */
  private typingToldAt = 0;
  /** The agent's "typing…" goes off by itself when not renewed (a lost "stopped", the agent's tab closed). */
  private agentTypingTimer: ReturnType<typeof setTimeout> | undefined;
  /** The chat was on screen at the last render: coming back to it opens at the first unread message. */
  private onScreen = false;
  /**
   * What came while the candidate was away, as seqs (after the last read, up to the last there when they
   * came back to the chat): marked in the view while the chat stays on screen, so the launcher's count can
   * clear at once and the candidate still sees what they missed.
   */
  private missed: [after: number, upTo: number] = [0, 0];
  private settings: ChatConfig | undefined;
  private readonly cueTitle = titleCue(document);
  private focusNext: string | undefined;
  private shownItems = -1;
  private switching = false;
  private disposed = false;
  /** Asking the gateway for a conversation this candidate started before (another tab, a closed one). */
  private finding = false;
  private readonly marker: UnreadMarker;
  private readonly observer: MutationObserver;

  constructor(
    private readonly root: ShadowRoot,
    private readonly host: ChatHost,
  ) {
    ({ articleTitle: this.articleTitle, leave: this.leave } = host);
    adoptStyles(root, CHAT_CSS, root.adoptedStyleSheets);
    addEventListener('online', this.wake);
    document.addEventListener('visibilitychange', this.wake);
    this.marker = unreadMarker(root);
    // The main UI's renders open and close the panel, switch views and languages, and may redraw the
    // launcher: the marker follows each of them without the main UI knowing about it.
    this.observer = new MutationObserver(this.sync);
    this.observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden', 'lang'] });
  }

  get outbox(): readonly OutboxMessage[] {
    return this.session?.outbox ?? [];
  }

  /**
   * "Talk to a person": the conversation in progress; else the newest one the gateway holds for this
   * candidate if it is still going (a new tab, after the old one was closed); else a new confirmation.
   */
  async open(): Promise<void> {
    if (!(await this.prepare()) || this.session || this.finding) return;
    this.reset();
    this.focusNext = '.chat h3';
    // Without a valid config there is nothing to confirm: the view says so (the config error is reported).
    if (!this.gateway) {
      this.stage = 'failed';
      return;
    }
    this.finding = true;
    this.host.render();
    const earlier = await this.earlier();
    this.finding = false;
    if (this.disposed || this.session) return;
    if (earlier) this.rejoin(earlier);
    else this.shared = this.host.context();
  }

  /** A reload: back to the stored conversation, sending what the outbox still holds. */
  async resume(): Promise<void> {
    const stored = loadChat(this.host.storage());
    if (!stored || !(await this.prepare()) || !this.gateway) return;
    this.session = stored;
    this.stage = 'starting';
    void (stored.conversationId ? this.attach() : this.create());
  }

  /** The confirmation's Send. */
  readonly confirm = () => {
    this.shared = this.host.confirmed();
    this.session = newChat();
    this.save();
    this.stage = 'starting';
    this.focusNext = '#lifeline-message';
    void this.create();
  };

  /** The composer: the message joins the outbox at once and leaves it when the gateway has it. */
  readonly say = (text: string) => {
    const session = this.session;
    if (!session || !text.trim()) return;
    session.outbox.push({ clientMessageId: randomId(), text: text.trim(), at: this.host.now() });
    this.save();
    if (this.typingTimer) this.tell(false);
    this.host.render();
    void this.flush();
  };

  /** A key in the composer: tell the agent once per pause in typing, renewed while the typing goes on (an unrenewed signal expires). */
  readonly typed = () => {
    if (this.stage !== 'agent') return;
    if (!this.typingTimer || this.host.now() - this.typingToldAt >= TYPING_RENEW_MS) {
      this.tell(true);
      this.typingToldAt = this.host.now();
    }
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.tell(false), TYPING_IDLE_MS);
  };

  readonly rate = async (score: number, comment: string) => {
    const id = this.session?.conversationId;
    if (!id) return;
    try {
      await this.gateway!.request(`conversations/${id}/csat`, { score, ...(comment.trim() ? { comment: comment.trim().slice(0, 2000) } : {}) });
    } catch (error) {
      this.fail(error as LifelineError);
      if (retriable(error as LifelineError) || this.paused) return;
    }
    this.finish();
    this.stage = 'rated';
    this.announcement = this.strings!.rated;
    this.focusNext = '.chat .done';
    this.host.render();
  };

  /** After the rating: the next "Talk to a person" starts a new conversation. */
  readonly done = () => {
    this.reset();
    this.leave();
  };

  /** A ticket found on coming back stays with the agents; the candidate asks anew (the confirmation). */
  readonly fresh = () => {
    this.reset();
    this.shared = this.host.context();
    this.focusNext = '.chat h3';
    this.host.render();
  };

  /** `setToken`: a paused chat goes on where it stopped. */
  tokenChanged(): void {
    if (!this.paused || !this.session) return;
    this.paused = false;
    this.host.render();
    void (this.session.conversationId ? this.attach() : this.create());
  }

  dispose(): void {
    this.disposed = true;
    this.finish();
    this.observer.disconnect();
    this.marker.remove();
    this.cueTitle(0);
    removeEventListener('online', this.wake);
    document.removeEventListener('visibilitychange', this.wake);
  }

  /** The chat view, or nothing until its words have loaded. */
  view(ui: UiStrings): ComponentChild {
    this.follow();
    if (!this.onScreen) this.missed = [this.session?.seen ?? 0, this.lastSeq];
    return this.strings ? h(ChatView, { flow: this, strings: this.strings, ui }) : null;
  }

  /**
   * After a render: keep the newest message in view, or, coming back to the chat (the panel opened again),
   * open at the first message not read yet; then focus what the candidate needs next.
   */
  afterRender(): void {
    const shown = this.root.querySelector('.chat');
    // The confirmation reads from its heading down; the conversation from its newest line.
    const items = this.stage === 'confirm' ? -1 : this.log.length + this.posted.length + this.outbox.length + Number(this.typing);
    const body = this.root.querySelector('.body');
    const unread = !this.onScreen && shown?.querySelector('.unread');
    if (body && unread) body.scrollTop += unread.getBoundingClientRect().top - body.getBoundingClientRect().top;
    else if (body && items >= 0 && (items !== this.shownItems || !this.onScreen)) body.scrollTop = body.scrollHeight;
    this.shownItems = items;
    this.onScreen = !!shown;
    const target = this.focusNext && this.root.querySelector<HTMLElement>(this.focusNext);
    if (target) {
      target.focus({ preventScroll: !!unread });
      this.focusNext = undefined;
    }
  }

  /** An agent message that came while the candidate was away from the chat (the view marks it; coming back opens at the first). */
  isUnread(item: LogItem, [after, upTo] = this.missed): boolean {
    return item.seq > after && item.seq <= upTo && item.message?.author === 'agent';
  }

  /** After setLocale, the new language's words follow (for the view, and for the marker while the view is not shown). */
  private follow(): void {
    if (this.strings && this.locale !== this.host.locale() && !this.switching) {
      // The old words stay until the new ones arrive: events keep being applied meanwhile.
      this.switching = true;
      void this.prepare().then(() => {
        this.switching = false;
        this.host.render();
        this.sync();
      });
    }
  }

  /**
   * The launcher's marker: agent messages after the last event the candidate had on screen are unread.
   * On screen means the panel is open on the chat, not closed, nor on the bot, an article or the checks.
   */
  private readonly sync = () => {
    const session = this.session;
    if (this.disposed) return;
    this.follow();
    if (session && this.root.querySelector('.chat') && this.lastSeq > (session.seen ?? 0)) {
      session.seen = this.lastSeq;
      this.save();
    }
    const count = session ? this.log.filter((item) => this.isUnread(item, [session.seen ?? 0, Infinity])).length : 0;
    const text = count ? format(count > 1 ? this.strings!.unreadMany : this.strings!.unreadOne, { count: String(count) }) : '';
    this.marker.show(count, text, this.locale);
    if (this.settings?.titleCue !== false) this.cueTitle(count);
  };

  // --- the conversation on the gateway ---

  /** Validates the config (once per config object) and loads the words; false when the chat cannot run. */
  private async prepare(): Promise<boolean> {
    const configured = this.host.chatConfig();
    if (configured !== this.configInput) {
      this.configInput = configured;
      const checked = validate(ChatConfig, configured ?? {}, 'config.invalid', ['chat']);
      this.gateway = checked.ok ? new Gateway(checked.value.url, () => this.host.token() ?? checked.value.token, this.host.fetch) : undefined;
      this.settings = checked.ok ? checked.value : undefined;
      if (!checked.ok) (await describeInvalid(checked)).forEach(this.host.report);
    }
    const locale = this.host.locale();
    if (!this.strings || this.locale !== locale) {
      this.strings = await loadChatStrings(locale);
      this.locale = locale;
    }
    return !this.disposed;
  }

  /** The candidate's newest conversation if it is still going (queued, with an agent, or a ticket). */
  private async earlier(): Promise<ConversationView | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), LOOKUP_MS)));
      const newest = (await Promise.race([this.gateway!.request('conversations', undefined, ConversationList), late]))?.[0];
      return newest?.status === 'closed' ? undefined : newest;
    } catch {
      // Down, slow, refused or no token yet: a new conversation, as without the lookup. What still fails
      // fails again at Send, where it is reported and retried; nothing here may keep the candidate waiting.
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Back to a conversation started elsewhere: its whole history from the events, and no confirmation (nothing new is sent). */
  private rejoin(view: ConversationView): void {
    this.session = { ...newChat(), conversationId: view.id };
    this.save();
    this.stage = 'starting';
    this.rejoined = true;
    // The first line says why there is a conversation already (seq 0: before every event).
    this.announcement = this.strings!.rejoined;
    this.log.push({ seq: 0, at: new Date(this.host.now()).toISOString(), note: this.announcement });
    this.connect(view);
  }

  private async create(): Promise<void> {
    const session = this.session!;
    try {
      // A retry, even after a reload, sends the same key: the gateway answers with the same conversation.
      const view = await this.gateway!.request('conversations', { context: this.shared ?? this.host.context() }, ConversationView, { 'idempotency-key': session.key });
      session.conversationId = view.id;
      this.save();
      this.connect(view);
    } catch (error) {
      this.fail(error as LifelineError, () => this.create());
    }
  }

  /**
   * Re-attach after a reload (or a new token): the conversation's state now, then its events from the start.
   * A conversation the gateway no longer gives this candidate (another identity after the reload, a
   * conversation removed) is let go: "Talk to a person" looks for the candidate's own, or starts anew.
   */
  private async attach(): Promise<void> {
    try {
      this.connect(await this.gateway!.request(`conversations/${this.session!.conversationId}`, undefined, ConversationView));
    } catch (error) {
      if ((error as LifelineError).code !== 'chat.invalid') return this.fail(error as LifelineError, () => this.attach());
      this.host.report(error as LifelineError);
      this.reset();
      void this.open().then(this.host.render);
    }
  }

  private connect(view: ConversationView): void {
    if (this.disposed || this.session?.conversationId !== view.id) return;
    this.attempt = 0;
    if (this.stage === 'starting') this.stage = view.status === 'queued' ? 'queued' : view.status === 'closed' ? 'closed' : 'agent';
    this.position = view.position;
    this.waitSeconds = view.estimatedWaitSeconds;
    this.ticket = view.ticket;
    if (view.ticket) this.stage = 'ticket';
    this.listen();
    this.recovered();
  }

  /** The event stream, from the last seq seen (0: every event, as after a reload). */
  private listen(): void {
    this.stream?.stop();
    this.stream = this.gateway!.stream(this.session!.conversationId!, this.lastSeq, {
      open: () => this.recovered(),
      event: (event) => this.apply(event),
      problem: (error, fatal) => {
        if (fatal) this.stream = undefined;
        this.fail(error);
      },
    });
  }

  /** Sends the outbox in order, one message at a time; a retry carries the same clientMessageId, so nothing is sent twice. */
  private async flush(): Promise<void> {
    const id = this.session?.conversationId;
    if (this.sending || !id || this.paused) return;
    this.sending = true;
    try {
      for (let next = this.outbox[0]; next && this.session?.conversationId === id; next = this.outbox[0]) {
        try {
          const message = await this.gateway!.request(`conversations/${id}/messages`, { clientMessageId: next.clientMessageId, text: next.text }, Message);
          if (!this.log.some((item) => item.message?.id === message.id)) this.posted.push(next);
          this.down = false;
        } catch (error) {
          const again = retriable(error as LifelineError);
          this.fail(error as LifelineError, again ? () => void this.flush() : undefined);
          // chat.invalid (the gateway will never take it: a closed conversation, say) drops this message only.
          if (again || this.paused) return;
        }
        // (Its echo may have taken it out already.)
        if (this.session) this.drop(this.session.outbox, next.clientMessageId);
        this.save();
        this.host.render();
      }
    } finally {
      this.sending = false;
    }
  }

  private apply(event: ConversationEvent): void {
    // Replays after a reconnect, or two streams overlapping for a moment: each seq counts once. A typing
    // signal the gateway does not store may carry the seq of the last stored event: it still counts.
    if (event.seq < this.lastSeq || (event.seq === this.lastSeq && event.type !== 'agent_typing')) return;
    this.lastSeq = event.seq;
    const strings = this.strings!;
    const item: LogItem = { seq: event.seq, at: event.at };
    switch (event.type) {
      case 'message': {
        const { message } = event;
        item.message = message;
        const echo = message.clientMessageId;
        if (echo) {
          this.drop(this.posted, echo);
          // Delivered, though the answer to the send was lost: not sent again.
          if (this.session && this.drop(this.session.outbox, echo)) this.save();
        }
        if (message.author === 'agent') {
          this.typing = false;
          this.announcement = format(strings.said, { name: message.name ?? this.agent ?? strings.agent, text: message.text });
          // Heard only when it is not seen: the panel closed, or the exam in front of this tab.
          if (this.settings?.sound && (document.hidden || !this.onScreen) && event.seq > (this.session?.seen ?? 0)) chime();
        }
        break;
      }
      case 'agent_joined':
        this.agent = item.joined = event.agent.name;
        this.stage = 'agent';
        this.announcement = format(strings.joined, { name: event.agent.name });
        break;
      case 'agent_typing':
        this.typing = event.typing;
        clearTimeout(this.agentTypingTimer);
        if (event.typing) {
          this.agentTypingTimer = setTimeout(() => {
            this.typing = false;
            this.host.render();
          }, TYPING_TTL_MS);
        }
        break;
      case 'queue_update':
        this.position = event.position;
        this.waitSeconds = event.estimatedWaitSeconds;
        if (this.stage === 'starting') this.stage = 'queued';
        break;
      case 'transferred':
        this.stage = 'queued';
        this.agent = this.position = this.waitSeconds = undefined;
        this.announcement = item.note = strings.transferred;
        break;
      case 'ticket_created':
        this.ticket = event.ticket;
        this.stage = 'ticket';
        this.announcement = item.note = format(strings.ticket, { ticket: event.ticket });
        break;
      case 'csat_requested':
        this.rating = true;
        break;
      case 'closed':
        this.stage = 'closed';
        this.typing = false;
        this.rating = true;
        this.announcement = item.note = strings.closed;
        this.focusNext = '.chat .rating input';
        break;
    }
    if (item.message || item.joined || item.note) this.log.push(item);
    this.host.render();
    // With the panel closed, the render above changed nothing the observer would see.
    this.sync();
  }

  // --- failures ---

  /**
   * One place for every failure: a token the gateway refused pauses until setToken; network trouble
   * retries (`again`) with backoff and is reported once per outage; a refusal ends the chat.
   */
  private fail(error: LifelineError, again?: () => void): void {
    if (this.disposed) return;
    if (error.code === 'chat.unauthorized') {
      this.stream?.stop();
      this.stream = undefined;
      if (!this.paused) this.host.report(error);
      this.paused = true;
    } else if (retriable(error)) {
      if (!this.down) this.host.report(error);
      this.down = true;
      if (again) {
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(again, backoff(this.attempt++));
      }
    } else {
      this.host.report(error);
      // A conversation that is not there any more (403, 404 after a reload) or a create the gateway refuses.
      if (again) {
        this.finish();
        this.stage = 'failed';
      }
    }
    this.host.render();
  }

  private recovered(): void {
    this.down = false;
    this.host.render();
    void this.flush();
  }

  /** The browser is back online, or the tab is shown again: check the line now rather than at the next retry. */
  private readonly wake = () => {
    const session = this.session;
    if (document.visibilityState === 'hidden' || !session || this.paused) return;
    if (!this.down) return this.stream?.check();
    // Whatever was waiting for its backoff goes now: the create, the re-attach, or the stream from the last seq.
    clearTimeout(this.retryTimer);
    void (!session.conversationId ? this.create() : this.stream ? this.listen() : this.attach());
    void this.flush();
  };

  private tell(typing: boolean): void {
    clearTimeout(this.typingTimer);
    this.typingTimer = undefined;
    const id = this.session?.conversationId;
    // Best effort: a lost "typing" is not worth a retry or an error.
    if (id && this.stage === 'agent') this.gateway!.request(`conversations/${id}/typing`, { typing }).catch(() => undefined);
  }

  private drop(list: OutboxMessage[], clientMessageId: string): boolean {
    const index = list.findIndex((m) => m.clientMessageId === clientMessageId);
    if (index >= 0) list.splice(index, 1);
    return index >= 0;
  }

  private save(): void {
    if (this.session) saveChat(this.host.storage(), this.session);
  }

  /** The conversation is over for this widget: no stream, no retries, nothing stored. */
  private finish(): void {
    this.stream?.stop();
    this.stream = undefined;
    clearTimeout(this.retryTimer);
    clearTimeout(this.typingTimer);
    clearTimeout(this.agentTypingTimer);
    this.session = undefined;
    this.paused = this.down = false;
    if (!this.disposed) forgetChat(this.host.storage());
    this.sync();
  }

  private reset(): void {
    this.finish();
    Object.assign(this, { stage: 'confirm', shared: undefined, position: undefined, waitSeconds: undefined, agent: undefined, ticket: undefined, typing: false, rating: false, rejoined: false, lastSeq: 0, announcement: '' });
    this.log.length = this.posted.length = 0;
  }
}
