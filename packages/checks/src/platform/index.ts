/** @module Which browser and system the candidate has (client hints where Chromium gives them, else the User-Agent), and whether the policy accepts them. */
import type { BrowserFeature, BrowserName, OsName } from '@lifeline/protocol';
import type { ResolvedPolicy } from '../policy.ts';

export interface Platform {
  /** `version` is the major, 0 when unknown. */
  browser: { name: BrowserName; version: number };
  /** `version` is undefined when it cannot be known (a frozen User-Agent); `label` is names and numbers only, so any language reads it. */
  os: { name: OsName; version: number | undefined; label: string };
  /** Phone or tablet, including an iPad that presents itself as a Mac. */
  mobile: boolean;
  source: 'client-hints' | 'user-agent';
}

/** What `navigator.userAgentData.getHighEntropyValues(['platformVersion'])` resolves to: the low-entropy fields come with it. */
export interface ClientHints {
  brands?: { brand: string; version: string }[];
  platform?: string;
  platformVersion?: string;
  mobile?: boolean;
}

export type Verdict<R extends string> = {
  status: 'pass' | 'warn' | 'fail';
  reason: R;
  measured: Record<string, string | number | boolean | string[]>;
};

// --- User-Agent string ---

/**
 * First match wins, so the order matters: Edge, Opera and Samsung Internet also say `Chrome/`,
 * every iOS browser is WebKit and says `Safari/`, and every Chromium says `Safari/` too.
 */
const UA_BROWSERS: [BrowserName, RegExp][] = [
  ['edge', /\bEdg\w*\/([\d.]+)/], // Edg, EdgA, EdgiOS, and EdgeHTML's Edge
  ['opera', /\bOP(?:R|iOS|T)\/([\d.]+)/],
  ['samsung', /\bSamsungBrowser\/([\d.]+)/],
  // An Android WebView (`; wv)`) is an app's embedded page, not Chrome: no camera prompt in most apps.
  ['other', /; wv\).*Chrome\/([\d.]+)/],
  ['firefox', /\b(?:FxiOS|Firefox)\/([\d.]+)/],
  ['chrome', /(?:CriOS|Chrome|Chromium)\/([\d.]+)/],
  ['safari', /\bVersion\/([\d.]+).*Safari\//],
];

/** First match wins: iOS also says `like Mac OS X`, Android also says `Linux`, the iPod `iPhone OS`. */
const UA_SYSTEMS: [OsName, RegExp][] = [
  ['ios', /\b(?:iPhone|iPad)\b(?:.*? OS ([\d_]+))?/],
  ['android', /\bAndroid(?: ([\d.]+))?/],
  ['windows', /\bWindows(?: NT ([\d.]+))?/],
  ['chromeos', /\bCrOS\b/],
  ['macos', /\bMac(?:.*? OS X ([\d_.]+))?/],
  ['linux', /\bLinux\b/],
];

/** Frozen by User-Agent reduction whatever the real version: Chrome and Samsung Internet send `Android 10; K`, every Mac browser 10.15 since 2020. */
const FROZEN_SYSTEM = /Android 10; K\)|Mac OS X 10[._]15/;

/** Windows NT kernel versions (learn.microsoft.com, "Operating system version") and the releases people know; 10.0 is Windows 10 and 11 alike. */
const WINDOWS_NT: Record<string, string> = { '10.0': '10/11', '6.3': '8.1', '6.2': '8', '6.1': '7' };
const WINDOWS_10_OR_11 = 'Windows 10/11';

/** Names only, so that a label reads the same in every language; `other` has none. */
const OS_NAMES: Record<OsName, string> = { windows: 'Windows', macos: 'macOS', chromeos: 'ChromeOS', linux: 'Linux', android: 'Android', ios: 'iOS', other: '' };

