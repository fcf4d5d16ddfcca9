/**
 * @module The host element's shield and the launcher's look, shared by the loader (which draws the
 * launcher before the bundle arrives) and the UI (which takes it over), so the swap is invisible.
 */

/** The element the widget attaches its shadow root to; not a custom element, so nothing upgrades it. */
export const HOST_TAG = 'lifeline-root';

/**
 * `!important` inside a shadow root beats the host page's `!important` (the cascade lets the inner
 * context win for important rules), so `* { all: unset !important }` cannot move or hide the widget.
 * Custom properties survive `all`, which is how `--lifeline-*` theming reaches in.
 */
export const LAUNCHER_CSS = `
:host{all:initial!important;display:block!important;position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;overflow:visible!important;visibility:visible!important;opacity:1!important;transform:none!important;filter:none!important;contain:none!important;z-index:var(--lifeline-z-index,2147483000)!important}
.launcher{all:initial;position:fixed;bottom:20px;right:20px;box-sizing:border-box;display:flex;align-items:center;gap:8px;height:48px;padding:0 20px 0 16px;border-radius:24px;border:2px solid transparent;background:var(--lifeline-primary,#0b57d0);color:var(--lifeline-on-primary,#fff);font:600 16px/1 system-ui,sans-serif;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.28)}
.launcher.left{right:auto;left:20px}
.launcher svg{width:22px;height:22px;fill:currentColor;flex:none}
.launcher:focus-visible{outline:3px solid var(--lifeline-focus,#e37400);outline-offset:3px}
@media (forced-colors:active){.launcher{border-color:ButtonText}}
`;

/** A question mark in a speech bubble (24×24). */
export const LAUNCHER_ICON = 'M12 2C6.5 2 2 5.9 2 10.7c0 2.6 1.3 4.9 3.4 6.5L4.5 22l5-2.6c.8.2 1.7.3 2.5.3 5.5 0 10-3.9 10-8.7S17.5 2 12 2Zm.1 14.2a1.2 1.2 0 1 1 0-2.4 1.2 1.2 0 0 1 0 2.4Zm1.6-5.1c-.7.5-.9.8-.9 1.5h-1.9c0-1.4.5-2.1 1.5-2.8.7-.5 1-.8 1-1.4 0-.7-.6-1.1-1.3-1.1-.8 0-1.4.5-1.5 1.3H8.7C8.8 6.8 10.2 5.6 12.2 5.6c1.9 0 3.2 1.1 3.2 2.7 0 1.3-.7 2-1.7 2.8Z';
