/**
 * The shared vocabulary of dunning. Every record is readonly and knows where it came from.
 * Amounts are integer cents (see money.ts); dates are ISO `YYYY-MM-DD` strings, which sort
 * and compare as text.
 */
import type { Cents } from './money.js';

/** A calendar date `YYYY-MM-DD`. Built only by the date helpers, so always valid. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

/** Where a record came from. `line` is 1-based; line 1 is the header of a file. */
export interface Source {
  readonly file: string;
  readonly line: number;
}

export type Severity = 'error' | 'warning';

/** A problem found in the data or the config: gathered, never thrown at the first bad row. */
export interface Problem {
  readonly severity: Severity;
  readonly source?: Source;
  /** The field (column header or config path) the problem is about, when there is one. */
  readonly field?: string;
  /** What is wrong, e.g. `found "12.34.56", expected an amount like 1234,56`. */
  readonly message: string;
}

/** A stage's result: the values it could make and every problem it met. */
export interface Checked<T> {
  readonly value: T;
  readonly problems: readonly Problem[];
}

/**
 * What a customer-account line is.
 * - `invoice`: a debit (an invoice, an opening balance, or a reversed payment).
 * - `credit_note`: a credit in a sales journal (or a negative invoice in a CSV).
 * - `payment`: any other credit.
 */
export type EntryKind = 'invoice' | 'credit_note' | 'payment';

/** A line of the receivable ledger: one document, one customer, one side. */
export interface LedgerEntry {
  /** Unique within a run: `<file>:<line>`. */
  readonly id: string;
  readonly source: Source;
  readonly customer: string;
  /** Customer name as the books carry it (CompAuxLib / CompteLib, or the CSV). */
  readonly customerName: string;
  /** The general-ledger account (CompteNum), lettering codes are unique per account. */
  readonly account: string;
  readonly kind: EntryKind;
  readonly side: 'debit' | 'credit';
  /** Always positive. */
  readonly amount: Cents;
  /** Document number: PieceRef, invoice number, payment id. */
  readonly ref: string;
  /** Document date (PieceDate, else EcritureDate). */
  readonly date: IsoDate;
  /** Only CSV invoices carry one; FEC due dates come from terms (see ledger/due-date.ts). */
  readonly dueDate: IsoDate | null;
  /** EcritureLib, or a payment's reference / label. */
  readonly label: string;
  /** Journal code (FEC JournalCode); empty for CSV. */
  readonly journal: string;
  /** FEC EcritureNum; empty for CSV. */
  readonly entryNum: string;
  /** Existing lettering code (EcritureLet), null when not lettered. */
  readonly letter: string | null;
  /** DateLet, when present. */
  readonly letterDate: IsoDate | null;
  /** A payment's explicit allocation (payments CSV `invoice` column). */
  readonly explicitInvoice: string | null;
  /** True for opening entries (à-nouveaux): see io/fec-merge.ts for how they are merged. */
  readonly opening: boolean;
  readonly currency: string;
}

export type Language = 'fr' | 'en';
export type CustomerKind = 'business' | 'consumer';
export type CustomerStatus = 'active' | 'insolvency';

export interface Customer {
  readonly id: string;
  readonly name: string;
  readonly address: readonly string[];
  readonly postcode: string;
  readonly city: string;
  readonly country: string;
  readonly email: string;
  readonly phone: string;
  readonly contact: string;
  readonly language: Language;
  /** Payment terms in days from the document date; null: the config's default. */
  readonly termsDays: number | null;
  /** `45 jours fin de mois`: the days are counted with an end of month (config says which reading). */
  readonly termsEndOfMonth: boolean;
  readonly kind: CustomerKind;
  readonly status: CustomerStatus;
  readonly source: Source | null;
}

/** Everything read from the inputs, before any reconciliation. */
export interface Books {
  readonly entries: readonly LedgerEntry[];
  /** Customers from the customers file, plus one stub per customer seen only in the books. */
  readonly customers: ReadonlyMap<string, Customer>;
}
