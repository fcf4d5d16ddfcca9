/**
 * @module The ID-photo check: the candidate holds the ID to the camera and presses "Take the photo";
 * the frame is judged for darkness, glare and sharpness (variance of the Laplacian), with tips per verdict.
 */
import { judgePhoto, photoQuality } from '../image/photo.ts';
import { grabFrame, playStream, releaseVideo } from '../media/frames.ts';
import { openMedia, permissionState, stopStream } from '../media/index.ts';
import { cameraFailure, round, VIDEO_CONSTRAINTS } from '../camera/index.ts';
import { outcome, sleep, type Check } from '../run/context.ts';

/** Without a button to press, the photo is taken after this countdown. */
const COUNTDOWN_MS = 3000;
/** The photo is judged at this width, as the upload would be. */
const PHOTO_WIDTH = 640;

export const idPhoto: Check = async ({ policy, hooks, signal }) => {
  if (!navigator.mediaDevices?.getUserMedia) return outcome('fail', 'check.unsupported', { api: 'getUserMedia' });
  if ((await permissionState('camera')) === 'denied') return outcome('fail', 'camera.permission_denied', { permission: 'denied' });
  const opened = await openMedia(() => navigator.mediaDevices.getUserMedia({ video: VIDEO_CONSTRAINTS }), signal);
  if (!opened.ok) return cameraFailure(opened.failure, opened.error);
  let video: HTMLVideoElement | undefined;
  try {
    video = await playStream(opened.stream, signal);
    hooks.onPreview?.(video);
    if (hooks.waitForCandidate) await hooks.waitForCandidate('id-photo', signal);
    else await sleep(COUNTDOWN_MS, signal);
    const photo = grabFrame(video, PHOTO_WIDTH);
    const quality = photoQuality(photo);
    const measured = {
      width: video.videoWidth,
      height: video.videoHeight,
      sharpness: round(quality.sharpness, 1),
      luma: round(quality.luma, 1),
      glarePercent: round(quality.glare * 100, 1),
      minSharpness: policy.idPhoto.minSharpness,
    };
    const verdict = judgePhoto(quality, policy.idPhoto);
    return verdict === 'ok' ? outcome('pass', 'id_photo.ok', measured) : outcome('fail', `id_photo.${verdict}`, measured);
  } finally {
    hooks.onPreview?.(undefined);
    releaseVideo(video);
    stopStream(opened.stream);
  }
};
