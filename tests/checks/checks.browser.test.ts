/**
 * @module The self-service checks end to end in real headless Chromium, on the demo's exam page:
 * fake devices pass; a black video, a silent microphone, denied permissions and a blurred ID photo
 * fail with their reason codes; the network check reads a throttled local server's rate within 25%.
 * The test makes its own media files (y4m, wav) from the synthetic pictures in @lifeline/checks.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CheckReport, CheckResult } from '@lifeline/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../examples/serve.ts';
import { blurred, flat, idCardPicture, noisy, silence, toWav, toY4m } from '../../packages/checks/src/image/synthetic.ts';
import { launchChromium } from '../browser/harness.ts';
import { hostProblems, openPage, waitForWidget } from '../widget/driver.ts';

const FAKE_MEDIA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];
/** The throttled network check address: 8 Mbps down, 2 Mbps up. */
const DOWN_BYTES_PER_SECOND = 1_000_000;
const UP_BYTES_PER_SECOND = 250_000;
/** Linux is refused by default; this machine runs Linux, so the tests allow it (and nothing else changes). */
const POLICY = { os: { windows: 10, macos: 12, chromeos: 0, linux: 0 } };

let demo: RunningDemo;
let media: string;

beforeAll(async () => {
  demo = await startDemo({ skipBuild: true, networkThrottle: { downBytesPerSecond: DOWN_BYTES_PER_SECOND, upBytesPerSecond: UP_BYTES_PER_SECOND } });
  media = mkdtempSync(path.join(tmpdir(), 'lifeline-media-'));
  const card = idCardPicture(640, 480);
  // A few frames with a little sensor noise, so the picture is live, not frozen.
  const live = (image: ReturnType<typeof flat>) => [1, 2, 3, 4].map((seed) => noisy(image, 2, seed));
  writeFileSync(path.join(media, 'black.y4m'), toY4m([flat(640, 480, 0), flat(640, 480, 0)]));
  writeFileSync(path.join(media, 'sharp-id.y4m'), toY4m(live(card)));
  writeFileSync(path.join(media, 'blurred-id.y4m'), toY4m(live(blurred(card, 4))));
  writeFileSync(path.join(media, 'silent.wav'), toWav(silence(2), 48_000));
}, 60_000);

afterAll(async () => {
  await demo?.close();
  rmSync(media, { recursive: true, force: true });
});

/** One browser per set of flags: Chromium takes its fake devices at launch. */
async function withChromium<T>(flags: string[], run: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchChromium(flags);
  try {
    return await run(browser);
  } finally {
    await browser.close();
  }
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

/** The exam page with the checks configured for this machine, the panel opened by a real click. */
async function examPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  // A laptop-sized display (the default follows the 1100×760 viewport, under the 1024×768 minimum).
  const watched = await openPage(browser, `${demo.url}exam-page/`, { screen: { width: 1920, height: 1080 } });
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
async function runChecks(page: Page, only: string[] | undefined, heard = true): Promise<CheckReport> {
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

const byCheck = (report: CheckReport) => new Map(report.results.map((r) => [r.check, r as CheckResult]));

/** Tracks the page opened that are still live: 0 means every camera and microphone light is off. */
async function liveTracks(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __streams: MediaStream[] }).__streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length);
}

/** How many streams the page opened (to prove a test did open the camera). */
async function openedStreams(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __streams: MediaStream[] }).__streams.length);
}

