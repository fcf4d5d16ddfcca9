/**
 * @module `npm run screenshots`: the README's pictures of the widget (English, Spanish, dark,
 * 320 px wide) and of "Check my setup" (all passing; camera and microphone failing on a black video
 * and a silent input; a dark room and a faint microphone; the summary a Linux visitor to the demo
 * sees; English and Spanish, light and dark, wide and narrow), and of the panel under real conditions
 * (folded down over the exam, asking for a person, the bar saying who is answering, a chat that came back
 * after a reload), taken in headless Chromium on the demo's example pages, with the demo's own checks
 * config and gateway, into docs/screenshots/.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContextOptions } from 'playwright-core';
import { launchChromium } from '../tests/browser/harness.ts';
import { examPage, failingMediaFlags, FAKE_MEDIA, roomMediaFlags, runChecks, type Visitor } from '../tests/checks/driver.ts';
import { ask, openPage, openPanel } from '../tests/widget/driver.ts';
import { chatLines, signInToConsole, talkToAPerson } from '../tests/chat/driver.ts';
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
  /** What the fake devices show: Chromium's own, a black video and silence, or a dark room with a faint microphone. */
  media: 'fake' | 'failing' | 'dim';
  options: BrowserContextOptions;
  /** `windows` for a system the default policy accepts; `linux` is this machine, which it refuses. */
  visitor: Visitor;
  /** The checks run; all the setup checks by default. */
  only?: string[];
  /** What to bring into view, if the end of the run left it out: the reference code of a passing run. */
  show?: string;
}

const NARROW = { viewport: { width: 320, height: 640 } };

const CHECKS_SHOTS: ChecksShot[] = [
  { file: 'checks-pass-en.png', media: 'fake', options: {}, visitor: 'windows', show: '.reference' },
  { file: 'checks-pass-es-320px.png', media: 'fake', options: { locale: 'es-ES', ...NARROW }, visitor: 'windows', show: '.reference' },
  { file: 'checks-fail-en-dark.png', media: 'failing', options: { colorScheme: 'dark' }, visitor: 'windows' },
  { file: 'checks-fail-es.png', media: 'failing', options: { locale: 'es-ES' }, visitor: 'windows' },
  { file: 'checks-too-dark-en.png', media: 'dim', options: {}, visitor: 'windows', only: ['camera'] },
  { file: 'checks-too-dark-es-dark.png', media: 'dim', options: { locale: 'es-ES', colorScheme: 'dark' }, visitor: 'windows', only: ['camera'] },
  { file: 'checks-too-quiet-en.png', media: 'dim', options: {}, visitor: 'windows', only: ['microphone'] },
  { file: 'checks-too-quiet-es-320px.png', media: 'dim', options: { locale: 'es-ES', ...NARROW }, visitor: 'windows', only: ['microphone'] },
  // What the README's tour shows a Linux visitor in a dim room: failures and warnings first, each with its fix.
  { file: 'checks-summary-en.png', media: 'dim', options: {}, visitor: 'linux' },
  { file: 'checks-summary-en-dark-320px.png', media: 'dim', options: { colorScheme: 'dark', ...NARROW }, visitor: 'linux' },
];

// Made here: a black picture and a silent microphone (a covered camera, a muted headset), and a room at a
// sixth of the light with noise at -60 dBFS (a dark room, a microphone far away).
const media = await mkdtemp(path.join(tmpdir(), 'lifeline-shots-'));
const flags = { fake: [], failing: failingMediaFlags(media), dim: roomMediaFlags(media, { brightness: 1 / 6, dbfs: -60 }) };
try {
  for (const shot of CHECKS_SHOTS) {
    const checksBrowser = await launchChromium([...FAKE_MEDIA, ...flags[shot.media]]);
    try {
      const { page, problems } = await examPage(checksBrowser, demo.url, { context: shot.options, visitor: shot.visitor });
      await runChecks(page, shot.only);
      if (shot.show) await page.locator(shot.show).scrollIntoViewIfNeeded();
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

// The panel under real conditions, with the demo's gateway and console (the build above is reused).
const withGateway = await startDemo({ skipBuild: true, gateway: {} });
const conditionsBrowser = await launchChromium();
try {
  const shoot = async (page: import('playwright-core').Page, file: string, problems: string[]) => {
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${OUT}/${file}` });
    if (problems.length) throw new Error(`${file}: ${problems.join('; ')}`);
    console.log(`${OUT}/${file}`);
  };
  // Nobody at the console yet: the bar says so, with the support hours.
  for (const [file, question, options] of [
    ['handover-en.png', 'I want to talk to a real person', {}],
    ['handover-es-dark-320px.png', 'quiero hablar con una persona', { locale: 'es-ES', colorScheme: 'dark' as const, ...NARROW }],
  ] as const) {
    const { page, problems } = await openPage(conditionsBrowser, `${withGateway.url}exam-page/`, { viewport: { width: 1100, height: 760 }, ...options });
    await openPanel(page);
    await page.locator('.people p').waitFor();
    await ask(page, question);
    await shoot(page, file, problems);
    await page.context().close();
  }
  // Folded down: the exam's "Next question" is free, the help goes on.
  {
    const { page, problems } = await openPage(conditionsBrowser, `${withGateway.url}exam-page/`, { viewport: { width: 1280, height: 800 } });
    await openPanel(page);
    await ask(page, 'my webcam is not working');
    await page.locator('.min-btn').click();
    await shoot(page, 'minimised.png', problems);
    await page.context().close();
  }
  // An agent answers, the candidate reloads in panic: the chat comes back as it was.
  const agent = await signInToConsole(await (await conditionsBrowser.newContext({ viewport: { width: 1280, height: 800 } })).newPage(), withGateway.gateway!.url, 'agent');
  const { page, problems } = await openPage(conditionsBrowser, `${withGateway.url}exam-page/`, { viewport: { width: 1100, height: 760 } });
  await openPanel(page);
  await page.locator('.people p').waitFor();
  await shoot(page, 'people-answering-en.png', problems);
  await talkToAPerson(page, 'the proctor asked me to show my desk, how do I turn the camera around');
  await page.getByRole('button', { name: 'Send and talk to a person' }).click();
  await agent.locator('[data-conversation]').first().getByRole('button', { name: /^Take the conversation with / }).click();
  const reply = agent.getByLabel(/^Reply to /);
  await reply.fill('Hello, I am Sam. Tilt your laptop screen slowly so the camera sweeps the desk; the proctor can see it.');
  await reply.press('Enter');
  await page.locator('.chat .log li.msg.bot').waitFor();
  await page.reload();
  await page.locator('.chat .log li.msg.bot').waitFor();
  if ((await chatLines(page)).length < 2) throw new Error('reload-resumed.png: the chat did not come back');
  await shoot(page, 'reload-resumed.png', problems);
} finally {
  await conditionsBrowser.close();
  await withGateway.close();
}
