/**
 * `dunning check`: reads every input, lists every problem (stderr, sorted, `file:line:`), and
 * prints the tie-out: per customer, lines read, debits, credits and balance, with totals, so
 * the figures can be compared with the trial balance. Exit 2 when any problem is an error.
 */
import type { Command } from 'commander';
import { InputError } from '../model/errors.js';
import { add, formatAmount, formatEuroFr, sub, ZERO, type Cents } from '../model/money.js';
import { hasErrors, sortProblems } from '../model/problems.js';
import type { Books, Problem } from '../model/types.js';
import { loadBooks } from '../io/books.js';
import { addFormatOption, addInputOptions, hasAnyInput, inputFiles, readConfig, type Format, type InputFlags } from './common.js';
import { printProblems } from './errors.js';
import type { CliIo } from './io.js';
import type { SetExit } from './main.js';
import { csv, json, table } from './output.js';

export interface TieOutRow {
  readonly id: string;
  readonly name: string;
  readonly lines: number;
  readonly debit: Cents;
  readonly credit: Cents;
  /** Debits minus credits: what the customer owes (negative: what is owed to them). */
  readonly balance: Cents;
}

export interface TieOut {
  readonly customers: readonly TieOutRow[];
  readonly totals: Omit<TieOutRow, 'id' | 'name'>;
}

/** Pure: per customer with at least one line, sorted by id. */
export function tieOut(books: Books): TieOut {
  const acc = new Map<string, { lines: number; debit: Cents; credit: Cents }>();
  for (const e of books.entries) {
    const a = acc.get(e.customer) ?? { lines: 0, debit: ZERO, credit: ZERO };
    a.lines += 1;
    if (e.side === 'debit') a.debit = add(a.debit, e.amount);
    else a.credit = add(a.credit, e.amount);
    acc.set(e.customer, a);
  }
  const customers = [...acc.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, a]) => ({ id, name: books.customers.get(id)?.name ?? id, ...a, balance: sub(a.debit, a.credit) }));
  let totals = { lines: 0, debit: ZERO, credit: ZERO, balance: ZERO };
  for (const c of customers) {
    totals = { lines: totals.lines + c.lines, debit: add(totals.debit, c.debit), credit: add(totals.credit, c.credit), balance: add(totals.balance, c.balance) };
  }
  return { customers, totals };
}

export function renderCheckJson(report: TieOut, problems: readonly Problem[]): string {
  const money = (r: { debit: Cents; credit: Cents; balance: Cents }) => ({ debit: formatAmount(r.debit), credit: formatAmount(r.credit), balance: formatAmount(r.balance) });
  return json({
    problems: sortProblems(problems).map((p) => ({
      severity: p.severity,
      file: p.source?.file ?? null,
      line: p.source?.line ?? null,
      field: p.field ?? null,
      message: p.message,
    })),
    customers: report.customers.map((c) => ({ id: c.id, name: c.name, lines: c.lines, ...money(c) })),
    totals: { lines: report.totals.lines, ...money(report.totals) },
  });
}

export function renderCheckCsv(report: TieOut): string {
  const row = (id: string, name: string, r: TieOut['totals']) => [id, name, r.lines, formatAmount(r.debit), formatAmount(r.credit), formatAmount(r.balance)];
  return csv(
    ['customer', 'name', 'lines', 'debit', 'credit', 'balance'],
    [...report.customers.map((c) => row(c.id, c.name, c)), row('', 'TOTAL', report.totals)],
  );
}

export function renderCheckTable(report: TieOut, io: CliIo): string {
  const eur = (c: Cents) => formatEuroFr(c);
  return table(
    {
      head: ['Client', 'Nom', 'Lignes', 'Débit', 'Crédit', 'Solde'],
      align: ['left', 'left', 'right', 'right', 'right', 'right'],
      rows: report.customers.map((c) => [c.id, c.name, String(c.lines), eur(c.debit), eur(c.credit), eur(c.balance)]),
      footer: [['Total', '', String(report.totals.lines), eur(report.totals.debit), eur(report.totals.credit), eur(report.totals.balance)]],
    },
    io,
  );
}

function summary(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return 'dunning check: no problems found\n';
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `dunning check: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`;
}

export function registerCheck(program: Command, io: CliIo, setExit: SetExit): void {
  const cmd = program
    .command('check')
    .description('validate the inputs: list every problem with file:line, then tie out each customer (lines, debits, credits, balance)');
  addFormatOption(addInputOptions(cmd));
  cmd.action(async (flags: InputFlags & { format: Format }) => {
    const config = readConfig(flags, io);
    const files = inputFiles(flags, config, io);
    if (!hasAnyInput(files) && !files.customers) {
      throw new InputError('no input: give --fec FILE, or --invoices and --payments (and --customers), or set "inputs" in dunning.config.json');
    }
    const { value: books, problems } = await loadBooks(files, config);
    printProblems(io, problems);
    const report = tieOut(books);
    const out = flags.format === 'json' ? renderCheckJson(report, problems) : flags.format === 'csv' ? renderCheckCsv(report) : renderCheckTable(report, io);
    io.stdout.write(out);
    io.stderr.write(summary(problems));
    setExit(hasErrors(problems) ? 2 : 0);
  });
}
