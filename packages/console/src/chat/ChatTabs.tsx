/** @module The open chats as tabs (ARIA tabs: arrow keys move between them), each with its unread count. */
import type { Chat } from '../desk/index.ts';
import { format, type Strings } from '../i18n/index.ts';

export function tabId(chatId: string): string {
  return `tab-${chatId}`;
}

export function panelId(chatId: string): string {
  return `panel-${chatId}`;
}

export function ChatTabs({ strings, chats, active, onFocus }: { strings: Strings; chats: Chat[]; active: string | undefined; onFocus(id: string): void }) {
  const move = (from: number, by: number) => {
    const next = chats[(from + by + chats.length) % chats.length];
    if (!next) return;
    onFocus(next.id);
    document.getElementById(tabId(next.id))?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={strings.chatTabs}>
      {chats.map((chat, index) => {
        const selected = chat.id === active;
        return (
          <button
            key={chat.id}
            id={tabId(chat.id)}
            type="button"
            role="tab"
            class={`tab${chat.ended ? ' ended' : ''}`}
            aria-selected={selected}
            aria-controls={panelId(chat.id)}
            tabIndex={selected ? 0 : -1}
            aria-keyshortcuts={`Alt+${index + 1}`}
            onClick={() => onFocus(chat.id)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight') move(index, 1);
              if (event.key === 'ArrowLeft') move(index, -1);
            }}
          >
            <span class="tab-number" aria-hidden="true">
              {index + 1}
            </span>
            {chat.detail?.candidateName ?? '…'}
            {chat.unread > 0 && (
              <span class="unread">
                <span aria-hidden="true">{chat.unread}</span>
                <span class="visually-hidden">{format(strings.unread, { count: chat.unread })}</span>
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
