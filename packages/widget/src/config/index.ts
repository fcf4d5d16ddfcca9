/**
 * @module Validates the host's config and context with zod/mini. Turning issues into readable
 * errors (field, what was wrong, a right value) lives in a lazy chunk: only a mistake pays for it.
 */
import { HostContext, WidgetConfigShallow } from '@lifeline/protocol';
import type * as z from 'zod/mini';

export type Validated<T> = { ok: true; value: T } | { ok: false; input: unknown; issues: z.core.$ZodIssue[]; code: string; prefix: PropertyKey[] };

/** All but the `checks` part, which the checks chunk validates (checks/config.ts). */
export function validateConfig(input: unknown): Validated<WidgetConfigShallow> {
  return validate(WidgetConfigShallow, input, 'config.invalid', []);
}

export function validateContext(input: unknown): Validated<HostContext> {
  return validate(HostContext, input, 'context.invalid', ['context']);
}

export function validate<T>(schema: z.ZodMiniType<T>, input: unknown, code: string, prefix: PropertyKey[]): Validated<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, input, issues: result.error.issues, code, prefix };
}

/** The readable errors for a failed validation (loads the formatter on first use). */
export async function describeInvalid(invalid: Extract<Validated<unknown>, { ok: false }>) {
  const { errorsFor } = await import('./errors.ts');
  return errorsFor(invalid.code, invalid.input, invalid.issues, invalid.prefix);
}
