/** @module The shortcuts list (`?`): a modal dialog that takes the focus, keeps it inside, and gives it back on close. */
import { useEffect, useRef } from 'preact/hooks';
import type { Strings } from '../i18n/index.ts';
import { SHORTCUT_HELP } from './keys.ts';

export function HelpOverlay({ strings, onClose }: { strings: Strings; onClose(): void }) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    dialog.current?.querySelector<HTMLElement>('button')?.focus();
    return () => before?.focus();
  }, []);
  return (
    <div class="overlay" onClick={(event) => event.target === event.currentTarget && onClose()}>
      <div
        class="dialog"
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
          // One button inside: Tab stays on it.
          if (event.key === 'Tab') event.preventDefault();
        }}
      >
        <div class="dialog-head">
          <h2 id="shortcuts-title">{strings.shortcuts}</h2>
          <button type="button" onClick={onClose}>
            {strings.close}
          </button>
        </div>
        <p class="muted">{strings.shortcutsIntro}</p>
        <table class="shortcuts">
          <tbody>
            {SHORTCUT_HELP.map((row) => (
              <tr key={row.words}>
                <th scope="row">
                  <kbd>{row.keys}</kbd>
                </th>
                <td>{strings[row.words]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
