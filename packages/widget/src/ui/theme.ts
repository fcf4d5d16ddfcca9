/** @module The text color that reads on the host's primary color (`theme.primary`). */

/**
 * White or near-black text on the host's primary color, whichever contrasts more (WCAG): the two ratios are
 * equal at a relative luminance of 0.19 (against #111111), white wins below it. sRGB's curve is taken as a 2.2 power, which
 * moves the choice only for colors near that point, where both contrast alike.
 */
export function readableOn(hex: string): string {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => (parseInt(hex.slice(i, i + 2), 16) / 255) ** 2.2);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.19 ? '#ffffff' : '#111111';
}
