import { CHECK_IDS, CHECK_REASONS, CheckReport, REPORT_VERSION, type CheckId, type CheckReason, type CheckResult } from '@lifeline/protocol';
import { describe, expect, it } from 'vitest';
import { articleFor } from '../run/articles.ts';
import { createReport, decodeReferenceCode, encodeReferenceCode, type DecodedReference } from './index.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{3}$/;

function result(check: CheckId, reason: CheckReason): CheckResult {
  return { check, status: 'pass', reason, measured: {}, article: articleFor(check, reason), durationMs: 12 };
}

/** Deterministic: the same seed gives the same results (an LCG, as in kb's normalize tests). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** The code's symbols as an agent would type them back, dashes put in again. */
function grouped(symbols: string): string {
  return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
}

/** A code with the given symbol values and a correct check symbol (the weighted sum the format documents). */
function codeWithCheckSymbol(values: readonly number[]): string {
  const check = values.reduce((sum, value, i) => sum + value * (i + 1), 0) % 31;
  return grouped([...values, check].map((value) => CROCKFORD[value]).join(''));
}

function expectInvalid(decoded: DecodedReference, input: string): void {
  expect(decoded.ok, input).toBe(false);
  if (!decoded.ok) expect(decoded.error.code, input).toBe('report.code_invalid');
}

describe('encodeReferenceCode and decodeReferenceCode', () => {
  it("give back each check's reason, for seeded random result sets", () => {
    const seed = 20240611;
    const random = seededRandom(seed);
    for (let run = 0; run < 2000; run++) {
      const expected: Partial<Record<CheckId, CheckReason>> = {};
      const results: CheckResult[] = [];
      for (const check of CHECK_IDS) {
        if (random() < 0.4) continue;
        const reason = pick(random, CHECK_REASONS[check]);
        expected[check] = reason;
        results.push(result(check, reason));
      }
      // The order of the results does not matter, only the last one of each check.
      results.sort(() => random() - 0.5);
      const code = encodeReferenceCode(results);
      const where = `seed ${seed} run ${run}: ${code} ${JSON.stringify(expected)}`;
      expect(code, where).toMatch(CODE_FORMAT);
      expect(decodeReferenceCode(code), where).toEqual({ ok: true, version: REPORT_VERSION, reasons: expected });
    }
  });

  it('decode every reason of every check', () => {
    for (const check of CHECK_IDS) {
      for (const reason of CHECK_REASONS[check]) {
        expect(decodeReferenceCode(encodeReferenceCode([result(check, reason)])), `${check} ${reason}`).toEqual({ ok: true, version: REPORT_VERSION, reasons: { [check]: reason } });
      }
    }
  });

  it('write the version, one symbol per check in CHECK_IDS order, and the check symbol, grouped 4-4-3', () => {
    // Nothing run: version 1, nine zeros, check symbol 1×1 mod 31 = 1.
    expect(encodeReferenceCode([])).toBe('1000-0000-001');
    // Every check's first reason (check.aborted = 1): check symbol (1+2+…+10) mod 31 = 55 mod 31 = 24 = R.
    expect(encodeReferenceCode(CHECK_IDS.map((check) => result(check, 'check.aborted')))).toBe('1111-1111-11R');
    // camera (5th check, 6th symbol) = camera.ok, the 6th camera reason: check symbol (1 + 6×6) mod 31 = 6.
    expect(encodeReferenceCode([result('camera', 'camera.ok')])).toBe('1000-0600-006');
  });

  it('use only Crockford symbols: no I, L, O or U', () => {
    const random = seededRandom(7);
    for (let run = 0; run < 500; run++) {
      const results = CHECK_IDS.filter(() => random() < 0.7).map((check) => result(check, pick(random, CHECK_REASONS[check])));
      const code = encodeReferenceCode(results);
      expect(code, `seed 7 run ${run}`).toMatch(CODE_FORMAT);
      expect(code, `seed 7 run ${run}`).not.toMatch(/[ILOU]/);
    }
  });

  it('keep the last result when a check appears twice', () => {
    const code = encodeReferenceCode([result('camera', 'camera.in_use'), result('browser', 'browser.ok'), result('camera', 'camera.ok')]);
    expect(decodeReferenceCode(code)).toEqual({ ok: true, version: REPORT_VERSION, reasons: { camera: 'camera.ok', browser: 'browser.ok' } });
  });

  it('tell apart reasons two checks share (id-photo and camera)', () => {
    const code = encodeReferenceCode([result('camera', 'camera.in_use'), result('id-photo', 'camera.permission_denied')]);
    expect(decodeReferenceCode(code)).toEqual({ ok: true, version: REPORT_VERSION, reasons: { camera: 'camera.in_use', 'id-photo': 'camera.permission_denied' } });
  });
});

