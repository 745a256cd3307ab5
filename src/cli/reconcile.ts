/**
 * `dunning reconcile [inputs] [--write-fec OUT] [--format table|json|csv]`: lettrage of the
 * whole books (no as-of), printed as the contract's JSON, as CSV rows of allocations, or as a
 * console summary per rule and per customer; `--write-fec` writes the one FEC input again with
 * codes for every group the rules balanced.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { reconcileAsOf } from '../ledger/as-of.js';
import { assignLetters } from '../ledger/lettering.js';
import { formatDateFr } from '../model/dates.js';
import { InputError } from '../model/errors.js';
import { formatAmount, formatEuroFr, type Cents } from '../model/money.js';
import { RULE_IDS, type Reconciliation, type RuleId } from '../model/reconciliation.js';
import type { LedgerEntry, Source } from '../model/types.js';
import { readFec } from '../io/fec/read.js';
import { writeLetteredFec } from '../io/fec/write.js';
import { addFormatOption, addInputOptions, inputFiles, readBooks, readConfig, type Format, type InputFlags } from './common.js';
import type { CliIo } from './io.js';
import type { SetExit } from './main.js';
import { csv, json, table } from './output.js';

const src = (e: LedgerEntry): Source => ({ file: e.source.file, line: e.source.line });

/** The contract's JSON document (CONTRACT.md, Reconciliation). */
export function reconcileJson(rec: Reconciliation): unknown {
  return {
    allocations: rec.allocations.map((a) => ({
      customer: a.customer,
      debit: { ref: a.debit.ref, source: src(a.debit) },
      credit: { ref: a.credit.ref, source: src(a.credit), kind: a.credit.kind === 'credit_note' ? 'credit_note' : 'payment' },
      amount: formatAmount(a.amount),
      rule: a.rule,
    })),
    open: rec.debits
      .filter((d) => d.residual > 0)
      .map((d) => ({
        customer: d.entry.customer,
        ref: d.entry.ref,
        source: src(d.entry),
        date: d.entry.date,
        dueDate: d.dueDate,
        amount: formatAmount(d.entry.amount),
        residual: formatAmount(d.residual),
      })),
    unapplied: rec.credits
      .filter((c) => c.residual > 0)
      .map((c) => ({
        customer: c.entry.customer,
        ref: c.entry.ref,
        source: src(c.entry),
        date: c.entry.date,
        amount: formatAmount(c.entry.amount),
        residual: formatAmount(c.residual),
      })),
  };
}

export const CSV_HEADER = ['customer', 'debit_ref', 'debit_file', 'debit_line', 'credit_ref', 'credit_file', 'credit_line', 'credit_kind', 'amount', 'rule'];

export function reconcileCsv(rec: Reconciliation): string {
  return csv(
    CSV_HEADER,
    rec.allocations.map((a) => [
      a.customer,
      a.debit.ref,
      a.debit.source.file,
      a.debit.source.line,
      a.credit.ref,
      a.credit.source.file,
      a.credit.source.line,
      a.credit.kind,
      formatAmount(a.amount),
      a.rule,
    ]),
  );
}

export interface ReconcileSummary {
  readonly rules: readonly { readonly rule: RuleId; readonly count: number; readonly amount: Cents }[];
  readonly customers: readonly { readonly id: string; readonly name: string; readonly open: Cents; readonly openCount: number; readonly unapplied: Cents }[];
}

/** Pure: allocations per rule (contract order) and, per customer with something left, open and unapplied. */
export function summarise(rec: Reconciliation): ReconcileSummary {
  const perRule = new Map<RuleId, { count: number; amount: number }>(RULE_IDS.map((r) => [r, { count: 0, amount: 0 }]));
  for (const a of rec.allocations) {
    const r = perRule.get(a.rule)!;
    r.count++;
    r.amount += a.amount;
  }
  const perCustomer = new Map<string, { name: string; open: number; openCount: number; unapplied: number }>();
  const row = (e: LedgerEntry) => {
    let r = perCustomer.get(e.customer);
    if (!r) perCustomer.set(e.customer, (r = { name: e.customerName, open: 0, openCount: 0, unapplied: 0 }));
    return r;
  };
  for (const d of rec.debits) {
    if (d.residual <= 0) continue;
    const r = row(d.entry);
    r.open += d.residual;
    r.openCount++;
  }
  for (const c of rec.credits) if (c.residual > 0) row(c.entry).unapplied += c.residual;
  return {
    rules: RULE_IDS.map((rule) => ({ rule, count: perRule.get(rule)!.count, amount: perRule.get(rule)!.amount as Cents })),
    customers: [...perCustomer.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, r]) => ({ id, name: r.name, open: r.open as Cents, openCount: r.openCount, unapplied: r.unapplied as Cents })),
  };
}

