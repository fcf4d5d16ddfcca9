import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'packages/kb/bin/lifeline-kb.js');
const badKb = path.join(root, 'packages/kb/src/lint/fixtures/bad-kb');
const temp: string[] = [];
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});
const tempDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lifeline-cli-'));
  temp.push(dir);
  return dir;
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd = root): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const PROBLEM_LINE = /^\S+:\d+:\d+ {2}kb\.[a-z_.]+( \(warning\))? {2}\S.*$/;

describe('lifeline-kb', () => {
  it('prints help for the tool and for each command, exit 0', async () => {
    expect((await run(['--help'])).code).toBe(0);
    for (const command of ['lint', 'build', 'search', 'eval', 'stamp', 'preview']) {
      const result = await run([command, '--help']);
      expect(result.code, command).toBe(0);
      expect(result.stdout, command).toMatch(/^Usage: lifeline-kb /);
    }
  });

  it('exits 2 on an unknown command or flag', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    const bad = await run(['lint', '--nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--nope');
  });

  it('lint passes on the repository knowledge base', async () => {
    const result = await run(['lint']);
    expect(result.stdout).toMatch(/90 articles checked in knowledge-base: 0 error\(s\)/);
    expect(result.code).toBe(0);
  });

  it('lint prints file:line:col  code  message for every problem and exits 1', async () => {
    const result = await run(['lint', '--source', badKb, '--today', '2026-11-23']);
    expect(result.code).toBe(1);
    const problems = result.stdout.trim().split('\n').slice(0, -1);
    expect(problems.length).toBeGreaterThan(15);
    for (const line of problems) expect(line).toMatch(PROBLEM_LINE);
    expect(result.stdout).toMatch(/en\/links\.md:23:14 {2}kb\.markdown\.unsafe_link {2}/);
  });

  it('build writes identical files twice, and refuses to build a broken knowledge base', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    expect((await run(['build', '--out', a])).code).toBe(0);
    expect((await run(['build', '--out', b])).code).toBe(0);
    const names = (await readdir(a)).sort();
    expect(names).toEqual((await readdir(b)).sort());
    expect(names.filter((n) => /^(en|es)\.[0-9a-f]{12}\.json$/.test(n))).toHaveLength(2);
    for (const name of names) expect(await readFile(path.join(a, name), 'utf8')).toBe(await readFile(path.join(b, name), 'utf8'));

    const out = await tempDir();
    const broken = await run(['build', '--source', badKb, '--out', out]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('nothing was written');
    expect(await readdir(out)).toEqual([]);
    expect((await run(['build'])).code).toBe(2);
    const unwritable = await run(['build', '--out', 'README.md/out']);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toContain('[kb.build.write_failed]');
  });

  it('search shows the ranking, the scores and the decision', async () => {
    const result = await run(['search', 'webcam isnt showing on my macbook']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ 1 {2}\d\.\d{3} {2}\d\.\d{3} {2}\d\.\d{3} {2}camera-not-working/m);
    expect(result.stdout).toMatch(/^decision: (answer|suggest)/m);
    const json = await run(['search', 'el examen se congelo', '--locale', 'es', '--phase', 'during', '--json']);
    expect(JSON.parse(json.stdout).results[0].id).toBe('exam-frozen');
    expect((await run(['search', 'x', '--phase', 'lunch'])).code).toBe(2);
    expect((await run(['search'])).code).toBe(2);
  });

  it('eval --json ends with exactly one JSON object with the agreed keys', async () => {
    const result = await run(['eval', '--questions', 'knowledge-base/eval', '--locale', 'es', '--json']);
    expect(result.code).toBe(0);
    const last = result.stdout.trim().split('\n').at(-1) ?? '';
    const metrics = JSON.parse(last) as Record<string, number>;
    expect(Object.keys(metrics)).toEqual(['n', 'top1', 'top3', 'mrr', 'abstainPrecision', 'abstainRecall', 'answeredWrong']);
    for (const value of Object.values(metrics).slice(1)) expect(value).toBeGreaterThanOrEqual(0);
    expect(metrics.n).toBeGreaterThanOrEqual(100);
  });

  it('eval reads a build with --kb and reports a bad question line with its file and line', async () => {
    const out = await tempDir();
    await run(['build', '--out', out]);
    const fromBuild = await run(['eval', '--questions', 'knowledge-base/eval/en.jsonl', '--kb', out, '--json']);
    const fromSource = await run(['eval', '--questions', 'knowledge-base/eval/en.jsonl', '--json']);
    expect(fromBuild.code).toBe(0);
    expect(fromBuild.stdout.trim().split('\n').at(-1)).toBe(fromSource.stdout.trim().split('\n').at(-1));

    const bad = path.join(out, 'bad.jsonl');
    await writeFile(bad, '{"q": "fine", "locale": "en", "expect": []}\n{"q": "no locale", "expect": []}\n');
    const result = await run(['eval', '--questions', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad.jsonl:2:1');
    expect(result.stderr).toContain('[kb.eval.bad_question]');
  });

  it('lint catches an outdated translation, and stamp records the new English text', async () => {
    const copy = await tempDir();
    await cp(path.join(root, 'knowledge-base'), copy, { recursive: true });
    const english = path.join(copy, 'en/exam-frozen.md');
    await writeFile(english, (await readFile(english, 'utf8')).replace('\n1. ', '\n1. Take a breath. '));
    const stale = await run(['lint', '--source', copy]);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/es\/exam-frozen\.md:\d+:\d+ {2}kb\.translation\.outdated/);
    const stamped = await run(['stamp', path.join(copy, 'es/exam-frozen.md'), '--source', copy]);
    expect(stamped.stdout).toContain('1 translation(s) stamped');
    expect((await run(['lint', '--source', copy])).code).toBe(0);
    const wrong = await run(['stamp', english, 'missing.md', '--source', copy]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/en\/exam-frozen\.md:1:1 {2}kb\.stamp\.not_a_translation/);
    expect(wrong.stderr).toMatch(/missing\.md:1:1 {2}kb\.stamp\.not_a_translation/);
  });

  it('preview serves the search page and the freshly built knowledge base', async () => {
    const child = spawn(process.execPath, [bin, 'preview', '--port', '0'], { cwd: root });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let seen = '';
        child.stdout.on('data', (d) => {
          seen += d;
          const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(seen);
          if (match?.[1]) resolve(match[1]);
        });
        child.on('close', () => reject(new Error(`preview exited: ${seen}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<label for="query">');
      const manifest = (await (await fetch(`${url}kb/manifest.json`)).json()) as { locales: Record<string, { file: string }> };
      const en = await fetch(`${url}kb/${manifest.locales.en?.file}`);
      expect(en.status).toBe(200);
      const script = await fetch(`${url}preview.js`);
      expect(script.headers.get('content-type')).toContain('text/javascript');
    } finally {
      child.kill('SIGINT');
    }
  });
});
