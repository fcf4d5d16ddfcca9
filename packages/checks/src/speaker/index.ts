/**
 * @module The speaker check: plays a short tone and asks "Did you hear it?"; where the browser lets a
 * page pick the output (`setSinkId`), the candidate can send the tone to another device and try again.
 */
import { outcome, type Check, type SpeakerControl } from '../run/context.ts';
import { devicesOf } from '../media/index.ts';
import { openAudioContext } from './audio.ts';

/** A 660 Hz tone for 0.8 s, faded in and out so it does not click: easy to hear, not alarming. */
const TONE_HZ = 660;
const TONE_SECONDS = 0.8;
const TONE_GAIN = 0.25;

type SinkContext = AudioContext & { setSinkId?(id: string): Promise<void> };

export const speaker: Check = async ({ hooks, signal }) => {
  if (!hooks.confirmHeard) return outcome('skipped', 'check.needs_interaction', { why: 'nobody to ask whether the tone was heard' });
  const audio = await openAudioContext(signal);
  if (audio.outcome) return audio.outcome;
  const context: SinkContext = audio.context;
  try {
    const outputs = await outputDevices();
    const canChoose = typeof context.setSinkId === 'function';
    let output = 'default';
    const control: SpeakerControl = {
      replay: () => playTone(context),
      outputs: canChoose ? outputs : [],
      chooseOutput: async (id) => {
        try {
          await context.setSinkId?.(id === 'default' ? '' : id);
          output = outputs.find((device) => device.id === id)?.label ?? id;
          playTone(context);
          return true;
        } catch {
          return false;
        }
      },
    };
    playTone(context);
    const heard = await hooks.confirmHeard(control, signal);
    const measured = { outputs: outputs.map((device) => device.label), outputChoice: canChoose, output };
    return heard ? outcome('pass', 'speaker.ok', measured) : outcome('fail', 'speaker.not_heard', measured);
  } finally {
    void context.close().catch(() => undefined);
  }
};

function playTone(context: AudioContext): void {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  const start = context.currentTime;
  oscillator.frequency.value = TONE_HZ;
  gain.gain.setValueAtTime(0, start);
  gain.gain.linearRampToValueAtTime(TONE_GAIN, start + 0.05);
  gain.gain.setValueAtTime(TONE_GAIN, start + TONE_SECONDS - 0.1);
  gain.gain.linearRampToValueAtTime(0, start + TONE_SECONDS);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(start);
  oscillator.stop(start + TONE_SECONDS);
}

async function outputDevices(): Promise<{ id: string; label: string }[]> {
  return (await devicesOf('audiooutput')).map((device, i) => ({ id: device.deviceId, label: device.label || `Output ${i + 1}` }));
}
