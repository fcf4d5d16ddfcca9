/** @module The host's check policy, the checks part of the widget config, and the whole config. */
import * as z from 'zod/mini';
import { CheckId } from './checks.ts';
import { ChatConfig, widgetConfigFields } from './widget.ts';

export const BROWSER_NAMES = ['chrome', 'edge', 'firefox', 'safari', 'opera', 'samsung', 'other'] as const;
export const BrowserName = z.enum(BROWSER_NAMES);
export type BrowserName = z.infer<typeof BrowserName>;

export const OS_NAMES = ['windows', 'macos', 'chromeos', 'linux', 'android', 'ios', 'other'] as const;
export const OsName = z.enum(OS_NAMES);
export type OsName = z.infer<typeof OsName>;

export const BROWSER_FEATURES = ['getUserMedia', 'webrtc', 'storage', 'cookies', 'screenShare'] as const;
export const BrowserFeature = z.enum(BROWSER_FEATURES);
export type BrowserFeature = z.infer<typeof BrowserFeature>;

const positive = () => z.number().check(z.positive());
const nonNegative = () => z.number().check(z.nonnegative());
const share = () => z.number().check(z.minimum(0), z.maximum(1));

/**
 * What the exam requires, set by the host; every field is optional and defaults to what proctoring
 * vendors publish (`DEFAULT_CHECK_POLICY` in @lifeline/checks, documented in docs/checks.md).
 */
export const CheckPolicy = z.strictObject({
  /** Allowed browsers and the lowest major version of each; a browser not listed is unsupported. */
  browsers: z.optional(z.partialRecord(BrowserName, nonNegative())),
  /** Allowed operating systems and the lowest version (Windows 10, macOS 12; 0 = any version). */
  os: z.optional(z.partialRecord(OsName, nonNegative())),
  /** What the exam needs from the browser. */
  features: z.optional(z.array(BrowserFeature)),
  /** Phones and tablets: refused unless allowed. */
  allowMobile: z.optional(z.boolean()),
  camera: z.optional(
    z.strictObject({
      minWidth: z.optional(positive()),
      minHeight: z.optional(positive()),
      minFrameRate: z.optional(positive()),
      /** Mean luma (0-255) under which a frame counts as black. */
      blackLuma: z.optional(nonNegative()),
      /** Mean luma (0-255) of the sampled frames under which the room is too dark to see the candidate (a warning). */
      darkLuma: z.optional(nonNegative()),
      /** Share of sampled frames that must be black to fail. */
      blackShare: z.optional(share()),
      /** Mean absolute luma change between frames under which the picture counts as frozen. */
      frozenDelta: z.optional(nonNegative()),
    }),
  ),
  microphone: z.optional(
    z.strictObject({
      /** How long the level is listened to. */
      durationMs: z.optional(positive()),
      /** The loudest moment must reach this level (dBFS) or the input counts as silent: nothing reached it. */
      silenceDbfs: z.optional(z.number().check(z.maximum(0))),
      /** The loudest moment must reach this level (dBFS) or the candidate's voice counts as too quiet (a warning). */
      quietDbfs: z.optional(z.number().check(z.maximum(0))),
    }),
  ),
  screen: z.optional(
    z.strictObject({
      allowExtended: z.optional(z.boolean()),
      minWidth: z.optional(positive()),
      minHeight: z.optional(positive()),
    }),
  ),
  screenShare: z.optional(z.strictObject({ requireMonitor: z.optional(z.boolean()) })),
  network: z.optional(
    z.strictObject({
      minDownloadMbps: z.optional(nonNegative()),
      minUploadMbps: z.optional(nonNegative()),
      maxRttMs: z.optional(positive()),
      /** Time spent on each throughput measurement. */
      durationMs: z.optional(positive()),
    }),
  ),
  idPhoto: z.optional(
    z.strictObject({
      /** Variance of the Laplacian on the downscaled luma image; lower is blurry. */
      minSharpness: z.optional(nonNegative()),
      minLuma: z.optional(nonNegative()),
      /** Share of near-white pixels above which the photo has glare. */
      maxGlareShare: z.optional(share()),
    }),
  ),
  /** Per-check time limit in milliseconds. */
  timeoutMs: z.optional(z.partialRecord(CheckId, positive())),
});
export type CheckPolicy = z.infer<typeof CheckPolicy>;

/** The checks part of the widget config. */
export const ChecksConfig = z.strictObject({
  /** Where the network check measures: see docs/checks.md for what this address must answer. */
  networkUrl: z.optional(z.string().check(z.minLength(1))),
  /** The checks "Check my setup" runs, in order. */
  setup: z.optional(z.array(CheckId).check(z.minLength(1))),
  policy: z.optional(CheckPolicy),
});
export type ChecksConfig = z.infer<typeof ChecksConfig>;

/**
 * What `Lifeline('init', config)`, `createLifeline(config)` and the script tag's `data-*` attributes
 * accept. Defined here, beside its `checks` part, so the widget's first download does not carry the policy.
 */
export const WidgetConfig = z.strictObject({
  ...widgetConfigFields,
  /** The self-service checks: where the network check measures, what "Check my setup" runs, the policy. */
  checks: z.optional(ChecksConfig),
  /** Live chat with an agent through the gateway (docs/embedding.md). */
  chat: z.optional(ChatConfig),
});
export type WidgetConfig = z.infer<typeof WidgetConfig>;
