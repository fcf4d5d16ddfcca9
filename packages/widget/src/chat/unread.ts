/**
 * @module The launcher's unread marker, drawn by the chat chunk so that the first download does not grow:
 * a badge (`data-unread` on the main UI's launcher, styled by CHAT_CSS), a description the launcher points
 * to (`aria-describedby`), and one polite announcement when the first unread message arrives.
 */

/** The description's id, which the launcher's `aria-describedby` names. */
export const UNREAD_ID = 'lifeline-unread';

export interface UnreadMarker {
  /**
   * `count` unread agent messages (0: none), told by `text` in `lang`. Called after every render of the main
   * UI, so it writes only what changed. The live region speaks once, when the first one arrives: the next
   * ones change the badge and the description only, so an exam is not interrupted message by message.
   */
  show(count: number, text: string, lang: string): void;
  remove(): void;
}

export function unreadMarker(root: ShadowRoot): UnreadMarker {
  const description = root.ownerDocument.createElement('span');
  const live = root.ownerDocument.createElement('p');
  description.id = UNREAD_ID;
  description.hidden = true;
  live.className = 'sr';
  live.setAttribute('aria-live', 'polite');
  // Beside the Preact tree, not in it: the main UI's renders never touch these two.
  root.append(description, live);
  const show = (count: number, text: string, lang: string) => {
    const launcher = root.querySelector('.launcher');
    const badge = count > 9 ? '9+' : count ? String(count) : null;
    if (launcher) {
      set(launcher, 'data-unread', badge);
      set(launcher, 'aria-describedby', badge && UNREAD_ID);
    }
    const spoken = count ? live.textContent || text : '';
    for (const [element, words] of [[description, text], [live, spoken]] as const) {
      set(element, 'lang', lang);
      if (element.textContent !== words) element.textContent = words;
    }
  };
  return {
    show,
    remove: () => {
      show(0, '', '');
      description.remove();
      live.remove();
    },
  };
}

/** Sets or removes an attribute, touching the DOM only on a change (no mutation, so no loop with an observer). */
function set(element: Element, name: string, value: string | null): void {
  if (element.getAttribute(name) === value) return;
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}
