/** @module The text color on the host's primary color: the short formula against WCAG's own, on a grid of colors. */
import { describe, expect, it } from 'vitest';
import { readableOn } from './theme.ts';

/** WCAG 2 relative luminance and contrast ratio, exactly as the standard defines them. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

describe('readableOn', () => {
  it('picks the text color that contrasts more, except where both contrast alike (within 8%)', () => {
    const steps = [0, 0x33, 0x55, 0x77, 0x99, 0xbb, 0xdd, 0xff];
    const hex = (n: number) => n.toString(16).padStart(2, '0');
    let compared = 0;
    for (const r of steps) {
      for (const g of steps) {
        for (const b of steps) {
          const color = `#${hex(r)}${hex(g)}${hex(b)}`;
          const background = luminance(color);
          const onWhite = ratio(background, luminance('#ffffff'));
          const onBlack = ratio(background, luminance('#111111'));
          if (Math.abs(onWhite - onBlack) / Math.max(onWhite, onBlack) < 0.08) continue;
          compared += 1;
          expect(readableOn(color), color).toBe(onWhite > onBlack ? '#ffffff' : '#111111');
        }
      }
    }
    expect(compared).toBeGreaterThan(450);
  });

  it('keeps white on the default blue and near-black on a light yellow', () => {
    expect(readableOn('#0b57d0')).toBe('#ffffff');
    expect(readableOn('#ffd54f')).toBe('#111111');
  });
});
