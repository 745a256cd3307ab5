/**
 * Builders for inline ledgers in tests: a LedgerEntry, a Customer or a whole Reconciliation
 * from the few fields a test cares about, every other field filled with a plain default.
 *
 *   const inv = makeEntry({ customer: 'C1', side: 'debit', amount: 12_000, ref: 'F1', date: '2026-01-10' });
 *   const rec = makeReconciliation({ debits: [debitItem(inv, { residual: 2_000 })] });
 */
import { addDays } from '../../src/model/dates.js';
import { cents } from '../../src/model/money.js';
import type { Allocation, CreditItem, DebitItem, Reconciliation, RuleId } from '../../src/model/reconciliation.js';
import type { Customer, EntryKind, IsoDate, LedgerEntry } from '../../src/model/types.js';

export interface EntrySpec {
  customer?: string;
  customerName?: string;
  side?: 'debit' | 'credit';
  /** Positive integer cents. */
  amount: number;
  ref?: string;
  /** `YYYY-MM-DD`. */
  date: string;
  dueDate?: string | null;
  kind?: EntryKind;
  file?: string;
  /** Line in `file`; default 2 (line 1 is the header). Give distinct lines to distinct entries. */
  line?: number;
  account?: string;
  label?: string;
  journal?: string;
  entryNum?: string;
  letter?: string | null;
  letterDate?: string | null;
  explicitInvoice?: string | null;
  opening?: boolean;
  currency?: string;
}

export function makeEntry(s: EntrySpec): LedgerEntry {
  const side = s.side ?? 'debit';
  const file = s.file ?? 'books.csv';
  const line = s.line ?? 2;
  const customer = s.customer ?? 'C001';
  return {
    id: `${file}:${line}`,
    source: { file, line },
    customer,
    customerName: s.customerName ?? `Customer ${customer}`,
    account: s.account ?? '411000',
    kind: s.kind ?? (side === 'debit' ? 'invoice' : 'payment'),
    side,
    amount: cents(s.amount),
    ref: s.ref ?? `${side === 'debit' ? 'F' : 'P'}${line}`,
    date: s.date as IsoDate,
    dueDate: (s.dueDate ?? null) as IsoDate | null,
    label: s.label ?? '',
    journal: s.journal ?? '',
    entryNum: s.entryNum ?? '',
    letter: s.letter ?? null,
    letterDate: (s.letterDate ?? null) as IsoDate | null,
    explicitInvoice: s.explicitInvoice ?? null,
    opening: s.opening ?? false,
    currency: s.currency ?? 'EUR',
  };
}

/** Several entries of one file, numbered line 2, 3, … in order unless a spec gives its line. */
export function makeEntries(specs: readonly EntrySpec[], file = 'books.csv'): LedgerEntry[] {
  return specs.map((s, i) => makeEntry({ file, line: i + 2, ...s }));
}

/** A debit as reconciliation leaves it: due date (default: the entry's, else date + 30 days) and residual (default: all of it). */
export function debitItem(entry: LedgerEntry, o: { dueDate?: string; residual?: number } = {}): DebitItem {
  const dueDate = (o.dueDate as IsoDate | undefined) ?? entry.dueDate ?? addDays(entry.date, 30);
  return { entry, dueDate, residual: cents(o.residual ?? entry.amount) };
}

export function creditItem(entry: LedgerEntry, residual?: number): CreditItem {
  return { entry, residual: cents(residual ?? entry.amount) };
}

export function allocation(debit: LedgerEntry, credit: LedgerEntry, amount: number, rule: RuleId = 'oldest_first'): Allocation {
  return { customer: debit.customer, debit, credit, amount: cents(amount), rule };
}

export function makeReconciliation(r: { debits?: DebitItem[]; credits?: CreditItem[]; allocations?: Allocation[] }): Reconciliation {
  return { debits: r.debits ?? [], credits: r.credits ?? [], allocations: r.allocations ?? [] };
}

export function makeCustomer(c: Partial<Customer> & { id: string }): Customer {
  return {
    name: `Customer ${c.id}`,
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
    kind: 'business',
    status: 'active',
    source: null,
    ...c,
  };
}

export function customerMap(cs: readonly Customer[]): Map<string, Customer> {
  return new Map(cs.map((c) => [c.id, c]));
}
