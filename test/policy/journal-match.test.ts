import { describe, expect, it } from 'vitest';
import { planDunning } from '../../src/policy/plan.js';
import { DEFAULT_POLICY } from '../../src/policy/steps.js';
import type { JournalEntry } from '../../src/model/journal.js';
import type { Reconciliation } from '../../src/model/reconciliation.js';
import { call, customer, customers, d, dispute, hold, invoice, payment, rec } from './builders.js';

const plan = (journal: JournalEntry[], r: Reconciliation, asOf = '2026-11-01') =>
  planDunning({ rec: r, customers: customers(customer('C1'), customer('C2')), journal, policy: DEFAULT_POLICY, asOf: d(asOf) });

describe('matching journal entries to the documents of a new export', () => {
  it('by key, although the document moved to another line and file', () => {
    const sept = invoice({ ref: 'F1', customer: 'C1', date: '2026-09-15', amount: 1000, line: 7, file: 'sept.txt' });
    const oct = invoice({ ref: 'F1', customer: 'C1', date: '2026-09-15', amount: 1000, line: 1502, file: 'oct.txt' });
    const p = plan([call('2026-10-20', 'C1', [sept])], rec([{ entry: oct }]));
    expect(p.invoices[0]).toMatchObject({ lastStep: 'call', lastStepDate: '2026-10-20' });
    expect(p.warnings).toBeUndefined();
  });

  it('tells apart two documents of one batch sharing a PieceRef', () => {
    const a = invoice({ ref: 'VT09', customer: 'C1', date: '2026-09-15', amount: 1000 });
    const b = invoice({ ref: 'VT09', customer: 'C1', date: '2026-09-15', amount: 2000 });
    const p = plan([call('2026-10-20', 'C1', [a])], rec([{ entry: a }, { entry: b }]));
    expect(p.invoices.map((i) => [i.residual, i.lastStep])).toEqual([[1000, 'call'], [2000, null]]);
  });

  it('falls back to number + customer when the key no longer matches and exactly one document does', () => {
    const now = invoice({ ref: 'F1', customer: 'C1', date: '2026-09-15', amount: 1000 });
    const p = plan([call('2026-10-20', 'C1', [{ number: 'F1', key: 'C1|F1|2026-09-14|999' }])], rec([{ entry: now }]));
    expect(p.invoices[0]!.lastStep).toBe('call');
  });

  it('a ref logged without data (empty key) matches every document with that number of the customer', () => {
    const a = invoice({ ref: 'VT09', customer: 'C1', date: '2026-09-15', amount: 1000 });
    const b = invoice({ ref: 'VT09', customer: 'C1', date: '2026-09-15', amount: 2000 });
    const c = invoice({ ref: 'VT09', customer: 'C2', date: '2026-09-15', amount: 3000 });
    const p = plan([call('2026-10-20', 'C1', [{ number: 'VT09', key: '' }])], rec([{ entry: a }, { entry: b }, { entry: c }]));
    expect(p.invoices.map((i) => [i.customer, i.lastStep])).toEqual([['C1', 'call'], ['C1', 'call'], ['C2', null]]);
  });

  it('a dispute logged by invoice number without data (customer "") matches when one customer has it', () => {
    const a = invoice({ ref: 'F9', customer: 'C2', date: '2026-09-15', amount: 1000 });
    const p = plan([dispute('2026-10-20', '', [{ number: 'F9', key: '' }])], rec([{ entry: a }]));
    expect(p.invoices[0]!.blocked).toBe('dispute');
  });

  it('a number shared by two customers is ambiguous without a customer: ignored with a warning', () => {
    const a = invoice({ ref: 'F9', customer: 'C1', date: '2026-09-15', amount: 1000 });
    const b = invoice({ ref: 'F9', customer: 'C2', date: '2026-09-15', amount: 1000 });
    const p = plan([dispute('2026-10-20', '', [{ number: 'F9', key: '' }])], rec([{ entry: a }, { entry: b }]));
    expect(p.invoices.map((i) => i.blocked)).toEqual([null, null]);
    expect(p.warnings).toEqual(['journal entry of 2026-10-20 (dispute): invoice F9 matches no document in the books, ignored']);
  });

  it('a hold logged without data on an invoice number (stored as a customer hold) holds that invoice', () => {
    const a = invoice({ ref: 'F9', customer: 'C1', date: '2026-09-15', amount: 1000 });
    const b = invoice({ ref: 'F10', customer: 'C1', date: '2026-09-15', amount: 1000 });
    const p = plan([hold('2026-10-20', 'F9', '2026-12-31', 'customer')], rec([{ entry: a }, { entry: b }]));
    expect(p.invoices.map((i) => [i.number, i.blocked])).toEqual([['F10', null], ['F9', 'hold']]);
  });

  it('an entry without invoices concerns the invoices of its customer open on its date (call: overdue)', () => {
    const old = invoice({ ref: 'A', customer: 'C1', date: '2026-09-01', amount: 1000 }); // due 10-01
    const paidBefore = invoice({ ref: 'B', customer: 'C1', date: '2026-09-01', amount: 1000 });
    const notDueThen = invoice({ ref: 'C', customer: 'C1', date: '2026-09-25', amount: 1000 }); // due 10-25
    const pay = payment({ customer: 'C1', date: '2026-10-05', amount: 500 });
    const r = rec([{ entry: old }, { entry: paidBefore, residual: 500 }, { entry: notDueThen }], [{ debit: paidBefore, credit: pay, amount: 500 }]);
    // B was only partly paid: still open on the call date, so the call concerns it.
    const p = plan([call('2026-10-10', 'C1')], r);
    expect(p.invoices.map((i) => [i.number, i.lastStep])).toEqual([['A', 'call'], ['B', 'call'], ['C', null]]);
  });

  it('an entry without invoices skips what was already settled on its date', () => {
    const a = invoice({ ref: 'A', customer: 'C1', date: '2026-09-01', amount: 1000 });
    const pay = payment({ customer: 'C1', date: '2026-10-05', amount: 1000 });
    const r = rec([{ entry: a, residual: 0 }], [{ debit: a, credit: pay, amount: 1000 }]);
    expect(plan([call('2026-10-10', 'C1')], r).invoices).toEqual([]); // never dunned: not listed
  });
});
