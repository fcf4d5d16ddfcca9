/**
 * @module The built console (packages/console, `buildConsole(dir)`) served at /console: index.html for
 * /console/ and for any path that is not a file (the console routes in the page), under a strict
 * CSP and never cached stale; vite's content-hashed assets/ cached for a year. /console/api is left
 * to the console API. Mount with `app.route('/', consoleStatic(dir))`, in either order with the API.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Hono, type Context } from 'hono';

/** The console reads its config from this meta tag (packages/console/src/config.ts). */
export const CONSOLE_CONFIG_META = 'lifeline-console-config';

export interface ConsoleStaticOptions {
  /**
   * The console's config, written into index.html: `kbUrl` (default '/kb/'), `articleUrl` (a link
   * template with `{id}` and `{locale}`), `placeholders` (the platform's values for the articles'
   * `{{links.support}}`…). A `kbUrl` on another origin is added to the CSP's connect-src.
   */
  config?: { kbUrl?: string; articleUrl?: string; placeholders?: Record<string, string> };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** vite names every file under assets/ by its content's hash: a changed file is a new name. */
const HASHED_ASSETS = 'assets/';
const FOREVER = 'public, max-age=31536000, immutable';

/** `default-src 'self'` and nothing inline: the console needs no more. */
export function consoleCsp(kbUrl: string | undefined): string {
  const kbOrigin = kbUrl && /^https?:\/\//i.test(kbUrl) ? new URL(kbUrl).origin : undefined;
  return [
    "default-src 'self'",
    ...(kbOrigin ? [`connect-src 'self' ${kbOrigin}`] : []),
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function consoleStatic(dir: string, options: ConsoleStaticOptions = {}): Hono {
  const root = path.resolve(dir);
  const app = new Hono();
  const csp = consoleCsp(options.config?.kbUrl);
  const meta = options.config ? `<meta name="${CONSOLE_CONFIG_META}" content="${escapeAttribute(JSON.stringify(options.config))}">` : '';

  const index = async (c: Context) => {
    const html = await readFile(path.join(root, 'index.html'), 'utf8').catch(() => undefined);
    if (html === undefined) return c.text('the console is not built: run buildConsole() (packages/console/build/build.ts)', 503);
    return c.body(meta ? html.replace('</head>', `${meta}</head>`) : html, 200, {
      'content-type': TYPES['.html']!,
      'cache-control': 'no-cache',
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
  };

  app.get('/console', (c) => c.redirect('/console/', 301));

  app.get('/console/*', async (c, next) => {
    const pathname = c.req.path;
    if (pathname === '/console/api' || pathname.startsWith('/console/api/')) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice('/console/'.length));
    } catch {
      return c.text('not found', 404);
    }
    if (relative === '' || relative === 'index.html') return index(c);
    const file = path.resolve(root, relative);
    if (relative.includes('\0') || !file.startsWith(root + path.sep)) return c.text('not found', 404);
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) {
      return c.body(await readFile(file), 200, {
        'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': relative.startsWith(HASHED_ASSETS) ? FOREVER : 'no-cache',
        'x-content-type-options': 'nosniff',
      });
    }
    // A missing script or stylesheet must fail as one, not load the page's HTML in its place.
    if (relative.startsWith(HASHED_ASSETS) || path.extname(relative)) return c.text('not found', 404);
    return index(c);
  });

  return app;
}
