import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBalances, bucketIndex, bucketNames, bucketsProblem, type AgingOptions } from '../../src/ledger/aging.js';
import { addDays } from '../../src/model/dates.js';
import type { CreditItem, DebitItem } from '../../src/model/reconciliation.js';
import type { IsoDate, LedgerEntry } from '../../src/model/types.js';
import { creditItem, customerMap, debitItem, makeCustomer, makeEntry, makeReconciliation } from '../helpers/ledger.js';

const asOf = '2026-11-30' as IsoDate;
const opts = (o: Partial<AgingOptions> = {}): AgingOptions => ({ asOf, buckets: [30, 60, 90], basis: 'due', byInvoice: true, ...o });
const noCustomers = customerMap([]);

/** One open invoice of 100.00 due `late` days before the as-of date. */
function invoiceLate(late: number, line = 2): DebitItem {
  const due = addDays(asOf, -late);
  return debitItem(makeEntry({ amount: 10_000, ref: `F${line}`, line, date: addDays(due, -30) }), { dueDate: due });
}

describe('bucket names and limits', () => {
  it('names the buckets of 30,60,90 as the contract does', () => {
    expect(bucketNames([30, 60, 90], 'due')).toEqual(['not_due', '1-30', '31-60', '61-90', '91+']);
  });
  it('names any list of limits', () => {
    expect(bucketNames([15, 45], 'due')).toEqual(['not_due', '1-15', '16-45', '46+']);
    expect(bucketNames([7], 'due')).toEqual(['not_due', '1-7', '8+']);
  });
  it('has no not_due bucket on the issue basis: the first bucket starts at day 0', () => {
    expect(bucketNames([30, 60, 90], 'issue')).toEqual(['0-30', '31-60', '61-90', '91+']);
  });
  it.each([
    [[], 'at least one limit'],
    [[30, 30], 'strictly increasing limits'],
    [[60, 30], 'strictly increasing limits'],
    [[0, 30], 'positive whole numbers of days'],
    [[-5], 'positive whole numbers of days'],
    [[1.5], 'positive whole numbers of days'],
  ])('refuses %j', (limits, why) => {
    expect(bucketsProblem(limits)).toBe(why);
    expect(() => ageBalances(makeReconciliation({}), noCustomers, opts({ buckets: limits }))).toThrow(RangeError);
  });
  it('accepts strictly increasing positive whole numbers', () => {
    expect(bucketsProblem([1, 2, 365])).toBeNull();
  });
});

describe('bucket edges (basis due)', () => {
  it.each([
    [-10, 'not_due', 0],
    [0, 'not_due', 0],
    [1, '1-30', 1],
    [30, '1-30', 30],
    [31, '31-60', 31],
    [60, '31-60', 60],
    [61, '61-90', 61],
    [90, '61-90', 90],
    [91, '91+', 91],
    [1000, '91+', 1000],
  ])('%i days late goes to %s', (late, bucket, daysLate) => {
    const report = ageBalances(makeReconciliation({ debits: [invoiceLate(late)] }), noCustomers, opts());
    const inv = report.customers[0]!.invoices[0]!;
    expect(report.buckets[inv.bucket]).toBe(bucket);
    expect(inv.daysLate).toBe(daysLate);
    expect(report.customers[0]!.buckets[inv.bucket]).toBe(10_000);
    expect(bucketIndex(late, [30, 60, 90], 'due')).toBe(inv.bucket);
  });
});

