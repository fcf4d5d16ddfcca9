import { describe, expect, it } from 'vitest';
import { isLifelineError } from '@lifeline/protocol';
import { DEFAULT_CHECK_POLICY } from '../policy.ts';
import {
  downscale,
  frameDelta,
  glareShare,
  judgeFrames,
  judgePhoto,
  laplacianVariance,
  lumaFromRgba,
  meanLuma,
  photoQuality,
  type LumaImage,
} from './index.ts';
import { blurred, darkened, flat, idCardPicture, joined, noise, noisy, silence, toWav, toY4m, tone, withGlare } from './synthetic.ts';

const image = (width: number, height: number, values: number[]): LumaImage => ({ width, height, data: Uint8Array.from(values) });

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isLifelineError(error) ? error.code : 'not a LifelineError';
  }
  return undefined;
}

describe('lumaFromRgba', () => {
  it.each([
    ['black', [0, 0, 0], 0],
    ['white', [255, 255, 255], 255],
    ['red', [255, 0, 0], 76], // 76.245
    ['green', [0, 255, 0], 150], // 149.685
    ['blue', [0, 0, 255], 29], // 29.07
    ['mid grey', [128, 128, 128], 128],
    ['skin', [224, 172, 150], 185], // 66.976 + 100.964 + 17.1 = 185.04
    ['half-way rounding', [0, 0, 5], 1], // 0.57
  ])('%s', (_name, rgb, expected) => {
    expect(lumaFromRgba(Uint8ClampedArray.from([...rgb, 255]), 1, 1).data[0]).toBe(expected);
  });

  it('rounds like Math.round(0.299R + 0.587G + 0.114B) for every grey and primary level', () => {
    for (let level = 0; level < 256; level += 1) {
      for (const rgb of [[level, level, level], [level, 0, 0], [0, level, 0], [0, 0, level], [level, 255 - level, level >> 1]]) {
        const [r, g, b] = rgb as [number, number, number];
        expect(lumaFromRgba(Uint8Array.from([r, g, b, 255]), 1, 1).data[0]).toBe(Math.round(0.299 * r + 0.587 * g + 0.114 * b));
      }
    }
  });

  it('ignores alpha and keeps the row-major layout', () => {
    const rgba = Uint8Array.from([255, 255, 255, 0, 0, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 255]);
    expect(lumaFromRgba(rgba, 2, 2)).toEqual(image(2, 2, [255, 0, 150, 29]));
  });

  it('refuses a buffer too short for the size', () => {
    expect(errorCode(() => lumaFromRgba(new Uint8ClampedArray(12), 2, 2))).toBe('image.size_mismatch');
  });
});

describe('downscale', () => {
  it('box-averages 2×2 blocks and rounds', () => {
    const source = image(4, 2, [0, 10, 100, 101, 20, 30, 102, 103]);
    expect(downscale(source, 2)).toEqual(image(2, 1, [15, 102])); // 60/4, 406/4 = 101.5 rounds up
  });

  it('uses the smallest integer factor that fits and drops leftover pixels', () => {
    const scaled = downscale(flat(1000, 750, 77), 320);
    expect([scaled.width, scaled.height]).toEqual([250, 187]);
    expect(meanLuma(scaled)).toBe(77);
  });

  it('returns the same image when it is already small enough', () => {
    const source = flat(320, 240, 5);
    expect(downscale(source, 320)).toBe(source);
  });
});

describe('meanLuma', () => {
  it('averages every pixel', () => {
    expect(meanLuma(image(2, 2, [0, 10, 20, 250]))).toBe(70);
    expect(meanLuma(image(0, 0, []))).toBe(0);
  });
});

describe('laplacianVariance', () => {
  it('is 0 on a flat image and on one without interior pixels', () => {
    expect(laplacianVariance(flat(40, 30, 128))).toBe(0);
    expect(laplacianVariance(image(2, 2, [0, 255, 255, 0]))).toBe(0);
  });

  it('is (4·255)² on a 0/255 checkerboard', () => {
    const values = Array.from({ length: 100 }, (_, index) => ((index % 10) + Math.floor(index / 10)) % 2 ? 255 : 0);
    expect(laplacianVariance(image(10, 10, values))).toBe(1020 ** 2);
  });

  it('drops monotonically as blur grows on the ID card', () => {
    const card = downscale(idCardPicture(640, 480), 320);
    const measures = [0, 1, 2, 3, 4, 5, 6].map((radius) => laplacianVariance(blurred(card, radius)));
    for (let index = 1; index < measures.length; index += 1) expect(measures[index]).toBeLessThan(measures[index - 1]!);
  });
});

