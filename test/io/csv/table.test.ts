import { describe, expect, it } from 'vitest';
import { cell, parseCsvTable } from '../../../src/io/csv/table.js';
import { INVOICE_COLUMNS } from '../../../src/io/csv/invoices.js';
import { PAYMENT_COLUMNS, parsePaymentsCsv } from '../../../src/io/csv/payments.js';

const HEAD = ['number', 'customer', 'date', 'amount'];
const rows = (sep: string) => [HEAD.join(sep), ['F1', 'C1', '2026-01-02', '10.00'].join(sep)].join('\n');

describe('separator', () => {
  for (const [name, sep] of [['semicolon', ';'], ['comma', ','], ['tab', '\t']] as const) {
    it(`is found from the header row: ${name}`, () => {
      const t = parseCsvTable(rows(sep), 'i.csv', INVOICE_COLUMNS, {});
      expect(t.problems).toEqual([]);
      expect(t.value!.separator).toBe(sep);
      expect(cell(t.value!, t.value!.rows[0]!, 'amount')).toBe('10.00');
    });
  }

  it('keeps the only reading that finds the required columns when the header holds two separators', () => {
    const t = parseCsvTable('number;customer;date;amount;"Nom, prénom"\nF1;C1;2026-01-02;1,50;X\n', 'i.csv', INVOICE_COLUMNS, {});
    expect(t.value!.separator).toBe(';');
    const u = parseCsvTable('number;customer,date,amount\n', 'i.csv', INVOICE_COLUMNS, {});
    expect(u.value).toBeNull();
    expect(u.problems[0]!.message).toBe('cannot tell the separator: the header row holds ";" and ","; keep one of them, or quote the headers that contain the other');
  });

  it('reports a header row without a separator', () => {
    const t = parseCsvTable('number customer date amount\nF1 C1\n', 'i.csv', INVOICE_COLUMNS, {});
    expect(t.problems.map((p) => [p.source?.line, p.message])).toEqual([[1, 'found "number customer date amount", expected a header row separated by ";", "," or tab']]);
  });
});

