/** @module The text color that reads on the host's primary color (`theme.primary`). */

/**
 * White or near-black text on the host's primary color, whichever contrasts more (WCAG): the two ratios are
 * equal at a relative luminance of 0.19 (against #111111), white wins below it. sRGB's curve is taken as a 2.2 power, which
 * moves the choice only for colors near that point, where both contrast alike.
 */
export function readableOn(hex: string): string {
  const luminance = [0.2126, 0.7152, 0.0722].reduce((sum, weight, i) => sum + weight * (parseInt(hex.slice(2 * i + 1, 2 * i + 3), 16) / 255) ** 2.2, 0);
  return luminance < 0.19 ? '#ffffff' : '#111111';
}
