/**
 * The invoices CSV: one line per invoice, amount including VAT; a negative amount is a credit
 * note. A currency other than the euro is an error: amounts are never converted or mixed.
 */
import type { InputFile } from '../books.js';
import { neg, type Cents } from '../../model/money.js';
import { error, foundExpected, warning } from '../../model/problems.js';
import type { Checked, LedgerEntry, Problem } from '../../model/types.js';
import { csvEntry, isEuro } from './entry.js';
import type { ColumnSpec } from './headers.js';
import type { CsvReadOptions } from './options.js';
import { cell, loadCsvTable, parseCsvTable, type CsvTable } from './table.js';
import { fileStyleOf, readAmount, readDate, readText } from './values.js';

export const INVOICE_COLUMNS: ColumnSpec = {
  kind: 'invoices',
  fields: [
    { name: 'number', required: true, aliases: ['invoice_number', 'N° facture', 'Numéro de facture', 'Numéro facture', 'No facture', 'Num facture', 'Numéro', 'Facture', 'invoice', 'invoice_no', 'N° pièce', 'Pièce'] },
    { name: 'customer', required: true, aliases: ['customer_id', 'customer_code', 'Code client', 'N° client', 'Client', 'Compte client'] },
    { name: 'date', required: true, aliases: ['invoice_date', 'Date facture', 'Date de facture', 'issue_date', 'Date'] },
    { name: 'due_date', required: false, aliases: ["Date d'échéance", 'Date échéance', 'Échéance', 'due'] },
    { name: 'amount', required: true, aliases: ['amount_incl_vat', 'Montant TTC', 'Total TTC', 'TTC', 'Montant', 'total'] },
    { name: 'currency', required: false, aliases: ['Devise', 'Monnaie'] },
    { name: 'customer_name', required: false, aliases: ['Nom client', 'Raison sociale', 'Nom', 'name'] },
  ],
};

export function invoicesFromTable(table: CsvTable, opts: CsvReadOptions): Checked<LedgerEntry[]> {
  const problems: Problem[] = [];
  const entries: LedgerEntry[] = [];
  const style = opts.decimal ?? fileStyleOf(() => table.rows.map((r) => cell(table, r, 'amount')));
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const source = { file: table.file, line: row.line };
    const number = readText(table, row, 'number', 'an invoice number');
    const customer = readText(table, row, 'customer', 'a customer id');
    const date = readDate(table, row, 'date');
    const due = readDate(table, row, 'due_date', true);
    const amount = readAmount(table, row, 'amount', style);
    const rowProblems = [number, customer, date, due, amount].flatMap((r) => (r.ok ? [] : [r.problem]));
    const currency = cell(table, row, 'currency');
    if (!isEuro(currency)) rowProblems.push(error(foundExpected(currency, 'EUR: dunning works in euros, convert the amount before importing'), source, 'currency'));
    problems.push(...rowProblems);
    if (!number.ok || !customer.ok || !date.ok || !due.ok || !amount.ok || rowProblems.length > 0) continue;
    const key = `${customer.value}\u0000${number.value}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(error(foundExpected(number.value, `an invoice number not already used for customer ${customer.value} (it is on line ${first})`), source, 'number'));
      continue;
    }
    seen.set(key, row.line);
    if (amount.value === 0) {
      problems.push(warning(foundExpected(cell(table, row, 'amount'), 'a non-zero amount: the line is ignored'), source, 'amount'));
      continue;
    }
    if (due.value !== null && date.value !== null && due.value < date.value) {
      problems.push(warning(foundExpected(cell(table, row, 'due_date'), `a due date on or after the invoice date ${date.value}`), source, 'due_date'));
    }
    const creditNote = amount.value < 0;
    entries.push(
      csvEntry({
        source,
        customer: customer.value,
        customerName: cell(table, row, 'customer_name'),
        kind: creditNote ? 'credit_note' : 'invoice',
        amount: (creditNote ? neg(amount.value) : amount.value) as Cents,
        ref: number.value,
        date: date.value!,
        dueDate: due.value,
        label: '',
        explicitInvoice: null,
      }),
    );
  }
  return { value: entries, problems };
}

/** Pure: an invoices CSV already decoded to text. `file` is the name used in every source. */
export function parseInvoicesCsv(text: string, file: string, opts: CsvReadOptions = {}): Checked<LedgerEntry[]> {
  const t = parseCsvTable(text, file, INVOICE_COLUMNS, opts);
  if (!t.value) return { value: [], problems: t.problems };
  const r = invoicesFromTable(t.value, opts);
  return { value: r.value, problems: [...t.problems, ...r.problems] };
}

export async function readInvoicesCsv(file: InputFile, opts: CsvReadOptions = {}): Promise<Checked<LedgerEntry[]>> {
  const t = await loadCsvTable(file, INVOICE_COLUMNS, opts);
  if (!t.value) return { value: [], problems: t.problems };
  const r = invoicesFromTable(t.value, opts);
  return { value: r.value, problems: [...t.problems, ...r.problems] };
}
