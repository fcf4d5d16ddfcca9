/**
 * @module A process for `npm run bench:gateway` to measure: either the real gateway on a fresh PGlite
 * folder (`gateway`) or the floor it is compared with (`bare`), a node:http SSE relay that keeps nothing.
 * Prints one JSON line with its URL when it listens.
 */
import { createServer, type ServerResponse } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setPresence } from '../../packages/gateway/src/agents/presence.ts';
import { resolveConfig } from '../../packages/gateway/src/config/index.ts';
import { startGateway } from '../../packages/gateway/src/server.ts';
import { BENCH_AUDIENCE, BENCH_ISSUER, BENCH_SECRET } from './gateway-bench-auth.ts';


const kind = process.argv[2];
// Exits cleanly when the benchmark stops it, so a --cpu-prof profile gets written.
process.on('SIGTERM', () => process.exit(0));
if (kind === 'gateway') {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lifeline-bench-'));
  const gateway = await startGateway(resolveConfig({ port: 0, dataDir, auth: { issuer: BENCH_ISSUER, audience: BENCH_AUDIENCE, secret: BENCH_SECRET } }));
  await setPresence(gateway.db, 'bench-desk', 'online');
  console.log(JSON.stringify({ url: gateway.url }));
} else if (kind === 'bare') {
  // The least a relay can do: keep each stream open, and write each POSTed body to the streams of its conversation.
  const streams = new Map<string, Set<ServerResponse>>();
  const seqs = new Map<string, number>();
  const server = createServer((request, response) => {
    const match = /^\/v1\/conversations\/([^/]+)\/(events|messages)$/.exec(request.url ?? '');
    if (!match) return void response.writeHead(404).end();
    const [, id, what] = match as unknown as [string, string, string];
    if (what === 'events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.flushHeaders();
      let set = streams.get(id);
      if (!set) streams.set(id, (set = new Set()));
      set.add(response);
      request.on('close', () => set.delete(response));
      return;
    }
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const seq = (seqs.get(id) ?? 0) + 1;
      seqs.set(id, seq);
      const { text } = JSON.parse(body) as { text: string };
      const frame = `event: message\ndata: ${JSON.stringify({ type: 'message', seq, message: { text } })}\nid: ${seq}\n\n`;
      for (const stream of streams.get(id) ?? []) stream.write(frame);
      response.writeHead(201, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(JSON.stringify({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` }));
  });
} else {
  console.error('usage: gateway-server.ts gateway|bare');
  process.exit(2);
}
