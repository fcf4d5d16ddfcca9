/**
 * @module The microphone check: permission, a device, and ~3 s of listening with a level meter;
 * an input that stays under the silence floor fails as "muted or the wrong input", with the inputs to switch to.
 */
import { deviceLabels, openMedia, permissionState, stopStream } from '../media/index.ts';
import { outcome, sleep, type Check, type Outcome } from '../run/context.ts';
import { openAudioContext, type OpenedAudio } from '../speaker/audio.ts';
import { judgeLevels, meterLevel, rms, toDbfs } from './level.ts';

const BLOCK_MS = 50;

export const microphone: Check = async ({ policy, hooks, signal }) => {
  if (!navigator.mediaDevices?.getUserMedia) return outcome('fail', 'check.unsupported', { api: 'getUserMedia' });
  if ((await permissionState('microphone')) === 'denied') return outcome('fail', 'microphone.permission_denied', { permission: 'denied' });
  // Without processing, silence stays silence and the level is the microphone's own.
  const constraints = { audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } };
  const opened = await openMedia(() => navigator.mediaDevices.getUserMedia(constraints), signal);
  if (!opened.ok) return microphoneFailure(opened.failure, opened.error);
  let audio: OpenedAudio | undefined;
  try {
    audio = await openAudioContext(signal);
    if (!audio.ok) return outcome(audio.reason === 'check.unsupported' ? 'fail' : 'skipped', audio.reason, { api: 'AudioContext' });
    const analyser = audio.context.createAnalyser();
    analyser.fftSize = 2048;
    audio.context.createMediaStreamSource(opened.stream).connect(analyser);
    const block = new Float32Array(analyser.fftSize);
    const levels: number[] = [];
    const end = performance.now() + policy.microphone.durationMs;
    while (performance.now() < end) {
      await sleep(BLOCK_MS, signal);
      analyser.getFloatTimeDomainData(block);
      const dbfs = toDbfs(rms(block));
      levels.push(dbfs);
      hooks.onLevel?.(meterLevel(dbfs));
    }
    const judged = judgeLevels(levels, policy.microphone.silenceDbfs);
    const measured = {
      device: opened.stream.getAudioTracks()[0]?.label ?? '',
      peakDbfs: judged.peakDbfs,
      averageDbfs: judged.averageDbfs,
      spreadDb: judged.spreadDb,
      silenceDbfs: policy.microphone.silenceDbfs,
      inputs: await deviceLabels('audioinput'),
    };
    return outcome(judged.silent ? 'fail' : 'pass', judged.silent ? 'microphone.silent' : 'microphone.ok', measured);
  } finally {
    hooks.onLevel?.(0);
    stopStream(opened.stream);
    if (audio?.ok) void audio.context.close().catch(() => undefined);
  }
};

function microphoneFailure(failure: string, error: string): Outcome {
  if (failure === 'permission_denied' || failure === 'blocked_by_system') return outcome('fail', 'microphone.permission_denied', { error, blockedBySystem: failure === 'blocked_by_system' });
  if (failure === 'not_found') return outcome('fail', 'microphone.not_found', { error });
  if (failure === 'in_use') return outcome('fail', 'microphone.in_use', { error });
  return outcome('fail', 'check.unsupported', { error });
}
