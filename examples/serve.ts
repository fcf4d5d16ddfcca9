/**
 * @module The demo (`npm start`): builds the knowledge base, the widget and the ES-module example,
 * then serves the example pages, the strict-CSP one under its policy. Tests and benchmarks start
 * the same server on a free port.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKnowledgeBase, writeBuild } from '../packages/kb/src/build/index.ts';
import { loadKnowledgeBase } from '../packages/kb/src/source/load.ts';
import { formatProblem } from '../packages/kb/src/source/problem.ts';
import { buildWidget } from '../packages/widget/build/build.ts';
import { buildConsole } from '../packages/console/build/build.ts';
import { startDemoGateway, type DemoGateway } from './demo-gateway.ts';
import { handleNetworkCheck, NETWORK_CHECK_PATH, type Throttle } from './network-check.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = path.join(ROOT, 'examples');
const DIST = path.join(ROOT, 'dist');

export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

export const EXAMPLE_PAGES = {
  'exam-page': 'exam page, widget by script tag',
  'strict-csp': "same page under Content-Security-Policy: default-src 'self'",
  'hostile-css': 'same page with a hostile stylesheet',
  'esm-app': 'vite app importing @lifeline/widget, <lifeline-support>',
} as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface DemoOptions {
  port?: number;
  host?: string;
  /** Skip the builds and serve what dist/ holds (tests that build once). */
  skipBuild?: boolean;
  log?: (line: string) => void;
  /** Slows the network check's address to a known rate (tests). */
  networkThrottle?: Throttle;
  /** Also start the gateway (PGlite) with the console, and give the exam page "Talk to a person". */
  gateway?: { port?: number; dataDir?: string };
}

export interface RunningDemo {
  url: string;
  server: Server;
  /** When started with `gateway`. */
  gateway?: DemoGateway;
  close(): Promise<void>;
}

/** Builds everything the pages need into dist/: kb/, widget/, esm-app/. */
export async function buildDemo(log: (line: string) => void = () => {}): Promise<void> {
  const kb = buildKnowledgeBase(await loadKnowledgeBase(path.join(ROOT, 'knowledge-base')));
  if (!kb.ok) throw new Error(`the knowledge base has errors:\n${kb.problems.map(formatProblem).join('\n')}`);
  await writeBuild(path.join(DIST, 'kb'), kb.output);
  log(`built knowledge base ${kb.output.manifest.kbVersion} -> dist/kb/`);
  const widget = await buildWidget(path.join(DIST, 'widget'));
  log(`built widget (${widget.chunks.size} files) -> dist/widget/`);
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.join(EXAMPLES, 'esm-app'),
    base: '/esm-app/',
    build: { outDir: path.join(DIST, 'esm-app'), emptyOutDir: true },
  });
  log('built the ES-module example -> dist/esm-app/');
  await buildConsole(path.join(DIST, 'console'));
  log('built the agent console -> dist/console/');
}

