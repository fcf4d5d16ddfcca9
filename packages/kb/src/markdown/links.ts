/** @module Classifies a link target in an article: another article, a safe external link, a host placeholder, or a rejected one. */

export type LinkTarget =
  | { kind: 'article'; id: string }
  | { kind: 'external'; href: string }
  | { kind: 'placeholder'; name: string }
  | { kind: 'unsafe'; scheme: string }
  | { kind: 'unsupported' };

const ARTICLE_LINK = /^(?:\.\/)?([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
const PLACEHOLDER_LINK = /^\{\{\s*([a-zA-Z]+(?:\.[a-zA-Z]+)*)\s*\}\}$/;
// Browsers ignore these characters inside a scheme ("java\tscript:"), so an attacker can hide one with them.
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f]/g;
const UNSAFE_SCHEMES = new Set(['javascript', 'data', 'vbscript', 'file', 'blob']);

export function classifyLink(rawHref: string): LinkTarget {
  const href = rawHref.trim();
  const placeholder = PLACEHOLDER_LINK.exec(href);
  if (placeholder?.[1]) return { kind: 'placeholder', name: placeholder[1] };
  const article = ARTICLE_LINK.exec(href);
  if (article?.[1]) return { kind: 'article', id: article[1] };
  const scheme = schemeOf(href);
  if (scheme !== undefined && UNSAFE_SCHEMES.has(scheme)) return { kind: 'unsafe', scheme };
  if (scheme === 'https' || scheme === 'http' || scheme === 'mailto') return { kind: 'external', href };
  return { kind: 'unsupported' };
}

function schemeOf(href: string): string | undefined {
  let decoded = href;
  try {
    decoded = decodeURIComponent(href);
  } catch {
    // A malformed escape is not a way around the check: look at the raw text.
  }
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(decoded.replace(IGNORED_IN_SCHEME, ''));
  return match?.[1]?.toLowerCase();
}
