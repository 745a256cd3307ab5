/**
 * What the journal says about each invoice: steps done, promises, holds, disputes. Entries
 * dated after the as-of date are not known yet on that date and are left out, so a scan
 * "as of" a past date sees the journal as it stood then.
 */
import type { StepId } from '../config/schema.js';
import type { CallOutcome, JournalEntry } from '../model/journal.js';
import type { IsoDate } from '../model/types.js';
import { indexInvoices, matchEntry, type KnownInvoice } from './journal-match.js';
import type { Allocation } from '../model/reconciliation.js';

export interface StepDone {
  readonly step: StepId;
  readonly date: IsoDate;
  readonly outcome?: CallOutcome;
  readonly file?: string;
}

export interface Period {
  readonly date: IsoDate;
  readonly until: IsoDate;
  readonly amount?: string;
}

export interface InvoiceFacts {
  /** Chronological. */
  readonly steps: StepDone[];
  readonly promises: Period[];
  readonly holds: Period[];
  /** Dispute and resolve events, chronological. */
  readonly disputes: { readonly type: 'dispute' | 'resolve'; readonly date: IsoDate }[];
}

export interface JournalFacts {
  /** By invoice key. */
  readonly byInvoice: ReadonlyMap<string, InvoiceFacts>;
  /** `entry <id> (<date> <type>): invoice N matches no document`… */
  readonly warnings: readonly string[];
}

export const emptyFacts = (): InvoiceFacts => ({ steps: [], promises: [], holds: [], disputes: [] });

/** Oldest first: by date, then by when it was written (then id, for a total order). */
export function compareEntries(a: JournalEntry, b: JournalEntry): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.recordedAt !== b.recordedAt) return a.recordedAt < b.recordedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function collectFacts(
  journal: readonly JournalEntry[],
  invoices: readonly KnownInvoice[],
  allocations: readonly Allocation[],
  asOf: IsoDate,
): JournalFacts {
  const index = indexInvoices(invoices, allocations);
  const byInvoice = new Map<string, InvoiceFacts>();
  const warnings: string[] = [];
  const entries = journal.filter((e) => e.date <= asOf).sort(compareEntries);
  for (const e of entries) {
    const { invoices: concerned, unmatched } = matchEntry(index, e);
    for (const n of unmatched) {
      warnings.push(`journal entry of ${e.date} (${e.type}${e.customer ? `, customer ${e.customer}` : ''}): invoice ${n} matches no document in the books, ignored`);
    }
    for (const inv of concerned) {
      let f = byInvoice.get(inv.key);
      if (!f) byInvoice.set(inv.key, (f = emptyFacts()));
      switch (e.type) {
        case 'call':
          f.steps.push({ step: 'call', date: e.date, ...(e.outcome ? { outcome: e.outcome } : {}) });
          break;
        case 'letter':
          f.steps.push({ step: e.step, date: e.date, file: e.file });
          break;
        case 'litigation':
          f.steps.push({ step: 'litigation', date: e.date });
          break;
        case 'promise':
          f.promises.push({ date: e.date, until: e.until, ...(e.amount ? { amount: e.amount } : {}) });
          break;
        case 'hold':
          f.holds.push({ date: e.date, until: e.until });
          break;
        case 'dispute':
        case 'resolve':
          f.disputes.push({ type: e.type, date: e.date });
          break;
        case 'note':
          break;
      }
    }
  }
  return { byInvoice, warnings };
}
