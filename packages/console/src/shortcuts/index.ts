/** @module The keyboard shortcuts: which key does what, and the list shown on `?`. */
export { matchShortcut, SHORTCUT_HELP, shortcutLabel, type ShortcutAction } from './keys.ts';
export { HelpOverlay } from './HelpOverlay.tsx';