describe('decodeReferenceCode reads a code as an agent types it', () => {
  const results = [result('browser', 'browser.ok'), result('network', 'network.slow_upload'), result('camera', 'camera.in_use'), result('microphone', 'microphone.silent')];
  const expected = { ok: true, version: REPORT_VERSION, reasons: { browser: 'browser.ok', network: 'network.slow_upload', camera: 'camera.in_use', microphone: 'microphone.silent' } };
  const code = encodeReferenceCode(results);

  it.each([
    ['lower case', code.toLowerCase()],
    ['no dashes', code.replace(/-/g, '')],
    ['spaces instead of dashes', code.replace(/-/g, ' ')],
    ['spaces around and between', `  ${[...code.replace(/-/g, '')].join(' ')} `],
    ['tabs and a newline', code.replace('-', '\t').replace('-', '\n')],
  ])('%s', (_what, typed) => {
    expect(decodeReferenceCode(typed)).toEqual(expected);
  });

  it('I and L as 1, O as 0, in either case', () => {
    // Nothing run: 1000-0000-001 has both ones and zeros.
    for (const typed of ['I000-0000-00L', 'lOOO-OOOO-OOi', 'LoOo oOoO oOI', 'iooooooooo1']) {
      expect(decodeReferenceCode(typed), typed).toEqual({ ok: true, version: REPORT_VERSION, reasons: {} });
    }
    const misread = code.replace(/1/g, 'l').replace(/0/g, 'O');
    expect(decodeReferenceCode(misread), misread).toEqual(expected);
  });
});

describe('decodeReferenceCode rejects', () => {
  // A code with run and not-run checks, and symbols from across the alphabet.
  const fixed = encodeReferenceCode([
    result('browser', 'browser.missing_feature'),
    result('system', 'system.ok'),
    result('network', 'network.not_configured'),
    result('camera', 'camera.low_frame_rate'),
    result('speaker', 'speaker.not_answered'),
    result('id-photo', 'camera.in_use'),
  ]);
  const nothingRun = encodeReferenceCode([]);

  it.each([
    ['the fixed code', fixed],
    ['the code of nothing run', nothingRun],
  ])('every single changed symbol, at every position, in %s', (_what, code) => {
    const symbols = code.replace(/-/g, '');
    expect(symbols).toHaveLength(11);
    const undetected: string[] = [];
    let tried = 0;
    for (let position = 0; position < symbols.length; position++) {
      for (const substitute of CROCKFORD) {
        if (substitute === symbols[position]) continue;
        const changed = grouped(symbols.slice(0, position) + substitute + symbols.slice(position + 1));
        tried += 1;
        const decoded = decodeReferenceCode(changed);
        if (decoded.ok) undetected.push(changed);
        else expect(decoded.error.code, changed).toBe('report.code_invalid');
      }
    }
    expect(tried).toBe(11 * 31);
    expect(undetected).toEqual([]);
  });

  it.each([
    ['the fixed code', fixed],
    ['the code of nothing run', nothingRun],
  ])('every swap of two neighbouring different symbols in %s', (_what, code) => {
    const symbols = code.replace(/-/g, '');
    const undetected: string[] = [];
    for (let position = 0; position < symbols.length - 1; position++) {
      const [a, b] = [symbols[position], symbols[position + 1]];
      if (a === b || a === undefined || b === undefined) continue;
      const swapped = grouped(symbols.slice(0, position) + b + a + symbols.slice(position + 2));
      if (decodeReferenceCode(swapped).ok) undetected.push(swapped);
    }
    expect(undetected).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['only dashes and spaces', '----  -'],
    ['one symbol short', nothingRun.slice(0, -1)],
    ['one symbol too many', `${nothingRun}1`],
    ['twice the code', nothingRun + nothingRun],
  ])('a code of the wrong length: %s', (_what, typed) => {
    expectInvalid(decodeReferenceCode(typed), typed);
  });

  it.each([
    ['U, which Crockford leaves out', 'U000-0000-001'],
    ['punctuation', '1000-0000-0*1'],
    ['a dot instead of a dash', '1000.000-001'],
    ['a non-Latin letter', '1000-0000-0Ö1'],
  ])('a code with an unknown symbol: %s', (_what, typed) => {
    expectInvalid(decodeReferenceCode(typed), typed);
  });

  it('a code from another report version, even with a correct check symbol', () => {
    for (const version of [0, 2, 31]) {
      const typed = codeWithCheckSymbol([version, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      expectInvalid(decodeReferenceCode(typed), typed);
    }
    // The helper writes real codes: with this version it gives back what the encoder writes.
    expect(codeWithCheckSymbol([REPORT_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe(nothingRun);
  });

  it('a check symbol that names no reason of its check, even with a correct check symbol', () => {
    for (const [i, check] of CHECK_IDS.entries()) {
      const values = [REPORT_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0];
      values[i + 1] = CHECK_REASONS[check].length + 1;
      const typed = codeWithCheckSymbol(values);
      expectInvalid(decodeReferenceCode(typed), `${check}: ${typed}`);
    }
  });
});

describe('createReport', () => {
  const results = [result('browser', 'browser.ok'), { ...result('camera', 'camera.black_frame'), status: 'fail' as const, measured: { width: 640, height: 480, devices: ['FaceTime HD'] } }, { ...result('speaker', 'check.timed_out'), status: 'warn' as const, measured: { limitMs: 90_000 } }];

  it('holds the version, the reference code, the time and the results', () => {
    const report = createReport(results, 1_718_000_000_000);
    expect(report).toEqual({ version: REPORT_VERSION, code: encodeReferenceCode(results), at: 1_718_000_000_000, results });
    expect(decodeReferenceCode(report.code)).toEqual({ ok: true, version: REPORT_VERSION, reasons: { browser: 'browser.ok', camera: 'camera.black_frame', speaker: 'check.timed_out' } });
  });

  it('is a valid CheckReport', () => {
    const parsed = CheckReport.safeParse(createReport(results, 1_718_000_000_000));
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.success).toBe(true);
    expect(CheckReport.safeParse(createReport([], 0)).success).toBe(true);
  });
});
