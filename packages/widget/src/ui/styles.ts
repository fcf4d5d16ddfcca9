/**
 * @module The panel's stylesheet, adopted into the shadow root as a constructable stylesheet (no
 * `<style>`, so a CSP without 'unsafe-inline' allows it). Pixel units: the host page's root font
 * size must not resize the widget; browser zoom still does.
 */
/** Light and dark palettes; every text/background pair keeps at least 4.5:1. */
export const PANEL_CSS = `
.root{all:initial;display:block;font:15px/1.45 system-ui,sans-serif;color:var(--text);
--primary:var(--lifeline-primary,#0b57d0);--on-primary:var(--lifeline-on-primary,#fff);--focus:var(--lifeline-focus,#e37400);
--bg:#fff;--text:#1f1f1f;--muted:#4a4f55;--line:#c4c7c5;--bubble:#e9eef6;--card:#f7f9fc;--link:#0b57d0}
.root.dark{--bg:#1e1f22;--text:#e8eaed;--muted:#bdc1c6;--line:#5f6368;--bubble:#2d3a4f;--card:#27292d;--link:#a8c7fa;--primary:var(--lifeline-primary-dark,#a8c7fa);--on-primary:var(--lifeline-on-primary-dark,#062e6f)}
.root *,.root *::before,.root *::after{box-sizing:border-box}
.panel{position:fixed;bottom:80px;right:20px;width:384px;max-width:calc(100vw - 40px);height:600px;max-height:calc(100vh - 100px - var(--top,0px));display:flex;flex-direction:column;background:var(--bg);color:var(--text);border:1px solid var(--line);border-radius:16px;box-shadow:0 8px 32px rgba(0,0,0,.3);overflow:hidden}
.left .panel{right:auto;left:20px}
.panel[hidden]{display:none}
.panel.min{height:auto;top:auto}
@media (prefers-reduced-motion:no-preference){.panel{animation:rise .16s ease-out}@keyframes rise{from{opacity:0;transform:translateY(8px)}}}
@media (max-height:520px){.panel{bottom:8px;max-height:calc(100vh - 16px - var(--top,0px))}.open .launcher{display:none}}
@media (max-width:480px){.panel{inset:var(--top,0px) 0 0;width:100%;max-width:none;height:auto;max-height:none;border-radius:0;border:0}.open .launcher{display:none}}
.header{display:flex;align-items:center;gap:8px;padding:12px 12px 12px 16px;background:var(--primary);color:var(--on-primary)}
h2{flex:1;margin:0;font:inherit;font-size:17px;font-weight:700}
.icon-btn{display:inline-flex;align-items:center;justify-content:center;width:40px;height:40px;border-radius:20px;border:0;background:transparent;color:inherit;cursor:pointer;font:inherit;font-size:22px;line-height:1}
.icon-btn:hover{background:rgba(127,127,127,.25)}
.people{display:flex;flex-wrap:wrap;align-items:center;gap:8px;padding:8px 16px;border-bottom:1px solid var(--line);background:var(--card);font-size:13px}.people p{flex:1 1 180px;margin:0}
.body{flex:1;overflow-y:auto;padding:16px;overscroll-behavior:contain}
.log{display:flex;flex-direction:column;gap:12px}
.msg{max-width:92%;padding:10px 12px;border-radius:12px;overflow-wrap:anywhere}
.msg p{margin:0 0 6px}.msg p:last-child{margin:0}
.bot{align-self:flex-start;background:var(--card);border:1px solid var(--line)}
.you{align-self:flex-end;background:var(--bubble)}
.title{font-weight:700}
.row{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px;align-items:center}
.btn,.chip{font:inherit;font-size:14px;min-height:36px;padding:6px 14px;border-radius:18px;cursor:pointer;border:1px solid var(--primary)}
.btn{background:var(--primary);color:var(--on-primary);font-weight:600}
.chip{background:var(--bg);color:var(--link);border-color:var(--line);text-align:start}
.chip:hover{border-color:var(--link)}
.chip[aria-pressed=true]{background:var(--bubble);color:var(--text)}
.status{color:var(--muted);font-size:14px;margin:12px 0 0}
h3{margin:0 0 8px;font-size:18px}
.msg a{color:var(--link)}
.back{margin-bottom:12px}
form{display:flex;gap:8px;padding:12px;border-top:1px solid var(--line);background:var(--bg)}
input{flex:1;min-width:0;font:inherit;font-size:16px;padding:8px 12px;border-radius:20px;border:1px solid var(--muted);background:var(--bg);color:var(--text)}
input::placeholder{color:var(--muted);opacity:1}
.hint{color:var(--muted);font-size:13px;padding:0 16px 8px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
input:focus-visible{outline-offset:0}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (forced-colors:active){.panel,.btn,.chip{border:1px solid CanvasText}}
`;

/** A stylesheet after `before`: constructable where the browser has them (every current one), a `<style>` element otherwise. */
export function adoptStyles(root: ShadowRoot, css: string, before: readonly CSSStyleSheet[] = []): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...before, sheet];
    return;
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.append(style);
}
