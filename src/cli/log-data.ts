/**
 * What `dunning log` checks and fills when data files are given (flags or config): customer and
 * invoice ids must exist (else exit 2, nothing written), and the invoices concerned are named
 * with their stable keys. Without data, refs carry the number as typed and an empty key, and
 * the policy matches them by number when it reads the journal (policy/journal-match.ts).
 */
import type { Config } from '../config/load.js';
import { reconcileAsOf } from '../ledger/as-of.js';
import type { DocRef } from '../model/journal.js';
import { InputError } from '../model/errors.js';
import type { DebitItem } from '../model/reconciliation.js';
import { hasErrors } from '../model/problems.js';
import type { Books, IsoDate } from '../model/types.js';
import { loadBooks } from '../io/books.js';
import { docKeys } from '../policy/doc-key.js';
import { hasAnyInput, inputFiles, readBooks, type InputFlags } from './common.js';
import { printProblems } from './errors.js';
import type { CliIo } from './io.js';

export interface LogData {
  readonly books: Books;
  /**
   * False when only a customers file was given: customer ids are checked, invoice numbers
   * cannot be and are stored as typed (empty keys), as without data.
   */
  readonly invoicesKnown: boolean;
  /** Every invoice (debit) in the books as of the entry's date, with its key. */
  readonly invoices: readonly DebitItem[];
  readonly keys: ReadonlyMap<string, string>;
}

/**
 * The books as of `date`, when the command has inputs; null when it has none. A customers
 * file alone is enough to check customer ids (a typo would otherwise be logged silently).
 */
export async function loadLogData(flags: InputFlags, config: Config, io: CliIo, date: IsoDate): Promise<LogData | null> {
  const files = inputFiles(flags, config, io);
  if (!hasAnyInput(files)) {
    if (!files.customers) return null;
    const { value: books, problems } = await loadBooks(files, config);
    if (hasErrors(problems)) {
      throw new InputError(`the input has ${problems.filter((p) => p.severity === 'error').length} error(s); nothing was written`, problems);
    }
    printProblems(io, problems);
    return { books, invoicesKnown: false, invoices: [], keys: new Map() };
  }
  const { books } = await readBooks(flags, config, io);
  const rec = reconcileAsOf(books, config, date);
  const invoices = rec.debits.filter((d) => d.entry.kind === 'invoice' && d.entry.side === 'debit');
  return { books, invoicesKnown: true, invoices, keys: docKeys(invoices.map((d) => d.entry)) };
}

export const docRef = (data: LogData, d: DebitItem): DocRef => ({ number: d.entry.ref, key: data.keys.get(d.entry.id)! });

export function checkCustomer(data: LogData, customer: string): void {
  if (!data.books.customers.has(customer)) {
    const where = data.invoicesKnown ? 'the books or the customers file' : 'the customers file';
    throw new InputError(`customer: found ${JSON.stringify(customer)}, expected a customer id of ${where}`);
  }
}

/** The documents numbered `n` of `customer` (a shared PieceRef may name several). */
export function documentsOf(data: LogData, customer: string, numbers: readonly string[]): DocRef[] {
  const refs: DocRef[] = [];
  const unknown: string[] = [];
  for (const n of numbers) {
    const docs = data.invoices.filter((d) => d.entry.customer === customer && d.entry.ref === n);
    if (docs.length === 0) unknown.push(n);
    refs.push(...docs.map((d) => docRef(data, d)));
  }
  if (unknown.length) {
    throw new InputError(
      `--invoice: found ${unknown.map((n) => JSON.stringify(n)).join(', ')}, expected invoice numbers of customer ${customer} dated on or before the entry's date`,
    );
  }
  return refs;
}

/** Every invoice of `customer` open on the date (for a call: also overdue on it). */
export function openInvoices(data: LogData, customer: string, date: IsoDate, overdueOnly: boolean): DocRef[] {
  return data.invoices
    .filter((d) => d.entry.customer === customer && d.residual > 0 && (!overdueOnly || d.dueDate < date))
    .map((d) => docRef(data, d));
}

/** The owner of invoice number `n` (narrowed by `customer` when given); exit 2 when none or several. */
export function invoiceOwner(data: LogData, n: string, customer: string | undefined): { customer: string; refs: DocRef[] } {
  const docs = data.invoices.filter((d) => d.entry.ref === n && (customer === undefined || d.entry.customer === customer));
  const owners = [...new Set(docs.map((d) => d.entry.customer))].sort();
  if (owners.length === 0) {
    throw new InputError(`invoice: found ${JSON.stringify(n)}, expected an invoice number of the books${customer ? ` for customer ${customer}` : ''}`);
  }
  if (owners.length > 1) {
    throw new InputError(`invoice: ${JSON.stringify(n)} is an invoice of several customers (${owners.join(', ')}); say which with --customer`);
  }
  return { customer: owners[0]!, refs: docs.map((d) => docRef(data, d)) };
}
