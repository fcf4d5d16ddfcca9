/**
 * @module The chat on the strict-CSP example page, in real Chromium: no inline script, so the gateway's
 * address comes from the loader's data-chat-url and the token from an external script; the page's
 * policy lists the gateway in connect-src, as a platform's must. The candidate reaches an agent and
 * reads the reply, and the page records no CSP violation and no error.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../examples/serve.ts';
import { launchChromium } from '../browser/harness.ts';
import { hostProblems, openPage } from '../widget/driver.ts';
import { chatLines, escalate, signInToConsole } from './driver.ts';

let demo: RunningDemo;
let browser: Browser;

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemo({ skipBuild: true, gateway: {} }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

it('reaches an agent and shows the reply under the strict policy, with no violation', async () => {
  const policy = (await fetch(`${demo.url}strict-csp/`)).headers.get('content-security-policy');
  expect(policy).toBe(`default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${demo.gateway!.url}`);

  // A lead has the console open: the desk is staffed, so the escalation queues.
  const lead = await signInToConsole((await openPage(browser, 'about:blank', { viewport: { width: 1280, height: 800 } })).page, demo.gateway!.url, 'lead');
  const { page: candidate, problems } = await openPage(browser, `${demo.url}strict-csp/`, { locale: 'en-US' });
  candidate.setDefaultTimeout(15_000);
  await candidate.locator('.root .launcher').click();
  await escalate(candidate, 'the proctor asked me to juggle a ball of wool, is that allowed');

  await lead.keyboard.press('Alt+KeyN');
  const reply = lead.getByLabel(/^Reply to /);
  await reply.fill('Yes, water in a clear bottle is fine.');
  await reply.press('Enter');
  await expect.poll(() => chatLines(candidate)).toContain('Yes, water in a clear bottle is fine.');
  expect(await hostProblems(candidate)).toEqual([]);
  expect(problems).toEqual([]);
}, 60_000);
