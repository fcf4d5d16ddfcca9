/**
 * @module @lifeline/checks: the self-service checks. `runCheck` and `runChecks` always resolve to
 * `CheckResult`s (a reason code, the figures, the article with the fix), never throw, honor the
 * caller's `AbortSignal`, and stop every media track they open.
 */
import { browser } from './browser/index.ts';
import { camera } from './camera/index.ts';
import { microphone } from './microphone/index.ts';
import { network } from './network/index.ts';
import { createRunner, runEach, type CheckProgress } from './run/index.ts';
import type { CheckOptions } from './run/context.ts';
import type { CheckName } from '@lifeline/protocol';
import { screenShare } from './screen-share/index.ts';
import { screenCheck } from './screen/index.ts';
import { speaker } from './speaker/index.ts';
import { system } from './system/index.ts';

export const runCheck = createRunner({
  browser,
  system,
  screen: screenCheck,
  network,
  camera,
  microphone,
  speaker,
  'screen-share': screenShare,
  // Not part of "Check my setup": its image analysis loads when the ID photo is checked.
  'id-photo': async (context) => (await import('./id-photo/index.ts')).idPhoto(context),
});

/** Runs `names` (default: the setup checks) one after another; a stop makes the rest `skipped`. */
export const runChecks = (names?: readonly CheckName[], options?: CheckOptions, onProgress?: (progress: CheckProgress) => void, signal?: AbortSignal) =>
  runEach(runCheck, names, options, onProgress, signal);

export { expandChecks, SETUP_CHECKS, type CheckProgress } from './run/index.ts';
export type { CandidateStep, CheckHooks, CheckOptions, SpeakerControl } from './run/context.ts';
export { articleFor } from './run/articles.ts';
export { DEFAULT_CHECK_POLICY, resolvePolicy, type ResolvedPolicy } from './policy.ts';
export { createReport, decodeReferenceCode, encodeReferenceCode, type DecodedReference } from './report/index.ts';
