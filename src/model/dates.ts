/**
 * Calendar dates as ISO strings. Date arithmetic goes through date-fns, which works in the
 * machine's local time: a day is handed to it as a local-midnight Date and read back from
 * its local fields, so the calendar date is what date-fns computes on, in any time zone and
 * across clock changes. (UTC-midnight Dates were wrong there: in Paris, adding days across
 * the spring clock change lost one; west of UTC, a UTC midnight is the previous local day.)
 */
// One module per function: the date-fns index loads hundreds of modules (~0.1 s at every start).
import { addDays as fnsAddDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { endOfMonth } from 'date-fns/endOfMonth';
import { isValid } from 'date-fns/isValid';
import type { IsoDate } from './types.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function build(y: number, m: number, d: number): IsoDate | null {
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as IsoDate;
}

/** `YYYY-MM-DD`, a real calendar day between 1900 and 2099; null otherwise. */
export function parseIsoDate(s: string): IsoDate | null {
  const m = ISO.exec(s.trim());
  return m ? build(+m[1]!, +m[2]!, +m[3]!) : null;
}

/** FEC `AAAAMMJJ`. */
export function parseFecDate(s: string): IsoDate | null {
  const t = s.trim();
  if (!/^\d{8}$/.test(t)) return null;
  return build(+t.slice(0, 4), +t.slice(4, 6), +t.slice(6, 8));
}

/** `DD/MM/YYYY` (also `DD-MM-YYYY`, `DD.MM.YYYY`) or `YYYY-MM-DD`. */
export function parseCsvDate(s: string): IsoDate | null {
  const t = s.trim();
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (fr) return build(+fr[3]!, +fr[2]!, +fr[1]!);
  return parseIsoDate(t);
}

/** Local midnight of the day (the form date-fns computes on). */
export function toDate(d: IsoDate): Date {
  return new Date(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
}

/** The local calendar day of `d`. */
export function fromDate(d: Date): IsoDate {
  if (!isValid(d)) throw new RangeError('invalid date');
  return localToday(d);
}

/** The local calendar date of `now` (the user's today, for `--as-of` defaults). */
export function localToday(now: Date): IsoDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}` as IsoDate;
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDate(fnsAddDays(toDate(d), n));
}

/** `b - a` in calendar days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return differenceInCalendarDays(toDate(b), toDate(a));
}

export function endOfMonthOf(d: IsoDate): IsoDate {
  return fromDate(endOfMonth(toDate(d)));
}

export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);

/** `22/11/2026`: the French console format. */
export function formatDateFr(d: IsoDate): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}
