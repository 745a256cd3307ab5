import { describe, expect, it } from 'vitest';
import { reconcile } from '../../src/ledger/reconcile.js';
import type { Reconciliation } from '../../src/model/reconciliation.js';
import type { LedgerEntry } from '../../src/model/types.js';
import { inv, note, pay, RULES30 } from './reconcile-fixtures.js';

const run = (entries: LedgerEntry[]): Reconciliation => reconcile(entries, { dueDates: RULES30 });

/** `debitRef<-creditRef:amount:rule` for every allocation, for compact assertions. */
const links = (r: Reconciliation): string[] => r.allocations.map((a) => `${a.debit.ref}<-${a.credit.ref}:${a.amount}:${a.rule}`);
const residual = (r: Reconciliation, e: LedgerEntry): number =>
  (e.side === 'debit' ? r.debits.find((d) => d.entry === e) : r.credits.find((c) => c.entry === e))!.residual;

describe('reconcile: one rule per case', () => {
  const cases: { name: string; entries: () => LedgerEntry[]; expected: string[] }[] = [
    {
      name: 'existing: a balanced lettering group settles fully, even against amounts',
      entries: () => [inv(100_00, { ref: 'F1', letter: 'AB' }), inv(50_00, { ref: 'F2' }), pay(50_00, { ref: 'P1', letter: 'AB', date: '2026-02-01' }), pay(50_00, { ref: 'P2', letter: 'AB', date: '2026-02-02' })],
      expected: ['F1<-P1:5000:existing', 'F1<-P2:5000:existing'],
    },
    {
      name: 'explicit: the payment goes to the invoice it names',
      entries: () => [inv(100_00, { ref: 'F1' }), inv(100_00, { ref: 'F2' }), pay(100_00, { ref: 'P1', explicitInvoice: 'F2', date: '2026-02-01' })],
      expected: ['F2<-P1:10000:explicit'],
    },
    {
      name: 'reference: a label naming a document number, by whole tokens',
      entries: () => [inv(100_00, { ref: 'F2026-01' }), inv(80_00, { ref: 'F2026-014' }), pay(80_00, { ref: 'P1', label: 'VIR SEPA FACT F2026-014', date: '2026-02-01' })],
      expected: ['F2026-014<-P1:8000:reference'],
    },
    {
      name: 'reference: a 5-digit number after a letter prefix is found alone',
      entries: () => [inv(10_00, { ref: 'FA 220035' }), inv(20_00, { ref: 'FA 220036' }), pay(20_00, { ref: '0220036', label: 'VIR LAURENT PRIMEURS 220036', date: '2026-02-01' })],
      expected: ['FA 220036<-0220036:2000:reference'],
    },
    {
      name: 'reference: a shared batch number goes to the document whose residual equals the credit',
      entries: () => [inv(74_06, { ref: 'VE 0323' }), inv(111_42, { ref: 'VE 0323' }), note(111_42, { ref: 'VE 0323', date: '2026-01-15' })],
      expected: ['VE 0323<-VE 0323:11142:reference'],
    },
    {
      name: 'exact_amount: the one open document of that amount',
      entries: () => [inv(100_00, { ref: 'F1' }), inv(250_00, { ref: 'F2' }), pay(250_00, { ref: 'P1', date: '2026-02-01' })],
      expected: ['F2<-P1:25000:exact_amount'],
    },
    {
      name: 'exact_amount ambiguous (two documents of that amount): not there; exact_sum takes the oldest of the equal ones',
      entries: () => [inv(300_00, { ref: 'F0', date: '2025-12-01' }), inv(100_00, { ref: 'F1' }), inv(100_00, { ref: 'F2' }), pay(100_00, { ref: 'P1', date: '2026-02-01' })],
      expected: ['F1<-P1:10000:exact_sum'],
    },
    {
      name: 'exact_sum: a payment equal to the sum of two documents, not the oldest',
      entries: () => [inv(70_00, { ref: 'F0', date: '2025-12-01' }), inv(100_00, { ref: 'F1' }), inv(50_00, { ref: 'F2' }), pay(150_00, { ref: 'P1', date: '2026-02-01' })],
      expected: ['F1<-P1:10000:exact_sum', 'F2<-P1:5000:exact_sum'],
    },
    {
      name: 'oldest_first: partial payment to the oldest due date',
      entries: () => [inv(100_00, { ref: 'F2', date: '2026-01-10' }), inv(100_00, { ref: 'F1', date: '2026-01-05' }), pay(150_00, { ref: 'P1', date: '2026-02-01' })],
      expected: ['F1<-P1:10000:oldest_first', 'F2<-P1:5000:oldest_first'],
    },
    {
      name: 'credit notes settle debits like payments',
      entries: () => [inv(100_00, { ref: 'F1' }), note(40_00, { ref: 'AV1', date: '2026-01-20' })],
      expected: ['F1<-AV1:4000:oldest_first'],
    },
    {
      name: 'an advance (credit before the invoice) settles it in the final sweep',
      entries: () => [pay(60_00, { ref: 'ACOMPTE', date: '2026-01-01' }), inv(100_00, { ref: 'F1', date: '2026-03-01' })],
      expected: ['F1<-ACOMPTE:6000:oldest_first'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(links(run(c.entries()))).toEqual(c.expected);
    });
  }
});

