/**
 * The aged balance (balance âgée): every open debit residual of a customer put into its age
 * bucket, the customer's unapplied credit beside it, and the balance. Computed once, as data,
 * by a pure function; the table, CSV and JSON renderers (ledger/aging-render.ts) only format it.
 *
 * Rules (CONTRACT.md, Aging; the README notes say the same):
 * - basis `due`: days late = as-of minus due date; 0 or less is `not_due`, then one bucket per
 *   limit (`1-30`, `31-60`, `61-90`) and the last one open-ended (`91+`).
 * - basis `issue`: age = as-of minus the document date. Aging by issue date measures age, not
 *   lateness, so there is no `not_due`: the first bucket starts at 0 (`0-30`, `31-60`, …).
 *   `daysLate` on an invoice stays the lateness against the due date whatever the basis.
 */
import { add, sub, sum, ZERO, type Cents } from '../model/money.js';
import { daysBetween } from '../model/dates.js';
import type { Reconciliation } from '../model/reconciliation.js';
import type { Customer, IsoDate, LedgerEntry, Source } from '../model/types.js';

export type AgingBasis = 'due' | 'issue';

export interface AgingOptions {
  readonly asOf: IsoDate;
  /** Upper limits in days of the bounded buckets: strictly increasing positive integers. */
  readonly buckets: readonly number[];
  readonly basis: AgingBasis;
  /** Whether renderers show the invoices under each customer (`--by invoice`). */
  readonly byInvoice: boolean;
}

/** An open debit and where it falls. */
export interface AgedInvoice {
  readonly entry: LedgerEntry;
  /** The document reference (PieceRef, invoice number). */
  readonly number: string;
  readonly source: Source;
  readonly date: IsoDate;
  readonly dueDate: IsoDate;
  /** As-of minus due date, 0 when not yet due. */
  readonly daysLate: number;
  /** The original amount of the document. */
  readonly amount: Cents;
  readonly residual: Cents;
  /** Index into `AgingReport.buckets`. */
  readonly bucket: number;
}

export interface AgedCustomer {
  readonly id: string;
  readonly name: string;
  /** Sum of buckets minus unapplied. */
  readonly balance: Cents;
  /** The customer's credit residuals (payments and credit notes on account). */
  readonly unapplied: Cents;
  /** Amounts per bucket, aligned with `AgingReport.buckets`. */
  readonly buckets: readonly Cents[];
  /** Open debits, by due date, then number, then source. */
  readonly invoices: readonly AgedInvoice[];
}

export interface AgingTotals {
  readonly balance: Cents;
  readonly unapplied: Cents;
  readonly buckets: readonly Cents[];
}

export interface AgingReport {
  readonly asOf: IsoDate;
  readonly currency: 'EUR';
  readonly basis: AgingBasis;
  readonly byInvoice: boolean;
  /** Bucket names, e.g. `not_due`, `1-30`, `31-60`, `61-90`, `91+`. */
  readonly buckets: readonly string[];
  /** Customers with something open or unapplied, by id. */
  readonly customers: readonly AgedCustomer[];
  readonly totals: AgingTotals;
}

/** Why a bucket list is unusable, or null when it is fine. */
export function bucketsProblem(limits: readonly number[]): string | null {
  if (limits.length === 0) return 'at least one limit';
  for (const [i, n] of limits.entries()) {
    if (!Number.isSafeInteger(n) || n <= 0) return 'positive whole numbers of days';
    if (i > 0 && n <= limits[i - 1]!) return 'strictly increasing limits';
  }
  return null;
}

/** `[30, 60, 90]` → `not_due, 1-30, 31-60, 61-90, 91+` (basis `issue`: `0-30, 31-60, …`). */
export function bucketNames(limits: readonly number[], basis: AgingBasis): string[] {
  const names: string[] = basis === 'due' ? ['not_due'] : [];
  let from = basis === 'due' ? 1 : 0;
  for (const to of limits) {
    names.push(`${from}-${to}`);
    from = to + 1;
  }
  names.push(`${from}+`);
  return names;
}

