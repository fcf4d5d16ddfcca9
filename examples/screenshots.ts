/**
 * @module `npm run screenshots`: the README's pictures of the widget (English, Spanish, dark,
 * 320 px wide), taken in headless Chromium on the demo's example pages into docs/screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import { launchChromium } from '../tests/browser/harness.ts';
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
  await demo.close();
}