describe('reconcile: edges', () => {
  it('over-payment leaves the excess unapplied', () => {
    const f = inv(100_00, { ref: 'F1' });
    const p = pay(130_00, { ref: 'P1', date: '2026-02-01' });
    const r = run([f, p]);
    expect(residual(r, f)).toBe(0);
    expect(residual(r, p)).toBe(30_00);
  });

  it('a partly settled lettering group keeps its residual open for the next rules', () => {
    const f = inv(100_00, { ref: 'F1', letter: 'AA' });
    const p1 = pay(60_00, { ref: 'P1', letter: 'AA', date: '2026-01-10' });
    const p2 = pay(40_00, { ref: 'P2', date: '2026-02-01' });
    const r = run([f, p1, p2]);
    expect(links(r)).toEqual(['F1<-P1:6000:existing', 'F1<-P2:4000:exact_amount']);
    expect(residual(r, f)).toBe(0);
  });

  it('an unbalanced group with only its credit leaves the invoice open', () => {
    const f = inv(100_00, { ref: 'F1', letter: 'AA' });
    const p = pay(60_00, { ref: 'P1', letter: 'AA', date: '2026-01-10' });
    const r = reconcile([f, p], { dueDates: RULES30, rules: ['existing'] });
    expect(residual(r, f)).toBe(40_00);
    expect(residual(r, p)).toBe(0);
  });

  it('a batch number naming several documents with no equal residual is left to the amount rules', () => {
    const r = run([inv(74_06, { ref: 'VE 0323' }), inv(111_42, { ref: 'VE 0323' }), note(50_00, { ref: 'VE 0323', date: '2026-01-01' })]);
    expect(r.allocations.map((a) => a.rule)).toEqual(['oldest_first']);
  });

  it('a number without a digit (sans, RAN) names nothing', () => {
    const r = run([inv(100_00, { ref: 'sans' }), inv(20_00, { ref: 'F1', date: '2025-12-01' }), pay(100_00, { ref: 'P', label: 'sans', date: '2026-02-01' })]);
    expect(links(r)).toEqual(['sans<-P:10000:exact_amount']);
  });

  it('exact_sum is not found beyond its window of oldest documents: oldest_first then', () => {
    const olds = Array.from({ length: 3 }, (_, i) => inv(1_00, { ref: `O${i}`, date: '2025-11-01' }));
    const target = [inv(500_00, { ref: 'T1' }), inv(700_00, { ref: 'T2' })];
    const p = pay(1200_00, { ref: 'P', date: '2026-02-01' });
    const narrow = reconcile([...olds, ...target, p], { dueDates: RULES30, exactSum: { exactSumWindow: 3 } });
    expect(narrow.allocations.every((a) => a.rule === 'oldest_first')).toBe(true);
    const wide = reconcile([...olds, ...target, p], { dueDates: RULES30 });
    expect(links(wide)).toEqual(['T1<-P:50000:exact_sum', 'T2<-P:70000:exact_sum']);
  });

  it('exact_sum with two different combinations does not guess', () => {
    const r = run([inv(10_00, { ref: 'A' }), inv(20_00, { ref: 'B' }), inv(30_00, { ref: 'C' }), inv(40_00, { ref: 'D' }), pay(70_00, { ref: 'P', date: '2026-02-01' })]);
    // D+C and D+B+A both add up once D is in: ambiguous, oldest_first decides.
    expect(links(r)).toEqual(['A<-P:1000:oldest_first', 'B<-P:2000:oldest_first', 'C<-P:3000:oldest_first', 'D<-P:1000:oldest_first']);
  });

  it('a reversed payment is a debit settled like any other', () => {
    const back = inv(50_00, { ref: 'REJET', label: 'Rejet prélèvement', date: '2026-02-05' });
    const p2 = pay(50_00, { ref: 'P2', date: '2026-02-20' });
    const r = run([inv(50_00, { ref: 'F1' }), pay(50_00, { ref: 'P1', date: '2026-02-01' }), back, p2]);
    expect(residual(r, back)).toBe(0);
    expect(links(r)).toContain('REJET<-P2:5000:exact_amount');
  });

  it('customers never mix', () => {
    const r = run([inv(100_00, { customer: 'A', ref: 'F1' }), pay(100_00, { customer: 'B', ref: 'P1' })]);
    expect(r.allocations).toEqual([]);
  });

  it('debits and credits come back in input order with due dates', () => {
    const a = inv(1_00, { ref: 'A', date: '2026-03-01' });
    const b = inv(2_00, { ref: 'B', date: '2026-01-01' });
    const r = run([a, b]);
    expect(r.debits.map((d) => [d.entry.ref, d.dueDate])).toEqual([['A', '2026-03-31'], ['B', '2026-01-31']]);
  });
});
