import type { BrowserFeature, BrowserName, OsName } from '@lifeline/protocol';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CHECK_POLICY } from '../policy.ts';
import { fromClientHints, judgeBrowser, judgeSystem, missingFeatures, parseUserAgent, type Platform, readPlatform } from './index.ts';

interface Row {
  what: string;
  ua: string;
  touch?: number;
  browser: BrowserName;
  major: number;
  os: OsName;
  osVersion: number | undefined;
  mobile: boolean;
}

// Strings as browsers send them (several from ua-parser-js's test corpus). Reduced Chromium strings
// (`Chrome/124.0.0.0`, `Windows NT 10.0`, `Mac OS X 10_15_7`, `Android 10; K`) are what current browsers send.
const ROWS: Row[] = [
  // Windows
  { what: 'Chrome 124, Windows 10/11', ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36', browser: 'chrome', major: 124, os: 'windows', osVersion: 10, mobile: false },
  { what: 'Edge 124, Windows', ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0', browser: 'edge', major: 124, os: 'windows', osVersion: 10, mobile: false },
  { what: 'Edge 74 (full version), Windows', ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/74.0.3729.48 Safari/537.36 Edg/74.1.96.24', browser: 'edge', major: 74, os: 'windows', osVersion: 10, mobile: false },
  { what: 'legacy EdgeHTML 18, Windows', ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/64.0.3282.140 Safari/537.36 Edge/18.17763', browser: 'edge', major: 18, os: 'windows', osVersion: 10, mobile: false },
  { what: 'Firefox 125, Windows', ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0', browser: 'firefox', major: 125, os: 'windows', osVersion: 10, mobile: false },
  { what: 'Opera 109, Windows', ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36 OPR/109.0.0.0', browser: 'opera', major: 109, os: 'windows', osVersion: 10, mobile: false },
  { what: 'Opera GX, Windows', ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/73.0.3683.103 Safari/537.36 OPR/60.0.3255.50747 OPRGX/60.0.3255.50747', browser: 'opera', major: 60, os: 'windows', osVersion: 10, mobile: false },
  { what: 'IE 11, Windows 10', ua: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko', browser: 'other', major: 0, os: 'windows', osVersion: 10, mobile: false },
  { what: 'IE 11, Windows 7, long UA', ua: 'Mozilla/5.0 (Windows NT 6.1; WOW64; APCPMS=^N201205020840572565478A37A6F9C41BD33F_9975^; Trident/7.0; SLCC2; .NET CLR 2.0.50727; .NET CLR 3.5.30729; .NET CLR 3.0.30729; Media Center PC 6.0; InfoPath.3; .NET4.0C; .NET4.0E; MARKANYEPS#25118; Zoom 3.6.0; rv:11.0) like Gecko', browser: 'other', major: 0, os: 'windows', osVersion: 7, mobile: false },
  { what: 'IE 10, Windows 7', ua: 'Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; Trident/6.0)', browser: 'other', major: 0, os: 'windows', osVersion: 7, mobile: false },
  { what: 'Chrome 109, Windows 7', ua: 'Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36', browser: 'chrome', major: 109, os: 'windows', osVersion: 7, mobile: false },
  { what: 'Chrome 109, Windows 8.1', ua: 'Mozilla/5.0 (Windows NT 6.3; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36', browser: 'chrome', major: 109, os: 'windows', osVersion: 8.1, mobile: false },
  { what: 'Chrome 20, Windows 8', ua: 'Mozilla/5.0 (Windows NT 6.2) AppleWebKit/536.6 (KHTML, like Gecko) Chrome/20.0.1090.0 Safari/536.6', browser: 'chrome', major: 20, os: 'windows', osVersion: 8, mobile: false },
  // macOS
  { what: 'Chrome 124, macOS (frozen 10_15_7)', ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36', browser: 'chrome', major: 124, os: 'macos', osVersion: undefined, mobile: false },
  { what: 'Safari 17.4.1, macOS', ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15', browser: 'safari', major: 17, os: 'macos', osVersion: undefined, mobile: false },
  { what: 'Firefox 125, macOS (frozen 10.15)', ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:125.0) Gecko/20100101 Firefox/125.0', browser: 'firefox', major: 125, os: 'macos', osVersion: undefined, mobile: false },
  { what: 'Edge 100, macOS', ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/100.0.1108.55 Safari/537.36 Edg/100.0.1108.55', browser: 'edge', major: 100, os: 'macos', osVersion: undefined, mobile: false },
  { what: 'Safari 13.1, macOS 10.13 High Sierra', ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.2 Safari/605.1.15', browser: 'safari', major: 13, os: 'macos', osVersion: 10.13, mobile: false },
  { what: 'Safari 14, macOS 10.14 Mojave', ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.0.3 Safari/605.1.15', browser: 'safari', major: 14, os: 'macos', osVersion: 10.14, mobile: false },
  { what: 'Chrome 28, Mac OS X 10.6', ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_6_8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/28.0.1500.95 Safari/537.36', browser: 'chrome', major: 28, os: 'macos', osVersion: 10.06, mobile: false },
  // Linux and ChromeOS
  { what: 'Chrome 124, Linux', ua: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36', browser: 'chrome', major: 124, os: 'linux', osVersion: undefined, mobile: false },
  { what: 'Firefox 118, Ubuntu', ua: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/118.0', browser: 'firefox', major: 118, os: 'linux', osVersion: undefined, mobile: false },
  { what: 'Chromium 16, Ubuntu', ua: 'Mozilla/5.0 (X11; Linux i686) AppleWebKit/535.7 (KHTML, like Gecko) Ubuntu/11.10 Chromium/16.0.912.21 Chrome/16.0.912.21 Safari/535.7', browser: 'chrome', major: 16, os: 'linux', osVersion: undefined, mobile: false },
  { what: 'HeadlessChrome 91, Linux', ua: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/91.0.4472.124 Safari/537.36', browser: 'chrome', major: 91, os: 'linux', osVersion: undefined, mobile: false },
  { what: 'Chrome 111, ChromeOS', ua: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/111.0.0.0 Safari/537.36', browser: 'chrome', major: 111, os: 'chromeos', osVersion: 111, mobile: false },
  // Android phones and tablets
  { what: 'Chrome 124, Android phone (frozen "Android 10; K")', ua: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36', browser: 'chrome', major: 124, os: 'android', osVersion: undefined, mobile: true },
  { what: 'Chrome 58, Android 7.1.2 Nexus 5X', ua: 'Mozilla/5.0 (Linux; Android 7.1.2; Nexus 5X Build/N2G47W) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/58.0.3029.83 Mobile Safari/537.36', browser: 'chrome', major: 58, os: 'android', osVersion: 7.1, mobile: true },
  { what: 'Chrome 103, Galaxy Tab S8 tablet', ua: 'Mozilla/5.0 (Linux; Android 12; SM-X706B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/103.0.5060.53 Safari/537.36', browser: 'chrome', major: 103, os: 'android', osVersion: 12, mobile: true },
  { what: 'Samsung Internet 26, Galaxy S23 Ultra', ua: 'Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36', browser: 'samsung', major: 26, os: 'android', osVersion: 14, mobile: true },
  { what: 'Samsung Internet 12, Galaxy Tab S6 Lite tablet', ua: 'Mozilla/5.0 (Linux; Android 10; SAMSUNG SM-P610) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/12.0 Chrome/79.0.3945.136 Safari/537.36', browser: 'samsung', major: 12, os: 'android', osVersion: 10, mobile: true },
  { what: 'Samsung Internet 23, Redmi 8A', ua: 'Mozilla/5.0 (Linux; Android 10; Redmi 8A) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36', browser: 'samsung', major: 23, os: 'android', osVersion: 10, mobile: true },
  { what: 'Edge 124, Android', ua: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36 EdgA/124.0.0.0', browser: 'edge', major: 124, os: 'android', osVersion: undefined, mobile: true },
  { what: 'Firefox 125, Android', ua: 'Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0', browser: 'firefox', major: 125, os: 'android', osVersion: 14, mobile: true },
  { what: 'Opera Touch, Android', ua: 'Mozilla/5.0 (Linux; Android 7.0; Lenovo P2a42 Build/NRD90N) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/68.0.3440.91 Mobile Safari/537.36 OPT/1.10.33', browser: 'opera', major: 1, os: 'android', osVersion: 7, mobile: true },
  { what: 'Android WebView (an app, not Chrome)', ua: 'Mozilla/5.0 (Linux; Android 5.1.1; Nexus 5 Build/LMY48B; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/43.0.2357.65 Mobile Safari/537.36', browser: 'other', major: 43, os: 'android', osVersion: 5.1, mobile: true },
  // iPhone and iPad
  { what: 'Safari 17.4.1, iPhone', ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1', browser: 'safari', major: 17, os: 'ios', osVersion: 17.4, mobile: true },
  { what: 'Chrome (CriOS) 124, iPhone', ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.71 Mobile/15E148 Safari/604.1', browser: 'chrome', major: 124, os: 'ios', osVersion: 17.4, mobile: true },
  { what: 'Firefox (FxiOS) 112, iPhone', ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/112.0 Mobile/15E148 Safari/605.1.15', browser: 'firefox', major: 112, os: 'ios', osVersion: 16.4, mobile: true },
  { what: 'Edge (EdgiOS) 42, iPhone', ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 11_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/11.0 EdgiOS/42.1.1.0 Mobile/15F79 Safari/605.1.15', browser: 'edge', major: 42, os: 'ios', osVersion: 11.4, mobile: true },
  { what: 'Facebook in-app browser, iPhone', ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 13_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBDV/iPhone10,2;FBMD/iPhone;FBSN/iOS;FBSV/13.3.1;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5;FBCR/]', browser: 'other', major: 0, os: 'ios', osVersion: 13.3, mobile: true },
  { what: 'Safari 16.6, iPad (mobile site)', ua: 'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1', browser: 'safari', major: 16, os: 'ios', osVersion: 16.6, mobile: true },
  { what: 'Safari 17.4, iPad asking for the desktop site', ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15', touch: 5, browser: 'safari', major: 17, os: 'ios', osVersion: 17.4, mobile: true },
];

describe('parseUserAgent', () => {
  it('has a table of at least 30 real User-Agent strings', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ROWS)('$what', ({ ua, touch, browser, major, os, osVersion, mobile }) => {
    const platform = parseUserAgent(ua, touch ?? 0);
    expect({ browser: platform.browser.name, major: platform.browser.version, os: platform.os.name, osVersion: platform.os.version, mobile: platform.mobile }).toEqual({
      browser,
      major,
      os,
      osVersion,
      mobile,
    });
    expect(platform.source).toBe('user-agent');
  });

  it('knows nothing of a string it cannot read', () => {
    expect(parseUserAgent('')).toEqual({ browser: { name: 'other', version: 0 }, os: { name: 'other', version: undefined, label: '' }, mobile: false, source: 'user-agent' });
  });

  it('labels systems with names and numbers only, saying "10/11" where the string cannot tell', () => {
    const labels = ROWS.map((r) => parseUserAgent(r.ua, r.touch ?? 0).os.label);
    expect(labels).toContain('Windows 10/11');
    expect(labels).toContain('Windows 8.1');
    expect(labels).toContain('Windows 7');
    expect(labels).toContain('macOS');
    expect(labels).toContain('macOS 10.13');
    expect(labels).toContain('ChromeOS 111');
    expect(labels).toContain('Android 14');
    expect(labels).toContain('Android 7.1');
    expect(labels).toContain('Android');
    expect(labels).toContain('iOS 17.4');
    expect(labels).toContain('iPadOS 16.6');
    expect(labels).toContain('iPadOS 17.4');
    for (const label of labels) expect(label).toMatch(/^(?:Windows|macOS|ChromeOS|Linux|Android|iOS|iPadOS)(?: [\d./]+)?$/);
  });

  it('counts a Mac User-Agent as a Mac without touch points, and as an iPad with them', () => {
    const ua = row('iPad asking for the desktop site').ua;
    expect(parseUserAgent(ua).os.name).toBe('macos');
    expect(parseUserAgent(ua, 0).mobile).toBe(false);
    expect(parseUserAgent(ua, 1).os.name).toBe('macos');
    expect(parseUserAgent(ua, 5)).toMatchObject({ os: { name: 'ios', version: 17.4 }, mobile: true });
  });

  it('orders macOS 10 releases as numbers (10.9 < 10.10 < 10.13)', () => {
    const version = (minor: number) => parseUserAgent(`Mozilla/5.0 (Macintosh; Intel Mac OS X 10_${minor}_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/49.0.2623.112 Safari/537.36`).os.version ?? 0;
    expect(version(9)).toBeLessThan(version(10));
    expect(version(10)).toBeLessThan(version(13));
    expect(version(13)).toBeLessThan(version(14));
  });
});

const CHROME_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const CHROME_ANDROID = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';
const CHROME_BRANDS = [
  { brand: 'Chromium', version: '124' },
  { brand: 'Google Chrome', version: '124' },
  { brand: 'Not-A.Brand', version: '99' },
];

describe('fromClientHints', () => {
  it('tells Windows 11 from 10 by platformVersion', () => {
    const eleven = fromClientHints({ brands: CHROME_BRANDS, platform: 'Windows', platformVersion: '15.0.0', mobile: false }, CHROME_WINDOWS);
    expect(eleven).toEqual({
      browser: { name: 'chrome', version: 124 },
      os: { name: 'windows', version: 11, label: 'Windows 11' },
      mobile: false,
      source: 'client-hints',
    });
    expect(fromClientHints({ platform: 'Windows', platformVersion: '13.0.0' }, CHROME_WINDOWS).os.version).toBe(11);
    expect(fromClientHints({ platform: 'Windows', platformVersion: '10.0.0' }, CHROME_WINDOWS).os).toEqual({ name: 'windows', version: 10, label: 'Windows 10' });
    expect(fromClientHints({ platform: 'Windows', platformVersion: '1.0.0' }, CHROME_WINDOWS).os.version).toBe(10);
  });

  it('reads 0.x (Windows 7, 8 or 8.1) from the UA string, which names the release', () => {
    expect(fromClientHints({ platform: 'Windows', platformVersion: '0.3.0' }, row('Chrome 109, Windows 8.1').ua).os).toEqual({ name: 'windows', version: 8.1, label: 'Windows 8.1' });
    expect(fromClientHints({ platform: 'Windows', platformVersion: '0.1.0' }, row('Chrome 109, Windows 7').ua).os.version).toBe(7);
  });

  it('reads the real macOS version behind the frozen 10_15_7', () => {
    expect(parseUserAgent(CHROME_MAC).os.version).toBeUndefined();
    expect(fromClientHints({ platform: 'macOS', platformVersion: '14.5.0' }, CHROME_MAC).os).toEqual({ name: 'macos', version: 14.5, label: 'macOS 14.5' });
    // A real Catalina is older than the default minimum, and now known to be.
    expect(fromClientHints({ platform: 'macOS', platformVersion: '10.15.7' }, CHROME_MAC).os.version).toBe(10.15);
  });

  it('skips GREASE brands in any of their shapes', () => {
    for (const grease of [' Not A;Brand', ';Not A Brand', 'Not/A)Brand', 'Not_A Brand', 'Not?A_Brand', 'Not.A/Brand', 'Not A(Brand']) {
      const platform = fromClientHints({ brands: [{ brand: grease, version: '8' }, { brand: 'Chromium', version: '124' }] }, CHROME_WINDOWS);
      expect(platform.browser, grease).toEqual({ name: 'chrome', version: 124 });
    }
    // Only GREASE: nothing to learn from the hints, the UA string decides.
    expect(fromClientHints({ brands: [{ brand: 'Not A(Brand', version: '99' }] }, row('Firefox 125, Windows').ua).browser.name).toBe('firefox');
  });

  it('prefers Microsoft Edge, then Opera, over the Chrome and Chromium they also list', () => {
    const edge = fromClientHints(
      {
        brands: [
          { brand: 'Chromium', version: '124' },
          { brand: 'Microsoft Edge', version: '124' },
          { brand: 'Not-A.Brand', version: '99' },
        ],
        platform: 'Windows',
        platformVersion: '15.0.0',
      },
      row('Edge 124, Windows').ua,
    );
    expect(edge.browser).toEqual({ name: 'edge', version: 124 });
    const opera = fromClientHints({ brands: [{ brand: 'Opera', version: '109' }, { brand: 'Not:A-Brand', version: '8' }, { brand: 'Chromium', version: '123' }] }, row('Opera 109').ua);
    expect(opera.browser).toMatchObject({ name: 'opera', version: 109 });
  });

  it('keeps the UA string`s browser when the hints list only Chromium', () => {
    const samsung = fromClientHints({ brands: [{ brand: 'Chromium', version: '122' }], platform: 'Android', mobile: true }, row('Samsung Internet 26').ua);
    expect(samsung.browser.name).toBe('samsung');
  });

  it('reads the real Android version and counts Android tablets as mobile', () => {
    const phone = fromClientHints({ brands: CHROME_BRANDS, platform: 'Android', platformVersion: '14.0.0', mobile: true }, CHROME_ANDROID);
    expect(phone).toMatchObject({ browser: { name: 'chrome', version: 124 }, os: { name: 'android', version: 14, label: 'Android 14' }, mobile: true, source: 'client-hints' });
    const tablet = fromClientHints({ brands: CHROME_BRANDS, platform: 'Android', platformVersion: '13.0.0', mobile: false }, row('Galaxy Tab S8').ua);
    expect(tablet).toMatchObject({ os: { name: 'android', version: 13 }, mobile: true });
  });

  it('falls back to the UA string for whatever the hints lack', () => {
    expect(fromClientHints({}, CHROME_MAC)).toEqual(parseUserAgent(CHROME_MAC));
    const noVersion = fromClientHints({ brands: CHROME_BRANDS, platform: 'macOS' }, row('Safari 13.1, macOS 10.13').ua);
    expect(noVersion.os).toEqual({ name: 'macos', version: 10.13, label: 'macOS 10.13' });
    // ChromeOS reports a platform build number there; the release is the Chrome it ships.
    expect(fromClientHints({ brands: CHROME_BRANDS, platform: 'Chrome OS', platformVersion: '14541.0.0' }, row('ChromeOS').ua).os).toMatchObject({ name: 'chromeos', version: 111 });
    expect(fromClientHints({ platform: 'Linux', platformVersion: '' }, CHROME_WINDOWS).os).toEqual({ name: 'linux', version: undefined, label: 'Linux' });
  });
});

describe('readPlatform', () => {
  const lowEntropy = { brands: CHROME_BRANDS, mobile: false, platform: 'Windows' };

  it('asks for the high-entropy hints when the browser has them', async () => {
    const getHighEntropyValues = vi.fn(function (this: unknown, _hints: string[]) {
      expect(this).toBe(userAgentData);
      return Promise.resolve({ ...lowEntropy, platformVersion: '15.0.0' });
    });
    const userAgentData = { ...lowEntropy, getHighEntropyValues };
    const platform = await readPlatform({ userAgent: CHROME_WINDOWS, maxTouchPoints: 0, userAgentData });
    expect(getHighEntropyValues).toHaveBeenCalledWith(['platformVersion']);
    expect(platform).toMatchObject({ browser: { name: 'chrome', version: 124 }, os: { version: 11 }, source: 'client-hints' });
  });

  it('falls back to the UA string when the hints are refused, throw, or do not exist', async () => {
    const expected = parseUserAgent(CHROME_WINDOWS);
    const rejects = { ...lowEntropy, getHighEntropyValues: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) };
    const throws = {
      getHighEntropyValues: () => {
        throw new TypeError('Illegal invocation');
      },
    };
    for (const userAgentData of [rejects, throws, undefined, null, 'yes', { brands: CHROME_BRANDS }]) {
      await expect(readPlatform({ userAgent: CHROME_WINDOWS, maxTouchPoints: 0, userAgentData })).resolves.toEqual(expected);
    }
  });

  it('survives hints of the wrong shape', async () => {
    const junk = { getHighEntropyValues: () => Promise.resolve({ platform: 42, brands: [null, { brand: 7 }], fullVersionList: 'x', mobile: 'no' }) };
    await expect(readPlatform({ userAgent: CHROME_WINDOWS, maxTouchPoints: 0, userAgentData: junk })).resolves.toEqual(parseUserAgent(CHROME_WINDOWS));
    await expect(readPlatform({ userAgent: CHROME_WINDOWS, maxTouchPoints: 0, userAgentData: { getHighEntropyValues: () => Promise.resolve(null) } })).resolves.toEqual(
      parseUserAgent(CHROME_WINDOWS),
    );
  });

  it('passes maxTouchPoints on, so Safari on an iPad is an iPad', async () => {
    const ipad = row('iPad asking for the desktop site').ua;
    await expect(readPlatform({ userAgent: ipad, maxTouchPoints: 5 })).resolves.toMatchObject({ os: { name: 'ios' }, mobile: true });
  });
});

describe('judgeBrowser', () => {
  const policy = DEFAULT_CHECK_POLICY;

  it('passes current Chrome, Edge, Firefox ESR and Safari 16+ with the default policy', () => {
    for (const [name, version] of [['chrome', 150], ['edge', 151], ['firefox', 140], ['safari', 16]] as const) {
      expect(judgeBrowser(platform({ browser: { name, version } }), [], policy)).toEqual({
        status: 'pass',
        reason: 'browser.ok',
        measured: { browser: name, version, minimum: policy.browsers[name], source: 'user-agent' },
      });
    }
  });

  it('fails an old version as outdated', () => {
    expect(judgeBrowser(parseUserAgent(CHROME_WINDOWS), [], policy)).toMatchObject({ status: 'fail', reason: 'browser.outdated', measured: { version: 124, minimum: 150 } });
    expect(judgeBrowser(parseUserAgent(row('Safari 13.1, macOS 10.13').ua), [], policy).reason).toBe('browser.outdated');
    expect(judgeBrowser(parseUserAgent(row('legacy EdgeHTML 18').ua), [], policy).reason).toBe('browser.outdated');
  });

  it('fails a browser the policy does not list as unsupported, without a minimum', () => {
    for (const what of ['Opera 109', 'Samsung Internet 26', 'IE 11, Windows 10', 'Android WebView', 'Facebook in-app']) {
      const verdict = judgeBrowser(parseUserAgent(row(what).ua), ['webrtc'], policy);
      expect(verdict.reason, what).toBe('browser.unsupported');
      expect(verdict.measured, what).not.toHaveProperty('minimum');
    }
  });

  it('fails missing features last, listing them', () => {
    const current = platform({ browser: { name: 'chrome', version: 150 } });
    expect(judgeBrowser(current, ['getUserMedia', 'storage'], policy)).toEqual({
      status: 'fail',
      reason: 'browser.missing_feature',
      measured: { browser: 'chrome', version: 150, minimum: 150, source: 'user-agent', missing: ['getUserMedia', 'storage'] },
    });
    expect(judgeBrowser(platform({ browser: { name: 'chrome', version: 120 } }), ['webrtc'], policy).reason).toBe('browser.outdated');
  });

  it('follows a custom policy: Firefox not allowed, any Opera allowed', () => {
    const custom = { browsers: { chrome: 120, edge: 120, opera: 0 } };
    expect(judgeBrowser(parseUserAgent(row('Firefox 125, Windows').ua), [], custom).reason).toBe('browser.unsupported');
    expect(judgeBrowser(parseUserAgent(row('Opera Touch').ua), [], custom).reason).toBe('browser.ok');
    expect(judgeBrowser(parseUserAgent(CHROME_WINDOWS), [], custom)).toMatchObject({ status: 'pass', measured: { minimum: 120 } });
  });
});

describe('judgeSystem', () => {
  const policy = DEFAULT_CHECK_POLICY;
  const judge = (what: string, p: Parameters<typeof judgeSystem>[1] = policy) => {
    const r = row(what);
    return judgeSystem(parseUserAgent(r.ua, r.touch ?? 0), p);
  };

  it('passes Windows 10 and 11, ChromeOS and a known recent macOS with the default policy', () => {
    expect(judge('Chrome 124, Windows 10/11')).toEqual({
      status: 'pass',
      reason: 'system.ok',
      measured: { os: 'Windows 10/11', osName: 'windows', osVersion: 10, osVersionKnown: true, minimum: 10, mobile: false, source: 'user-agent' },
    });
    expect(judgeSystem(fromClientHints({ platform: 'Windows', platformVersion: '15.0.0' }, CHROME_WINDOWS), policy)).toMatchObject({ reason: 'system.ok', measured: { osVersion: 11, source: 'client-hints' } });
    expect(judge('ChromeOS').reason).toBe('system.ok');
    expect(judgeSystem(fromClientHints({ platform: 'macOS', platformVersion: '14.5.0' }, CHROME_MAC), policy)).toMatchObject({ reason: 'system.ok', measured: { osVersion: 14.5 } });
  });

  it('fails Windows 7, 8, 8.1 and macOS 10.13 as outdated', () => {
    for (const what of ['Chrome 109, Windows 7', 'Chrome 20, Windows 8', 'Chrome 109, Windows 8.1', 'Safari 13.1, macOS 10.13']) expect(judge(what).reason, what).toBe('os.outdated');
    expect(judgeSystem(fromClientHints({ platform: 'macOS', platformVersion: '10.15.7' }, CHROME_MAC), policy).reason).toBe('os.outdated');
  });

  it('passes a macOS whose version cannot be known, and says so', () => {
    const verdict = judge('Safari 17.4.1, macOS');
    expect(verdict).toMatchObject({ status: 'pass', reason: 'system.ok', measured: { osName: 'macos', osVersionKnown: false } });
    expect(verdict.measured).not.toHaveProperty('osVersion');
  });

  it('does not claim to know Windows 11 from the UA string when the policy asks for 11', () => {
    const verdict = judge('Firefox 125, Windows', { os: { windows: 11 }, allowMobile: false });
    expect(verdict).toMatchObject({ status: 'pass', reason: 'system.ok', measured: { osVersionKnown: false } });
    expect(judgeSystem(fromClientHints({ platform: 'Windows', platformVersion: '10.0.0' }, CHROME_WINDOWS), { os: { windows: 11 }, allowMobile: false }).reason).toBe('os.outdated');
  });

  it('refuses phones and tablets before anything else, iPads in desktop mode included', () => {
    for (const what of ['Galaxy Tab S8', 'Safari 17.4.1, iPhone', 'iPad asking for the desktop site', 'Firefox 125, Android']) {
      expect(judge(what), what).toMatchObject({ status: 'fail', reason: 'device.mobile', measured: { mobile: true } });
    }
  });

  it('fails Linux as unsupported by default', () => {
    expect(judge('Chrome 124, Linux')).toMatchObject({ status: 'fail', reason: 'os.unsupported', measured: { osName: 'linux', osVersionKnown: false } });
    expect(judge('Chrome 124, Linux').measured).not.toHaveProperty('minimum');
  });

  it('follows a custom policy: Linux allowed, mobile allowed', () => {
    expect(judge('Chrome 124, Linux', { os: { ...policy.os, linux: 0 }, allowMobile: false }).reason).toBe('system.ok');
    const mobileOk = { os: { android: 12, ios: 16 }, allowMobile: true };
    expect(judge('Samsung Internet 26', mobileOk).reason).toBe('system.ok');
    expect(judge('Chrome 58, Android 7.1.2', mobileOk).reason).toBe('os.outdated');
    expect(judge('Safari 16.6, iPad', mobileOk).reason).toBe('system.ok');
    expect(judge('Chrome 124, Android phone', mobileOk)).toMatchObject({ reason: 'system.ok', measured: { osVersionKnown: false } });
    // Mobile allowed does not mean every system is: iOS and Android must still be listed.
    expect(judge('Safari 17.4.1, iPhone', { os: { android: 0 }, allowMobile: true }).reason).toBe('os.unsupported');
  });
});

describe('missingFeatures', () => {
  const ALL: BrowserFeature[] = ['getUserMedia', 'webrtc', 'storage', 'cookies', 'screenShare'];

  it('finds nothing missing in a complete browser, and leaves no key behind', () => {
    const local = new FakeStorage();
    const session = new FakeStorage();
    expect(missingFeatures(ALL, fakeGlobal({ localStorage: local, sessionStorage: session }))).toEqual([]);
    expect(local.size + session.size).toBe(0);
    expect(local.writes).toBe(1);
  });

  it('finds everything missing in an empty global', () => {
    expect(missingFeatures(ALL, {} as unknown as typeof globalThis)).toEqual(ALL);
  });

  it('counts storage as missing when reading or writing it throws', () => {
    const blocked = fakeGlobal({});
    Object.defineProperty(blocked, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(missingFeatures(['storage'], blocked)).toEqual(['storage']);
    expect(missingFeatures(['storage'], fakeGlobal({ sessionStorage: new FakeStorage(true) }))).toEqual(['storage']);
  });

  it('checks each feature on its own, in the policy`s order, once', () => {
    expect(missingFeatures(ALL, fakeGlobal({ cookieEnabled: false }))).toEqual(['cookies']);
    expect(missingFeatures(ALL, fakeGlobal({ mediaDevices: { getUserMedia: () => undefined } }))).toEqual(['screenShare']);
    expect(missingFeatures(ALL, fakeGlobal({ mediaDevices: undefined }))).toEqual(['getUserMedia', 'screenShare']);
    expect(missingFeatures(['webrtc', 'cookies', 'webrtc'], fakeGlobal({ RTCPeerConnection: undefined, cookieEnabled: false }))).toEqual(['webrtc', 'cookies']);
    expect(missingFeatures([], fakeGlobal({}))).toEqual([]);
  });
});

function row(what: string): Row {
  const found = ROWS.find((r) => r.what.includes(what));
  if (!found) throw new Error(`no row "${what}"`);
  return found;
}

function platform(overrides: Partial<Platform>): Platform {
  return { browser: { name: 'chrome', version: 150 }, os: { name: 'windows', version: 10, label: 'Windows 10/11' }, mobile: false, source: 'user-agent', ...overrides };
}

class FakeStorage {
  #items = new Map<string, string>();
  readonly full: boolean;
  writes = 0;
  constructor(full = false) {
    this.full = full;
  }
  get size() {
    return this.#items.size;
  }
  setItem(key: string, value: string) {
    // Safari's old private mode: the object is there, every write throws.
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.writes += 1;
    this.#items.set(key, value);
  }
  removeItem(key: string) {
    this.#items.delete(key);
  }
}

/** A browser with every feature; `parts` takes some away. */
function fakeGlobal(parts: { localStorage?: FakeStorage; sessionStorage?: FakeStorage; cookieEnabled?: boolean; mediaDevices?: object | undefined; RTCPeerConnection?: unknown }): typeof globalThis {
  const mediaDevices = 'mediaDevices' in parts ? parts.mediaDevices : { getUserMedia: () => undefined, getDisplayMedia: () => undefined };
  return {
    navigator: { mediaDevices, cookieEnabled: parts.cookieEnabled ?? true },
    RTCPeerConnection: 'RTCPeerConnection' in parts ? parts.RTCPeerConnection : class {},
    localStorage: parts.localStorage ?? new FakeStorage(),
    sessionStorage: parts.sessionStorage ?? new FakeStorage(),
  } as unknown as typeof globalThis;
}
