/**
 * `dunning aging`: the aged balance as of a date. Reads the books, keeps what is dated on or
 * before --as-of, reconciles, ages (ledger/aging.ts) and renders (render/aging.ts).
 */
import type { Command } from 'commander';
import type { Config } from '../config/load.js';
import { ageBalances, bucketsProblem, type AgingBasis } from '../ledger/aging.js';
import { reconcileAsOf } from '../ledger/as-of.js';
import { InputError } from '../model/errors.js';
import { foundExpected } from '../model/problems.js';
import { addAsOfOption, addFormatOption, addInputOptions, parseDateFlag, readBooks, readConfig, type Format, type InputFlags } from './common.js';
import { useColour, type CliIo } from './io.js';
import type { SetExit } from './main.js';
import { json } from './output.js';
import { agingCsv, agingJson, agingTableSpec } from './render/aging.js';
import { renderBoxTable } from './render/box-table.js';

interface AgingFlags extends InputFlags {
  asOf?: string;
  buckets?: string;
  basis?: string;
  by?: string;
  format: Format;
}

const BUCKETS_EXPECTED = 'strictly increasing positive whole numbers of days, like 30,60,90';

/** `--buckets 30,60,90`, else the config's `aging.buckets`; exit 2 naming where it came from. */
export function parseBucketsFlag(value: string | undefined, config: Pick<Config, 'aging' | 'configPath'>): number[] {
  if (value === undefined) {
    const limits = config.aging.buckets;
    if (bucketsProblem(limits)) {
      throw new InputError(`${config.configPath ?? 'config'}: aging.buckets: ${foundExpected(limits.join(','), BUCKETS_EXPECTED)}`);
    }
    return [...limits];
  }
  const parts = value.split(',').map((s) => s.trim());
  // Digits only: no sign, no decimals, no exponent; the numbers are small so Number is exact.
  const limits = parts.every((p) => /^\d{1,5}$/.test(p)) ? parts.map((p) => Number(p)) : null;
  if (!limits || bucketsProblem(limits)) throw new InputError(`--buckets: ${foundExpected(value, BUCKETS_EXPECTED)}`);
  return limits;
}

export function parseBasisFlag(value: string | undefined, config: Pick<Config, 'aging'>): AgingBasis {
  if (value === undefined) return config.aging.basis;
  if (value === 'due' || value === 'issue') return value;
  throw new InputError(`--basis: ${foundExpected(value, '"due" or "issue"')}`);
}

export function parseByFlag(value: string | undefined): boolean {
  if (value === undefined || value === 'customer') return false;
  if (value === 'invoice') return true;
  throw new InputError(`--by: ${foundExpected(value, '"customer" or "invoice"')}`);
}

export function registerAging(program: Command, io: CliIo, setExit: SetExit): void {
  const cmd = program
    .command('aging')
    .description('aged balance (balance âgée) per customer as of a date')
    .option('--buckets <days>', 'bucket limits in days, comma separated (default: config aging.buckets, else 30,60,90)')
    .option('--basis <basis>', 'age from the due date or the issue date: due|issue (default: config aging.basis, else due)')
    .option('--by <level>', 'customer|invoice: with invoice, list the open invoices under each customer', 'customer');
  addFormatOption(addAsOfOption(addInputOptions(cmd)));
  cmd.action(async (flags: AgingFlags) => {
    const config = readConfig(flags, io);
    // Every flag is checked before the books are read: a typo fails fast, whatever the data.
    const asOf = parseDateFlag(flags.asOf, '--as-of', io);
    const buckets = parseBucketsFlag(flags.buckets, config);
    const basis = parseBasisFlag(flags.basis, config);
    const byInvoice = parseByFlag(flags.by);
    // Lettering groups that settle themselves by --as-of change no residual: not even read into entries (io/books.ts).
    const { books } = await readBooks(flags, config, io, { elideSettledBy: asOf });
    const rec = reconcileAsOf(books, config, asOf);
    const report = ageBalances(rec, books.customers, { asOf, buckets, basis, byInvoice });
    if (flags.format === 'json') io.stdout.write(json(agingJson(report)));
    else if (flags.format === 'csv') io.stdout.write(agingCsv(report));
    // Not output.ts table(): cli-table3 takes tens of seconds on thousands of customers.
    else io.stdout.write(renderBoxTable(agingTableSpec(report), useColour(io)));
    setExit(0);
  });
}
