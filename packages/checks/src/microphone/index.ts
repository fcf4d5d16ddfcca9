/**
 * @module The microphone check: permission, a device, and ~3 s of listening with a level meter; an
 * input that stays under the silence floor fails as "muted or the wrong input", one that stays under the
 * voice floor warns "too quiet", each with the inputs to switch to.
 */
import { deviceLabels, openDevice, stopStream } from '../media/index.ts';
import { outcome, sleep, type Check } from '../run/context.ts';
import { openAudioContext, type OpenedAudio } from '../speaker/audio.ts';
import { judgeLevels, meterLevel, rms, toDbfs } from './level.ts';

const BLOCK_MS = 50;

export const microphone: Check = async ({ policy, hooks, signal }) => {
  // Without processing, silence stays silence and the level is the microphone's own.
  const opened = await openDevice('microphone', { audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } }, signal);
  if (opened.outcome) return opened.outcome;
  let audio: OpenedAudio | undefined;
  try {
    audio = await openAudioContext(signal);
    if (audio.outcome) return audio.outcome;
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
      hooks.onLevel?.(meterLevel(dbfs, policy.microphone.silenceDbfs));
    }
    const judged = judgeLevels(levels, policy.microphone);
    const measured = {
      device: opened.stream.getAudioTracks()[0]?.label ?? '',
      peakDbfs: judged.peakDbfs,
      averageDbfs: judged.averageDbfs,
      spreadDb: judged.spreadDb,
      silenceDbfs: policy.microphone.silenceDbfs,
      quietDbfs: policy.microphone.quietDbfs,
      inputs: await deviceLabels('audioinput'),
    };
    if (judged.verdict === 'silent') return outcome('fail', 'microphone.silent', measured);
    return judged.verdict === 'quiet' ? outcome('warn', 'microphone.too_quiet', measured) : outcome('pass', 'microphone.ok', measured);
  } finally {
    hooks.onLevel?.(0);
    stopStream(opened.stream);
    void audio?.context?.close().catch(() => undefined);
  }
};
