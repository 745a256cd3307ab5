/**
 * One customer's side of lettrage while it runs: its debits in age order, its credits in date
 * order, what is left of each, and the allocations made so far. The rules (one module each,
 * see ./index.ts) read and settle it through `allocate`, the only place residuals move, so
 * money is conserved by construction: an allocation never exceeds either residual.
 */
import { addDays } from '../../model/dates.js';
import type { Cents } from '../../model/money.js';
import type { Allocation, RuleId } from '../../model/reconciliation.js';
import type { IsoDate, LedgerEntry } from '../../model/types.js';

export interface OpenDebit {
  readonly entry: LedgerEntry;
  readonly dueDate: IsoDate;
  residual: Cents;
  /** Position in age order (due date, date, file, line): the tie-break of every rule. */
  readonly rank: number;
  /** Position in the caller's list of entries (`pos` of the input), -1 when not given. */
  readonly pos: number;
}

export interface OpenCredit {
  readonly entry: LedgerEntry;
  residual: Cents;
  /** Position in date order (date, file, line). */
  readonly rank: number;
  /** Position in the caller's list of entries (`creditPos`), -1 when not given. */
  readonly pos: number;
}

/** Total order on sources, independent of the order entries arrive in. */
export function compareSource(a: LedgerEntry, b: LedgerEntry): number {
  if (a.source.file !== b.source.file) return a.source.file < b.source.file ? -1 : 1;
  if (a.source.line !== b.source.line) return a.source.line - b.source.line;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export class CustomerBook {
  /** Age order: due date, then document date, then source. */
  readonly debits: readonly OpenDebit[];
  /** Date order: date, then source. */
  readonly credits: readonly OpenCredit[];
  readonly allocations: Allocation[] = [];
  /** Every debit before this index is settled (residuals only ever go down). */
  private firstOpen = 0;
  /** Open debits by residual, kept true by `allocate` (exact_amount reads it). */
  private readonly byResidual = new Map<number, Set<OpenDebit>>();
  private readonly memos = new Map<string, unknown>();
  /** The longest gap between a debit's date and its due date, in days (0 at least). */
  private readonly maxTermsDays: number;

  constructor(
    readonly customer: string,
    debits: readonly { entry: LedgerEntry; dueDate: IsoDate; pos?: number }[],
    credits: readonly LedgerEntry[],
    /** At least the longest gap, in days, between a debit's date and its due date. */
    maxTermsDays: number,
    private readonly shifted: Map<string, IsoDate> = new Map(),
    /** Where each credit sits in the caller's list (aligned with `credits`), to map results back without a Map. */
    creditPos?: readonly number[],
  ) {
    const ds = [...debits].sort(
      (a, b) => compareText(a.dueDate, b.dueDate) || compareText(a.entry.date, b.entry.date) || compareSource(a.entry, b.entry),
    );
    this.debits = ds.map((d, rank) => ({ entry: d.entry, dueDate: d.dueDate, residual: d.entry.amount, rank, pos: d.pos ?? -1 }));
    const order = credits.map((_, i) => i);
    order.sort((i, j) => compareText(credits[i]!.date, credits[j]!.date) || compareSource(credits[i]!, credits[j]!));
    this.credits = order.map((i, rank) => ({ entry: credits[i]!, residual: credits[i]!.amount, rank, pos: creditPos?.[i] ?? -1 }));
    for (const d of this.debits) this.index(d);
    this.maxTermsDays = Math.max(0, maxTermsDays);
  }

  private index(d: OpenDebit): void {
    if (d.residual <= 0) return;
    const set = this.byResidual.get(d.residual);
    if (set) set.add(d);
    else this.byResidual.set(d.residual, new Set([d]));
  }

  private unindex(d: OpenDebit): void {
    const set = this.byResidual.get(d.residual);
    if (!set) return;
    set.delete(d);
    if (set.size === 0) this.byResidual.delete(d.residual);
  }

  /** Open debits whose residual is exactly `amount`, in no particular order. */
  debitsWithResidual(amount: number): ReadonlySet<OpenDebit> {
    return this.byResidual.get(amount) ?? new Set();
  }

  /** `addDays`, remembered across the whole run: rules shift the same few dates per credit. */
  shiftDate(date: IsoDate, days: number): IsoDate {
    const key = `${date}+${days}`;
    let d = this.shifted.get(key);
    if (d === undefined) this.shifted.set(key, (d = addDays(date, days)));
    return d;
  }

  /** A cache to share between the books of one run (see shiftDate). */
  static dateCache(): Map<string, IsoDate> {
    return new Map();
  }

  /** A rule's own index over this book, built once on first use. */
  memo<T>(key: string, build: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, build());
    return this.memos.get(key) as T;
  }

  /** Moves `amount` (clamped to both residuals) from the credit onto the debit. */
  allocate(debit: OpenDebit, credit: OpenCredit, amount: Cents, rule: RuleId): Cents {
    const a = Math.min(amount, debit.residual, credit.residual) as Cents;
    if (a <= 0) return 0 as Cents;
    this.unindex(debit);
    debit.residual = (debit.residual - a) as Cents;
    this.index(debit);
    credit.residual = (credit.residual - a) as Cents;
    this.allocations.push({ customer: this.customer, debit: debit.entry, credit: credit.entry, amount: a, rule });
    return a;
  }

  /** Settles `credit` against `debits` in the order given, as far as it goes. */
  allocateInOrder(debits: Iterable<OpenDebit>, credit: OpenCredit, rule: RuleId): void {
    for (const d of debits) {
      if (credit.residual <= 0) return;
      if (d.residual > 0) this.allocate(d, credit, d.residual, rule);
    }
  }

  /**
   * Open debits dated on or before `date`, in age order. The walk stops once due dates pass
   * `date` plus the longest terms of this book, beyond which no debit can be dated on or
   * before `date`: a payment's walk does not cross every later invoice.
   */
  *openDebitsDatedBy(date: IsoDate): Generator<OpenDebit> {
    const limit = this.shiftDate(date, this.maxTermsDays);
    for (const d of this.openDebits()) {
      if (d.dueDate > limit) return;
      if (d.entry.date <= date) yield d;
    }
  }

  /** Open debits in age order. Lazy: a rule may settle some while it walks. */
  *openDebits(): Generator<OpenDebit> {
    while (this.firstOpen < this.debits.length && this.debits[this.firstOpen]!.residual <= 0) this.firstOpen++;
    for (let i = this.firstOpen; i < this.debits.length; i++) {
      const d = this.debits[i]!;
      if (d.residual > 0) yield d;
    }
  }

}