/** The User-Agent string alone. */
export function parseUserAgent(userAgent: string, maxTouchPoints = 0): Platform {
  const [browserName, browserText] = firstMatch(UA_BROWSERS, userAgent);
  const browser = { name: browserName, version: major(browserText) };
  let [name, text] = firstMatch(UA_SYSTEMS, userAgent);
  // iPadOS 13+ asks for desktop pages with a Mac's User-Agent; no Mac has a touch screen.
  const iPadAsMac = name === 'macos' && maxTouchPoints > 1;
  if (FROZEN_SYSTEM.test(userAgent)) text = undefined;
  // Systems numbered after the browser they ship: ChromeOS 124 runs Chrome 124, iPadOS 17.4 Safari 17.4.
  if ((name === 'chromeos' && browserName === 'chrome') || (iPadAsMac && browserName === 'safari')) text = browserText;
  if (iPadAsMac) name = 'ios';
  let os = systemVersion(name, text, iPadAsMac || /iPad/.test(userAgent) ? 'iPadOS' : OS_NAMES[name]);
  if (name === 'windows' && text) {
    const release = WINDOWS_NT[text];
    // Number.parseFloat reads '10/11' as 10, the number a policy compares.
    os = { name, version: Number.parseFloat(release ?? text), label: release ? `Windows ${release}` : `Windows NT ${text}` };
  }
  return { browser, os, mobile: name === 'ios' || name === 'android' || /Mobi/.test(userAgent), source: 'user-agent' };
}

function firstMatch<N extends string>(rows: [N, RegExp][], text: string): [N | 'other', string | undefined] {
  for (const [name, pattern] of rows) {
    const match = pattern.exec(text);
    if (match) return [name, match[1]];
  }
  return ['other', undefined];
}

function major(version = ''): number {
  return Number.parseInt(version) || 0;
}

/**
 * `major.minor` (`_` or `.` between) as a number that orders like the releases. macOS 10 minors ran to 15,
 * so they take two decimals (10.9 → 10.09 < 10.13); every other system here has kept its minors under 10.
 */
function systemVersion(name: OsName, text = '', shownName = OS_NAMES[name]): Platform['os'] {
  const [, major, minor = '0'] = /^(\d+)(?:[._](\d+))?/.exec(text) ?? [];
  if (major === undefined) return { name, version: undefined, label: shownName };
  const decimals = name === 'macos' && major === '10' ? minor.padStart(2, '0') : minor;
  return { name, version: Number(`${major}.${decimals}`), label: `${shownName} ${major}${minor === '0' ? '' : `.${minor}`}` };
}

// --- Client hints ---

/**
 * The brands that name a browser, best first: a specific brand over the Chromium every Chromium also lists.
 * GREASE brands, made up so that sites stop matching lists exactly (`Not A;Brand`, `Not/A)Brand`, ...), match none.
 */
const HINT_BRANDS: Record<string, BrowserName> = { 'Microsoft Edge': 'edge', Opera: 'opera', 'Samsung Internet': 'samsung', 'Google Chrome': 'chrome', Chromium: 'chrome' };

/**
 * User-Agent Client Hints, more exact than the string where present: Windows 11 versus 10,
 * the real macOS and Android versions. Whatever the hints lack comes from the UA string.
 */
export function fromClientHints(hints: ClientHints, userAgent: string, maxTouchPoints = 0): Platform {
  const fallback = parseUserAgent(userAgent, maxTouchPoints);
  const browser = browserFromHints(hints.brands ?? [], fallback.browser);
  const os = osFromHints(hints, fallback.os);
  // Android tablets report `mobile: false`; the policy counts them as mobile all the same.
  const mobile = hints.mobile === true || fallback.mobile || os.name === 'android';
  return { browser, os, mobile, source: browser === fallback.browser && os === fallback.os ? 'user-agent' : 'client-hints' };
}

function browserFromHints(brands: { brand: string; version: string }[], fromUserAgent: Platform['browser']): Platform['browser'] {
  for (const [brand, name] of Object.entries(HINT_BRANDS)) {
    const listed = brands.find((entry) => entry.brand === brand);
    // A browser that lists only "Chromium" but names itself in the UA string (Samsung Internet did, Android WebView does) keeps that name.
    if (listed && (brand !== 'Chromium' || fromUserAgent.name === 'chrome')) return { name, version: major(listed.version) };
  }
  return fromUserAgent;
}

function osFromHints({ platform = '', platformVersion = '' }: ClientHints, fromUserAgent: Platform['os']): Platform['os'] {
  // The hints spell the names as we do, with capitals, and "Chrome OS" with a space; "Unknown", "" and the rest name no system.
  const name = platform.replace(' ', '').toLowerCase() as OsName;
  if (!OS_NAMES[name]) return fromUserAgent;
  const windowsMajor = major(platformVersion);
  // Microsoft: platformVersion 13 and up is Windows 11, 1 to 10 is Windows 10; 0.x is 7, 8 or 8.1, which the UA string tells apart.
  if (name === 'windows' && windowsMajor > 0) return systemVersion(name, windowsMajor >= 13 ? '11' : '10');
  // ChromeOS reports its platform build (15633.69.0), not the release people know; Linux reports "".
  if ((name === 'macos' || name === 'android') && platformVersion) return systemVersion(name, platformVersion);
  return fromUserAgent.name === name ? fromUserAgent : systemVersion(name);
}

