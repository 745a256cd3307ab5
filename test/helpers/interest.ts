/**
 * Builders for interest tests: reconciliations written inline, without the reconcile engine.
 * Amounts are given in cents, dates as `YYYY-MM-DD`.
 */
import type { Allocation, Reconciliation } from '../../src/model/reconciliation.js';
import type { Cents } from '../../src/model/money.js';
import type { Customer, CustomerKind, CustomerStatus, IsoDate, LedgerEntry } from '../../src/model/types.js';

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
  return {
    id: `books.csv:${line}`,
    source: { file: 'books.csv', line },
    customer: p.customer ?? 'C1',
    customerName: `Name of ${p.customer ?? 'C1'}`,
    account: '411000',
    kind,
    side: kind === 'invoice' ? 'debit' : 'credit',
    amount: p.amount as Cents,
    ref: p.ref,
    date: day(p.date),
    dueDate: p.dueDate ? day(p.dueDate) : null,
    label: '',
    journal: '',
    entryNum: '',
    letter: null,
    letterDate: null,
    explicitInvoice: null,
    opening: p.opening ?? false,
    currency: 'EUR',
  };
}

export function customer(id: string, kind: CustomerKind = 'business', status: CustomerStatus = 'active'): Customer {
  return {
    id,
    name: `Name of ${id}`,
    address: [],
    postcode: '',
    city: '',
    country: 'France',
    email: '',
    phone: '',
    contact: '',
    language: 'fr',
    termsDays: null,
    termsEndOfMonth: false,
    kind,
    status,
    source: null,
  };
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
