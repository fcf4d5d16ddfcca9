import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECK_POLICY } from '../policy.ts';
import { judgeLevels, meterLevel, rms, SILENCE_FLOOR_DBFS, toDbfs } from './level.ts';

const SILENCE_DBFS = DEFAULT_CHECK_POLICY.microphone.silenceDbfs;
/** The microphone check reads a block every 50 ms for 3 s: 60 blocks. */
const WINDOW_BLOCKS = 60;

/** `length` samples of a sine of amplitude `amplitude`, `cycles` whole periods long. */
function sine(length: number, cycles: number, amplitude = 1): Float32Array {
  return Float32Array.from({ length }, (_, i) => amplitude * Math.sin((2 * Math.PI * cycles * i) / length));
}

describe('rms', () => {
  it('is 0 for silence and for no samples', () => {
    expect(rms(new Float32Array(2048))).toBe(0);
    expect(rms(new Float32Array(0))).toBe(0);
  });

  it('is 1 for a full-scale square wave', () => {
    expect(rms(Float32Array.from({ length: 2048 }, (_, i) => (i % 2 === 0 ? 1 : -1)))).toBe(1);
    expect(rms(Float32Array.from({ length: 2048 }, (_, i) => (Math.floor(i / 64) % 2 === 0 ? 1 : -1)))).toBe(1);
  });

  it('is 1/√2 for a full-scale sine, and scales with the amplitude', () => {
    expect(rms(sine(2048, 10))).toBeCloseTo(Math.SQRT1_2, 4);
    expect(rms(sine(2048, 10, 0.5))).toBeCloseTo(Math.SQRT1_2 / 2, 4);
  });

  it('is the level of a constant, whatever its sign', () => {
    expect(rms(new Float32Array(100).fill(-0.25))).toBeCloseTo(0.25, 6);
  });
});

describe('toDbfs', () => {
  it('puts silence at the floor, never -Infinity', () => {
    expect(toDbfs(0)).toBe(SILENCE_FLOOR_DBFS);
    expect(SILENCE_FLOOR_DBFS).toBe(-100);
    expect(toDbfs(-0.5)).toBe(SILENCE_FLOOR_DBFS);
    // 1e-6 would be -120 dBFS: below the floor.
    expect(toDbfs(1e-6)).toBe(SILENCE_FLOOR_DBFS);
  });

  it('puts full scale at 0 and half scale at about -6.02', () => {
    expect(toDbfs(1)).toBe(0);
    expect(toDbfs(0.5)).toBeCloseTo(-6.0206, 4);
    expect(toDbfs(0.001)).toBeCloseTo(-60, 6);
  });

  it('reads a full-scale sine at about -3.01', () => {
    expect(toDbfs(rms(sine(2048, 10)))).toBeCloseTo(-3.0103, 3);
  });
});

describe('judgeLevels', () => {
  it('finds a window of digital silence silent', () => {
    const judged = judgeLevels(Array<number>(WINDOW_BLOCKS).fill(SILENCE_FLOOR_DBFS), SILENCE_DBFS);
    expect(judged).toEqual({ silent: true, peakDbfs: -100, averageDbfs: -100, spreadDb: 0 });
  });

  it("does not find Chromium's fake microphone silent: one loud block about every 20, judged over the whole window", () => {
    // The fake device beeps about once a second; between beeps its blocks are digital silence.
    const blocks = Array.from({ length: WINDOW_BLOCKS }, (_, i) => (i % 20 === 7 ? -12 : SILENCE_FLOOR_DBFS));
    const judged = judgeLevels(blocks, SILENCE_DBFS);
    expect(judged.silent).toBe(false);
    expect(judged.peakDbfs).toBe(-12);
    expect(judged.spreadDb).toBe(88);
    // 3 beeps in 60 blocks: (3×-12 + 57×-100) / 60 = -95.6.
    expect(judged.averageDbfs).toBe(-95.6);
    // The average alone would have called it silent.
    expect(judged.averageDbfs).toBeLessThan(SILENCE_DBFS);
  });

  it('does not find one loud block in the whole window silent, wherever it is', () => {
    for (let at = 0; at < WINDOW_BLOCKS; at++) {
      const blocks = Array.from({ length: WINDOW_BLOCKS }, (_, i) => (i === at ? -30 : SILENCE_FLOOR_DBFS));
      expect(judgeLevels(blocks, SILENCE_DBFS).silent, `loud block ${at}`).toBe(false);
    }
  });

  it('finds a flat quiet input at -70 dBFS silent with the default -60 floor', () => {
    expect(SILENCE_DBFS).toBe(-60);
    const judged = judgeLevels(Array<number>(WINDOW_BLOCKS).fill(-70), SILENCE_DBFS);
    expect(judged).toEqual({ silent: true, peakDbfs: -70, averageDbfs: -70, spreadDb: 0 });
  });

  it('needs the loudest block to reach the floor: at the floor is not silent, just under it is', () => {
    expect(judgeLevels([-80, -60, -80], -60).silent).toBe(false);
    expect(judgeLevels([-80, -60.01, -80], -60).silent).toBe(true);
  });

  it('follows the policy floor', () => {
    const blocks = Array<number>(WINDOW_BLOCKS).fill(-70);
    expect(judgeLevels(blocks, -75).silent).toBe(false);
    expect(judgeLevels(blocks, -65).silent).toBe(true);
  });

  it('finds no blocks at all silent, at the floor', () => {
    expect(judgeLevels([], SILENCE_DBFS)).toEqual({ silent: true, peakDbfs: SILENCE_FLOOR_DBFS, averageDbfs: SILENCE_FLOOR_DBFS, spreadDb: 0 });
  });

  it('rounds the figures it reports to a tenth of a dB', () => {
    expect(judgeLevels([-20.04, -40.2], SILENCE_DBFS)).toEqual({ silent: false, peakDbfs: -20, averageDbfs: -30.1, spreadDb: 20.2 });
  });
});

describe('meterLevel', () => {
  it('is empty at -60 dBFS and below, full at 0 dBFS and above, linear between', () => {
    expect(meterLevel(-60)).toBe(0);
    expect(meterLevel(-100)).toBe(0);
    expect(meterLevel(SILENCE_FLOOR_DBFS)).toBe(0);
    expect(meterLevel(0)).toBe(1);
    expect(meterLevel(6)).toBe(1);
    expect(meterLevel(-30)).toBe(0.5);
    expect(meterLevel(-15)).toBe(0.75);
  });

  it('stays within 0..1 for every level the check can measure', () => {
    for (let dbfs = -120; dbfs <= 20; dbfs += 0.5) {
      const level = meterLevel(dbfs);
      expect(level, `${dbfs} dBFS`).toBeGreaterThanOrEqual(0);
      expect(level, `${dbfs} dBFS`).toBeLessThanOrEqual(1);
    }
  });
});
