/**
 * @module A candidate who comes back, end to end in real Chromium against a real gateway on PGlite and the
 * real console: the candidate escalates while nobody is online (a ticket) and closes the tab; an agent signs
 * in, takes the ticket and answers; the candidate opens the exam page in a new tab (empty sessionStorage,
 * a fresh token for the same candidate) and "Talk to a person" shows the ticket with the answer instead of a
 * new conversation. Then the panel is closed, the agent writes again, and the launcher shows the unread
 * badge and description until the candidate opens the chat.
 *
 * The gateway is this test's own, not the demo's: the demo's HS256 secret is random and its anonymous
 * tokens get a new candidate id each, so only a known secret signs two tokens for the same candidate. The
 * demo (without its gateway) serves the exam page, the widget and the knowledge base.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../examples/serve.ts';
import { DEMO_PASSWORD } from '../../examples/demo-gateway.ts';
import { hashPassword } from '../../packages/gateway/src/agents/password.ts';
import { resolveConfig } from '../../packages/gateway/src/config/index.ts';
import { startGateway, type RunningGateway } from '../../packages/gateway/src/server.ts';
import { AUDIENCE, candidateToken, ISSUER, SECRET } from '../../packages/gateway/src/test/support.ts';
import { launchChromium } from '../browser/harness.ts';
import { chatLines, signInToConsole, talkToAPerson } from './driver.ts';

const CONSOLE_DIR = fileURLToPath(new URL('../../dist/console/', import.meta.url));
const CANDIDATE = { sub: 'candidate-comes-back', claims: { name: 'Nora Vidal', phase: 'during', locale: 'en' } };

let demo: RunningDemo;
let gateway: RunningGateway;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** Console errors and warnings, and uncaught errors, of the candidate's pages: the widget must cause none. */
const problems: string[] = [];

beforeAll(async () => {
  demo = await startDemo({ skipBuild: true });
  // Nobody signed in yet: the desk is unstaffed, so the escalation becomes a ticket.
  const agents = [{ id: 'agent', name: 'Sam', passwordHash: await hashPassword(DEMO_PASSWORD), role: 'agent' as const }];
  const config = resolveConfig({ port: 0, dataDir: 'memory://', auth: { issuer: ISSUER, audience: AUDIENCE, secret: SECRET }, corsOrigins: [demo.url.slice(0, -1)], agents });
  [gateway, browser] = await Promise.all([startGateway(config, { console: { dir: CONSOLE_DIR, config: { kbUrl: `${demo.url}kb/` } } }), launchChromium()]);
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await gateway?.close();
  await demo?.close();
});

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
  context.setDefaultTimeout(10_000);
  contexts.push(context);
  return context;
}

/** The exam page with the chat on this test's gateway and a token signed for the candidate, its panel open. */
async function examPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => void (['error', 'warning'].includes(message.type()) && problems.push(`console.${message.type()}: ${message.text()}`)));
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(`${demo.url}exam-page/`);
  const token = await candidateToken(CANDIDATE);
  // A later init brings `chat` (the demo's page has none without the demo's gateway).
  await page.evaluate(([url, token]) => (window as unknown as { Lifeline(...args: unknown[]): void }).Lifeline('init', { kbUrl: '/kb/', chat: { url, token }, context: { phase: 'during' } }), [gateway.url, token]);
  await page.locator('.root .launcher').click();
  await page.locator('#lifeline-question').waitFor();
  return page;
}

const QUESTION = 'the proctor asked me to juggle three oranges, is that allowed';

/** The launcher as the candidate sees it (the badge) and as Chromium's accessibility tree exposes it. */
async function launcher(page: Page): Promise<{ badge: string; background: string; name: string; description: string }> {
  const badge = await page.locator('.root .launcher').evaluate((button) => {
    const after = getComputedStyle(button, '::after');
    return { badge: after.content, background: after.backgroundColor };
  });
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; description?: { value: string } }[] };
  await cdp.detach();
  const button = nodes.find((node) => node.role?.value === 'button' && node.name?.value === 'Open exam help');
  return { ...badge, name: button?.name?.value ?? '', description: button?.description?.value ?? '' };
}

it('finds the answered ticket in a new tab, and marks the launcher for a reply that comes while the panel is closed', async () => {
  // The candidate escalates with nobody online: a ticket. Then the tab is closed.
  const candidate = await newContext();
  const first = await examPage(candidate);
  await talkToAPerson(first, QUESTION);
  await first.getByRole('button', { name: 'Send and talk to a person' }).click();
  const ticketLine = first.locator('.chat .status[role=status]');
  await expect.poll(() => ticketLine.textContent()).toMatch(/ticket T-[0-9A-Z]{6}/i);
  const ticket = /T-[0-9A-Z]{6}/.exec((await ticketLine.textContent()) ?? '')![0];
  await first.close();

  // An agent signs in, takes the ticket from the tickets list and answers.
  const agent = await signInToConsole(await (await newContext()).newPage(), gateway.url, 'agent');
  await agent.getByRole('button', { name: 'Take the conversation with Nora Vidal' }).click();
  const reply = agent.getByLabel('Reply to Nora Vidal');
  await reply.fill('Your exam now starts at 10:00. The link stays the same.');
  await reply.press('Enter');

  // The candidate comes back in a new tab: sessionStorage is empty, the token is new, the candidate the same.
  const second = await examPage(candidate);
  expect(await second.evaluate(() => sessionStorage.getItem('lifeline:chat'))).toBeNull();
  await talkToAPerson(second, QUESTION);
  await expect.poll(() => chatLines(second)).toContain('Your exam now starts at 10:00. The link stays the same.');
  const shown = await chatLines(second);
  expect(shown[0]).toMatch(/^You already had a conversation with support/);
  expect(shown.some((line) => line.includes(ticket))).toBe(true);
  expect(await second.getByRole('button', { name: 'Send and talk to a person' }).count()).toBe(0);
  const token = await candidateToken(CANDIDATE);
  const list = (await (await fetch(`${gateway.url}/v1/conversations`, { headers: { authorization: `Bearer ${token}` } })).json()) as unknown[];
  expect(list).toHaveLength(1);

  // The panel closes; the agent writes again: the launcher says so, to the eye and to a screen reader.
  const nothing = { badge: 'none', background: 'rgba(0, 0, 0, 0)', name: 'Open exam help', description: '' };
  await second.locator('.root .launcher').click();
  expect(await launcher(second)).toEqual(nothing);
  await reply.fill('Good luck with the exam!');
  await reply.press('Enter');
  const marked = { badge: '"1"', background: 'rgb(179, 38, 30)', name: 'Open exam help', description: '1 new message from your support agent' };
  await expect.poll(() => launcher(second)).toEqual(marked);
  const spoken = second.locator('lifeline-root').evaluate((root) => [...root.shadowRoot!.children].find((child) => child.getAttribute('aria-live') === 'polite')?.textContent);
  expect(await spoken).toBe('1 new message from your support agent');
  // The host page changes the context: the main UI renders the launcher again, and the marker stays.
  await second.evaluate(() => (window as unknown as { Lifeline(...args: unknown[]): void }).Lifeline('setContext', { exam: { name: 'Biology 101 (moved)' } }));
  expect(await launcher(second)).toEqual(marked);

  // Opening the panel shows the chat with the message, and the marker goes.
  await second.locator('.root .launcher').click();
  await expect.poll(() => chatLines(second)).toContain('Good luck with the exam!');
  await expect.poll(() => launcher(second)).toEqual(nothing);
  expect(problems).toEqual([]);
}, 60_000);
