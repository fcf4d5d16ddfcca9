/** @module The host's check policy, the checks part of the widget config, and the whole config. */
import * as zod from 'zod/mini';
import { CheckId } from './checks.ts';
import { ChatConfig, widgetConfigFields } from './widget.ts';

export const BROWSER_NAMES = ['chrome', 'edge', 'firefox', 'safari', 'opera', 'samsung', 'other'] as const;
export const BrowserName = zod.enum(BROWSER_NAMES);
export type BrowserName = zod.infer<typeof BrowserName>;

export const OS_NAMES = ['windows', 'macos', 'chromeos', 'linux', 'android', 'ios', 'other'] as const;
export const OsName = zod.enum(OS_NAMES);
export type OsName = zod.infer<typeof OsName>;

export const BROWSER_FEATURES = ['getUserMedia', 'webrtc', 'storage', 'cookies', 'screenShare'] as const;
export const BrowserFeature = zod.enum(BROWSER_FEATURES);
export type BrowserFeature = zod.infer<typeof BrowserFeature>;

const positive = () => zod.number().check(zod.positive());
const nonNegative = () => zod.number().check(zod.nonnegative());
const share = () => zod.number().check(zod.minimum(0), zod.maximum(1));

/**
 * What the exam requires, set by the host; every field is optional and defaults to what proctoring
 * vendors publish (`DEFAULT_CHECK_POLICY` in @lifeline/checks, documented in docs/checks.md).
 */
export const CheckPolicy = zod.strictObject({
  /** Allowed browsers and the lowest major version of each; a browser not listed is unsupported. */
  browsers: zod.optional(zod.partialRecord(BrowserName, nonNegative())),
  /** Allowed operating systems and the lowest version (Windows 10, macOS 12; 0 = any version). */
  os: zod.optional(zod.partialRecord(OsName, nonNegative())),
  /** What the exam needs from the browser. */
  features: zod.optional(zod.array(BrowserFeature)),
  /** Phones and tablets: refused unless allowed. */
  allowMobile: zod.optional(zod.boolean()),
  camera: zod.optional(
    zod.strictObject({
      minWidth: zod.optional(positive()),
      minHeight: zod.optional(positive()),
      minFrameRate: zod.optional(positive()),
      /** Mean luma (0-255) under which a frame counts as black. */
      blackLuma: zod.optional(nonNegative()),
      /** Mean luma (0-255) of the sampled frames under which the room is too dark to see the candidate (a warning). */
      darkLuma: zod.optional(nonNegative()),
      /** Share of sampled frames that must be black to fail. */
      blackShare: zod.optional(share()),
      /** Mean absolute luma change between frames under which the picture counts as frozen. */
      frozenDelta: zod.optional(nonNegative()),
    }),
  ),
  microphone: zod.optional(
    zod.strictObject({
      /** How long the level is listened to. */
      durationMs: zod.optional(positive()),
      /** The loudest moment must reach this level (dBFS) or the input counts as silent: nothing reached it. */
      silenceDbfs: zod.optional(zod.number().check(zod.maximum(0))),
      /** The loudest moment must reach this level (dBFS) or the candidate's voice counts as too quiet (a warning). */
      quietDbfs: zod.optional(zod.number().check(zod.maximum(0))),
    }),
  ),
  screen: zod.optional(
    zod.strictObject({
      allowExtended: zod.optional(zod.boolean()),
      minWidth: zod.optional(positive()),
      minHeight: zod.optional(positive()),
    }),
  ),
  screenShare: zod.optional(zod.strictObject({ requireMonitor: zod.optional(zod.boolean()) })),
  network: zod.optional(
    zod.strictObject({
      minDownloadMbps: zod.optional(nonNegative()),
      minUploadMbps: zod.optional(nonNegative()),
      maxRttMs: zod.optional(positive()),
      /** Time spent on each throughput measurement. */
      durationMs: zod.optional(positive()),
    }),
  ),
  idPhoto: zod.optional(
    zod.strictObject({
      /** Variance of the Laplacian on the downscaled luma image; lower is blurry. */
      minSharpness: zod.optional(nonNegative()),
      minLuma: zod.optional(nonNegative()),
      /** Share of near-white pixels above which the photo has glare. */
      maxGlareShare: zod.optional(share()),
    }),
  ),
  /** Per-check time limit in milliseconds. */
  timeoutMs: zod.optional(zod.partialRecord(CheckId, positive())),
});
export type CheckPolicy = zod.infer<typeof CheckPolicy>;

/** The checks part of the widget config. */
export const ChecksConfig = zod.strictObject({
  /** Where the network check measures: see docs/checks.md for what this address must answer. */
  networkUrl: zod.optional(zod.string().check(zod.minLength(1))),
  /** The checks "Check my setup" runs, in order. */
  setup: zod.optional(zod.array(CheckId).check(zod.minLength(1))),
  policy: zod.optional(CheckPolicy),
});
export type ChecksConfig = zod.infer<typeof ChecksConfig>;

/**
 * What `Lifeline('init', config)`, `createLifeline(config)` and the script tag's `data-*` attributes
 * accept. Defined here, beside its `checks` part, so the widget's first download does not carry the policy.
 */
export const WidgetConfig = zod.strictObject({
  ...widgetConfigFields,
  /** The self-service checks: where the network check measures, what "Check my setup" runs, the policy. */
  checks: zod.optional(ChecksConfig),
  /** Live chat with an agent through the gateway (docs/embedding.md). */
  chat: zod.optional(ChatConfig),
});
export type WidgetConfig = zod.infer<typeof WidgetConfig>;
