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

/**
 * The page's title with the unread count in front — "(2) Biology 101 — Final exam" — while the tab is in
 * the background: the cue a candidate sees from the exam's own tab or the proctoring app. Called with 0 (or
 * with the tab shown) it puts the host's title back, unless the host has changed the title meanwhile.
 */
export function titleCue(doc: Document): (count: number) => void {
  let original = '';
  let cued = '';
  let count = 0;
  const apply = () => {
    const wanted = count && doc.visibilityState === 'hidden' ? `(${count > 9 ? '9+' : count}) ` : '';
    if (cued && doc.title !== cued) cued = ''; // the host set a title of its own: it stays
    if (!cued) original = doc.title;
    const title = wanted + original;
    if (title === doc.title) return;
    doc.title = title;
    cued = wanted && title;
  };
  return (unread) => {
    count = unread;
    apply();
    // Only a count has to follow the tab going to the background and back; 0 (and dispose) leaves nothing behind.
    if (unread) doc.addEventListener('visibilitychange', apply);
    else doc.removeEventListener('visibilitychange', apply);
  };
}

let chimedAt = -Infinity;

/**
 * A short, quiet two-note tone (Web Audio, nothing to download), at most once in a few seconds: a burst of
 * messages, or a reload's replay, is one cue. Best effort: a browser that allows no sound plays none.
 */
export function chime(now = performance.now()): void {
  if (now - chimedAt < 3000) return;
  chimedAt = now;
  try {
    const context = new AudioContext();
    const gain = context.createGain();
    gain.connect(context.destination);
    const start = context.currentTime;
    gain.gain.setValueAtTime(0.08, start);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.45);
    [660, 880].forEach((frequency, i) => {
      const tone = context.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(start + i * 0.15);
      tone.stop(start + 0.45);
      if (i) tone.onended = () => void context.close();
    });
  } catch {
    // No Web Audio here: the badge and the title still tell.
  }
}
