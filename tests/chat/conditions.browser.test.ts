/**
 * @module The candidate's side of a chat under real conditions, in real Chromium against the demo's gateway
 * on PGlite and the real console: "Talk to a person" in reach with whether people are answering, a reload
 * in the middle of the chat that comes back to it, a candidate who comes back to the panel after the agent
 * wrote (at the first unread message, and to the rating), the opt-in chime, and the agent's "typing…"
 * that goes off by itself.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { chatStrings as en } from '../../packages/widget/src/chat/i18n/en.ts';
import { demoPages } from '../widget/demo-pages.ts';
import { axeViolations } from '../widget/driver.ts';
import { chatLines, escalate, signInToConsole } from './driver.ts';

const desk = demoPages({ gateway: true });
/** Console errors and warnings, and uncaught errors, of the candidate's pages. */
const problems: string[] = [];

/** A page in a browser of its own (one candidate, or one agent). */
async function newPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
  return (await desk.newContext({ viewport })).newPage();
}

/** The exam page of a new candidate (a browser of its own), the panel open; `sound` turns the chime on. */
async function candidatePage(options: { sound?: boolean } = {}): Promise<Page> {
  const page = await newPage({ width: 1100, height: 800 });
  page.on('console', (message) => void (['error', 'warning'].includes(message.type()) && problems.push(`console.${message.type()}: ${message.text()}`)));
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  // Counts the tones the page starts: the chime is two.
  await page.addInitScript(() => {
    const w = window as unknown as { tones: number };
    w.tones = 0;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (...args: Parameters<OscillatorNode['start']>) {
      w.tones += 1;
      return start.apply(this, args);
    };
  });
  await page.goto(`${desk.demo.url}exam-page/`);
  if (options.sound) {
    // The exam page's own init, with the chime turned on (a later init is merged over the first).
    await page.evaluate((url) => (window as unknown as { Lifeline(...args: unknown[]): void }).Lifeline('init', { kbUrl: '/kb/', chat: { url, sound: true } }), desk.demo.gateway!.url);
  }
  await page.locator('.root .launcher').click();
  await page.locator('#lifeline-question').waitFor();
  return page;
}

/** The agent takes the conversation whose first question is `question`, and says `text`. */
async function takeAndSay(agent: Page, question: string, text: string): Promise<void> {
  const item = agent.locator('[data-conversation]').filter({ hasText: question });
  await item.getByRole('button', { name: /^Take the conversation with / }).click();
  await say(agent, text);
}

async function say(agent: Page, text: string): Promise<void> {
  const reply = agent.getByLabel(/^Reply to /);
  await reply.fill(text);
  await reply.press('Enter');
}

/** Whether the element is wholly inside the panel's scrolling body, as the candidate sees it. */
function inView(page: Page, selector: string): Promise<boolean> {
  return page.locator('lifeline-root').evaluate((root, target) => {
    const shadow = root.shadowRoot!;
    const body = shadow.querySelector('.body')!.getBoundingClientRect();
    const box = shadow.querySelector(target)?.getBoundingClientRect();
    return !!box && box.top >= body.top - 1 && box.bottom <= body.bottom + 1;
  }, selector);
}

const people = (page: Page) => page.locator('.people p').textContent();

it('keeps "Talk to a person" in reach and says whether people are answering, then keeps the chat across a reload', async () => {
  const lead = await signInToConsole(await newPage(), desk.demo.gateway!.url, 'lead');
  const candidate = await candidatePage();
  // The lead's console is open: people are answering (the gateway has no handling times yet to give a wait).
  await expect.poll(() => people(candidate)).toMatch(/^People are answering now/);
  expect(await axeViolations(candidate)).toEqual([]);
  await candidate.locator('#lifeline-question').fill('the exam froze and nothing clicks');
  await candidate.locator('#lifeline-question').press('Enter');
  await candidate.locator('.answer').first().waitFor();
  await candidate.locator('.people').getByRole('button', { name: en.title }).click();
  await candidate.getByRole('button', { name: en.confirmSend }).click();
  await expect.poll(() => candidate.locator('.chat .status[role=status]').textContent()).toMatch(/in the queue/);
  // The bar goes while the chat is shown: the chat has its own status.
  expect(await candidate.locator('.people').count()).toBe(0);

  await takeAndSay(lead, 'the exam froze and nothing clicks', 'Hello, I am Lea. What happened?');
  await expect.poll(() => chatLines(candidate)).toContain('Hello, I am Lea. What happened?');
  await candidate.locator('#lifeline-message').fill('The exam froze and I reloaded in panic');
  await candidate.locator('#lifeline-message').press('Enter');

  // A reload in panic: the panel opens on the same chat, with everything said, and goes on.
  await candidate.reload();
  await candidate.locator('.root .launcher').waitFor();
  await expect.poll(() => chatLines(candidate)).toEqual(['Lea (demo lead) joined the chat.', 'Hello, I am Lea. What happened?', 'The exam froze and I reloaded in panic']);
  await expect.poll(() => candidate.locator('.chat .status[role=status]').textContent()).toBe(en.withAgent.replace('{name}', 'Lea (demo lead)'));
  if (process.env.LIFELINE_SHOTS) writeFileSync(`${process.env.LIFELINE_SHOTS}/reload-resumed.png`, await candidate.screenshot());
  await candidate.locator('#lifeline-message').fill('still here after the reload');
  await candidate.locator('#lifeline-message').press('Enter');
  await expect.poll(() => lead.getByRole('log').textContent()).toContain('still here after the reload');
}, 120_000);

