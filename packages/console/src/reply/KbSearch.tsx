/** @module KB search beside the reply: find an article in the candidate's language and insert its summary (and link). */
import type { Ref } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ArticleHit, ConsoleKb } from '../kb/index.ts';
import { format, type Strings } from '../i18n/index.ts';
import { shortcutLabel } from '../shortcuts/index.ts';

export type KbStatus = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; kb: ConsoleKb };

export interface KbSearchProps {
  strings: Strings;
  chatId: string;
  kb: KbStatus;
  onInsert(article: ArticleHit): void;
  inputRef?: Ref<HTMLInputElement>;
}

export function KbSearch({ strings, chatId, kb, onInsert, inputRef }: KbSearchProps) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ArticleHit[] | undefined>(undefined);
  const fieldId = `kb-${chatId}`;

  useEffect(() => {
    if (kb.state !== 'ready' || !query.trim()) return setHits(undefined);
    let current = true;
    // A short pause so a search does not run on every keystroke of a fast typist.
    const timer = setTimeout(() => void kb.kb.search(query).then((found) => current && setHits(found)), 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [kb, query]);

  return (
    <div class="tool kb-search">
      <label for={fieldId}>
        {strings.kbSearchLabel} <kbd>{shortcutLabel('kb')}</kbd>
      </label>
      <input id={fieldId} ref={inputRef} type="search" value={query} aria-keyshortcuts="Alt+K" onInput={(event) => setQuery(event.currentTarget.value)} disabled={kb.state === 'failed'} />
      {kb.state === 'loading' && <p class="muted">{strings.kbLoading}</p>}
      {kb.state === 'failed' && <p class="warning">{strings.kbFailed}</p>}
      {hits && hits.length === 0 && <p class="muted">{strings.kbNoResults}</p>}
      {hits && hits.length > 0 && (
        <ul class="hits" aria-label={strings.kbTitle}>
          {hits.map((hit) => (
            <li key={hit.id}>
              <div>
                <strong>{hit.title}</strong>
                <p class="muted summary">{hit.summary}</p>
              </div>
              <button type="button" onClick={() => onInsert(hit)} aria-label={format(strings.kbInsertLabel, { title: hit.title })}>
                {strings.kbInsert}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
