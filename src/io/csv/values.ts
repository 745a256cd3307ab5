/**
 * Reading one CSV value: amounts, dates, required text. Each reader answers a value or a
 * problem shaped `found "X", expected Y`, on the row's line and the field's name.
 */
import { parseAmount, type Cents } from '../../model/money.js';
import { parseCsvDate } from '../../model/dates.js';
import { error, foundExpected } from '../../model/problems.js';
import type { IsoDate, Problem } from '../../model/types.js';
import { cell, type CsvRow, type CsvTable } from './table.js';

export type Read<T> = { ok: true; value: T } | { ok: false; problem: Problem };

const fail = (table: CsvTable, row: CsvRow, field: string, message: string): Read<never> => ({
  ok: false,
  problem: error(message, { file: table.file, line: row.line }, field),
});

export function readText(table: CsvTable, row: CsvRow, field: string, expected: string): Read<string> {
  const v = cell(table, row, field);
  return v === '' ? fail(table, row, field, foundExpected(v, expected)) : { ok: true, value: v };
}

export function readDate(table: CsvTable, row: CsvRow, field: string, optional = false): Read<IsoDate | null> {
  const v = cell(table, row, field);
  if (v === '' && optional) return { ok: true, value: null };
  const d = parseCsvDate(v);
  if (d) return { ok: true, value: d };
  // `1/26/2013` reads as a US date: say so, but never read the file that way (DD/MM is the contract).
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  const hint = us && parseCsvDate(`${us[2]}/${us[1]}/${us[3]}`) ? ' (this looks like a US date MM/DD/YYYY: convert the column)' : '';
  return fail(table, row, field, foundExpected(v, `a date YYYY-MM-DD or DD/MM/YYYY${hint}`));
}

export type DecimalStyle = 'comma' | 'dot';

/**
 * The decimal separator a file's amounts show, when they show one without contradiction:
 * `12,50` or `1 234,50` can only be decimal comma, `12.50` only decimal dot. Used to read an
 * amount such as `1.234` that alone could be read two ways; null when the file does not say.
 */
export function fileDecimalStyle(values: Iterable<string>): DecimalStyle | null {
  let comma = false;
  let dot = false;
  for (const v of values) {
    if (v.trim() === '' || !parseAmount(v, 'auto').ok) continue;
    const c = parseAmount(v, 'comma').ok;
    const d = parseAmount(v, 'dot').ok;
    if (c && !d) comma = true;
    if (d && !c) dot = true;
  }
  return comma === dot ? null : comma ? 'comma' : 'dot';
}

/** The config's `csv.decimal`, or a lazy look at the whole file (needed only for `1.234`). */
export type AmountStyle = DecimalStyle | (() => DecimalStyle | null);

/** Memoises the file's decimal style: computed at most once, and only when an amount needs it. */
export function fileStyleOf(values: () => Iterable<string>): () => DecimalStyle | null {
  let memo: DecimalStyle | null | undefined;
  return () => (memo === undefined ? (memo = fileDecimalStyle(values())) : memo);
}

/**
 * An amount in cents. `style` is the config's `csv.decimal`, else what the file shows
 * (fileDecimalStyle), else null: then an amount that reads two ways stops the run with a
 * message saying how to settle it, never a guess.
 */
export function readAmount(table: CsvTable, row: CsvRow, field: string, style: AmountStyle): Read<Cents> {
  const v = cell(table, row, field);
  let r = parseAmount(v, typeof style === 'string' ? style : 'auto');
  const ambiguous = !r.ok && r.expected.includes('"decimal"');
  const fileStyle = ambiguous && typeof style === 'function' ? style() : null;
  if (fileStyle) r = parseAmount(v, fileStyle);
  if (r.ok) return { ok: true, value: r.cents };
  if (ambiguous && !fileStyle) {
    const sep = v.includes(',') ? ',' : '.';
    return fail(
      table,
      row,
      field,
      foundExpected(
        v,
        `an amount that reads one way only ("${sep}" could be a decimal ${sep === ',' ? 'comma' : 'point'} or a thousands separator); set "csv": {"decimal": "comma"} or {"decimal": "dot"} in the config`,
      ),
    );
  }
  return fail(table, row, field, foundExpected(v, r.expected === 'an amount' ? 'an amount like 1234,50 or 1234.50' : r.expected));
}
