/** @module Renders an article's markdown body to sanitized HTML at build time, and reports what must not ship. */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { problem, type Problem } from '../source/problem.ts';
import { classifyLink, type LinkTarget } from './links.ts';
import { findPlaceholders } from './placeholders.ts';

export interface CompiledBody {
  html: string;
  /** The body as plain text, for the search index. */
  text: string;
  articleLinks: { id: string; line: number; column: number }[];
  placeholders: { name: string; line: number; column: number }[];
  problems: Problem[];
  /** Where `pattern` first matches in the markdown source (it may span lines), else the body's first line: for problems found in `text`. */
  locateText(pattern: RegExp): { file: string; line: number; column: number };
}

export interface BodySource {
  file: string;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
}

// html: true only so that raw HTML becomes tokens we can point at and reject;
// the renderer below never writes it out as markup.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });
// Links are judged by classifyLink, which knows about article links and placeholders.
markdown.validateLink = () => true;
const defaultNormalizeLink = markdown.normalizeLink.bind(markdown);
markdown.normalizeLink = (url) => (/^\{\{.*\}\}$/.test(url.trim()) ? url.trim() : defaultNormalizeLink(url));

/** Tags the renderer may produce; anything else in the output is a bug, and the build stops. */
const ALLOWED_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ol', 'ul', 'li', 'strong', 'em', 's', 'code', 'pre', 'a', 'img',
  'blockquote', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
]);

export function compileBody(source: BodySource): CompiledBody {
  const lines = source.body.split(/\r?\n/);
  const problems: Problem[] = [];
  const articleLinks: CompiledBody['articleLinks'] = [];
  const placeholders: CompiledBody['placeholders'] = [];
  const textParts: string[] = [];
  const tokens = markdown.parse(source.body, {});

  // Tokens know their block's lines; find the exact spot of the needle there. Markdown may have decoded
  // entities in it, so a shorter prefix is tried before giving up on the column.
  const locate = (map: [number, number] | null | undefined, needle: string) => {
    const [from, to] = map ?? [0, lines.length];
    for (const probe of [needle, needle.slice(0, 8)]) {
      for (let index = from; index < Math.max(to, from + 1) && index < lines.length; index += 1) {
        const column = probe === '' ? -1 : (lines[index] ?? '').indexOf(probe);
        if (column !== -1) return { file: source.file, line: source.bodyLine + index, column: column + 1 };
      }
    }
    return { file: source.file, line: source.bodyLine + from, column: 1 };
  };

  const checkLink = (href: string, map: [number, number] | null, what: 'link' | 'image'): LinkTarget => {
    const target = classifyLink(href);
    const at = () => locate(map, href.slice(0, 40));
    if (target.kind === 'unsafe') {
      problems.push(problem(at(), 'kb.markdown.unsafe_link', `${what} to a "${target.scheme}:" URL is not allowed; use an https:// link or another article's file name`));
    } else if (target.kind === 'unsupported') {
      problems.push(problem(at(), 'kb.markdown.unsupported_link', `${what} "${href}" is neither https://, mailto:, a placeholder such as {{links.support}} nor another article such as camera-not-working.md`));
    } else if (what === 'image' && target.kind !== 'external') {
      problems.push(problem(at(), 'kb.markdown.unsupported_link', `an image must be an https:// URL, not "${href}"`));
    } else if (target.kind === 'article') {
      articleLinks.push({ id: target.id, ...at() });
    }
    return target;
  };

  const visit = (list: Token[], map: [number, number] | null) => {
    for (const token of list) {
      const here = token.map ?? map;
      if (token.type === 'html_block' || token.type === 'html_inline') {
        const snippet = token.content.trim().split('\n')[0] ?? '';
        problems.push(problem(locate(here, snippet.slice(0, 20)), 'kb.markdown.raw_html', `raw HTML is not allowed ("${snippet.slice(0, 40)}"); write markdown instead`));
      } else if (token.type === 'link_open') {
        token.meta = { target: checkLink(token.attrGet('href') ?? '', here, 'link') };
      } else if (token.type === 'image') {
        token.meta = { target: checkLink(token.attrGet('src') ?? '', here, 'image') };
      }
      if (token.type === 'text' || token.type === 'code_inline' || token.type === 'code_block' || token.type === 'fence') {
        textParts.push(token.content);
        for (const found of findPlaceholders(token.content)) {
          placeholders.push({ name: found.name, ...locate(here, found.raw) });
        }
      } else if (token.type === 'paragraph_close' || token.type === 'heading_close' || token.type === 'list_item_close') {
        textParts.push('\n');
      } else if (token.type === 'softbreak' || token.type === 'hardbreak') {
        textParts.push(' ');
      }
      if (token.children) visit(token.children, here);
    }
  };
  visit(tokens, null);

  const html = renderer.render(tokens, markdown.options, {});
  const stray = [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]?.toLowerCase() ?? '').find((tag) => !ALLOWED_TAGS.has(tag));
  if (stray !== undefined) {
    problems.push(problem({ file: source.file, line: source.bodyLine, column: 1 }, 'kb.markdown.unsafe_output', `the rendered HTML holds a <${stray}> tag that is not allowed`));
  }
  const locateText = (pattern: RegExp) => {
    const match = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(source.body);
    if (!match) return { file: source.file, line: source.bodyLine, column: 1 };
    const before = source.body.slice(0, match.index).split(/\r?\n/);
    return { file: source.file, line: source.bodyLine + before.length - 1, column: (before.at(-1)?.length ?? 0) + 1 };
  };
  return { html, text: textParts.join('').replace(/[ \t]+/g, ' ').replace(/\n\s*/g, '\n').trim(), articleLinks, placeholders, problems, locateText };
}

const renderer = new MarkdownIt().renderer;
const escapeHtml = markdown.utils.escapeHtml;
// Raw HTML is a lint error and stops the build; if it ever got this far it is shown as text, never as markup.
renderer.rules.html_block = (tokens, index) => `<p>${escapeHtml(tokens[index]?.content ?? '')}</p>\n`;
renderer.rules.html_inline = (tokens, index) => escapeHtml(tokens[index]?.content ?? '');
renderer.rules.link_open = (tokens, index, options, _env, self) => {
  const token = tokens[index]!;
  const target = (token.meta as { target?: LinkTarget } | null)?.target;
  token.attrs = [];
  if (target?.kind === 'article') {
    token.attrSet('href', `#article/${target.id}`);
    token.attrSet('data-article', target.id);
  } else if (target?.kind === 'external') {
    token.attrSet('href', target.href);
    if (!target.href.startsWith('mailto:')) {
      token.attrSet('target', '_blank');
      token.attrSet('rel', 'noopener noreferrer');
    }
  } else if (target?.kind === 'placeholder') {
    // The widget sets href from the host's context after checking it is an http(s) URL.
    token.attrSet('data-href', target.name);
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer');
  }
  return self.renderToken(tokens, index, options);
};
renderer.rules.image = (tokens, index) => {
  const token = tokens[index]!;
  const target = (token.meta as { target?: LinkTarget } | null)?.target;
  if (target?.kind !== 'external') return '';
  return `<img src="${escapeHtml(target.href)}" alt="${escapeHtml(token.content)}">`;
};