describe('records', () => {
  it('reads quoted values holding the separator and doubled quotes', () => {
    const r = parsePaymentsCsv('id;customer;date;amount;reference\nP1;C1;2026-01-02;10,00;"Virement ""F1""; merci"\n', 'p.csv');
    expect(r.problems).toEqual([]);
    expect(r.value[0]!.label).toBe('Virement "F1"; merci');
  });

  it('keeps a value that merely starts with a quote as written', () => {
    const r = parsePaymentsCsv('id;customer;date;amount;reference\nP1;C1;2026-01-02;10,00;"ACME" F1\nP2;C1;2026-01-03;5,00;x\n', 'p.csv');
    expect(r.problems).toEqual([]);
    expect(r.value.map((e) => e.label)).toEqual(['"ACME" F1', 'x']);
  });

  it('reports an unclosed quote instead of swallowing the rest of the file silently', () => {
    const r = parsePaymentsCsv('id;customer;date;amount;reference\nP1;C1;2026-01-02;10,00;ok\nP2;C1;2026-01-02;10,00;"never closed\nP3;C1;2026-01-03;5,00;x\n', 'p.csv');
    expect(r.value.map((e) => e.ref)).toEqual(['P1']);
    expect(r.problems).toEqual([
      {
        severity: 'error',
        source: { file: 'p.csv', line: 3 },
        message: 'a quote opened on or after this line is never closed: the rest of the file cannot be read (a value starting with " must be written in quotes with its quotes doubled)',
      },
    ]);
  });

  it('gives each record the line it starts on, across blank lines, CRLF and quoted line breaks', () => {
    const t = parseCsvTable('id;customer;date;amount;reference\r\n\r\nP1;C1;2026-01-02;1;"two\r\nlines"\r\nP2;C1;2026-01-02;2;x\r\n', 'p.csv', PAYMENT_COLUMNS, {});
    expect(t.value!.rows.map((r) => r.line)).toEqual([3, 5]);
    expect(t.problems.map((p) => [p.severity, p.source?.line, p.message])).toEqual([
      ['warning', 3, 'this record spans lines 3 to 4 (a quoted value holds a line break): check for a stray quote'],
    ]);
  });

  it('reports a row with more fields than the header (an unquoted separator)', () => {
    const t = parseCsvTable('number,customer,date,amount\nF1,C1,2026-01-02,12,50\nF2,C1,2026-01-02,"12,50"\nF3,C1,2026-01-02,3,\n', 'i.csv', INVOICE_COLUMNS, {});
    expect(t.value!.rows.map((r) => r.line)).toEqual([3]);
    expect(t.problems.map((p) => [p.source?.line, p.message])).toEqual([
      [2, 'found 5 fields, expected 4 as in the header: a value holding the separator "," must be written in quotes'],
      [4, 'found 5 fields, expected 4 as in the header: remove the trailing separators, or add them to the header'],
    ]);
  });

  it('a row with fewer fields than the header is an error, even when only optional trailing fields are missing', () => {
    const t = parseCsvTable('number;customer;date;amount;due_date\nF1;C1;2026-01-02;12,50\nF2;C1;2026-01-02;12,50;\n', 'i.csv', INVOICE_COLUMNS, {});
    expect(t.value!.rows.map((r) => r.line)).toEqual([3]);
    expect(t.problems).toEqual([
      { severity: 'error', source: { file: 'i.csv', line: 2 }, message: 'found 4 fields, expected 5 as in the header: every row needs all the separators of the header, even for empty values' },
    ]);
  });

  it('reports an empty file', () => {
    const t = parseCsvTable('\n  \n', 'i.csv', INVOICE_COLUMNS, {});
    expect(t.value).toBeNull();
    expect(t.problems).toEqual([{ severity: 'error', source: { file: 'i.csv', line: 1 }, message: 'the file is empty, expected a header row and data lines' }]);
  });

  it('a header without data lines is an error, as for a FEC', () => {
    const t = parseCsvTable('number;customer;date;amount\n\n', 'i.csv', INVOICE_COLUMNS, {});
    expect(t.problems).toEqual([{ severity: 'error', source: { file: 'i.csv', line: 1 }, message: 'found only the header row, expected data lines after it' }]);
  });

  it('a file of separators only has no header: an error', () => {
    for (const text of [';;;\n', ';;;\n;;;\n', ';;;\nnumber;customer;date;amount\nF1;C1;2026-01-02;1\n']) {
      const t = parseCsvTable(text, 'i.csv', INVOICE_COLUMNS, {});
      expect(t.value).toBeNull();
      expect(t.problems).toEqual([{ severity: 'error', source: { file: 'i.csv', line: 1 }, message: 'found ";;;", expected a header row naming the columns' }]);
    }
  });

  it('two columns with the same header: an error naming both, never the first silently', () => {
    const t = parseCsvTable('number;customer;Number;date;amount\nF1;C1;F2;2026-01-02;1\n', 'i.csv', INVOICE_COLUMNS, {});
    expect(t.problems).toEqual([
      { severity: 'error', source: { file: 'i.csv', line: 1 }, field: 'number', message: 'found two columns for number: "number" (column 1) and "Number" (column 3), expected one: rename or remove one of them' },
    ]);
    expect(t.value).toBeNull();
  });
});

describe('leading blank lines', () => {
  it('finds the header after blank lines and keeps line numbers', () => {
    const t = parseCsvTable('\n\nnumber;customer;date;amount\nF1;C1;2026-01-02;1\n', 'i.csv', INVOICE_COLUMNS, {});
    expect(t.problems).toEqual([]);
    expect(t.value!.rows.map((r) => r.line)).toEqual([4]);
  });

  it('reports a missing column on the header row itself, not on line 1', () => {
    const t = parseCsvTable('\n\nnumber;customer;date\nF1;C1;2026-01-02\n', 'i.csv', INVOICE_COLUMNS, {});
    expect(t.value).toBeNull();
    expect(t.problems.map((p) => [p.severity, p.source])).toEqual([['error', { file: 'i.csv', line: 3 }]]);
    expect(t.problems[0]!.message).toMatch(/^missing required column amount /);
  });
});
