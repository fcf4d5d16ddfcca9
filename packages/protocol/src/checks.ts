/**
 * @module Schemas of the self-service checks: which checks exist, and the result and report shapes
 * handed to agents. The reason lists and the policy live in their own modules, so the widget's first
 * download, which stores reports, does not carry them.
 */
import * as zod from 'zod/mini';
import type { CheckReason } from './check-reasons.ts';
import { ArticleId } from './kb.ts';

/** The checks that run. `all` and `permissions` in an article's front matter name groups of them. */
export const CHECK_IDS = ['browser', 'system', 'screen', 'network', 'camera', 'microphone', 'speaker', 'screen-share', 'id-photo'] as const;
export const CheckId = zod.enum(CHECK_IDS);
export type CheckId = zod.infer<typeof CheckId>;

export const CHECK_STATUSES = ['pass', 'warn', 'fail', 'skipped'] as const;
export const CheckStatus = zod.enum(CHECK_STATUSES);
export type CheckStatus = zod.infer<typeof CheckStatus>;

/** A reason code: `area.what`, lower case (`camera.in_use`). The exact list per check is `CHECK_REASONS`. */
export const CheckReasonCode = zod.string().check(zod.regex(/^[a-z_]+\.[a-z_]+$/));

/** A figure a check measured: a resolution, a level in dBFS, Mbps, a browser version, a device list. */
export const MeasuredValue = zod.union([zod.number(), zod.string(), zod.boolean(), zod.array(zod.string())]);
export type MeasuredValue = zod.infer<typeof MeasuredValue>;

export const CheckResult = zod.strictObject({
  check: CheckId,
  status: CheckStatus,
  reason: CheckReasonCode,
  measured: zod.record(zod.string(), MeasuredValue),
  /** The article that explains the fix. */
  article: zod.optional(ArticleId),
  durationMs: zod.number(),
});
export type CheckResult = Omit<zod.infer<typeof CheckResult>, 'reason'> & { reason: CheckReason };

/** Bumped when the reason lists change in a way old reference codes cannot decode. */
export const REPORT_VERSION = 1;

/** What the candidate tested, handed to the agent: the results and a code to read out on the phone. */
export const CheckReport = zod.strictObject({
  version: zod.literal(REPORT_VERSION),
  /** Crockford base 32, e.g. `1F5K-8G6H-2A7`: decodes to each check's reason (`decodeReferenceCode`). */
  code: zod.string(),
  at: zod.number(),
  results: zod.array(CheckResult),
});
export type CheckReport = Omit<zod.infer<typeof CheckReport>, 'results'> & { results: CheckResult[] };

