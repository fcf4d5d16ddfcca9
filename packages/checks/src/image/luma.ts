/** @module Luma images from camera frames, and whether a run of frames is black or frozen; pure and DOM-free. */
import { LifelineError } from '@lifeline/protocol';

/** One byte of luma per pixel, row-major. */
export interface LumaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Luma of canvas pixels (`ImageData.data`), BT.601 weights as JPEG and most webcams use, rounded. */
export function lumaFromRgba(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): LumaImage {
  const size = width * height;
  if (rgba.length < size * 4) {
    throw new LifelineError('image.size_mismatch', `Expected ${size * 4} RGBA bytes for ${width}×${height}, got ${rgba.length}.`);
  }
  const data = new Uint8Array(size);
  // Integer weights (per mille) with +500 round exactly like Math.round(0.299R + 0.587G + 0.114B), and faster.
  for (let pixel = 0, byte = 0; pixel < size; pixel += 1, byte += 4) {
    data[pixel] = ((299 * rgba[byte]! + 587 * rgba[byte + 1]! + 114 * rgba[byte + 2]! + 500) / 1000) | 0;
  }
  return { width, height, data };
}

/** Mean luma, 0-255; an empty image reads 0 (as dark as it gets). */
export function meanLuma(image: LumaImage): number {
  const { data } = image;
  if (data.length === 0) return 0;
  let sum = 0;
  for (let index = 0; index < data.length; index += 1) sum += data[index]!;
  return sum / data.length;
}

/** Mean absolute difference per pixel (0-255). Throws `image.size_mismatch` when the sizes differ: comparing them is a bug. */
export function frameDelta(a: LumaImage, b: LumaImage): number {
  if (a.width !== b.width || a.height !== b.height || a.data.length !== b.data.length) {
    throw new LifelineError('image.size_mismatch', `Cannot compare a ${a.width}×${a.height} frame with a ${b.width}×${b.height} frame.`);
  }
  if (a.data.length === 0) return 0;
  let sum = 0;
  for (let index = 0; index < a.data.length; index += 1) sum += Math.abs(a.data[index]! - b.data[index]!);
  return sum / a.data.length;
}

export interface FrameJudgement {
  verdict: 'ok' | 'black' | 'frozen' | 'dark';
  /** Share of frames darker than `blackLuma`. */
  blackShare: number;
  /** Mean luma averaged over the frames. */
  meanLuma: number;
  /** Largest mean absolute change between consecutive frames; 0 with one frame. */
  maxDelta: number;
}

/**
 * Black when at least `blackShare` of the frames are darker than `blackLuma` (a covered lens or a privacy
 * shutter); else frozen when no consecutive pair changed by `frozenDelta` (a live sensor's noise alone does),
 * which needs two frames or more; else dark when the frames' mean luma is under `darkLuma` (a dim room: the
 * camera works, the candidate is hard to see). Throws `image.no_frames` for an empty list: the caller must sample first.
 */
export function judgeFrames(frames: LumaImage[], policy: { blackLuma: number; blackShare: number; darkLuma: number; frozenDelta: number }): FrameJudgement {
  if (frames.length === 0) throw new LifelineError('image.no_frames', 'judgeFrames needs at least one frame.');
  let black = 0;
  let lumaSum = 0;
  let maxDelta = 0;
  let previous: LumaImage | undefined;
  for (const frame of frames) {
    const luma = meanLuma(frame);
    lumaSum += luma;
    if (luma < policy.blackLuma) black += 1;
    if (previous) maxDelta = Math.max(maxDelta, frameDelta(previous, frame));
    previous = frame;
  }
  const blackShare = black / frames.length;
  const mean = lumaSum / frames.length;
  const verdict =
    blackShare >= policy.blackShare ? 'black' : frames.length >= 2 && maxDelta < policy.frozenDelta ? 'frozen' : mean < policy.darkLuma ? 'dark' : 'ok';
  return { verdict, blackShare, meanLuma: mean, maxDelta };
}
