/**
 * @module The address the network check measures against (docs/checks.md): `GET ?bytes=N` answers N
 * bytes, `POST` reads the whole body and answers 204. The demo serves it at full speed; tests throttle
 * it to a known rate to prove the check reports what the line can do.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const NETWORK_CHECK_PATH = '/lifeline-network';

/** The most one request may ask for: the check caps itself at 25 MB. */
const MAX_BYTES = 32 * 1024 * 1024;
const CHUNK = 16 * 1024;

export interface Throttle {
  /** Bytes per second sent to the candidate; unlimited when absent. */
  downBytesPerSecond?: number;
  /** Bytes per second read from the candidate; unlimited when absent. */
  upBytesPerSecond?: number;
}

export function handleNetworkCheck(request: IncomingMessage, response: ServerResponse, throttle: Throttle = {}): void {
  const headers = { 'cache-control': 'no-store', 'access-control-allow-origin': '*' };
  if (request.method === 'POST') {
    readThrottled(request, throttle.upBytesPerSecond).then(
      () => response.writeHead(204, headers).end(),
      () => response.writeHead(400, headers).end(),
    );
    return;
  }
  if (request.method !== 'GET') {
    response.writeHead(405, { ...headers, allow: 'GET, POST' }).end();
    return;
  }
  const bytes = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('bytes') ?? '0');
  if (!Number.isInteger(bytes) || bytes < 0 || bytes > MAX_BYTES) {
    response.writeHead(400, { ...headers, 'content-type': 'text/plain' }).end(`bytes must be a whole number from 0 to ${MAX_BYTES}`);
    return;
  }
  response.writeHead(200, { ...headers, 'content-type': 'application/octet-stream', 'content-length': String(bytes) });
  void writeThrottled(response, bytes, throttle.downBytesPerSecond);
}

/** Sends `bytes` random-ish bytes, paced so that at any moment no more than the rate allows has gone out. */
async function writeThrottled(response: ServerResponse, bytes: number, rate: number | undefined): Promise<void> {
  const chunk = Buffer.alloc(CHUNK, 0x5a);
  const started = Date.now();
  let sent = 0;
  while (sent < bytes && !response.destroyed) {
    const size = Math.min(CHUNK, bytes - sent);
    if (rate) await waitUntil(started + ((sent + size) / rate) * 1000);
    if (!response.write(size === CHUNK ? chunk : chunk.subarray(0, size))) await new Promise((resolve) => response.once('drain', resolve));
    sent += size;
  }
  response.end();
}

/** Reads the body, pausing the socket so the candidate's upload cannot go faster than the rate. */
function readThrottled(request: IncomingMessage, rate: number | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let received = 0;
    request.on('data', (data: Buffer) => {
      received += data.length;
      if (!rate) return;
      const due = started + (received / rate) * 1000;
      if (due > Date.now()) {
        request.pause();
        setTimeout(() => request.resume(), due - Date.now());
      }
    });
    request.on('end', resolve);
    request.on('error', reject);
  });
}

function waitUntil(time: number): Promise<void> {
  const wait = time - Date.now();
  return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
}
