/**
 * @module Test setup for the widget's unit tests: importing it fails any test that writes to
 * console.error or console.warn without saying so first, so a caught error or a warning never hides.
 */
import { afterEach, beforeEach, expect, vi, type MockInstance } from 'vitest';

type ConsoleMethod = 'error' | 'warn';
type ConsoleSpy = MockInstance<(...args: unknown[]) => void>;

const spies = new Map<ConsoleMethod, ConsoleSpy>();
const expected = new Set<ConsoleMethod>();

beforeEach(() => {
  expected.clear();
  for (const method of ['error', 'warn'] as const) {
    // Recorded, not printed: an expected message would only be noise in the test output.
    spies.set(method, vi.spyOn(console, method).mockImplementation(() => undefined));
  }
});

afterEach(() => {
  const stray: string[] = [];
  for (const [method, spy] of spies) {
    if (!expected.has(method)) stray.push(...spy.mock.calls.map((args) => `console.${method}: ${args.map(String).join(' ')}`));
    spy.mockRestore();
  }
  spies.clear();
  expect(stray, 'unexpected console output (call expectConsole() in a test that means to log)').toEqual([]);
});

/** Declares that this test logs through console[method]; returns the spy, for asserting on the calls. */
export function expectConsole(method: ConsoleMethod = 'error'): ConsoleSpy {
  const spy = spies.get(method);
  if (!spy) throw new Error('expectConsole() works inside a test of a file that imports test-support.ts');
  expected.add(method);
  return spy;
}
