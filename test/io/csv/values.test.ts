import { describe, expect, it } from 'vitest';
import { parseInvoicesCsv } from '../../../src/io/csv/invoices.js';
import { fileDecimalStyle } from '../../../src/io/csv/values.js';
import type { CsvReadOptions } from '../../../src/io/csv/options.js';

const HEAD = 'number;customer;date;amount\n';
const invoices = (lines: string[], opts: CsvReadOptions = {}) => parseInvoicesCsv(HEAD + lines.join('\n') + '\n', 'i.csv', opts);
const amountOf = (raw: string, opts: CsvReadOptions = {}) => {
  const r = invoices([`F1;C1;2026-01-02;${raw}`], opts);
  return r.value[0]?.amount ?? r.problems.map((p) => p.message).join(' | ');
};

describe('amounts', () => {
  it.each([
    ['1234,50', 123450],
    ['1234.50', 123450],
    ['10 000,00', 1000000],
    ['10\u00a0000,00', 1000000],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['12', 1200],
    ['0,5', 50],
    ['1 234,50 €', 123450],
  ])('reads %s', (raw, cents) => {
    expect(amountOf(raw)).toBe(cents);
  });

  it('stops on an amount that reads two ways, naming file, line and field and the config setting', () => {
    const r = invoices(['F1;C1;2026-01-02;1.234']);
    expect(r.value).toEqual([]);
    expect(r.problems).toEqual([
      {
        severity: 'error',
        source: { file: 'i.csv', line: 2 },
        field: 'amount',
        message: 'found "1.234", expected an amount that reads one way only ("." could be a decimal point or a thousands separator); set "csv": {"decimal": "comma"} or {"decimal": "dot"} in the config',
      },
    ]);
  });

  it('reads 1.234 as the config says', () => {
    expect(amountOf('1.234', { decimal: 'comma' })).toBe(123400);
    expect(amountOf('1,234', { decimal: 'dot' })).toBe(123400);
    expect(amountOf('1.23', { decimal: 'dot' })).toBe(123);
  });

  it('reads 1.234 as the rest of the file shows (decimal comma elsewhere)', () => {
    const r = invoices(['F1;C1;2026-01-02;1.234', 'F2;C1;2026-01-02;12,50']);
    expect(r.problems).toEqual([]);
    expect(r.value.map((e) => e.amount)).toEqual([123400, 1250]);
    expect(fileDecimalStyle(['1.234', '12.50'])).toBe('dot');
    expect(fileDecimalStyle(['12,50', '12.50'])).toBeNull();
    expect(fileDecimalStyle(['12', '1.234'])).toBeNull();
  });

  it('reports 12.34.56', () => {
    const r = invoices(['F1;C1;2026-01-02;12.34.56']);
    expect(r.problems.map((p) => [p.source?.line, p.field, p.message])).toEqual([[2, 'amount', 'found "12.34.56", expected an amount like 1234,50 or 1 234,50']]);
  });

  it('reports text where an amount is expected', () => {
    const r = invoices(['F1;C1;2026-01-02;abc', 'F2;C1;2026-01-02;']);
    expect(r.problems.map((p) => [p.source?.line, p.message])).toEqual([
      [2, 'found "abc", expected an amount like 1234,50'],
      [3, 'found "", expected an amount like 1234,50 or 1234.50'],
    ]);
  });
});

describe('dates', () => {
  it.each([
    ['2026-01-31', '2026-01-31'],
    ['31/01/2026', '2026-01-31'],
    ['1/2/2026', '2026-02-01'],
    ['29/02/2028', '2028-02-29'],
  ])('reads %s', (raw, iso) => {
    expect(invoices([`F1;C1;${raw};1`]).value[0]!.date).toBe(iso);
  });

  it('says when a bad date looks like a US date', () => {
    const r = invoices(['F1;C1;1/26/2013;1']);
    expect(r.problems.map((p) => p.message)).toEqual(['found "1/26/2013", expected a date YYYY-MM-DD or DD/MM/YYYY (this looks like a US date MM/DD/YYYY: convert the column)']);
  });

  it('reports a bad date', () => {
    const r = invoices(['F1;C1;31/02/2026;1', 'F2;C1;2026/01/02;1']);
    expect(r.problems.map((p) => [p.source?.line, p.field, p.message])).toEqual([
      [2, 'date', 'found "31/02/2026", expected a date YYYY-MM-DD or DD/MM/YYYY'],
      [3, 'date', 'found "2026/01/02", expected a date YYYY-MM-DD or DD/MM/YYYY'],
    ]);
  });
});
