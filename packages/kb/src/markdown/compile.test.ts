import { describe, expect, it } from 'vitest';
import { compileBody } from './compile.ts';

const compile = (body: string) => compileBody({ file: 'en/x.md', body, bodyLine: 10 });
const codes = (body: string) => compile(body).problems.map((p) => `${p.code}@${p.line}:${p.column}`);

describe('compileBody', () => {
  it('renders markdown to HTML and plain text', () => {
    const out = compile('Close **Zoom**.\n\n1. Open Settings\n2. Allow the camera\n');
    expect(out.problems).toEqual([]);
    expect(out.html).toBe('<p>Close <strong>Zoom</strong>.</p>\n<ol>\n<li>Open Settings</li>\n<li>Allow the camera</li>\n</ol>\n');
    expect(out.text).toBe('Close Zoom.\nOpen Settings\nAllow the camera');
  });

  it('turns article links into in-widget links and remembers them', () => {
    const out = compile('See [permissions](browser-permissions.md).');
    expect(out.html).toBe('<p>See <a href="#article/browser-permissions" data-article="browser-permissions">permissions</a>.</p>\n');
    expect(out.articleLinks).toEqual([{ id: 'browser-permissions', file: 'en/x.md', line: 10, column: 19 }]);
  });

  it('gives external links rel="noopener noreferrer" and a new tab', () => {
    expect(compile('[Chrome](https://www.google.com/chrome/)').html).toBe(
      '<p><a href="https://www.google.com/chrome/" target="_blank" rel="noopener noreferrer">Chrome</a></p>\n',
    );
    expect(compile('[mail](mailto:help@example.com)').html).toBe('<p><a href="mailto:help@example.com">mail</a></p>\n');
  });

  it('leaves a placeholder link for the widget to fill, without an href', () => {
    expect(compile('[reschedule]({{links.reschedule}})').html).toBe(
      '<p><a data-href="links.reschedule" target="_blank" rel="noopener noreferrer">reschedule</a></p>\n',
    );
  });

  it.each([
    ['javascript: link', 'Line one\n\nClick [here](javascript:alert(1))', 'kb.markdown.unsafe_link@12:14'],
    ['javascript: hidden by case and entities', '[x](JaVaScRiPt&#58;alert(1))', 'kb.markdown.unsafe_link@10:5'],
    ['javascript: hidden by a tab', '[x](java%09script:alert(1))', 'kb.markdown.unsafe_link@10:5'],
    ['vbscript: link', '[x](vbscript:msgbox)', 'kb.markdown.unsafe_link@10:5'],
    ['data: URI link', '[x](data:text/html;base64,PHNjcmlwdD4=)', 'kb.markdown.unsafe_link@10:5'],
    ['data: URI image', '![x](data:image/png;base64,AAAA)', 'kb.markdown.unsafe_link@10:6'],
    ['raw <script>', 'Text\n<script>alert(1)</script>', 'kb.markdown.raw_html@11:1'],
    ['<img onerror>', 'An <img src=x onerror="alert(1)"> here', 'kb.markdown.raw_html@10:4'],
    ['autolink to javascript:', '<javascript:alert(1)>', 'kb.markdown.unsafe_link@10:2'],
    ['relative link', '[x](../secret.txt)', 'kb.markdown.unsupported_link@10:5'],
  ])('rejects a %s with its line and column', (_name, body, expected) => {
    expect(codes(body)).toContain(expected);
  });

  it('never writes raw HTML out as markup, even before the build refuses it', () => {
    const out = compile('<script>alert(1)</script>\n\nx <img src=x onerror=alert(1)>');
    expect(out.html).not.toMatch(/<script|<img/i);
    expect(out.html).toContain('&lt;script&gt;');
  });

  it('never emits an href with a dangerous scheme', () => {
    const out = compile('[a](javascript:alert(1)) [b](data:text/html,x) [c](vbscript:x)');
    expect(out.html).not.toMatch(/href="(javascript|data|vbscript):/i);
  });

  it('finds placeholders with their positions', () => {
    expect(compile('Call {{support.phone}}\n\nor {{ links.support }}').placeholders).toEqual([
      { name: 'support.phone', file: 'en/x.md', line: 10, column: 6 },
      { name: 'links.support', file: 'en/x.md', line: 12, column: 4 },
    ]);
  });
});
