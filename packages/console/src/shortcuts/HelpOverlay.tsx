/** @module The shortcuts list (`?`): a modal dialog that takes the focus, keeps it inside, and gives it back on close. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Strings } from '../i18n/index.ts';
import { SHORTCUT_HELP } from './keys.ts';

export function HelpOverlay({ strings, onClose }: { strings: Strings; onClose(): void }) {
  const dialog = useRef<HTMLDivElement>(null);
  // The latest onClose, without re-running the effect (and moving the focus) on every render of the page.
  const close = useRef(onClose);
  close.current = onClose;
  // A layout effect: the focus is inside, and Escape closes, before the next key can arrive (a plain
  // effect runs after paint, and an Escape typed in between went to the page and left the dialog open).
  useLayoutEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    dialog.current?.querySelector<HTMLElement>('button')?.focus();
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      close.current();
    };
    document.addEventListener('keydown', onEscape);
    return () => {
      document.removeEventListener('keydown', onEscape);
      before?.focus();
    };
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
