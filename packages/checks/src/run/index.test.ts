import { CHECK_IDS, CheckResult, type CheckId, type CheckReason } from '@lifeline/protocol';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CHECK_POLICY, resolvePolicy } from '../policy.ts';
import { articleFor } from './articles.ts';
import { outcome, sleep, type Check, type CheckContext } from './context.ts';
import { createRunner, expandChecks, runEach, SETUP_CHECKS, type CheckProgress, type CheckRegistry } from './index.ts';

const OK: Record<CheckId, CheckReason> = {
  browser: 'browser.ok',
  system: 'system.ok',
  screen: 'screen.ok',
  network: 'network.ok',
  camera: 'camera.ok',
  microphone: 'microphone.ok',
  speaker: 'speaker.ok',
  'screen-share': 'screen_share.ok',
  'id-photo': 'id_photo.ok',
};

/** Every check passes at once unless the test puts its own function in. */
function fakeRegistry(overrides: Partial<CheckRegistry> = {}): CheckRegistry {
  const registry = {} as CheckRegistry;
  for (const check of CHECK_IDS) registry[check] = overrides[check] ?? (async () => outcome('pass', OK[check]));
  return registry;
}

/** A check that never settles by itself, and hands out its context once it has been called. */
function hangingCheck() {
  let called!: (context: CheckContext) => void;
  const started = new Promise<CheckContext>((resolve) => (called = resolve));
  const check: Check = (context) => {
    called(context);
    return new Promise(() => undefined);
  };
  return { check, started };
}

