/** @module Network figures against the policy, and how big a transfer should be to last long enough. */
import type { ResolvedPolicy } from '../policy.ts';
import { outcome, round, type Outcome } from '../run/context.ts';

export interface NetworkFigures {
  rttMs: number;
  downloadMbps: number;
  uploadMbps: number;
}

const MIN_BYTES = 64 * 1024;
/** Caps a fast line's test at 25 MB: enough to measure 130 Mbps for 1.5 s, not a data-plan's worth. */
const MAX_BYTES = 25 * 1024 * 1024;

/** Bytes that take about `durationMs` at `mbps`. */
export function sizeFor(mbps: number, durationMs: number): number {
  const bytes = ((mbps * 1e6) / 8) * (durationMs / 1000);
  return Math.round(Math.min(MAX_BYTES, Math.max(MIN_BYTES, bytes)));
}

/** Upload first: the proctor's webcam stream goes up, so a slow upload is what breaks an exam. */
export function judgeNetwork(figures: NetworkFigures, policy: ResolvedPolicy['network']): Outcome {
  const measured = {
    rttMs: Math.round(figures.rttMs),
    downloadMbps: round(figures.downloadMbps),
    uploadMbps: round(figures.uploadMbps),
    minDownloadMbps: policy.minDownloadMbps,
    minUploadMbps: policy.minUploadMbps,
    maxRttMs: policy.maxRttMs,
  };
  if (figures.uploadMbps < policy.minUploadMbps) return outcome('fail', 'network.slow_upload', measured);
  if (figures.downloadMbps < policy.minDownloadMbps) return outcome('fail', 'network.slow_download', measured);
  if (figures.rttMs > policy.maxRttMs) return outcome('warn', 'network.high_latency', measured);
  return outcome('pass', 'network.ok', measured);
}
