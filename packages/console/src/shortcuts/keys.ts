/**
 * @module The console's keyboard shortcuts: Alt with a letter or digit, matched on the physical key
 * (`event.code`) so they work on every keyboard layout and while typing a reply; `?` for the list,
 * outside text fields only. Alt+F and Alt+E stay free for the browser's menus.
 */
import type { StringKey } from '../i18n/index.ts';

export type ShortcutAction = 'help' | 'takeNext' | 'chat1' | 'chat2' | 'chat3' | 'chat4' | 'nextChat' | 'reply' | 'private' | 'canned' | 'kb' | 'close' | 'presence';

interface Shortcut {
  action: ShortcutAction;
  /** `event.code` with Alt held. */
  code: string;
  label: string;
}

const SHORTCUTS: readonly Shortcut[] = [
  { action: 'help', code: 'Slash', label: 'Alt+/' },
  { action: 'takeNext', code: 'KeyN', label: 'Alt+N' },
  { action: 'chat1', code: 'Digit1', label: 'Alt+1' },
  { action: 'chat2', code: 'Digit2', label: 'Alt+2' },
  { action: 'chat3', code: 'Digit3', label: 'Alt+3' },
  { action: 'chat4', code: 'Digit4', label: 'Alt+4' },
  { action: 'nextChat', code: 'KeyJ', label: 'Alt+J' },
  { action: 'reply', code: 'KeyR', label: 'Alt+R' },
  { action: 'private', code: 'KeyP', label: 'Alt+P' },
  { action: 'canned', code: 'KeyC', label: 'Alt+C' },
  { action: 'kb', code: 'KeyK', label: 'Alt+K' },
  { action: 'close', code: 'KeyX', label: 'Alt+X' },
  { action: 'presence', code: 'KeyA', label: 'Alt+A' },
];

/** The rows of the help overlay, in its order: keys, and the words that say what they do. */
export const SHORTCUT_HELP: readonly { keys: string; words: StringKey }[] = [
  { keys: '?  ·  Alt+/', words: 'shortcut_help' },
  { keys: 'Alt+N', words: 'shortcut_takeNext' },
  { keys: 'Alt+1 … Alt+4', words: 'shortcut_chat' },
  { keys: 'Alt+J', words: 'shortcut_nextChat' },
  { keys: 'Alt+R', words: 'shortcut_reply' },
  { keys: 'Alt+P', words: 'shortcut_private' },
  { keys: 'Alt+C', words: 'shortcut_canned' },
  { keys: 'Alt+K', words: 'shortcut_kb' },
  { keys: 'Alt+X', words: 'shortcut_close' },
  { keys: 'Alt+A', words: 'shortcut_presence' },
  { keys: 'Enter', words: 'shortcut_send' },
  { keys: 'Shift+Enter', words: 'shortcut_newline' },
];

export function shortcutLabel(action: ShortcutAction): string {
  return SHORTCUTS.find((shortcut) => shortcut.action === action)?.label ?? '';
}

/** Where a plain `?` is a character, not a command. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

export function matchShortcut(event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'target'>): ShortcutAction | undefined {
  if (event.ctrlKey || event.metaKey) return undefined;
  if (event.altKey) return SHORTCUTS.find((shortcut) => shortcut.code === event.code)?.action;
  if (event.key === '?' && !isTextField(event.target)) return 'help';
  return undefined;
}