describe('glareShare', () => {
  it('counts pixels at or above the threshold', () => {
    expect(glareShare(flat(10, 10, 255))).toBe(1);
    expect(glareShare(flat(10, 10, 249))).toBe(0);
    expect(glareShare(image(2, 2, [250, 249, 255, 0]))).toBe(0.5);
    expect(glareShare(image(2, 2, [250, 249, 255, 0]), 200)).toBe(0.75);
  });

  it('reads about the share withGlare asked for', () => {
    const card = idCardPicture(640, 480);
    expect(glareShare(card)).toBe(0);
    // The soft edge adds a rim of pixels ≥ 250 around the saturated ellipse.
    expect(glareShare(withGlare(card, 0.1))).toBeGreaterThan(0.1);
    expect(glareShare(withGlare(card, 0.1))).toBeLessThan(0.13);
  });
});

describe('frameDelta', () => {
  const card = downscale(idCardPicture(640, 480), 320);

  it('is 0 between identical frames', () => {
    expect(frameDelta(card, { ...card, data: card.data.slice() })).toBe(0);
  });

  it('exceeds the frozen threshold between frames that differ only by faint sensor noise', () => {
    expect(frameDelta(noisy(card, 1, 1), noisy(card, 1, 2))).toBeGreaterThan(DEFAULT_CHECK_POLICY.camera.frozenDelta * 1.5);
  });

  it('is the mean absolute difference', () => {
    expect(frameDelta(image(2, 1, [10, 200]), image(2, 1, [14, 190]))).toBe(7);
  });

  it('throws image.size_mismatch for frames of different sizes', () => {
    expect(errorCode(() => frameDelta(flat(4, 4, 0), flat(4, 2, 0)))).toBe('image.size_mismatch');
  });
});

describe('judgeFrames', () => {
  const policy = DEFAULT_CHECK_POLICY.camera;
  const card = downscale(idCardPicture(640, 480), 320);

  it('finds a covered lens black', () => {
    const judgement = judgeFrames([flat(320, 240, 0), flat(320, 240, 3), flat(320, 240, 0), flat(320, 240, 5), card], policy);
    expect(judgement).toEqual({ verdict: 'black', blackShare: 0.8, meanLuma: (3 + 5 + meanLuma(card)) / 5, maxDelta: expect.any(Number) });
  });

  it('calls a dim room too dark, not black', () => {
    const dim = [1, 2, 3].map((seed) => noisy(darkened(card, 0.25), 2, seed));
    expect(judgeFrames(dim, policy).verdict).toBe('dark');
  });

  it('judges black and frozen before dark: a covered lens is black, a dark still picture frozen', () => {
    expect(judgeFrames([flat(320, 240, 2), flat(320, 240, 1)], policy).verdict).toBe('black');
    const still = darkened(card, 0.2);
    expect(judgeFrames([still, still], policy).verdict).toBe('frozen');
  });

  it('follows the policy: dark is the mean over the frames under darkLuma', () => {
    const frames = [1, 2].map((seed) => noisy(flat(320, 240, 50), 2, seed));
    expect(judgeFrames(frames, { ...policy, darkLuma: 40 }).verdict).toBe('ok');
    expect(judgeFrames(frames, { ...policy, darkLuma: 60 }).verdict).toBe('dark');
  });

  it('finds repeated frames frozen, and needs two frames to say so', () => {
    expect(judgeFrames([card, card, card], policy)).toEqual({ verdict: 'frozen', blackShare: 0, meanLuma: meanLuma(card), maxDelta: 0 });
    expect(judgeFrames([card], policy).verdict).toBe('ok');
  });

  it('finds a live camera ok and reports the largest change', () => {
    const frames = [1, 2, 3, 4].map((seed) => noisy(card, 1, seed));
    const judgement = judgeFrames(frames, policy);
    expect(judgement.verdict).toBe('ok');
    expect(judgement.maxDelta).toBe(Math.max(frameDelta(frames[0]!, frames[1]!), frameDelta(frames[1]!, frames[2]!), frameDelta(frames[2]!, frames[3]!)));
  });

  it('is frozen only when every consecutive change is under the threshold', () => {
    expect(judgeFrames([card, card, noisy(card, 1, 9)], policy).verdict).toBe('ok');
  });

  it('throws image.no_frames for an empty list', () => {
    expect(errorCode(() => judgeFrames([], policy))).toBe('image.no_frames');
  });
});

