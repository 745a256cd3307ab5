/**
 * Builders for interest tests: reconciliations written inline, without the reconcile engine.
 * Amounts are given in cents, dates as `YYYY-MM-DD`.
 */
import type { Allocation, Reconciliation } from '../../src/model/reconciliation.js';
import type { Cents } from '../../src/model/money.js';
import type { Customer, CustomerKind, CustomerStatus, IsoDate, LedgerEntry } from '../../src/model/types.js';
import { makeCustomer, makeEntry } from './ledger.js';

export const day = (s: string) => s as IsoDate;

let line = 1;

export function entry(p: {
  customer?: string;
  kind?: LedgerEntry['kind'];
  ref: string;
  date: string;
  amount: number;
  dueDate?: string;
  opening?: boolean;
}): LedgerEntry {
  line += 1;
  const kind = p.kind ?? 'invoice';
  const customer = p.customer ?? 'C1';
  return makeEntry({ ...p, customer, customerName: `Name of ${customer}`, kind, side: kind === 'invoice' ? 'debit' : 'credit', file: 'books.csv', line });
}

export function customer(id: string, kind: CustomerKind = 'business', status: CustomerStatus = 'active'): Customer {
  return makeCustomer({ id, name: `Name of ${id}`, kind, status });
}

export function customers(...cs: Customer[]): ReadonlyMap<string, Customer> {
  return new Map(cs.map((c) => [c.id, c]));
}

/** An invoice with its due date and the credits allocated to it (date, cents[, kind]). */
export interface InvoiceSpec {
  customer?: string;
  ref: string;
  date: string;
  due: string;
  amount: number;
  opening?: boolean;
  paid?: readonly (readonly [string, number] | readonly [string, number, 'payment' | 'credit_note'])[];
}

export function reconciliation(...specs: InvoiceSpec[]): Reconciliation {
  const debits: Reconciliation['debits'][number][] = [];
  const credits: Reconciliation['credits'][number][] = [];
  const allocations: Allocation[] = [];
  for (const s of specs) {
    const inv = entry({ customer: s.customer, ref: s.ref, date: s.date, amount: s.amount, dueDate: s.due, opening: s.opening });
    let residual = s.amount;
    (s.paid ?? []).forEach(([date, amount, kind], i) => {
      const credit = entry({ customer: s.customer, kind: kind ?? 'payment', ref: `${s.ref}-P${i + 1}`, date, amount });
      credits.push({ entry: credit, residual: 0 as Cents });
      allocations.push({ customer: inv.customer, debit: inv, credit, amount: amount as Cents, rule: 'explicit' });
      residual -= amount;
    });
    debits.push({ entry: inv, dueDate: day(s.due), residual: residual as Cents });
  }
  return { allocations, debits, credits };
}
