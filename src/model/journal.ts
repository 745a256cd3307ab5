/**
 * The journal: an append-only JSON Lines file of what was done (calls, letters, the litigation
 * dossier handed over) and what was
 * learnt (promises, disputes, holds, notes). One object per line; `v` is the format version.
 * Read and written by io/journal.ts; interpreted by policy/.
 */
import type { StepId } from '../config/schema.js';
import type { IsoDate } from './types.js';

export const JOURNAL_VERSION = 1;

/**
 * An invoice as the journal names it. `key` is the stable document key (policy/doc-key.ts),
 * which survives a new export where line numbers moved; `number` is the document reference
 * the user sees and types.
 */
export interface DocRef {
  readonly number: string;
  readonly key: string;
}

interface Base {
  readonly v: typeof JOURNAL_VERSION;
  /** Unique id of the entry (random), so a re-read never merges two entries. */
  readonly id: string;
  /** When it happened (`--date`, default today). */
  readonly date: IsoDate;
  /** When it was written, ISO timestamp. */
  readonly recordedAt: string;
  readonly customer: string;
  /** The invoices concerned; for a `log` without `--invoice`, every open (call: overdue) one. */
  readonly invoices: readonly DocRef[];
  readonly note?: string;
}

export type CallOutcome = 'reached' | 'no_answer' | 'promise';

export type JournalEntry =
  | (Base & { readonly type: 'call'; readonly outcome?: CallOutcome })
  | (Base & { readonly type: 'letter'; readonly step: Exclude<StepId, 'call'>; readonly file: string; readonly amount: string; readonly sha256?: string })
  | (Base & { readonly type: 'promise'; readonly until: IsoDate; readonly amount?: string })
  | (Base & { readonly type: 'dispute' })
  | (Base & { readonly type: 'resolve' })
  | (Base & { readonly type: 'hold'; readonly until: IsoDate; readonly scope: 'customer' | 'invoice' })
  | (Base & { readonly type: 'note' })
  /** The last step done: the dossier went to a collection agency, a bailiff or a lawyer. */
  | (Base & { readonly type: 'litigation' });

export type JournalEntryType = JournalEntry['type'];