/**
 * Reads the navigator: client hints when `userAgentData.getHighEntropyValues` exists (Chromium),
 * else the User-Agent string. Never throws: no hints, refused hints or hints of the wrong shape fall back to the string.
 */
export async function readPlatform(nav: Pick<Navigator, 'userAgent' | 'maxTouchPoints'> & { userAgentData?: unknown }): Promise<Platform> {
  try {
    // The object comes from outside our code: a missing method or a field of the wrong type throws, and the catch falls back.
    const data = nav.userAgentData as { getHighEntropyValues(hints: string[]): Promise<ClientHints> };
    return fromClientHints(await data.getHighEntropyValues(['platformVersion']), nav.userAgent, nav.maxTouchPoints);
  } catch {
    return parseUserAgent(nav.userAgent, nav.maxTouchPoints);
  }
}

// --- Decisions ---

type BrowserReason = 'browser.ok' | 'browser.unsupported' | 'browser.outdated' | 'browser.missing_feature';
type SystemReason = 'system.ok' | 'os.unsupported' | 'os.outdated' | 'device.mobile';

export function judgeBrowser(platform: Platform, missingFeatures: string[], policy: Pick<ResolvedPolicy, 'browsers'>): Verdict<BrowserReason> {
  const { name, version } = platform.browser;
  const minimum = policy.browsers[name];
  const measured: Verdict<BrowserReason>['measured'] = { browser: name, version, source: platform.source };
  if (minimum === undefined) return verdict('browser.unsupported', measured);
  measured.minimum = minimum;
  if (version < minimum) return verdict('browser.outdated', measured);
  if (missingFeatures.length > 0) return verdict('browser.missing_feature', { ...measured, missing: [...missingFeatures] });
  return verdict('browser.ok', measured);
}

export function judgeSystem(platform: Platform, policy: Pick<ResolvedPolicy, 'os' | 'allowMobile'>): Verdict<SystemReason> {
  const { name, version, label } = platform.os;
  const minimum = policy.os[name];
  // The UA string's `Windows NT 10.0` means "10 or later": known against a minimum of 10, not against 11
  // (Firefox and Safari send no client hints, so Windows 11 there is indistinguishable).
  const known = version !== undefined && (label !== WINDOWS_10_OR_11 || (minimum ?? 0) <= 10);
  const measured: Verdict<SystemReason>['measured'] = { os: label, osName: name, osVersionKnown: known, mobile: platform.mobile, source: platform.source };
  if (version !== undefined) measured.osVersion = version;
  if (minimum !== undefined) measured.minimum = minimum;
  if (platform.mobile && !policy.allowMobile) return verdict('device.mobile', measured);
  if (minimum === undefined) return verdict('os.unsupported', measured);
  // An unknown version passes: refusing every Mac because Safari says 10.15 would refuse them all.
  return verdict(known && version < minimum ? 'os.outdated' : 'system.ok', measured);
}

/** These checks never warn: a reason either is the `.ok` one or fails. */
function verdict<R extends string>(reason: R, measured: Verdict<R>['measured']): Verdict<R> {
  return { status: reason.endsWith('.ok') ? 'pass' : 'fail', reason, measured };
}

// --- Features ---

const STORAGE_PROBE_KEY = 'lifeline:storage-probe';

/** Each probe answers "usable here?" truthy or not; a probe that throws (no navigator, a sandboxed frame, blocked storage) counts as no. */
const FEATURE_PROBES: Record<BrowserFeature, (global: typeof globalThis) => unknown> = {
  getUserMedia: (global) => global.navigator.mediaDevices.getUserMedia,
  webrtc: (global) => global.RTCPeerConnection,
  // Safari's old private mode and blocked third-party storage expose the object but throw on write.
  storage: (global) => writable(global.localStorage) && writable(global.sessionStorage),
  cookies: (global) => global.navigator.cookieEnabled,
  screenShare: (global) => global.navigator.mediaDevices.getDisplayMedia,
};

function writable(storage: Storage): boolean {
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
