/** @module Which knowledge-base article explains each result: the fix for a failure, the topic for a pass. */
import type { CheckId, CheckReason } from '@lifeline/protocol';

/** The article about each check (ids from shared/kb-topics.md). */
const CHECK_ARTICLES: Record<CheckId, string> = {
  browser: 'supported-browsers',
  system: 'unsupported-device',
  screen: 'multiple-monitors',
  network: 'internet-connection',
  camera: 'camera-not-working',
  microphone: 'microphone-not-working',
  speaker: 'speaker-audio',
  'screen-share': 'screen-sharing',
  'id-photo': 'id-photo-rejected',
};

/** Reasons whose fix another article explains better than the check's own. */
const REASON_ARTICLES: Partial<Record<CheckReason, string>> = {
  'system.ok': 'system-requirements',
  'screen.low_resolution': 'system-requirements',
  'network.unreachable': 'work-network-restrictions',
  'camera.permission_denied': 'browser-permissions',
  'microphone.permission_denied': 'browser-permissions',
  'camera.in_use': 'camera-not-working',
  'camera.not_found': 'camera-not-working',
  // Lighting is what the face-photo article explains: a light in front, no window behind.
  'camera.too_dark': 'face-photo',
};

export function articleFor(check: CheckId, reason: CheckReason): string {
  return REASON_ARTICLES[reason] ?? CHECK_ARTICLES[check];
}
