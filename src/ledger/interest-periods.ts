/**
 * Cutting the time an invoice bears interest into periods of one base and one half-year.
 * Days are handled as integer day numbers (days since 1970-01-01, UTC) inside the loop: an
 * invoice late for years has dozens of periods, and building a Date per step through
 * date-fns made interest on 100,000 invoices take most of a minute. Dates are made only for
 * the output, by calendar arithmetic, so no time zone can move a day.
 */
import { sub, type Cents } from '../model/money.js';
import type { IsoDate } from '../model/types.js';
import { halfOf, nextHalfStart, type HalfYear } from './rates.js';

const MS_PER_DAY = 86_400_000;

/** Date parts are two- and four-digit strings checked by the date parsers. */
export function dayNumber(d: IsoDate): number {
  return Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / MS_PER_DAY;
}

/** Days since 1970-01-01 to `YYYY-MM-DD` (H. Hinnant's civil_from_days; years 1900–2099 here). */
export function dayIso(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}` as IsoDate;
}

export interface Span {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Both ends included. */
  readonly days: number;
  readonly half: HalfYear;
  readonly base: Cents;
}

export interface CreditOn {
  readonly date: IsoDate;
  readonly amount: Cents;
}

/**
 * The spans from `start` to `end` (both included) with a positive base: `amount` less every
 * credit dated before the span's first day (a credit dated P lowers the base from P + 1).
 * Cut at 1 January, 1 July and at each base change.
 */
export function splitSpans(start: IsoDate, end: IsoDate, amount: Cents, credits: readonly CreditOn[]): Span[] {
  const first = dayNumber(start);
  const stop = dayNumber(end) + 1;
  // Day numbers are whole days; amounts stay integer Cents, changed only through `sub` (exact).
  const changes: { readonly day: number; readonly amount: Cents }[] = credits
    .map((c) => ({ day: dayNumber(c.date) + 1, amount: c.amount }))
    .sort((a, b) => a.day - b.day);
  let base: Cents = amount;
  let k = 0;
  while (k < changes.length && changes[k]!.day <= first) base = sub(base, changes[k++]!.amount);

  const spans: Span[] = [];
  let halfEnd = -Infinity;
  let half = '';
  for (let from = first; from < stop; ) {
    const fromIso = dayIso(from);
    if (from >= halfEnd) {
      half = halfOf(fromIso);
      halfEnd = dayNumber(nextHalfStart(fromIso));
    }
    let next = Math.min(halfEnd, stop);
    if (k < changes.length && changes[k]!.day < next) next = changes[k]!.day;
    if (base > 0) spans.push({ from: fromIso, to: dayIso(next - 1), days: next - from, half, base });
    while (k < changes.length && changes[k]!.day <= next) base = sub(base, changes[k++]!.amount);
    from = next;
  }
  return spans;
}