describe('runCheck', () => {
  it('adds the check, its article and a whole-millisecond duration to what the check concluded', async () => {
    const runCheck = createRunner(fakeRegistry({ camera: async () => outcome('fail', 'camera.in_use', { device: 'FaceTime HD' }) }));
    const result = await runCheck('camera');
    expect(result).toMatchObject({ check: 'camera', status: 'fail', reason: 'camera.in_use', measured: { device: 'FaceTime HD' }, article: articleFor('camera', 'camera.in_use') });
    expect(result.article).toBe('camera-not-working');
    expect(Number.isInteger(result.durationMs)).toBe(true);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(CheckResult.safeParse(result).success).toBe(true);
  });

  it('gives every check the article articles.ts names for its reason', async () => {
    const runCheck = createRunner(fakeRegistry());
    for (const check of CHECK_IDS) {
      const result = await runCheck(check);
      expect(result, check).toMatchObject({ check, status: 'pass', reason: OK[check], measured: {}, article: articleFor(check, OK[check]) });
    }
    // A reason whose fix another article explains better than the check's own.
    expect((await runCheck('system')).article).toBe('system-requirements');
  });

  it('counts the time the check took', async () => {
    const runCheck = createRunner(fakeRegistry({ screen: async ({ signal }) => (await sleep(25, signal), outcome('pass', 'screen.ok')) }));
    const result = await runCheck('screen');
    // Timers may fire a millisecond early; 20 leaves room for that and still proves the wait is counted.
    expect(result.durationMs).toBeGreaterThanOrEqual(20);
  });

  it('turns a check that throws into warn + check.crashed with the error, never a rejection', async () => {
    const runCheck = createRunner(
      fakeRegistry({
        network: async () => {
          throw new TypeError('boom');
        },
      }),
    );
    const result = await runCheck('network');
    expect(result).toMatchObject({ check: 'network', status: 'warn', reason: 'check.crashed', measured: { error: 'TypeError: boom' } });
    expect(result.article).toBe(articleFor('network', 'check.crashed'));
  });

  it('also catches a check that throws before returning a promise', async () => {
    const throwsAtOnce: Check = () => {
      throw new Error('sync boom');
    };
    const runCheck = createRunner(fakeRegistry({ browser: throwsAtOnce }));
    expect(await runCheck('browser')).toMatchObject({ status: 'warn', reason: 'check.crashed', measured: { error: 'Error: sync boom' } });
  });

  it('still returns check.crashed when the thrown value cannot be printed', async () => {
    const runCheck = createRunner(
      fakeRegistry({
        browser: async () => {
          throw Object.create(null);
        },
        system: async () => {
          throw {
            toString() {
              throw new Error('nope');
            },
          };
        },
      }),
    );
    expect(await runCheck('browser')).toMatchObject({ status: 'warn', reason: 'check.crashed', measured: { error: 'an unprintable value was thrown' } });
    expect(await runCheck('system')).toMatchObject({ status: 'warn', reason: 'check.crashed' });
  });

  it('keeps at most 200 characters of a crash message', async () => {
    const runCheck = createRunner(
      fakeRegistry({
        browser: async () => {
          throw new Error('x'.repeat(1000));
        },
      }),
    );
    const result = await runCheck('browser');
    expect(result.reason).toBe('check.crashed');
    expect(String(result.measured.error)).toHaveLength(200);
  });

  it('stops a check that never settles at its time limit: warn + check.timed_out, and aborts its signal', async () => {
    const { check, started } = hangingCheck();
    const runCheck = createRunner(fakeRegistry({ camera: check }));
    const result = await runCheck('camera', { policy: { timeoutMs: { camera: 30 } } });
    expect(result).toMatchObject({ check: 'camera', status: 'warn', reason: 'check.timed_out', measured: { limitMs: 30 } });
    const { signal } = await started;
    expect(signal.aborted).toBe(true);
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('reports a timeout, not a crash, when the check rejects because its signal aborted', async () => {
    const runCheck = createRunner(fakeRegistry({ microphone: async ({ signal }) => (await sleep(60_000, signal), outcome('pass', 'microphone.ok')) }));
    const result = await runCheck('microphone', { policy: { timeoutMs: { microphone: 20 } } });
    expect(result).toMatchObject({ status: 'warn', reason: 'check.timed_out', measured: { limitMs: 20 } });
  });

  it("stops a check when the caller's signal aborts: skipped + check.aborted, and the check's own signal aborts with the caller's reason", async () => {
    const { check, started } = hangingCheck();
    const runCheck = createRunner(fakeRegistry({ speaker: check }));
    const caller = new AbortController();
    const running = runCheck('speaker', {}, caller.signal);
    const context = await started;
    expect(context.signal.aborted).toBe(false);
    const reason = new Error('candidate closed the panel');
    caller.abort(reason);
    const result = await running;
    expect(result).toMatchObject({ check: 'speaker', status: 'skipped', reason: 'check.aborted', measured: {} });
    expect(context.signal.aborted).toBe(true);
    expect(context.signal.reason).toBe(reason);
  });

  it('reports check.aborted, not a crash, when the check rejects because the caller stopped it', async () => {
    let began!: () => void;
    const beganPromise = new Promise<void>((resolve) => (began = resolve));
    const runCheck = createRunner(
      fakeRegistry({
        network: async ({ signal }) => {
          began();
          await sleep(60_000, signal);
          return outcome('pass', 'network.ok');
        },
      }),
    );
    const caller = new AbortController();
    const running = runCheck('network', {}, caller.signal);
    await beganPromise;
    caller.abort();
    expect(await running).toMatchObject({ status: 'skipped', reason: 'check.aborted' });
  });

  it('does not call the check at all when the signal is already aborted', async () => {
    const camera = vi.fn<Check>(async () => outcome('pass', 'camera.ok'));
    const runCheck = createRunner(fakeRegistry({ camera }));
    const result = await runCheck('camera', {}, AbortSignal.abort());
    expect(result).toMatchObject({ check: 'camera', status: 'skipped', reason: 'check.aborted' });
    expect(camera).not.toHaveBeenCalled();
  });

  it('aborts the signal of a check that returned normally, so it cleans up (and not before it returned)', async () => {
    let seen: AbortSignal | undefined;
    let abortedWhileRunning: boolean | undefined;
    const runCheck = createRunner(
      fakeRegistry({
        screen: async ({ signal }) => {
          seen = signal;
          await sleep(5, signal);
          abortedWhileRunning = signal.aborted;
          return outcome('pass', 'screen.ok');
        },
      }),
    );
    const result = await runCheck('screen');
    expect(result.reason).toBe('screen.ok');
    expect(abortedWhileRunning).toBe(false);
    expect(seen?.aborted).toBe(true);
    // The cleanup abort, not the time limit.
    expect((seen?.reason as DOMException).name).toBe('AbortError');
  });

  it('stops listening to the caller after the check: a later abort changes nothing', async () => {
    const caller = new AbortController();
    const runCheck = createRunner(fakeRegistry());
    const result = await runCheck('browser', {}, caller.signal);
    caller.abort();
    expect(result).toMatchObject({ status: 'pass', reason: 'browser.ok' });
  });

  it("hands the host's policy overrides, network address and hooks to the check", async () => {
    let context: CheckContext | undefined;
    const runCheck = createRunner(
      fakeRegistry({
        camera: async (received) => {
          context = received;
          return outcome('pass', 'camera.ok');
        },
      }),
    );
    const onLevel = () => undefined;
    await runCheck('camera', { policy: { camera: { minWidth: 1280 } }, networkUrl: 'https://probe.example/lifeline', hooks: { onLevel } });
    expect(context?.policy.camera.minWidth).toBe(1280);
    expect(context?.policy.camera.minHeight).toBe(DEFAULT_CHECK_POLICY.camera.minHeight);
    expect(context?.policy.timeoutMs.camera).toBe(DEFAULT_CHECK_POLICY.timeoutMs.camera);
    expect(context?.networkUrl).toBe('https://probe.example/lifeline');
    expect(context?.hooks.onLevel).toBe(onLevel);
  });

  it('gives a check the default policy, no network address and empty hooks when the caller sets none', async () => {
    let context: CheckContext | undefined;
    const runCheck = createRunner(
      fakeRegistry({
        system: async (received) => {
          context = received;
          return outcome('pass', 'system.ok');
        },
      }),
    );
    await runCheck('system');
    expect(context?.policy).toEqual(DEFAULT_CHECK_POLICY);
    expect(context?.networkUrl).toBeUndefined();
    expect(context?.hooks).toEqual({});
  });

  it('keeps the default for a policy field the host set to undefined', async () => {
    let minWidth: number | undefined;
    const runCheck = createRunner(
      fakeRegistry({
        camera: async ({ policy }) => {
          minWidth = policy.camera.minWidth;
          return outcome('pass', 'camera.ok');
        },
      }),
    );
    await runCheck('camera', { policy: { camera: { minWidth: undefined } } });
    expect(minWidth).toBe(DEFAULT_CHECK_POLICY.camera.minWidth);
  });
});

describe('resolvePolicy', () => {
  it('is the defaults when the host gives no policy', () => {
    expect(resolvePolicy(undefined)).toEqual(DEFAULT_CHECK_POLICY);
    expect(resolvePolicy({})).toEqual(DEFAULT_CHECK_POLICY);
  });

  it('merges threshold groups field by field, and an undefined field keeps its default', () => {
    const policy = resolvePolicy({ camera: { minWidth: 1280, minHeight: undefined }, timeoutMs: { camera: 30, network: undefined } });
    expect(policy.camera).toEqual({ ...DEFAULT_CHECK_POLICY.camera, minWidth: 1280 });
    expect(policy.timeoutMs).toEqual({ ...DEFAULT_CHECK_POLICY.timeoutMs, camera: 30 });
  });

  it('replaces lists and maps whole', () => {
    const policy = resolvePolicy({ browsers: { chrome: 120 }, features: ['screenShare'] });
    expect(policy.browsers).toEqual({ chrome: 120 });
    expect(policy.features).toEqual(['screenShare']);
  });

  it('leaves the defaults untouched', () => {
    const before = structuredClone(DEFAULT_CHECK_POLICY);
    resolvePolicy({ camera: { minWidth: 1 }, timeoutMs: { camera: 1 }, allowMobile: true });
    expect(DEFAULT_CHECK_POLICY).toEqual(before);
  });
});

describe('runChecks', () => {
  /** A registry whose checks each take a few milliseconds and record what ran, in what order, and how many at once. */
  function recordingRegistry() {
    const calls: CheckId[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const overrides: Partial<CheckRegistry> = {};
    for (const check of CHECK_IDS) {
      overrides[check] = async ({ signal }) => {
        calls.push(check);
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        try {
          await sleep(2, signal);
          return outcome('pass', OK[check]);
        } finally {
          running -= 1;
        }
      };
    }
    return { registry: fakeRegistry(overrides), calls, mostAtOnce: () => mostAtOnce };
  }

  it('runs the setup checks by default, in order, one at a time', async () => {
    const { registry, calls, mostAtOnce } = recordingRegistry();
    const results = await runEach(createRunner(registry));
    expect(calls).toEqual(SETUP_CHECKS);
    expect(results.map((result) => result.check)).toEqual(SETUP_CHECKS);
    expect(results.every((result) => result.status === 'pass')).toBe(true);
    expect(mostAtOnce()).toBe(1);
  });

  it('tells the caller before and after each check, with its index and the total', async () => {
    const { registry } = recordingRegistry();
    const progress: CheckProgress[] = [];
    const results = await runEach(createRunner(registry), ['camera', 'microphone', 'network'], {}, (event) => progress.push(event));
    expect(progress).toEqual([
      { index: 0, total: 3, check: 'camera' },
      { index: 0, total: 3, check: 'camera', result: results[0] },
      { index: 1, total: 3, check: 'microphone' },
      { index: 1, total: 3, check: 'microphone', result: results[1] },
      { index: 2, total: 3, check: 'network' },
      { index: 2, total: 3, check: 'network', result: results[2] },
    ]);
  });

  it('tells the caller that a check starts before the check runs', async () => {
    const order: string[] = [];
    const registry = fakeRegistry({
      screen: async () => {
        order.push('screen ran');
        return outcome('pass', 'screen.ok');
      },
    });
    await runEach(createRunner(registry), ['screen'], {}, (event) => order.push(event.result ? 'finished' : 'started'));
    expect(order).toEqual(['started', 'screen ran', 'finished']);
  });

  it('keeps running when the progress listener throws', async () => {
    const { registry, calls } = recordingRegistry();
    const onProgress = vi.fn(() => {
      throw new Error('listener bug');
    });
    const results = await runEach(createRunner(registry), ['browser', 'system', 'screen'], {}, onProgress);
    expect(calls).toEqual(['browser', 'system', 'screen']);
    expect(results.map((result) => result.reason)).toEqual(['browser.ok', 'system.ok', 'screen.ok']);
    expect(onProgress).toHaveBeenCalledTimes(6);
  });

  it('expands groups and drops repeats before running', async () => {
    const { registry, calls } = recordingRegistry();
    const results = await runEach(createRunner(registry), ['microphone', 'permissions', 'microphone']);
    expect(calls).toEqual(['microphone', 'camera', 'screen-share']);
    expect(results).toHaveLength(3);
  });

  it('makes the current check and all the rest check.aborted when the caller stops mid-run, without calling them', async () => {
    const caller = new AbortController();
    const calls: CheckId[] = [];
    const overrides: Partial<CheckRegistry> = {};
    for (const check of CHECK_IDS) {
      overrides[check] = async ({ signal }) => {
        calls.push(check);
        if (check === 'network') caller.abort();
        await sleep(1, signal);
        return outcome('pass', OK[check]);
      };
    }
    const results = await runEach(createRunner(fakeRegistry(overrides)), SETUP_CHECKS, {}, undefined, caller.signal);
    expect(results.map((result) => result.check)).toEqual(SETUP_CHECKS);
    expect(results.map((result) => result.reason)).toEqual(['browser.ok', 'system.ok', 'screen.ok', 'check.aborted', 'check.aborted', 'check.aborted', 'check.aborted', 'check.aborted']);
    expect(results.slice(3).every((result) => result.status === 'skipped')).toBe(true);
    expect(calls).toEqual(['browser', 'system', 'screen', 'network']);
  });

  it('gives one result per check even when a check crashes or times out', async () => {
    const { check: hanging } = hangingCheck();
    const registry = fakeRegistry({
      system: async () => {
        throw new Error('boom');
      },
      screen: hanging,
    });
    const results = await runEach(createRunner(registry), ['browser', 'system', 'screen', 'network'], { policy: { timeoutMs: { screen: 20 } } });
    expect(results.map((result) => [result.check, result.status, result.reason])).toEqual([
      ['browser', 'pass', 'browser.ok'],
      ['system', 'warn', 'check.crashed'],
      ['screen', 'warn', 'check.timed_out'],
      ['network', 'pass', 'network.ok'],
    ]);
  });
});

describe('expandChecks', () => {
  it('reads all as the setup checks', () => {
    expect(expandChecks(['all'])).toEqual(SETUP_CHECKS);
    expect(SETUP_CHECKS).toEqual(['browser', 'system', 'screen', 'network', 'camera', 'microphone', 'speaker', 'screen-share']);
  });

  it('reads permissions as camera, microphone and screen sharing', () => {
    expect(expandChecks(['permissions'])).toEqual(['camera', 'microphone', 'screen-share']);
  });

  it('keeps each check once, where it first appears', () => {
    expect(expandChecks(['microphone', 'permissions', 'camera', 'browser', 'microphone'])).toEqual(['microphone', 'camera', 'screen-share', 'browser']);
    expect(expandChecks(['permissions', 'all'])).toEqual(['camera', 'microphone', 'screen-share', 'browser', 'system', 'screen', 'network', 'speaker']);
  });

  it('leaves the ID photo out of all: it runs only when asked for', () => {
    expect(expandChecks(['all'])).not.toContain('id-photo');
    expect(expandChecks(['all', 'id-photo'])).toEqual([...SETUP_CHECKS, 'id-photo']);
  });

  it('runs nothing for no names', () => {
    expect(expandChecks([])).toEqual([]);
  });
});
