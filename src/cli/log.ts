/**
 * `dunning log …`: records in the journal what was done (calls, the litigation dossier) and
 * learnt (promises, disputes, holds, notes). Prints one confirmation line on stderr and nothing on stdout (quiet
 * for scripts), or the entry as JSON on stdout with `--format json`.
 * With data files (flags or config) the ids are checked and the invoices filled with their
 * keys; without, the numbers are stored as typed (see cli/log-data.ts).
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { entryBase, withJournalLock } from '../io/journal.js';
import { InputError } from '../model/errors.js';
import type { CallOutcome, DocRef, JournalEntry } from '../model/journal.js';
import { formatAmount, formatEuroFr, parseAmount, type Cents } from '../model/money.js';
import type { IsoDate } from '../model/types.js';
import { addInputOptions, addJournalOption, parseDateFlag, readConfig, resolveJournal, type InputFlags } from './common.js';
import type { CliIo } from './io.js';
import { json } from './output.js';
import { checkCustomer, documentsOf, invoiceOwner, loadLogData, openInvoices, type LogData } from './log-data.js';
import type { SetExit } from './main.js';

interface LogFlags extends InputFlags {
  date?: string;
  note?: string;
  journal?: string;
  format: 'table' | 'json';
  invoice?: string[];
  outcome?: CallOutcome;
  until?: string;
  amount?: string;
  customer?: string;
  scope?: 'customer' | 'invoice';
}

type Body = { type: JournalEntry['type']; customer: string; invoices: DocRef[] } & Record<string, unknown>;

function common(cmd: Command): Command {
  cmd.option('--date <date>', 'when it happened, YYYY-MM-DD (default: today)').option('--note <text>', 'free text kept with the entry');
  cmd.addOption(new Option('--format <format>', 'table: a confirmation on stderr; json: the entry on stdout').choices(['table', 'json']).default('table'));
  addJournalOption(cmd);
  return addInputOptions(cmd);
}

function untilFlag(flags: LogFlags, date: IsoDate, io: CliIo): IsoDate {
  if (flags.until === undefined) throw new InputError('--until: missing, expected a date YYYY-MM-DD');
  const until = parseDateFlag(flags.until, '--until', io);
  if (until < date) throw new InputError(`--until: found ${JSON.stringify(flags.until)}, expected a date on or after the entry's date ${date}`);
  return until;
}

/** The invoices of a customer entry: `--invoice` (checked), else every open (call, litigation: overdue) one. */
function customerRefs(data: LogData | null, customer: string, flags: LogFlags, date: IsoDate, overdueOnly: boolean): DocRef[] {
  if (!data) return (flags.invoice ?? []).map((number) => ({ number, key: '' }));
  checkCustomer(data, customer);
  if (!data.invoicesKnown) return (flags.invoice ?? []).map((number) => ({ number, key: '' }));
  return flags.invoice?.length ? documentsOf(data, customer, flags.invoice) : openInvoices(data, customer, date, overdueOnly);
}

/**
 * `--amount`: comma or dot decimals. The flag is read without the config (no `csv.decimal`
 * applies), so an amount that reads two ways (`1.234`: 1 234 € or three decimals) gets a
 * message saying what to type.
 */
function amountFlag(raw: string): Cents {
  const a = parseAmount(raw, 'auto');
  if (a.ok && a.cents > 0) return a.cents;
  const found = `--amount: found ${JSON.stringify(raw)}, expected`;
  if (a.ok) throw new InputError(`${found} a positive amount`);
  // parseAmount's own advice (the config's decimal setting) does not apply to a flag: say how
  // to write each reading instead.
  const readings: string[] = [];
  for (const style of ['comma', 'dot'] as const) {
    const r = parseAmount(raw, style);
    if (r.ok && r.cents > 0) readings.push(`${formatAmount(r.cents).replace('.', ',')} for ${formatEuroFr(r.cents).replace(/[\u00a0\u202f]/g, ' ')}`);
  }
  if (!a.expected.includes('"decimal"')) throw new InputError(`${found} ${a.expected}`);
  if (readings.length === 0) throw new InputError(`${found} an amount like 1234,50 or 1 234,50`);
  throw new InputError(
    `${found} an amount that reads one way only: type ${readings.join(', or ')} ` +
      '(a dot or comma before exactly three digits could group thousands or mark decimals)',
  );
}

