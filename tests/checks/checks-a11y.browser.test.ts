/**
 * @module "Check my setup" with assistive technology in mind, in real headless Chromium on the demo's
 * exam page: axe-core on the intro, a prompt and a summary with failures (light and dark), and a
 * whole run with the keyboard alone, where focus never falls to the page behind the open panel.
 * One browser, fed a black video and a silent microphone, so the camera and microphone fail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CheckReport } from '@lifeline/protocol';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../examples/serve.ts';
import { launchChromium } from '../browser/harness.ts';
import { axeViolations, hostProblems } from '../widget/driver.ts';
import { evaluateWithoutGesture, failingMediaFlags, FAKE_MEDIA, liveTracks, runChecks, untouchedExamPage } from './driver.ts';

let demo: RunningDemo;
let browser: Browser;
let media: string;

beforeAll(async () => {
  media = mkdtempSync(path.join(tmpdir(), 'lifeline-a11y-media-'));
  [demo, browser] = await Promise.all([startDemo({ skipBuild: true }), launchChromium([...FAKE_MEDIA, ...failingMediaFlags(media)])]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(media, { recursive: true, force: true });
});

/** What has focus: an element inside the widget, something else on the page, or nothing (the body). */
interface Focused {
  where: 'widget' | 'page' | 'body';
  id: string;
  classes: string[];
  text: string;
  /** The check whose item holds the element (`data-check`), if any. */
  check: string | undefined;
  inPrompt: boolean;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const outer = document.activeElement;
    const inner = outer?.shadowRoot?.activeElement ?? undefined;
    const element = inner ?? outer;
    return {
      where: inner ? 'widget' : !outer || outer === document.body ? 'body' : 'page',
      id: element?.id ?? '',
      classes: [...(element?.classList ?? [])],
      text: element?.textContent?.trim() ?? '',
      check: element?.closest<HTMLElement>('[data-check]')?.dataset.check,
      inPrompt: Boolean(element?.closest('.prompt')),
    } satisfies Focused;
  });
}

/** Presses `key` until `wanted` has focus; false after `most` presses. */
async function pressUntil(page: Page, key: string, wanted: (focus: Focused) => boolean, most = 20): Promise<boolean> {
  for (let i = 0; i < most; i += 1) {
    if (wanted(await focused(page))) return true;
    await page.keyboard.press(key);
  }
  return wanted(await focused(page));
}

/**
 * From now on, every animation frame in which the panel is open and focus is on the page's body:
 * what the checks view said then. A keyboard or screen-reader user would be thrown out of the panel.
 */
async function recordFocusLoss(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const lost: string[] = [];
    (window as unknown as { __focusLost: string[] }).__focusLost = lost;
    const root = document.querySelector('lifeline-root')!.shadowRoot!;
    const frame = () => {
      const panel = root.querySelector<HTMLElement>('#lifeline-panel');
      if (panel && !panel.hidden && (document.activeElement === null || document.activeElement === document.body)) {
        const shown = root.querySelector('.checks .status')?.textContent || root.querySelector('.body')?.textContent?.slice(0, 60) || '';
        if (lost.at(-1) !== shown) lost.push(shown);
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  return () => page.evaluate(() => (window as unknown as { __focusLost: string[] }).__focusLost);
}

/**
 * Waits for `locator`; when it does not come, the failure says what the panel showed and what the page
 * logged meanwhile (a chunk that did not load, a crash).
 */
async function appears(locator: Locator, problems: string[]): Promise<void> {
  await locator.waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
    const shown = await locator.page().evaluate(() => {
      const root = document.querySelector('lifeline-root')?.shadowRoot;
      const panel = root?.querySelector<HTMLElement>('#lifeline-panel');
      const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
      return { panel: panel ? (panel.hidden ? 'hidden' : panel.innerText.slice(0, 400)) : 'none', hasBeenActive: activation?.hasBeenActive };
    });
    throw new Error(`${String(error)}\nthe panel showed: ${JSON.stringify(shown)}\nthe page logged: ${JSON.stringify(problems)}`);
  });
}

/** For a poll that waits on work (a chunk, a check, an article): a busy 2-core machine takes more than poll's 1 s. */
const WORK = { timeout: 10_000 };

const reports = (page: Page) => page.evaluate(() => (window as unknown as { __reports: CheckReport[] }).__reports);

const statuses = (page: Page) => page.locator('.check').evaluateAll((items) => items.map((item) => `${item.getAttribute('data-check')}: ${item.getAttribute('data-status')}`));

