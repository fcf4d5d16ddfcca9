/**
 * @module The console end to end in real Chromium at 1280×800: the built console (vite) served by
 * consoleStatic in front of a real gateway on PGlite. An agent signs in, sees the candidate's
 * conversation, takes it with the keyboard, reads the context, inserts an article, replies, and the
 * candidate's own SSE stream receives the reply; axe-core finds nothing on the way.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { TYPING_TTL_MS, type SessionContext } from '@lifeline/protocol';
import { Hono } from 'hono';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsole } from '../../packages/console/build/build.ts';
import { consoleStatic } from '../../packages/gateway/src/console-static.ts';
import { candidateToken, CONTEXT, readSse, testAccounts, testGateway, type TestGateway } from '../../packages/gateway/src/test/support.ts';
import { launchChromium } from '../browser/harness.ts';

const KB_DIR = fileURLToPath(new URL('../../dist/kb/', import.meta.url));
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** What the widget sends on escalation: a question, the bot's answer, an unhelpful article, and a failing camera. */
const ESCALATION: SessionContext = {
  ...CONTEXT,
  locale: 'en',
  phase: 'during',
  entries: [
    { type: 'question', at: 1, text: 'my camera is black' },
    { type: 'answer', at: 2, decision: 'answer', articleId: 'camera-not-working', alternatives: [], kbVersion: '2026.11.1' },
    { type: 'feedback', at: 3, articleId: 'camera-not-working', helpful: false },
  ],
  checks: {
    version: 1,
    code: '1F5K-8G6H-2A7',
    at: 4,
    results: [
      { check: 'browser', status: 'pass', reason: 'browser.ok', measured: {}, durationMs: 2 },
      { check: 'camera', status: 'fail', reason: 'camera.black_frame', measured: { meanLuma: 3 }, article: 'camera-not-working', durationMs: 900 },
    ],
  },
};

let consoleDir: string;
let gateway: TestGateway;
let front: ServerType;
let url: string;
let browser: Browser;

/** The console's origin: its files, the demo's KB, and the gateway behind it (as one origin, as in production). */
function frontApp(): Hono {
  const app = new Hono();
  app.route('/', consoleStatic(consoleDir, { config: { kbUrl: '/kb/', articleUrl: 'https://help.example.com/{locale}/{id}' } }));
  app.get('/kb/:file', async (c) => {
    const body = await readFile(path.join(KB_DIR, path.basename(c.req.param('file')))).catch(() => undefined);
    return body ? c.body(body, 200, { 'content-type': 'application/json' }) : c.notFound();
  });
  app.all('/console/api/*', (c) => {
    const headers = new Headers(c.req.raw.headers);
    headers.delete('host');
    const target = new URL(c.req.url);
    return fetch(`${gateway.url}${target.pathname}${target.search}`, { method: c.req.method, headers, body: ['GET', 'HEAD'].includes(c.req.method) ? undefined : c.req.raw.body, duplex: 'half' } as RequestInit);
  });
  return app;
}

