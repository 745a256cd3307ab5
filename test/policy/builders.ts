/**
 * Inline builders for policy tests: invoices, reconciliations and journal entries from the few
 * fields a test cares about. Amounts in cents, dates `YYYY-MM-DD`.
 */
import type { StepId } from '../../src/config/schema.js';
import { addDays } from '../../src/model/dates.js';
import type { CallOutcome, DocRef, JournalEntry } from '../../src/model/journal.js';
import type { Cents } from '../../src/model/money.js';
import type { Allocation, DebitItem, Reconciliation } from '../../src/model/reconciliation.js';
import type { Customer, CustomerStatus, IsoDate, LedgerEntry } from '../../src/model/types.js';
import { docKey } from '../../src/policy/doc-key.js';
import { makeCustomer, makeEntry } from '../helpers/ledger.js';

export const d = (s: string) => s as IsoDate;

let nextLine = 2;

export function invoice(p: { ref: string; customer?: string; date: string; amount: number; dueDate?: string; line?: number; file?: string }): LedgerEntry {
  const customer = p.customer ?? 'C1';
  return makeEntry({ ...p, customer, file: p.file ?? 'invoices.csv', line: p.line ?? nextLine++ });
}

export function payment(p: { customer?: string; date: string; amount: number }): LedgerEntry {
  return { ...invoice({ ref: `P${nextLine}`, ...p }), kind: 'payment', side: 'credit' };
}

/** Debits with their due date (given, else date + 30) and residual (default: unpaid). */
export function rec(
  items: readonly { entry: LedgerEntry; residual?: number }[],
  payments: readonly { debit: LedgerEntry; credit: LedgerEntry; amount: number }[] = [],
): Reconciliation {
  const debits: DebitItem[] = items.map(({ entry, residual }) => ({
    entry,
    dueDate: entry.dueDate ?? addDays(entry.date, 30),
    residual: (residual ?? entry.amount) as Cents,
  }));
  const allocations: Allocation[] = payments.map((p) => ({ customer: p.debit.customer, debit: p.debit, credit: p.credit, amount: p.amount as Cents, rule: 'explicit' }));
  return { allocations, debits, credits: payments.map((p) => ({ entry: p.credit, residual: 0 as Cents })) };
}

export function customer(id: string, status: CustomerStatus = 'active', extra: Partial<Customer> = {}): Customer {
  return makeCustomer({ id, status, ...extra });
}

export const customers = (...cs: Customer[]) => new Map(cs.map((c) => [c.id, c]));

export const ref = (e: LedgerEntry): DocRef => ({ number: e.ref, key: docKey(e) });

let seq = 0;
function base(date: string, customer: string, invoices: readonly LedgerEntry[] | readonly DocRef[], note?: string) {
  seq += 1;
  const refs = invoices.map((i) => ('kind' in i ? ref(i) : i));
  return { v: 1 as const, id: `e${String(seq).padStart(4, '0')}`, date: d(date), recordedAt: `${date}T12:00:00.${String(seq).padStart(3, '0')}Z`, customer, invoices: refs, ...(note ? { note } : {}) };
}

type Refs = readonly LedgerEntry[] | readonly DocRef[];

export const call = (date: string, customer: string, invoices: Refs = [], outcome?: CallOutcome): JournalEntry =>
  ({ ...base(date, customer, invoices), type: 'call', ...(outcome ? { outcome } : {}) });
export const letter = (date: string, customer: string, step: Exclude<StepId, 'call'>, invoices: Refs = []): JournalEntry =>
  ({ ...base(date, customer, invoices), type: 'letter', step, file: `${customer}-${step}.pdf`, amount: '0.00' });
export const promise = (date: string, customer: string, until: string, invoices: Refs = []): JournalEntry =>
  ({ ...base(date, customer, invoices), type: 'promise', until: d(until) });
export const hold = (date: string, customer: string, until: string, scope: 'customer' | 'invoice', invoices: Refs = []): JournalEntry =>
  ({ ...base(date, customer, invoices), type: 'hold', until: d(until), scope });
export const litigation = (date: string, customer: string, invoices: Refs = []): JournalEntry => ({ ...base(date, customer, invoices), type: 'litigation' });
export const dispute = (date: string, customer: string, invoices: Refs): JournalEntry => ({ ...base(date, customer, invoices), type: 'dispute' });
export const resolve = (date: string, customer: string, invoices: Refs): JournalEntry => ({ ...base(date, customer, invoices), type: 'resolve' });
