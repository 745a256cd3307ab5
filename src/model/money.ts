/**
 * Money is integer cents from the moment it is read until it is printed. Cents are exact up
 * to 2^53 (90 trillion euros), far beyond any ledger. Decimal arithmetic (decimal.js) is used
 * only where rates and divisions appear: see `Dec` below and ledger/interest.
 */
import { Decimal } from 'decimal.js';

export type Cents = number & { readonly __brand: 'Cents' };

export const ZERO = 0 as Cents;

/**
 * The readers refuse books whose amounts add up (in absolute value) to more than this,
 * 90 000 000 000 000,00, just under 2^53 cents: every sum made afterwards (balances,
 * allocations, buckets, totals) is a sum of some of those amounts, so it stays exact.
 */
export const MAX_TOTAL_CENTS = 9_000_000_000_000_000;
export const MAX_TOTAL_TEXT = '90 000 000 000 000,00';
export const TOTAL_EXPECTED = `an amount that keeps the total of the books' amounts below ${MAX_TOTAL_TEXT} (beyond that, cents cannot be added exactly)`;

export function cents(n: number): Cents {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of cents: ${n}`);
  return n as Cents;
}

export const add = (a: Cents, b: Cents): Cents => (a + b) as Cents;
export const sub = (a: Cents, b: Cents): Cents => (a - b) as Cents;
export const neg = (a: Cents): Cents => (a === 0 ? 0 : -a) as Cents;
export const min = (a: Cents, b: Cents): Cents => (a < b ? a : b);
export const sum = (xs: Iterable<Cents>): Cents => {
  let t = 0;
  for (const x of xs) t += x;
  return t as Cents;
};

/**
 * One configured Decimal clone for the whole program, never the global: 40 significant
 * digits and half-up rounding (the French practice for money: 0,005 € rounds to 0,01 €).
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** Rounding point: a decimal amount of euros to cents, half up (away from zero). */
export function decToCents(d: Dec): Cents {
  const c = d.times(100).toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  return cents(Number(c.toFixed(0)));
}

export function centsToDec(c: Cents): Dec {
  return new Dec(c).dividedBy(100);
}

/** `"1234.50"`: the machine format of JSON and CSV outputs. */
export function formatAmount(c: Cents): string {
  const negative = c < 0;
  const abs = Math.abs(c);
  const units = Math.trunc(abs / 100);
  const rest = abs % 100;
  return `${negative ? '-' : ''}${units}.${rest.toString().padStart(2, '0')}`;
}

/**
 * `"1 234,50 €"`: the French console format. A normal space groups thousands (Intl uses
 * U+202F, which many terminals and fonts show badly).
 */
export function formatEuroFr(c: Cents, symbol = true): string {
  const negative = c < 0;
  const abs = Math.abs(c);
  const units = Math.trunc(abs / 100).toString();
  const rest = (abs % 100).toString().padStart(2, '0');
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${negative ? '-' : ''}${grouped},${rest}${symbol ? '\u00a0€' : ''}`;
}

/** `"1,234.50 EUR"`-style English format for letters in English. */
export function formatEuroEn(c: Cents): string {
  const negative = c < 0;
  const abs = Math.abs(c);
  const units = Math.trunc(abs / 100).toString();
  const rest = (abs % 100).toString().padStart(2, '0');
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}€${grouped}.${rest}`;
}

export type AmountStyle = 'comma' | 'dot' | 'auto';

export type ParsedAmount = { ok: true; cents: Cents } | { ok: false; expected: string };

/**
 * Parses a written amount to cents without floating point.
 * - `comma`: decimal comma; spaces, NBSP, U+202F and `.` as thousands separators are accepted
 *   only in groups of three (`10 000,00`, `1.234,50`).
 * - `dot`: decimal dot; `,` or spaces group thousands (`1,234.50`).
 * - `auto`: decides only when the text is unambiguous; `1.234` or `1,234` are ambiguous and
 *   answer `{ ok: false }` with a message asking for the config's decimal setting.
 * A sign may stand first or last (`-12,50`, `12,50-`), as FEC exports do. More than two
 * decimals is refused (money has cents).
 */
export function parseAmount(raw: string, style: AmountStyle): ParsedAmount {
  let s = raw.trim().replace(/[\u00a0\u202f\u2009]/g, ' ');
  if (s === '') return { ok: false, expected: 'an amount' };
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s[0] === '-';
    s = s.slice(1).trim();
  } else if (s.endsWith('-') || s.endsWith('+')) {
    negative = s.endsWith('-');
    s = s.slice(0, -1).trim();
  }
  s = s.replace(/\s*(€|EUR)$/i, '');
  let decimalSep: ',' | '.' | null;
  if (style === 'comma') decimalSep = ',';
  else if (style === 'dot') decimalSep = '.';
  else decimalSep = guessDecimal(s);
  if (decimalSep === null) {
    return { ok: false, expected: 'an unambiguous amount: set "decimal" to "comma" or "dot" in the config' };
  }
  const groupSeps = decimalSep === ',' ? ['.', ' '] : [',', ' '];
  const [intPartRaw, fracPart, extra] = s.split(decimalSep);
  if (extra !== undefined) return { ok: false, expected: `an amount with one decimal ${decimalSep === ',' ? 'comma' : 'point'}` };
  let intPart = intPartRaw ?? '';
  if (groupSeps.some((g) => intPart.includes(g))) {
    const groups = intPart.split(/[ .,]/);
    const valid = /^\d{1,3}$/.test(groups[0] ?? '') && groups.slice(1).every((g) => /^\d{3}$/.test(g));
    const oneSep = new Set(intPart.replace(/\d/g, '')).size === 1;
    if (!valid || !oneSep) return { ok: false, expected: 'an amount like 1234,50 or 1 234,50' };
    intPart = groups.join('');
  }
  if (intPart === '' && (fracPart === undefined || fracPart === '')) return { ok: false, expected: 'an amount' };
  if (!/^\d*$/.test(intPart)) return { ok: false, expected: 'an amount like 1234,50' };
  const frac = fracPart ?? '';
  if (!/^\d{0,2}$/.test(frac)) {
    // Zero decimals beyond the cents are harmless (`12,500`); anything else is not money.
    if (!/^\d{2}0+$/.test(frac)) return { ok: false, expected: 'an amount with at most two decimals' };
  }
  const units = intPart === '' ? 0 : Number(intPart.replace(/^0+(?=\d)/, ''));
  const c = units * 100 + Number((frac + '00').slice(0, 2));
  if (!Number.isSafeInteger(c) || c > MAX_TOTAL_CENTS) return { ok: false, expected: `an amount below ${MAX_TOTAL_TEXT}` };
  return { ok: true, cents: (negative && c !== 0 ? -c : c) as Cents };
}

/** The decimal separator, when the text alone makes it certain; null when it does not. */
function guessDecimal(s: string): ',' | '.' | null {
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) return lastComma > lastDot ? ',' : '.';
  const sep = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : null;
  if (sep === null) return ','; // no separator at all: an integer, either reading agrees
  const after = s.length - s.lastIndexOf(sep) - 1;
  const count = s.split(sep).length - 1;
  if (count > 1) return sep === ',' ? '.' : ','; // 1.234.567 or 1,234,567: grouping
  if (after === 3) {
    // `1.234` / `1,234`: a thousands group or three decimals? Only a space group decides.
    return null;
  }
  return sep;
}
