/** @module Shared plumbing of the CLI commands: exit codes, argument parsing with clear usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type Command = (argv: string[]) => Promise<number>;

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with `--help` built in; a wrong flag becomes a UsageError instead of a stack trace. */
export function parseCommandArgs<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
