/**
 * @module The self-service checks end to end in real headless Chromium, on the demo's exam page with
 * its own (default) policy: fake devices pass for a Windows visitor; a Linux visitor sees the system
 * named first in the summary with its fix in view; a black video, a silent microphone, denied permissions
 * and a blurred ID photo fail with their reason codes; a dark room and a faint microphone warn, calibrated
 * on generated rooms; the level meter follows the sound; the network check reads a throttled local
 * server's rate within 25%. The test makes its own media files (y4m, wav) from @lifeline/checks' synthetic ones.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CheckReport, CheckResult } from '@lifeline/protocol';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../examples/serve.ts';
import { blurred, darkened, flat, idCardPicture, joined, noisy, silence, toWav, tone, toY4m } from '../../packages/checks/src/image/synthetic.ts';
import { judgeFrames } from '../../packages/checks/src/image/luma.ts';
import { downscale } from '../../packages/checks/src/image/photo.ts';
import { DEFAULT_CHECK_POLICY } from '../../packages/checks/src/policy.ts';
import { checksStrings } from '../../packages/widget/src/checks/i18n/en.ts';
import { launchChromium } from '../browser/harness.ts';
import { hostProblems } from '../widget/driver.ts';
import { examPage, failingMediaFlags, FAKE_MEDIA, liveTracks, openedStreams, roomMediaFlags, runChecks } from './driver.ts';

/** The throttled network check address: 8 Mbps down, 2 Mbps up. */
const DOWN_BYTES_PER_SECOND = 1_000_000;
const UP_BYTES_PER_SECOND = 250_000;

let demo: RunningDemo;
let media: string;

