/**
 * @module The widget under the conditions candidates ask for help in, in real headless Chromium on the
 * demo's exam page: the network drops after the panel opened (or before), a small or short screen with
 * the exam timer and "Next question" under the panel, a pasted wall of text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { strings as en } from '../../packages/widget/src/i18n/en.ts';
import { checksStrings } from '../../packages/widget/src/checks/i18n/en.ts';
import { demoPages } from './demo-pages.ts';
import { ask, openPanel, waitForWidget } from './driver.ts';

// Each test loads the exam page in a fresh browser context; on a busy two-core machine that alone can take
// most of the default 30 s, so the ceiling is higher (nothing here waits for time: every step waits for an event).
vi.setConfig({ testTimeout: 90_000 });

const { visit, allProblems } = demoPages();

const CHUNKS = 'dist/widget/chunks';

/** The built chunk whose code holds `text`: the words of a view (the build names chunks by their module and a hash). */
function chunkWith(text: string): string {
  const file = readdirSync(CHUNKS).find((name) => readFileSync(`${CHUNKS}/${name}`, 'utf8').includes(text));
  if (!file) throw new Error(`no chunk in ${CHUNKS} holds ${JSON.stringify(text)}`);
  return file;
}

/** The built chunk of a view's code: `article-<hash>.js`, `checks-<hash>.js`. */
function chunkNamed(name: string): string {
  const file = readdirSync(CHUNKS).find((file) => file.startsWith(`${name}-`));
  if (!file) throw new Error(`no ${name} chunk in ${CHUNKS}`);
  return file;
}

/** Resolves once the page has fetched every one of `files` (resource timing: what the browser downloaded). */
async function fetched(page: Page, files: string[]): Promise<void> {
  await page.waitForFunction((names) => names.every((name) => performance.getEntriesByType('resource').some((r) => r.name.endsWith(`/chunks/${name}`))), files);
}

/** The element a click at the middle of `selector` (in the page, not the widget) would reach. */
function hitAt(page: Page, selector: string): Promise<string> {
  return page.evaluate((target) => {
    const box = document.querySelector(target)!.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return hit?.closest('lifeline-root') ? 'lifeline' : (hit?.textContent?.trim() ?? '');
  }, selector);
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('the widget when the network drops', () => {
  it('opens the steps and the checks offline, once the panel has been open', async () => {
    const page = await visit('exam-page/');
    await openPanel(page);
    await ask(page, 'my webcam is not working');
    // Once the panel is open, the code of the views comes while the page is idle, with the checks' words.
    await fetched(page, [chunkNamed('article'), chunkNamed('checks'), chunkWith(checksStrings.intro)]);
    await page.context().setOffline(true);
    await page.getByRole('button', { name: en.readSteps }).click();
    await expect.poll(() => page.locator('.article h3').textContent()).toBe('My camera is not working');
    await page.getByRole('button', { name: en.back }).click();
    await page.getByRole('button', { name: en.checkSetup }).click();
    await expect.poll(() => page.locator('.checks h3').textContent()).toBe(checksStrings.title);
    await page.context().setOffline(false);
  });

  it('says so when a press cannot load, and opens it by itself when the network returns; a question asked meanwhile is answered', async () => {
    const page = await visit('exam-page/');
    await waitForWidget(page);
    await page.context().setOffline(true);
    await page.locator('.root .launcher').click();
    // The answers cannot come: the panel says so, and how it goes on.
    await expect.poll(() => page.locator('[role=alert] p').textContent()).toBe(en.loadFailed);
    await page.locator('#lifeline-question').fill('my webcam is not working');
    await page.locator('#lifeline-question').press('Enter');
    await page.getByRole('button', { name: en.checkSetup }).click();
    await expect.poll(() => page.locator('.body [role=alert] p').textContent()).toBe(en.loadFailed);
    await page.context().setOffline(false);
    // Nothing pressed: the 'online' event brings the checks, and the answer to the question typed offline.
    await expect.poll(() => page.locator('.checks h3').textContent(), { timeout: 15_000 }).toBe(checksStrings.title);
    await page.locator('.checks .back').click();
    await expect.poll(() => page.locator('.answer').first().getAttribute('data-article')).toBe('camera-not-working');
  });
});

describe('the panel on the exam page', () => {
  for (const viewport of [
    { width: 800, height: 600 },
    { width: 1024, height: 400 },
    { width: 1280, height: 800 },
  ]) {
    it(`leaves the exam timer in view at ${viewport.width}×${viewport.height}, and folds down to show the exam, the help going on`, async () => {
      const page = await visit('exam-page/', { viewport });
      await openPanel(page);
      await ask(page, 'my webcam is not working');
      const panel = (await page.locator('#lifeline-panel').boundingBox())!;
      // The demo tells the widget its top bar is 58 px high (theme.topBar): the panel stays below it.
      expect(overlaps(panel, (await page.locator('.timer').boundingBox())!)).toBe(false);
      expect(panel.y).toBeGreaterThanOrEqual(58);
      expect(panel.x + panel.width).toBeLessThanOrEqual(viewport.width);
      expect(panel.y + panel.height).toBeLessThanOrEqual(viewport.height);

      await page.getByRole('button', { name: en.minimise }).click();
      expect(await page.getByRole('button', { name: en.minimise }).getAttribute('aria-pressed')).toBe('true');
      const folded = (await page.locator('#lifeline-panel').boundingBox())!;
      expect(folded.height).toBeLessThan(90);
      // The exam's own buttons are free again: a click on "Next question" (scrolled to, on a short screen) reaches it.
      await page.locator('.nav .primary').scrollIntoViewIfNeeded();
      expect(await hitAt(page, '.nav .primary')).toBe('Next question');
      expect(await hitAt(page, '.timer')).not.toBe('lifeline');
      // Opened out again: the conversation is as it was.
      await page.getByRole('button', { name: en.minimise }).click();
      await expect.poll(() => page.locator('.answer').first().getAttribute('data-article')).toBe('camera-not-working');
      expect(await page.locator('#lifeline-question').isVisible()).toBe(true);
    });
  }

  it('folds down and opens out from the keyboard, and the launcher opens it out too', async () => {
    const page = await visit('exam-page/', { viewport: { width: 1280, height: 800 } });
    await openPanel(page);
    await page.getByRole('button', { name: en.minimise }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#lifeline-question').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.classList.contains('min-btn'))).toBe(true);
    await page.locator('.root .launcher').click();
    await page.locator('#lifeline-question').waitFor();
    expect(await page.getByRole('button', { name: en.minimise }).getAttribute('aria-pressed')).toBe('false');
  });
});

describe('a pasted wall of text', () => {
  it('is cut to its first 500 characters, and the candidate is told', async () => {
    const page = await visit('exam-page/');
    await openPanel(page);
    const long = `my webcam is not working ${'and I really need help before the exam starts '.repeat(110)}`;
    expect(long.length).toBeGreaterThan(5000);
    await ask(page, long);
    expect(await page.locator('.hint[role=status]').textContent()).toBe(en.cut);
    expect((await page.locator('.log .you').last().textContent())!.length).toBe(`${en.you}: `.length + 500);
    // The next question clears the note.
    await ask(page, 'can I take a break');
    expect(await page.locator('.hint').count()).toBe(0);
  });
});

it('left no console errors, page errors or host errors on any page', async () => {
  // Offline on purpose, the browser logs the fetches that failed; the page itself logs nothing else.
  expect((await allProblems()).filter((line) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|could not be loaded|\[Lifeline\] (kb|checks)\.load_failed/.test(line))).toEqual([]);
});
