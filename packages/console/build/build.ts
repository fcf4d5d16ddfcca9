/**
 * @module Builds the console with vite into a folder the gateway serves at /console (`consoleStatic`):
 * index.html, hashed assets under assets/ (cache forever), and the files of public/.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where the gateway serves the console; the session cookie's path is the same. */
export const CONSOLE_BASE = '/console/';

/** Where `vite build` in this folder writes: the repository's dist/console/. */
export const DEFAULT_OUT_DIR = path.resolve(ROOT, '../../dist/console');

/**
 * The vite config, shared by vite.config.ts (`npx vite build packages/console`, the dev server) and
 * `buildConsole`. The dev server proxies the API and the KB to a running gateway and demo.
 */
export function consoleViteConfig(outDir: string = DEFAULT_OUT_DIR): InlineConfig {
  return {
    configFile: false,
    root: ROOT,
    base: CONSOLE_BASE,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      assetsDir: 'assets',
      // Every browser an agent uses supports modulepreload: no polyfill in the entry.
      modulePreload: { polyfill: false },
    },
    server: {
      proxy: {
        '/console/api': process.env.LIFELINE_GATEWAY_URL ?? 'http://127.0.0.1:4600',
        '/kb/': process.env.LIFELINE_DEMO_URL ?? 'http://127.0.0.1:4400',
      },
    },
  };
}

/** Builds the console into `outDir` (replacing what is there) and returns the files written, relative to it. */
export async function buildConsole(outDir: string = DEFAULT_OUT_DIR): Promise<{ outDir: string; files: string[] }> {
  const { build } = await import('vite');
  await build(consoleViteConfig(outDir));
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  return { outDir, files: files.sort() };
}
