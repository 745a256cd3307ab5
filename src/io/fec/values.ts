/**
 * FEC field values, parsed with character loops: a 1M-line file has 2M amounts and 3M dates,
 * and these run on every line (validation covers all lines, not only customer ones).
 * The general CSV parser (model/money.ts parseAmount) accepts much more than the FEC does.
 */
import type { IsoDate } from '../../model/types.js';
import { amountAt, blankAt, dateAt } from './ranges.js';

export { BAD_AMOUNT } from './ranges.js';

/**
 * FEC amount to integer cents: decimal comma, no thousands separator, optional sign first
 * or last (`-12,50`, `12,50-`, `+12,50`), surrounding spaces and zero padding allowed
 * (`0000000069,60`), at most two decimals (more only if they are zeros). Empty reads as 0.
 * Anything else (a `.`, a space inside, letters) gives NaN.
 */
export function parseFecAmount(s: string): number {
  return amountAt(s, 0, s.length);
}

/**
 * Whether `s`, not a FEC amount, fails for its size only: the same text with its first run of
 * digits (the units) shrunk to `0` reads as an amount. Only for messages, after a NaN.
 */
export function fecAmountTooLarge(s: string): boolean {
  return !Number.isNaN(parseFecAmount(s.replace(/\d+/, '0')));
}

/**
 * FEC date `AAAAMMJJ` (space padding allowed) to the number `yyyymmdd`; 0 when empty, -1
 * when not a real calendar day between 1900 and 2099 (the range model/dates.ts accepts).
 */
export function parseFecDateNum(s: string): number {
  return dateAt(s, 0, s.length);
}

/** `20220831` → `2022-08-31`. Only for numbers from parseFecDateNum. */
export function dateNumToIso(v: number): IsoDate {
  const s = String(v);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` as IsoDate;
}

/** True when the field is empty or spaces only (FEC fields may be space-padded). */
export function isBlank(s: string): boolean {
  return blankAt(s, 0, s.length);
}

/** Lower case without accents, for journal names ("Opérations" → "operations"). */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** `12,34`, `-5,00`: an amount in cents written the FEC way, for messages. */
export function formatFecCents(c: number): string {
  const neg = c < 0;
  const a = Math.abs(c);
  return `${neg ? '-' : ''}${Math.trunc(a / 100)},${String(a % 100).padStart(2, '0')}`;
}
