import { describe, expect, it } from 'vitest';
import { joined, noise, silence, tone } from '../image/synthetic.ts';
import { DEFAULT_CHECK_POLICY } from '../policy.ts';
import { judgeLevels, meterLevel, rms, SILENCE_FLOOR_DBFS, toDbfs } from './level.ts';

const POLICY = DEFAULT_CHECK_POLICY.microphone;
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
    const judged = judgeLevels(Array<number>(WINDOW_BLOCKS).fill(SILENCE_FLOOR_DBFS), POLICY);
    expect(judged).toEqual({ verdict: 'silent', peakDbfs: -100, averageDbfs: -100, spreadDb: 0 });
  });

  it("does not find Chromium's fake microphone silent: one loud block about every 20, judged over the whole window", () => {
    // The fake device beeps about once a second; between beeps its blocks are digital silence.
    const blocks = Array.from({ length: WINDOW_BLOCKS }, (_, i) => (i % 20 === 7 ? -12 : SILENCE_FLOOR_DBFS));
    const judged = judgeLevels(blocks, POLICY);
    expect(judged.verdict).toBe('ok');
    expect(judged.peakDbfs).toBe(-12);
    expect(judged.spreadDb).toBe(88);
    // 3 beeps in 60 blocks: (3×-12 + 57×-100) / 60 = -95.6.
    expect(judged.averageDbfs).toBe(-95.6);
    // The average alone would have called it silent.
    expect(judged.averageDbfs).toBeLessThan(POLICY.silenceDbfs);
  });

  it('does not find one loud block in the whole window silent, wherever it is', () => {
    for (let at = 0; at < WINDOW_BLOCKS; at++) {
      const blocks = Array.from({ length: WINDOW_BLOCKS }, (_, i) => (i === at ? -30 : SILENCE_FLOOR_DBFS));
      expect(judgeLevels(blocks, POLICY).verdict, `loud block ${at}`).toBe('ok');
    }
  });

  it('tells silent (nothing reached the input) from too quiet (sound, but faint) with the default floors', () => {
    expect(POLICY).toMatchObject({ silenceDbfs: -80, quietDbfs: -50 });
    const flatAt = (dbfs: number) => judgeLevels(Array<number>(WINDOW_BLOCKS).fill(dbfs), POLICY).verdict;
    expect(flatAt(-90)).toBe('silent');
    // Noise at -60 dBFS is sound: too quiet for a voice, not silence. So is -59, which used to pass.
    expect(flatAt(-60)).toBe('quiet');
    expect(flatAt(-59)).toBe('quiet');
    expect(flatAt(-70)).toBe('quiet');
    expect(flatAt(-40)).toBe('ok');
  });

  it('needs the loudest block to reach each floor: at a floor is above it, just under it is below', () => {
    const policy = { silenceDbfs: -80, quietDbfs: -50 };
    expect(judgeLevels([-90, -80, -90], policy).verdict).toBe('quiet');
    expect(judgeLevels([-90, -80.01, -90], policy).verdict).toBe('silent');
    expect(judgeLevels([-90, -50, -90], policy).verdict).toBe('ok');
    expect(judgeLevels([-90, -50.01, -90], policy).verdict).toBe('quiet');
  });

  it('follows the policy floors', () => {
    const blocks = Array<number>(WINDOW_BLOCKS).fill(-70);
    expect(judgeLevels(blocks, { silenceDbfs: -75, quietDbfs: -72 }).verdict).toBe('ok');
    expect(judgeLevels(blocks, { silenceDbfs: -75, quietDbfs: -65 }).verdict).toBe('quiet');
    expect(judgeLevels(blocks, { silenceDbfs: -65, quietDbfs: -50 }).verdict).toBe('silent');
  });

  it('finds no blocks at all silent, at the floor', () => {
    expect(judgeLevels([], POLICY)).toEqual({ verdict: 'silent', peakDbfs: SILENCE_FLOOR_DBFS, averageDbfs: SILENCE_FLOOR_DBFS, spreadDb: 0 });
  });

  it('rounds the figures it reports to a tenth of a dB', () => {
    expect(judgeLevels([-20.04, -40.2], POLICY)).toEqual({ verdict: 'ok', peakDbfs: -20, averageDbfs: -30.1, spreadDb: 20.2 });
  });
});

