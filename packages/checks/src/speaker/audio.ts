/** @module An AudioContext that is really running: browsers start one suspended until the page has had a click. */
import { sleep } from '../run/context.ts';

export type OpenedAudio = { ok: true; context: AudioContext } | { ok: false; reason: 'check.unsupported' | 'check.needs_interaction' };

/** How long to wait for a suspended context to start before asking the candidate for a click. */
const RESUME_WAIT_MS = 1000;

export async function openAudioContext(signal: AbortSignal): Promise<OpenedAudio> {
  if (typeof AudioContext !== 'function') return { ok: false, reason: 'check.unsupported' };
  const context = new AudioContext();
  if (context.state !== 'running') {
    await Promise.race([context.resume().catch(() => undefined), sleep(RESUME_WAIT_MS, signal)]);
  }
  if (context.state !== 'running') {
    void context.close().catch(() => undefined);
    return { ok: false, reason: 'check.needs_interaction' };
  }
  return { ok: true, context };
}
