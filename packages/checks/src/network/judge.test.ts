import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECK_POLICY, type ResolvedPolicy } from '../policy.ts';
import { judgeNetwork, sizeFor, type NetworkFigures } from './judge.ts';

const KIB = 1024;
const MIB = 1024 * 1024;
// Defaults: at least 2 Mbps down, 1 Mbps up, at most 300 ms round trip.
const policy: ResolvedPolicy['network'] = DEFAULT_CHECK_POLICY.network;
const good: NetworkFigures = { rttMs: 40, downloadMbps: 50, uploadMbps: 10 };

describe('sizeFor', () => {
  it('is the bytes that take the duration at the rate', () => {
    // 1 Mbps = 125 000 bytes a second.
    expect(sizeFor(1, 1500)).toBe(187_500);
    expect(sizeFor(10, 1000)).toBe(1_250_000);
    expect(sizeFor(8, 500)).toBe(500_000);
  });

  it('scales with rate × duration between the limits', () => {
    expect(sizeFor(4, 1500)).toBe(2 * sizeFor(2, 1500));
    expect(sizeFor(2, 3000)).toBe(2 * sizeFor(2, 1500));
    expect(sizeFor(3, 1000)).toBe(sizeFor(1, 3000));
  });

  it('sends at least 64 KiB, however slow the line or short the test', () => {
    expect(sizeFor(0.1, 1500)).toBe(64 * KIB);
    expect(sizeFor(0, 1500)).toBe(64 * KIB);
    expect(sizeFor(100, 0)).toBe(64 * KIB);
    expect(sizeFor(-5, 1500)).toBe(64 * KIB);
  });

  it('sends at most 25 MiB, however fast the line', () => {
    expect(sizeFor(1000, 1500)).toBe(25 * MIB);
    expect(sizeFor(10_000, 60_000)).toBe(25 * MIB);
    // The comment's figure: 130 Mbps for 1.5 s still fits under the cap.
    expect(sizeFor(130, 1500)).toBe(24_375_000);
    expect(sizeFor(130, 1500)).toBeLessThan(25 * MIB);
  });

  it('is always a whole number of bytes within the limits', () => {
    for (const mbps of [0.3, 0.77, 1.1, 3.333, 17.9, 99.99, 500.5]) {
      for (const durationMs of [250, 999, 1500, 2718]) {
        const bytes = sizeFor(mbps, durationMs);
        expect(Number.isInteger(bytes), `${mbps} Mbps ${durationMs} ms`).toBe(true);
        expect(bytes).toBeGreaterThanOrEqual(64 * KIB);
        expect(bytes).toBeLessThanOrEqual(25 * MIB);
      }
    }
  });
});

describe('judgeNetwork', () => {
  it('passes a line that meets every threshold', () => {
    expect(judgeNetwork(good, policy)).toMatchObject({ status: 'pass', reason: 'network.ok' });
  });

  it('fails a slow upload first, even when the download is slow and the latency high too', () => {
    expect(judgeNetwork({ rttMs: 900, downloadMbps: 0.5, uploadMbps: 0.5 }, policy)).toMatchObject({ status: 'fail', reason: 'network.slow_upload' });
    expect(judgeNetwork({ ...good, uploadMbps: 0.5 }, policy)).toMatchObject({ status: 'fail', reason: 'network.slow_upload' });
    expect(judgeNetwork({ ...good, uploadMbps: 0.5, rttMs: 900 }, policy)).toMatchObject({ status: 'fail', reason: 'network.slow_upload' });
  });

  it('fails a slow download next, even when the latency is high', () => {
    expect(judgeNetwork({ ...good, downloadMbps: 1.5, rttMs: 900 }, policy)).toMatchObject({ status: 'fail', reason: 'network.slow_download' });
    expect(judgeNetwork({ ...good, downloadMbps: 1.5 }, policy)).toMatchObject({ status: 'fail', reason: 'network.slow_download' });
  });

  it('only warns about high latency', () => {
    expect(judgeNetwork({ ...good, rttMs: 301 }, policy)).toMatchObject({ status: 'warn', reason: 'network.high_latency' });
  });

  it('passes figures exactly at a threshold', () => {
    expect(judgeNetwork({ rttMs: 300, downloadMbps: 2, uploadMbps: 1 }, policy)).toMatchObject({ status: 'pass', reason: 'network.ok' });
  });

  it('follows the policy it is given', () => {
    const strict = { ...policy, minDownloadMbps: 100, minUploadMbps: 20, maxRttMs: 20 };
    expect(judgeNetwork(good, strict).reason).toBe('network.slow_upload');
    expect(judgeNetwork({ ...good, uploadMbps: 25 }, strict).reason).toBe('network.slow_download');
    expect(judgeNetwork({ ...good, uploadMbps: 25, downloadMbps: 200 }, strict).reason).toBe('network.high_latency');
  });

  it('reports the round trip in whole milliseconds, rates to two decimals, and the thresholds', () => {
    expect(judgeNetwork({ rttMs: 123.6, downloadMbps: 5.4321, uploadMbps: 2.3456 }, policy).measured).toEqual({
      rttMs: 124,
      downloadMbps: 5.43,
      uploadMbps: 2.35,
      minDownloadMbps: 2,
      minUploadMbps: 1,
      maxRttMs: 300,
    });
  });

  it('judges the measured figures, not the rounded ones', () => {
    // 0.996 Mbps rounds to 1 in the report but is still under the 1 Mbps minimum.
    const judged = judgeNetwork({ ...good, uploadMbps: 0.996 }, policy);
    expect(judged).toMatchObject({ status: 'fail', reason: 'network.slow_upload', measured: { uploadMbps: 1, minUploadMbps: 1 } });
    // 300.4 ms is reported as 300 but is over the limit.
    expect(judgeNetwork({ ...good, rttMs: 300.4 }, policy)).toMatchObject({ status: 'warn', reason: 'network.high_latency', measured: { rttMs: 300, maxRttMs: 300 } });
  });
});
