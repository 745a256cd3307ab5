/**
 * Reads every input into Books: FEC files (merged across fiscal years) or invoices and
 * payments CSVs, plus the customers file; then checks them against each other. Every problem
 * is gathered with its file and line; a missing or empty file is a problem, not a crash.
 */
import { stat } from 'node:fs/promises';
import type { Config } from '../config/load.js';
import { MAX_TOTAL_CENTS, TOTAL_EXPECTED, formatAmount } from '../model/money.js';
import { error, foundExpected, warning } from '../model/problems.js';
import type { Books, Checked, Customer, IsoDate, LedgerEntry, Problem } from '../model/types.js';
import { readCustomersCsv } from './csv/customers.js';
import { readInvoicesCsv } from './csv/invoices.js';
import type { CsvReadOptions } from './csv/options.js';
import { readPaymentsCsv } from './csv/payments.js';
import { mergeFecYears } from './fec/merge.js';
import { repeatedFecFiles } from './fec/same-file.js';
import { readFec, type FecReadResult } from './fec/read.js';
import { capProblems } from './problem-cap.js';

export interface InputFile {
  /** Absolute path, to open. */
  readonly path: string;
  /** The path as the user gave it, used in every message and `source.file`. */
  readonly display: string;
}

export interface InputFiles {
  readonly fec: readonly InputFile[];
  readonly invoices?: InputFile;
  readonly payments?: InputFile;
  readonly customers?: InputFile;
}

const EMPTY: Checked<never[]> = { value: [], problems: [] };

export interface LoadOptions {
  /**
   * For `aging` as of this date: the FEC reader builds no entry for a lettering group that
   * settles itself by then (FecParserOptions.elideSettledBy), which changes nothing `aging`
   * computes. Used only when the books are one FEC file and no invoices or payments CSV: a
   * multi-year merge needs every entry (it relinks groups across years).
   */
  readonly elideSettledBy?: IsoDate;
}

/** What the books say of their customers: the entries, or the reader's CustomerSeen list when it elided some. */
type CustomerFacts = Pick<LedgerEntry, 'customer' | 'customerName' | 'source'>;

export async function loadBooks(files: InputFiles, config: Config, options: LoadOptions = {}): Promise<Checked<Books>> {
  const problems: Problem[] = [];
  const csvFiles = [files.invoices && `--invoices ${files.invoices.display}`, files.payments && `--payments ${files.payments.display}`].filter(Boolean);
  if (files.fec.length > 0 && csvFiles.length > 0) {
    problems.push(
      error(
        `both --fec ${files.fec.map((f) => f.display).join(' ')} and ${csvFiles.join(' and ')} were given: the FEC already holds the invoices and payments, so reading both would count them twice; give either --fec or the CSV files (customers may come with either)`,
      ),
    );
  }
  const opts = (kind: 'invoices' | 'payments' | 'customers'): CsvReadOptions => ({
    decimal: config.csv.decimal,
    encoding: config.csv.encoding,
    columns: config.columns[kind],
  });
  const elide = files.fec.length === 1 && !files.invoices && !files.payments ? options.elideSettledBy : undefined;
  const [fec, invoices, payments, customers] = await Promise.all([
    readFecFiles(files, config, elide),
    files.invoices ? readInvoicesCsv(files.invoices, opts('invoices')) : EMPTY,
    files.payments ? readPaymentsCsv(files.payments, opts('payments')) : EMPTY,
    files.customers ? readCustomersCsv(files.customers, opts('customers')) : EMPTY,
  ]);
  // The FEC reader caps its problems as it streams; the CSV ones and the cross-checks here.
  problems.push(...fec.problems);
  for (const r of [invoices, payments, customers]) problems.push(...capProblems(r.problems));
  const entries = [...fec.value, ...invoices.value, ...payments.value];
  // One FEC alone: its reader already tallied every line (elided ones included).
  if (files.fec.length !== 1 || files.invoices || files.payments) {
    const over = firstOverTotal(entries);
    if (over) problems.push(error(foundExpected(formatAmount(over.amount), TOTAL_EXPECTED), over.source, 'amount'));
  }
  // Elided lines made no entry but still name their customer (first line, name): the reader's list says it.
  const facts: readonly CustomerFacts[] = fec.seen ?? entries;
  problems.push(...capProblems(crossCheck(invoices.value, payments.value, customers.value, files, fec.seen ?? fec.value)));
  return { value: { entries, customers: customerMap(customers.value, facts) }, problems };
}

