/** @module The figures a check measured, as one short line a candidate can read ("1280 × 720 · 30 fps"). */
import type { CheckResult, MeasuredValue } from '@lifeline/protocol';
import { format } from '../i18n/index.ts';
import type { ChecksStrings } from './i18n/index.ts';

const BROWSER_LABELS: Record<string, string> = { chrome: 'Chrome', edge: 'Edge', firefox: 'Firefox', safari: 'Safari', opera: 'Opera', samsung: 'Samsung Internet' };

export function figuresLine(result: CheckResult, strings: ChecksStrings, locale: string): string {
  const m = result.measured;
  const number = (value: MeasuredValue | undefined, digits = 0) => (typeof value === 'number' ? value.toLocaleString(locale, { maximumFractionDigits: digits }) : '');
  const f = strings.figures;
  // Resolutions read as one word, "1920 × 1080", never with a thousands separator.
  const resolution = () => format(f.resolution, { width: String(m.width), height: String(m.height) });
  switch (result.check) {
    case 'browser':
      return typeof m.browser === 'string' ? `${BROWSER_LABELS[m.browser] ?? m.browser} ${String(m.version ?? '')}`.trim() : '';
    case 'system':
      return typeof m.os === 'string' ? m.os : '';
    case 'screen':
      if (typeof m.width !== 'number') return '';
      return [resolution(), m.extended === true ? f.screens.more : m.extended === false ? f.screens.one : ''].filter(Boolean).join(' · ');
    case 'network':
      return typeof m.downloadMbps === 'number' ? format(f.network, { down: number(m.downloadMbps, 1), up: number(m.uploadMbps, 1), rtt: number(m.rttMs) }) : '';
    case 'camera':
      if (typeof m.width !== 'number') return '';
      return [resolution(), typeof m.frameRate === 'number' && m.frameRate > 0 ? format(f.frameRate, { fps: number(m.frameRate) }) : ''].filter(Boolean).join(' · ');
    case 'microphone':
      // The input listened to, so "choose another input" has a name to go by; the levels are for the agent.
      return typeof m.device === 'string' && m.device ? format(f.input, { device: m.device }) : '';
    case 'screen-share':
      return typeof m.surface === 'string' ? (f.surface[m.surface as keyof typeof f.surface] ?? m.surface) : '';
    case 'id-photo':
      return typeof m.sharpness === 'number' ? format(f.sharpness, { sharpness: number(m.sharpness), min: number(m.minSharpness) }) : '';
    case 'speaker':
      return typeof m.output === 'string' && m.output !== 'default' ? m.output : '';
  }
}
