/**
 * `dunning history [CUSTOMER]`: what the journal holds, oldest first (by date, then by when it
 * was recorded), optionally for one customer. Reads the journal only; no data files needed.
 */
import { Option, type Command } from 'commander';
import { readJournal } from '../io/journal.js';
import { formatDateFr } from '../model/dates.js';
import type { CallOutcome, JournalEntry } from '../model/journal.js';
import { STEP_LABELS_FR } from '../policy/steps.js';
import { formatEuroFr, parseAmount } from '../model/money.js';
import { compareEntries } from '../policy/facts.js';
import { addConfigOption, addJournalOption, readConfig, resolveJournal, type InputFlags } from './common.js';
import { printProblems } from './errors.js';
import type { CliIo } from './io.js';
import type { SetExit } from './main.js';
import { FORMATS, csv, json, table, type Format } from './output.js';
import { failOnJournalErrors } from './scan.js';

interface HistoryFlags extends InputFlags {
  format: Format;
  journal?: string;
}

const field = (e: JournalEntry, k: string): string => {
  const v = (e as unknown as Record<string, unknown>)[k];
  return typeof v === 'string' ? v : '';
};

function euro(amount: string): string {
  const a = parseAmount(amount, 'dot');
  return a.ok ? formatEuroFr(a.cents) : amount;
}

/** Entry types as the French table shows them (JSON and CSV keep the journal's ids). */
export const ENTRY_TYPES_FR: Readonly<Record<JournalEntry['type'], string>> = {
  call: 'appel',
  letter: 'lettre',
  promise: 'promesse de paiement',
  dispute: 'litige',
  resolve: 'litige résolu',
  hold: 'suspension',
  note: 'note',
  litigation: 'contentieux',
};

const OUTCOMES_FR: Readonly<Record<CallOutcome, string>> = { reached: 'joint', no_answer: 'sans réponse', promise: 'promesse' };

/** The type-specific facts of an entry, for the console, in French. */
export function details(e: JournalEntry): string {
  switch (e.type) {
    case 'call':
      return e.outcome ? OUTCOMES_FR[e.outcome] : '';
    case 'letter':
      return `${STEP_LABELS_FR[e.step]}${e.amount ? `, ${euro(e.amount)}` : ''}${e.file ? `, ${e.file}` : ''}`;
    case 'promise':
      return `jusqu’au ${formatDateFr(e.until)}${e.amount ? `, ${euro(e.amount)}` : ''}`;
    case 'hold':
      return `${e.scope === 'customer' ? 'client' : 'facture'} jusqu’au ${formatDateFr(e.until)}`;
    default:
      return '';
  }
}

export const HISTORY_CSV_HEADER = ['date', 'recordedAt', 'type', 'customer', 'invoices', 'step', 'outcome', 'until', 'amount', 'scope', 'file', 'note', 'id'] as const;

export function registerHistory(program: Command, io: CliIo, _setExit: SetExit): void {
  const cmd = program.command('history [customer]').description('what the journal holds, oldest first, for every customer or one');
  cmd.addOption(new Option('--format <format>', 'output format').choices([...FORMATS]).default('table'));
  addJournalOption(cmd);
  addConfigOption(cmd);
  cmd.action(async (customer: string | undefined, flags: HistoryFlags) => {
    const config = readConfig(flags, io);
    const file = resolveJournal(flags.journal, config, io);
    const { entries, problems } = await readJournal(file);
    failOnJournalErrors(file, problems);
    printProblems(io, problems);
    const shown = entries.filter((e) => customer === undefined || e.customer === customer).sort(compareEntries);
    if (flags.format === 'json') {
      io.stdout.write(json({ entries: shown }));
    } else if (flags.format === 'csv') {
      io.stdout.write(
        csv(
          HISTORY_CSV_HEADER,
          shown.map((e) => [e.date, e.recordedAt, e.type, e.customer, e.invoices.map((i) => i.number).join(' '), field(e, 'step'), field(e, 'outcome'), field(e, 'until'), field(e, 'amount'), field(e, 'scope'), field(e, 'file'), e.note ?? '', e.id]),
        ),
      );
    } else if (shown.length === 0) {
      io.stdout.write(customer === undefined ? 'Le journal est vide.\n' : `Rien dans le journal pour ${customer}.\n`);
    } else {
      io.stdout.write(
        table(
          {
            head: ['Date', 'Type', 'Client', 'Factures', 'Détails', 'Note'],
            rows: shown.map((e) => [formatDateFr(e.date), ENTRY_TYPES_FR[e.type], e.customer, e.invoices.map((i) => i.number).join(', '), details(e), e.note ?? '']),
          },
          io,
        ),
      );
    }
  });
}