describe('basis issue', () => {
  it('ages from the document date and keeps daysLate against the due date', () => {
    const today = makeEntry({ amount: 1_000, ref: 'A', line: 2, date: asOf });
    const old = makeEntry({ amount: 2_000, ref: 'B', line: 3, date: addDays(asOf, -31) });
    const oldest = makeEntry({ amount: 4_000, ref: 'C', line: 4, date: addDays(asOf, -91) });
    const rec = makeReconciliation({
      debits: [debitItem(today), debitItem(old, { dueDate: addDays(asOf, 10) }), debitItem(oldest, { dueDate: addDays(asOf, -61) })],
    });
    const report = ageBalances(rec, noCustomers, opts({ basis: 'issue' }));
    expect(report.buckets).toEqual(['0-30', '31-60', '61-90', '91+']);
    const byRef = Object.fromEntries(report.customers[0]!.invoices.map((i) => [i.number, [report.buckets[i.bucket], i.daysLate]]));
    expect(byRef).toEqual({ A: ['0-30', 0], B: ['31-60', 0], C: ['91+', 61] });
    expect(report.customers[0]!.buckets).toEqual([1_000, 2_000, 0, 4_000]);
  });
});

describe('custom buckets', () => {
  it('spreads residuals over 15,45', () => {
    const rec = makeReconciliation({ debits: [invoiceLate(15, 2), invoiceLate(16, 3), invoiceLate(45, 4), invoiceLate(46, 5), invoiceLate(0, 6)] });
    const report = ageBalances(rec, noCustomers, opts({ buckets: [15, 45] }));
    expect(report.buckets).toEqual(['not_due', '1-15', '16-45', '46+']);
    expect(report.customers[0]!.buckets).toEqual([10_000, 10_000, 20_000, 10_000]);
    expect(report.totals.balance).toBe(50_000);
  });
});

describe('customers', () => {
  it('puts credit residuals in unapplied and subtracts them from the balance', () => {
    const inv = makeEntry({ customer: 'C1', amount: 10_000, line: 2, date: '2026-10-01', dueDate: '2026-10-31' });
    const pay = makeEntry({ customer: 'C1', side: 'credit', amount: 3_000, line: 3, date: '2026-11-15' });
    const onlyCredit = makeEntry({ customer: 'C2', side: 'credit', kind: 'credit_note', amount: 2_500, line: 4, date: '2026-11-20' });
    const rec = makeReconciliation({ debits: [debitItem(inv)], credits: [creditItem(pay), creditItem(onlyCredit)] });
    const report = ageBalances(rec, noCustomers, opts());
    expect(report.customers.map((c) => [c.id, c.unapplied, c.balance])).toEqual([
      ['C1', 3_000, 7_000],
      ['C2', 2_500, -2_500],
    ]);
    expect(report.customers[1]!.invoices).toEqual([]);
    expect(report.totals).toEqual({ balance: 4_500, unapplied: 5_500, buckets: [0, 10_000, 0, 0, 0] });
  });

  it('leaves out customers with nothing open and nothing unapplied', () => {
    const inv = makeEntry({ customer: 'C1', amount: 10_000, line: 2, date: '2026-10-01' });
    const pay = makeEntry({ customer: 'C1', side: 'credit', amount: 10_000, line: 3, date: '2026-10-20' });
    const report = ageBalances(makeReconciliation({ debits: [debitItem(inv, { residual: 0 })], credits: [creditItem(pay, 0)] }), noCustomers, opts());
    expect(report.customers).toEqual([]);
    expect(report.totals).toEqual({ balance: 0, unapplied: 0, buckets: [0, 0, 0, 0, 0] });
  });

  it('takes the name from the customers file, else from the books', () => {
    const a = makeEntry({ customer: 'C1', customerName: 'ACME (books)', amount: 100, line: 2, date: '2026-11-01' });
    const b = makeEntry({ customer: 'C2', customerName: 'Durand SARL', amount: 100, line: 3, date: '2026-11-01' });
    const report = ageBalances(makeReconciliation({ debits: [debitItem(a), debitItem(b)] }), customerMap([makeCustomer({ id: 'C1', name: 'ACME SA' })]), opts());
    expect(report.customers.map((c) => c.name)).toEqual(['ACME SA', 'Durand SARL']);
  });

  it('sorts customers by id and invoices by due date, number, then source line', () => {
    const e = (customer: string, ref: string, line: number, due: string) =>
      debitItem(makeEntry({ customer, ref, line, amount: 100, date: '2026-09-01' }), { dueDate: due });
    const rec = makeReconciliation({
      debits: [e('C2', 'X', 2, '2026-10-01'), e('C10', 'B', 9, '2026-10-01'), e('C10', 'B', 3, '2026-10-01'), e('C10', 'A', 4, '2026-10-01'), e('C10', 'Z', 5, '2026-09-30')],
    });
    const report = ageBalances(rec, noCustomers, opts());
    expect(report.customers.map((c) => c.id)).toEqual(['C10', 'C2']);
    expect(report.customers[0]!.invoices.map((i) => `${i.number}@${i.source.line}`)).toEqual(['Z@5', 'A@4', 'B@3', 'B@9']);
  });

  it('reports the original amount and the residual of a partly paid invoice', () => {
    const inv = makeEntry({ amount: 10_000, ref: 'F1', line: 2, date: '2026-10-01', dueDate: '2026-10-31' });
    const report = ageBalances(makeReconciliation({ debits: [debitItem(inv, { residual: 4_000 })] }), noCustomers, opts());
    expect(report.customers[0]!.invoices[0]).toMatchObject({ number: 'F1', amount: 10_000, residual: 4_000, daysLate: 30, dueDate: '2026-10-31', date: '2026-10-01' });
  });
});

