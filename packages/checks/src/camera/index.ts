/**
 * @module The camera check: permission, a device, that it opens (not held by another app), its
 * resolution and frame rate, and that the picture is neither black nor frozen, with a live preview.
 */
import { judgeFrames } from '../image/luma.ts';
import { playStream, releaseVideo, sampleFrames } from '../media/frames.ts';
import { deviceLabels, openMedia, permissionState, stopStream } from '../media/index.ts';
import { outcome, type Check, type Outcome } from '../run/context.ts';
import type { MediaFailure } from '../media/index.ts';

/** Ten frames over ~1.4 s at 320 px: enough to see a black or frozen picture; smaller averages a live sensor's noise away (image/index.test.ts). */
const SAMPLES = 10;
const SAMPLE_INTERVAL_MS = 150;
const SAMPLE_WIDTH = 320;

export const VIDEO_CONSTRAINTS: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 } };

export const camera: Check = async ({ policy, hooks, signal }) => {
  if (!navigator.mediaDevices?.getUserMedia) return outcome('fail', 'check.unsupported', { api: 'getUserMedia' });
  const permission = await permissionState('camera');
  if (permission === 'denied') return outcome('fail', 'camera.permission_denied', { permission });
  const opened = await openMedia(() => navigator.mediaDevices.getUserMedia({ video: VIDEO_CONSTRAINTS }), signal);
  if (!opened.ok) return cameraFailure(opened.failure, opened.error);
  let video: HTMLVideoElement | undefined;
  try {
    const track = opened.stream.getVideoTracks()[0];
    const settings = track?.getSettings() ?? {};
    video = await playStream(opened.stream, signal);
    hooks.onPreview?.(video);
    const sample = await sampleFrames(video, SAMPLES, SAMPLE_INTERVAL_MS, SAMPLE_WIDTH, signal);
    const frames = judgeFrames(sample.frames, policy.camera);
    const width = settings.width ?? video.videoWidth;
    const height = settings.height ?? video.videoHeight;
    const frameRate = sample.frameRate ?? Math.round(settings.frameRate ?? 0);
    const measured = {
      device: track?.label ?? '',
      width,
      height,
      frameRate,
      meanLuma: round(frames.meanLuma),
      blackShare: round(frames.blackShare),
      maxDelta: round(frames.maxDelta),
      cameras: await deviceLabels('videoinput'),
    };
    if (frames.verdict === 'black') return outcome('fail', 'camera.black_frame', measured);
    if (frames.verdict === 'frozen') return outcome('fail', 'camera.frozen', measured);
    if (width < policy.camera.minWidth || height < policy.camera.minHeight) return outcome('fail', 'camera.low_resolution', { ...measured, minWidth: policy.camera.minWidth, minHeight: policy.camera.minHeight });
    if (frameRate > 0 && frameRate < policy.camera.minFrameRate) return outcome('warn', 'camera.low_frame_rate', { ...measured, minFrameRate: policy.camera.minFrameRate });
    return outcome('pass', 'camera.ok', measured);
  } finally {
    hooks.onPreview?.(undefined);
    releaseVideo(video);
    stopStream(opened.stream);
  }
};

export function cameraFailure(failure: MediaFailure, error: string): Outcome {
  const measured = { error };
  switch (failure) {
    case 'permission_denied':
    case 'blocked_by_system':
      return outcome('fail', 'camera.permission_denied', { ...measured, blockedBySystem: failure === 'blocked_by_system' });
    case 'not_found':
      return outcome('fail', 'camera.not_found', measured);
    case 'in_use':
      return outcome('fail', 'camera.in_use', measured);
    case 'unsupported':
      return outcome('fail', 'check.unsupported', measured);
  }
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
