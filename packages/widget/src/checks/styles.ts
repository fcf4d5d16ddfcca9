/** @module The checks view's stylesheet, adopted next to the panel's when the chunk loads (same palette variables). */
export const CHECKS_CSS = `
.checks progress{width:100%;accent-color:var(--primary)}
.check-list{list-style:none;margin:12px 0;padding:0;display:flex;flex-direction:column;gap:8px}
.check,.prompt,.summary,.reference{padding:12px;border-radius:12px}
.check{display:flex;gap:10px;border:1px solid var(--line);background:var(--card)}
.check p,.prompt p,.reference p{margin:0 0 6px}.check p:last-child{margin:0}
.mark{flex:none;width:24px;height:24px;border-radius:12px;line-height:24px;text-align:center;font-weight:700;color:#fff;background:var(--muted)}
.pass .mark{background:#137333}.warn .mark{background:#8a5300}.fail .mark{background:#c5221f}
.check-name{font-weight:700}
.figures{color:var(--muted);font-size:13px}
.prompt{margin:12px 0;border:2px solid var(--primary)}
.preview video{display:block;width:100%;max-height:200px;border-radius:8px;background:#000}
.meter{height:12px;border-radius:6px;background:var(--line);overflow:hidden}
.meter span{display:block;width:0;height:100%;background:var(--primary)}
.summary,.reference{background:var(--bubble)}.summary{margin:12px 0 0;font-weight:700}
.code{font:18px ui-monospace,Menlo,Consolas,monospace;letter-spacing:1px;white-space:nowrap}
select{font:inherit;min-height:36px;background:var(--bg);color:var(--text)}
`;
