/**
 * @module The agent's desk: everything the console knows after sign-in (the queue, up to four open
 * chats with their unread counts and pending messages, the live line, presence), kept as one
 * immutable snapshot that Preact renders, and the actions that change it through the console API.
 */
import { TYPING_RENEW_MS, TYPING_TTL_MS, type AgentSession, type ConversationEvent } from '@lifeline/protocol';
import { connectEvents, newClientMessageId, type ConsoleApi, type ConsoleEvent, type ConsoleMessage, type ConversationDetail, type EventsConnection, type LineState, type Presence, type Queue, type QueueItem } from '../api/index.ts';

/** Chats side by side at most: more than four and replies slow down (the support targets). */
export const MAX_CHATS = 4;

/**
 * A pause this long in typing tells the candidate "the agent stopped typing" at once; within
 * `TYPING_TTL_MS`, so the widget's expiry is only for a console that went away mid-sentence.
 */
export const TYPING_IDLE_MS = 4000;

export type { Presence };

export interface PendingMessage {
  clientMessageId: string;
  text: string;
  private: boolean;
  /** `failed` keeps the text and the id: "Send again" reuses the id, so the gateway keeps one copy. */
  state: 'sending' | 'failed';
  code?: string;
}

export interface Chat {
  id: string;
  detail: ConversationDetail | undefined;
  loadError: string | undefined;
  pending: PendingMessage[];
  /** Candidate messages that arrived while another chat was in front. */
  unread: number;
  /** The candidate is typing: a `true` from the line, not renewed within `TYPING_TTL_MS`, turns false. */
  typing: boolean;
  /** The chat left this agent: closed (by anyone) or transferred. */
  ended: { kind: 'closed'; resolution?: string | undefined } | { kind: 'transferred'; queue: string } | undefined;
}

/** Something the screen reader should hear (the UI renders it into an aria-live region). */
export type Announcement =
  | { kind: 'message'; chatId: string; name: string; text: string }
  | { kind: 'arrival'; name: string }
  | { kind: 'taken'; name: string };

export interface DeskState {
  agent: AgentSession['agent'];
  queue: Queue;
  chats: Chat[];
  active: string | undefined;
  line: LineState;
  /** Unknown until the gateway says (see `start`): no chat is offered on a guess. */
  presence: Presence | undefined;
  /** The last API error to show (a code, see i18n `errorText`). */
  notice: string | undefined;
  /** Increases with every announcement, so the same words twice are still read. */
  announcement: (Announcement & { n: number }) | undefined;
}

export interface DeskOptions {
  /** Candidate messages in a chat that is not in front, and when the page is hidden; default: the document's. */
  isHidden?: () => boolean;
  events?: { silenceMs?: number; retryMs?: readonly number[] };
}

type Listener = (state: DeskState) => void;

export class Desk {
  private current: DeskState;
  private readonly listeners = new Set<Listener>();
  private line: EventsConnection | undefined;
  private announced = 0;
  private queueSeen = false;
  /** Chats whose candidate was told the agent is typing: when it was last said, and the timer that tells them it stopped. */
  private readonly agentTyping = new Map<string, { toldAt: number; idle: ReturnType<typeof setTimeout> }>();
  /** Chats whose candidate is typing, with the timer that ends it if nobody says so (TYPING_TTL_MS). */
  private readonly candidateTyping = new Map<string, ReturnType<typeof setTimeout>>();
  /** Reads of a conversation under way: a second ask waits for the first. */
  private readonly loading = new Map<string, Promise<void>>();

  constructor(
    private readonly api: ConsoleApi,
    session: AgentSession,
    private readonly options: DeskOptions = {},
    /** Called when the live line answers 401: the session is over. */
    private readonly onSignedOut: () => void = () => {},
  ) {
    this.current = { agent: session.agent, queue: { waiting: [], mine: [], tickets: [] }, chats: [], active: undefined, line: 'connecting', presence: undefined, notice: undefined, announcement: undefined };
  }

