import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../src/ledger/reconcile.js';
import type { Reconciliation } from '../../src/model/reconciliation.js';
import type { Cents } from '../../src/model/money.js';
import type { IsoDate, LedgerEntry } from '../../src/model/types.js';
import { RULES30 } from './reconcile-fixtures.js';

const CUSTOMERS = ['C1', 'C2', 'C3', 'C4'];
const REFS = ['F1', 'F2', 'F2026-014', 'FA 220036', 'VE 0323', 'sans', '0000000'];

/** A random ledger line; `line` is made unique afterwards. */
const lineArb = fc.record({
  customer: fc.constantFrom(...CUSTOMERS),
  side: fc.constantFrom('debit' as const, 'credit' as const),
  amount: fc.oneof(fc.integer({ min: 1, max: 50_000 }), fc.constantFrom(100_00, 50_00, 25_00, 74_06)),
  day: fc.integer({ min: 1, max: 120 }),
  ref: fc.constantFrom(...REFS),
  label: fc.constantFrom('', 'VIR SEPA FACT F2026-014', 'VIR 220036', 'F2 F1', 'REMISE CHQ'),
  letter: fc.option(fc.constantFrom('AA', 'AB', '0:AB'), { freq: 3 }),
  explicit: fc.option(fc.constantFrom(...REFS), { freq: 5 }),
  creditNote: fc.boolean(),
});

interface LineSpec {
  customer: string;
  side: 'debit' | 'credit';
  amount: number;
  day: number;
  ref: string;
  label: string;
  letter: string | null;
  explicit: string | null;
  creditNote: boolean;
}

function toEntries(lines: readonly LineSpec[]): LedgerEntry[] {
  return lines.map((l, i) => {
    const line = i + 2;
    const date = new Date(Date.UTC(2026, 0, l.day)).toISOString().slice(0, 10) as IsoDate;
    return {
      id: `f.txt:${line}`,
      source: { file: 'f.txt', line },
      customer: l.customer,
      customerName: l.customer,
      account: '411000',
      kind: l.side === 'debit' ? 'invoice' : l.creditNote ? 'credit_note' : 'payment',
      side: l.side,
      amount: l.amount as Cents,
      ref: l.ref,
      date,
      dueDate: null,
      label: l.label,
      journal: '',
      entryNum: '',
      letter: l.letter,
      letterDate: null,
      explicitInvoice: l.side === 'credit' ? l.explicit : null,
      opening: false,
      currency: 'EUR',
    };
  });
}

const ledgerArb = fc.array(lineArb, { minLength: 0, maxLength: 60 }).map(toEntries);

function invariants(entries: readonly LedgerEntry[], r: Reconciliation): void {
  expect(r.debits.length + r.credits.length).toBe(entries.length);
  const net = new Map<string, number>();
  const left = new Map<string, number>();
  for (const e of entries) net.set(e.customer, (net.get(e.customer) ?? 0) + (e.side === 'debit' ? e.amount : -e.amount));
  for (const d of r.debits) {
    expect(d.residual).toBeGreaterThanOrEqual(0);
    expect(d.residual).toBeLessThanOrEqual(d.entry.amount);
    left.set(d.entry.customer, (left.get(d.entry.customer) ?? 0) + d.residual);
  }
  for (const c of r.credits) {
    expect(c.residual).toBeGreaterThanOrEqual(0);
    expect(c.residual).toBeLessThanOrEqual(c.entry.amount);
    left.set(c.entry.customer, (left.get(c.entry.customer) ?? 0) - c.residual);
  }
  // Money is conserved per customer.
  for (const [customer, n] of net) expect(left.get(customer) ?? 0).toBe(n);
  // Allocations add up to what left each entry, never exceed it, and stay within a customer.
  const used = new Map<LedgerEntry, number>();
  for (const a of r.allocations) {
    expect(a.amount).toBeGreaterThan(0);
    expect(a.debit.customer).toBe(a.customer);
    expect(a.credit.customer).toBe(a.customer);
    expect(a.debit.side).toBe('debit');
    expect(a.credit.side).toBe('credit');
    for (const e of [a.debit, a.credit]) used.set(e, (used.get(e) ?? 0) + a.amount);
  }
  for (const d of r.debits) expect(used.get(d.entry) ?? 0).toBe(d.entry.amount - d.residual);
  for (const c of r.credits) expect(used.get(c.entry) ?? 0).toBe(c.entry.amount - c.residual);
  // Once every rule ran, a customer cannot have both open debits and unapplied credits.
  const open = new Set(r.debits.filter((d) => d.residual > 0).map((d) => d.entry.customer));
  for (const c of r.credits) if (c.residual > 0) expect(open.has(c.entry.customer)).toBe(false);
}

/** What matters of a result, independent of input order. */
function canonical(r: Reconciliation): string[] {
  return [
    ...r.allocations.map((a) => `${a.debit.id}<-${a.credit.id}:${a.amount}:${a.rule}`),
    ...r.debits.map((d) => `${d.entry.id}=${d.residual}@${d.dueDate}`),
    ...r.credits.map((c) => `${c.entry.id}=${c.residual}`),
  ].sort();
}

describe('reconcile: properties', () => {
  it('conserves money, keeps residuals within [0, amount], never mixes customers', () => {
    fc.assert(
      fc.property(ledgerArb, (entries) => invariants(entries, reconcile(entries, { dueDates: RULES30 }))),
      { numRuns: 300 },
    );
  });

  it('holds for every subset of rules too', () => {
    const rulesArb = fc.subarray(['existing', 'explicit', 'reference', 'exact_amount', 'exact_sum', 'oldest_first'] as const);
    fc.assert(
      fc.property(ledgerArb, rulesArb, (entries, rules) => {
        const r = reconcile(entries, { dueDates: RULES30, rules });
        // Without oldest_first open debits and unapplied credits may coexist: check the rest.
        if (rules.includes('oldest_first')) invariants(entries, r);
        else for (const d of r.debits) expect(d.residual).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic: the order of the input lines does not change the result', () => {
    fc.assert(
      fc.property(
        ledgerArb.chain((entries) => fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }))),
        ([entries, shuffled]) => {
          expect(canonical(reconcile(shuffled, { dueDates: RULES30 }))).toEqual(canonical(reconcile(entries, { dueDates: RULES30 })));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a balanced lettering group comes out fully settled by `existing`', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 4 }), (debits, parts) => {
        const total = debits.reduce((a, b) => a + b, 0);
        const credits = Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i === 0 ? total % parts : 0)).filter((x) => x > 0);
        const lines = [
          ...debits.map((amount, i) => ({ customer: 'C1', side: 'debit' as const, amount, day: 1 + i, ref: `F${i}`, label: '', letter: 'ZZ', explicit: null, creditNote: false })),
          ...credits.map((amount, i) => ({ customer: 'C1', side: 'credit' as const, amount, day: 30 + i, ref: `P${i}`, label: '', letter: 'ZZ', explicit: null, creditNote: false })),
        ];
        const entries = toEntries(lines);
        const r = reconcile(entries, { dueDates: RULES30 });
        expect(r.allocations.every((a) => a.rule === 'existing')).toBe(true);
        expect([...r.debits, ...r.credits].every((x) => x.residual === 0)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
