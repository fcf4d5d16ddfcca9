/** @module Bundles a browser entry point with vite into one ES module, in memory (the preview page, browser tests). */

export async function bundleForBrowser(entry: string): Promise<string> {
  // Loaded on demand: only the preview and the tests need a bundler.
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: { write: false, minify: 'oxc', lib: { entry, formats: ['es'], fileName: 'bundle' } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as { output: { type: string; code?: string }[] }[];
  const chunk = outputs.flatMap((r) => r.output).find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error(`vite produced no bundle for ${entry}`);
  return chunk.code;
}
