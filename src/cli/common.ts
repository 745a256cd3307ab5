/**
 * Options and steps shared by the commands: inputs from flags or config, `--as-of`,
 * `--format`, `--journal`; loading the books and printing their problems.
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig, journalPath, type Config } from '../config/load.js';
import { localToday, parseIsoDate } from '../model/dates.js';
import { InputError } from '../model/errors.js';
import { hasErrors } from '../model/problems.js';
import type { Books, IsoDate, Problem } from '../model/types.js';
import { loadBooks, type InputFiles, type LoadOptions } from '../io/books.js';
import { printProblems } from './errors.js';
import type { CliIo } from './io.js';
import { FORMATS, type Format } from './output.js';

export interface InputFlags {
  fec?: string[];
  invoices?: string;
  payments?: string;
  customers?: string;
  config?: string;
  debug?: boolean;
}

export function addConfigOption(cmd: Command): Command {
  return cmd
    .option('--config <file>', 'config file (default: dunning.config.json in the working directory)')
    .option('--debug', 'print stack traces of internal errors');
}

export function addInputOptions(cmd: Command): Command {
  return addConfigOption(
    cmd
      .option('--fec <files...>', 'FEC file(s), consecutive fiscal years allowed')
      .option('--invoices <file>', 'invoices CSV')
      .option('--payments <file>', 'payments CSV')
      .option('--customers <file>', 'customers CSV'),
  );
}

export function addAsOfOption(cmd: Command): Command {
  return cmd.option('--as-of <date>', 'the date to compute as of, YYYY-MM-DD (default: today)');
}

export function addFormatOption(cmd: Command): Command {
  return cmd.addOption(new Option('--format <format>', 'output format').choices([...FORMATS]).default('table'));
}

export function addJournalOption(cmd: Command): Command {
  return cmd.option('--journal <file>', 'journal file (default: .dunning/journal.jsonl beside the config)');
}

/** A date flag: `YYYY-MM-DD`, else exit 2 naming the flag. */
export function parseDateFlag(value: string | undefined, flag: string, io: CliIo): IsoDate {
  if (value === undefined) return localToday(io.now());
  const d = parseIsoDate(value);
  if (!d) throw new InputError(`${flag}: found ${JSON.stringify(value)}, expected ${whyNotADate(value)}`);
  return d;
}

/** What is wrong with a date flag, said plainly (the format, the year range, the calendar). */
function whyNotADate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return 'a date YYYY-MM-DD';
  const [y, mo] = [+m[1]!, +m[2]!];
  if (y < 1900 || y > 2099) return `a year between 1900 and 2099 (the year ${m[1]} is out of range), as a date YYYY-MM-DD`;
  if (mo < 1 || mo > 12) return `a month 01 to 12 (found month ${m[2]}), as a date YYYY-MM-DD`;
  return `a day that exists in ${m[1]}-${m[2]} (found day ${m[3]}), as a date YYYY-MM-DD`;
}

export function readConfig(flags: InputFlags, io: CliIo): Config {
  return loadConfig(flags.config, io.cwd);
}

/** The path as the user would recognise it: as typed for flags, relative to cwd from config. */
function display(abs: string, io: CliIo): string {
  const rel = path.relative(io.cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

export function inputFiles(flags: InputFlags, config: Config, io: CliIo): InputFiles {
  const flag = (p: string | undefined) => (p === undefined ? undefined : { path: path.resolve(io.cwd, p), display: p });
  const conf = (p: string | undefined) => (p === undefined ? undefined : { path: p, display: display(p, io) });
  return {
    fec: flags.fec?.length ? flags.fec.map((f) => flag(f)!) : (config.inputs.fec ?? []).map((f) => conf(f)!),
    invoices: flag(flags.invoices) ?? conf(config.inputs.invoices),
    payments: flag(flags.payments) ?? conf(config.inputs.payments),
    customers: flag(flags.customers) ?? conf(config.inputs.customers),
  };
}

export function hasAnyInput(files: InputFiles): boolean {
  return files.fec.length > 0 || !!files.invoices || !!files.payments;
}

/**
 * Reads the books; prints warnings; on any error prints them all and fails with exit 2
 * before anything is written.
 */
export async function readBooks(flags: InputFlags, config: Config, io: CliIo, options: LoadOptions = {}): Promise<{ books: Books; problems: readonly Problem[] }> {
  const files = inputFiles(flags, config, io);
  if (!hasAnyInput(files)) {
    throw new InputError('no input: give --fec FILE, or --invoices and --payments, or set "inputs" in dunning.config.json');
  }
  const { value: books, problems } = await loadBooks(files, config, options);
  if (hasErrors(problems)) {
    throw new InputError(`the input has ${problems.filter((p) => p.severity === 'error').length} error(s); nothing was written`, problems);
  }
  printProblems(io, problems);
  return { books, problems };
}

export function resolveJournal(flag: string | undefined, config: Config, io: CliIo): string {
  return journalPath(config, flag, io.cwd);
}

export type { Format };