/** The bucket index of an age in days (days late for `due`, days since issue for `issue`). */
export function bucketIndex(days: number, limits: readonly number[], basis: AgingBasis): number {
  const offset = basis === 'due' ? 1 : 0;
  if (basis === 'due' && days <= 0) return 0;
  const i = limits.findIndex((limit) => days <= limit);
  return offset + (i === -1 ? limits.length : i);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareInvoices(a: AgedInvoice, b: AgedInvoice): number {
  return (
    compareText(a.dueDate, b.dueDate) ||
    compareText(a.number, b.number) ||
    compareText(a.source.file, b.source.file) ||
    a.source.line - b.source.line
  );
}

interface Pile {
  name: string;
  unapplied: Cents;
  invoices: AgedInvoice[];
}

/**
 * Ages the open items of `rec` (the books as of `opts.asOf`, see ledger/as-of.ts). Customers
 * with nothing open and nothing unapplied are left out. Totals are the sums of the customers,
 * and so the receivable balance (debits minus credits) of the entries reconciled.
 */
export function ageBalances(rec: Reconciliation, customers: ReadonlyMap<string, Customer>, opts: AgingOptions): AgingReport {
  const problem = bucketsProblem(opts.buckets);
  if (problem) throw new RangeError(`aging buckets: expected ${problem}, got [${opts.buckets.join(', ')}]`);
  const names = bucketNames(opts.buckets, opts.basis);
  const piles = new Map<string, Pile>();
  const pileOf = (entry: LedgerEntry): Pile => {
    let p = piles.get(entry.customer);
    if (!p) {
      const name = customers.get(entry.customer)?.name || entry.customerName;
      p = { name, unapplied: ZERO, invoices: [] };
      piles.set(entry.customer, p);
    }
    return p;
  };

  // Ledgers hold a few hundred distinct dates for hundreds of thousands of lines.
  const daysTo = new Map<IsoDate, number>();
  const daysToAsOf = (d: IsoDate): number => {
    let n = daysTo.get(d);
    if (n === undefined) daysTo.set(d, (n = daysBetween(d, opts.asOf)));
    return n;
  };

  for (const d of rec.debits) {
    if (d.residual <= 0) continue;
    const overdue = daysToAsOf(d.dueDate);
    const age = opts.basis === 'due' ? overdue : daysToAsOf(d.entry.date);
    pileOf(d.entry).invoices.push({
      entry: d.entry,
      number: d.entry.ref,
      source: d.entry.source,
      date: d.entry.date,
      dueDate: d.dueDate,
      daysLate: Math.max(0, overdue),
      amount: d.entry.amount,
      residual: d.residual,
      bucket: bucketIndex(age, opts.buckets, opts.basis),
    });
  }
  for (const c of rec.credits) {
    if (c.residual <= 0) continue;
    const p = pileOf(c.entry);
    p.unapplied = add(p.unapplied, c.residual);
  }

  const agedCustomers: AgedCustomer[] = [...piles.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([id, p]) => {
      const invoices = p.invoices.sort(compareInvoices);
      const buckets = names.map(() => ZERO);
      for (const inv of invoices) buckets[inv.bucket] = add(buckets[inv.bucket]!, inv.residual);
      return { id, name: p.name, balance: sub(sum(buckets), p.unapplied), unapplied: p.unapplied, buckets, invoices };
    });

  const totals: AgingTotals = {
    balance: sum(agedCustomers.map((c) => c.balance)),
    unapplied: sum(agedCustomers.map((c) => c.unapplied)),
    buckets: names.map((_, i) => sum(agedCustomers.map((c) => c.buckets[i]!))),
  };
  return { asOf: opts.asOf, currency: 'EUR', basis: opts.basis, byInvoice: opts.byInvoice, buckets: names, customers: agedCustomers, totals };
}
