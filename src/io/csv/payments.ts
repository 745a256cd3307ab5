/**
 * The payments CSV: one line per payment received. A negative amount is money going back to
 * the customer (a refund, a rejected cheque or direct debit): it is read as a debit the
 * customer owes again, kind `invoice`, due on its own date.
 */
import type { InputFile } from '../books.js';
import { neg, type Cents } from '../../model/money.js';
import { error, foundExpected, warning } from '../../model/problems.js';
import type { Checked, LedgerEntry, Problem } from '../../model/types.js';
import { csvEntry } from './entry.js';
import type { ColumnSpec } from './headers.js';
import type { CsvReadOptions } from './options.js';
import { cell, loadCsvTable, parseCsvTable, type CsvTable } from './table.js';
import { fileStyleOf, readAmount, readDate, readText } from './values.js';

export const PAYMENT_COLUMNS: ColumnSpec = {
  kind: 'payments',
  fields: [
    // "Référence" is the payment's id (CONTRACT); the free text is `reference` spelled as such.
    { name: 'id', required: true, aliases: ['payment_id', 'N° règlement', 'Numéro de règlement', 'N° paiement', 'N° de pièce', 'Référence'] },
    { name: 'customer', required: true, aliases: ['customer_id', 'customer_code', 'Code client', 'N° client', 'Client', 'Compte client'] },
    { name: 'date', required: true, aliases: ['payment_date', 'Date de règlement', 'Date règlement', 'Date de paiement', 'Date paiement', 'Date'] },
    { name: 'amount', required: true, aliases: ['Montant', 'Montant réglé', 'Montant TTC', 'Total'] },
    { name: 'reference', required: false, aliases: ['Libellé', 'Label', 'Communication', 'Motif', 'Référence'] },
    { name: 'invoice', required: false, aliases: ['invoice_number', 'N° facture', 'Numéro de facture', 'Facture'] },
    { name: 'customer_name', required: false, aliases: ['Nom client', 'Raison sociale', 'Nom', 'name'] },
  ],
};

export function paymentsFromTable(table: CsvTable, opts: CsvReadOptions): Checked<LedgerEntry[]> {
  const problems: Problem[] = [];
  const entries: LedgerEntry[] = [];
  const style = opts.decimal ?? fileStyleOf(() => table.rows.map((r) => cell(table, r, 'amount')));
  // A row repeated whole (an export appended twice) would count the money twice. The same id
  // with another invoice or amount is one payment split over several invoices: accepted.
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const source = { file: table.file, line: row.line };
    const id = readText(table, row, 'id', 'a payment id');
    const customer = readText(table, row, 'customer', 'a customer id');
    const date = readDate(table, row, 'date');
    const amount = readAmount(table, row, 'amount', style);
    const rowProblems = [id, customer, date, amount].flatMap((r) => (r.ok ? [] : [r.problem]));
    problems.push(...rowProblems);
    if (!id.ok || !customer.ok || !date.ok || !amount.ok) continue;
    if (amount.value === 0) {
      problems.push(warning(foundExpected(cell(table, row, 'amount'), 'a non-zero amount: the line is ignored'), source, 'amount'));
      continue;
    }
    const invoice = cell(table, row, 'invoice');
    const key = [customer.value, id.value, date.value, amount.value, invoice].join('\u0000');
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(error(foundExpected(id.value, `a payment listed once (line ${first} has the same customer, id, date, amount and invoice: the money would be counted twice)`), source, 'id'));
      continue;
    }
    seen.set(key, row.line);
    const refund = amount.value < 0;
    entries.push(
      csvEntry({
        source,
        customer: customer.value,
        customerName: cell(table, row, 'customer_name'),
        kind: refund ? 'invoice' : 'payment',
        amount: (refund ? neg(amount.value) : amount.value) as Cents,
        ref: id.value,
        date: date.value!,
        dueDate: refund ? date.value : null,
        label: cell(table, row, 'reference'),
        explicitInvoice: !refund && invoice !== '' ? invoice : null,
      }),
    );
  }
  return { value: entries, problems };
}

/** Pure: a payments CSV already decoded to text. */
export function parsePaymentsCsv(text: string, file: string, opts: CsvReadOptions = {}): Checked<LedgerEntry[]> {
  const t = parseCsvTable(text, file, PAYMENT_COLUMNS, opts);
  if (!t.value) return { value: [], problems: t.problems };
  const r = paymentsFromTable(t.value, opts);
  return { value: r.value, problems: [...t.problems, ...r.problems] };
}

export async function readPaymentsCsv(file: InputFile, opts: CsvReadOptions = {}): Promise<Checked<LedgerEntry[]>> {
  const t = await loadCsvTable(file, PAYMENT_COLUMNS, opts);
  if (!t.value) return { value: [], problems: t.problems };
  const r = paymentsFromTable(t.value, opts);
  return { value: r.value, problems: [...t.problems, ...r.problems] };
}
