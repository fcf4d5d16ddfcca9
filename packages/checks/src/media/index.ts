/**
 * @module Opening the camera, microphone or screen: browser errors as failure codes, permission state,
 * and tracks that are always stopped, even when the stream arrives after the check was stopped.
 */
import { outcome, type Outcome } from '../run/context.ts';

export type MediaFailure = 'permission_denied' | 'blocked_by_system' | 'not_found' | 'in_use' | 'unsupported';

export type Opened = { ok: true; stream: MediaStream } | { ok: false; failure: MediaFailure; error: string };

/** getUserMedia / getDisplayMedia errors by name, as Chrome, Firefox and Safari raise them. */
export function failureOf(error: unknown): MediaFailure {
  const { name, message } = errorParts(error);
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      // Chrome on macOS without the Screen Recording / Camera setting in System Settings.
      return /system/i.test(message) ? 'blocked_by_system' : 'permission_denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'not_found';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in_use';
    default:
      return 'unsupported';
  }
}

export async function openMedia(open: () => Promise<MediaStream>, signal: AbortSignal): Promise<Opened> {
  try {
    const stream = await open();
    // The candidate may have closed the panel while the prompt was up: the camera light must go off.
    if (signal.aborted) {
      stopStream(stream);
      throw signal.reason;
    }
    return { ok: true, stream };
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    const { name, message } = errorParts(error);
    return { ok: false, failure: failureOf(error), error: name ? `${name}: ${message}`.slice(0, 200) : String(error) };
  }
}

/** The name and message of an Error or DOMException (not every browser makes DOMException an Error); empty for anything else. */
function errorParts(error: unknown): { name: string; message: string } {
  return error instanceof Error || error instanceof DOMException ? error : { name: '', message: '' };
}

export function stopStream(stream: MediaStream | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** 'granted', 'denied', 'prompt', or 'unknown' where the Permissions API cannot say (Firefox for camera, older Safari). */
export async function permissionState(name: 'camera' | 'microphone'): Promise<PermissionState | 'unknown'> {
  try {
    return (await navigator.permissions.query({ name: name as PermissionName })).state;
  } catch {
    return 'unknown';
  }
}

/** The devices of one kind; none where the browser will not list them. Labels are empty before permission is granted. */
export async function devicesOf(kind: MediaDeviceKind): Promise<MediaDeviceInfo[]> {
  try {
    return (await navigator.mediaDevices.enumerateDevices()).filter((device) => device.kind === kind);
  } catch {
    return [];
  }
}

/** Labels of the devices of one kind, for the report. */
export async function deviceLabels(kind: MediaDeviceKind): Promise<string[]> {
  return (await devicesOf(kind)).map((device) => device.label || kind);
}

export type OpenedDevice = { stream: MediaStream; outcome?: undefined } | { stream?: undefined; outcome: Outcome };

/**
 * The camera or microphone, after what every device check asks first: does the browser have
 * `getUserMedia`, has the candidate blocked the device. Each way it can fail is the check's outcome.
 */
export async function openDevice(device: 'camera' | 'microphone', constraints: MediaStreamConstraints, signal: AbortSignal): Promise<OpenedDevice> {
  if (!navigator.mediaDevices?.getUserMedia) return { outcome: outcome('fail', 'check.unsupported', { api: 'getUserMedia' }) };
  const permission = await permissionState(device);
  if (permission === 'denied') return { outcome: outcome('fail', `${device}.permission_denied`, { permission }) };
  const opened = await openMedia(() => navigator.mediaDevices.getUserMedia(constraints), signal);
  if (opened.ok) return { stream: opened.stream };
  const { failure, error } = opened;
  if (failure === 'unsupported') return { outcome: outcome('fail', 'check.unsupported', { error }) };
  // Blocked in the system's privacy settings is the same reason for the candidate, with its own fix in the article.
  if (failure === 'blocked_by_system') return { outcome: outcome('fail', `${device}.permission_denied`, { error, blockedBySystem: true }) };
  return { outcome: outcome('fail', `${device}.${failure}`, { error }) };
}
