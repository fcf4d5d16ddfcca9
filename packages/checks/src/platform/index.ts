/** @module Which browser and system the candidate has (client hints where Chromium gives them, else the User-Agent), and whether the policy accepts them. */
import type { BrowserFeature, BrowserName, OsName } from '@lifeline/protocol';
import type { ResolvedPolicy } from '../policy.ts';

export interface Platform {
  /** `version` is the major; `full` the whole version when the browser tells it, else the major. */
  browser: { name: BrowserName; version: number; full: string };
  /** `version` is undefined when it cannot be known (a frozen User-Agent); `label` is for people. */
  os: { name: OsName; version: number | undefined; label: string };
  /** Phone or tablet, including an iPad that presents itself as a Mac. */
  mobile: boolean;
  source: 'client-hints' | 'user-agent';
}

/** What `navigator.userAgentData.getHighEntropyValues(HIGH_ENTROPY_HINTS)` resolves to, plus the low-entropy fields. */
export interface ClientHints {
  brands?: { brand: string; version: string }[];
  fullVersionList?: { brand: string; version: string }[];
  platform?: string;
  platformVersion?: string;
  mobile?: boolean;
  model?: string;
}

export type Verdict<R extends string> = {
  status: 'pass' | 'warn' | 'fail';
  reason: R;
  measured: Record<string, string | number | boolean | string[]>;
};

const HIGH_ENTROPY_HINTS = ['platformVersion', 'fullVersionList', 'mobile', 'model'] as const;

// --- User-Agent string ---

/**
 * First match wins, so the order matters: Edge, Opera and Samsung Internet also say `Chrome/`,
 * every iOS browser is WebKit and says `Safari/`, and every Chromium says `Safari/` too.
 */
const BROWSER_TOKENS: readonly (readonly [BrowserName, RegExp])[] = [
  ['edge', /\b(?:Edg|EdgA|EdgiOS|Edge)\/(\d[\w.]*)/],
  ['opera', /\b(?:OPR|OPiOS|OPT)\/(\d[\w.]*)/],
  ['samsung', /\bSamsungBrowser\/(\d[\w.]*)/],
  // An Android WebView (`; wv)`) is an app's embedded page, not Chrome: no camera prompt in most apps.
  ['other', /; wv\).*\bChrome\/(\d[\w.]*)/],
  ['chrome', /\bCriOS\/(\d[\w.]*)/],
  ['firefox', /\b(?:FxiOS|Firefox)\/(\d[\w.]*)/],
  ['chrome', /\b(?:HeadlessChrome|Chromium|Chrome)\/(\d[\w.]*)/],
  ['safari', /\bVersion\/(\d[\w.]*).*\bSafari\//],
];

/** The User-Agent string alone. */
export function parseUserAgent(userAgent: string, maxTouchPoints = 0): Platform {
  const browser = browserFromUserAgent(userAgent);
  const { os, mobile } = osFromUserAgent(userAgent, maxTouchPoints, browser);
  return { browser, os, mobile, source: 'user-agent' };
}

function browserFromUserAgent(ua: string): Platform['browser'] {
  // Internet Explorer 11 no longer says MSIE, only `Trident/7.0; rv:11.0`.
  if (/\bTrident\/|\bMSIE /.test(ua)) return browserVersion('other', /\brv:(\d[\d.]*)/.exec(ua)?.[1] ?? /\bMSIE (\d[\d.]*)/.exec(ua)?.[1]);
  for (const [name, token] of BROWSER_TOKENS) {
    const match = token.exec(ua);
    if (match) return browserVersion(name, match[1]);
  }
  return browserVersion('other', undefined);
}

function browserVersion(name: BrowserName, text: string | undefined): Platform['browser'] {
  const version = Number.parseInt(text ?? '', 10);
  if (!Number.isFinite(version)) return { name, version: 0, full: '0' };
  // Chromium's reduced User-Agent sends `124.0.0.0`: the zeros are not a version anyone released.
  const full = text === undefined || /^\d+\.0\.0\.0$/.test(text) ? String(version) : text;
  return { name, version, full };
}

