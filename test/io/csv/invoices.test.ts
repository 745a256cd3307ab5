import { describe, expect, it } from 'vitest';
import { parseInvoicesCsv } from '../../../src/io/csv/invoices.js';

describe('invoices CSV', () => {
  it('builds debit entries, and credit notes from negative amounts', () => {
    const r = parseInvoicesCsv(
      'N° facture;Code client;Date facture;Échéance;Montant TTC;Devise;Raison sociale\nF1;C1;02/01/2026;01/02/2026;1 200,00;EUR;ACME\nA1;C1;2026-01-10;;-200,00;;ACME\n',
      'factures.csv',
    );
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual([
      {
        id: 'factures.csv:2',
        source: { file: 'factures.csv', line: 2 },
        customer: 'C1',
        customerName: 'ACME',
        account: '411',
        kind: 'invoice',
        side: 'debit',
        amount: 120000,
        ref: 'F1',
        date: '2026-01-02',
        dueDate: '2026-02-01',
        label: '',
        journal: '',
        entryNum: '',
        letter: null,
        letterDate: null,
        explicitInvoice: null,
        opening: false,
        currency: 'EUR',
      },
      expect.objectContaining({ kind: 'credit_note', side: 'credit', amount: 20000, ref: 'A1', dueDate: null }),
    ]);
  });

  it('reports a duplicate invoice number for the same customer, not for another', () => {
    const r = parseInvoicesCsv('number;customer;date;amount\nF1;C1;2026-01-02;10\nF1;C2;2026-01-02;10\nF1;C1;2026-01-03;20\n', 'i.csv');
    expect(r.value.map((e) => e.customer)).toEqual(['C1', 'C2']);
    expect(r.problems).toEqual([
      { severity: 'error', source: { file: 'i.csv', line: 4 }, field: 'number', message: 'found "F1", expected an invoice number not already used for customer C1 (it is on line 2)' },
    ]);
  });

  it('warns about an invoice dated after its due date', () => {
    const r = parseInvoicesCsv('number;customer;date;due_date;amount\nF1;C1;2026-02-01;2026-01-01;10\n', 'i.csv');
    expect(r.value).toHaveLength(1);
    expect(r.problems).toEqual([
      { severity: 'warning', source: { file: 'i.csv', line: 2 }, field: 'due_date', message: 'found "2026-01-01", expected a due date on or after the invoice date 2026-02-01' },
    ]);
  });

  it('refuses a currency other than the euro', () => {
    const r = parseInvoicesCsv('number;customer;date;amount;currency\nF1;C1;2026-01-02;10;USD\nF2;C1;2026-01-02;10;€\n', 'i.csv');
    expect(r.value.map((e) => e.ref)).toEqual(['F2']);
    expect(r.problems.map((p) => [p.source?.line, p.field, p.message])).toEqual([[2, 'currency', 'found "USD", expected EUR: dunning works in euros, convert the amount before importing']]);
  });

  it('reports every problem of a line and of the file, not only the first', () => {
    const r = parseInvoicesCsv('number;customer;date;amount\n;C1;2026-13-01;x\nF2;;2026-01-02;1\n', 'i.csv');
    expect(r.problems.map((p) => `${p.source?.line}:${p.field}`)).toEqual(['2:number', '2:date', '2:amount', '3:customer']);
    expect(r.problems[0]!.message).toBe('found "", expected an invoice number');
    expect(r.problems[3]!.message).toBe('found "", expected a customer id');
  });

  it('ignores a zero amount with a warning', () => {
    const r = parseInvoicesCsv('number;customer;date;amount\nF1;C1;2026-01-02;0,00\n', 'i.csv');
    expect(r.value).toEqual([]);
    expect(r.problems.map((p) => [p.severity, p.message])).toEqual([['warning', 'found "0,00", expected a non-zero amount: the line is ignored']]);
  });

  it('uses the config columns map', () => {
    const r = parseInvoicesCsv('Doc;Tiers;Le;TTC HT;Valeur\nF1;C1;2026-01-02;1;99\n', 'i.csv', { columns: { number: 'Doc', customer: 'Tiers', date: 'Le', amount: 'Valeur' } });
    expect(r.problems).toEqual([]);
    expect(r.value[0]).toMatchObject({ ref: 'F1', customer: 'C1', amount: 9900 });
  });

  it('reports missing required columns and reads no line', () => {
    const r = parseInvoicesCsv('number;customer;amount\nF1;C1;10\n', 'i.csv');
    expect(r.value).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.source).toEqual({ file: 'i.csv', line: 1 });
    expect(r.problems[0]!.message).toMatch(/^missing required column date \("date", "invoice_date", "Date facture", "Date de facture"…\); found "number", "customer", "amount"/);
  });
});
