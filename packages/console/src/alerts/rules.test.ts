import { describe, expect, it } from 'vitest';
import { ALERTS_STORAGE_KEY, alertArrival, enableDesktop, readAlertPrefs, saveAlertPrefs, type AlertDevices } from './rules.ts';

/** The browser's sound and notifications as a record of what was asked of them. */
function devices(permission: NotificationPermission | 'unsupported', answer: NotificationPermission = permission === 'unsupported' ? 'denied' : permission) {
  const done: string[] = [];
  let current = permission;
  const fake: AlertDevices = {
    playTone: () => void done.push('tone'),
    permission: () => current,
    requestPermission: async () => {
      done.push('asked');
      if (current !== 'unsupported') current = answer;
      return current;
    },
    notify: (title, body) => void done.push(`notification: ${title} / ${body}`),
  };
  return { fake, done };
}

const memory = () => {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
};

const WORDS = { title: 'Lifeline console', body: 'A candidate is waiting: Carla' };

describe('arrival alerts', () => {
  it('are off until the agent turns them on, and are remembered', () => {
    const storage = memory();
    expect(readAlertPrefs(storage)).toEqual({ sound: false, desktop: false });
    saveAlertPrefs(storage, { sound: true, desktop: false });
    expect(readAlertPrefs(storage)).toEqual({ sound: true, desktop: false });
    storage.setItem(ALERTS_STORAGE_KEY, 'not json');
    expect(readAlertPrefs(storage)).toEqual({ sound: false, desktop: false });
    expect(readAlertPrefs(undefined)).toEqual({ sound: false, desktop: false });
  });

  it('play the sound and show the notification the agent chose, once each, and nothing when off', () => {
    const { fake, done } = devices('granted');
    alertArrival({ sound: false, desktop: false }, fake, WORDS);
    expect(done).toEqual([]);
    alertArrival({ sound: true, desktop: true }, fake, WORDS);
    expect(done).toEqual(['tone', 'notification: Lifeline console / A candidate is waiting: Carla']);
  });

  it('ask the browser before turning notifications on, and stay off when it refuses or cannot', async () => {
    const allowed = devices('default', 'granted');
    expect(await enableDesktop(allowed.fake)).toBe('on');
    expect(allowed.done).toEqual(['asked']);
    const refused = devices('default', 'denied');
    expect(await enableDesktop(refused.fake)).toBe('denied');
    expect(await enableDesktop(devices('unsupported').fake)).toBe('unsupported');
    // Refused later in the site settings: a saved "on" shows nothing rather than failing.
    alertArrival({ sound: false, desktop: true }, refused.fake, WORDS);
    expect(refused.done).toEqual(['asked']);
  });
});
