/**
 * FEC field values, parsed with character loops: a 1M-line file has 2M amounts and 3M dates,
 * and these run on every line (validation covers all lines, not only customer ones).
 * The general CSV parser (model/money.ts parseAmount) accepts much more than the FEC does.
 */
import type { IsoDate } from '../../model/types.js';

/** Marks an amount that is not a FEC amount. */
export const BAD_AMOUNT = Number.NaN;

/**
 * FEC amount to integer cents: decimal comma, no thousands separator, optional sign first
 * or last (`-12,50`, `12,50-`, `+12,50`), surrounding spaces and zero padding allowed
 * (`0000000069,60`), at most two decimals (more only if they are zeros). Empty reads as 0.
 * Anything else (a `.`, a space inside, letters) gives NaN.
 */
export function parseFecAmount(s: string): number {
  let i = 0;
  let n = s.length;
  while (i < n && s.charCodeAt(i) === 32) i++;
  while (n > i && s.charCodeAt(n - 1) === 32) n--;
  if (i === n) return 0;
  let negative = false;
  let c = s.charCodeAt(i);
  if (c === 45 /* - */ || c === 43 /* + */) {
    negative = c === 45;
    i++;
  } else {
    c = s.charCodeAt(n - 1);
    if (c === 45 || c === 43) {
      negative = c === 45;
      n--;
    }
  }
  let units = 0;
  let digits = 0;
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      units = units * 10 + (c - 48);
      digits++;
    } else break;
  }
  let frac = 0;
  if (i < n) {
    if (s.charCodeAt(i) !== 44 /* , */) return BAD_AMOUNT;
    i++;
    let fd = 0;
    for (; i < n; i++) {
      c = s.charCodeAt(i);
      if (c < 48 || c > 57) return BAD_AMOUNT;
      if (fd < 2) frac = frac * 10 + (c - 48);
      else if (c !== 48) return BAD_AMOUNT; // a third non-zero decimal is not money
      fd++;
      digits++;
    }
    if (fd === 1) frac *= 10;
  }
  if (digits === 0) return BAD_AMOUNT;
  const cents = units * 100 + frac;
  if (!Number.isSafeInteger(cents)) return BAD_AMOUNT;
  return negative && cents !== 0 ? -cents : cents;
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * FEC date `AAAAMMJJ` (space padding allowed) to the number `yyyymmdd`; 0 when empty, -1
 * when not a real calendar day between 1900 and 2099 (the range model/dates.ts accepts).
 */
export function parseFecDateNum(s: string): number {
  let i = 0;
  let n = s.length;
  while (i < n && s.charCodeAt(i) === 32) i++;
  while (n > i && s.charCodeAt(n - 1) === 32) n--;
  if (i === n) return 0;
  if (n - i !== 8) return -1;
  let v = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  const y = Math.trunc(v / 10000);
  const m = Math.trunc(v / 100) % 100;
  const d = v % 100;
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return -1;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : DAYS[m]!)) return -1;
  return v;
}

/** `20220831` → `2022-08-31`. Only for numbers from parseFecDateNum. */
export function dateNumToIso(v: number): IsoDate {
  const s = String(v);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` as IsoDate;
}

/** True when the field is empty or spaces only (FEC fields may be space-padded). */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 32) return false;
  return true;
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
