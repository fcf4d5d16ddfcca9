/** @module The preview page's HTML shell. */

export const PREVIEW_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lifeline knowledge base — search preview</title>
<link rel="stylesheet" href="preview.css">
</head>
<body>
<main>
<h1>Knowledge-base search preview</h1>
<p>Type a question the way a candidate would. The page runs the widget's search on the knowledge base as it is on disk, rebuilt on every save.</p>
<form id="search-form" role="search">
  <label for="query">Question</label>
  <input id="query" type="search" autocomplete="off" placeholder="webcam isnt showing on my macbook" autofocus>
  <label for="locale">Language</label>
  <select id="locale">LOCALE_OPTIONS</select>
  <label for="phase">Exam phase</label>
  <select id="phase"><option value="">any</option><option value="before">before</option><option value="during">during</option><option value="after">after</option></select>
</form>
<p id="status" role="status" aria-live="polite">Loading the knowledge base…</p>
<div id="results" aria-live="polite"></div>
<article id="article" tabindex="-1"></article>
</main>
<script type="module" src="preview.js"></script>
</body>
</html>
`;

export const PREVIEW_CSS = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
#query { flex: 1 1 20rem; font-size: 1.1rem; padding: .4rem; }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
th, td { border-bottom: 1px solid #8886; padding: .3rem; text-align: left; vertical-align: top; }
.decision { font-weight: bold; }
.decision.answer { color: #0a6b2d; } .decision.suggest { color: #8a5a00; } .decision.none { color: #a11; }
@media (prefers-color-scheme: dark) { .decision.answer { color: #7be0a0; } .decision.suggest { color: #f0c060; } .decision.none { color: #ff8a8a; } }
button { font: inherit; cursor: pointer; }
:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
.words { font-size: .9rem; }
#results { overflow-x: auto; }
#article { margin-top: 2rem; border-top: 2px solid #8886; }
`;
