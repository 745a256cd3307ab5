/**
 * Interest rates per half-year: the shipped table (rates-data.ts) merged with the config's
 * `interest.rates`, validated into decimals. Pure: the caller passes the rows and overrides.
 * A rate that is not known stays null, so that a computation needing it can say so rather
 * than guess (FACTS.md: never invent a rate).
 */
import { Dec } from '../model/money.js';
import { error, foundExpected } from '../model/problems.js';
import type { Checked, IsoDate, Problem, Source } from '../model/types.js';
import type { RateRow } from './rates-data.js';

/** `2026-S2`. */
export type HalfYear = string;

export interface HalfYearRate {
  readonly half: HalfYear;
  /** ECB main refinancing rate in force on the half-year's first day, percent. */
  readonly ecb: Dec | null;
  /** L441-10 II default penalty rate: ecb + 10 points. */
  readonly b2b: Dec | null;
  /** Legal interest rate, "autres cas". */
  readonly legalOther: Dec | null;
  /** Legal interest rate, "particuliers". */
  readonly legalPerson: Dec | null;
  readonly sources: readonly string[];
}

export type RateTable = ReadonlyMap<HalfYear, HalfYearRate>;

/** The config's `interest.rates` items (config/schema.ts). */
export interface RateOverride {
  readonly half: string;
  readonly ecb?: string | undefined;
  readonly legalOther?: string | undefined;
  readonly legalPerson?: string | undefined;
  readonly source?: string | undefined;
}

const HALF = /^(\d{4})-S([12])$/;
const RATE = /^\d{1,3}(\.\d{1,4})?$/;
export const B2B_MARGIN = new Dec(10);

export function halfOf(d: IsoDate): HalfYear {
  return `${d.slice(0, 4)}-S${d.slice(5, 7) <= '06' ? 1 : 2}`;
}

export function halfStart(half: HalfYear): IsoDate {
  const m = HALF.exec(half);
  if (!m) throw new RangeError(`not a half-year: ${half}`);
  return `${m[1]}-${m[2] === '1' ? '01' : '07'}-01` as IsoDate;
}

/** The first day of the half-year after the one holding `d`. */
export function nextHalfStart(d: IsoDate): IsoDate {
  const y = Number(d.slice(0, 4));
  return (d.slice(5, 7) <= '06' ? `${y}-07-01` : `${y + 1}-01-01`) as IsoDate;
}

/** `1 July 2026`: the day whose rate a half-year uses. */
export function describeHalfStart(half: HalfYear): string {
  const m = HALF.exec(half);
  return m ? `${m[2] === '1' ? '1 January' : '1 July'} ${m[1]}` : half;
}

/** A percent as text: at least two decimals, `12.15`, `12.125`. */
export function formatRate(r: Dec): string {
  return r.toFixed(Math.max(2, r.decimalPlaces()));
}

function rate(raw: string | undefined, field: string, problems: Problem[], source: Source | undefined): Dec | null {
  if (raw === undefined) return null;
  if (!RATE.test(raw)) {
    problems.push(error(foundExpected(raw, 'a rate in percent like "12.15"'), source, field));
    return null;
  }
  return new Dec(raw);
}

/**
 * Validates the shipped rows and applies the overrides: an override replaces the fields it
 * gives (an `ecb` also sets b2b = ecb + 10) or adds a half-year. `overrideSource` names the
 * config file in problems.
 */
export function buildRateTable(
  rows: readonly RateRow[],
  overrides: readonly RateOverride[],
  overrideSource?: Source,
): Checked<RateTable> {
  const problems: Problem[] = [];
  const table = new Map<HalfYear, HalfYearRate>();
  for (const r of rows) {
    const at = `rates[${r.half}]`;
    if (!HALF.test(r.half)) problems.push(error(foundExpected(r.half, 'a half-year like "2026-S1"'), undefined, `${at}.half`));
    if (table.has(r.half)) problems.push(error(foundExpected(r.half, 'each half-year once'), undefined, `${at}.half`));
    const ecb = rate(r.ecb, `${at}.ecb`, problems, undefined);
    const b2b = rate(r.b2b, `${at}.b2b`, problems, undefined);
    if (ecb && b2b && !ecb.plus(B2B_MARGIN).equals(b2b)) {
      problems.push(error(foundExpected(r.b2b, `the ECB rate plus 10 points, ${formatRate(ecb.plus(B2B_MARGIN))}`), undefined, `${at}.b2b`));
    }
    table.set(r.half, {
      half: r.half,
      ecb,
      b2b,
      legalOther: rate(r.legalOther, `${at}.legalOther`, problems, undefined),
      legalPerson: rate(r.legalPerson, `${at}.legalPerson`, problems, undefined),
      sources: [r.sources.ecb, r.sources.legal],
    });
  }
  const seen = new Set<string>();
  overrides.forEach((o, i) => {
    const at = `interest.rates.${i}`;
    if (!HALF.test(o.half)) {
      problems.push(error(foundExpected(o.half, 'a half-year like "2026-S2"'), overrideSource, `${at}.half`));
      return;
    }
    if (seen.has(o.half)) {
      problems.push(error(foundExpected(o.half, 'each half-year once in interest.rates'), overrideSource, `${at}.half`));
      return;
    }
    seen.add(o.half);
    const before = table.get(o.half);
    const ecb = rate(o.ecb, `${at}.ecb`, problems, overrideSource);
    const legalOther = rate(o.legalOther, `${at}.legalOther`, problems, overrideSource);
    const legalPerson = rate(o.legalPerson, `${at}.legalPerson`, problems, overrideSource);
    const source = `config interest.rates (${o.half})${o.source ? `: ${o.source}` : ''}`;
    table.set(o.half, {
      half: o.half,
      ecb: ecb ?? before?.ecb ?? null,
      b2b: ecb ? ecb.plus(B2B_MARGIN) : (before?.b2b ?? null),
      legalOther: legalOther ?? before?.legalOther ?? null,
      legalPerson: legalPerson ?? before?.legalPerson ?? null,
      sources: [...(before?.sources ?? []), source],
    });
  });
  return { value: table, problems };
}
