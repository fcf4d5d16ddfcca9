/**
 * @module Schemas of the self-service checks: which checks exist, and the result and report shapes
 * handed to agents. The reason lists and the policy live in their own modules, so the widget's first
 * download, which stores reports, does not carry them.
 */
import * as z from 'zod/mini';
import type { CheckReason } from './check-reasons.ts';
import { ArticleId } from './kb.ts';

/** The checks that run. `all` and `permissions` in an article's front matter name groups of them. */
export const CHECK_IDS = ['browser', 'system', 'screen', 'network', 'camera', 'microphone', 'speaker', 'screen-share', 'id-photo'] as const;
export const CheckId = z.enum(CHECK_IDS);
export type CheckId = z.infer<typeof CheckId>;

export const CHECK_STATUSES = ['pass', 'warn', 'fail', 'skipped'] as const;
export const CheckStatus = z.enum(CHECK_STATUSES);
export type CheckStatus = z.infer<typeof CheckStatus>;

/** A reason code: `area.what`, lower case (`camera.in_use`). The exact list per check is `CHECK_REASONS`. */
export const CheckReasonCode = z.string().check(z.regex(/^[a-z_]+\.[a-z_]+$/));

/** A figure a check measured: a resolution, a level in dBFS, Mbps, a browser version, a device list. */
export const MeasuredValue = z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]);
export type MeasuredValue = z.infer<typeof MeasuredValue>;

export const CheckResult = z.strictObject({
  check: CheckId,
  status: CheckStatus,
  reason: CheckReasonCode,
  measured: z.record(z.string(), MeasuredValue),
  /** The article that explains the fix. */
  article: z.optional(ArticleId),
  durationMs: z.number(),
});
export type CheckResult = Omit<z.infer<typeof CheckResult>, 'reason'> & { reason: CheckReason };

/** Bumped when the reason lists change in a way old reference codes cannot decode. */
export const REPORT_VERSION = 1;

/** What the candidate tested, handed to the agent: the results and a code to read out on the phone. */
export const CheckReport = z.strictObject({
  version: z.literal(REPORT_VERSION),
  /** Crockford base 32, e.g. `1F5K-8G6H-2A7`: decodes to each check's reason (`decodeReferenceCode`). */
  code: z.string(),
  at: z.number(),
  results: z.array(CheckResult),
});
export type CheckReport = Omit<z.infer<typeof CheckReport>, 'results'> & { results: CheckResult[] };