  get state(): DeskState {
    return this.current;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Opens the live line (the first `queue` event it sends opens the chats the agent already holds) and
   * restores the presence the gateway holds (the line keeps it fresh, but never changes it).
   */
  start(): void {
    if (!this.line) void this.restorePresence();
    this.line ??= connectEvents(this.api.openEvents, {
      onEvent: (event) => this.receive(event),
      onOpen: (again) => {
        if (!again) return;
        void this.reloadChats();
        // The gateway could not be asked at start: now it is reachable again.
        if (this.current.presence === undefined) void this.restorePresence();
      },
      onState: (line) => this.update({ line }),
      onSignedOut: () => this.onSignedOut(),
    }, this.options.events);
  }

  stop(): void {
    this.line?.close();
    this.line = undefined;
    for (const typing of this.agentTyping.values()) clearTimeout(typing.idle);
    this.agentTyping.clear();
    for (const timer of this.candidateTyping.values()) clearTimeout(timer);
    this.candidateTyping.clear();
  }

  // --- actions ---

  async take(which: string | 'next'): Promise<void> {
    if (this.openChats().length >= MAX_CHATS) return this.update({ notice: 'conversation.full' });
    const taken = await this.api.take(which);
    if (!taken.ok) return this.update({ notice: taken.code });
    const name = [...this.current.queue.waiting, ...this.current.queue.tickets].find((item) => item.id === taken.value.id)?.candidateName;
    this.update({
      notice: undefined,
      // It leaves the waiting list now; the queue event that follows says the same.
      queue: { ...this.current.queue, waiting: this.current.queue.waiting.filter((item) => item.id !== taken.value.id), tickets: this.current.queue.tickets.filter((item) => item.id !== taken.value.id) },
    });
    await this.open(taken.value.id, true);
    if (name) this.announce({ kind: 'taken', name });
  }

  /** Shows a conversation as a chat (taken, already held, or a lead looking in); `focus` brings it to the front. */
  async open(id: string, focus = false): Promise<void> {
    const shown = this.chat(id);
    if (!shown) {
      if (this.current.chats.length >= MAX_CHATS) this.dropEndedChat();
      if (this.current.chats.length >= MAX_CHATS) return this.update({ notice: 'conversation.full' });
      this.update({ chats: [...this.current.chats, { id, detail: undefined, loadError: undefined, pending: [], unread: 0, typing: false, ended: undefined }] });
    }
    if (focus || !this.current.active) this.focus(id);
    // Already shown (the queue event of a take can come before the take's answer): no second read,
    // which the audit log would record as a second opening.
    if (!shown || shown.loadError) await this.load(id);
    else await this.loading.get(id);
  }

  focus(id: string): void {
    if (!this.chat(id)) return;
    this.update({ active: id });
    this.patchChat(id, { unread: 0 });
  }

  /** The tab after the one in front, around. */
  focusNext(): void {
    const ids = this.current.chats.map((chat) => chat.id);
    if (!ids.length) return;
    const next = ids[(ids.indexOf(this.current.active ?? '') + 1) % ids.length]!;
    this.focus(next);
  }

  /**
   * A key in the reply box: the candidate is told when typing starts, again every `TYPING_RENEW_MS`
   * while it goes on (their screen forgets an unrenewed one), and when it stops.
   */
  typed(id: string): void {
    const now = Date.now();
    const told = this.agentTyping.get(id);
    clearTimeout(told?.idle);
    const renew = !told || now - told.toldAt >= TYPING_RENEW_MS;
    if (renew) void this.api.typing(id, true);
    this.agentTyping.set(id, { toldAt: renew ? now : told.toldAt, idle: setTimeout(() => this.stoppedTyping(id), TYPING_IDLE_MS) });
  }

  /** Sent, emptied, or paused: "typing" ends for the candidate (once). */
  stoppedTyping(id: string): void {
    const told = this.agentTyping.get(id);
    if (!told) return;
    clearTimeout(told.idle);
    this.agentTyping.delete(id);
    void this.api.typing(id, false);
  }

  async send(id: string, text: string, isPrivate: boolean, clientMessageId = newClientMessageId()): Promise<boolean> {
    this.stoppedTyping(id);
    const pending: PendingMessage = { clientMessageId, text, private: isPrivate, state: 'sending' };
    this.patchChat(id, (chat) => ({ pending: [...chat.pending.filter((p) => p.clientMessageId !== clientMessageId), pending] }));
    const sent = await this.api.send(id, { clientMessageId, text, private: isPrivate });
    if (!sent.ok) {
      this.patchChat(id, (chat) => ({ pending: chat.pending.map((p) => (p.clientMessageId === clientMessageId ? { ...p, state: 'failed' as const, code: sent.code } : p)) }));
      return false;
    }
    this.addMessage(id, { ...sent.value, private: isPrivate });
    return true;
  }

  retry(id: string, clientMessageId: string): Promise<boolean> {
    const pending = this.chat(id)?.pending.find((p) => p.clientMessageId === clientMessageId);
    return pending ? this.send(id, pending.text, pending.private, clientMessageId) : Promise.resolve(false);
  }

  async close(id: string, resolution: string): Promise<boolean> {
    const closed = await this.api.close(id, resolution);
    if (!closed.ok && closed.code !== 'conversation.closed') {
      this.update({ notice: closed.code });
      return false;
    }
    this.patchChat(id, { ended: { kind: 'closed', resolution }, typing: false });
    return true;
  }

  /** Back to a queue with a note for whoever takes it there; the chat ends here. */
  async transfer(id: string, queue: 'tier1' | 'tier2', note: string): Promise<boolean> {
    const moved = await this.api.transfer(id, queue, note);
    if (!moved.ok) {
      this.update({ notice: moved.code });
      return false;
    }
    this.patchChat(id, { ended: { kind: 'transferred', queue }, typing: false });
    return true;
  }

  /** A lead gives the conversation to an agent; the lead keeps watching it. */
  async assign(id: string, agentId: string): Promise<boolean> {
    const assigned = await this.api.assign(id, agentId);
    if (!assigned.ok) {
      this.update({ notice: assigned.code });
      return false;
    }
    await this.load(id);
    return true;
  }

  async setTags(id: string, tags: string[]): Promise<boolean> {
    const saved = await this.api.tags(id, tags);
    if (!saved.ok) {
      this.update({ notice: saved.code });
      return false;
    }
    this.patchChat(id, (chat) => (chat.detail ? { detail: { ...chat.detail, tags } } : {}));
    return true;
  }

  /** Removes a chat from the tabs (an ended one, or a lead's look-in). */
  dismiss(id: string): void {
    const chats = this.current.chats.filter((chat) => chat.id !== id);
    const active = this.current.active === id ? chats[0]?.id : this.current.active;
    this.update({ chats, active });
    if (active) this.focus(active);
  }

  /**
   * A reload keeps an "away"; anything else (no presence yet, or a console gone quiet) comes back
   * online, as a console that starts is an agent at the desk. Not known when the gateway cannot say.
   */
  private async restorePresence(): Promise<void> {
    const held = await this.api.readPresence();
    // The agent chose while the gateway answered: their choice stands.
    if (this.current.presence !== undefined) return;
    if (!held.ok) return this.update({ notice: held.code });
    if (held.value.status === 'away') return this.update({ presence: 'away' });
    await this.setPresence('online');
  }

  /** Shown at once; put back, with a notice, when the gateway refuses it. */
  async setPresence(presence: Presence): Promise<void> {
    const before = this.current.presence;
    this.update({ presence });
    const told = await this.api.presence(presence);
    if (!told.ok) this.update({ presence: before, notice: told.code });
  }

  dismissNotice(): void {
    this.update({ notice: undefined });
  }

  async reloadChat(id: string): Promise<void> {
    await this.load(id);
  }

  // --- the live line ---

  receive(event: ConsoleEvent): void {
    if (event.type === 'queue') return this.receiveQueue(event.queue);
    if (event.type === 'typing') return this.candidateTyped(event.conversationId, event.typing);
    if (event.type === 'connection') return this.receiveConnection(event.conversationId, event.connected);
    this.receiveConversationEvent(event.conversationId, event.event);
  }

  /** "…is typing" shows until the candidate says it stopped, sends, leaves, or lets `TYPING_TTL_MS` pass without renewing it. */
  private candidateTyped(id: string, typing: boolean): void {
    clearTimeout(this.candidateTyping.get(id));
    this.candidateTyping.delete(id);
    if (typing) this.candidateTyping.set(id, setTimeout(() => this.candidateTyped(id, false), TYPING_TTL_MS));
    if (this.chat(id)?.typing !== typing) this.patchChat(id, { typing });
  }

  /** The candidate's page connected or left: its line in the queue and its chat say so now. */
  private receiveConnection(id: string, candidateConnected: boolean): void {
    const mark = (items: QueueItem[]) => (items.some((item) => item.id === id) ? items.map((item) => (item.id === id ? { ...item, candidateConnected } : item)) : items);
    const { waiting, mine, tickets } = this.current.queue;
    this.update({ queue: { waiting: mark(waiting), mine: mark(mine), tickets: mark(tickets) } });
    this.patchChat(id, (chat) => (chat.detail ? { detail: { ...chat.detail, candidateConnected } } : {}));
    // A page that is gone types nothing.
    if (!candidateConnected) this.candidateTyped(id, false);
  }

  private receiveQueue(queue: Queue): void {
    const known = new Set(this.current.queue.waiting.map((item) => item.id));
    const arrived = queue.waiting.find((item) => !known.has(item.id));
    // The first queue after sign-in or a reload is what was already there, not an arrival to alert about.
    const firstSeen = !this.queueSeen;
    this.queueSeen = true;
    this.update({ queue });
    if (arrived && !firstSeen && this.current.presence === 'online') this.announce({ kind: 'arrival', name: arrived.candidateName });
    // Chats held but not shown (taken in another tab, reassigned by a lead, after a reload): show them.
    for (const item of queue.mine) {
      if (!this.chat(item.id) && this.current.chats.length < MAX_CHATS) void this.open(item.id);
    }
  }

  private receiveConversationEvent(id: string, event: ConversationEvent): void {
    if (!this.chat(id)) return;
    if (event.type === 'message') {
      this.addMessage(id, { ...event.message, private: false });
      if (event.message.author !== 'candidate') return;
      this.candidateTyped(id, false);
      if (this.current.active !== id || this.hidden()) {
        this.patchChat(id, (chat) => ({ unread: chat.unread + 1 }));
      }
      const chat = this.chat(id);
      this.announce({ kind: 'message', chatId: id, name: chat?.detail?.candidateName ?? '', text: event.message.text });
    } else if (event.type === 'closed') {
      this.patchChat(id, (chat) => ({ ended: chat.ended ?? { kind: 'closed' }, typing: false }));
    } else if (event.type === 'transferred') {
      this.patchChat(id, { ended: { kind: 'transferred', queue: event.queue }, typing: false });
    }
  }

  /** After the line dropped: what the open chats missed (the line does not replay). */
  private async reloadChats(): Promise<void> {
    await Promise.all(this.current.chats.map((chat) => this.load(chat.id)));
  }

  // --- state ---

  private load(id: string): Promise<void> {
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.read(id).finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  private async read(id: string): Promise<void> {
    const loaded = await this.api.conversation(id);
    if (!loaded.ok) return this.patchChat(id, { loadError: loaded.code });
    const detail = loaded.value;
    this.patchChat(id, (chat) => {
      // Messages that arrived on the line while loading are in the answer too, or still to come: keep both, once.
      const byId = new Map<string, ConsoleMessage>(detail.messages.map((m) => [m.id, m]));
      for (const m of chat.detail?.messages ?? []) if (!byId.has(m.id)) byId.set(m.id, m);
      const messages = [...byId.values()].sort((a, b) => a.at.localeCompare(b.at));
      const done = new Set(messages.map((m) => m.clientMessageId).filter(Boolean));
      return {
        detail: { ...detail, messages },
        loadError: undefined,
        pending: chat.pending.filter((p) => !done.has(p.clientMessageId)),
        ended: chat.ended ?? (detail.status === 'closed' ? { kind: 'closed', resolution: detail.resolution } : undefined),
      };
    });
  }

  private addMessage(id: string, message: ConsoleMessage): void {
    this.patchChat(id, (chat) => {
      const pending = chat.pending.filter((p) => p.clientMessageId !== message.clientMessageId);
      if (!chat.detail) return { pending };
      if (chat.detail.messages.some((m) => m.id === message.id)) return { pending };
      return { pending, detail: { ...chat.detail, messages: [...chat.detail.messages, message] } };
    });
  }

  private dropEndedChat(): void {
    const ended = this.current.chats.find((chat) => chat.ended && chat.id !== this.current.active);
    if (ended) this.dismiss(ended.id);
  }

  private openChats(): Chat[] {
    return this.current.chats.filter((chat) => !chat.ended);
  }

  private chat(id: string): Chat | undefined {
    return this.current.chats.find((chat) => chat.id === id);
  }

  private hidden(): boolean {
    return this.options.isHidden ? this.options.isHidden() : typeof document !== 'undefined' && document.visibilityState === 'hidden';
  }

  private announce(announcement: Announcement): void {
    this.announced += 1;
    this.update({ announcement: { ...announcement, n: this.announced } });
  }

  private patchChat(id: string, patch: Partial<Chat> | ((chat: Chat) => Partial<Chat>)): void {
    if (!this.chat(id)) return;
    this.update({ chats: this.current.chats.map((chat) => (chat.id === id ? { ...chat, ...(typeof patch === 'function' ? patch(chat) : patch) } : chat)) });
  }

  private update(patch: Partial<DeskState>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of this.listeners) listener(this.current);
  }
}
