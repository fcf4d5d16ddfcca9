/**
 * @module The rules of the arrival alerts: what the agent chose (off until turned on, remembered in this
 * browser), asking the browser before a notification is promised, and which alerts an arrival gets.
 */
export interface AlertPrefs {
  sound: boolean;
  desktop: boolean;
}

export const ALERTS_STORAGE_KEY = 'lifeline-console:alerts';
const OFF: AlertPrefs = { sound: false, desktop: false };

/** What the browser can do; `permission` is the Notification permission, or `unsupported`. */
export interface AlertDevices {
  playTone(): void;
  permission(): NotificationPermission | 'unsupported';
  requestPermission(): Promise<NotificationPermission | 'unsupported'>;
  notify(title: string, body: string): void;
}

/** The saved choice; anything unreadable (blocked storage, an older shape) is everything off. */
export function readAlertPrefs(storage: Pick<Storage, 'getItem'> | undefined): AlertPrefs {
  try {
    const saved = JSON.parse(storage?.getItem(ALERTS_STORAGE_KEY) ?? 'null') as Partial<AlertPrefs> | null;
    return { sound: saved?.sound === true, desktop: saved?.desktop === true };
  } catch {
    return OFF;
  }
}

export function saveAlertPrefs(storage: Pick<Storage, 'setItem'> | undefined, prefs: AlertPrefs): void {
  try {
    storage?.setItem(ALERTS_STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // storage blocked by privacy settings: the choice lasts for this page
  }
}

/**
 * Turning the desktop notification on asks the browser's permission first; a refusal leaves it off and
 * says why (`denied`, `unsupported`), so a checked box never promises what the browser will not show.
 */
export async function enableDesktop(devices: AlertDevices): Promise<'on' | 'denied' | 'unsupported'> {
  const now = devices.permission();
  if (now === 'unsupported') return 'unsupported';
  const answer = now === 'granted' ? now : await devices.requestPermission();
  return answer === 'granted' ? 'on' : answer === 'unsupported' ? 'unsupported' : 'denied';
}

/** A conversation joined the queue: the alerts the agent turned on, each once. */
export function alertArrival(prefs: AlertPrefs, devices: AlertDevices, words: { title: string; body: string }): void {
  if (prefs.sound) devices.playTone();
  if (prefs.desktop && devices.permission() === 'granted') devices.notify(words.title, words.body);
}
