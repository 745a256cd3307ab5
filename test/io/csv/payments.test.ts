import { describe, expect, it } from 'vitest';
import { parsePaymentsCsv } from '../../../src/io/csv/payments.js';

describe('payments CSV', () => {
  it('builds credit entries with the reference as label and the explicit invoice', () => {
    const r = parsePaymentsCsv('Référence;Client;Date;Montant;Libellé;Facture\nP1;C1;15/01/2026;1200,00;VIR ACME F1;F1\nP2;C1;2026-01-16;50;;\n', 'reglements.csv');
    expect(r.problems).toEqual([]);
    expect(r.value[0]).toMatchObject({
      id: 'reglements.csv:2',
      kind: 'payment',
      side: 'credit',
      amount: 120000,
      ref: 'P1',
      date: '2026-01-15',
      dueDate: null,
      label: 'VIR ACME F1',
      explicitInvoice: 'F1',
      account: '411',
      currency: 'EUR',
    });
    expect(r.value[1]).toMatchObject({ ref: 'P2', explicitInvoice: null, label: '' });
  });

  it('reads a negative payment as a debit due at once (refund or rejected payment)', () => {
    const r = parsePaymentsCsv('id;customer;date;amount;invoice\nP9;C1;2026-02-01;-80,00;F1\n', 'p.csv');
    expect(r.value[0]).toMatchObject({ kind: 'invoice', side: 'debit', amount: 8000, ref: 'P9', dueDate: '2026-02-01', explicitInvoice: null });
  });

  it('reports every bad field', () => {
    const r = parsePaymentsCsv('id;customer;date;amount\nP1;C1;2026-02-30;1\n;C1;2026-02-01;1,2,3\n', 'p.csv');
    expect(r.value).toEqual([]);
    expect(r.problems.map((p) => `${p.source?.line}:${p.field}: ${p.message}`)).toEqual([
      '2:date: found "2026-02-30", expected a date YYYY-MM-DD or DD/MM/YYYY',
      '3:id: found "", expected a payment id',
      '3:amount: found "1,2,3", expected an amount like 1234,50 or 1 234,50',
    ]);
  });

  it('a row repeated whole is an error (counted twice otherwise); one id split over invoices is not', () => {
    const r = parsePaymentsCsv(
      'id;customer;date;amount;invoice\nP1;C1;2026-02-01;10,00;\nP1;C1;2026-02-01;10,00;\nP2;C1;2026-02-02;50,00;F1\nP2;C1;2026-02-02;50,00;F2\nP3;C1;2026-02-03;5,00;\nP3;C2;2026-02-03;5,00;\n',
      'p.csv',
    );
    expect(r.problems.map((p) => `${p.severity} ${p.source?.line}:${p.field}: ${p.message}`)).toEqual([
      'error 3:id: found "P1", expected a payment listed once (line 2 has the same customer, id, date, amount and invoice: the money would be counted twice)',
    ]);
    expect(r.value.map((e) => `${e.ref} ${e.customer} ${e.explicitInvoice ?? '-'}`)).toEqual(['P1 C1 -', 'P2 C1 F1', 'P2 C1 F2', 'P3 C1 -', 'P3 C2 -']);
  });
});
