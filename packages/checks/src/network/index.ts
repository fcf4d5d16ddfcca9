/**
 * @module The network check: online or not, round-trip time, and download and upload throughput,
 * measured against an address the host serves (`GET ?bytes=N` answers N bytes, `POST` swallows the body).
 */
import { outcome, type Check } from '../run/context.ts';
import { judgeNetwork, sizeFor } from './judge.ts';

const PINGS = 5;
/** A small first transfer estimates the rate; the second is sized to last `durationMs`. */
const PROBE_BYTES = 64 * 1024;

export const network: Check = async ({ policy, networkUrl, signal }) => {
  if (!navigator.onLine) return outcome('fail', 'network.offline', { online: false });
  if (!networkUrl) return outcome('skipped', 'network.not_configured', { online: true });
  const endpoint = new URL(networkUrl, location.href);
  const { durationMs } = policy.network;
  try {
    await ping(endpoint, signal); // opens the connection, so the pings measure the path, not the handshake
    const pings: number[] = [];
    for (let i = 0; i < PINGS; i++) pings.push(await ping(endpoint, signal));
    const rttMs = pings.sort((a, b) => a - b)[PINGS >> 1]!;
    const downloadMbps = await download(endpoint, sizeFor(await download(endpoint, PROBE_BYTES, signal), durationMs), signal);
    const uploadMbps = await upload(endpoint, sizeFor(await upload(endpoint, PROBE_BYTES, rttMs, signal), durationMs), rttMs, signal);
    return judgeNetwork({ rttMs, downloadMbps, uploadMbps }, policy.network);
  } catch (error) {
    if (signal.aborted) throw error;
    return outcome('fail', navigator.onLine ? 'network.unreachable' : 'network.offline', { online: navigator.onLine, endpoint: endpoint.origin, error: String(error).slice(0, 200) });
  }
};

/**
 * One request, read to the end: when its first byte and its last arrived. A POST carries no
 * content type, so a cross-origin address needs no CORS preflight that would add a round trip.
 */
async function transfer(endpoint: URL, signal: AbortSignal, bytes: number, body?: Uint8Array<ArrayBuffer>) {
  const url = new URL(endpoint);
  url.searchParams.set('bytes', String(bytes));
  // No cache, proxy or service worker may answer for the network.
  url.searchParams.set('n', Math.random().toString(36).slice(2));
  const response = await fetch(url, { method: body ? 'POST' : 'GET', body, cache: 'no-store', signal });
  if (!response.ok) throw new Error(`the network check address answered HTTP ${response.status}`);
  const reader = response.body?.getReader();
  let received = 0;
  let firstByte: number | undefined;
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    firstByte ??= performance.now();
    received += chunk.value.byteLength;
  }
  const end = performance.now();
  return { received, firstByte: firstByte ?? end, end };
}

async function ping(endpoint: URL, signal: AbortSignal): Promise<number> {
  const started = performance.now();
  return (await transfer(endpoint, signal, 0)).end - started;
}

/** Mbps from the first byte to the last, so the round trip before it does not count. */
async function download(endpoint: URL, bytes: number, signal: AbortSignal): Promise<number> {
  const { received, firstByte, end } = await transfer(endpoint, signal, bytes);
  return mbps(received, end - firstByte);
}

/** Mbps until the server has read it all and answered, less one round trip. */
async function upload(endpoint: URL, bytes: number, rttMs: number, signal: AbortSignal): Promise<number> {
  // Random bytes: nothing on the way can compress them into a faster-looking upload.
  const body = new Uint8Array(new ArrayBuffer(bytes));
  for (let offset = 0; offset < bytes; offset += 65536) crypto.getRandomValues(body.subarray(offset, offset + 65536));
  const started = performance.now();
  return mbps(bytes, (await transfer(endpoint, signal, 0, body)).end - started - rttMs);
}

const mbps = (bytes: number, ms: number) => (bytes * 8) / Math.max(ms, 1) / 1000;
