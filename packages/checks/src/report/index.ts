/**
 * @module The check report handed to agents, and its reference code: 11 characters a candidate can
 * read out on the phone that decode, with no server, to each check's reason.
 *
 * The code is Crockford base 32 (no I, L, O, U: nothing to mishear): the report version, then one
 * symbol per check in `CHECK_IDS` order (0 = not run, n = the n-th reason in `CHECK_REASONS`), then
 * a weighted check symbol, grouped 4-4-3: `1F5K-8G6H-2A7`.
 */
import { CHECK_IDS, CHECK_REASONS, LifelineError, REPORT_VERSION, type CheckId, type CheckReason, type CheckReport, type CheckResult } from '@lifeline/protocol';

const SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function createReport(results: CheckResult[], at: number): CheckReport {
  return { version: REPORT_VERSION, code: encodeReferenceCode(results), at, results };
}

export function encodeReferenceCode(results: readonly CheckResult[]): string {
  const values = [REPORT_VERSION, ...CHECK_IDS.map((check) => reasonIndex(check, results.findLast((r) => r.check === check)?.reason))];
  const symbols = [...values, checkValue(values)].map((value) => SYMBOLS[value]).join('');
  return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
}

export type DecodedReference = { ok: true; version: number; reasons: Partial<Record<CheckId, CheckReason>> } | { ok: false; error: LifelineError };

/** Reads a code as an agent types it: any case, with or without dashes and spaces, I/L read as 1 and O as 0. */
export function decodeReferenceCode(code: string): DecodedReference {
  const cleaned = code.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  const values = [...cleaned].map((symbol) => SYMBOLS.indexOf(symbol));
  const invalid = (why: string) => ({ ok: false as const, error: new LifelineError('report.code_invalid', `"${code}" is not a check reference code: ${why}; ask the candidate to read it again (it looks like 1F5K-8G6H-2A7)`) });
  if (values.length !== CHECK_IDS.length + 2) return invalid(`it has ${values.length} symbols, not ${CHECK_IDS.length + 2}`);
  if (values.includes(-1)) return invalid('it has a symbol that is not a letter or digit');
  const check = values.pop();
  if (check !== checkValue(values)) return invalid('a symbol was misheard (the last symbol does not match)');
  if (values[0] !== REPORT_VERSION) return invalid(`it is from report version ${values[0]}, this reader knows ${REPORT_VERSION}`);
  const reasons: Partial<Record<CheckId, CheckReason>> = {};
  for (const [i, check] of CHECK_IDS.entries()) {
    const index = values[i + 1] ?? 0;
    if (index === 0) continue;
    const reason = CHECK_REASONS[check][index - 1];
    if (!reason) return invalid(`the ${check} symbol names no known reason`);
    reasons[check] = reason;
  }
  return { ok: true, version: REPORT_VERSION, reasons };
}

function reasonIndex(check: CheckId, reason: string | undefined): number {
  if (reason === undefined) return 0;
  const index = (CHECK_REASONS[check] as readonly string[]).indexOf(reason);
  return index + 1;
}

/** Position-weighted sum mod 31 (a prime): a misheard symbol or two swapped ones change it. */
function checkValue(values: readonly number[]): number {
  return values.reduce((sum, value, i) => sum + value * (i + 1), 0) % 31;
}
