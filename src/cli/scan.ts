/**
 * `dunning scan`: where every overdue invoice stands in the dunning steps and what is due on
 * the as-of date (one action per customer). Reads the books and the journal, writes nothing.
 * Quiet and deterministic: the same inputs, journal and --as-of give the same bytes.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { reconcileAsOf } from '../ledger/as-of.js';
import { readJournal } from '../io/journal.js';
import { InputError } from '../model/errors.js';
import { hasErrors } from '../model/problems.js';
import type { JournalEntry } from '../model/journal.js';
import type { Problem } from '../model/types.js';
import type { Config } from '../config/load.js';
import { planDunning } from '../policy/plan.js';
import { policyFromConfig, unknownPolicyCustomers, type Policy } from '../policy/steps.js';
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
import { scanCsv, scanJson, scanTable } from './scan-render.js';

interface ScanFlags extends InputFlags {
  asOf?: string;
  format: Format;
  journal?: string;
  explain?: boolean;
}

/** The config file as the user would type it (relative to the working directory when inside it). */
function configName(config: Config, io: CliIo): string {
  if (!config.configPath) return 'config';
  const rel = path.relative(io.cwd, config.configPath);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : config.configPath;
}

/** The policy of the config, or exit 2 naming the bad keys. */
export function loadPolicy(config: Config, io: CliIo): Policy {
  const { value, problems } = policyFromConfig(config.policy, configName(config, io));
  if (hasErrors(problems)) throw new InputError('the dunning policy in the config is not valid', problems);
  return value;
}

/** The journal's entries; its warnings (a torn line) on stderr; its errors are exit 2. */
export async function loadJournal(file: string, io: CliIo): Promise<JournalEntry[]> {
  const { entries, problems } = await readJournal(file);
  failOnJournalErrors(file, problems);
  printProblems(io, problems);
  return entries;
}

export function failOnJournalErrors(file: string, problems: readonly Problem[]): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    throw new InputError(`the journal ${file} has ${errors.length} unreadable line(s); fix or remove them by hand (the file is plain JSON Lines)`, errors);
  }
}

export function registerScan(program: Command, io: CliIo, _setExit: SetExit): void {
  const cmd = program
    .command('scan')
    .description('plan the dunning: where each overdue invoice stands, and what to do today (one action per customer)');
  addInputOptions(cmd);
  addAsOfOption(cmd);
  addFormatOption(cmd);
  addJournalOption(cmd);
  cmd.option('--explain', 'show, per invoice, the facts and delays behind its next step');
  cmd.action(async (flags: ScanFlags) => {
    // The CSV is one row per invoice with fixed columns (cron, spreadsheets): a multi-line
    // explanation has no place in it, and silently dropping the flag would hide that.
    if (flags.explain && flags.format === 'csv') {
      throw new InputError('--explain: found with --format csv, expected --format table or --format json (the CSV has fixed columns; the JSON gives "explain" per invoice)');
    }
    const config = readConfig(flags, io);
    const asOf = parseDateFlag(flags.asOf, '--as-of', io);
    const policy = loadPolicy(config, io);
    const { books } = await readBooks(flags, config, io);
    printProblems(io, unknownPolicyCustomers(policy, books.customers, configName(config, io)));
    const journal = await loadJournal(resolveJournal(flags.journal, config, io), io);
    const rec = reconcileAsOf(books, config, asOf);
    const report = planDunning({ rec, customers: books.customers, journal, policy, asOf, endOfMonthTerms: config.endOfMonthTerms });
    for (const w of report.warnings ?? []) io.stderr.write(`warning: ${w}\n`);
    const explain = flags.explain === true;
    if (flags.format === 'json') io.stdout.write(scanJson(report, explain));
    else if (flags.format === 'csv') io.stdout.write(scanCsv(report));
    else io.stdout.write(scanTable(report, books.customers, io, explain));
  });
}