beforeAll(async () => {
  demo = await startDemo({ skipBuild: true, networkThrottle: { downBytesPerSecond: DOWN_BYTES_PER_SECOND, upBytesPerSecond: UP_BYTES_PER_SECOND } });
  media = mkdtempSync(path.join(tmpdir(), 'lifeline-media-'));
  const card = idCardPicture(640, 480);
  // A few frames with a little sensor noise, so the picture is live, not frozen.
  const live = (image: ReturnType<typeof flat>) => [1, 2, 3, 4].map((seed) => noisy(image, 2, seed));
  writeFileSync(path.join(media, 'sharp-id.y4m'), toY4m(live(card)));
  writeFileSync(path.join(media, 'blurred-id.y4m'), toY4m(live(blurred(card, 4))));
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

const byCheck = (report: CheckReport) => new Map(report.results.map((r) => [r.check, r as CheckResult]));

describe('the checks in Chromium', () => {
  it('pass on fake devices for a Windows visitor, one after another, with a reference code and the report in the session', async () => {
    await withChromium(FAKE_MEDIA, async (browser) => {
      const { page, problems } = await examPage(browser, demo.url, { visitor: 'windows' });
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
      await expect.poll(() => page.locator('.reference .code').textContent()).toBe(report.code);
      await expect.poll(() => page.locator('.summary').textContent()).toBe('Everything passed. Your setup is ready.');
      expect(results.get('system')!.measured.os).toBe('Windows 11');
      const context = await page.evaluate(() => (window as unknown as { Lifeline(c: string): { checks?: { code: string } } }).Lifeline('getSessionContext'));
      expect(context.checks?.code).toBe(report.code);
      expect(await liveTracks(page)).toBe(0);
      expect(problems).toEqual([]);
      expect(await hostProblems(page)).toEqual([]);
    });
  }, 120_000);

  it('measure a throttled line within 25% of its rate', async () => {
    await withChromium(FAKE_MEDIA, async (browser) => {
      const { page } = await examPage(browser, demo.url);
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
    const flags = [...FAKE_MEDIA, ...failingMediaFlags(media)];
    await withChromium(flags, async (browser) => {
      const { page } = await examPage(browser, demo.url);
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
      const { page } = await examPage(browser, demo.url);
      const results = byCheck(await runChecks(page, ['camera', 'microphone']));
      expect(results.get('camera')).toMatchObject({ status: 'fail', reason: 'camera.permission_denied', article: 'browser-permissions' });
      expect(results.get('microphone')).toMatchObject({ status: 'fail', reason: 'microphone.permission_denied', article: 'browser-permissions' });
    });
  }, 60_000);

  it('pass a sharp ID photo', async () => {
    await withChromium([...FAKE_MEDIA, `--use-file-for-fake-video-capture=${path.join(media, 'sharp-id.y4m')}`], async (browser) => {
      const { page } = await examPage(browser, demo.url);
      const photo = byCheck(await runChecks(page, ['id-photo'])).get('id-photo')!;
      expect(photo).toMatchObject({ status: 'pass', reason: 'id_photo.ok' });
      expect(photo.measured.sharpness).toBeGreaterThan(Number(photo.measured.minSharpness));
    });
  }, 60_000);

  it('fail a blurred ID photo with id_photo.blurry', async () => {
    await withChromium([...FAKE_MEDIA, `--use-file-for-fake-video-capture=${path.join(media, 'blurred-id.y4m')}`], async (browser) => {
      const { page } = await examPage(browser, demo.url);
      const photo = byCheck(await runChecks(page, ['id-photo'])).get('id-photo')!;
      expect(photo).toMatchObject({ status: 'fail', reason: 'id_photo.blurry', article: 'id-photo-rejected' });
      expect(photo.measured.sharpness).toBeLessThan(Number(photo.measured.minSharpness));
    });
  }, 60_000);

  it('report bad runChecks options as checks.invalid and go back to the conversation', async () => {
    await withChromium(FAKE_MEDIA, async (browser) => {
      const { page, problems } = await examPage(browser, demo.url);
      await page.evaluate(() => {
        const w = window as unknown as { Lifeline(...args: unknown[]): unknown; __errors: string[] };
        w.__errors = [];
        w.Lifeline('on', 'error', (error: { code: string }) => w.__errors.push(error.code));
        w.Lifeline('runChecks', { only: ['camra'] });
      });
      const errors = () => page.evaluate(() => (window as unknown as { __errors: string[] }).__errors);
      await expect.poll(errors).toEqual(['checks.invalid']);
      expect(problems.join('\n')).toContain('only.0 must be one of');
      await page.locator('#lifeline-question').waitFor();
      expect(await errors()).toEqual(['checks.invalid']);
      expect(await page.locator('.checks').count()).toBe(0);
      expect(await openedStreams(page)).toBe(0);
    });
  }, 60_000);

  it('end with check.aborted and the camera off when the candidate closes the panel mid-check', async () => {
    await withChromium(FAKE_MEDIA, async (browser) => {
      const { page } = await examPage(browser, demo.url);
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

/** Whether `locator` is in view: inside the panel's scrolling body and inside the window. */
function inView(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const body = element.closest('.body')!.getBoundingClientRect();
    return rect.height > 0 && rect.top >= body.top && rect.bottom <= body.bottom && rect.top >= 0 && rect.bottom <= window.innerHeight;
  });
}

describe('a Linux visitor to the demo, with its default policy', () => {
  it.each([
    { name: 'a laptop window', context: {} },
    { name: 'a 320 px window', context: { viewport: { width: 320, height: 640 } } },
  ])('sees the system named first, focused, and its item first with the fix in view ($name)', async ({ context }) => {
    await withChromium(FAKE_MEDIA, async (browser) => {
      const { page, problems } = await examPage(browser, demo.url, { context });
      await page.locator('.msg .btn', { hasText: 'Check my setup' }).click();
      const report = await runChecks(page, undefined);
      expect(byCheck(report).get('system')).toMatchObject({ status: 'fail', reason: 'os.unsupported', measured: { os: 'Linux' } });
      // Failures, then warnings, in the run's order. On fake devices only the system fails; a busy machine
      // can slow the fake camera under 15 fps (a warning), which the summary then names after it.
      const attention = [...report.results.filter((r) => r.status === 'fail'), ...report.results.filter((r) => r.status === 'warn')];
      const names = new Intl.ListFormat('en').format(attention.map((r) => checksStrings.names[r.check]));
      expect(names.startsWith('Computer')).toBe(true);
      const summary = page.locator('.checks .summary');
      await expect.poll(() => summary.textContent()).toBe(`Needs attention: ${names}. Follow the fix under each one, then run it again.`);
      await expect.poll(() => summary.evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement === element)).toBe(true);
      const first = page.locator('.check').first();
      expect(await first.getAttribute('data-check')).toBe('system');
      expect(await first.getAttribute('data-status')).toBe('fail');
      expect(await first.textContent()).toContain('This operating system is not supported for the exam. Use a Windows, Mac or ChromeOS computer.');
      expect(await inView(summary)).toBe(true);
      expect(await inView(first.locator('button', { hasText: 'How to fix it' }))).toBe(true);
      expect(problems).toEqual([]);
    });
  }, 120_000);
});

describe('a dim room and a faint microphone, on rooms generated between black and normal', () => {
  /** The camera's measure of the same frames outside the browser: what the fake camera should hand over. */
  const lumaOf = (brightness: number) =>
    judgeFrames([1, 2, 3, 4, 5, 6, 7].map((seed) => downscale(noisy(darkened(idCardPicture(640, 480), brightness), 2, seed), 320)), DEFAULT_CHECK_POLICY.camera).meanLuma;

  it.each([
    // A dark room: mean luma about 23, the preview nearly black; noise at -60 dBFS, which was called silent.
    { name: 'a sixth of the light, noise at -60 dBFS', brightness: 1 / 6, dbfs: -60, camera: 'camera.too_dark', microphone: 'microphone.too_quiet' },
    // Noise at -59 dBFS, which passed with no warning.
    { name: 'a quarter of the light, noise at -59 dBFS', brightness: 1 / 4, dbfs: -59, camera: 'camera.too_dark', microphone: 'microphone.too_quiet' },
    { name: 'a third of the light, noise at -45 dBFS', brightness: 1 / 3, dbfs: -45, camera: 'camera.ok', microphone: 'microphone.ok' },
    { name: "half the light, a dead input's hiss at -90 dBFS", brightness: 1 / 2, dbfs: -90, camera: 'camera.ok', microphone: 'microphone.silent' },
  ])('$name: $camera, $microphone', async (room) => {
    await withChromium([...FAKE_MEDIA, ...roomMediaFlags(media, room)], async (browser) => {
      const { page, problems } = await examPage(browser, demo.url);
      const results = byCheck(await runChecks(page, ['camera', 'microphone']));
      const camera = results.get('camera')!;
      const microphone = results.get('microphone')!;
      // The light is what a row tests: a busy machine can slow the fake camera under 15 fps, which warns
      // camera.low_frame_rate where the picture is bright enough (too dark is judged before the frame rate).
      if (room.camera === 'camera.ok' && camera.reason === 'camera.low_frame_rate') expect(camera.measured.frameRate).toBeLessThan(15);
      else expect(camera.reason).toBe(room.camera);
      expect(microphone.reason).toBe(room.microphone);
      expect(camera.status).toBe(camera.reason === 'camera.ok' ? 'pass' : 'warn');
      expect(microphone.status).toBe({ 'microphone.ok': 'pass', 'microphone.too_quiet': 'warn', 'microphone.silent': 'fail' }[room.microphone]);
      if (room.camera === 'camera.too_dark') expect(camera.article).toBe('face-photo');
      // The calibration carries over: Chromium hands the check the level and the light the files hold.
      expect(Math.abs(Number(camera.measured.meanLuma) - lumaOf(room.brightness))).toBeLessThan(2);
      // The loudest block, which the check judges (the average also counts blocks from before the input flows).
      expect(Math.abs(Number(microphone.measured.peakDbfs) - room.dbfs)).toBeLessThan(1);
      // In plain words, each with its fix, and no unit of sound level.
      const words = { 'camera.too_dark': 'Turn on a light in front of you, or face a window.', 'microphone.too_quiet': 'Move closer to it and speak up, or choose another input' } as Record<string, string>;
      for (const [check, result] of [['camera', camera], ['microphone', microphone]] as const) {
        const item = page.locator(`.check[data-check=${check}]`);
        await expect.poll(() => item.getAttribute('data-reason')).toBe(result.reason);
        if (words[result.reason]) expect(await item.textContent()).toContain(words[result.reason]);
        if (result.status !== 'pass') expect(await item.locator('button', { hasText: 'How to fix it' }).count()).toBe(1);
      }
      expect(await page.locator('.checks').textContent()).not.toMatch(/dB/);
      expect(await liveTracks(page)).toBe(0);
      expect(problems).toEqual([]);
    });
  }, 60_000);

  it('moves the level meter with the sound: the bar and its value together, empty in the pauses', async () => {
    // A voice's words: bursts at -12 dBFS (RMS), then pauses.
    const audio = path.join(media, 'bursts.wav');
    const burst = tone(0.25, 440, 10 ** (-12 / 20) * Math.SQRT2);
    writeFileSync(audio, toWav(joined(burst, silence(0.25), burst, silence(0.25)), 48_000));
    await withChromium([...FAKE_MEDIA, `--use-file-for-fake-audio-capture=${audio}`], async (browser) => {
      const { page } = await examPage(browser, demo.url);
      // Every change the widget makes to the meter, read after it: the value it announces and the bar's share of its track.
      await page.evaluate(() => {
        const readings: { value: number; width: number }[] = [];
        (window as unknown as { __meter: typeof readings }).__meter = readings;
        const root = document.querySelector('lifeline-root')!.shadowRoot!;
        new MutationObserver(() => {
          const meter = root.querySelector<HTMLElement>('.meter');
          const bar = meter?.querySelector('span');
          if (!meter || !bar) return;
          const reading = { value: Number(meter.getAttribute('aria-valuenow')), width: (100 * bar.getBoundingClientRect().width) / meter.getBoundingClientRect().width };
          const last = readings.at(-1);
          if (!last || last.value !== reading.value || last.width !== reading.width) readings.push(reading);
        }).observe(root, { subtree: true, childList: true, attributes: true });
      });
      expect(byCheck(await runChecks(page, ['microphone'])).get('microphone')!.reason).toBe('microphone.ok');
      const readings = await page.evaluate(() => (window as unknown as { __meter: { value: number; width: number }[] }).__meter);
      expect(readings.length).toBeGreaterThan(10);
      for (const reading of readings) expect(Math.abs(reading.width - reading.value), JSON.stringify(reading)).toBeLessThanOrEqual(1);
      const values = readings.map((reading) => reading.value);
      // -12 dBFS on a meter from the silence floor (-80) to 0 dBFS: 85.
      expect(Math.max(...values)).toBeGreaterThanOrEqual(80);
      expect(Math.min(...values)).toBeLessThanOrEqual(5);
    });
  }, 60_000);
});
