/**
 * @module Escalation end to end in real Chromium, two browser contexts against the demo's real gateway
 * on PGlite: the candidate on the example exam page runs a check, asks what the knowledge base cannot
 * answer and talks to a person; the agent signs in to the console, finds the conversation first with the
 * question and the check report, takes it and replies; the candidate's page goes offline for 10 s while
 * each side sends 3 messages; both sides end with all messages in order, none twice; the agent closes,
 * the candidate rates 5, and the lead sees the rating.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../examples/serve.ts';
import { launchChromium } from '../browser/harness.ts';
import { FAKE_MEDIA } from '../checks/driver.ts';
import { chatLines, escalate, signInToConsole } from './driver.ts';

let demo: RunningDemo;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemo({ skipBuild: true, gateway: {} }), launchChromium(FAKE_MEDIA)]);
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await demo?.close();
});

async function newPage(viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  context.setDefaultTimeout(15_000);
  contexts.push(context);
  return { context, page: await context.newPage() };
}

const signIn = async (account: string) => signInToConsole((await newPage()).page, demo.gateway!.url, account);

/** The texts of the agent's messages and the candidate's, as the console shows them, in order. */
const agentLines = (page: Page) => page.getByRole('log').locator('li .text').evaluateAll((items) => items.map((p) => p.textContent ?? ''));

it('goes from a question nobody answered to a rated conversation, through 10 s offline, with nothing lost or doubled', async () => {
  // A lead has the console open: the desk is staffed, so the escalation queues instead of becoming a ticket.
  const lead = await signIn('lead');

  const { context: candidateContext, page: candidate } = await newPage({ width: 1100, height: 900 });
  await candidate.goto(`${demo.url}exam-page/`);
  await candidate.locator('.root .launcher').click();
  await candidate.locator('#lifeline-question').waitFor();
  // A check first, so the agent has a report to read.
  await candidate.evaluate(() => new Promise<void>((resolve) => {
    const w = window as unknown as { Lifeline(...args: unknown[]): void };
    w.Lifeline('on', 'checks', () => resolve());
    w.Lifeline('runChecks', { only: ['browser', 'screen'] });
  }));
  await candidate.locator('.checks .back').click();
  await escalate(candidate, 'the proctor asked me to juggle three oranges, is that allowed');

  // The agent signs in: the conversation is first in the queue, with the question and the check report.
  const agent = await signIn('agent');
  const first = agent.locator('[data-conversation]').first();
  await expect.poll(() => first.textContent()).toContain('juggle three oranges');
  expect(await first.textContent()).toMatch(/Checks [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}/);
  await agent.keyboard.press('Alt+KeyN');
  const reply = agent.getByLabel(/^Reply to /);
  await reply.waitFor();
  await reply.fill('Hello, I am Sam. Let me check that rule for you.');
  await reply.press('Enter');
  await expect.poll(() => chatLines(candidate)).toContain('Hello, I am Sam. Let me check that rule for you.');

  // Offline for 10 s: each side writes three messages.
  await candidateContext.setOffline(true);
  const offlineSince = Date.now();
  for (const n of [1, 2, 3]) {
    await candidate.locator('#lifeline-message').fill(`candidate offline ${n}`);
    await candidate.locator('#lifeline-message').press('Enter');
    await reply.fill(`agent while candidate offline ${n}`);
    await reply.press('Enter');
  }
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, 10_000 - (Date.now() - offlineSince))));
  await candidateContext.setOffline(false);

  const six = [1, 2, 3].flatMap((n) => [`candidate offline ${n}`, `agent while candidate offline ${n}`]);
  const ofTheSix = (lines: string[]) => lines.filter((line) => six.includes(line));
  await expect.poll(async () => ofTheSix(await chatLines(candidate)).length, { timeout: 30_000 }).toBe(6);
  await expect.poll(async () => ofTheSix(await agentLines(agent)).length, { timeout: 30_000 }).toBe(6);
  const candidateOrder = ofTheSix(await chatLines(candidate));
  const agentOrder = ofTheSix(await agentLines(agent));
  expect(new Set(candidateOrder).size).toBe(6);
  expect(candidateOrder).toEqual(agentOrder);
  // Each side's own three stay in the order they were written.
  for (const who of ['candidate offline', 'agent while candidate offline']) expect(candidateOrder.filter((l) => l.startsWith(who))).toEqual([1, 2, 3].map((n) => `${who} ${n}`));

  // The agent closes; the candidate rates 5; the lead sees it.
  await agent.getByLabel('Resolution').selectOption('solved');
  await agent.getByRole('button', { name: /^Close the conversation with / }).click();
  await candidate.getByLabel('5, very good').check();
  await candidate.getByRole('button', { name: 'Send rating' }).click();
  await lead.getByRole('button', { name: 'Ratings' }).click();
  await expect.poll(() => lead.getByRole('main').textContent(), { timeout: 15_000 }).toMatch(/Average 5(\.0)? of 5 from 1 rating/);
}, 120_000);
