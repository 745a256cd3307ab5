/** LedgerEntry values that every CSV line shares (CSV carries no journal, no lettering). */
import type { Cents } from '../../model/money.js';
import type { EntryKind, IsoDate, LedgerEntry, Source } from '../../model/types.js';

/** The receivable account CSV entries are booked to (lettering codes are per account). */
export const CSV_ACCOUNT = '411';

export interface CsvEntryFields {
  readonly source: Source;
  readonly customer: string;
  readonly customerName: string;
  readonly kind: EntryKind;
  readonly amount: Cents;
  readonly ref: string;
  readonly date: IsoDate;
  readonly dueDate: IsoDate | null;
  readonly label: string;
  readonly explicitInvoice: string | null;
}

export function csvEntry(f: CsvEntryFields): LedgerEntry {
  return {
    id: `${f.source.file}:${f.source.line}`,
    source: f.source,
    customer: f.customer,
    customerName: f.customerName,
    account: CSV_ACCOUNT,
    kind: f.kind,
    side: f.kind === 'invoice' ? 'debit' : 'credit',
    amount: f.amount,
    ref: f.ref,
    date: f.date,
    dueDate: f.dueDate,
    label: f.label,
    journal: '',
    entryNum: '',
    letter: null,
    letterDate: null,
    explicitInvoice: f.explicitInvoice,
    opening: false,
    currency: 'EUR',
  };
}

/** `EUR`, `€`, `euro(s)` or empty: euros. Anything else is refused (amounts are never converted). */
export function isEuro(currency: string): boolean {
  return /^(eur|€|euros?|)$/i.test(currency.trim());
}