describe('the default floors, calibrated on generated audio', () => {
  /** What the check does with a signal: 2048-sample blocks (the analyser's window), each as RMS dBFS, judged. */
  function judgeSignal(samples: Float32Array) {
    const blocks: number[] = [];
    for (let at = 0; at + 2048 <= samples.length; at += 2400) blocks.push(toDbfs(rms(samples.subarray(at, at + 2048))));
    return judgeLevels(blocks, POLICY);
  }

  it.each([
    { what: 'digital silence (a muted input)', samples: () => silence(3), verdict: 'silent' },
    { what: "a dead input's hiss, noise at -90 dBFS", samples: () => noise(3, -90, 1), verdict: 'silent' },
    { what: 'noise at -85 dBFS', samples: () => noise(3, -85, 2), verdict: 'silent' },
    { what: 'noise at -75 dBFS (a quiet room)', samples: () => noise(3, -75, 3), verdict: 'quiet' },
    { what: 'noise at -60 dBFS', samples: () => noise(3, -60, 4), verdict: 'quiet' },
    { what: 'noise at -59 dBFS', samples: () => noise(3, -59, 5), verdict: 'quiet' },
    { what: 'noise at -55 dBFS', samples: () => noise(3, -55, 6), verdict: 'quiet' },
    { what: 'noise at -45 dBFS', samples: () => noise(3, -45, 7), verdict: 'ok' },
    // A voice at the nominal level (-26 dBov) in bursts, with pauses between words.
    { what: 'bursts at -26 dBFS with pauses', samples: () => joined(tone(0.3, 220, 10 ** (-26 / 20) * Math.SQRT2), silence(0.4), tone(0.3, 330, 10 ** (-26 / 20) * Math.SQRT2), silence(2)), verdict: 'ok' },
  ] as const)('$what -> $verdict', ({ samples, verdict }) => {
    expect(judgeSignal(samples()).verdict).toBe(verdict);
  });

  it('reads a generated level within 1 dB, so a file names the level the check sees', () => {
    for (const dbfs of [-85, -60, -45, -20]) expect(Math.abs(judgeSignal(noise(3, dbfs, 9)).averageDbfs - dbfs), `${dbfs} dBFS`).toBeLessThan(1);
  });
});

describe('meterLevel', () => {
  it('is empty at the silence floor and below, full at 0 dBFS and above, linear in dB between', () => {
    expect(meterLevel(-80, -80)).toBe(0);
    expect(meterLevel(-100, -80)).toBe(0);
    expect(meterLevel(SILENCE_FLOOR_DBFS, -80)).toBe(0);
    expect(meterLevel(0, -80)).toBe(1);
    expect(meterLevel(6, -80)).toBe(1);
    expect(meterLevel(-40, -80)).toBe(0.5);
    expect(meterLevel(-20, -80)).toBe(0.75);
    expect(meterLevel(-30, -60)).toBe(0.5);
  });

  it('shows room noise as a short bar and a voice as a long one with the default floor', () => {
    expect(meterLevel(-60, POLICY.silenceDbfs)).toBe(0.25);
    expect(meterLevel(-20, POLICY.silenceDbfs)).toBe(0.75);
  });

  it('stays within 0..1 for every level the check can measure, whatever the floor', () => {
    for (const floor of [-100, -80, -60, -1, 0]) {
      for (let dbfs = -120; dbfs <= 20; dbfs += 0.5) {
        const level = meterLevel(dbfs, floor);
        expect(level, `${dbfs} dBFS, floor ${floor}`).toBeGreaterThanOrEqual(0);
        expect(level, `${dbfs} dBFS, floor ${floor}`).toBeLessThanOrEqual(1);
      }
    }
  });
});
