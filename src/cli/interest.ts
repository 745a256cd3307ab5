/**
 * `dunning interest`: late interest and recovery indemnities as of a date. Reads the books,
 * keeps what is dated on or before --as-of, reconciles, reads the formal notices from the
 * journal (consumers only), computes (ledger/interest.ts) and renders (render/interest.ts).
 */
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../config/load.js';
import { readJournal } from '../io/journal.js';
import { reconcileAsOf } from '../ledger/as-of.js';
import { computeInterest, type InterestReport } from '../ledger/interest.js';
import { buildRateTable } from '../ledger/rates.js';
import { SHIPPED_RATES } from '../ledger/rates-data.js';
import { InputError } from '../model/errors.js';
import type { JournalEntry } from '../model/journal.js';
import { Dec, parseAmount, type Cents } from '../model/money.js';
import { foundExpected, hasErrors, warning } from '../model/problems.js';
import type { Reconciliation } from '../model/reconciliation.js';
import type { Books, IsoDate, LedgerEntry, Problem, Source } from '../model/types.js';
import { docKeys } from '../policy/doc-key.js';
import { collectFacts } from '../policy/facts.js';
import type { KnownInvoice } from '../policy/journal-match.js';
import {
  addAsOfOption,
  addFormatOption,
  addInputOptions,
  addJournalOption,
  parseDateFlag,
  readBooks,
  readConfig,
  resolveJournal,
  type Format,
  type InputFlags,
} from './common.js';
import { printProblems } from './errors.js';
import type { CliIo } from './io.js';
import type { SetExit } from './main.js';
import { csv, json, table } from './output.js';
import { INTEREST_CSV_HEADER, interestCsvRows, interestJson, interestTable } from './render/interest.js';

interface InterestFlags extends InputFlags {
  asOf?: string;
  journal?: string;
  format: Format;
}

/**
 * The date of the first formal notice (a `letter` with step `formal_notice`) the journal
 * records for each invoice, matched as `scan` matches journal entries (policy/facts.ts).
 * Warnings name formal notices that match no document.
 */
export function formalNoticeDates(
  journal: readonly JournalEntry[],
  rec: Reconciliation,
  asOf: IsoDate,
): { readonly dateOf: (customer: string, debit: LedgerEntry) => IsoDate | null; readonly warnings: readonly string[] } {
  const notices = journal.filter((e) => e.type === 'letter' && e.step === 'formal_notice');
  const debits = rec.debits.filter((d) => d.entry.kind === 'invoice');
  const keys = docKeys(debits.map((d) => d.entry));
  const known: KnownInvoice[] = debits.map((d) => ({ entry: d.entry, key: keys.get(d.entry.id)!, dueDate: d.dueDate }));
  const { byInvoice, warnings } = collectFacts(notices, known, rec.allocations, asOf);
  const first = new Map<string, IsoDate>();
  for (const k of known) {
    const steps = byInvoice.get(k.key)?.steps ?? [];
    // Steps are chronological; the first formal notice starts the interest.
    const date = steps.find((s) => s.step === 'formal_notice')?.date;
    if (date) first.set(k.entry.id, date);
  }
  return { dateOf: (_customer, debit) => first.get(debit.id) ?? null, warnings };
}

/** `interest.indemnity` ("40.00") in cents; the schema has checked its shape. */
function indemnityOf(config: Config): Cents {
  const p = parseAmount(config.interest.indemnity, 'dot');
  if (!p.ok) throw new InputError(`config interest.indemnity: ${foundExpected(config.interest.indemnity, p.expected)}`);
  return p.cents;
}

function configSource(config: Config, io: CliIo): Source | undefined {
  if (!config.configPath) return undefined;
  const rel = path.relative(io.cwd, config.configPath);
  return { file: rel && !rel.startsWith('..') ? rel : config.configPath, line: 0 };
}

/** Everything but the rendering: exported so tests can run it in process. */
export async function interestReport(flags: InterestFlags, config: Config, io: CliIo, asOf: IsoDate, books: Books): Promise<{ report: InterestReport; problems: Problem[] }> {
  const source = configSource(config, io);
  const rates = buildRateTable(SHIPPED_RATES, config.interest.rates, source);
  const rec = reconcileAsOf(books, config, asOf);

  // The journal matters only for consumers (interest from the formal notice).
  const hasConsumers = [...books.customers.values()].some((c) => c.kind === 'consumer' && c.status !== 'insolvency');
  let dateOf: (customer: string, debit: LedgerEntry) => IsoDate | null = () => null;
  const problems: Problem[] = [...rates.problems];
  if (hasConsumers) {
    const journalFile = resolveJournal(flags.journal, config, io);
    const read = await readJournal(journalFile);
    problems.push(...read.problems);
    const notices = formalNoticeDates(read.entries, rec, asOf);
    dateOf = notices.dateOf;
    problems.push(...notices.warnings.map((w) => warning(w)));
  }
  const contractRate = config.interest.contractRate === undefined ? null : new Dec(config.interest.contractRate);
  const computed = computeInterest({
    reconciliation: rec,
    customers: books.customers,
    asOf,
    rates: rates.value,
    contractRate,
    indemnity: indemnityOf(config),
    formalNoticeDate: dateOf,
  });
  // Rate problems are fixed in the config: name it when there is one.
  for (const p of computed.problems) problems.push(p.source || !source ? p : { ...p, source });
  return { report: computed.value, problems };
}

export function registerInterest(program: Command, io: CliIo, setExit: SetExit): void {
  const cmd = program
    .command('interest')
    .description('late-payment interest (L441-10) and 40 EUR recovery indemnities (D441-5) as of a date');
  addJournalOption(addFormatOption(addAsOfOption(addInputOptions(cmd))));
  cmd.action(async (flags: InterestFlags) => {
    const config = readConfig(flags, io);
    const asOf = parseDateFlag(flags.asOf, '--as-of', io);
    const { books } = await readBooks(flags, config, io);
    const { report, problems } = await interestReport(flags, config, io, asOf, books);
    if (hasErrors(problems)) {
      const n = problems.filter((p) => p.severity === 'error').length;
      throw new InputError(`cannot compute interest: ${n} error(s)`, problems);
    }
    printProblems(io, problems);
    if (flags.format === 'json') io.stdout.write(json(interestJson(report)));
    else if (flags.format === 'csv') io.stdout.write(csv(INTEREST_CSV_HEADER, interestCsvRows(report)));
    else io.stdout.write(table(interestTable(report), io));
    setExit(0);
  });
}