describe('camera calibration of the default policy: the scene from black to normal', () => {
  // The synthetic scene darkened as a room loses light, with a live sensor's noise; the figures are written
  // next to darkLuma in ../policy.ts, and tests/checks/ feeds the same frames to Chromium's fake camera.
  const policy = DEFAULT_CHECK_POLICY.camera;
  const scene = downscale(idCardPicture(640, 480), 320);
  const room = (brightness: number) => [1, 2, 3, 4].map((seed) => noisy(darkened(scene, brightness), 2, seed));
  it.each([
    { brightness: 1, verdict: 'ok' },
    { brightness: 1 / 2, verdict: 'ok' },
    { brightness: 1 / 3, verdict: 'ok' },
    { brightness: 1 / 4, verdict: 'dark' },
    // A dark room: mean luma about 23, just over the black cut of 20, the picture nearly black.
    { brightness: 1 / 6, verdict: 'dark' },
    { brightness: 1 / 8, verdict: 'black' },
    { brightness: 0, verdict: 'black' },
  ] as const)('at $brightness of full brightness -> $verdict', ({ brightness, verdict }) => {
    expect(judgeFrames(room(brightness), policy).verdict).toBe(verdict);
  });

  it('puts darkLuma between a third (dim but clear) and a quarter (dark), and a sixth above black', () => {
    const luma = (brightness: number) => judgeFrames(room(brightness), policy).meanLuma;
    expect(luma(1 / 3)).toBeGreaterThan(policy.darkLuma * 1.1);
    expect(luma(1 / 4)).toBeLessThan(policy.darkLuma / 1.1);
    expect(luma(1 / 6)).toBeGreaterThan(policy.blackLuma);
    expect(luma(1 / 6)).toBeLessThan(25);
  });
});

describe('judgePhoto', () => {
  const policy = { minSharpness: 100, minLuma: 60, maxGlareShare: 0.04 };

  it.each([
    [{ sharpness: 500, luma: 140, glare: 0 }, 'ok'],
    [{ sharpness: 50, luma: 140, glare: 0 }, 'blurry'],
    [{ sharpness: 500, luma: 140, glare: 0.1 }, 'glare'],
    [{ sharpness: 50, luma: 140, glare: 0.1 }, 'glare'],
    [{ sharpness: 500, luma: 30, glare: 0 }, 'dark'],
    [{ sharpness: 50, luma: 30, glare: 0.1 }, 'dark'],
    [{ sharpness: 100, luma: 60, glare: 0.04 }, 'ok'],
  ] as const)('%o -> %s', (quality, verdict) => {
    expect(judgePhoto(quality, policy)).toBe(verdict);
  });
});

describe('ID-photo calibration of the default policy', () => {
  // Measured figures and the margins are written next to the thresholds in ../policy.ts.
  const policy = DEFAULT_CHECK_POLICY.idPhoto;
  const card = idCardPicture(640, 480);
  it.each([
    { name: 'sharp', picture: () => card, verdict: 'ok' },
    { name: 'sharp with camera noise σ6', picture: () => noisy(card, 6, 1), verdict: 'ok' },
    { name: 'blurred radius 3', picture: () => blurred(card, 3), verdict: 'blurry' },
    { name: 'blurred radius 5', picture: () => blurred(card, 5), verdict: 'blurry' },
    { name: 'darkened to a quarter', picture: () => darkened(card, 0.25), verdict: 'dark' },
    { name: 'glare on a tenth', picture: () => withGlare(card, 0.1), verdict: 'glare' },
  ] as const)('$name -> $verdict', ({ picture, verdict }) => {
    expect(judgePhoto(photoQuality(picture()), policy)).toBe(verdict);
  });

  it('keeps every measure at least 1.5× away from its threshold', () => {
    const sharp = photoQuality(card);
    expect(sharp.sharpness).toBeGreaterThan(policy.minSharpness * 10); // room for the fake camera's softening
    expect(sharp.luma).toBeGreaterThan(policy.minLuma * 1.5);
    expect(photoQuality(noisy(card, 6, 1)).sharpness).toBeGreaterThan(policy.minSharpness * 10);
    expect(photoQuality(blurred(card, 1)).sharpness).toBeGreaterThan(policy.minSharpness * 1.5);
    expect(photoQuality(blurred(card, 2)).sharpness * 1.5).toBeLessThan(policy.minSharpness);
    expect(photoQuality(blurred(card, 3)).sharpness * 1.5).toBeLessThan(policy.minSharpness);
    expect(photoQuality(darkened(card, 0.25)).luma * 1.5).toBeLessThan(policy.minLuma);
    expect(photoQuality(withGlare(card, 0.1)).glare).toBeGreaterThan(policy.maxGlareShare * 1.5);
  });

  it('reads a sharp card the same at 1280×960 and 320×240 as at 640×480, within the margin', () => {
    for (const [width, height] of [[320, 240], [1280, 960]] as const) {
      expect(judgePhoto(photoQuality(idCardPicture(width, height)), policy)).toBe('ok');
    }
  });
});

