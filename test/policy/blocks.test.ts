import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/model/journal.js';
import type { Cents } from '../../src/model/money.js';
import type { Reconciliation } from '../../src/model/reconciliation.js';
import { planDunning } from '../../src/policy/plan.js';
import { DEFAULT_POLICY } from '../../src/policy/steps.js';
import { call, customer, customers, d, dispute, hold, invoice, payment, promise, rec, resolve } from './builders.js';

const F1 = invoice({ ref: 'F1', customer: 'C1', date: '2026-09-15', amount: 120000 }); // due 2026-10-15, call due 10-18
const F2 = invoice({ ref: 'F2', customer: 'C1', date: '2026-09-20', amount: 20000 }); // due 2026-10-20, call due 10-23
const both = rec([{ entry: F1 }, { entry: F2 }]);

function plan(journal: JournalEntry[], asOf: string, r: Reconciliation = both, status: 'active' | 'insolvency' = 'active') {
  return planDunning({ rec: r, customers: customers(customer('C1', status)), journal, policy: DEFAULT_POLICY, asOf: d(asOf) });
}
const f1 = (p: ReturnType<typeof plan>) => p.invoices.find((i) => i.number === 'F1')!;

describe('blocks', () => {
  it('paid: a dunned invoice paid lately is listed as paid, with no next step', () => {
    const pay = payment({ customer: 'C1', date: '2026-10-25', amount: 120000 });
    const r = rec([{ entry: F1, residual: 0 }], [{ debit: F1, credit: pay, amount: 120000 }]);
    const p = plan([call('2026-10-20', 'C1', [F1])], '2026-11-01', r);
    expect(p.invoices[0]).toMatchObject({ blocked: 'paid', nextStep: null, nextStepDate: null, daysLate: 0, residual: 0, lastStep: 'call' });
    expect(p.invoices[0]!.explain.at(-1)).toBe('blocked: paid (last payment 2026-10-25)');
    expect(p.actions).toEqual([]);
  });

  it('paid: not listed when it was never dunned, or paid more than 30 days ago', () => {
    const pay = payment({ customer: 'C1', date: '2026-10-25', amount: 120000 });
    const r = rec([{ entry: F1, residual: 0 }], [{ debit: F1, credit: pay, amount: 120000 }]);
    expect(plan([], '2026-11-01', r).invoices).toEqual([]);
    expect(plan([call('2026-10-20', 'C1', [F1])], '2026-11-24', r).invoices).toHaveLength(1);
    expect(plan([call('2026-10-20', 'C1', [F1])], '2026-11-25', r).invoices).toEqual([]);
  });

  it('insolvency: every invoice of the customer, no next step, no action', () => {
    const p = plan([], '2026-11-30', both, 'insolvency');
    expect(p.invoices.map((i) => [i.blocked, i.nextStep])).toEqual([['insolvency', null], ['insolvency', null]]);
    expect(p.actions).toEqual([]);
  });

  it('dispute blocks the disputed invoice until resolved; the other one is still dunned', () => {
    const j = [dispute('2026-10-16', 'C1', [F1])];
    const p = plan(j, '2026-10-23');
    expect(f1(p)).toMatchObject({ blocked: 'dispute', nextStep: 'call', nextStepDate: null });
    expect(p.actions[0]).toMatchObject({ step: 'call', amount: 20000 });
    expect(p.actions[0]!.invoices.map((i) => i.number)).toEqual(['F2']);
  });

  it('a resolved dispute resumes where it was, no earlier than the resolve date', () => {
    const j = [call('2026-10-18', 'C1', [F1]), dispute('2026-10-19', 'C1', [F1]), resolve('2026-11-02', 'C1', [F1])];
    expect(f1(plan(j, '2026-11-01')).blocked).toBe('dispute');
    const p = plan(j, '2026-11-02');
    expect(f1(p)).toMatchObject({ blocked: null, lastStep: 'call', nextStep: 'reminder', nextStepDate: '2026-11-02' });
    expect(f1(p).explain.at(-1)).toBe('reminder due 2026-11-02, postponed from 2026-10-25 = call 2026-10-18 + 7 days (dispute resolved 2026-11-02)');
    expect(p.actions[0]!.step).toBe('reminder');
  });

  it('a dispute raised again after a resolve blocks again', () => {
    const j = [dispute('2026-10-19', 'C1', [F1]), resolve('2026-10-20', 'C1', [F1]), dispute('2026-10-21', 'C1', [F1])];
    expect(f1(plan(j, '2026-10-25')).blocked).toBe('dispute');
  });

  it('hold on an invoice: blocked up to its date included, resumes the day after', () => {
    const j = [hold('2026-10-16', 'C1', '2026-10-31', 'invoice', [F1])];
    const on = plan(j, '2026-10-31');
    expect(f1(on)).toMatchObject({ blocked: 'hold', nextStep: 'call', nextStepDate: '2026-11-01' });
    expect(on.actions[0]!.invoices.map((i) => i.number)).toEqual(['F2']);
    const off = plan(j, '2026-11-01');
    expect(f1(off)).toMatchObject({ blocked: null, nextStepDate: '2026-11-01' });
  });

  it('hold on a customer covers all its invoices', () => {
    const p = plan([hold('2026-10-16', 'C1', '2026-11-15', 'customer')], '2026-11-10');
    expect(p.invoices.map((i) => i.blocked)).toEqual(['hold', 'hold']);
    expect(p.actions).toEqual([]);
  });

  it('promise: blocked until the promised date; unpaid after it, dunning resumes at the step where it was', () => {
    const j = [call('2026-10-18', 'C1', [F1, F2], 'promise'), promise('2026-10-18', 'C1', '2026-11-05', [F1])];
    const during = plan(j, '2026-11-05');
    expect(f1(during)).toMatchObject({ blocked: 'promise', nextStep: 'reminder', nextStepDate: '2026-11-06' });
    expect(f1(during).explain.at(-1)).toBe('blocked: promise to pay until 2026-11-05; dunning resumes on 2026-11-06 if still unpaid');
    const after = plan(j, '2026-11-06');
    expect(f1(after)).toMatchObject({ blocked: null, lastStep: 'call', nextStep: 'reminder', nextStepDate: '2026-11-06' });
    expect(after.actions[0]!.step).toBe('reminder');
  });

  it('min_amount: an invoice below policy.minAmount is not dunned; at the minimum it is', () => {
    const small = invoice({ ref: 'S', customer: 'C1', date: '2026-09-15', amount: 10000 });
    const r = rec([{ entry: small, residual: 499 }]);
    expect(plan([], '2026-11-01', r).invoices[0]).toMatchObject({ blocked: 'min_amount', residual: 499 as Cents });
    expect(plan([], '2026-11-01', r).actions).toEqual([]);
    expect(plan([], '2026-11-01', rec([{ entry: small, residual: 500 }])).invoices[0]!.blocked).toBeNull();
  });

  describe('--explain names the journal facts, the delay applied and the block', () => {
    const S = invoice({ ref: 'S', customer: 'C1', date: '2026-09-15', amount: 10000 }); // due 2026-10-15
    it.each([
      ['dispute', [call('2026-10-20', 'C1', [F1]), dispute('2026-10-22', 'C1', [F1])], '2026-11-01', both, 'active', [
        'due 2026-10-15 (invoice 2026-09-15 + 30 days)',
        'call done 2026-10-20 (journal)',
        'disputed 2026-10-22 (journal)',
        'reminder due 2026-10-27 = call 2026-10-20 + 7 days',
        'blocked: disputed since 2026-10-22, until resolved (dunning log resolve)',
      ]],
      ['hold', [hold('2026-10-16', 'C1', '2026-10-31', 'customer')], '2026-10-20', both, 'active', [
        'due 2026-10-15 (invoice 2026-09-15 + 30 days)',
        'hold 2026-10-16, until 2026-10-31 (journal)',
        'call due 2026-11-01, postponed from 2026-10-18 = due date 2026-10-15 + 3 days (hold until 2026-10-31)',
        'blocked: on hold until 2026-10-31',
      ]],
      ['min_amount', [], '2026-11-01', rec([{ entry: S, residual: 499 }]), 'active', [
        'due 2026-10-15 (invoice 2026-09-15 + 30 days)',
        'call due 2026-10-18 = due date 2026-10-15 + 3 days',
        'blocked: residual 4.99 below policy.minAmount 5.00',
      ]],
      ['insolvency', [], '2026-11-01', both, 'insolvency', [
        'due 2026-10-15 (invoice 2026-09-15 + 30 days)',
        'call due 2026-10-18 = due date 2026-10-15 + 3 days',
        'blocked: customer in insolvency proceedings (declare the claim to the court-appointed representative instead)',
      ]],
    ] as const)('%s', (_n, j, asOf, r, status, expected) => {
      expect(plan([...j], asOf, r, status).invoices[0]!.explain).toEqual(expected);
    });
  });

  describe('precedence: paid > insolvency > dispute > hold > promise > min_amount', () => {
    const small = invoice({ ref: 'S', customer: 'C1', date: '2026-09-15', amount: 100 });
    const all = [dispute('2026-10-16', 'C1', [small]), hold('2026-10-16', 'C1', '2026-12-31', 'invoice', [small]), promise('2026-10-16', 'C1', '2026-12-31', [small])];
    const r = rec([{ entry: small }]);
    const reason = (j: JournalEntry[], status: 'active' | 'insolvency' = 'active', rr = r) => plan(j, '2026-11-30', rr, status).invoices[0]?.blocked;
    it.each([
      ['insolvency over dispute', all, 'insolvency', 'insolvency'],
      ['dispute over hold', all, 'active', 'dispute'],
      ['hold over promise', all.slice(1), 'active', 'hold'],
      ['promise over min_amount', all.slice(2), 'active', 'promise'],
      ['min_amount alone', [], 'active', 'min_amount'],
    ] as const)('%s', (_n, j, status, expected) => {
      expect(reason([...j], status)).toBe(expected);
    });
    it('paid over everything', () => {
      const pay = payment({ customer: 'C1', date: '2026-11-20', amount: 100 });
      const paid = rec([{ entry: small, residual: 0 }], [{ debit: small, credit: pay, amount: 100 }]);
      expect(reason([call('2026-10-20', 'C1', [small]), ...all], 'insolvency', paid)).toBe('paid');
    });
  });
});
