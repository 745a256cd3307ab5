/**
 * Which current invoices a journal entry concerns. The journal outlives any one export, so
 * entries name invoices by DocRef {number, key} and are matched again on every run:
 * 1. by key (policy/doc-key.ts), exact;
 * 2. a ref with an empty key (logged without data files) matches every document with that
 *    number of the entry's customer (of any customer when the entry's customer is '', as
 *    long as they all belong to one customer);
 * 3. a ref whose key no longer matches (the document changed) falls back to number +
 *    customer when exactly one document matches;
 * otherwise it matches nothing and is reported.
 * An entry with no refs concerns every invoice of its customer open on its date (for a call:
 * overdue on its date), the rule `dunning log` applies when it has the data; a customer-wide
 * hold concerns every invoice of the customer.
 */
import type { JournalEntry } from '../model/journal.js';
import type { Cents } from '../model/money.js';
import type { Allocation } from '../model/reconciliation.js';
import type { IsoDate, LedgerEntry } from '../model/types.js';

export interface KnownInvoice {
  readonly entry: LedgerEntry;
  readonly key: string;
  readonly dueDate: IsoDate;
}

export interface InvoiceIndex {
  readonly byKey: ReadonlyMap<string, KnownInvoice>;
  readonly byNumber: ReadonlyMap<string, readonly KnownInvoice[]>;
  readonly byCustomer: ReadonlyMap<string, readonly KnownInvoice[]>;
  /** Allocations per debit id, to tell whether an invoice was open on a past date. */
  readonly allocations: ReadonlyMap<string, readonly Allocation[]>;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export function indexInvoices(invoices: readonly KnownInvoice[], allocations: readonly Allocation[]): InvoiceIndex {
  const byKey = new Map<string, KnownInvoice>();
  const byNumber = new Map<string, KnownInvoice[]>();
  const byCustomer = new Map<string, KnownInvoice[]>();
  for (const inv of invoices) {
    byKey.set(inv.key, inv);
    push(byNumber, inv.entry.ref, inv);
    push(byCustomer, inv.entry.customer, inv);
  }
  const allocs = new Map<string, Allocation[]>();
  for (const a of allocations) push(allocs, a.debit.id, a);
  return { byKey, byNumber, byCustomer, allocations: allocs };
}

/** What was left to pay on an invoice at the end of `date`, by the credits dated up to it. */
export function residualOn(index: InvoiceIndex, inv: KnownInvoice, date: IsoDate): Cents {
  let paid = 0;
  for (const a of index.allocations.get(inv.entry.id) ?? []) if (a.credit.date <= date) paid += a.amount;
  return (inv.entry.amount - paid) as Cents;
}

export interface EntryMatch {
  readonly invoices: readonly KnownInvoice[];
  /** Numbers of refs that matched nothing (or too much). */
  readonly unmatched: readonly string[];
}

function matchRef(index: InvoiceIndex, customer: string, number: string, key: string): KnownInvoice[] {
  if (key !== '') {
    const exact = index.byKey.get(key);
    if (exact) return [exact];
  }
  const sameNumber = index.byNumber.get(number) ?? [];
  if (key !== '') {
    const c = sameNumber.filter((i) => i.entry.customer === customer);
    return c.length === 1 ? c : [];
  }
  const candidates = customer === '' ? sameNumber : sameNumber.filter((i) => i.entry.customer === customer);
  const owners = new Set(candidates.map((i) => i.entry.customer));
  return owners.size === 1 ? [...candidates] : [];
}

/** A customer-scope hold naming something that is not a customer but an invoice number. */
function holdTarget(index: InvoiceIndex, e: JournalEntry): KnownInvoice[] | null {
  if (e.type !== 'hold' || e.scope !== 'customer' || index.byCustomer.has(e.customer)) return null;
  const m = matchRef(index, '', e.customer, '');
  return m.length ? m : null;
}

/** Entry types that, naming no invoice, concern the invoices overdue on their date (not every open one). */
const OVERDUE_ONLY: ReadonlySet<JournalEntry['type']> = new Set(['call', 'litigation']);

export function matchEntry(index: InvoiceIndex, e: JournalEntry): EntryMatch {
  if (e.type === 'note') return { invoices: [], unmatched: [] };
  if (e.type === 'hold' && e.scope === 'customer') {
    return { invoices: holdTarget(index, e) ?? index.byCustomer.get(e.customer) ?? [], unmatched: [] };
  }
  if (e.invoices.length === 0) {
    const all = index.byCustomer.get(e.customer) ?? [];
    const open = all.filter(
      (i) => i.entry.date <= e.date && residualOn(index, i, e.date) > 0 && (!OVERDUE_ONLY.has(e.type) || i.dueDate < e.date),
    );
    return { invoices: open, unmatched: [] };
  }
  const found: KnownInvoice[] = [];
  const unmatched: string[] = [];
  for (const ref of e.invoices) {
    const m = matchRef(index, e.customer, ref.number, ref.key);
    if (m.length === 0) unmatched.push(ref.number);
    for (const i of m) if (!found.includes(i)) found.push(i);
  }
  return { invoices: found, unmatched };
}
