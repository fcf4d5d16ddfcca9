/**
 * @module The console's live line (`GET /console/api/events`), read with fetch and a small SSE parser.
 *
 * Why not EventSource: it hides the status of a failed connection, so a session that expired looks
 * like a network blip and it retries forever; here a 401 signs the agent out. Why not
 * fetch-event-source (the widget's choice, for its Authorization header): the console needs no
 * header (the cookie goes with every same-origin request) nor `Last-Event-ID` (this stream does not
 * replay; the console reloads the queue and its open chats on every reconnect), so forty lines do.
 */
import type { ConsoleLiveEvents } from '@lifeline/protocol';

/** A frame of the live line as the console uses it: the event's name as `type`, beside its data (`ConsoleLiveEvents`). */
export type ConsoleEvent =
  | { type: 'queue'; queue: ConsoleLiveEvents['queue'] }
  | ({ type: 'conversation' } & ConsoleLiveEvents['conversation'])
  | ({ type: 'typing' } & ConsoleLiveEvents['typing'])
  | ({ type: 'connection' } & ConsoleLiveEvents['connection']);

export interface SseFrame {
  event: string;
  data: string;
}

/** An incremental SSE parser (the WHATWG event-stream rules the console needs): feed text, get whole frames. */
export function parseSse(): { push(text: string): SseFrame[] } {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  return {
    push(text) {
      let pending = buffer + text;
      // A "\r" at the very end may be the first half of "\r\n": wait for the next piece to tell.
      const held = pending.endsWith('\r') ? '\r' : '';
      if (held) pending = pending.slice(0, -1);
      const frames: SseFrame[] = [];
      const lines = pending.split(/\r\n|\r|\n/);
      // The last piece has no line end yet.
      buffer = (lines.pop() ?? '') + held;
      for (const line of lines) {
        if (line === '') {
          if (data.length) frames.push({ event: event || 'message', data: data.join('\n') });
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      return frames;
    },
  };
}

/** A frame as the console uses it, or undefined for an event it does not know or data that is not JSON. */
export function toConsoleEvent(frame: SseFrame): ConsoleEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(frame.data);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (frame.event === 'queue' && 'waiting' in value && 'mine' in value) return { type: 'queue', queue: { tickets: [], ...(value as Omit<ConsoleLiveEvents['queue'], 'tickets'>) } };
  if (frame.event === 'conversation' && 'conversationId' in value && 'event' in value) return { type: 'conversation', ...(value as ConsoleLiveEvents['conversation']) };
  if (frame.event === 'typing' && 'conversationId' in value && 'typing' in value) return { type: 'typing', ...(value as ConsoleLiveEvents['typing']) };
  if (frame.event === 'connection' && 'conversationId' in value && 'connected' in value) return { type: 'connection', ...(value as ConsoleLiveEvents['connection']) };
  return undefined;
}

export type LineState = 'connecting' | 'open' | 'retrying';

export interface EventsHandlers {
  onEvent(event: ConsoleEvent): void;
  /** Each time the line opens; `again` after a drop, when the console reloads what it may have missed. */
  onOpen(again: boolean): void;
  onState(state: LineState): void;
  /** 401: the session ended (expired, or signed out elsewhere). The line stays closed. */
  onSignedOut(): void;
}

export interface EventsOptions {
  /** The gateway sends a heartbeat every 15 s: three missed mean the line is dead even if the socket is not. */
  silenceMs?: number;
  /** Waits before each retry, the last repeated; each gets up to 50 % jitter so agents do not reconnect in step. */
  retryMs?: readonly number[];
}

export interface EventsConnection {
  close(): void;
}

const DEFAULT_RETRY_MS = [500, 1000, 2000, 5000, 10_000];

export function connectEvents(open: (signal: AbortSignal) => Promise<Response>, handlers: EventsHandlers, options: EventsOptions = {}): EventsConnection {
  const silenceMs = options.silenceMs ?? 45_000;
  const retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
  let closed = false;
  let current: AbortController | undefined;
  let wake: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  /** One connection, read to its end: 'opened' when it got as far as a 200. */
  async function readOnce(openedBefore: boolean): Promise<'opened' | 'failed' | 'signed_out'> {
    const controller = (current = new AbortController());
    let reached = false;
    let silence: ReturnType<typeof setTimeout> | undefined;
    const listen = () => {
      clearTimeout(silence);
      silence = setTimeout(() => controller.abort(), silenceMs);
    };
    try {
      const response = await open(controller.signal);
      if (response.status === 401) return 'signed_out';
      if (!response.ok || !response.body) return 'failed';
      reached = true;
      handlers.onState('open');
      handlers.onOpen(openedBefore);
      listen();
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const parser = parseSse();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        listen();
        for (const frame of parser.push(decoder.decode(value, { stream: true }))) {
          const event = toConsoleEvent(frame);
          if (event) handlers.onEvent(event);
        }
      }
      return 'opened';
    } catch {
      return reached ? 'opened' : 'failed';
    } finally {
      clearTimeout(silence);
      controller.abort();
    }
  }

  void (async () => {
    let opened = false;
    let failures = 0;
    handlers.onState('connecting');
    while (!closed) {
      const outcome = await readOnce(opened);
      if (closed) return;
      if (outcome === 'signed_out') {
        handlers.onSignedOut();
        return;
      }
      // A line that opened and later dropped starts the waits again from the shortest.
      if (outcome === 'opened') {
        opened = true;
        failures = 0;
      }
      handlers.onState('retrying');
      const base = retryMs[Math.min(failures, retryMs.length - 1)] ?? 1000;
      failures += 1;
      await sleep(base * (1 + Math.random() * 0.5));
    }
  })();

  return {
    close() {
      closed = true;
      current?.abort();
      wake?.();
    },
  };
}
