import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from './front-matter.ts';

describe('parseFrontMatter', () => {
  it('returns the data, the body and the line the body starts on', () => {
    const parsed = parseFrontMatter('a.md', '---\nid: a\ntitle: A\n---\n\nHello\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toEqual({ id: 'a', title: 'A' });
    expect(parsed.bodyLine).toBe(5);
    expect(parsed.body).toBe('\nHello\n');
  });

  it('locates a value by its key path, in file lines', () => {
    const parsed = parseFrontMatter('a.md', '---\nid: a\nquestions:\n  - one\n  - two\n---\nBody');
    expect(parsed.locate(['questions', 1])).toEqual({ line: 5, column: 5 });
    expect(parsed.locate(['id'])).toEqual({ line: 2, column: 5 });
  });

  it('reports broken YAML at its line', () => {
    const parsed = parseFrontMatter('a.md', '---\nid: a\ntitle: [unclosed\nsummary: x\n---\n');
    expect(parsed.data).toBeUndefined();
    expect(parsed.problems[0]?.code).toBe('kb.front_matter.yaml');
    expect(parsed.problems[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('reports a duplicate key', () => {
    const parsed = parseFrontMatter('a.md', '---\nid: a\nid: b\n---\n');
    expect(parsed.problems.map((p) => [p.code, p.line])).toEqual([['kb.front_matter.yaml', 3]]);
  });

  it.each([
    ['no front matter', 'Just text', 'kb.front_matter.missing'],
    ['no closing fence', '---\nid: a\n', 'kb.front_matter.unclosed'],
    ['a list, not a map', '---\n- a\n- b\n---\n', 'kb.front_matter.not_a_map'],
  ])('rejects %s', (_name, source, code) => {
    expect(parseFrontMatter('a.md', source).problems.map((p) => p.code)).toEqual([code]);
  });

  it('survives seeded random input without throwing', () => {
    let seed = 0x5eed;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pieces = ['---', '\n', 'id: ', 'a', ':', '[', ']', '{', '"', "'", '- ', '  ', '#', '\u0000', 'é', '\r\n', '&x', '*x', '!!str'];
    for (let run = 0; run < 2000; run += 1) {
      const text = Array.from({ length: 1 + Math.floor(random() * 30) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect(() => parseFrontMatter('fuzz.md', text), `seed run ${run}: ${JSON.stringify(text)}`).not.toThrow();
    }
  });
});
