/** @module Reads evaluation questions: JSON Lines of {"q", "locale", "expect"}, from files or folders. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod/mini';
import { ArticleId, Locale, LifelineError } from '@lifeline/protocol';
import { displayPath } from '../source/load.ts';

export const EvalQuestion = z.strictObject({
  q: z.string().check(z.minLength(1, 'the question is empty')),
  locale: Locale,
  expect: z.array(ArticleId),
});
export type EvalQuestion = z.infer<typeof EvalQuestion> & { file: string; line: number };

/** Each path is a .jsonl file or a folder whose *.jsonl files are read (not its subfolders). */
export async function readEvalQuestions(paths: string[]): Promise<EvalQuestion[]> {
  const files: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (!info) throw new LifelineError('kb.eval.not_found', `no such file or folder: ${p}`);
    if (info.isDirectory()) {
      const names = (await readdir(p)).filter((n) => n.endsWith('.jsonl')).sort();
      if (names.length === 0) throw new LifelineError('kb.eval.empty', `${p} holds no .jsonl files`);
      files.push(...names.map((n) => path.join(p, n)));
    } else {
      files.push(p);
    }
  }
  const questions: EvalQuestion[] = [];
  for (const file of files) {
    const shown = displayPath(path.resolve(file));
    const lines = (await readFile(file, 'utf8')).split(/\r?\n/);
    lines.forEach((text, index) => {
      if (text.trim() === '') return;
      const location = { file: shown, line: index + 1, column: 1 };
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (cause) {
        throw new LifelineError('kb.eval.bad_json', `${shown}:${index + 1}:1  not valid JSON: ${(cause as Error).message}`, { cause, location });
      }
      const parsed = EvalQuestion.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new LifelineError('kb.eval.bad_question', `${shown}:${index + 1}:1  ${issue?.path.join('.') || 'line'}: ${issue?.message}; expected {"q": "...", "locale": "en", "expect": ["article-id"]}`, { location });
      }
      questions.push({ ...parsed.data, file: shown, line: index + 1 });
    });
  }
  return questions;
}
