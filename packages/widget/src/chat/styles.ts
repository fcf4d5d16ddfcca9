/**
 * @module The chat view's stylesheet, adopted next to the panel's when the chunk loads (same palette variables
 * and classes), and the launcher's unread badge, which only the chat sets: white on #b3261e (6.5:1); with forced
 * colors the browser draws it in system colors, its border and number still visible.
 */
export const CHAT_CSS = `
.chat .log{list-style:none;margin:12px 0;padding:0}
.when{font-size:13px;color:var(--muted)}
.chat .unread{border-left:4px solid var(--primary)}
.note{align-self:center;text-align:center;color:var(--muted);font-size:13px}
.shared dt{font-weight:700;margin-top:8px}.shared dd{margin:2px 0 0;overflow-wrap:anywhere}
.say{position:sticky;bottom:-16px;margin:12px -16px -16px}
.rating{display:block;border:0;padding:0;margin-top:12px}
.rating fieldset{border:0;padding:0;margin:8px 0;display:flex;flex-wrap:wrap;gap:8px}
.rating legend{padding:0 0 8px}
.rating .chip{display:inline-flex;align-items:center;gap:6px;color:var(--text)}
textarea{display:block;width:100%;margin:4px 0 8px;font:inherit;padding:8px;border-radius:8px;border:1px solid var(--muted);background:var(--bg);color:var(--text)}
.launcher[data-unread]::after{content:attr(data-unread);position:absolute;top:-8px;right:-8px;min-width:24px;height:24px;padding:0 6px;border:2px solid #fff;border-radius:12px;background:#b3261e;color:#fff;font:700 12px/20px system-ui,sans-serif;text-align:center}
`;
