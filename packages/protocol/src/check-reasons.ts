/** @module Every reason each check can give, in a fixed order: the stable codes, and the report's reference-code table. */
import type { CheckId } from './checks.ts';

/** Reasons any check can end with: the run stopped, ran out of time, hit a bug, or needs a click first. */
const GENERIC_REASONS = ['check.aborted', 'check.timed_out', 'check.crashed', 'check.unsupported', 'check.needs_interaction'] as const;

/**
 * Every reason each check can give, in a fixed order. The order is part of the report's reference
 * code (`REPORT_VERSION`): append new reasons at the end of a list, never reorder or remove.
 */
export const CHECK_REASONS = {
  browser: [...GENERIC_REASONS, 'browser.ok', 'browser.unsupported', 'browser.outdated', 'browser.missing_feature'],
  system: [...GENERIC_REASONS, 'system.ok', 'os.unsupported', 'os.outdated', 'device.mobile'],
  screen: [...GENERIC_REASONS, 'screen.ok', 'screen.extended', 'screen.low_resolution'],
  network: [...GENERIC_REASONS, 'network.ok', 'network.offline', 'network.unreachable', 'network.high_latency', 'network.slow_download', 'network.slow_upload', 'network.not_configured'],
  camera: [...GENERIC_REASONS, 'camera.ok', 'camera.permission_denied', 'camera.not_found', 'camera.in_use', 'camera.black_frame', 'camera.frozen', 'camera.low_resolution', 'camera.low_frame_rate', 'camera.too_dark'],
  microphone: [...GENERIC_REASONS, 'microphone.ok', 'microphone.permission_denied', 'microphone.not_found', 'microphone.in_use', 'microphone.silent', 'microphone.too_quiet'],
  speaker: [...GENERIC_REASONS, 'speaker.ok', 'speaker.not_heard', 'speaker.not_answered'],
  'screen-share': [...GENERIC_REASONS, 'screen_share.ok', 'screen_share.permission_denied', 'screen_share.blocked_by_system', 'screen_share.window_not_screen'],
  'id-photo': [...GENERIC_REASONS, 'id_photo.ok', 'id_photo.blurry', 'id_photo.dark', 'id_photo.glare', 'camera.permission_denied', 'camera.not_found', 'camera.in_use'],
} as const satisfies Record<CheckId, readonly string[]>;

export type CheckReason = (typeof CHECK_REASONS)[CheckId][number];

