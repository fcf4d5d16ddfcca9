/** @module The checks view's stylesheet, adopted next to the panel's when the chunk loads (same palette variables). */
export const CHECKS_CSS = `
.checks h3{margin:0 0 8px;font-size:18px}
.checks progress{width:100%;height:8px;accent-color:var(--primary)}
.check-list{list-style:none;margin:12px 0;padding:0;display:flex;flex-direction:column;gap:8px}
.check{display:flex;gap:10px;padding:10px 12px;border:1px solid var(--line);border-radius:12px;background:var(--card)}
.check p{margin:0 0 4px}.check p:last-child{margin:0}
.mark{flex:none;width:24px;height:24px;border-radius:12px;display:inline-flex;align-items:center;justify-content:center;font-weight:700;color:#fff;background:var(--muted)}
.pass .mark{background:#137333}.warn .mark{background:#8a5300}.fail .mark{background:#c5221f}
.dark .pass .mark{background:#0d652d}.dark .warn .mark{background:#7a4a00}.dark .fail .mark{background:#a50e0e}
.check-name{font-weight:700}
.figures{color:var(--muted);font-size:13px}
.prompt{margin:12px 0;padding:12px;border:2px solid var(--primary);border-radius:12px}
.prompt p{margin:0 0 8px}
.preview video{display:block;width:100%;max-height:200px;border-radius:8px;background:#000;object-fit:contain}
.meter{height:12px;border-radius:6px;background:var(--line);overflow:hidden}
.meter span{display:block;height:100%;background:var(--primary)}
.summary{margin-top:12px;padding:12px;border-radius:12px;background:var(--bubble)}
.summary p{margin:0 0 6px}
.code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:18px;letter-spacing:1px;white-space:nowrap}
select{font:inherit;font-size:14px;min-height:36px;border-radius:8px;border:1px solid var(--muted);background:var(--bg);color:var(--text);padding:4px 8px}
`;
