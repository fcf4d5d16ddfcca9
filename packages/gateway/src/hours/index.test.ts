/** @module Business hours across time zones and a daylight-saving change. */
import { describe, expect, it } from 'vitest';
import { isOpen, type BusinessHours } from './index.ts';

const madrid: BusinessHours = { timeZone: 'Europe/Madrid', open: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '20:00' }, { days: ['sat'], from: '09:00', to: '13:00' }] };

describe('isOpen', () => {
  it.each([
    ['a Monday at 08:00 in Madrid (07:00 UTC in winter)', '2026-11-23T07:00:00Z', true],
    ['a Monday at 07:59 in Madrid', '2026-11-23T06:59:00Z', false],
    ['a Monday at 20:00 in Madrid: closed, "to" is exclusive', '2026-11-23T19:00:00Z', false],
    ['a Saturday at 12:59', '2026-11-28T11:59:00Z', true],
    ['a Sunday at noon', '2026-11-29T11:00:00Z', false],
    ['a summer Monday at 08:00 in Madrid (06:00 UTC)', '2026-07-06T06:00:00Z', true],
    ['the same UTC instant in winter is 07:00 in Madrid', '2026-11-23T06:00:00Z', false],
  ])('%s → %s', (_, at, open) => {
    expect(isOpen(madrid, new Date(at))).toBe(open);
  });

  it('is always open without hours', () => {
    expect(isOpen(undefined, new Date('2026-11-29T03:00:00Z'))).toBe(true);
  });
});
