/** @module An AudioContext that is really running: browsers start one suspended until the page has had a click. */
import { outcome, sleep, type Outcome } from '../run/context.ts';

export type OpenedAudio = { context: AudioContext; outcome?: undefined } | { context?: undefined; outcome: Outcome };

/** How long to wait for a suspended context to start before asking the candidate for a click. */
const RESUME_WAIT_MS = 1000;

export async function openAudioContext(signal: AbortSignal): Promise<OpenedAudio> {
  if (typeof AudioContext !== 'function') return { outcome: outcome('fail', 'check.unsupported', { api: 'AudioContext' }) };
  const context = new AudioContext();
  if (context.state !== 'running') {
    await Promise.race([context.resume().catch(() => undefined), sleep(RESUME_WAIT_MS, signal)]);
  }
  if (context.state !== 'running') {
    void context.close().catch(() => undefined);
    return { outcome: outcome('skipped', 'check.needs_interaction', { api: 'AudioContext' }) };
  }
  return { context };
}
