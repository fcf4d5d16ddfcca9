/**
 * @module The chat view: the confirmation of what the agent will see, then the queue, the messages with
 * their times, the agent typing, the end and the rating. New agent messages are announced politely.
 * @jsxRuntime classic
 * @jsx h
 * @jsxFrag Fragment
 */
import { Fragment, h } from 'preact';
import type { Message, OutboxMessage, SessionContext } from '@lifeline/protocol';
import { format, type UiStrings } from '../i18n/index.ts';
import type { ChatStrings } from './i18n/index.ts';

export type Stage = 'confirm' | 'starting' | 'queued' | 'agent' | 'ticket' | 'closed' | 'rated' | 'failed';

/** One line of the conversation, in the gateway's order (seq): a message, an agent joining, or a note. */
export interface LogItem {
  seq: number;
  at: string;
  message?: Message;
  joined?: string;
  note?: string;
}

/** What the view reads from the flow, and what its buttons ask the flow to do. */
export interface ChatModel {
  readonly stage: Stage;
  /** What the confirmation shows. */
  readonly shared: SessionContext | undefined;
  readonly position: number | undefined;
  readonly waitSeconds: number | undefined;
  readonly agent: string | undefined;
  readonly typing: boolean;
  /** The rating form is shown (the agent closed the chat or asked for it). */
  readonly rating: boolean;
  readonly ticket: string | undefined;
  readonly log: readonly LogItem[];
  readonly posted: readonly OutboxMessage[];
  readonly outbox: readonly OutboxMessage[];
  readonly down: boolean;
  readonly paused: boolean;
  /** The last thing worth announcing: a new agent message, the agent joining, the end. */
  readonly announcement: string;
  /** The conversation was started before, elsewhere (another tab), and found again on "Talk to a person". */
  readonly rejoined: boolean;
  readonly locale: string;
  articleTitle(id: string): string | undefined;
  /** An agent message the candidate has not had on screen yet. */
  isUnread(item: LogItem): boolean;
  confirm(): void;
  leave(): void;
  say(text: string): void;
  typed(): void;
  rate(score: number, comment: string): void;
  done(): void;
  /** Leaves a ticket found again to the agents and starts a new conversation. */
  fresh(): void;
}

interface Props {
  flow: ChatModel;
  strings: ChatStrings;
  ui: UiStrings;
}

export function ChatView({ flow, strings, ui }: Props) {
  return (
    <section class="chat" aria-labelledby="lifeline-chat-title">
      <button type="button" class="chip back" onClick={flow.leave}>
        <span aria-hidden="true">{'‹ '}</span>
        {ui.back}
      </button>
      <h3 id="lifeline-chat-title" tabIndex={-1}>
        {strings.title}
      </h3>
      {flow.stage === 'confirm' ? (
        // Nothing to confirm until the gateway has said whether a conversation is still going (at most LOOKUP_MS).
        flow.shared ? (
          <Confirm flow={flow} strings={strings} ui={ui} />
        ) : (
          <p class="status" role="status">
            {strings.looking}
          </p>
        )
      ) : flow.stage === 'failed' ? (
        <p class="status" role="alert">
          {strings.invalid}
        </p>
      ) : (
        <Conversation flow={flow} strings={strings} ui={ui} />
      )}
    </section>
  );
}

/** Everything the agent will receive, in the candidate's words, before anything is sent. */
function Confirm({ flow, strings, ui }: Props) {
  const { entries, checks, page, userAgent } = flow.shared!;
  const questions = entries.flatMap((e) => (e.type === 'question' ? [e.text] : []));
  const helped = new Map(entries.flatMap((e) => (e.type === 'feedback' ? [[e.articleId, e.helpful] as const] : [])));
  const articles = [...new Set(entries.flatMap((e) => (e.type === 'article' || e.type === 'feedback' ? [e.articleId] : [])))];
  return (
    <>
      <p>{strings.confirmIntro}</p>
      <dl class="shared">
        <dt>{strings.sharedQuestions}</dt>
        {questions.length ? questions.map((question, i) => <dd key={i}>{question}</dd>) : <dd>{strings.nothingAsked}</dd>}
        {articles.length > 0 && <dt>{strings.sharedArticles}</dt>}
        {articles.map((id) => (
          <dd key={id}>
            {flow.articleTitle(id) ?? id}
            {helped.has(id) && ` (${helped.get(id) ? strings.helped : strings.didNotHelp})`}
          </dd>
        ))}
        {checks && (
          <>
            <dt>{strings.sharedChecks}</dt>
            <dd>{format(ui.checksDone, { passed: String(checks.results.filter((r) => r.status === 'pass').length), total: String(checks.results.length), code: checks.code })}</dd>
          </>
        )}
        <dt>{strings.sharedPage}</dt>
        <dd>{page}</dd>
        <dt>{strings.sharedBrowser}</dt>
        <dd>{userAgent}</dd>
      </dl>
      <div class="row">
        <button type="button" class="btn" onClick={flow.confirm}>
          {strings.confirmSend}
        </button>
        <button type="button" class="chip" onClick={flow.leave}>
          {strings.cancel}
        </button>
      </div>
    </>
  );
}