/** Windows NT kernel versions (learn.microsoft.com, "Operating system version"); 10.0 is Windows 10 and 11 alike. */
const WINDOWS_NT = new Map<string, Platform['os']>([
  ['10.0', { name: 'windows', version: 10, label: 'Windows 10 or 11' }],
  ['6.3', { name: 'windows', version: 8.1, label: 'Windows 8.1' }],
  ['6.2', { name: 'windows', version: 8, label: 'Windows 8' }],
  ['6.1', { name: 'windows', version: 7, label: 'Windows 7' }],
  ['6.0', { name: 'windows', version: 6, label: 'Windows Vista' }],
  ['5.2', { name: 'windows', version: 5.2, label: 'Windows XP' }],
  ['5.1', { name: 'windows', version: 5.1, label: 'Windows XP' }],
  ['5.0', { name: 'windows', version: 5, label: 'Windows 2000' }],
]);

const OS_LABELS: Record<OsName, string> = {
  windows: 'Windows',
  macos: 'macOS',
  chromeos: 'ChromeOS',
  linux: 'Linux',
  android: 'Android',
  ios: 'iOS',
  other: 'Unknown system',
};

function osFromUserAgent(ua: string, maxTouchPoints: number, browser: Platform['browser']): { os: Platform['os']; mobile: boolean } {
  const apple = /\b(iPhone|iPad|iPod)\b/.exec(ua);
  if (apple) {
    const v = /\bOS (\d+)_(\d+)(?:_(\d+))?/.exec(ua);
    return { os: appleMobile(apple[1] === 'iPad', v ? release('ios', v[1], v[2], v[3]) : undefined), mobile: true };
  }
  // Windows Phone 10 also says `Android 6.0.1`.
  if (/\bWindows Phone\b/.test(ua)) return { os: named('other', undefined), mobile: true };
  const android = /\bAndroid[ -](\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(ua);
  if (android) {
    // Chrome and Samsung Internet send `Android 10; K` whatever the real version (User-Agent reduction).
    const frozen = /\bAndroid 10; K\)/.test(ua);
    return { os: named('android', frozen ? undefined : release('android', android[1], android[2], android[3])), mobile: true };
  }
  const nt = /\bWindows NT (\d+\.\d+)/.exec(ua);
  if (nt) return { os: WINDOWS_NT.get(nt[1] ?? '') ?? named('windows', undefined), mobile: false };
  if (/\bWindows\b/.test(ua)) return { os: named('windows', undefined), mobile: false };
  // ChromeOS is numbered after the Chrome it ships (ChromeOS 124 runs Chrome 124); `CrOS x86_64 14541.0.0` is a frozen build number.
  if (/\bCrOS\b/.test(ua)) return { os: { name: 'chromeos', version: browser.name === 'chrome' ? browser.version : undefined, label: OS_LABELS.chromeos }, mobile: false };
  if (/\bMac OS X\b|\bMacintosh\b/.test(ua)) {
    // iPadOS 13+ asks for desktop pages with a Mac's User-Agent; no Mac has a touch screen.
    if (maxTouchPoints > 1) {
      // iPadOS ships its Safari, so Safari's version is the system's (Version/17.4 on iPadOS 17.4).
      const v = browser.name === 'safari' ? /\bVersion\/(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(ua) : null;
      return { os: appleMobile(true, v ? release('ios', v[1], v[2], v[3]) : undefined), mobile: true };
    }
    const v = /\bMac OS X (\d+)[._](\d+)(?:[._](\d+))?/.exec(ua);
    // Chrome, Safari and Firefox have all said 10.15(.7) since 2020, on every newer macOS.
    const frozen = v?.[1] === '10' && v[2] === '15';
    return { os: named('macos', v && !frozen ? release('macos', v[1], v[2], v[3]) : undefined), mobile: false };
  }
  if (/\bBSD\b|\bSunOS\b/.test(ua)) return { os: named('other', undefined), mobile: /\bMobi/.test(ua) };
  if (/\bLinux\b|\bX11\b/.test(ua)) return { os: named('linux', undefined), mobile: /\bMobi/.test(ua) };
  return { os: named('other', undefined), mobile: /\bMobi/.test(ua) };
}

/** A release read from text: the number the policy compares and the text people read. */
interface Release {
  version: number;
  text: string;
}

/**
 * `major.minor` as a number that orders like the releases. macOS 10 minors ran to 15, so they take
 * two decimals (10.9 → 10.09 < 10.13 < 10.15); every other system here has kept its minors under 10.
 */
function release(os: OsName, major: string | undefined, minor: string | undefined, patch: string | undefined): Release | undefined {
  if (major === undefined || !/^\d+$/.test(major)) return undefined;
  const twoDigits = os === 'macos' && major === '10';
  const m = minor !== undefined && /^\d+$/.test(minor) ? minor : undefined;
  const version = m === undefined ? Number(major) : Number(`${major}.${twoDigits ? m.padStart(2, '0') : m}`);
  const shown = [major, m ?? '0', patch ?? '0'];
  while (shown.length > 1 && Number(shown[shown.length - 1]) === 0) shown.pop();
  return { version, text: shown.join('.') };
}

function named(name: OsName, found: Release | undefined): Platform['os'] {
  return found ? { name, version: found.version, label: `${OS_LABELS[name]} ${found.text}` } : { name, version: undefined, label: OS_LABELS[name] };
}

function appleMobile(iPad: boolean, found: Release | undefined): Platform['os'] {
  const os = named('ios', found);
  // iPads have run iPadOS since version 13; people know it by that name.
  return iPad && (found === undefined || found.version >= 13) ? { ...os, label: os.label.replace(/^iOS/, 'iPadOS') } : os;
}

// --- Client hints ---

/**
 * Only these brands count, which also skips GREASE: the made-up brands Chromium adds so that sites
 * stop matching lists exactly (`Not A;Brand`, `;Not A Brand`, `Not/A)Brand`, `Not?A_Brand`, ...).
 * Lower wins: a specific brand over the Chromium every Chromium browser also lists.
 */
const BRAND_RANKS = new Map<string, readonly [BrowserName, number]>([
  ['Microsoft Edge', ['edge', 0]],
  ['Opera', ['opera', 1]],
  ['Opera GX', ['opera', 1]],
  ['Samsung Internet', ['samsung', 2]],
  ['Google Chrome', ['chrome', 3]],
  ['Chromium', ['chrome', 4]],
  ['HeadlessChrome', ['chrome', 4]],
]);
const GENERIC_CHROMIUM = 4;

const HINT_PLATFORMS = new Map<string, OsName>([
  ['Windows', 'windows'],
  ['macOS', 'macos'],
  ['Chrome OS', 'chromeos'],
  ['ChromeOS', 'chromeos'],
  ['Chromium OS', 'chromeos'],
  ['Linux', 'linux'],
  ['Android', 'android'],
  ['iOS', 'ios'],
]);

/**
 * High-entropy User-Agent Client Hints, more exact than the string where present: Windows 11
 * versus 10, the real macOS and Android versions. Whatever the hints lack comes from the UA string.
 */
export function fromClientHints(hints: ClientHints, userAgent: string, maxTouchPoints = 0): Platform {
  const fallback = parseUserAgent(userAgent, maxTouchPoints);
  const browser = browserFromHints(hints, fallback.browser);
  const os = osFromHints(hints, fallback.os);
  const name = (os ?? fallback.os).name;
  // Android tablets report `mobile: false`; the policy counts them as mobile all the same.
  const mobile = (hints.mobile ?? fallback.mobile) || name === 'android' || name === 'ios';
  return {
    browser: browser ?? fallback.browser,
    os: os ?? fallback.os,
    mobile,
    source: browser || os ? 'client-hints' : 'user-agent',
  };
}

function browserFromHints(hints: ClientHints, fallback: Platform['browser']): Platform['browser'] | undefined {
  const list = hints.fullVersionList?.length ? hints.fullVersionList : (hints.brands ?? []);
  let best: { name: BrowserName; rank: number; version: string } | undefined;
  for (const { brand, version } of list) {
    const known = BRAND_RANKS.get(brand);
    if (known && (!best || known[1] < best.rank)) best = { name: known[0], rank: known[1], version };
  }
  if (!best) return undefined;
  // A browser that lists only "Chromium" but names itself in the UA string (Samsung Internet did) keeps that name.
  if (best.rank === GENERIC_CHROMIUM && (['edge', 'opera', 'samsung'] as BrowserName[]).includes(fallback.name)) return undefined;
  const parsed = browserVersion(best.name, best.version);
  // `brands` carries only the major: keep the UA string's full version when it is the same browser.
  if (!best.version.includes('.') && fallback.name === parsed.name && fallback.version === parsed.version) return fallback;
  return parsed;
}

function osFromHints(hints: ClientHints, fallback: Platform['os']): Platform['os'] | undefined {
  const name = hints.platform === undefined ? undefined : HINT_PLATFORMS.get(hints.platform);
  if (name === undefined) return undefined;
  const same = fallback.name === name ? fallback : undefined;
  const v = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(hints.platformVersion ?? '');
  if (name === 'windows') {
    if (!v) return same ?? named('windows', undefined);
    // Microsoft: platformVersion 13 and up is Windows 11, 1 to 10 is Windows 10, 0.x is 7, 8 or 8.1.
    const major = Number(v[1]);
    if (major >= 13) return { name, version: 11, label: 'Windows 11' };
    if (major >= 1) return { name, version: 10, label: 'Windows 10' };
    // Chrome up to 109 still ran there and its UA string names which one.
    if (same?.version !== undefined && same.version < 10) return same;
    return { name, version: 8, label: 'Windows 7, 8 or 8.1' };
  }
  if (name === 'macos' || name === 'android' || name === 'ios') {
    const found = v ? release(name, v[1], v[2], v[3]) : undefined;
    return found ? named(name, found) : (same ?? named(name, undefined));
  }
  // ChromeOS reports its platform build (15633.69.0), not the release people know; Linux reports "".
  return same ?? named(name, undefined);
}

/**
 * Reads the navigator: client hints when `userAgentData.getHighEntropyValues` exists (Chromium),
 * else the User-Agent string. Never throws: a refused hints call falls back to the string.
 */
export async function readPlatform(nav: Pick<Navigator, 'userAgent' | 'maxTouchPoints'> & { userAgentData?: unknown }): Promise<Platform> {
  const userAgent = typeof nav.userAgent === 'string' ? nav.userAgent : '';
  const maxTouchPoints = typeof nav.maxTouchPoints === 'number' ? nav.maxTouchPoints : 0;
  try {
    const data = nav.userAgentData;
    if (!isRecord(data) || typeof data.getHighEntropyValues !== 'function') return parseUserAgent(userAgent, maxTouchPoints);
    const values: unknown = await (data as { getHighEntropyValues(hints: string[]): unknown }).getHighEntropyValues([...HIGH_ENTROPY_HINTS]);
    return fromClientHints({ ...toClientHints(data), ...toClientHints(values) }, userAgent, maxTouchPoints);
  } catch {
    return parseUserAgent(userAgent, maxTouchPoints);
  }
}

/** The hints the browser actually gave, checked field by field: this object comes from outside our code. */
function toClientHints(value: unknown): ClientHints {
  const hints: ClientHints = {};
  if (!isRecord(value)) return hints;
  const brands = toBrands(value.brands);
  const fullVersionList = toBrands(value.fullVersionList);
  if (brands) hints.brands = brands;
  if (fullVersionList) hints.fullVersionList = fullVersionList;
  if (typeof value.platform === 'string') hints.platform = value.platform;
  if (typeof value.platformVersion === 'string') hints.platformVersion = value.platformVersion;
  if (typeof value.mobile === 'boolean') hints.mobile = value.mobile;
  if (typeof value.model === 'string') hints.model = value.model;
  return hints;
}

function toBrands(value: unknown): { brand: string; version: string }[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((entry: unknown) =>
    isRecord(entry) && typeof entry.brand === 'string' && typeof entry.version === 'string' ? [{ brand: entry.brand, version: entry.version }] : [],
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

// --- Decisions ---

type BrowserReason = 'browser.ok' | 'browser.unsupported' | 'browser.outdated' | 'browser.missing_feature';
type SystemReason = 'system.ok' | 'os.unsupported' | 'os.outdated' | 'device.mobile';

export function judgeBrowser(platform: Platform, missingFeatures: string[], policy: Pick<ResolvedPolicy, 'browsers'>): Verdict<BrowserReason> {
  const { name, version, full } = platform.browser;
  const minimum = policy.browsers[name];
  const measured: Verdict<BrowserReason>['measured'] = { browser: name, version: full, source: platform.source };
  if (minimum === undefined) return { status: 'fail', reason: 'browser.unsupported', measured };
  measured.minimum = minimum;
  if (version < minimum) return { status: 'fail', reason: 'browser.outdated', measured };
  if (missingFeatures.length > 0) return { status: 'fail', reason: 'browser.missing_feature', measured: { ...measured, missing: [...missingFeatures] } };
  return { status: 'pass', reason: 'browser.ok', measured };
}

export function judgeSystem(platform: Platform, policy: Pick<ResolvedPolicy, 'os' | 'allowMobile'>): Verdict<SystemReason> {
  const { name, version, label } = platform.os;
  const minimum = policy.os[name];
  const measured: Verdict<SystemReason>['measured'] = { os: label, osName: name, mobile: platform.mobile, source: platform.source };
  if (version !== undefined) measured.osVersion = version;
  if (minimum !== undefined) measured.minimum = minimum;
  const known = versionKnown(platform.os, minimum ?? 0);
  measured.osVersionKnown = known;
  if (platform.mobile && !policy.allowMobile) return { status: 'fail', reason: 'device.mobile', measured };
  if (minimum === undefined) return { status: 'fail', reason: 'os.unsupported', measured };
  // An unknown version passes: refusing every Mac because Safari says 10.15 would refuse them all.
  if (known && version !== undefined && version < minimum) return { status: 'fail', reason: 'os.outdated', measured };
  return { status: 'pass', reason: 'system.ok', measured };
}

/**
 * The UA string's `Windows NT 10.0` means "10 or later": known against a minimum of 10, not
 * against 11 (Firefox and Safari send no client hints, so Windows 11 there is indistinguishable).
 */
function versionKnown(os: Platform['os'], minimum: number): boolean {
  if (os.version === undefined) return false;
  if (os.name === 'windows' && os.label === WINDOWS_NT.get('10.0')?.label) return minimum <= 10;
  return true;
}

// --- Features ---

const STORAGE_PROBE_KEY = 'lifeline:storage-probe';

/** Each probe answers "usable here?"; a probe that throws (a sandboxed frame, blocked storage) counts as no. */
const FEATURE_PROBES: Record<BrowserFeature, (global: typeof globalThis) => boolean> = {
  getUserMedia: (global) => typeof global.navigator?.mediaDevices?.getUserMedia === 'function',
  webrtc: (global) => typeof global.RTCPeerConnection === 'function',
  // Safari's old private mode and blocked third-party storage expose the object but throw on write.
  storage: (global) => writable(global.localStorage) && writable(global.sessionStorage),
  cookies: (global) => global.navigator?.cookieEnabled === true,
  screenShare: (global) => typeof global.navigator?.mediaDevices?.getDisplayMedia === 'function',
};

function writable(storage: Storage | undefined): boolean {
  if (!storage) return false;
  storage.setItem(STORAGE_PROBE_KEY, '1');
  storage.removeItem(STORAGE_PROBE_KEY);
  return true;
}

/** Which of the policy's features this browser lacks, in the policy's order. Takes the global object so tests can pass fakes. */
export function missingFeatures(features: readonly BrowserFeature[], global: typeof globalThis): BrowserFeature[] {
  return [...new Set(features)].filter((feature) => {
    try {
      return !FEATURE_PROBES[feature](global);
    } catch {
      return true;
    }
  });
}