describe('synthetic pictures', () => {
  it('are deterministic', () => {
    expect(idCardPicture(320, 240)).toEqual(idCardPicture(320, 240));
    expect(noisy(flat(8, 8, 100), 3, 7)).toEqual(noisy(flat(8, 8, 100), 3, 7));
    expect(noisy(flat(8, 8, 100), 3, 7)).not.toEqual(noisy(flat(8, 8, 100), 3, 8));
  });

  it('blur keeps a flat image flat and darkening scales it', () => {
    expect(blurred(flat(20, 10, 90), 3)).toEqual(flat(20, 10, 90));
    expect(darkened(image(3, 1, [0, 100, 255]), 0.5)).toEqual(image(3, 1, [0, 50, 128]));
  });
});

describe('toY4m', () => {
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

  it('writes the exact header, then FRAME, Y, U and V per frame', () => {
    const frames = [image(4, 2, [0, 255, 128, 1, 2, 3, 4, 5]), flat(4, 2, 255)];
    const file = toY4m(frames, 15);
    const header = 'YUV4MPEG2 W4 H2 F15:1 Ip A1:1 C420jpeg\n';
    const frameSize = 'FRAME\n'.length + 4 * 2 + 2 * (2 * 1);
    expect(decode(file.subarray(0, header.length))).toBe(header);
    expect(file.length).toBe(header.length + 2 * frameSize);
    for (const index of [0, 1]) expect(decode(file.subarray(header.length + index * frameSize, header.length + index * frameSize + 6))).toBe('FRAME\n');
    // Limited range: 0 -> 16, 255 -> 235, 128 -> 16 + round(109.93) = 126.
    expect([...file.subarray(header.length + 6, header.length + 6 + 8)]).toEqual([16, 235, 126, 17, 18, 19, 19, 20]);
    expect([...file.subarray(header.length + 14, header.length + frameSize)]).toEqual([128, 128, 128, 128]);
    expect([...file.subarray(header.length + frameSize + 6, header.length + frameSize + 14)]).toEqual(Array(8).fill(235));
  });

  it('defaults to 30 fps', () => {
    const header = 'YUV4MPEG2 W2 H2 F30:1 Ip A1:1 C420jpeg\n';
    expect(decode(toY4m([flat(2, 2, 0)]).subarray(0, header.length))).toBe(header);
  });

  it('refuses no frames and frames of different sizes', () => {
    expect(errorCode(() => toY4m([]))).toBe('image.no_frames');
    expect(errorCode(() => toY4m([flat(4, 4, 0), flat(4, 2, 0)]))).toBe('image.size_mismatch');
  });
});

describe('toWav', () => {
  it('writes a 44-byte PCM header, byte by byte, then little-endian samples', () => {
    const file = toWav(Float32Array.from([0, 1, -1, 0.5, 2]), 48_000);
    const dataSize = 5 * 2;
    expect(file.length).toBe(44 + dataSize);
    expect([...file.subarray(0, 44)]).toEqual([
      ...'RIFF'.split('').map((char) => char.charCodeAt(0)),
      36 + dataSize, 0, 0, 0, // RIFF chunk size
      ...'WAVEfmt '.split('').map((char) => char.charCodeAt(0)),
      16, 0, 0, 0, // fmt chunk size
      1, 0, // PCM
      1, 0, // mono
      0x80, 0xbb, 0, 0, // 48000
      0x00, 0x77, 0x01, 0, // byte rate 96000
      2, 0, // block align
      16, 0, // bits per sample
      ...'data'.split('').map((char) => char.charCodeAt(0)),
      dataSize, 0, 0, 0,
    ]);
    // 0, 32767, -32768, round(16383.5) = 16384, clamped 32767.
    expect([...file.subarray(44)]).toEqual([0, 0, 0xff, 0x7f, 0x00, 0x80, 0x00, 0x40, 0xff, 0x7f]);
  });

  it('makes noise at the RMS level asked for, the same for a seed, and joins signals end to end', () => {
    for (const dbfs of [-90, -60, -20]) {
      const samples = noise(2, dbfs, 3);
      const level = 20 * Math.log10(Math.sqrt(samples.reduce((sum, sample) => sum + sample * sample, 0) / samples.length));
      expect(level, `${dbfs} dBFS`).toBeCloseTo(dbfs, 0);
    }
    expect(noise(0.01, -30, 4)).toEqual(noise(0.01, -30, 4));
    expect(noise(0.01, -30, 4)).not.toEqual(noise(0.01, -30, 5));
    expect(joined(Float32Array.from([1, 2]), new Float32Array(0), Float32Array.from([3]))).toEqual(Float32Array.from([1, 2, 3]));
  });

  it('makes silence and tones of the right length and level', () => {
    expect(silence(0.5)).toEqual(new Float32Array(24_000));
    const wave = tone(1, 1000, 0.5, 8000);
    expect(wave.length).toBe(8000);
    expect(Math.max(...wave)).toBeCloseTo(0.5, 5);
    expect(wave[2]).toBeCloseTo(0.5, 5); // a quarter period of 1 kHz at 8 kHz
  });
});
