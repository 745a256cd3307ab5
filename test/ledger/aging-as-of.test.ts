/**
 * Aging through reconcileAsOf (ledger/as-of.ts): only what is dated on or before the as-of
 * date counts, payments included, and the totals equal the receivable balance at that date.
 */
import { describe, expect, it } from 'vitest';
import { ageBalances, type AgingOptions } from '../../src/ledger/aging.js';
import { reconcileAsOf } from '../../src/ledger/as-of.js';
import type { Books, IsoDate } from '../../src/model/types.js';
import { customerMap, makeCustomer, makeEntries } from '../helpers/ledger.js';

const config = { defaultTermsDays: 30, endOfMonthTerms: 'days_plus_eom' as const };

const entries = makeEntries([
  { customer: 'C1', ref: 'F1', amount: 100_000, date: '2026-09-01' }, // due 2026-10-01 (30 days)
  { customer: 'C1', ref: 'F2', amount: 40_000, date: '2026-11-15' }, // due 2026-12-15
  { customer: 'C1', side: 'credit', ref: 'P1', amount: 100_000, date: '2026-12-05', label: 'F1' },
  { customer: 'C2', ref: 'F3', amount: 25_000, date: '2026-10-20' }, // terms 15 days: due 2026-11-04
  { customer: 'C2', side: 'credit', ref: 'P2', amount: 30_000, date: '2026-11-28', label: 'F3' },
]);
const books: Books = { entries, customers: customerMap([makeCustomer({ id: 'C1' }), makeCustomer({ id: 'C2', termsDays: 15 })]) };

function age(asOf: string, o: Partial<AgingOptions> = {}) {
  const at = asOf as IsoDate;
  const rec = reconcileAsOf(books, config, at);
  return ageBalances(rec, books.customers, { asOf: at, buckets: [30, 60, 90], basis: 'due', byInvoice: true, ...o });
}

/** Debits minus credits of the entries dated on or before `asOf`. */
const receivable = (asOf: string) => entries.filter((e) => e.date <= asOf).reduce((t, e) => t + (e.side === 'debit' ? e.amount : -e.amount), 0);

describe('aging as of a date', () => {
  it('leaves out a payment dated after the as-of date', () => {
    const report = age('2026-11-30');
    const c1 = report.customers.find((c) => c.id === 'C1')!;
    expect(c1.invoices.map((i) => [i.number, report.buckets[i.bucket], i.daysLate, i.residual])).toEqual([
      ['F1', '31-60', 60, 100_000],
      ['F2', 'not_due', 0, 40_000],
    ]);
    expect(c1.unapplied).toBe(0);
  });

  it('counts the payment once the as-of date reaches it', () => {
    const report = age('2026-12-05');
    const c1 = report.customers.find((c) => c.id === 'C1')!;
    expect(c1.invoices.map((i) => i.number)).toEqual(['F2']);
    expect(c1.balance).toBe(40_000);
  });

  it('leaves out entries dated after the as-of date, invoices too', () => {
    const report = age('2026-10-31');
    expect(report.customers.map((c) => [c.id, c.balance])).toEqual([
      ['C1', 100_000],
      ['C2', 25_000],
    ]);
    expect(report.customers[1]!.invoices[0]).toMatchObject({ dueDate: '2026-11-04', daysLate: 0 });
  });

  it('keeps the overpayment as unapplied credit', () => {
    const c2 = age('2026-11-30').customers.find((c) => c.id === 'C2')!;
    expect([c2.invoices.length, c2.unapplied, c2.balance]).toEqual([0, 5_000, -5_000]);
  });

  it.each(['2026-09-01', '2026-10-31', '2026-11-30', '2026-12-05', '2027-06-30'])('totals equal the receivable balance as of %s', (asOf) => {
    for (const basis of ['due', 'issue'] as const) {
      const report = age(asOf, { basis });
      expect(report.totals.balance).toBe(receivable(asOf));
      expect(report.totals.balance).toBe(report.customers.reduce((t, c) => t + c.balance, 0));
    }
  });
});