async function readFecFiles(files: InputFiles, config: Config, elideSettledBy: IsoDate | undefined): Promise<Checked<LedgerEntry[]> & { seen?: readonly CustomerFacts[] }> {
  if (files.fec.length === 0) return EMPTY;
  const problems: Problem[] = [];
  const results: FecReadResult[] = [];
  const repeated = await repeatedFecFiles(files.fec);
  for (const r of repeated) problems.push(r.problem);
  for (const [i, file] of files.fec.entries()) {
    if (repeated.some((r) => r.index === i)) continue;
    // File-level failures become problems naming the file; the reader handles the content.
    const size = await stat(file.path).then(
      // A pipe (`--fec <(zcat …)`) has no size: the reader streams it and tells an empty one.
      (s) => (s.isDirectory() ? 'is a folder, expected a file' : s.isFile() && s.size === 0 ? 'the file is empty, expected a FEC header row and lines' : null),
      (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? 'file not found' : `cannot read the file (${e.message})`),
    );
    if (size !== null) {
      problems.push(error(size, { file: file.display, line: size.startsWith('the file is empty') ? 1 : 0 }));
      continue;
    }
    const opts = { receivablePrefixes: config.receivablePrefixes, salesJournals: config.salesJournals };
    results.push(await readFec(file, elideSettledBy === undefined ? opts : { ...opts, elideSettledBy }));
  }
  for (const r of results) problems.push(...r.problems);
  if (results.length === 0) return { value: [], problems };
  const merged = mergeFecYears(results);
  const seen = results.length === 1 ? results[0]!.customersSeen : undefined;
  return { value: merged.value, problems: [...problems, ...merged.problems], ...(seen ? { seen } : {}) };
}

/** The entry whose amount takes the total of the books' amounts past MAX_TOTAL_CENTS (see money.ts), if any. */
export function firstOverTotal(entries: readonly LedgerEntry[]): LedgerEntry | undefined {
  let total = 0;
  for (const e of entries) {
    total += e.amount;
    if (total > MAX_TOTAL_CENTS) return e;
  }
  return undefined;
}

/** Checks between files: payments against invoices and customers, books against customers. */
export function crossCheck(
  invoices: readonly LedgerEntry[],
  payments: readonly LedgerEntry[],
  customers: readonly Customer[],
  files: InputFiles,
  fec: readonly Pick<LedgerEntry, 'customer' | 'source'>[] = [],
): Problem[] {
  const problems: Problem[] = [];
  const listed = new Set(customers.map((c) => c.id));
  const invoiced = new Set(invoices.map((e) => e.customer));
  // The set of customers is defined by the customers file and the invoices, when they were read.
  const definesSet = listed.size > 0 || invoiced.size > 0;
  const invoiceOwners = new Map<string, Set<string>>();
  for (const e of invoices) {
    if (e.kind !== 'invoice') continue;
    const owners = invoiceOwners.get(e.ref) ?? new Set<string>();
    owners.add(e.customer);
    invoiceOwners.set(e.ref, owners);
  }
  const unknown = new Set<string>();
  for (const p of payments) {
    if (definesSet && !listed.has(p.customer) && !invoiced.has(p.customer)) {
      unknown.add(p.customer);
      const by = [listed.size > 0 && files.customers?.display, invoiced.size > 0 && files.invoices?.display].filter(Boolean).join(' or ');
      problems.push(error(foundExpected(p.customer, `a customer known from ${by}`), p.source, 'customer'));
    }
    if (p.explicitInvoice !== null && invoices.length > 0) {
      const owners = invoiceOwners.get(p.explicitInvoice);
      if (!owners?.has(p.customer)) {
        const elsewhere = owners ? ` (it is an invoice of ${[...owners].join(', ')})` : '';
        problems.push(error(foundExpected(p.explicitInvoice, `an invoice of customer ${p.customer} in ${files.invoices?.display ?? 'the invoices'}${elsewhere}`), p.source, 'invoice'));
      }
    }
  }
  if (files.customers && listed.size > 0) {
    const warned = new Set<string>(unknown);
    for (const e of [...fec, ...invoices, ...payments]) {
      if (listed.has(e.customer) || warned.has(e.customer)) continue;
      warned.add(e.customer);
      problems.push(warning(foundExpected(e.customer, `a customer listed in ${files.customers.display} (a default customer is used: terms from the config, letters in French)`), e.source, 'customer'));
    }
  }
  return problems;
}

/** The customers file, plus a default customer for every id seen only in the books. */
export function customerMap(customers: readonly Customer[], entries: readonly Pick<LedgerEntry, 'customer' | 'customerName'>[]): Map<string, Customer> {
  const map = new Map<string, Customer>();
  for (const c of customers) if (!map.has(c.id)) map.set(c.id, c);
  for (const e of entries) {
    const known = map.get(e.customer);
    if (!known) map.set(e.customer, stubCustomer(e.customer, e.customerName));
    else if (known.source === null && known.name === known.id && e.customerName !== '') map.set(e.customer, stubCustomer(e.customer, e.customerName));
  }
  return map;
}

export function stubCustomer(id: string, name: string): Customer {
  return {
    id,
    name: name === '' ? id : name,
    address: [],
    postcode: '',
    city: '',
    country: '',
    email: '',
    phone: '',
    contact: '',
    language: 'fr',
    termsDays: null,
    termsEndOfMonth: false,
    kind: 'business',
    status: 'active',
    source: null,
  };
}
