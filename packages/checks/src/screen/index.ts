/** @module The screen check: more than one monitor (`screen.isExtended`, where the browser tells) and the resolution. */
import { outcome, type Check } from '../run/context.ts';

export const screenCheck: Check = async ({ policy }) => {
  const { width, height } = window.screen;
  // Chromium 100+ only; elsewhere a second monitor cannot be seen from a page.
  const extended = (window.screen as Screen & { isExtended?: boolean }).isExtended;
  const measured = { width, height, pixelRatio: window.devicePixelRatio, extended: extended ?? 'unknown' };
  if (extended === true && !policy.screen.allowExtended) return outcome('fail', 'screen.extended', measured);
  if (width < policy.screen.minWidth || height < policy.screen.minHeight) return outcome('fail', 'screen.low_resolution', { ...measured, minWidth: policy.screen.minWidth, minHeight: policy.screen.minHeight });
  return outcome('pass', 'screen.ok', measured);
};
