/** @module The article view's stylesheet: in the article chunk, adopted after the panel's when it loads (the panel's palette variables). */
export const ARTICLE_CSS = `
.article h2{font-size:16px;margin:16px 0 6px;flex:none}
.article ol,.article ul{padding-inline-start:22px;margin:8px 0}
.article li{margin:4px 0}
.article a{color:var(--link)}
.article a:not([href]){color:inherit;text-decoration:none}
.article code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
`;
