/** @module What `Lifeline('runChecks', options)` accepts: its own module, so checking it does not load the policy's schema. */
import * as zod from 'zod/mini';
import { CheckName } from './kb.ts';

/** `Lifeline('runChecks', { only: ['camera'] })`: check ids, or the groups `all` and `permissions`; at least one (leave `only` out for all). */
export const RunChecksOptions = zod.strictObject({
  only: zod.optional(zod.array(CheckName).check(zod.minLength(1))),
});
export type RunChecksOptions = zod.infer<typeof RunChecksOptions>;