export function reconcileTable(rec: Reconciliation, io: CliIo): string {
  const s = summarise(rec);
  const total = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) as Cents;
  const rules = table(
    {
      head: ['Règle', 'Rapprochements', 'Montant'],
      rows: s.rules.map((r) => [r.rule, String(r.count), formatEuroFr(r.amount)]),
      align: ['left', 'right', 'right'],
      footer: [['Total', String(total(s.rules.map((r) => r.count))), formatEuroFr(total(s.rules.map((r) => r.amount)))]],
    },
    io,
  );
  if (s.customers.length === 0) return `${rules}Tout est lettré : aucun document ouvert, aucun crédit non imputé.\n`;
  const customers = table(
    {
      head: ['Client', 'Nom', 'Documents ouverts', 'Reste dû', 'Non imputé'],
      rows: s.customers.map((c) => [c.id, c.name, String(c.openCount), formatEuroFr(c.open), formatEuroFr(c.unapplied)]),
      align: ['left', 'left', 'right', 'right', 'right'],
      footer: [['Total', '', String(total(s.customers.map((c) => c.openCount))), formatEuroFr(total(s.customers.map((c) => c.open))), formatEuroFr(total(s.customers.map((c) => c.unapplied)))]],
    },
    io,
  );
  const oldest = rec.debits.filter((d) => d.residual > 0).reduce<string | null>((m, d) => (m === null || d.dueDate < m ? d.dueDate : m), null);
  return `${rules}\n${customers}${oldest ? `Plus ancienne échéance ouverte : ${formatDateFr(oldest as LedgerEntry['date'])}\n` : ''}`;
}

interface ReconcileFlags extends InputFlags {
  format: Format;
  writeFec?: string;
}

export function registerReconcile(program: Command, io: CliIo, setExit: SetExit): void {
  const cmd = addFormatOption(
    addInputOptions(
      program
        .command('reconcile')
        .description('Letter payments and credit notes to invoices (existing codes, explicit invoice, reference, exact amount, exact sum, oldest first)')
        .option('--write-fec <out>', 'write the FEC again with EcritureLet/DateLet filled for every newly balanced group (one --fec input only)'),
    ),
  );
  cmd.action(async (flags: ReconcileFlags) => {
    const config = readConfig(flags, io);
    const files = inputFiles(flags, config, io);
    // Check --write-fec before reading anything, so a usage error costs nothing.
    let out: string | null = null;
    if (flags.writeFec !== undefined) {
      if (flags.writeFec.trim() === '') throw new InputError('--write-fec: found an empty path, expected the file to write');
      if (files.fec.length !== 1) {
        throw new InputError(`--write-fec: found ${files.fec.length} FEC input(s), expected exactly one --fec file to write again`);
      }
      // The input is read again to be copied: a pipe would be empty the second time.
      const kind = fileKind(files.fec[0]!.path);
      if (kind !== null) {
        throw new InputError(`--write-fec: found ${kind} as the FEC input (${files.fec[0]!.display}), expected a regular file: it is read again to be written out`);
      }
      out = path.resolve(io.cwd, flags.writeFec);
      if (out === path.resolve(files.fec[0]!.path)) {
        throw new InputError(`--write-fec: found ${JSON.stringify(flags.writeFec)}, the input file itself; expected another path (the input is never overwritten)`);
      }
    }
    const { books } = await readBooks(flags, config, io);
    const rec = reconcileAsOf(books, config, null);
    if (out !== null) {
      const input = files.fec[0]!;
      // usedLetters is not part of Books: read the file again for it (only with --write-fec).
      const read = await readFec(input, { receivablePrefixes: config.receivablePrefixes, salesJournals: config.salesJournals });
      const letters = assignLetters(rec, read.usedLetters).get(input.display) ?? new Map();
      await writeLetteredFec(input, out, letters);
      io.stderr.write(`dunning: ${flags.writeFec}: ${letters.size} line(s) given a new lettering code\n`);
    }
    io.stdout.write(flags.format === 'json' ? json(reconcileJson(rec)) : flags.format === 'csv' ? reconcileCsv(rec) : reconcileTable(rec, io));
    setExit(0);
  });
}

/** null for a regular file (or one that cannot be stat'ed: the reader reports it), else what it is. */
function fileKind(file: string): string | null {
  try {
    const s = statSync(file);
    return s.isFile() ? null : s.isDirectory() ? 'a folder' : 'a pipe or device';
  } catch {
    return null;
  }
}
