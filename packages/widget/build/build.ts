/**
 * @module Builds the widget for browsers with rolldown (the bundler inside vite, used directly so no
 * preload helper is added): the script-tag loader (one classic script) and the bundle it fetches
 * (an ES module with lazy chunks), minified as users get them.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = fileURLToPath(new URL('../src/', import.meta.url));

export const LOADER_FILE = 'lifeline-loader.js';
export const BUNDLE_FILE = 'lifeline.js';

export interface BuiltChunk {
  fileName: string;
  code: string;
  /** Chunks this one imports before it runs. */
  imports: string[];
  /** Chunks it may import later (`import()`). */
  dynamicImports: string[];
  /** Source modules in it, for size reports. */
  modules: string[];
}

export interface WidgetBuild {
  /** File name (relative to the output folder) -> chunk. */
  chunks: Map<string, BuiltChunk>;
}

/** Builds into memory; `outDir` also writes the files there (the folder is replaced). */
export async function buildWidget(outDir?: string): Promise<WidgetBuild> {
  const { rolldown } = await import('rolldown');
  const chunks = new Map<string, BuiltChunk>();
  const bundle = async (entry: string, format: 'es' | 'iife', entryFileNames: string) => {
    const build = await rolldown({
      input: path.join(SOURCE, entry),
      platform: 'browser',
      // Schemas in @lifeline/protocol are `zod.*(...)` calls at module level: pure, so unused ones drop out.
      // The name must be one no dependency uses: with `z`, minified Preact's own `z` (its style setter) was
      // dropped too, and every `style` prop (the theme, the microphone meter) silently did nothing.
      treeshake: { manualPureFunctions: ['zod'] },
      transform: { target: 'es2022' },
      logLevel: 'warn',
    });
    const { output } = await build.generate({ format, entryFileNames, chunkFileNames: 'chunks/[name]-[hash].js', minify: true, comments: false });
    await build.close();
    for (const chunk of output) {
      if (chunk.type !== 'chunk') continue;
      chunks.set(chunk.fileName, { fileName: chunk.fileName, code: chunk.code, imports: chunk.imports, dynamicImports: chunk.dynamicImports, modules: Object.keys(chunk.modules) });
    }
  };
  await bundle('loader/index.ts', 'iife', LOADER_FILE);
  await bundle('script/index.ts', 'es', BUNDLE_FILE);
  if (outDir) {
    await rm(outDir, { recursive: true, force: true });
    for (const chunk of chunks.values()) {
      const file = path.join(outDir, chunk.fileName);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, chunk.code);
    }
  }
  return { chunks };
}
