/** STUB (reconciliation work). */
import type { Reconciliation } from '../model/reconciliation.js';
import type { LedgerEntry } from '../model/types.js';
import type { DueDateRules } from './due-date.js';

export interface ReconcileOptions {
  readonly dueDates: DueDateRules;
}

export function reconcile(_entries: readonly LedgerEntry[], _opts: ReconcileOptions): Reconciliation {
  throw new Error('reconcile: not implemented yet');
}
