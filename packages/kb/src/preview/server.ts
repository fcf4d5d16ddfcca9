/** @module The preview server: builds the KB in memory, bundles the page with vite, rebuilds on every save. */
import { watch } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKnowledgeBase, type BuildOutput } from '../build/index.ts';
import { loadKnowledgeBase } from '../source/load.ts';
import { formatProblem } from '../source/problem.ts';
import { bundleForBrowser } from './bundle.ts';
import { PREVIEW_CSS, PREVIEW_HTML } from './page-html.ts';

export interface PreviewOptions {
  source: string;
  port: number;
  host: string;
  log: (line: string) => void;
}

export interface RunningPreview {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  let current: BuildOutput | undefined;
  let lastErrors = '';
  const rebuild = async () => {
    const result = buildKnowledgeBase(await loadKnowledgeBase(options.source));
    if (result.ok) {
      current = result.output;
      lastErrors = '';
      options.log(`built KB ${result.output.manifest.kbVersion}: ${Object.entries(result.output.manifest.locales).map(([l, e]) => `${l} ${e.articles}`).join(', ')} articles`);
    } else {
      lastErrors = result.problems.map(formatProblem).join('\n');
      options.log(`the knowledge base has errors; still serving the last good build:\n${lastErrors}`);
    }
  };
  await rebuild();
  const script = await bundlePage();
  const locales = Object.keys(current?.manifest.locales ?? { en: 1 });
  const html = PREVIEW_HTML.replace('LOCALE_OPTIONS', locales.map((l) => `<option value="${l}">${l}</option>`).join(''));

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://preview');
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      response.end(body);
    };
    if (url.pathname === '/' || url.pathname === '/index.html') return send(200, 'text/html', html);
    if (url.pathname === '/preview.js') return send(200, 'text/javascript', script);
    if (url.pathname === '/preview.css') return send(200, 'text/css', PREVIEW_CSS);
    if (url.pathname === '/errors.txt') return send(200, 'text/plain', lastErrors);
    const file = url.pathname.startsWith('/kb/') ? current?.files.get(url.pathname.slice(4)) : undefined;
    if (file !== undefined) return send(200, 'application/json', file);
    return send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(options.source, { recursive: true }, () => {
    clearTimeout(timer);
    // Editors write a file in several steps; wait until they are done.
    timer = setTimeout(() => void rebuild(), 150);
  });
  return {
    url: `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}/`,
    server,
    close: async () => {
      clearTimeout(timer);
      watcher.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** page.ts and the real search, bundled for the browser. */
function bundlePage(): Promise<string> {
  return bundleForBrowser(path.join(path.dirname(fileURLToPath(import.meta.url)), 'page.ts'));
}
