/** @module Frames from a camera stream: a muted inline video the UI can show, sampled into luma images. */
import { sleep } from '../run/context.ts';
import { lumaFromRgba, type LumaImage } from '../image/luma.ts';

/** A playing, muted, inline video of the stream: the candidate's preview and the source of frames. */
export async function playStream(stream: MediaStream, signal: AbortSignal): Promise<HTMLVideoElement> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.autoplay = true;
  video.srcObject = stream;
  const playing = new Promise<void>((resolve, reject) => {
    if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) resolve();
    video.addEventListener('loadeddata', () => resolve(), { once: true });
    video.addEventListener('error', () => reject(new Error('the camera picture could not be shown')), { once: true });
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  // Muted video may play without a click; play() rejecting is fine as long as frames arrive.
  video.play().catch(() => undefined);
  await playing;
  return video;
}

export function releaseVideo(video: HTMLVideoElement | undefined): void {
  if (!video) return;
  video.pause();
  video.srcObject = null;
  video.remove();
}

/** The current frame, scaled so it is at most `maxWidth` wide, as luma. */
export function grabFrame(video: HTMLVideoElement, maxWidth: number): LumaImage {
  const scale = Math.min(1, maxWidth / (video.videoWidth || maxWidth));
  const width = Math.max(1, Math.round((video.videoWidth || maxWidth) * scale));
  const height = Math.max(1, Math.round((video.videoHeight || maxWidth * 0.75) * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('this browser cannot read camera frames (no 2D canvas)');
  context.drawImage(video, 0, 0, width, height);
  return lumaFromRgba(context.getImageData(0, 0, width, height).data, width, height);
}

export interface FrameSample {
  frames: LumaImage[];
  /** Frames the video presented per second while sampling, where the browser can count them. */
  frameRate: number | undefined;
}

/** `count` frames, `intervalMs` apart, and the frame rate the video actually delivered meanwhile. */
export async function sampleFrames(video: HTMLVideoElement, count: number, intervalMs: number, maxWidth: number, signal: AbortSignal): Promise<FrameSample> {
  let presented = 0;
  let firstAt: number | undefined;
  let lastAt = 0;
  const counting = typeof video.requestVideoFrameCallback === 'function';
  const onFrame = (now: number) => {
    if (signal.aborted) return;
    presented += 1;
    firstAt ??= now;
    lastAt = now;
    video.requestVideoFrameCallback(onFrame);
  };
  if (counting) video.requestVideoFrameCallback(onFrame);
  const frames: LumaImage[] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0) await sleep(intervalMs, signal);
    frames.push(grabFrame(video, maxWidth));
  }
  const span = firstAt === undefined ? 0 : lastAt - firstAt;
  return { frames, frameRate: counting && presented > 1 && span > 0 ? Math.round(((presented - 1) * 1000) / span) : undefined };
}