/**
 * A consistent reconciliation made by a naive first-in-first-out allocator, so that the
 * invariants can be checked on any ledger: totals = the customers' sum = debits − credits.
 */
function fifo(entries: readonly LedgerEntry[]): { debits: DebitItem[]; credits: CreditItem[] } {
  const debits = entries.filter((e) => e.side === 'debit').map((e) => ({ entry: e, left: e.amount as number }));
  const credits = entries.filter((e) => e.side === 'credit').map((e) => ({ entry: e, left: e.amount as number }));
  for (const c of credits) {
    for (const d of debits) {
      if (d.entry.customer !== c.entry.customer) continue;
      const x = Math.min(d.left, c.left);
      d.left -= x;
      c.left -= x;
    }
  }
  return { debits: debits.map((d) => debitItem(d.entry, { residual: d.left })), credits: credits.map((c) => creditItem(c.entry, c.left)) };
}

describe('invariants', () => {
  const entryArb = fc.record({
    customer: fc.constantFrom('C1', 'C2', 'C3'),
    side: fc.constantFrom('debit' as const, 'credit' as const),
    amount: fc.integer({ min: 1, max: 10_000_000 }),
    daysBack: fc.integer({ min: 0, max: 400 }),
  });
  it('totals equal the sum of customers and the receivable balance (debits − credits)', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 30 }), fc.constantFrom<AgingOptions['basis']>('due', 'issue'), (specs, basis) => {
        const entries = specs.map((s, i) => makeEntry({ customer: s.customer, side: s.side, amount: s.amount, line: i + 2, date: addDays(asOf, -s.daysBack) }));
        const report = ageBalances(makeReconciliation(fifo(entries)), noCustomers, opts({ basis }));
        const receivable = entries.reduce((t, e) => t + (e.side === 'debit' ? e.amount : -e.amount), 0);
        expect(report.totals.balance).toBe(receivable);
        expect(report.totals.balance).toBe(report.customers.reduce((t, c) => t + c.balance, 0));
        expect(report.totals.unapplied).toBe(report.customers.reduce((t, c) => t + c.unapplied, 0));
        report.totals.buckets.forEach((b, i) => expect(b).toBe(report.customers.reduce((t, c) => t + c.buckets[i]!, 0)));
        for (const c of report.customers) {
          expect(c.balance).toBe(c.buckets.reduce((t, b) => t + b, 0) - c.unapplied);
          expect(c.buckets.reduce((t, b) => t + b, 0)).toBe(c.invoices.reduce((t, i) => t + i.residual, 0));
        }
      }),
    );
  });
});
