/** @module Microphone levels: RMS of a block of samples in dBFS, and whether a listening window was silent. */
import { round } from '../run/context.ts';

/** The floor reported for digital silence, so a report never holds -Infinity (JSON cannot). */
export const SILENCE_FLOOR_DBFS = -100;

export function rms(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return samples.length === 0 ? 0 : Math.sqrt(sum / samples.length);
}

export function toDbfs(level: number): number {
  return level <= 0 ? SILENCE_FLOOR_DBFS : Math.max(SILENCE_FLOOR_DBFS, 20 * Math.log10(level));
}

export interface LevelJudgement {
  silent: boolean;
  peakDbfs: number;
  averageDbfs: number;
  /** Spread of the block levels in dB: a live input moves, a dead one is flat. */
  spreadDb: number;
}

/**
 * Judged over the whole window, not one block: Chromium's fake microphone beeps about once a second
 * and a candidate pauses between words. Silent when even the loudest block stays under the floor.
 */
export function judgeLevels(blocksDbfs: readonly number[], silenceDbfs: number): LevelJudgement {
  if (blocksDbfs.length === 0) return { silent: true, peakDbfs: SILENCE_FLOOR_DBFS, averageDbfs: SILENCE_FLOOR_DBFS, spreadDb: 0 };
  const peakDbfs = Math.max(...blocksDbfs);
  const lowest = Math.min(...blocksDbfs);
  const averageDbfs = blocksDbfs.reduce((sum, level) => sum + level, 0) / blocksDbfs.length;
  return { silent: peakDbfs < silenceDbfs, peakDbfs: round(peakDbfs, 1), averageDbfs: round(averageDbfs, 1), spreadDb: round(peakDbfs - lowest, 1) };
}

/** A dBFS level as 0..1 for a meter: -60 dBFS and below is empty, 0 dBFS full. */
export function meterLevel(dbfs: number): number {
  return Math.min(1, Math.max(0, (dbfs + 60) / 60));
}
