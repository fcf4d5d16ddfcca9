/** @module What a check receives (policy, hooks into the UI, an abort signal) and what it concludes. */
import type { CheckPolicy, CheckReason, CheckStatus, MeasuredValue } from '@lifeline/protocol';
import type { ResolvedPolicy } from '../policy.ts';

/** The steps where a check waits for the candidate to press a button (a browser needs the click). */
export type CandidateStep = 'screen-share' | 'id-photo';

export interface SpeakerControl {
  /** Plays the test tone again. */
  replay(): void;
  /** Output devices the candidate can pick, when the browser lets a page choose (`setSinkId`). */
  outputs: { id: string; label: string }[];
  /** Sends the tone to another output; false when the browser refused. */
  chooseOutput(id: string): Promise<boolean>;
}

/** How a check talks to the UI around it. Every hook is optional: without one the check decides alone. */
export interface CheckHooks {
  /** The live camera picture while the camera or ID-photo check runs; `undefined` when it stops. */
  onPreview?(video: HTMLVideoElement | undefined): void;
  /** The microphone level, 0..1, several times a second. */
  onLevel?(level: number): void;
  /** The tone is playing: resolve true if the candidate heard it. Without this hook the speaker check is skipped. */
  confirmHeard?(control: SpeakerControl, signal: AbortSignal): Promise<boolean>;
  /** Resolve when the candidate presses the button for this step (browsers need that click). */
  waitForCandidate?(step: CandidateStep, signal: AbortSignal): Promise<void>;
}

export interface CheckOptions {
  policy?: CheckPolicy;
  /** The address the network check measures against (docs/checks.md says what it must answer). */
  networkUrl?: string;
  hooks?: CheckHooks;
}

export interface CheckContext {
  policy: ResolvedPolicy;
  networkUrl: string | undefined;
  hooks: CheckHooks;
  /** Aborted when the caller stops, the time limit passes, or the check has returned: clean up then. */
  signal: AbortSignal;
}

/** What a check concludes; the runner adds the check's name, its article and the time taken. */
export interface Outcome {
  status: CheckStatus;
  reason: CheckReason;
  measured: Record<string, MeasuredValue>;
}

export type Check = (context: CheckContext) => Promise<Outcome>;

export function outcome(status: CheckStatus, reason: CheckReason, measured: Record<string, MeasuredValue> = {}): Outcome {
  return { status, reason, measured };
}

/** A measured figure rounded for people and reports (the decision uses the exact value). */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const done = () => {
      signal.removeEventListener('abort', stop);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}
