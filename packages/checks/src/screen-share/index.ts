/**
 * @module The screen-sharing check: `getDisplayMedia` exists, the candidate allows it (and the OS does:
 * macOS Screen Recording), and shares the whole screen when the policy asks for it.
 */
import { openMedia, stopStream } from '../media/index.ts';
import { outcome, type Check } from '../run/context.ts';

export const screenShare: Check = async ({ policy, hooks, signal }) => {
  if (!navigator.mediaDevices?.getDisplayMedia) return outcome('fail', 'check.unsupported', { api: 'getDisplayMedia' });
  // Browsers open the picker only in answer to a click.
  await hooks.waitForCandidate?.('screen-share', signal);
  const options = { video: { displaySurface: 'monitor' }, audio: false, monitorTypeSurfaces: 'include' } as DisplayMediaStreamOptions;
  const opened = await openMedia(() => navigator.mediaDevices.getDisplayMedia(options), signal);
  if (!opened.ok) {
    if (opened.failure === 'blocked_by_system') return outcome('fail', 'screen_share.blocked_by_system', { error: opened.error });
    if (opened.failure === 'permission_denied') return outcome('fail', 'screen_share.permission_denied', { error: opened.error });
    return outcome('fail', 'check.unsupported', { error: opened.error });
  }
  try {
    const settings = opened.stream.getVideoTracks()[0]?.getSettings() as (MediaTrackSettings & { displaySurface?: string }) | undefined;
    // Safari before 17 does not say what was shared.
    const surface = settings?.displaySurface ?? 'unknown';
    const measured = { surface, width: settings?.width ?? 0, height: settings?.height ?? 0 };
    if (policy.screenShare.requireMonitor && surface !== 'monitor' && surface !== 'unknown') return outcome('fail', 'screen_share.window_not_screen', measured);
    return outcome('pass', 'screen_share.ok', measured);
  } finally {
    stopStream(opened.stream);
  }
};
