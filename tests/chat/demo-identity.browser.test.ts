/**
 * @module The demo's candidate, end to end in real Chromium against the demo's own gateway (anonymous
 * tokens) and console: the exam page's token names its exam ("Biology 101 — Final exam", under way) and
 * phase `during`, as a platform's would; a reload keeps the candidate (the same `sub`, no 403) and its
 * chat, and the agent sees the candidate connected, gone, and back; a second tab is the same candidate.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { demoPages } from '../widget/demo-pages.ts';
import { escalate, signInToConsole } from './driver.ts';

const desk = demoPages({ gateway: true });

/** The candidate id in the token the demo keeps for this browser. */
const candidateId = (page: Page) =>
  page.evaluate(() => {
    const { token } = JSON.parse(localStorage.getItem('lifeline-demo:candidate') ?? '{}') as { token?: string };
    const payload = token?.split('.')[1]?.replace(/-/g, '+').replace(/_/g, '/');
    return payload ? (JSON.parse(atob(payload)) as { sub: string }).sub : undefined;
  });

it('names the exam page’s exam and phase, keeps the candidate and its chat across a reload and a tab, and shows the agent whether they are there', async () => {
  const agent = await signInToConsole(await (await desk.newContext()).newPage(), desk.demo.gateway!.url, 'agent');

  const candidateContext = await desk.newContext({ viewport: { width: 1100, height: 900 } });
  const candidate = await candidateContext.newPage();
  const refused: string[] = [];
  const tokensAsked: string[] = [];
  candidateContext.on('response', (response) => {
    if (response.status() === 403) refused.push(response.url());
    if (response.url().endsWith('/v1/anonymous-token') && response.request().method() === 'POST') tokensAsked.push(response.url());
  });
  await candidate.goto(`${desk.demo.url}exam-page/`);
  await candidate.locator('.root .launcher').click();
  await escalate(candidate, 'the proctor asked me to juggle three oranges, is that allowed');
  const sub = await candidateId(candidate);
  expect(sub).toMatch(/^anon-/);

  // The agent sees the exam on the candidate's screen, under way, and the candidate there.
  const item = agent.locator('[data-conversation]').filter({ hasText: 'juggle three oranges' });
  await item.waitFor();
  expect(await item.textContent()).toContain('Biology 101 — Final exam');
  expect(await item.textContent()).toContain('During the exam');
  await item.locator('[data-connection=connected]').waitFor();

  // The candidate's tab closes: the agent sees them gone.
  await candidate.close();
  await item.locator('[data-connection=left]').waitFor();

  // Back in a new tab of the same browser: the same candidate, without asking for a token, and its chat.
  const back = await candidateContext.newPage();
  await back.goto(`${desk.demo.url}exam-page/`);
  await expect.poll(() => candidateId(back)).toBe(sub);
  await back.locator('.root .launcher').click();
  await back.locator('#lifeline-question').fill('are you still there?');
  await back.locator('#lifeline-question').press('Enter');
  await back.getByRole('button', { name: 'Talk to a person' }).first().click();
  await item.locator('[data-connection=connected]').waitFor();

  // A reload in the middle of the chat: the same candidate still, no 403, and the agent sees them back.
  await back.reload();
  await back.locator('.root .launcher').click();
  await expect.poll(() => candidateId(back)).toBe(sub);
  await item.locator('[data-connection=connected]').waitFor();
  expect(refused).toEqual([]);
  expect(tokensAsked).toHaveLength(1);

  // The agent takes it: the chat names the same exam and phase.
  await item.getByRole('button', { name: /^Take the conversation with / }).click();
  const head = agent.locator('.chat-head');
  await head.getByText('Biology 101 — Final exam').waitFor();
  expect(await head.textContent()).toContain('During the exam');
}, 120_000);