function display(file: string, io: CliIo): string {
  const rel = path.relative(io.cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

async function run(io: CliIo, flags: LogFlags, make: (date: IsoDate, data: LogData | null) => Body): Promise<void> {
  const config = readConfig(flags, io);
  const date = parseDateFlag(flags.date, '--date', io);
  const data = await loadLogData(flags, config, io, date);
  const { type, customer, invoices, ...rest } = make(date, data);
  const { v, id, recordedAt } = entryBase(io.now());
  const entry = { v, id, date, recordedAt, type, customer, invoices, ...rest, ...(flags.note ? { note: flags.note } : {}) } as JournalEntry;
  const file = resolveJournal(flags.journal, config, io);
  await withJournalLock(file, (append) => append([entry]));
  if (flags.format === 'json') io.stdout.write(json(entry));
  const who = customer === '' ? '' : ` for ${customer}`;
  const what = invoices.length ? ` (${invoices.map((i) => i.number).join(', ')})` : '';
  io.stderr.write(`logged ${type}${who} on ${date}${what} in ${display(file, io)}\n`);
}

export function registerLog(program: Command, io: CliIo, _setExit: SetExit): void {
  const log = program.command('log').description('record a call, a promise, a dispute, a hold, a litigation dossier or a note in the journal');

  const invoiceOpt = '--invoice <numbers...>';
  common(
    log
      .command('call <customer>')
      .description('a phone call (without --invoice: every invoice of the customer overdue on that date)')
      .option(invoiceOpt, 'the invoices discussed')
      .addOption(new Option('--outcome <outcome>', 'how it went').choices(['reached', 'no_answer', 'promise'])),
  ).action((customer: string, flags: LogFlags) =>
    run(io, flags, (date, data) => ({
      type: 'call',
      customer,
      invoices: customerRefs(data, customer, flags, date, true),
      ...(flags.outcome ? { outcome: flags.outcome } : {}),
    })),
  );

  common(
    log
      .command('promise <customer>')
      .description('a promise to pay by a date: dunning pauses until then for the invoices concerned')
      .option('--until <date>', 'the promised date, YYYY-MM-DD')
      .option('--amount <amount>', 'the amount promised, e.g. 1234,50')
      .option(invoiceOpt, 'the invoices concerned (default: every open one)'),
  ).action((customer: string, flags: LogFlags) =>
    run(io, flags, (date, data) => {
      const until = untilFlag(flags, date, io);
      let amount: string | undefined;
      if (flags.amount !== undefined) {
        amount = formatAmount(amountFlag(flags.amount));
      }
      return { type: 'promise', customer, invoices: customerRefs(data, customer, flags, date, false), until, ...(amount ? { amount } : {}) };
    }),
  );

  for (const type of ['dispute', 'resolve'] as const) {
    common(
      log
        .command(`${type} <invoice>`)
        .description(type === 'dispute' ? 'the customer disputes an invoice: no dunning until resolved' : 'a dispute is settled: dunning resumes')
        .option('--customer <id>', 'the customer, when the number alone is ambiguous (or to record it without data files)'),
    ).action((number: string, flags: LogFlags) =>
      run(io, flags, (_date, data) => {
        if (data && flags.customer !== undefined) checkCustomer(data, flags.customer);
        if (!data?.invoicesKnown) return { type, customer: flags.customer ?? '', invoices: [{ number, key: '' }] };
        const { customer, refs } = invoiceOwner(data, number, flags.customer);
        return { type, customer, invoices: refs };
      }),
    );
  }

  common(
    log
      .command('hold <target>')
      .description('no dunning until a date, for a customer or for one invoice')
      .option('--until <date>', 'the last day of the hold, YYYY-MM-DD')
      .addOption(new Option('--scope <scope>', 'whether <target> is a customer or an invoice (needed only when it could be both)').choices(['customer', 'invoice']))
      .option('--customer <id>', 'the customer of the invoice, when the number alone is ambiguous'),
  ).action((target: string, flags: LogFlags) =>
    run(io, flags, (date, data) => {
      const until = untilFlag(flags, date, io);
      if (!data) {
        // Without data a customer hold is assumed; the policy treats it as an invoice hold when
        // the books have no such customer but an invoice with that number.
        return flags.scope === 'invoice'
          ? { type: 'hold', customer: flags.customer ?? '', invoices: [{ number: target, key: '' }], until, scope: 'invoice' }
          : { type: 'hold', customer: target, invoices: [], until, scope: 'customer' };
      }
      if (!data.invoicesKnown) {
        // A customers file alone: a customer hold is checked; an invoice hold (--scope invoice)
        // is stored as typed, invoices being unknown without the books.
        if (flags.customer !== undefined) checkCustomer(data, flags.customer);
        if (flags.scope === 'invoice') return { type: 'hold', customer: flags.customer ?? '', invoices: [{ number: target, key: '' }], until, scope: 'invoice' };
        if (!data.books.customers.has(target)) {
          throw new InputError(`hold: found ${JSON.stringify(target)}, expected a customer id of the customers file (for an invoice, --scope invoice: invoice numbers are not checked without the books)`);
        }
        return { type: 'hold', customer: target, invoices: [], until, scope: 'customer' };
      }
      const isCustomer = data.books.customers.has(target) && flags.scope !== 'invoice';
      const isInvoice = data.invoices.some((d) => d.entry.ref === target) && flags.scope !== 'customer';
      if (isCustomer && isInvoice) {
        throw new InputError(`hold: ${JSON.stringify(target)} is both a customer and an invoice number; say which with --scope customer or --scope invoice`);
      }
      if (isCustomer) return { type: 'hold', customer: target, invoices: [], until, scope: 'customer' };
      if (isInvoice) {
        const { customer, refs } = invoiceOwner(data, target, flags.customer);
        return { type: 'hold', customer, invoices: refs, until, scope: 'invoice' };
      }
      throw new InputError(`hold: found ${JSON.stringify(target)}, expected a customer id or an invoice number of the books`);
    }),
  );

  common(
    log
      .command('litigation <customer>')
      .description('the litigation dossier was handed over (collection agency, bailiff, lawyer): the last step, nothing more is planned for its invoices')
      .option(invoiceOpt, 'the invoices in the dossier (default: every invoice of the customer overdue on that date)'),
  ).action((customer: string, flags: LogFlags) =>
    run(io, flags, (date, data) => ({ type: 'litigation', customer, invoices: customerRefs(data, customer, flags, date, true) })),
  );

  common(log.command('note <customer> <text>').description('a free note about a customer')).action((customer: string, text: string, flags: LogFlags) =>
    run(io, { ...flags, note: text }, (_date, data) => {
      if (data) checkCustomer(data, customer);
      return { type: 'note', customer, invoices: [] };
    }),
  );
}
