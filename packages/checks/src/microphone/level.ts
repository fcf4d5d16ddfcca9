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
  /** Silent: nothing reached the input (muted, the wrong input). Quiet: sound, but too faint for a voice. */
  verdict: 'ok' | 'quiet' | 'silent';
  peakDbfs: number;
  averageDbfs: number;
  /** Spread of the block levels in dB: a live input moves, a dead one is flat. */
  spreadDb: number;
}

/**
 * Judged over the whole window, not one block: Chromium's fake microphone beeps about once a second
 * and a candidate pauses between words. Silent when even the loudest block stays under `silenceDbfs`,
 * too quiet when it stays under `quietDbfs`.
 */
export function judgeLevels(blocksDbfs: readonly number[], policy: { silenceDbfs: number; quietDbfs: number }): LevelJudgement {
  if (blocksDbfs.length === 0) return { verdict: 'silent', peakDbfs: SILENCE_FLOOR_DBFS, averageDbfs: SILENCE_FLOOR_DBFS, spreadDb: 0 };
  const peakDbfs = Math.max(...blocksDbfs);
  const lowest = Math.min(...blocksDbfs);
  const averageDbfs = blocksDbfs.reduce((sum, level) => sum + level, 0) / blocksDbfs.length;
  const verdict = peakDbfs < policy.silenceDbfs ? 'silent' : peakDbfs < policy.quietDbfs ? 'quiet' : 'ok';
  return { verdict, peakDbfs: round(peakDbfs, 1), averageDbfs: round(averageDbfs, 1), spreadDb: round(peakDbfs - lowest, 1) };
}

/**
 * A dBFS level as 0..1 for the meter: empty at the silence floor (`emptyDbfs`) and below, full at 0 dBFS,
 * linear in dB between, so room noise shows a little bar and a voice a long one.
 */
export function meterLevel(dbfs: number, emptyDbfs: number): number {
  return Math.min(1, Math.max(0, (dbfs - emptyDbfs) / Math.max(1, -emptyDbfs)));
}