export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const log = options.log ?? (() => {});
  if (!options.skipBuild) await buildDemo(log);
  let gatewayUrl: string | undefined;
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://demo');
    if (pathname === NETWORK_CHECK_PATH) {
      handleNetworkCheck(request, response, options.networkThrottle);
      return;
    }
    serve(pathname, gatewayUrl).then(
      (found) => {
        if (!found) {
          response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
        const headers: Record<string, string> = { 'content-type': found.type, 'cache-control': found.immutable ? 'public, max-age=31536000, immutable' : 'no-cache' };
        // The console (on the gateway's origin) reads the same knowledge base.
        if (pathname.startsWith('/kb/')) headers['access-control-allow-origin'] = '*';
        if (found.csp) headers['content-security-policy'] = strictCsp(gatewayUrl);
        response.writeHead(200, headers).end(found.body);
      },
      (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/`;
  const gateway = options.gateway ? await startDemoGateway({ ...options.gateway, examOrigin: url.slice(0, -1), kbUrl: `${url}kb/`, consoleDir: path.join(DIST, 'console') }) : undefined;
  gatewayUrl = gateway?.url;
  return {
    url,
    server,
    ...(gateway ? { gateway } : {}),
    async close() {
      await gateway?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Found {
  body: Buffer | string;
  type: string;
  csp: boolean;
  immutable: boolean;
}

async function serve(pathname: string, gatewayUrl: string | undefined): Promise<Found | undefined> {
  if (pathname === '/favicon.ico') return { body: '', type: 'image/x-icon', csp: false, immutable: false };
  if (pathname === '/') return { body: indexPage(), type: TYPES['.html']!, csp: true, immutable: false };
  const [, top = '', ...rest] = pathname.split('/');
  const folders: Record<string, string> = {
    kb: path.join(DIST, 'kb'),
    widget: path.join(DIST, 'widget'),
    'esm-app': path.join(DIST, 'esm-app'),
    shared: path.join(EXAMPLES, 'shared'),
    'exam-page': path.join(EXAMPLES, 'exam-page'),
    'strict-csp': path.join(EXAMPLES, 'strict-csp'),
    'hostile-css': path.join(EXAMPLES, 'hostile-css'),
  };
  const folder = folders[top];
  if (!folder) return undefined;
  const relative = rest.join('/') || 'index.html';
  const file = path.resolve(folder, relative);
  if (!file.startsWith(folder + path.sep)) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  let body: Buffer | string = await readFile(file);
  if (relative === 'index.html' && (top === 'exam-page' || top === 'strict-csp')) body = withGateway(body.toString(), gatewayUrl);
  return {
    body,
    type: TYPES[path.extname(file)] ?? 'application/octet-stream',
    csp: top === 'strict-csp',
    // Content-addressed KB files and hashed widget chunks never change.
    immutable: (top === 'kb' && relative !== 'manifest.json') || (top === 'widget' && relative.startsWith('chunks/')),
  };
}

/**
 * The exam page finds the gateway in a meta tag, the strict-CSP page (no inline script) on the loader's
 * `data-chat-url`; without a gateway running, both offer no chat.
 */
function withGateway(html: string, gatewayUrl: string | undefined): string {
  return html
    .replace('<!-- lifeline-gateway -->', gatewayUrl ? `<meta name="lifeline-gateway" content="${gatewayUrl}" />` : '')
    .replace(' data-chat-url="lifeline-gateway"', gatewayUrl ? ` data-chat-url="${gatewayUrl}"` : '');
}

/** The strict page's policy lets it reach the gateway, as a platform's own policy must list it. */
function strictCsp(gatewayUrl: string | undefined): string {
  return gatewayUrl ? `${STRICT_CSP}; connect-src 'self' ${gatewayUrl}` : STRICT_CSP;
}

function indexPage(): string {
  const items = Object.entries(EXAMPLE_PAGES)
    .map(([name, what]) => `<li><a href="/${name}/">${name}</a> — ${what}</li>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lifeline demo</title></head><body><h1>Lifeline demo</h1><ul>${items}</ul></body></html>`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const port = Number(process.env.PORT ?? 4400);
  const demo = await startDemo({ port, log: (line) => console.log(line), gateway: { port: port + 2, dataDir: path.join(ROOT, '.lifeline', 'demo-gateway') } });
  const { startPreview } = await import('../packages/kb/src/preview/server.ts');
  const preview = await startPreview({ source: path.join(ROOT, 'knowledge-base'), port: port + 1, host: '127.0.0.1', log: () => {} });
  console.log('\nLifeline demo is running:');
  for (const [name, what] of Object.entries(EXAMPLE_PAGES)) console.log(`  ${`${demo.url}${name}/`.padEnd(40)} ${what}`);
  console.log(`  ${preview.url.padEnd(40)} knowledge-base search preview`);
  if (demo.gateway) {
    console.log(`  ${`${demo.gateway.url}/console/`.padEnd(40)} agent console: sign in as ${demo.gateway.accounts.map((a) => `${a.id} (${a.role})`).join(' or ')}, password ${demo.gateway.password}`);
    console.log(`  ${demo.gateway.url.padEnd(40)} gateway (PGlite in .lifeline/demo-gateway/)`);
  }
  console.log('\nPress Ctrl+C to stop.');
}
