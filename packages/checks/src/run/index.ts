/**
 * @module Runs checks: one at a time, each with its time limit and the caller's abort signal, and
 * turns whatever happens (a verdict, a stop, a timeout, a bug) into a `CheckResult`, never a throw.
 */
import type { CheckId, CheckName, CheckResult } from '@lifeline/protocol';
import { resolvePolicy } from '../policy.ts';
import { articleFor } from './articles.ts';
import { outcome, type Check, type CheckOptions, type Outcome } from './context.ts';

/** What "Check my setup" runs, in order: the quick ones first, then those that ask the candidate something. */
export const SETUP_CHECKS: readonly CheckId[] = ['browser', 'system', 'screen', 'network', 'camera', 'microphone', 'speaker', 'screen-share'];

const GROUPS: Partial<Record<CheckName, readonly CheckId[]>> = {
  all: SETUP_CHECKS,
  permissions: ['camera', 'microphone', 'screen-share'],
};

/** Check names from an article or a host (`all`, `permissions`, `camera`) as the checks to run, each once. */
export function expandChecks(names: readonly CheckName[]): CheckId[] {
  return [...new Set(names.flatMap((name) => GROUPS[name] ?? [name as CheckId]))];
}

export interface CheckProgress {
  /** 0-based position of `check` in the run. */
  index: number;
  total: number;
  check: CheckId;
  /** Absent when the check starts, present when it has finished. */
  result?: CheckResult;
}

export type CheckRegistry = Record<CheckId, Check>;

export type RunCheck = (check: CheckId, options?: CheckOptions, signal?: AbortSignal) => Promise<CheckResult>;

export function createRunner(registry: CheckRegistry): RunCheck {
  return async function runCheck(check, options = {}, signal) {
    const started = performance.now();
    const policy = resolvePolicy(options.policy);
    const controller = new AbortController();
    let timedOut = false;
    const forward = () => controller.abort(signal?.reason);
    if (signal?.aborted) forward();
    else signal?.addEventListener('abort', forward, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException(`the ${check} check ran out of time`, 'TimeoutError'));
    }, policy.timeoutMs[check]);
    // A check that ignores its signal must not hold the run: the stop wins the race.
    const stopped = new Promise<Outcome>((resolve) => {
      const settle = () => resolve(timedOut ? outcome('warn', 'check.timed_out', { limitMs: policy.timeoutMs[check] }) : outcome('skipped', 'check.aborted'));
      if (controller.signal.aborted) settle();
      else controller.signal.addEventListener('abort', settle, { once: true });
    });
    let result: Outcome;
    try {
      const context = { policy, networkUrl: options.networkUrl, hooks: options.hooks ?? {}, signal: controller.signal };
      result = controller.signal.aborted ? await stopped : await Promise.race([registry[check](context), stopped]);
    } catch (cause) {
      result = controller.signal.aborted ? await stopped : outcome('warn', 'check.crashed', { error: describe(cause) });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
      // Tells a check still running (it lost the race) to stop its tracks and timers now.
      controller.abort();
    }
    return { check, ...result, article: articleFor(check, result.reason), durationMs: Math.round(performance.now() - started) };
  };
}

/** Runs `names` (default: the setup checks) one after another with `runCheck`; a stop makes the rest `skipped`. */
export async function runEach(
  runCheck: RunCheck,
  names: readonly CheckName[] = SETUP_CHECKS,
  options: CheckOptions = {},
  onProgress?: (progress: CheckProgress) => void,
  signal?: AbortSignal,
): Promise<CheckResult[]> {
  const checks = expandChecks(names);
  const results: CheckResult[] = [];
  for (const [index, check] of checks.entries()) {
    notify(onProgress, { index, total: checks.length, check });
    const result = await runCheck(check, options, signal);
    results.push(result);
    notify(onProgress, { index, total: checks.length, check, result });
  }
  return results;
}

/** A progress listener that throws is the caller's bug; it must not end the run. */
function notify(onProgress: ((progress: CheckProgress) => void) | undefined, progress: CheckProgress): void {
  try {
    onProgress?.(progress);
  } catch {
    // ignored on purpose: see above
  }
}

/** What went wrong, as text, even for a thrown value that cannot be turned into a string. */
function describe(cause: unknown): string {
  try {
    return String(cause).slice(0, 200);
  } catch {
    return 'an unprintable value was thrown';
  }
}