function Conversation({ flow, strings }: Props) {
  const open = !flow.rating && flow.stage !== 'rated' && flow.stage !== 'closed';
  return (
    <>
      <p class="status" role="status">
        {status(flow, strings)}
      </p>
      <ol class="log" aria-label={strings.title}>
        {flow.log.map((item) => (
          <Line key={item.seq} item={item} flow={flow} strings={strings} />
        ))}
        {[...flow.posted, ...flow.outbox].map((message) => (
          <li key={message.clientMessageId} class="msg you">
            <Said who={strings.you} at={message.at} locale={flow.locale} />
            <p>{message.text}</p>
            {flow.outbox.includes(message) && <p class="when">{strings.sending}</p>}
          </li>
        ))}
      </ol>
      {flow.typing && <p class="status">{format(strings.typing, { name: flow.agent ?? strings.agent })}</p>}
      {/* A ticket from before (hours or days ago, maybe about another exam): help now is one press away. */}
      {flow.rejoined && flow.stage === 'ticket' && (
        <button type="button" class="chip" onClick={flow.fresh}>
          {strings.startNew}
        </button>
      )}
      {/* Only what the agent says is announced: the candidate's own words are not read back. */}
      <p class="sr" aria-live="polite">
        {flow.announcement}
      </p>
      {flow.rating && flow.stage !== 'rated' && <Rating flow={flow} strings={strings} />}
      {flow.stage === 'rated' && (
        <button type="button" class="btn done" onClick={flow.done}>
          {strings.done}
        </button>
      )}
      {open && (
        <form
          class="say"
          onSubmit={(event) => {
            event.preventDefault();
            const input = event.currentTarget.elements.namedItem('message') as HTMLInputElement;
            flow.say(input.value);
            input.value = '';
          }}
        >
          <label class="sr" for="lifeline-message">
            {strings.messageLabel}
          </label>
          <input id="lifeline-message" name="message" type="text" autoComplete="off" maxLength={4000} placeholder={strings.messagePlaceholder} onInput={flow.typed} />
          <button type="submit" class="btn">
            {strings.send}
          </button>
        </form>
      )}
    </>
  );
}

function status(flow: ChatModel, strings: ChatStrings): string {
  if (flow.paused) return strings.unauthorized;
  if (flow.down) return globalThis.navigator?.onLine === false ? strings.offline : strings.reconnecting;
  const wait = flow.waitSeconds === undefined ? strings.noEstimate : flow.waitSeconds < 60 ? strings.waitUnderMinute : format(strings.waitMinutes, { minutes: String(Math.round(flow.waitSeconds / 60)) });
  switch (flow.stage) {
    case 'queued':
      return flow.position ? `${flow.position === 1 ? strings.queuedNext : format(strings.queued, { position: String(flow.position) })} ${wait}` : strings.starting;
    case 'agent':
      return format(strings.withAgent, { name: flow.agent ?? strings.agent });
    case 'ticket':
      // Why it became a ticket is the conversation's note, said once; the status only says it is open.
      return format(strings.ticketOpen, { ticket: flow.ticket ?? '' });
    case 'closed':
      return strings.closed;
    case 'rated':
      return strings.rated;
    default:
      return strings.starting;
  }
}

function Line({ item, flow, strings }: { item: LogItem; flow: ChatModel; strings: ChatStrings }) {
  const { message } = item;
  if (!message || message.author === 'system') return <li class="note">{message?.text ?? item.note ?? format(strings.joined, { name: item.joined ?? '' })}</li>;
  const mine = message.author === 'candidate';
  return (
    <li class={mine ? 'msg you' : flow.isUnread(item) ? 'msg bot unread' : 'msg bot'}>
      <Said who={mine ? strings.you : (message.name ?? flow.agent ?? strings.agent)} at={message.at} locale={flow.locale} />
      <p>{message.text}</p>
    </li>
  );
}

/** Who wrote it and when, as a line above the text. */
function Said({ who, at, locale }: { who: string; at: string | number; locale: string }) {
  const time = new Date(at);
  return (
    <p class="when">
      <strong>{who}</strong> <time dateTime={typeof at === 'string' ? at : time.toISOString()}>{time.toLocaleTimeString(locale === 'es' ? 'es' : 'en', { hour: 'numeric', minute: '2-digit' })}</time>
    </p>
  );
}

function Rating({ flow, strings }: { flow: ChatModel; strings: ChatStrings }) {
  return (
    <form
      class="rating"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const score = Number(form.get('score'));
        if (score) flow.rate(score, String(form.get('comment') ?? ''));
      }}
    >
      <p class="title">{strings.rateTitle}</p>
      <fieldset>
        <legend>{strings.rateLegend}</legend>
        {strings.scores.map((label, i) => (
          <label key={label} class="chip">
            <input type="radio" name="score" value={i + 1} required />
            {label}
          </label>
        ))}
      </fieldset>
      <label for="lifeline-comment">{strings.comment}</label>
      <textarea id="lifeline-comment" name="comment" maxLength={2000} rows={3} />
      <button type="submit" class="btn">
        {strings.rateSend}
      </button>
    </form>
  );
}
