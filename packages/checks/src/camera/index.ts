/**
 * @module The camera check: permission, a device, that it opens (not held by another app), its
 * resolution and frame rate, and that the picture is neither black nor frozen nor too dark, with a live preview.
 */
import { judgeFrames } from '../image/luma.ts';
import { playStream, releaseVideo, sampleFrames } from '../media/frames.ts';
import { deviceLabels, openDevice, stopStream } from '../media/index.ts';
import { outcome, round, type Check, type CheckContext, type Outcome } from '../run/context.ts';

/** Ten frames over ~1.4 s at 320 px: enough to see a black or frozen picture; smaller averages a live sensor's noise away (image/index.test.ts). */
const SAMPLES = 10;
const SAMPLE_INTERVAL_MS = 150;
const SAMPLE_WIDTH = 320;

const VIDEO_CONSTRAINTS: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 } };

export const camera: Check = (context) =>
  withCamera(context, async (stream, video) => {
    const { policy, signal } = context;
    const track = stream.getVideoTracks()[0];
    const settings = track?.getSettings() ?? {};
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
    // Before the frame rate: a camera in a dim room lengthens its exposure and slows down, and light fixes both.
    if (frames.verdict === 'dark') return outcome('warn', 'camera.too_dark', { ...measured, darkLuma: policy.camera.darkLuma });
    if (frameRate > 0 && frameRate < policy.camera.minFrameRate) return outcome('warn', 'camera.low_frame_rate', { ...measured, minFrameRate: policy.camera.minFrameRate });
    return outcome('pass', 'camera.ok', measured);
  });

/**
 * Opens the camera, shows the candidate its live picture while `use` looks at it, and then, however
 * `use` ends, takes the preview away and turns the camera off. The camera and ID-photo checks share it.
 */
export async function withCamera({ hooks, signal }: CheckContext, use: (stream: MediaStream, video: HTMLVideoElement) => Promise<Outcome>): Promise<Outcome> {
  const opened = await openDevice('camera', { video: VIDEO_CONSTRAINTS }, signal);
  if (opened.outcome) return opened.outcome;
  let video: HTMLVideoElement | undefined;
  try {
    video = await playStream(opened.stream, signal);
    hooks.onPreview?.(video);
    return await use(opened.stream, video);
  } finally {
    hooks.onPreview?.(undefined);
    releaseVideo(video);
    stopStream(opened.stream);
  }
}
