/** @module What `Lifeline('runChecks', options)` accepts: its own module, so checking it does not load the policy's schema. */
import * as z from 'zod/mini';
import { CheckName } from './kb.ts';

/** `Lifeline('runChecks', { only: ['camera'] })`: check ids, or the groups `all` and `permissions`; at least one (leave `only` out for all). */
export const RunChecksOptions = z.strictObject({
  only: z.optional(z.array(CheckName).check(z.minLength(1))),
});
export type RunChecksOptions = z.infer<typeof RunChecksOptions>;
