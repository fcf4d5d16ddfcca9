/**
 * @module The gateway as the chat sees it: JSON requests that carry the candidate token, and the
 * conversation's event stream (fetch-event-source), resumed from Last-Event-ID and reconnected with
 * backoff and jitter. Every failure is a LifelineError: chat.unauthorized (401: the host must call
 * setToken), chat.invalid (the gateway refused the request: retrying cannot help), chat.unavailable
 * (network or server trouble: retrying can).
 */
import { ApiError, ConversationEvent, LifelineError, SupportStatus } from '@lifeline/protocol';
import { fetchEventSource } from '@microsoft/fetch-event-source';
import type * as z from 'zod/mini';

export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 30_000;
/** The gateway writes `: heartbeat` every 15 s: three missed mean the line is dead, even if TCP has not noticed yet. */
export const STALE_MS = 45_000;

/**
 * The wait before retry number `attempt` (0 first): exponential, capped, with "equal jitter" (half fixed,
 * half random), so that a gateway coming back is not hit by every candidate in the same second.
 */
export function backoff(attempt: number, random = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return ceiling / 2 + (random() * ceiling) / 2;
}

/** Whether waiting and trying again can help. */
export const retriable = (error: LifelineError) => error.code === 'chat.unavailable';

export interface StreamHandlers {
  open(): void;
  event(event: ConversationEvent): void;
  /** The line dropped (`fatal` false: a retry is on its way) or cannot go on (`fatal` true). */
  problem(error: LifelineError, fatal: boolean): void;
}

export interface Stream {
  stop(): void;
  /** Drops the line at once if nothing, not even a heartbeat, came for STALE_MS (a tab the browser froze). */
  check(): void;
}

export class Gateway {
  private readonly base: string;

  constructor(
    url: string,
    private readonly token: () => string | undefined,
    private readonly fetcher: typeof fetch,
  ) {
    // The candidate API lives under <url>/v1/; a gateway behind a path prefix keeps its prefix.
    this.base = new URL(url, globalThis.location?.href).href.replace(/\/?$/, '/v1/');
  }

  /** `schema` reads the answer; without one the answer is not read (204). */
  async request<T>(path: string, body?: unknown, schema?: z.ZodMiniType<T>, headers?: Record<string, string>): Promise<T> {
    const init: RequestInit = {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...this.auth(), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? null : JSON.stringify(body),
    };
    let response: Response;
    try {
      response = await this.fetcher(this.base + path, init);
    } catch (cause) {
      throw unavailable(cause);
    }
    if (!response.ok) throw await refusal(response);
    if (!schema) return undefined as T;
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new LifelineError('chat.invalid', `the gateway's answer to ${path} is not what the widget expects: are the widget and the gateway the same version?`, { cause: parsed.error });
    return parsed.data;
  }

  /** Whether people are answering now (`GET /v1/status`, no token needed); undefined when the gateway cannot say. */
  async status(): Promise<SupportStatus | undefined> {
    const response = await this.fetcher(`${this.base}status`).catch(() => undefined);
    const parsed = SupportStatus.safeParse(await response?.json().catch(() => undefined));
    return parsed.success ? parsed.data : undefined;
  }

  /** Listens to a conversation's events after `afterSeq`; reconnects by itself until `stop()` or a fatal problem. */
  stream(conversationId: string, afterSeq: number, on: StreamHandlers): Stream {
    const stop = new AbortController();
    let attempt = 0;
    let heard = Date.now();
    let drop = () => {};
    let stale: ReturnType<typeof setTimeout> | undefined;
    const alive = () => {
      heard = Date.now();
      clearTimeout(stale);
      stale = setTimeout(drop, STALE_MS);
    };
    fetchEventSource(`${this.base}conversations/${conversationId}/events`, {
      // fetch-event-source keeps `last-event-id` up to date itself (lower case, so it is one header, not two).
      headers: afterSeq > 0 ? { 'last-event-id': String(afterSeq) } : {},
      signal: stop.signal,
      // Stay connected while the tab is hidden: candidates switch to the exam or the proctoring app while
      // they wait, and the agent's reply must arrive meanwhile, not on return. (The library's default closes the
      // stream on every hide and replays on every show.) A stream a sleeping laptop or a frozen tab lost is
      // caught by the heartbeat watchdog, and `check()` on visibilitychange.
      openWhenHidden: true,
      fetch: async (input, init) => {
        // Our own line controller: the watchdog can drop this connection and let the library retry.
        const line = new AbortController();
        drop = () => line.abort();
        init?.signal?.addEventListener('abort', drop);
        const response = await this.fetcher(input, { ...init, headers: { ...init?.headers, ...this.auth() }, signal: line.signal });
        alive();
        // Every chunk, heartbeats included, feeds the watchdog; dropping the line errors the body at once.
        const body = response.ok && response.body?.pipeThrough(new TransformStream({ transform: (chunk, out) => (alive(), out.enqueue(chunk)) }), { signal: line.signal });
        return body ? new Response(body, response) : response;
      },
      onopen: async (response) => {
        if (!response.ok) throw await refusal(response);
        attempt = 0;
        on.open();
      },
      onmessage: (message) => {
        let data: unknown;
        try {
          data = JSON.parse(message.data);
        } catch {
          // A frame without JSON data is not an event; nothing to do.
        }
        const parsed = ConversationEvent.safeParse(data);
        if (parsed.success) on.event(parsed.data);
        else if (data !== undefined) on.problem(new LifelineError('chat.invalid', `an event of type "${message.event}" from the gateway is not one the widget knows; update the widget`, { cause: parsed.error }), false);
      },
      onclose: () => {
        // The gateway never ends a stream on purpose (a proxy or a restart did): go through onerror and retry.
        throw unavailable('the stream ended');
      },
      onerror: (cause: unknown) => {
        clearTimeout(stale);
        const error = cause instanceof LifelineError ? cause : unavailable(cause);
        if (!retriable(error)) throw error;
        on.problem(error, false);
        return backoff(attempt++);
      },
    }).then(
      () => clearTimeout(stale),
      (error: LifelineError) => {
        clearTimeout(stale);
        if (!stop.signal.aborted) on.problem(error, true);
      },
    );
    return {
      stop: () => stop.abort(),
      check: () => {
        if (Date.now() - heard > STALE_MS) drop();
      },
    };
  }

  private auth(): Record<string, string> {
    const token = this.token();
    if (!token) throw new LifelineError('chat.unauthorized', "there is no candidate token: give chat.token in the config, or call Lifeline('setToken', token) with the one your backend signs");
    return { authorization: `Bearer ${token}` };
  }
}

function unavailable(cause: unknown): LifelineError {
  return new LifelineError('chat.unavailable', `the gateway cannot be reached (${String(cause)}); retrying`, { cause });
}

/** The gateway's error answer as a LifelineError: it says what the gateway said. */
async function refusal(response: Response): Promise<LifelineError> {
  const answer = ApiError.safeParse(await response.json().catch(() => undefined));
  const said = answer.success ? `${answer.data.error.code}: ${answer.data.error.message}` : response.statusText;
  const { status } = response;
  if (status === 401) return new LifelineError('chat.unauthorized', `the gateway refused the candidate token (${said}); call Lifeline('setToken', token) with a fresh one`);
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return new LifelineError('chat.invalid', `the gateway refused the request with ${status} (${said})`);
  return new LifelineError('chat.unavailable', `the gateway answered ${status} (${said}); retrying`);
}