describe('the checks in Chromium', () => {
  it('pass on fake devices, one after another, with a reference code and the report in the session', async () => {
    await withChromium(FAKE_MEDIA, async (browser) => {
      const { page, problems } = await examPage(browser);
      await page.locator('.msg .btn', { hasText: 'Check my setup' }).click();
      const report = await runChecks(page, undefined);
      const results = byCheck(report);
      expect([...results.keys()]).toEqual(['browser', 'system', 'screen', 'network', 'camera', 'microphone', 'speaker', 'screen-share']);
      for (const result of report.results) expect(`${result.check}: ${result.status} ${result.reason}`).toBe(`${result.check}: pass ${result.reason}`);
      expect(results.get('camera')!.reason).toBe('camera.ok');
      expect(results.get('camera')!.measured.width).toBeGreaterThanOrEqual(640);
      expect(results.get('microphone')!.reason).toBe('microphone.ok');
      expect(results.get('microphone')!.measured.peakDbfs).toBeGreaterThan(-60);
      expect(results.get('browser')!.measured.browser).toBe('chrome');
      expect(report.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}$/);
      // The view lists each item as passed, and the conversation keeps the tally and the code.
      await expect.poll(() => page.locator('.check[data-status=pass]').count()).toBe(8);
      await expect.poll(() => page.locator('.summary .code').textContent()).toBe(report.code);
      const context = await page.evaluate(() => (window as unknown as { Lifeline(c: string): { checks?: { code: string } } }).Lifeline('getSessionContext'));
      expect(context.checks?.code).toBe(report.code);
      expect(await liveTracks(page)).toBe(0);
      expect(problems).toEqual([]);
      expect(await hostProblems(page)).toEqual([]);
    });
  }, 120_000);

  it('measure a throttled line within 25% of its rate', async () => {
    await withChromium(FAKE_MEDIA, async (browser) => {
      const { page } = await examPage(browser);
      const network = byCheck(await runChecks(page, ['network'])).get('network')!;
      const down = (DOWN_BYTES_PER_SECOND * 8) / 1e6;
      const up = (UP_BYTES_PER_SECOND * 8) / 1e6;
      expect(network.reason).toBe('network.ok');
      expect(Math.abs(Number(network.measured.downloadMbps) - down) / down).toBeLessThan(0.25);
      expect(Math.abs(Number(network.measured.uploadMbps) - up) / up).toBeLessThan(0.25);
      expect(network.measured.rttMs).toBeLessThan(100);
    });
  }, 60_000);

  it('fail the camera with camera.black_frame and the microphone with microphone.silent on a black video and a silent input', async () => {
    const flags = [...FAKE_MEDIA, `--use-file-for-fake-video-capture=${path.join(media, 'black.y4m')}`, `--use-file-for-fake-audio-capture=${path.join(media, 'silent.wav')}`];
    await withChromium(flags, async (browser) => {
      const { page } = await examPage(browser);
      const results = byCheck(await runChecks(page, ['camera', 'microphone']));
      expect(results.get('camera')).toMatchObject({ status: 'fail', reason: 'camera.black_frame', article: 'camera-not-working' });
      expect(results.get('camera')!.measured.meanLuma).toBeLessThan(20);
      expect(results.get('microphone')).toMatchObject({ status: 'fail', reason: 'microphone.silent', article: 'microphone-not-working' });
      // Each failure shows its fix and a way to run it again.
      const camera = page.locator('.check[data-check=camera]');
      await expect.poll(() => camera.getAttribute('data-reason')).toBe('camera.black_frame');
      await expect.poll(() => camera.locator('button').count()).toBe(2);
      expect(await liveTracks(page)).toBe(0);
    });
  }, 60_000);

  it('fail with *.permission_denied when the candidate blocks the camera and microphone', async () => {
    await withChromium(['--use-fake-device-for-media-stream', '--deny-permission-prompts'], async (browser) => {
      const { page } = await examPage(browser);
      const results = byCheck(await runChecks(page, ['camera', 'microphone']));
      expect(results.get('camera')).toMatchObject({ status: 'fail', reason: 'camera.permission_denied', article: 'browser-permissions' });
      expect(results.get('microphone')).toMatchObject({ status: 'fail', reason: 'microphone.permission_denied', article: 'browser-permissions' });
    });
  }, 60_000);

  it('pass a sharp ID photo', async () => {
    await withChromium([...FAKE_MEDIA, `--use-file-for-fake-video-capture=${path.join(media, 'sharp-id.y4m')}`], async (browser) => {
      const { page } = await examPage(browser);
      const photo = byCheck(await runChecks(page, ['id-photo'])).get('id-photo')!;
      expect(photo).toMatchObject({ status: 'pass', reason: 'id_photo.ok' });
      expect(photo.measured.sharpness).toBeGreaterThan(Number(photo.measured.minSharpness));
    });
  }, 60_000);

  it('fail a blurred ID photo with id_photo.blurry', async () => {
    await withChromium([...FAKE_MEDIA, `--use-file-for-fake-video-capture=${path.join(media, 'blurred-id.y4m')}`], async (browser) => {
      const { page } = await examPage(browser);
      const photo = byCheck(await runChecks(page, ['id-photo'])).get('id-photo')!;
      expect(photo).toMatchObject({ status: 'fail', reason: 'id_photo.blurry', article: 'id-photo-rejected' });
      expect(photo.measured.sharpness).toBeLessThan(Number(photo.measured.minSharpness));
    });
  }, 60_000);

  it('end with check.aborted and the camera off when the candidate closes the panel mid-check', async () => {
    await withChromium(FAKE_MEDIA, async (browser) => {
      const { page } = await examPage(browser);
      await page.evaluate(() => (window as unknown as { Lifeline(...args: unknown[]): unknown }).Lifeline('runChecks', { only: ['id-photo'] }));
      await page.locator('.prompt .btn').waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.evaluate(() => (window as unknown as { __reports: CheckReport[] }).__reports.length)).toBe(1);
      const report = await page.evaluate(() => (window as unknown as { __reports: CheckReport[] }).__reports[0]!);
      expect(report.results[0]).toMatchObject({ check: 'id-photo', status: 'skipped', reason: 'check.aborted' });
      expect(await openedStreams(page)).toBe(1);
      await expect.poll(() => liveTracks(page)).toBe(0);
    });
  }, 60_000);
});
