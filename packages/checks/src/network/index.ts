/**
 * @module The network check: online or not, round-trip time, and download and upload throughput,
 * measured against an address the host serves (`GET ?bytes=N` answers N bytes, `POST` swallows the body).
 */
import { outcome, type Check } from '../run/context.ts';
import { judgeNetwork, sizeFor, type NetworkFigures } from './judge.ts';

const PINGS = 5;
/** A small first transfer estimates the rate; the second is sized to last `durationMs`. */
const PROBE_BYTES = 64 * 1024;

export const network: Check = async ({ policy, networkUrl, signal }) => {
  if (!navigator.onLine) return outcome('fail', 'network.offline', { online: false });
  if (!networkUrl) return outcome('skipped', 'network.not_configured', { online: true });
  const endpoint = new URL(networkUrl, location.href);
  let figures: NetworkFigures;
  try {
    await ping(endpoint, signal); // opens the connection, so the pings measure the path, not the handshake
    const pings: number[] = [];
    for (let i = 0; i < PINGS; i++) pings.push(await ping(endpoint, signal));
    const rttMs = median(pings);
    const downloadProbe = await download(endpoint, PROBE_BYTES, signal);
    const downloadMbps = await download(endpoint, sizeFor(downloadProbe, policy.network.durationMs), signal);
    const uploadProbe = await upload(endpoint, PROBE_BYTES, rttMs, signal);
    const uploadMbps = await upload(endpoint, sizeFor(uploadProbe, policy.network.durationMs), rttMs, signal);
    figures = { rttMs, downloadMbps, uploadMbps };
  } catch (error) {
    if (signal.aborted) throw error;
    return outcome('fail', navigator.onLine ? 'network.unreachable' : 'network.offline', { online: navigator.onLine, endpoint: endpoint.origin, error: String(error).slice(0, 200) });
  }
  return judgeNetwork(figures, policy.network);
};

function withQuery(endpoint: URL, bytes: number): string {
  const url = new URL(endpoint);
  url.searchParams.set('bytes', String(bytes));
  // No cache, proxy or service worker may answer for the network.
  url.searchParams.set('n', Math.random().toString(36).slice(2));
  return url.href;
}

async function ping(endpoint: URL, signal: AbortSignal): Promise<number> {
  const started = performance.now();
  const response = await fetch(withQuery(endpoint, 0), { cache: 'no-store', signal });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`the network check address answered HTTP ${response.status}`);
  return performance.now() - started;
}

/** Mbps from the first byte to the last, so the round trip before it does not count. */
async function download(endpoint: URL, bytes: number, signal: AbortSignal): Promise<number> {
  const response = await fetch(withQuery(endpoint, bytes), { cache: 'no-store', signal });
  if (!response.ok || !response.body) throw new Error(`the network check address answered HTTP ${response.status}`);
  const reader = response.body.getReader();
  let received = 0;
  let started: number | undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    started ??= performance.now();
    received += value.byteLength;
  }
  const seconds = (performance.now() - (started ?? performance.now())) / 1000;
  return mbps(received, seconds);
}

/** Mbps until the server has read it all and answered, less one round trip. */
async function upload(endpoint: URL, bytes: number, rttMs: number, signal: AbortSignal): Promise<number> {
  // Random bytes: nothing on the way can compress them into a faster-looking upload.
  const body = new Uint8Array(bytes);
  for (let offset = 0; offset < bytes; offset += 65536) crypto.getRandomValues(body.subarray(offset, Math.min(bytes, offset + 65536)));
  const started = performance.now();
  const response = await fetch(withQuery(endpoint, 0), { method: 'POST', body, cache: 'no-store', signal, headers: { 'content-type': 'application/octet-stream' } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`the network check address answered HTTP ${response.status} to an upload`);
  const seconds = Math.max(0.001, (performance.now() - started - rttMs) / 1000);
  return mbps(bytes, seconds);
}

const mbps = (bytes: number, seconds: number) => (bytes * 8) / Math.max(seconds, 0.001) / 1e6;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
