/**
 * FEC field values read in place, on a range `[i, n)` of a decoded block: the reader's fast
 * path (parser.ts `fastLine`) checks and sums a clean line without slicing it into field
 * strings; values.ts applies the same functions to a whole field string, so both paths read
 * a value alike. The fast path only trusts a success, any doubt sends the line to the split
 * path, which reports problems.
 */

/** Marks an amount that is not a FEC amount. */
export const BAD_AMOUNT = Number.NaN;

/** `parseFecAmount` on `t[i, n)`. */
export function amountAt(t: string, i: number, n: number): number {
  while (i < n && t.charCodeAt(i) === 32) i++;
  while (n > i && t.charCodeAt(n - 1) === 32) n--;
  if (i === n) return 0;
  let negative = false;
  let c = t.charCodeAt(i);
  if (c === 45 || c === 43) {
    negative = c === 45;
    i++;
  } else {
    c = t.charCodeAt(n - 1);
    if (c === 45 || c === 43) {
      negative = c === 45;
      n--;
    }
  }
  let units = 0;
  let digits = 0;
  for (; i < n; i++) {
    c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      units = units * 10 + (c - 48);
      digits++;
    } else break;
  }
  let frac = 0;
  if (i < n) {
    if (t.charCodeAt(i) !== 44) return BAD_AMOUNT;
    i++;
    let fd = 0;
    for (; i < n; i++) {
      c = t.charCodeAt(i);
      if (c < 48 || c > 57) return BAD_AMOUNT;
      if (fd < 2) frac = frac * 10 + (c - 48);
      else if (c !== 48) return BAD_AMOUNT;
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

/** `parseFecDateNum` on `t[i, n)`: yyyymmdd, 0 when blank, -1 when not a date. */
export function dateAt(t: string, i: number, n: number): number {
  while (i < n && t.charCodeAt(i) === 32) i++;
  while (n > i && t.charCodeAt(n - 1) === 32) n--;
  if (i === n) return 0;
  if (n - i !== 8) return -1;
  let v = 0;
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
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

/** `isBlank` on `t[i, n)`: empty or spaces only. */
export function blankAt(t: string, i: number, n: number): boolean {
  for (; i < n; i++) if (t.charCodeAt(i) !== 32) return false;
  return true;
}

/** Whether `String.prototype.trim` could change the text of `t[i, n)` (whitespace at an end). */
export function mayTrim(t: string, i: number, n: number): boolean {
  if (i === n) return false;
  const first = t.charCodeAt(i);
  const last = t.charCodeAt(n - 1);
  return first <= 32 || first >= 0x80 || last <= 32 || last >= 0x80;
}

