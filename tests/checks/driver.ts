/**
 * @module Driving the checks in Chromium, for the end-to-end tests and the screenshots: the demo's exam
 * page with its own checks config (the documented default policy), a run answered as a candidate would.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckReport } from '@lifeline/protocol';
import type { Browser, Page } from 'playwright-core';
import { darkened, flat, idCardPicture, noise, noisy, silence, toWav, toY4m } from '../../packages/checks/src/image/synthetic.ts';
import { openPage, type WatchedPage } from '../widget/driver.ts';

/** Chromium's fake camera and microphone, and permission prompts answered "Allow". */
export const FAKE_MEDIA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

/**
 * The visitor's system: `linux` is this machine as it is, which the default policy refuses, as it refuses
 * every Linux visitor to the demo; `windows` presents the same Chromium as Chrome on Windows 11 (User-Agent
 * string and client hints), a system the default policy accepts.
 */
export type Visitor = 'linux' | 'windows';

export interface ExamPageOptions {
  context?: Parameters<typeof openPage>[2];
  visitor?: Visitor;
}

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

/**
 * Flags that feed Chromium a room: the synthetic scene at `brightness` (1 full, 1/6 a dark room) with a live
 * sensor's noise, and a microphone that hears noise at `dbfs`. Files are written into `dir`.
 */
export function roomMediaFlags(dir: string, room: { brightness: number; dbfs: number }): string[] {
  const name = `room-${room.brightness.toFixed(3)}-${room.dbfs}`;
  const video = path.join(dir, `${name}.y4m`);
  const audio = path.join(dir, `${name}.wav`);
  const scene = darkened(idCardPicture(640, 480), room.brightness);
  // 7 frames at 30 fps against a sample every 150 ms (4.5 frames): consecutive samples never land on the same frame.
  writeFileSync(video, toY4m([1, 2, 3, 4, 5, 6, 7].map((seed) => noisy(scene, 2, seed))));
  writeFileSync(audio, toWav(noise(2, room.dbfs, 1), 48_000));
  return [`--use-file-for-fake-video-capture=${video}`, `--use-file-for-fake-audio-capture=${audio}`];
}

/** The exam page as the demo serves it, the panel opened by a real click. */
export async function examPage(browser: Browser, demoUrl: string, options: ExamPageOptions = {}): Promise<WatchedPage> {
  const watched = await untouchedExamPage(browser, demoUrl, options);
  await watched.page.locator('.root .launcher').click();
  await watched.page.locator('#lifeline-question').waitFor();
  return watched;
}

/** The exam page as the demo serves it, before the candidate has clicked or typed anything. */
export async function untouchedExamPage(browser: Browser, demoUrl: string, { context = {}, visitor = 'linux' }: ExamPageOptions = {}): Promise<WatchedPage> {
  // A laptop-sized display (the default follows the 1100×760 viewport, under the 1024×768 minimum).
  const watched = await openPage(browser, `${demoUrl}exam-page/`, { screen: { width: 1920, height: 1080 }, ...context });
  const { page } = watched;
  await page.addInitScript(TRACK_WATCH);
  if (visitor === 'windows') await presentAsWindows(page);
  await page.reload();
  // Waited for and configured as the page's own script would: a Playwright query would count as a click.
  await evaluateWithoutGesture(page, () => new Promise<void>((resolve) => {
    const ready = () => (document.querySelector('lifeline-root')?.shadowRoot?.querySelector('.root .launcher') ? resolve() : setTimeout(ready, 20));
    ready();
  }), undefined);
  // The page's own config stays: what a visitor to the demo gets, the policy included.
  await evaluateWithoutGesture(page, () => {
    const w = window as unknown as { Lifeline(...args: unknown[]): unknown; __reports: unknown[] };
    w.__reports = [];
    w.Lifeline('on', 'checks', (report: unknown) => w.__reports.push(report));
  }, undefined);
  return watched;
}

/**
 * This Chromium as Chrome on Windows 11, for the page from its next load: the User-Agent string and the
 * client hints the browser and system checks read (platformVersion 13 and up is Windows 11). The CDP
 * session stays open, as the override lasts only as long as it does.
 */
async function presentAsWindows(page: Page): Promise<void> {
  const major = page.context().browser()!.version().split('.')[0]!;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setUserAgentOverride', {
    userAgent: `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`,
    userAgentMetadata: {
      brands: [
        { brand: 'Chromium', version: major },
        { brand: 'Google Chrome', version: major },
        { brand: 'Not=A?Brand', version: '24' },
      ],
      platform: 'Windows',
      platformVersion: '15.0.0',
      architecture: 'x86',
      model: '',
      mobile: false,
    },
  });
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

