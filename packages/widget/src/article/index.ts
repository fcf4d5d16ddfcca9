/**
 * @module The article view, a lazy chunk: the compiled HTML with placeholders filled as escaped
 * text (links only to http(s) addresses), shown by ArticleView.
 */
import type { HostContext } from '@lifeline/protocol';
import { contextValue, PLACEHOLDER, safeUrl, type Fallback } from '../kb/placeholders.ts';

export { ArticleView } from '../ui/ArticleView.tsx';
export { ARTICLE_CSS } from './styles.ts';

/** Markdown links to a placeholder (`[rules](links.examRules)`) compile to `data-href`. */
const PLACEHOLDER_LINK = /<a data-href="([a-zA-Z]+(?:\.[a-zA-Z]+)*)"/g;

export function fillHtml(html: string, context: HostContext, fallback: Fallback): string {
  const withLinks = html.replace(PLACEHOLDER_LINK, (_, name: string) => {
    const url = safeUrl(contextValue(context, name));
    // Without an address the anchor stays, inert: its text still reads as part of the sentence.
    return url ? `<a href="${escapeHtml(url)}"` : '<a';
  });
  return withLinks.replace(PLACEHOLDER, (_, name: string) => {
    const value = contextValue(context, name);
    if (value === undefined) return escapeHtml(fallback(name));
    const url = name.startsWith('links.') ? safeUrl(value) : undefined;
    if (url) return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(displayUrl(url))}</a>`;
    return escapeHtml(value);
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `https://exams.example.com/bookings/` reads as `exams.example.com/bookings`. */
function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
