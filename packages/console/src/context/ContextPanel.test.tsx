// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import '../../../widget/src/test-support.ts';
import { stringsFor, type ConsoleLocale } from '../i18n/index.ts';
import { conversationDetail, NOW } from '../test-fixtures.ts';
import { ContextPanel } from './ContextPanel.tsx';
import { browserSummary } from './summary.ts';

afterEach(cleanup);

const TITLES: Record<string, string> = { 'camera-not-working': 'My camera is not working' };

function show(detail = conversationDetail(), locale: ConsoleLocale = 'en', titles = TITLES) {
  render(<ContextPanel strings={stringsFor(locale)} locale={locale} detail={detail} articleTitle={(id) => titles[id]} now={NOW} />);
}

const checkRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('ContextPanel', () => {
  it('lists the check report with failures first, then warnings, skipped, passed (each group in the checks’ order)', () => {
    show();
    expect(checkRows().map((row) => row.getAttribute('data-check'))).toEqual(['camera', 'screen', 'speaker', 'browser', 'microphone']);
    expect(checkRows().map((row) => within(row).getAllByRole('cell')[0]!.textContent)).toEqual(['Failed', 'Warning', 'Skipped', 'Passed', 'Passed']);
  });

  it('shows each result’s reason in words with its code, what was measured, and the article that fixes it', () => {
    show();
    const [camera] = checkRows();
    expect(within(camera!).getByRole('rowheader').textContent).toBe('Camera');
    const [, reason, article] = within(camera!).getAllByRole('cell');
    expect(reason!.textContent).toContain('camera picture black (shutter or cover?)');
    expect(within(reason!).getByText('camera.black_frame').tagName).toBe('CODE');
    expect(reason!.textContent).toContain('Measured: brightness 3 of 255');
    expect(article!.textContent).toBe('My camera is not working');
    expect(screen.getByText('1F5K-8G6H-2A7')).toBeTruthy();
  });

  it('says what was measured in plain words, in the agent’s language, without the report’s field names', () => {
    const detail = conversationDetail();
    detail.context.checks!.results = [
      { check: 'system', status: 'pass', reason: 'system.ok', measured: { os: 'Windows 10 or 11', osName: 'windows', osVersionKnown: false, mobile: false, source: 'user-agent', osVersion: 10, minimum: 10 }, durationMs: 1 },
      { check: 'network', status: 'fail', reason: 'network.slow_upload', measured: { rttMs: 45, downloadMbps: 12.5, uploadMbps: 0.8, minDownloadMbps: 2, minUploadMbps: 1, maxRttMs: 300 }, durationMs: 1 },
      { check: 'screen', status: 'pass', reason: 'screen.ok', measured: { width: 1920, height: 1080, pixelRatio: 1, extended: 'unknown', newFigure: true }, durationMs: 1 },
    ];
    const measured = () => checkRows().map((row) => row.querySelector('.measured')?.textContent);
    show(detail);
    expect(measured()).toEqual([
      'Measured: round trip 45 ms (at most 300) · download 12.5 Mbit/s (needs 2) · upload 0.8 Mbit/s (needs 1)',
      'Measured: Windows 10 or 11, version not known · needs 10 or later',
      // A field this console has no words for yet still shows, in words made from its name.
      'Measured: 1920 × 1080 · new figure yes',
    ]);
    cleanup();
    show(detail, 'es');
    expect(measured()).toEqual([
      'Medido: ida y vuelta 45 ms (como mucho 300) · descarga 12,5 Mbit/s (necesita 2) · subida 0,8 Mbit/s (necesita 1)',
      'Medido: Windows 10 or 11, versión desconocida · necesita la 10 o posterior',
      'Medido: 1920 × 1080 · new figure sí',
    ]);
  });

  it('shows a reason code it has no words for as the code itself', () => {
    const detail = conversationDetail();
    detail.context.checks!.results = [{ check: 'camera', status: 'fail', reason: 'camera.melted', measured: {}, durationMs: 1 }];
    show(detail);
    expect(within(checkRows()[0]!).getAllByText('camera.melted').length).toBe(2);
  });

  it('tells what they asked, what the bot answered, which articles they saw and whether those helped', () => {
    show();
    const asked = screen.getByRole('heading', { name: 'What they asked' }).nextElementSibling!;
    expect(within(asked as HTMLElement).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'my camera is blackBot answered: My camera is not working',
      'still blackThe bot had no answer',
    ]);
    const articles = screen.getByRole('heading', { name: 'Articles seen' }).nextElementSibling!;
    expect(articles.textContent).toBe('My camera is not working Did not help');
  });

  it('shows exam, phase, page and browser; says so when nothing was asked and no checks ran', () => {
    const detail = conversationDetail();
    detail.context.entries = [];
    detail.context.checks = undefined;
    show(detail, 'en', {});
    expect(screen.getByText('Biology 101')).toBeTruthy();
    expect(screen.getByText('During the exam')).toBeTruthy();
    expect(screen.getByText('https://exams.example.com/bio-101')).toBeTruthy();
    expect(screen.getByText('Chrome 131 · Windows')).toBeTruthy();
    expect(screen.getByText('Nothing asked before talking to a person.')).toBeTruthy();
    expect(screen.getByText('The candidate did not run the checks.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('uses the last check run of the session when the conversation carries no report', () => {
    const detail = conversationDetail();
    const report = detail.context.checks!;
    detail.context.checks = undefined;
    detail.context.entries.push({ type: 'checks', at: 9, report });
    show(detail);
    expect(checkRows()[0]!.getAttribute('data-check')).toBe('camera');
  });

  it('speaks Spanish, reasons included', () => {
    show(conversationDetail(), 'es');
    expect(screen.getByRole('heading', { name: 'Informe de comprobaciones' })).toBeTruthy();
    expect(within(checkRows()[0]!).getByRole('rowheader').textContent).toBe('Cámara');
    expect(checkRows()[0]!.textContent).toContain('imagen de la cámara en negro');
    expect(screen.getByText('No le ayudó')).toBeTruthy();
  });
});

describe('browserSummary', () => {
  it.each([
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15', 'Safari 17 · macOS'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge 131 · Windows'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox 133 · Linux'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Chrome 131 · Android'],
    ['curl/8.0', 'curl/8.0'],
  ])('%s → %s', (userAgent, summary) => {
    expect(browserSummary(userAgent)).toBe(summary);
  });
});