describe('the checks view in Chromium', () => {
  it.each(['light', 'dark'] as const)('has no axe-core violations on the intro, a prompt and a summary with failures (%s)', async (colorScheme) => {
    const { page, problems } = await untouchedExamPage(browser, demo.url, { context: { colorScheme } });
    // The host asks before the candidate has touched the page: the intro and its Start button. Waited for
    // in the page: Playwright's own polling is a user gesture, and the widget reads the page's activation
    // when the checks chunk has loaded, so a poll that came first would start the checks by itself.
    const intro = await evaluateWithoutGesture(page, (only) => {
      (window as unknown as { Lifeline(...args: unknown[]): unknown }).Lifeline('runChecks', { only });
      const root = document.querySelector('lifeline-root')!.shadowRoot!;
      return new Promise<string>((resolve) => {
        const until = Date.now() + 10_000;
        const look = () => {
          const start = [...root.querySelectorAll('.checks .btn')].some((button) => button.textContent?.trim() === 'Start the check');
          if (start || Date.now() > until) resolve(start ? 'Start the check' : (root.querySelector<HTMLElement>('#lifeline-panel')?.innerText ?? 'no panel'));
          else setTimeout(look, 20);
        };
        look();
      });
    }, ['speaker', 'screen-share']);
    expect(intro, `the panel showed instead; the page logged ${JSON.stringify(problems)}`).toBe('Start the check');
    expect(await page.locator('.root').evaluate((root) => root.classList.contains('dark'))).toBe(colorScheme === 'dark');
    expect(await focused(page)).toMatchObject({ where: 'widget', text: 'Start the check' });
    expect(await axeViolations(page), 'intro').toEqual([]);

    // Started from the keyboard: the tone plays and the candidate is asked.
    await page.keyboard.press('Enter');
    await appears(page.locator('.prompt', { hasText: 'Did you hear it?' }), problems);
    expect(await focused(page)).toMatchObject({ where: 'widget', text: 'Yes, I heard it', inPrompt: true });
    expect(await axeViolations(page), 'speaker prompt').toEqual([]);
    await page.keyboard.press('Enter');
    await appears(page.locator('.prompt', { hasText: 'Share my screen' }), problems);
    expect(await focused(page)).toMatchObject({ where: 'widget', text: 'Share my screen', inPrompt: true });
    expect(await axeViolations(page), 'screen-sharing prompt').toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await reports(page)).length, WORK).toBe(1);

    // The black camera and the silent microphone fail.
    const report = await runChecks(page, ['camera', 'microphone']);
    expect(report.results.map((r) => r.reason)).toEqual(['camera.black_frame', 'microphone.silent']);
    await expect.poll(() => page.locator('.reference .code').textContent()).toBe(report.code);
    expect(await page.locator('.check button', { hasText: 'How to fix it' }).count()).toBe(2);
    expect(await axeViolations(page), 'summary with failures').toEqual([]);
    expect(problems).toEqual([]);
  });

  it('runs with the keyboard alone, focus always inside the open panel, and gives focus back on Escape', async () => {
    const { page, problems } = await untouchedExamPage(browser, demo.url);
    const focusLost = await recordFocusLoss(page);
    // Tab through the exam page to the launcher, open the panel, and walk back to "Check my setup".
    expect(await pressUntil(page, 'Tab', (f) => f.classes.includes('launcher'))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id, WORK).toBe('lifeline-question');
    expect(await pressUntil(page, 'Shift+Tab', (f) => f.text === 'Check my setup', 12)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id, WORK).toBe('lifeline-checks-title');

    // Each prompt takes focus to its button; the candidate answers it there, with Enter or Space.
    const answered: string[] = [];
    const deadline = Date.now() + 45_000;
    while ((await reports(page)).length === 0 && Date.now() < deadline) {
      const focus = await focused(page);
      if (focus.inPrompt && focus.text !== answered.at(-1)) {
        answered.push(focus.text);
        await page.keyboard.press(answered.length % 2 ? 'Enter' : 'Space');
      }
      await page.waitForTimeout(100);
    }
    expect(answered).toEqual(['Yes, I heard it', 'Share my screen']);
    const [first] = await reports(page);
    // This machine runs Linux, which the demo's default policy refuses.
    expect(first!.results.filter((r) => r.status !== 'pass').map((r) => r.reason)).toEqual(['os.unsupported', 'camera.black_frame', 'microphone.silent']);
    await expect.poll(async () => (await focused(page)).classes).toEqual(['summary']);

    // "Run again" on the camera, reached from the summary above the failed items: one more report, and focus back on the summary.
    expect(await pressUntil(page, 'Tab', (f) => f.check === 'camera' && f.text === 'Run again: Camera')).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await reports(page)).length, WORK).toBe(2);
    await expect.poll(async () => (await focused(page)).classes).toEqual(['summary']);
    expect(await statuses(page)).toContain('camera: fail');

    // "How to fix it" on the camera opens its article, its heading focused.
    expect(await pressUntil(page, 'Tab', (f) => f.check === 'camera' && f.text.startsWith('How to fix it: '))).toBe(true);
    const title = (await focused(page)).text.slice('How to fix it: '.length);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page), WORK).toMatchObject({ where: 'widget', text: title });
    expect(await page.locator('.article h3').textContent()).toBe(title);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#lifeline-panel').isVisible()).toBe(false);
    expect(await focused(page)).toMatchObject({ where: 'widget', classes: ['launcher'] });
    expect(await focusLost(), 'focus fell to the page while the panel was open, when the checks view said').toEqual([]);
    expect(await liveTracks(page)).toBe(0);
    expect(problems).toEqual([]);
    expect(await hostProblems(page)).toEqual([]);
  });
});
