/** @module The live queue: who is waiting, most urgent first (the gateway's order), with enough to choose without opening; "Take next" and take one. */
import type { Queue, QueueItem } from '../api/index.ts';
import { format, wordFor, type ConsoleLocale, type Strings } from '../i18n/index.ts';
import { shortcutLabel } from '../shortcuts/index.ts';
import { Connection } from './Connection.tsx';

/** A first reply within a minute is the support target (DESIGN.md): a longer wait is marked. */
export const FIRST_REPLY_TARGET_MS = 60_000;

export interface QueueListProps {
  strings: Strings;
  locale: ConsoleLocale;
  queue: Queue;
  capacity: number;
  now: number;
  /** False while the agent is away or has no free chat: the buttons stay, disabled. */
  canTake: boolean;
  onTake(id: string): void;
  onTakeNext(): void;
  /** Leads only: open a waiting conversation without taking it (to read it, or assign it). */
  onLookIn?: ((id: string) => void) | undefined;
}

export function QueueList({ strings, locale, queue, capacity, now, canTake, onTake, onTakeNext, onLookIn }: QueueListProps) {
  return (
    <section class="queue" aria-labelledby="queue-title">
      <div class="queue-head">
        <h2 id="queue-title">
          {strings.queueTitle} <span class="count">{format(strings.waitingCount, { count: queue.waiting.length })}</span>
        </h2>
        <button type="button" class="primary" onClick={onTakeNext} disabled={!canTake || queue.waiting.length === 0} aria-keyshortcuts="Alt+N">
          {strings.takeNext} <kbd>{shortcutLabel('takeNext')}</kbd>
        </button>
      </div>
      {queue.waiting.length === 0 ? (
        <p class="muted empty">{strings.queueEmpty}</p>
      ) : (
        <ol class="queue-items">
          {queue.waiting.map((item) => (
            <QueueRow key={item.id} item={item} strings={strings} locale={locale} now={now} canTake={canTake} onTake={onTake} onLookIn={onLookIn} />
          ))}
        </ol>
      )}
      <p class="mine">{format(strings.myChats, { count: queue.mine.length, capacity })}</p>
      {queue.tickets.length > 0 && (
        <section class="tickets" aria-labelledby="tickets-title">
          <h2 id="tickets-title">
            {strings.ticketsTitle} <span class="count">{queue.tickets.length}</span>
          </h2>
          <p class="muted">{strings.ticketsNote}</p>
          <ol class="queue-items">
            {queue.tickets.map((item) => (
              <QueueRow key={item.id} item={item} strings={strings} locale={locale} now={now} canTake={canTake} onTake={onTake} onLookIn={onLookIn} />
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}

interface QueueRowProps {
  item: QueueItem;
  strings: Strings;
  locale: ConsoleLocale;
  now: number;
  canTake: boolean;
  onTake(id: string): void;
  onLookIn: ((id: string) => void) | undefined;
}

function QueueRow({ item, strings, locale, now, canTake, onTake, onLookIn }: QueueRowProps) {
  const waitedMs = Math.max(0, now - Date.parse(item.createdAt));
  const minutes = Math.floor(waitedMs / 60_000);
  const late = waitedMs > FIRST_REPLY_TARGET_MS;
  const start = item.examStart ? examStartText(strings, locale, item.examStart, now) : undefined;
  const nameId = `queue-name-${item.id}`;
  return (
    <li class={`queue-item phase-${item.phase}`} aria-labelledby={nameId} data-conversation={item.id}>
      <div class="line">
        <strong id={nameId}>{item.candidateName}</strong>
        <span class={`phase phase-${item.phase}`}>{wordFor(strings, 'phase', item.phase)}</span>
        {item.queue === 'tier2' && <span class="tag">{strings.queue_tier2}</span>}
        <Connection strings={strings} connected={item.candidateConnected} />
      </div>
      <div class="line muted">
        {item.examName}
        {start && ` · ${start}`}
      </div>
      <q class="question">{item.firstQuestion ?? strings.noQuestion}</q>
      <div class="line">
        <span class={late ? 'waited late' : 'waited'}>
          {format(strings.minutesWaiting, { minutes })}
          {late && <span class="visually-hidden">, {strings.overTarget}</span>}
        </span>
        {item.checksCode && <code class="code">{format(strings.checksCode, { code: item.checksCode })}</code>}
        {onLookIn && (
          <button type="button" class="push" onClick={() => onLookIn(item.id)} aria-label={format(strings.lookInLabel, { name: item.candidateName })}>
            {strings.lookIn}
          </button>
        )}
        <button type="button" class={onLookIn ? undefined : 'push'} onClick={() => onTake(item.id)} disabled={!canTake} aria-label={format(strings.takeLabel, { name: item.candidateName })}>
          {strings.take}
        </button>
      </div>
    </li>
  );
}

/** "starts 09:00", or "started 09:00" once it has: an exam under way is not still to come. */
export function examStartText(strings: Strings, locale: ConsoleLocale, examStart: string, now: number): string {
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(examStart));
  return format(Date.parse(examStart) <= now ? strings.examStarted : strings.examStarts, { time });
}
