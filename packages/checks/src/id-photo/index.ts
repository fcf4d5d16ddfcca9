/**
 * @module The ID-photo check: the candidate holds the ID to the camera and presses "Take the photo";
 * the frame is judged for darkness, glare and sharpness (variance of the Laplacian), with tips per verdict.
 */
import { judgePhoto, photoQuality } from '../image/photo.ts';
import { grabFrame } from '../media/frames.ts';
import { withCamera } from '../camera/index.ts';
import { outcome, round, sleep, type Check } from '../run/context.ts';

/** Without a button to press, the photo is taken after this countdown. */
const COUNTDOWN_MS = 3000;
/** The photo is judged at this width, as the upload would be. */
const PHOTO_WIDTH = 640;

export const idPhoto: Check = (context) =>
  withCamera(context, async (_stream, video) => {
    const { policy, hooks, signal } = context;
    if (hooks.waitForCandidate) await hooks.waitForCandidate('id-photo', signal);
    else await sleep(COUNTDOWN_MS, signal);
    const quality = photoQuality(grabFrame(video, PHOTO_WIDTH));
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
  });
