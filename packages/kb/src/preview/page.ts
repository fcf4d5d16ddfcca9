/** @module The preview page's script: runs the real browser search on the freshly built KB and explains each result. */
import { createKbSearch, loadLocale, type ExplainedResponse, type LocaleSearchEngine } from '../search/index.ts';
import type { Phase } from '@lifeline/protocol';

const search = createKbSearch();
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>('search-form');
const input = byId<HTMLInputElement>('query');
const localeSelect = byId<HTMLSelectElement>('locale');
const phaseSelect = byId<HTMLSelectElement>('phase');
const status = byId<HTMLParagraphElement>('status');
const output = byId<HTMLDivElement>('results');
const article = byId<HTMLElement>('article');
let engine: LocaleSearchEngine | undefined;
let loadedFrom = '';

async function refresh(): Promise<void> {
  try {
    const manifest = (await (await fetch('kb/manifest.json', { cache: 'no-store' })).json()) as { kbVersion: string; locales: Record<string, { file: string; articles: number }> };
    const entry = manifest.locales[localeSelect.value];
    const key = `${localeSelect.value}:${entry?.file ?? ''}`;
    if (key === loadedFrom) return;
    engine = await loadLocale(search, 'kb/', localeSelect.value);
    loadedFrom = key;
    status.textContent = `KB ${manifest.kbVersion}, ${localeSelect.value}: ${entry?.articles ?? 0} articles loaded (${entry?.file ?? '?'})`;
    run();
  } catch (error) {
    status.textContent = `Could not load the knowledge base: ${(error as Error).message}`;
  }
}

function run(): void {
  const query = input.value.trim();
  output.replaceChildren();
  if (!engine || query === '') return;
  const started = performance.now();
  const explained = engine.explain(query, { phase: (phaseSelect.value || undefined) as Phase | undefined, limit: 8 });
  const elapsed = performance.now() - started;
  output.append(render(explained, elapsed));
}

function render(explained: ExplainedResponse, elapsedMs: number): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const decision = el('p', `Decision: ${explained.decision} (margin ${explained.margin.toFixed(3)}, ${elapsedMs.toFixed(2)} ms)`);
  decision.className = `decision ${explained.decision}`;
  fragment.append(decision);
  const words = el('ul');
  words.className = 'words';
  for (const slot of explained.slots) {
    const matched = slot.matched.map((m) => (m.similarity === 1 ? m.term : `${m.term} ~${m.similarity}`)).join(', ') || 'not in the KB';
    words.append(el('li', `${slot.word} (weight ${slot.weight.toFixed(2)}): ${matched}`));
  }
  fragment.append(words);
  const table = el('table');
  const head = el('tr');
  for (const h of ['#', 'article', 'score', 'coverage', 'question', 'closest example question']) head.append(el('th', h));
  table.append(head);
  explained.results.forEach((r, i) => {
    const row = el('tr');
    const open = el('button', r.title);
    open.type = 'button';
    open.addEventListener('click', () => show(r.id));
    const cell = el('td');
    cell.append(open, el('small', ` ${r.id}`));
    row.append(el('td', String(i + 1)), cell, el('td', r.score.toFixed(3)), el('td', r.coverage.toFixed(3)), el('td', r.questionSimilarity.toFixed(3)), el('td', r.bestQuestion ?? ''));
    table.append(row);
  });
  fragment.append(table);
  return fragment;
}

/** The article as a candidate reads it when the platform gives no values: each placeholder's fallback (kb.config.yaml). */
function withFallbacks(text: string, escape: (value: string) => string = (value) => value): string {
  return text.replace(/\{\{\s*([a-zA-Z]+(?:\.[a-zA-Z]+)*)\s*\}\}/g, (whole, name: string) => {
    const fallback = engine?.fallbacks[name];
    return fallback === undefined ? whole : escape(fallback);
  });
}

function show(id: string): void {
  const found = engine?.articles.find((a) => a.id === id);
  if (!found) return;
  article.replaceChildren(el('h2', withFallbacks(found.title)), el('p', withFallbacks(found.summary)));
  const body = document.createElement('div');
  // The HTML was rendered from markdown and sanitized by lifeline-kb build; the fallbacks come from
  // kb.config.yaml and are escaped; nothing a person typed here goes in.
  body.innerHTML = withFallbacks(found.html, (value) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`));
  article.append(body);
  article.focus();
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});
input.addEventListener('input', run);
phaseSelect.addEventListener('change', run);
localeSelect.addEventListener('change', () => void refresh());
void refresh();
// The server rebuilds on every save; pick up the new content-addressed file.
setInterval(() => void refresh(), 2000);
