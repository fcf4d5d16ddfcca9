/** @module What several commands share: compile the KB source in memory, or read a finished build. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { KbManifest, LifelineError } from '@lifeline/protocol';
import { buildKnowledgeBase } from '../build/index.ts';
import { createKbSearch, type KbSearch } from '../search/index.ts';
import { loadKnowledgeBase } from '../source/load.ts';
import { formatProblem } from '../source/problem.ts';

export const DEFAULT_SOURCE = 'knowledge-base';

/** A search over every locale, from `--kb DIR` (a build) or else compiled from the source folder. */
export async function openSearch(options: { kb?: string | undefined; source?: string | undefined }): Promise<KbSearch> {
  const search = createKbSearch();
  if (options.kb) {
    const manifestPath = path.join(options.kb, 'manifest.json');
    const raw = await readFile(manifestPath, 'utf8').catch(() => {
      throw new LifelineError('kb.build.not_found', `no ${manifestPath}: run "npx lifeline-kb build --out ${options.kb}" first`);
    });
    const manifest = KbManifest.safeParse(JSON.parse(raw));
    if (!manifest.success) throw new LifelineError('kb.manifest.invalid', `${manifestPath} is not a knowledge-base manifest`);
    for (const entry of Object.values(manifest.data.locales)) {
      search.addLocale(JSON.parse(await readFile(path.join(options.kb, entry.file), 'utf8')));
    }
    return search;
  }
  const source = options.source ?? DEFAULT_SOURCE;
  const result = buildKnowledgeBase(await loadKnowledgeBase(source));
  if (!result.ok) {
    throw new LifelineError('kb.build.failed', `the knowledge base in ${source} has errors; fix them first:\n${result.problems.map(formatProblem).join('\n')}`);
  }
  for (const compiled of result.output.locales.values()) search.addLocale(compiled);
  return search;
}
