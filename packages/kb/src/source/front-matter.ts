/** @module Splits an article into YAML front matter and markdown body, keeping every value's line and column. */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { problem, type Problem } from './problem.ts';

export interface ParsedFrontMatter {
  /** The front matter as plain data, or undefined when it could not be read at all. */
  data: Record<string, unknown> | undefined;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** Where a key path such as ['questions', 2] sits in the file; falls back to the nearest parent. */
  locate(path: readonly PropertyKey[]): { line: number; column: number };
  problems: Problem[];
}

const FENCE = /^---[ \t]*$/;

export function parseFrontMatter(file: string, source: string): ParsedFrontMatter {
  const text = source.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  const start = { line: 1, column: 1 };
  if (!FENCE.test(lines[0] ?? '')) {
    return failed(file, text, start, 'kb.front_matter.missing', 'the file must start with a "---" line, then the YAML front matter, then "---"');
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing === -1) {
    return failed(file, text, start, 'kb.front_matter.unclosed', 'the front matter has no closing "---" line');
  }
  const yamlText = lines.slice(1, closing).join('\n');
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // The YAML starts on the file's second line.
  const toFile = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + 1, column: pos.col };
  };
  const problems: Problem[] = document.errors.map((error) =>
    problem({ file, ...toFile(error.pos[0]) }, 'kb.front_matter.yaml', `invalid YAML: ${firstLine(error.message)}`),
  );
  const body = lines.slice(closing + 1).join('\n');
  const bodyLine = closing + 2;
  if (problems.length > 0) {
    return { data: undefined, body, bodyLine, locate: () => start, problems };
  }
  const data: unknown = document.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push(problem({ file, line: 2, column: 1 }, 'kb.front_matter.not_a_map', 'the front matter must be "key: value" lines'));
    return { data: undefined, body, bodyLine, locate: () => start, problems };
  }
  const locate = (path: readonly PropertyKey[]) => {
    let node: Node | null = document.contents;
    let found = node?.range ? toFile(node.range[0]) : start;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
        if (!pair) break;
        const keyNode = pair.key as Node;
        if (keyNode.range) found = toFile(keyNode.range[0]);
        node = (pair.value as Node | null) ?? null;
        if (node?.range) found = toFile(node.range[0]);
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as Node | undefined;
        if (!item?.range) break;
        node = item;
        found = toFile(item.range[0]);
      } else {
        break;
      }
    }
    return found;
  };
  return { data: data as Record<string, unknown>, body, bodyLine, locate, problems };
}

function failed(file: string, text: string, at: { line: number; column: number }, code: string, message: string): ParsedFrontMatter {
  return { data: undefined, body: text, bodyLine: 1, locate: () => at, problems: [problem({ file, ...at }, code, message)] };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
