/** @module The canned replies menu: titles in the agent's language, text inserted in the candidate's. */
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { format, LOCALE_NAMES, type ConsoleLocale, type Strings } from '../i18n/index.ts';
import { shortcutLabel } from '../shortcuts/index.ts';
import { CANNED_REPLIES } from './canned.ts';

export interface CannedRepliesProps {
  strings: Strings;
  locale: ConsoleLocale;
  candidateLocale: ConsoleLocale;
  chatId: string;
  open: boolean;
  onOpen(open: boolean): void;
  onInsert(text: string): void;
  toggleRef: RefObject<HTMLButtonElement>;
}

export function CannedReplies({ strings, locale, candidateLocale, chatId, open, onOpen, onInsert, toggleRef }: CannedRepliesProps) {
  const listId = `canned-${chatId}`;
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (open) list.current?.querySelector('button')?.focus();
  }, [open]);
  return (
    <div class="tool">
      <button type="button" ref={toggleRef} aria-expanded={open} aria-controls={listId} aria-keyshortcuts="Alt+C" onClick={() => onOpen(!open)}>
        {strings.cannedTitle} <kbd>{shortcutLabel('canned')}</kbd>
      </button>
      {open && (
        <ul
          id={listId}
          ref={list}
          class="menu"
          aria-label={`${strings.cannedPick} (${format(strings.cannedIn, { language: LOCALE_NAMES[candidateLocale] })})`}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            onOpen(false);
            toggleRef.current?.focus();
          }}
        >
          {CANNED_REPLIES.map((reply) => (
            <li key={reply.id}>
              <button type="button" onClick={() => onInsert(reply.text[candidateLocale])} title={reply.text[candidateLocale]}>
                {reply.title[locale]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
