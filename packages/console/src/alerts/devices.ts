/** @module The browser's side of the alerts: a short two-note chime with Web Audio (no sound file to fetch), and the Notification API. */
import type { AlertDevices } from './rules.ts';

/** Two short notes, rising: noticeable across a room, not an alarm. */
const CHIME = [
  { hz: 660, at: 0 },
  { hz: 880, at: 0.16 },
];
const NOTE_SECONDS = 0.14;

export function browserAlertDevices(): AlertDevices {
  // Made on first use: a context made before any click starts suspended (autoplay rules), and the
  // checkbox that turns the sound on is that first click.
  let audio: AudioContext | undefined;
  const supported = () => typeof Notification !== 'undefined';
  return {
    playTone() {
      if (typeof AudioContext === 'undefined') return;
      audio ??= new AudioContext();
      void audio.resume().catch(() => undefined);
      const start = audio.currentTime;
      for (const note of CHIME) {
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.frequency.value = note.hz;
        // A soft attack and release: a bare oscillator clicks.
        gain.gain.setValueAtTime(0, start + note.at);
        gain.gain.linearRampToValueAtTime(0.2, start + note.at + 0.02);
        gain.gain.linearRampToValueAtTime(0, start + note.at + NOTE_SECONDS);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(start + note.at);
        oscillator.stop(start + note.at + NOTE_SECONDS);
      }
    },
    permission: () => (supported() ? Notification.permission : 'unsupported'),
    requestPermission: async () => (supported() ? Notification.requestPermission() : 'unsupported'),
    notify(title, body) {
      if (!supported()) return;
      // One tag: a burst of arrivals replaces the last notification rather than piling them up.
      const shown = new Notification(title, { body, tag: 'lifeline-arrival' });
      shown.onclick = () => {
        window.focus();
        shown.close();
      };
    },
  };
}
