/** @module Validates the config's `checks` part: a small lazy chunk, loaded at init only when a host sets `checks`. */
import { ChecksConfig, type LifelineError } from '@lifeline/protocol';
import { describeInvalid, validate } from '../config/index.ts';

/** The `checks` part, validated; a mistake is reported (config.invalid, naming checks.*) and the defaults are used. */
export async function validateChecksConfig(input: unknown, report: (error: LifelineError) => void): Promise<ChecksConfig> {
  if (input === undefined) return {};
  const result = validate(ChecksConfig, input, 'config.invalid', ['checks']);
  if (result.ok) return result.value;
  (await describeInvalid(result)).forEach((error) => report(error));
  return {};
}
