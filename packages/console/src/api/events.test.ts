import { describe, expect, it, vi } from 'vitest';
import { connectEvents, parseSse, toConsoleEvent, type EventsHandlers, type SseFrame } from './events.ts';

/** The gateway's frames as Hono's writeSSE writes them (packages/gateway/src/console-api.ts). */
const WIRE =
  'event: queue\ndata: {"waiting":[],"mine":[]}\n\n' +
  ': heartbeat\n\n' +
  'event: conversation\ndata: {"conversationId":"c1","event":{"type":"closed","seq":4,"at":"2026-11-24T09:00:00.000Z"}}\n\n' +
  'event: typing\r\ndata: {"conversationId":"c1","typing":true}\r\n\r\n';

describe('parseSse', () => {
  it('reads the same frames whether the text comes at once or one character at a time', () => {
    const whole = parseSse().push(WIRE);
    const parser = parseSse();
    const byChar: SseFrame[] = [];
    for (const char of WIRE) byChar.push(...parser.push(char));
    expect(byChar).toEqual(whole);
    expect(whole.map((frame) => frame.event)).toEqual(['queue', 'conversation', 'typing']);
    expect(whole[0]!.data).toBe('{"waiting":[],"mine":[]}');
  });

  it('joins data lines with a newline, names an unnamed event "message", and skips comments and empty frames', () => {
    expect(parseSse().push('data: a\ndata:b\n\n: only a comment\n\nevent: x\n\n')).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('keeps a frame that has not ended yet for the next push', () => {
    const parser = parseSse();
    expect(parser.push('event: typing\ndata: {"conversationId":"c1",')).toEqual([]);
    expect(parser.push('"typing":false}\n\n')).toEqual([{ event: 'typing', data: '{"conversationId":"c1","typing":false}' }]);
  });
});

describe('toConsoleEvent', () => {
  it('turns the three events into values and ignores the rest', () => {
    const [queue, conversation, typing] = parseSse().push(WIRE).map(toConsoleEvent);
    expect(queue).toEqual({ type: 'queue', queue: { waiting: [], mine: [], tickets: [] } });
    expect(conversation).toMatchObject({ type: 'conversation', conversationId: 'c1', event: { type: 'closed', seq: 4 } });
    expect(typing).toEqual({ type: 'typing', conversationId: 'c1', typing: true });
    expect(toConsoleEvent({ event: 'queue', data: 'not json' })).toBeUndefined();
    expect(toConsoleEvent({ event: 'surprise', data: '{}' })).toBeUndefined();
  });
});

/** A response whose body the test writes to, and ends. */
function stream(status = 200) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status, headers: { 'content-type': 'text/event-stream' } }),
    write: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
    /** What an aborted fetch does to its body. */
    abort: () => controller.error(new DOMException('aborted', 'AbortError')),
  };
}

function handlers() {
  return { onEvent: vi.fn(), onOpen: vi.fn(), onState: vi.fn(), onSignedOut: vi.fn() } satisfies EventsHandlers;
}

describe('connectEvents', () => {
  it('delivers events, reconnects after a drop (saying it is a reconnect), and stops on close', async () => {
    const first = stream();
    const second = stream();
    const responses = [first, second];
    const open = vi.fn(async () => responses.shift()!.response);
    const on = handlers();
    const line = connectEvents(open, on, { retryMs: [5] });
    await vi.waitFor(() => expect(on.onOpen).toHaveBeenCalledWith(false));
    first.write('event: typing\ndata: {"conversationId":"c1","typing":true}\n\n');
    await vi.waitFor(() => expect(on.onEvent).toHaveBeenCalledWith({ type: 'typing', conversationId: 'c1', typing: true }));
    first.end();
    await vi.waitFor(() => expect(on.onOpen).toHaveBeenCalledWith(true));
    expect(on.onState.mock.calls.map(([state]) => state)).toEqual(['connecting', 'open', 'retrying', 'open']);
    line.close();
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('signs out on 401 and does not retry', async () => {
    const open = vi.fn(async () => new Response('{}', { status: 401 }));
    const on = handlers();
    connectEvents(open, on, { retryMs: [1] });
    await vi.waitFor(() => expect(on.onSignedOut).toHaveBeenCalledOnce());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(open).toHaveBeenCalledOnce();
  });

  it('retries a failed connection, and gives up a silent one after silenceMs', async () => {
    const silent = stream();
    const answers: ((signal: AbortSignal) => Promise<Response>)[] = [
      () => Promise.reject(new TypeError('offline')),
      async (signal) => {
        signal.addEventListener('abort', silent.abort, { once: true });
        return silent.response;
      },
      async () => stream().response,
    ];
    const open = vi.fn((signal: AbortSignal) => answers.shift()!(signal));
    const on = handlers();
    const line = connectEvents(open, on, { retryMs: [5], silenceMs: 30 });
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(3), { timeout: 2000 });
    line.close();
  });
});
