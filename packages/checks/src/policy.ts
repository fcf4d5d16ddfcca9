/** @module The default check policy, with where each figure comes from, and the host's overrides merged in. */
import type { BrowserFeature, BrowserName, CheckId, CheckPolicy, OsName } from '@lifeline/protocol';

/** Every threshold filled in: what the checks read. */
export interface ResolvedPolicy {
  browsers: Partial<Record<BrowserName, number>>;
  os: Partial<Record<OsName, number>>;
  features: BrowserFeature[];
  allowMobile: boolean;
  camera: { minWidth: number; minHeight: number; minFrameRate: number; blackLuma: number; blackShare: number; darkLuma: number; frozenDelta: number };
  microphone: { durationMs: number; silenceDbfs: number; quietDbfs: number };
  screen: { allowExtended: boolean; minWidth: number; minHeight: number };
  screenShare: { requireMonitor: boolean };
  network: { minDownloadMbps: number; minUploadMbps: number; maxRttMs: number; durationMs: number };
  idPhoto: { minSharpness: number; minLuma: number; maxGlareShare: number };
  timeoutMs: Record<CheckId, number>;
}

/** The sources of these figures are listed in docs/checks.md; change both together. */
export const DEFAULT_CHECK_POLICY: ResolvedPolicy = {
  // "Current Chrome and Edge, recent Firefox, Safari 16+": Chrome/Edge of about six months ago
  // (four-week releases), Firefox ESR 140, Safari 16.
  browsers: { chrome: 150, edge: 150, firefox: 140, safari: 16 },
  // Windows 10+, macOS 12 Monterey+, any ChromeOS; Linux, phones and tablets are refused by default.
  os: { windows: 10, macos: 12, chromeos: 0 },
  features: ['getUserMedia', 'webrtc', 'storage', 'cookies'],
  allowMobile: false,
  camera: {
    // Proctoring vendors ask for a 640×480 (VGA) camera at 15 fps or better.
    minWidth: 640,
    minHeight: 480,
    minFrameRate: 15,
    // testRTC's camera test counts a frame whose mean luma is under 20 as black. Measured: a black frame
    // through the fake camera's limited range 0, the synthetic ID card at 1/4 light 35, at 1/10 light 14.
    blackLuma: 20,
    blackShare: 0.8,
    // Too dark to see the candidate, a warning: between black (20) and the ID photo's 60, which must show
    // small print where a face needs less. Calibrated on the synthetic scene (idCardPicture) at a share of its
    // brightness, with sensor noise, through Chromium's fake camera (tests/checks/checks.browser.test.ts):
    // full 140, a half 70, a third 46 (dim but clear), 0.3 42; a quarter 35 (dark), a sixth 23 (a dark room,
    // the preview nearly black), an eighth 17 (black). Chromium's own fake camera reads 86. 40 sits between a
    // third and a quarter, near their geometric mean.
    darkLuma: 40,
    // Mean absolute change between sampled frames (0-255); a live sensor's noise alone exceeds it. Measured
    // between two frames of the 640×480 ID card with Gaussian noise σ 1 (a clean sensor): 1.12 compared at
    // 640 px wide, 0.57 box-averaged to 320, 0.16 to 160 (averaging cancels noise); σ 0.5 at 320: 0.20;
    // a frozen feed repeats the same frame: exactly 0. So sample frames 160 px wide or more.
    frozenDelta: 0.1,
  },
  microphone: {
    // testRTC listens for ~3 s.
    durationMs: 3000,
    // Silent (a fail: muted, or the wrong input): the loudest 50 ms block stays under -80 dBFS. One step of a
    // 16-bit converter is -90.3 dBFS (webrtc/testrtc calls a buffer silent when no sample exceeds it); -80
    // leaves 10 dB for a dead input's hiss. Noise at -60 dBFS is sound, however faint: too quiet, not silent.
    silenceDbfs: -80,
    // Too quiet (a warning: move closer, or another input): the loudest block stays under -50 dBFS, 24 dB
    // under the level telephony sets test speech to (-26 dBov active level, ITU-T P.56): the same voice from
    // 16 times farther away (-6 dB per doubling). Calibrated on generated noise through Chromium's fake
    // microphone, which reads a file's level within 0.5 dB (loudest block): -90 and -85 silent; -75, -60,
    // -59 and -55 too quiet; -45 and -26 ok. Chromium's own fake microphone (a beep) peaks at -7.
    quietDbfs: -50,
  },
  // One display; 1024×768 is the smallest resolution proctoring vendors list.
  screen: { allowExtended: false, minWidth: 1024, minHeight: 768 },
  screenShare: { requireMonitor: true },
  // Vendors list 1–2 Mbps each way for a proctored webcam stream, and latency under ~300 ms.
  network: { minDownloadMbps: 2, minUploadMbps: 1, maxRttMs: 300, durationMs: 1500 },
  // Calibrated on the synthetic ID pictures in src/image/synthetic.ts (see image/index.test.ts), measured by
  // photoQuality on idCardPicture(640, 480), blur = 3 box passes of radius r, noise = Gaussian σ.
  idPhoto: {
    // Laplacian variance (pyimagesearch's blur detector also uses 100): sharp 2497, sharp + noise σ6 2680,
    // sharp resampled to 1280×720 as a camera might 1884; blur r1 175 (ok: a soft webcam lens), r2 30 (blurry),
    // r3 10, r5 2.7; r3 + noise σ3 57. Noise adds 20·(σ/2)² (σ halved by the 2× downscale), so r3 + noise σ6
    // reads 191 and passes: a very noisy camera hides blur.
    minSharpness: 100,
    // Mean luma: sharp 141, at half light 70 (ok), at quarter light 35 (dark).
    minLuma: 60,
    // Share of pixels ≥ 250: sharp 0, a hotspot on 2% of the picture 0.023 (ok), 5% 0.057, 10% 0.113 (glare).
    maxGlareShare: 0.04,
  },
  timeoutMs: {
    browser: 5_000,
    system: 5_000,
    screen: 5_000,
    network: 20_000,
    // The permission prompt waits for the candidate.
    camera: 45_000,
    microphone: 45_000,
    speaker: 90_000,
    'screen-share': 90_000,
    'id-photo': 180_000,
  },
};

/** Thresholds the host sets one by one; the other fields (lists, per-name maps, flags) replace the default whole. */
const GROUPS = new Set(['camera', 'microphone', 'screen', 'screenShare', 'network', 'idPhoto', 'timeoutMs']);

/** The defaults with the host's values on top; a field the host set to `undefined` keeps its default. */
export function resolvePolicy(policy: CheckPolicy | undefined): ResolvedPolicy {
  return merge(DEFAULT_CHECK_POLICY, policy, (key, base, value) => (GROUPS.has(key) ? merge(base as object, value as object) : value));
}

function merge<T extends object>(defaults: T, overrides: object | undefined, combine = (_key: string, _base: unknown, value: unknown) => value): T {
  const merged = { ...defaults } as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides ?? {})) if (value !== undefined) merged[key] = combine(key, merged[key], value);
  return merged as T;
}
