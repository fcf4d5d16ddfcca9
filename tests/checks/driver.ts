/** @module Driving the checks in Chromium, for the end-to-end tests and the screenshots: the exam page with checks set up, a run answered as a candidate would. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckReport } from '@lifeline/protocol';
import type { Browser, Page } from 'playwright-core';
import { flat, silence, toWav, toY4m } from '../../packages/checks/src/image/synthetic.ts';
import { openPage, type WatchedPage } from '../widget/driver.ts';

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

/**
 * Flags that feed Chromium's fake camera a black video and its fake microphone silence, from files
 * written into `dir`: the camera fails with camera.black_frame, the microphone with microphone.silent.
 */
export function failingMediaFlags(dir: string): string[] {
  const video = path.join(dir, 'black.y4m');
  const audio = path.join(dir, 'silent.wav');
  writeFileSync(video, toY4m([flat(640, 480, 0), flat(640, 480, 0)]));
  writeFileSync(audio, toWav(silence(2), 48_000));
  return [`--use-file-for-fake-video-capture=${video}`, `--use-file-for-fake-audio-capture=${audio}`];
}

/** The exam page with the checks configured for this machine, the panel opened by a real click. */
export async function examPage(browser: Browser, demoUrl: string, options: Parameters<typeof openPage>[2] = {}): Promise<WatchedPage> {
  const watched = await untouchedExamPage(browser, demoUrl, options);
  await watched.page.locator('.root .launcher').click();
  await watched.page.locator('#lifeline-question').waitFor();
  return watched;
}

/** The exam page with the checks configured for this machine, before the candidate has clicked or typed anything. */
export async function untouchedExamPage(browser: Browser, demoUrl: string, options: Parameters<typeof openPage>[2] = {}): Promise<WatchedPage> {
  // A laptop-sized display (the default follows the 1100×760 viewport, under the 1024×768 minimum).
  const watched = await openPage(browser, `${demoUrl}exam-page/`, { screen: { width: 1920, height: 1080 }, ...options });
  const { page } = watched;
  await page.addInitScript(TRACK_WATCH);
  await page.reload();
  // Waited for and configured as the page's own script would: a Playwright query would count as a click.
  await evaluateWithoutGesture(page, () => new Promise<void>((resolve) => {
    const ready = () => (document.querySelector('lifeline-root')?.shadowRoot?.querySelector('.root .launcher') ? resolve() : setTimeout(ready, 20));
    ready();
  }), undefined);
  await evaluateWithoutGesture(page, (policy) => {
    const w = window as unknown as { Lifeline(...args: unknown[]): unknown; __reports: unknown[] };
    w.__reports = [];
    w.Lifeline('init', { kbUrl: '/kb/', checks: { networkUrl: '/lifeline-network', policy } });
    w.Lifeline('on', 'checks', (report: unknown) => w.__reports.push(report));
  }, POLICY);
  return watched;
}

/**
 * `fn(arg)` run in the page as the page's own script would run it. Playwright evaluates everything,
 * its locators too, as a user gesture, which gives the page the user activation of a click.
 */
export async function evaluateWithoutGesture<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const expression = `(${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'})`;
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, userGesture: false });
    if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as R;
  } finally {
    await cdp.detach();
  }
}

/**
 * Runs checks through the public API and answers what the candidate would: "Yes, I heard it" for the
 * tone, "Share my screen", "Take the photo". Returns the report the `checks` event carried.
 */
export async function runChecks(page: Page, only: string[] | undefined, heard = true): Promise<CheckReport> {
  const before = await page.evaluate((checks) => {
    const w = window as unknown as { Lifeline(...args: unknown[]): unknown; __reports: CheckReport[] };
    const reported = w.__reports.length;
    w.Lifeline('runChecks', checks ? { only: checks } : undefined);
    return reported;
  }, only);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const reports = await page.evaluate(() => (window as unknown as { __reports: CheckReport[] }).__reports);
    if (reports.length > before) return reports.at(-1)!;
    const prompt = page.locator('.prompt .btn');
    if (await prompt.isVisible().catch(() => false)) {
      const label = (await prompt.textContent()) ?? '';
      // A prompt can go away between the look and the click: try again on the next round, do not wait for it.
      if (/heard/i.test(label) && !heard) await page.locator('.prompt .chip', { hasText: /^No$/ }).click({ timeout: 1000 }).catch(() => undefined);
      else await prompt.click({ timeout: 1000 }).catch(() => undefined);
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