beforeAll(async () => {
  consoleDir = await mkdtemp(path.join(tmpdir(), 'lifeline-console-'));
  await buildConsole(consoleDir);
  gateway = await testGateway({ agents: await testAccounts() });
  front = await new Promise<ServerType>((resolve) => {
    const started: ServerType = serve({ fetch: frontApp().fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const address = front.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/console/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  (front as unknown as { closeAllConnections?(): void })?.closeAllConnections?.();
  await new Promise<void>((resolve) => (front ? front.close(() => resolve()) : resolve()));
  await gateway?.stop();
  await rm(consoleDir, { recursive: true, force: true });
});

let axeSource: string | undefined;
async function axe(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, so the page's CSP does not apply to axe itself.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const run = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await run.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }, AXE_TAGS);
}

async function openConsole(locale = 'en-US') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // Chromium logs every 4xx answer; a 401 is how the API says "signed out" (the session probe on load, a wrong password).
    if (/Failed to load resource: .* 401/.test(message.text())) return;
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(url);
  return { page, problems, context, close: () => context.close() };
}

/** Signs `account` in on the console's sign-in page, and waits for the live line. */
async function signInAs(page: Page, account: string): Promise<void> {
  await page.getByLabel('Account').fill(account);
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Live', { exact: true }).waitFor();
}

async function escalate(sub: string, context: SessionContext) {
  const token = await candidateToken({ sub, claims: { phase: 'during', locale: 'en', name: 'Carla Candidate' } });
  const response = await fetch(`${gateway.url}/v1/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `escalation-${sub}` },
    body: JSON.stringify({ context }),
  });
  expect(response.status).toBe(201);
  return { token, id: ((await response.json()) as { id: string }).id };
}

describe('the console in Chromium', () => {
  it('signs in, takes the candidate’s conversation, reads the context, replies; the candidate’s stream receives it', async () => {
    const { page, problems, close } = await openConsole();
    await page.getByLabel('Account').fill('ana');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').getAttribute('data-code')).toBe('console.sign_in_failed');
    expect(await page.getByRole('alert').textContent()).toBe('The account or the password is wrong.');
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /^Queue/ }).waitFor();
    await page.getByText('Live', { exact: true }).waitFor();

    const candidate = await escalate('candidate-e2e', ESCALATION);
    const item = page.locator(`[data-conversation="${candidate.id}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain('my camera is black');
    expect(await item.textContent()).toContain('During the exam');
    expect(await item.textContent()).toContain('Checks 1F5K-8G6H-2A7');
    expect(await axe(page)).toEqual([]);

    const stream = await fetch(`${gateway.url}/v1/conversations/${candidate.id}/events`, { headers: { authorization: `Bearer ${candidate.token}` } });
    const reading = readSse(stream, (events) => events.some((e) => e.event === 'message' && e.data?.includes('"author":"agent"')), 15_000);

    // "Take next" by its shortcut; the reply box takes the focus.
    await page.keyboard.press('Alt+KeyN');
    await page.getByRole('tab', { name: /Carla Candidate/ }).waitFor();
    const reply = page.getByLabel('Reply to Carla Candidate');
    await expect.poll(() => reply.evaluate((element) => element === document.activeElement)).toBe(true);
    const rows = page.locator('table.checks tbody tr');
    await expect.poll(() => rows.first().getAttribute('data-check')).toBe('camera');
    expect(await rows.first().textContent()).toContain('camera picture black');
    expect(await page.locator('.articles').textContent()).toMatch(/Did not help/);

    // A tag suggested from the KB topic of the article the candidate saw.
    const suggested = page.getByRole('button', { name: /^Add the tag / });
    const tag = ((await suggested.first().textContent()) ?? '').replace('+', '').trim();
    await suggested.first().click();
    await expect.poll(() => page.getByLabel('Tags').inputValue()).toBe(tag);

    // An article from the KB, in the candidate's language, with its link.
    await page.keyboard.press('Alt+KeyK');
    await page.getByLabel(/Search articles to insert/).fill('camera black');
    await page.getByRole('button', { name: /^Insert "/ }).first().click();
    expect(await reply.inputValue()).toMatch(/^.+: .+\nhttps:\/\/help\.example\.com\/en\/[a-z0-9-]+$/);

    await reply.fill('Open the privacy shutter, please.');
    await reply.press('Enter');
    const { events } = await reading;
    const sent = events.filter((e) => e.event === 'message').map((e) => JSON.parse(e.data!) as { message: { author: string; text: string } });
    expect(sent.at(-1)!.message).toMatchObject({ author: 'agent', text: 'Open the privacy shutter, please.' });
    // Typing the reply told the candidate, and sending it ended that.
    expect(events.filter((e) => e.event === 'agent_typing').map((e) => (JSON.parse(e.data!) as { typing: boolean }).typing)).toEqual([true, false]);
    await page.getByRole('log').getByText('Open the privacy shutter, please.').waitFor();

    // The candidate answers; it appears in the live log.
    await fetch(`${gateway.url}/v1/conversations/${candidate.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${candidate.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientMessageId: 'candidate-msg-1', text: 'It works now, thank you!' }),
    });
    await page.getByRole('log').getByText('It works now, thank you!').waitFor();
    expect(await axe(page)).toEqual([]);

    // The shortcuts list: Alt+/ from the reply box, "?" elsewhere (in a text field "?" is a character); Escape gives the focus back.
    await page.keyboard.press('Alt+Slash');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => reply.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('?');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('tab', { name: /Carla Candidate/ }).focus();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await reply.fill('');

    // Nothing scrolls sideways at 1280×800.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);

    await page.getByLabel('Resolution').selectOption('solved');
    await page.getByRole('button', { name: 'Close the conversation with Carla Candidate' }).click();
    await page.getByText('Closed (Solved).').waitFor();
    expect(problems).toEqual([]);
    await close();

    // The candidate rates it; Lea, a lead, sees the rating and the audit trail.
    const rated = await fetch(`${gateway.url}/v1/conversations/${candidate.id}/csat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${candidate.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ score: 5, comment: 'Fast and kind' }),
    });
    expect(rated.status).toBe(204);
    const lead = await openConsole();
    await signInAs(lead.page, 'lea');
    await lead.page.getByRole('button', { name: 'Ratings' }).click();
    const row = lead.page.locator(`tr[data-conversation="${candidate.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('5 / 5');
    expect(await row.textContent()).toContain('Fast and kind');
    expect(await row.textContent()).toContain('Solved');
    expect(await lead.page.locator('.average').getAttribute('data-average')).toBe('5.0');
    expect(await axe(lead.page)).toEqual([]);
    await lead.page.getByRole('button', { name: 'Audit log' }).click();
    await lead.page.getByLabel('Conversation').fill(candidate.id);
    await lead.page.getByRole('button', { name: 'Show' }).click();
    await expect
      .poll(async () => (await lead.page.locator('table.audit tbody tr td:nth-child(3)').allTextContents()).reverse())
      .toEqual(['asked for a person', 'took', 'opened', 'tagged', 'replied', 'closed', 'rated the conversation']);
    expect(await axe(lead.page)).toEqual([]);
    expect(lead.problems).toEqual([]);
    await lead.close();
  });

  it('shows the candidate’s own exam and phase, whether they are there, typing that ends, closes with Alt+X, alerts on arrival, and audits in words', async () => {
    const { page, problems, close, context } = await openConsole();
    // What the alerts did, recorded: the page's notifications and the notes its chime started.
    await context.grantPermissions(['notifications'], { origin: new URL(url).origin });
    await context.addInitScript(() => {
      const record = window as unknown as { shown: string[]; notes: number };
      record.shown = [];
      record.notes = 0;
      const Real = window.Notification;
      window.Notification = Object.assign(
        function (title: string, options?: NotificationOptions) {
          record.shown.push(`${title} / ${options?.body ?? ''}`);
          return new Real(title, options);
        },
        { permission: Real.permission, requestPermission: Real.requestPermission.bind(Real) },
      ) as unknown as typeof Notification;
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (...args: Parameters<typeof start>) {
        record.notes += 1;
        return start.apply(this, args);
      };
    });
    await page.reload();
    await signInAs(page, 'ben');

    // Alerts are off until the agent turns them on, and stay on after a reload.
    const sound = page.getByLabel('Play a sound');
    const desktop = page.getByLabel('Show a desktop notification');
    expect([await sound.isChecked(), await desktop.isChecked()]).toEqual([false, false]);
    await sound.check();
    await desktop.check();
    await expect.poll(() => desktop.isChecked()).toBe(true);
    await page.reload();
    await page.getByText('Live', { exact: true }).waitFor();
    expect([await sound.isChecked(), await desktop.isChecked()]).toEqual([true, true]);
    const alerts = () => page.evaluate(() => ({ shown: (window as unknown as { shown: string[] }).shown, notes: (window as unknown as { notes: number }).notes }));

    // The candidate of the exam page, during the exam: the token names them, the queue and the chat say so.
    const token = await candidateToken({ sub: 'candidate-there', claims: { phase: 'during', locale: 'en', name: 'Dana Candidate', exam: { id: 'bio-101', name: 'Biology 101 — Final exam', start: new Date(Date.now() - 30 * 60_000).toISOString() } } });
    const created = await fetch(`${gateway.url}/v1/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'escalation-there' }, body: JSON.stringify({ context: ESCALATION }) });
    const { id } = (await created.json()) as { id: string };
    const item = page.locator(`[data-conversation="${id}"]`);
    await item.waitFor();
    await expect.poll(alerts).toEqual({ shown: ['Lifeline console / A candidate is waiting: Dana Candidate'], notes: 2 });
    expect(await item.textContent()).toContain('Biology 101 — Final exam');
    expect(await item.textContent()).toContain('During the exam');
    // No page has its chat open yet; then the candidate's stream opens.
    await item.locator('[data-connection=left]').waitFor();
    const candidate = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const stream = new AbortController();
    await fetch(`${gateway.url}/v1/conversations/${id}/events`, { headers: candidate, signal: stream.signal });
    await item.locator('[data-connection=connected]').waitFor();

    await item.getByRole('button', { name: 'Take the conversation with Dana Candidate' }).click();
    const head = page.locator('.chat-head');
    await head.getByText('Biology 101 — Final exam').waitFor();
    expect(await head.textContent()).toContain('During the exam');
    await head.getByRole('status').getByText('Connected').waitFor();
    await page.getByLabel('Reply to Dana Candidate').fill('Hello Dana, I am here.');
    await page.getByLabel('Reply to Dana Candidate').press('Enter');

    // "Typing" that nobody renews (the candidate's page went away mid-word) stops showing by itself.
    await fetch(`${gateway.url}/v1/conversations/${id}/typing`, { method: 'POST', headers: candidate, body: JSON.stringify({ typing: true }) });
    const typing = page.getByText('Dana Candidate is typing…');
    await typing.waitFor();
    await typing.waitFor({ state: 'detached', timeout: TYPING_TTL_MS + 10_000 });

    // The candidate's page closes: the chat says they left.
    stream.abort();
    await head.getByRole('status').getByText('Left (page closed or offline)').waitFor();
    expect(await axe(page)).toEqual([]);

    // Closing with a resolution from the keyboard: Alt+X, ↓ to the first resolution, Enter.
    await page.keyboard.press('Alt+KeyX');
    const resolution = page.getByLabel(/^Resolution/);
    await expect.poll(() => resolution.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => resolution.inputValue()).toBe('solved');
    await page.keyboard.press('Enter');
    await page.getByText('Closed (Solved).').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Remove from tabs');
    expect(problems).toEqual([]);
    await close();

    const rated = await fetch(`${gateway.url}/v1/conversations/${id}/csat`, { method: 'POST', headers: candidate, body: JSON.stringify({ score: 4, comment: 'Kind' }) });
    expect(rated.status).toBe(204);

    // Lea's audit log: the candidate's own doings too, every detail in words, no message ids.
    const lead = await openConsole();
    await signInAs(lead.page, 'lea');
    await lead.page.getByRole('button', { name: 'Audit log' }).click();
    await lead.page.getByLabel('Conversation').fill(id);
    await lead.page.getByRole('button', { name: 'Show' }).click();
    const rows = () => lead.page.locator('table.audit tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].filter((_, n) => n !== 0 && n !== 3).map((td) => td.textContent).join(' | ')).reverse());
    await expect.poll(rows).toEqual([
      'Candidate | asked for a person | Biology 101 — Final exam · During the exam',
      'Ben | took | ',
      'Ben | opened | ',
      'Ben | replied | “Hello Dana, I am here.”',
      'Ben | closed | Solved',
      'Candidate | rated the conversation | 4 of 5 · “Kind”',
    ]);
    expect(await lead.page.locator('table.audit').textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await axe(lead.page)).toEqual([]);
    expect(lead.problems).toEqual([]);
    await lead.close();
  });

  it('speaks Spanish to a browser in Spanish, and switches to English', async () => {
    const { page, problems, close } = await openConsole('es-ES');
    await page.getByRole('heading', { name: 'Inicie sesión en la consola de Lifeline' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Idioma').selectOption('en');
    await page.getByRole('heading', { name: 'Sign in to the Lifeline console' }).waitFor();
    expect(problems).toEqual([]);
    await close();
  });
});
