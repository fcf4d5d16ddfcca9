/** @module How good a photo of an ID is: blur (variance of the Laplacian), brightness, glare; pure and DOM-free. */
import { meanLuma, type LumaImage } from './luma.ts';

/**
 * Box-averages by the smallest integer factor that brings the width to `maxWidth` or under, so that
 * the measures below read the same on a 640 px and a 1280 px camera. Returns `image` itself when it is small enough.
 */
export function downscale(image: LumaImage, maxWidth: number): LumaImage {
  const { width, height, data } = image;
  if (width <= maxWidth) return image;
  const factor = Math.ceil(width / Math.max(1, maxWidth));
  const outWidth = Math.floor(width / factor);
  // Leftover rows and columns are dropped, except that an image shorter than one block still gives one row.
  const outHeight = Math.max(1, Math.floor(height / factor));
  const out = new Uint8Array(outWidth * outHeight);
  const sums = new Uint32Array(outWidth);
  for (let outY = 0; outY < outHeight; outY += 1) {
    sums.fill(0);
    const y0 = outY * factor;
    const y1 = Math.min(y0 + factor, height);
    for (let y = y0; y < y1; y += 1) {
      const row = y * width;
      for (let outX = 0, x = 0; outX < outWidth; outX += 1) {
        let sum = 0;
        for (const end = x + factor; x < end; x += 1) sum += data[row + x]!;
        sums[outX]! += sum;
      }
    }
    const count = (y1 - y0) * factor;
    const half = count >> 1;
    for (let outX = 0; outX < outWidth; outX += 1) out[outY * outWidth + outX] = ((sums[outX]! + half) / count) | 0;
  }
  return { width: outWidth, height: outHeight, data: out };
}

/**
 * Variance of the 4-neighbour Laplacian over interior pixels: the usual blur measure
 * (OpenCV `cv2.Laplacian(gray, cv2.CV_64F).var()`); edges and text give large values, blur removes them.
 * Images under 3×3 have no interior and read 0.
 */
export function laplacianVariance(image: LumaImage): number {
  const { width, height, data } = image;
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let sumOfSquares = 0;
  for (let y = 1; y < height - 1; y += 1) {
    const row = y * width;
    for (let x = 1; x < width - 1; x += 1) {
      const at = row + x;
      const laplacian = data[at - width]! + data[at + width]! + data[at - 1]! + data[at + 1]! - 4 * data[at]!;
      sum += laplacian;
      sumOfSquares += laplacian * laplacian;
    }
  }
  const count = (width - 2) * (height - 2);
  const mean = sum / count;
  return sumOfSquares / count - mean * mean;
}

/** Share (0..1) of pixels at or above `threshold`: a light reflected off a card's laminate clips the sensor. */
export function glareShare(image: LumaImage, threshold = 250): number {
  const { data } = image;
  if (data.length === 0) return 0;
  let count = 0;
  for (let index = 0; index < data.length; index += 1) if (data[index]! >= threshold) count += 1;
  return count / data.length;
}

export interface PhotoQuality {
  /** Laplacian variance at ≤ 320 px wide. */
  sharpness: number;
  /** Mean luma, 0-255. */
  luma: number;
  /** Share of near-saturated pixels, 0..1. */
  glare: number;
}

/** The ID-photo thresholds were calibrated at this width; measuring elsewhere would need other thresholds. */
const PHOTO_WIDTH = 320;

/** Measures a photo on its copy at most 320 px wide, so that thresholds hold whatever the camera's resolution. */
export function photoQuality(image: LumaImage): PhotoQuality {
  const small = downscale(image, PHOTO_WIDTH);
  return { sharpness: laplacianVariance(small), luma: meanLuma(small), glare: glareShare(small) };
}

export type PhotoVerdict = 'ok' | 'blurry' | 'dark' | 'glare';

/**
 * Dark first, because a dark photo has little contrast and so also reads as blurry, and "add light" is the
 * fix; then glare, because a hotspot's edge adds sharpness that could hide blur; then blurry.
 */
export function judgePhoto(quality: PhotoQuality, policy: { minSharpness: number; minLuma: number; maxGlareShare: number }): PhotoVerdict {
  if (quality.luma < policy.minLuma) return 'dark';
  if (quality.glare > policy.maxGlareShare) return 'glare';
  if (quality.sharpness < policy.minSharpness) return 'blurry';
  return 'ok';
}
