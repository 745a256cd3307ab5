/**
 * The dunning plan (`dunning scan`): for every overdue invoice, where it stands and what comes
 * next; and the actions due on the as-of date, one per customer. Computed by policy/plan.ts,
 * rendered by cli/scan.ts, read by letters/.
 */
import type { StepId } from '../config/schema.js';
import type { Cents } from './money.js';
import type { IsoDate, LedgerEntry } from './types.js';

export type BlockReason = 'paid' | 'dispute' | 'hold' | 'promise' | 'min_amount' | 'insolvency';

export interface ScanInvoice {
  readonly customer: string;
  readonly number: string;
  /** Stable document key (policy/doc-key.ts). */
  readonly key: string;
  readonly entry: LedgerEntry;
  readonly dueDate: IsoDate;
  readonly daysLate: number;
  readonly residual: Cents;
  readonly lastStep: StepId | null;
  readonly lastStepDate: IsoDate | null;
  readonly nextStep: StepId | null;
  readonly nextStepDate: IsoDate | null;
  readonly blocked: BlockReason | null;
  /** Human-readable chain of facts behind `nextStep` (for `--explain`). */
  readonly explain: readonly string[];
}

export interface ScanAction {
  readonly customer: string;
  readonly step: StepId;
  /** Every overdue, unblocked invoice of that customer. */
  readonly invoices: readonly ScanInvoice[];
  readonly amount: Cents;
}

export interface ScanReport {
  readonly asOf: IsoDate;
  readonly invoices: readonly ScanInvoice[];
  readonly actions: readonly ScanAction[];
  /** Journal entries that name invoices no longer in the books, and the like (stderr). */
  readonly warnings?: readonly string[];
}
