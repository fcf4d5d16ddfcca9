/** @module Driving the checks in Chromium, for the end-to-end tests and the screenshots: the exam page with checks set up, a run answered as a candidate would. */
import type { CheckReport } from '@lifeline/protocol';
import type { Browser, Page } from 'playwright-core';
import { openPage, waitForWidget } from '../widget/driver.ts';

/** Chromium's fake camera and microphone, and permission prompts answered "Allow". */
export const FAKE_MEDIA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];
/** Linux is refused by default; this machine runs Linux, so the tests allow it (and nothing else changes). */
export const POLICY = { os: { windows: 10, macos: 12, chromeos: 0, linux: 0 } };

/** Keeps every stream the page opens, so a test can tell whether any track is still live. */
const TRACK_WATCH = `(() => {
  const streams = (window.__streams = []);
  const devices = navigator.mediaDevices;
  if (!devices) return;
  for (const name of ['getUserMedia', 'getDisplayMedia']) {
    const original = devices[name] && devices[name].bind(devices);
    if (original) devices[name] = (constraints) => original(constraints).then((stream) => (streams.push(stream), stream));
  }
})();`;

/** The exam page with the checks configured for this machine, the panel opened by a real click. */
export async function examPage(browser: Browser, demoUrl: string, options: Parameters<typeof openPage>[2] = {}): Promise<{ page: Page; problems: string[] }> {
  // A laptop-sized display (the default follows the 1100×760 viewport, under the 1024×768 minimum).
  const watched = await openPage(browser, `${demoUrl}exam-page/`, { screen: { width: 1920, height: 1080 }, ...options });
  const { page } = watched;
  await page.addInitScript(TRACK_WATCH);
  await page.reload();
  await waitForWidget(page);
  await page.evaluate((policy) => {
    const w = window as unknown as { Lifeline(...args: unknown[]): unknown; __reports: unknown[] };
    w.__reports = [];
    w.Lifeline('init', { kbUrl: '/kb/', checks: { networkUrl: '/lifeline-network', policy } });
    w.Lifeline('on', 'checks', (report: unknown) => w.__reports.push(report));
  }, POLICY);
  await page.locator('.root .launcher').click();
  await page.locator('#lifeline-question').waitFor();
  return watched;
}

/**
 * Runs checks through the public API and answers what the candidate would: "Yes, I heard it" for the
 * tone, "Share my screen", "Take the photo". Returns the report the `checks` event carried.
 */
export async function runChecks(page: Page, only: string[] | undefined, heard = true): Promise<CheckReport> {
  await page.evaluate((checks) => (window as unknown as { Lifeline(...args: unknown[]): unknown }).Lifeline('runChecks', checks ? { only: checks } : undefined), only);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const reports = await page.evaluate(() => (window as unknown as { __reports: CheckReport[] }).__reports);
    if (reports.length > 0) return reports.at(-1)!;
    const prompt = page.locator('.prompt .btn');
    if (await prompt.isVisible().catch(() => false)) {
      const label = (await prompt.textContent()) ?? '';
      if (/heard/i.test(label) && !heard) await page.locator('.prompt .chip', { hasText: /^No$/ }).click();
      else await prompt.click().catch(() => undefined);
    }
    await page.waitForTimeout(100);
  }
  throw new Error('the checks did not finish in 90 s');
}


/** Tracks the page opened that are still live: 0 means every camera and microphone light is off. */
export async function liveTracks(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __streams: MediaStream[] }).__streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length);
}

/** How many streams the page opened (to prove a test did open the camera). */
export async function openedStreams(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __streams: MediaStream[] }).__streams.length);
}

