/**
 * @module `npm run screenshots`: the README's pictures of the widget (English, Spanish, dark,
 * 320 px wide) and of "Check my setup" (all passing; camera and microphone failing on a black video
 * and a silent input; English and Spanish, light and dark, wide and narrow), taken in headless
 * Chromium on the demo's example pages into docs/screenshots/.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContextOptions } from 'playwright-core';
import { launchChromium } from '../tests/browser/harness.ts';
import { examPage, failingMediaFlags, FAKE_MEDIA, runChecks } from '../tests/checks/driver.ts';
import { ask, openPage, openPanel } from '../tests/widget/driver.ts';
import { startDemo } from './serve.ts';

const OUT = 'docs/screenshots';

const SHOTS = [
  { file: 'en.png', path: 'exam-page/', question: 'my webcam is not working', options: {} },
  { file: 'es.png', path: 'strict-csp/', question: 'la cámara no funciona', options: { locale: 'es-ES' } },
  { file: 'dark.png', path: 'exam-page/', question: 'the exam froze', options: { colorScheme: 'dark' as const } },
  { file: '320px.png', path: 'exam-page/', question: 'can I take a break', options: { viewport: { width: 320, height: 640 } } },
];

await mkdir(OUT, { recursive: true });
const demo = await startDemo();
const browser = await launchChromium();
try {
  for (const shot of SHOTS) {
    const { page, problems } = await openPage(browser, `${demo.url}${shot.path}`, shot.options);
    await openPanel(page);
    await ask(page, shot.question);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${OUT}/${shot.file}` });
    if (problems.length) throw new Error(`${shot.file}: ${problems.join('; ')}`);
    console.log(`${OUT}/${shot.file}`);
    await page.context().close();
  }
} finally {
  await browser.close();
}

interface ChecksShot {
  file: string;
  failing: boolean;
  options: BrowserContextOptions;
  /** Which item to scroll into view: the first failure, or the summary. */
  show: string;
}

const CHECKS_SHOTS: ChecksShot[] = [
  { file: 'checks-pass-en.png', failing: false, options: {}, show: '.summary' },
  { file: 'checks-pass-es-320px.png', failing: false, options: { locale: 'es-ES', viewport: { width: 320, height: 640 } }, show: '.summary' },
  { file: 'checks-fail-en-dark.png', failing: true, options: { colorScheme: 'dark' }, show: '.check[data-check=camera]' },
  { file: 'checks-fail-es.png', failing: true, options: { locale: 'es-ES' }, show: '.check[data-check=camera]' },
];

// A black picture and a silent microphone, made here, so the failing shots fail the way a covered camera and a muted headset do.
const media = await mkdtemp(path.join(tmpdir(), 'lifeline-shots-'));
const failingMedia = failingMediaFlags(media);
try {
  for (const shot of CHECKS_SHOTS) {
    const checksBrowser = await launchChromium([...FAKE_MEDIA, ...(shot.failing ? failingMedia : [])]);
    try {
      const { page, problems } = await examPage(checksBrowser, demo.url, { context: shot.options, visitor: 'windows' });
      await runChecks(page, undefined);
      await page.locator(shot.show).scrollIntoViewIfNeeded();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${OUT}/${shot.file}` });
      if (problems.length) throw new Error(`${shot.file}: ${problems.join('; ')}`);
      console.log(`${OUT}/${shot.file}`);
    } finally {
      await checksBrowser.close();
    }
  }
} finally {
  await rm(media, { recursive: true, force: true });
  await demo.close();
}