it('opens at the first message the candidate has not read, and at the rating once the agent has closed', async () => {
  const agent = await signInToConsole(await newPage(), desk.demo.gateway!.url, 'agent');
  const candidate = await candidatePage();
  await escalate(candidate, 'my ID photo was rejected three times, what now');
  await takeAndSay(agent, 'my ID photo was rejected', 'Hello, I am Sam.');
  await expect.poll(() => chatLines(candidate)).toContain('Hello, I am Sam.');
  // The candidate closes the panel to get on with the exam; the agent writes a lot meanwhile.
  await candidate.keyboard.press('Escape');
  const long = (n: number) => `Step ${n}: ${'open the camera settings of your computer and check that nothing else uses it, then come back here. '.repeat(2)}`;
  for (const n of [1, 2, 3, 4, 5, 6]) await say(agent, long(n));
  await expect.poll(() => candidate.locator('.root .launcher').getAttribute('data-unread')).toBe('6');

  await candidate.locator('.root .launcher').click();
  // The first unread message is in view, not the top of the chat.
  await expect.poll(() => inView(candidate, '.chat .log li.unread')).toBe(true);
  expect(await candidate.locator('.chat .log li.unread').first().textContent()).toContain('Step 1:');
  expect(await inView(candidate, '.chat h3')).toBe(false);

  // Away again; the agent closes the chat: coming back shows the rating.
  await candidate.keyboard.press('Escape');
  // Alt+X, ↓ to the first resolution, Enter (docs/console.md).
  await agent.keyboard.press('Alt+KeyX');
  const resolution = agent.getByLabel(/^Resolution/);
  await expect.poll(() => resolution.evaluate((element) => element === document.activeElement)).toBe(true);
  await agent.keyboard.press('ArrowDown');
  await agent.keyboard.press('Enter');
  await expect.poll(() => candidate.locator('.root .launcher').getAttribute('data-unread')).toBe(null);
  await candidate.locator('.root .launcher').click();
  await expect.poll(() => inView(candidate, '.chat .rating')).toBe(true);
}, 120_000);

it('chimes when an agent writes behind the closed panel, with sound: true', async () => {
  const agent = await signInToConsole(await newPage(), desk.demo.gateway!.url, 'agent');
  const candidate = await candidatePage({ sound: true });
  await escalate(candidate, 'is a calculator allowed in the chemistry exam');
  await takeAndSay(agent, 'calculator allowed', 'Hello, let me check.');
  await expect.poll(() => chatLines(candidate)).toContain('Hello, let me check.');
  // Seen as it arrived: no tone.
  expect(await candidate.evaluate(() => (window as unknown as { tones: number }).tones)).toBe(0);
  await candidate.keyboard.press('Escape');
  await say(agent, 'Only the basic one.');
  await expect.poll(() => candidate.evaluate(() => (window as unknown as { tones: number }).tones)).toBe(2);
}, 120_000);

it('drops the agent\'s "typing…" when no renewal comes', async () => {
  const agent = await signInToConsole(await newPage(), desk.demo.gateway!.url, 'agent');
  const candidate = await candidatePage();
  await escalate(candidate, 'my second screen will not turn off');
  await takeAndSay(agent, 'second screen', 'Hello.');
  await expect.poll(() => chatLines(candidate)).toContain('Hello.');
  // The agent types, then closes the console without a word: the signal that would say "stopped" never comes.
  await agent.getByLabel(/^Reply to /).pressSequentially('Unplug the');
  const typing = candidate.getByText(en.typing.replace('{name}', 'Sam (demo agent)'));
  await typing.waitFor();
  await agent.context().close();
  await typing.waitFor({ state: 'detached', timeout: 20_000 });
}, 120_000);

it('left no console errors or page errors on the candidate’s pages', () => {
  expect(problems).toEqual([]);
});
