/**
 * The result of lettrage: which credit settles which debit, by which rule, and what is left.
 * Aging, the dunning policy, interest and letters all read this.
 */
import type { Cents } from './money.js';
import type { IsoDate, LedgerEntry } from './types.js';

/** The rules, in the order they run (CONTRACT.md, Reconciliation). */
export const RULE_IDS = ['existing', 'explicit', 'reference', 'exact_amount', 'exact_sum', 'oldest_first'] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface Allocation {
  readonly customer: string;
  readonly debit: LedgerEntry;
  readonly credit: LedgerEntry;
  /** Positive cents moved from the credit onto the debit. */
  readonly amount: Cents;
  readonly rule: RuleId;
}

/** A debit (invoice, opening balance, reversed payment) with its due date and what is left. */
export interface DebitItem {
  readonly entry: LedgerEntry;
  readonly dueDate: IsoDate;
  /** amount minus every allocation to it; 0 when settled. Never negative. */
  readonly residual: Cents;
}

/** A credit (payment, credit note) and what is left of it: unapplied credit, on account. */
export interface CreditItem {
  readonly entry: LedgerEntry;
  readonly residual: Cents;
}

export interface Reconciliation {
  readonly allocations: readonly Allocation[];
  /** Every debit, settled or not, in input order. */
  readonly debits: readonly DebitItem[];
  /** Every credit, in input order. */
  readonly credits: readonly CreditItem[];
}
