/**
 * `dunning init [DIR]`: a config with a sample creditor, copies of the shipped templates to
 * customise (the config points at them), and small sample CSVs dated around today so that
 * `dunning scan` and `dunning letters` show something at once. Never overwrites: if any
 * target exists, nothing is written and the files are listed (exit 2).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_CONFIG_NAME } from '../config/load.js';
import { shippedTemplatesDir } from '../letters/template-files.js';
import { addDays, formatDateFr, localToday } from '../model/dates.js';
import { EnvironmentError, InputError } from '../model/errors.js';
import type { IsoDate } from '../model/types.js';
import type { CliIo } from './io.js';
import type { SetExit } from './main.js';

export const SAMPLE_CONFIG = {
  creditor: {
    name: 'Votre Société SARL',
    address: ['10 rue de l’Exemple'],
    postcode: '75001',
    city: 'Paris',
    country: 'France',
    siren: '000000000',
    phone: '01 23 45 67 89',
    email: 'comptabilite@votre-societe.example',
    iban: 'FR76 3000 6000 0112 3456 7890 189',
    bic: 'AGRIFRPPXXX',
    signatory: 'Prénom Nom, gérant',
    legalForm: 'SARL',
    capital: '10000.00',
    rcs: 'Paris',
    vatNumber: 'FR00000000000',
  },
  inputs: { invoices: 'data/invoices.csv', payments: 'data/payments.csv', customers: 'data/customers.csv' },
  journal: '.dunning/journal.jsonl',
  templates: 'templates',
  defaultTermsDays: 30,
  policy: {
    minAmount: '5.00',
    steps: [
      { id: 'call', days: 3 },
      { id: 'reminder', days: 7 },
      { id: 'registered_reminder', days: 8 },
      { id: 'formal_notice', days: 8 },
      { id: 'litigation', days: 15 },
    ],
  },
  interest: { indemnity: '40.00' },
  letters: { deadlineDays: 8, formalNoticeDeadlineDays: 15 },
};

/** Sample data: dated from `today` back, so that something is overdue at every step. */
export function sampleData(today: IsoDate): Record<string, string> {
  const fr = (days: number) => formatDateFr(addDays(today, -days));
  return {
    'data/customers.csv': [
      'id;name;address1;address2;postcode;city;country;email;phone;contact;language;terms_days;kind;status',
      'C001;Boulangerie Lefèvre SARL;12 rue de la République;;69002;Lyon;France;compta@lefevre.example;04 78 00 00 01;Mme Sophie Lefèvre;fr;30;business;active',
      'C002;Hôtel des Célestins SAS;4 quai des Célestins;;69002;Lyon;France;compta@celestins.example;04 78 00 00 02;M. Paul Giraud;fr;30;business;active',
      'C003;Jean Martin;8 impasse des Lilas;;38200;Vienne;France;jean.martin@example.org;06 00 00 00 03;;fr;30;consumer;active',
      'C004;Smith & Sons Ltd;221 Baker Street;;NW1 6XE;London;United Kingdom;accounts@smith.example;+44 20 0000 0004;Mr John Smith;en;30;business;active',
      '',
    ].join('\n'),
    'data/invoices.csv': [
      'number;customer;date;due_date;amount',
      `F-0001;C001;${fr(100)};${fr(70)};1 200,00`,
      `F-0002;C001;${fr(70)};${fr(40)};480,00`,
      `F-0003;C002;${fr(75)};${fr(45)};3 600,00`,
      `F-0004;C003;${fr(110)};${fr(80)};250,00`,
      `F-0005;C004;${fr(55)};${fr(25)};990,00`,
      `F-0006;C002;${fr(20)};${fr(-10)};720,00`,
      '',
    ].join('\n'),
    'data/payments.csv': [
      'id;customer;date;amount;reference;invoice',
      `P-0001;C001;${fr(50)};500,00;VIR BOULANGERIE LEFEVRE F-0001;F-0001`,
      `P-0002;C002;${fr(10)};720,00;VIR HOTEL DES CELESTINS;`,
      '',
    ].join('\n'),
    '.dunning/journal.jsonl': sampleJournal(today),
  };
}

/** Earlier calls and letters, so that each kind of letter is due today. */
function sampleJournal(today: IsoDate): string {
  const at = (days: number) => addDays(today, -days);
  const e = (n: number, days: number, customer: string, rest: object) =>
    JSON.stringify({ v: 1, id: `init-${n}`, date: at(days), recordedAt: `${at(days)}T09:00:00.000Z`, customer, invoices: [], ...rest });
  return [
    e(1, 65, 'C001', { type: 'call', outcome: 'no_answer' }),
    e(2, 76, 'C003', { type: 'call', outcome: 'promise' }),
    e(3, 76, 'C003', { type: 'promise', until: at(70), amount: '250.00' }),
    e(4, 60, 'C003', { type: 'letter', step: 'reminder', file: 'letters/sample-reminder.pdf', amount: '250.00' }),
    e(5, 45, 'C003', { type: 'letter', step: 'registered_reminder', file: 'letters/sample-registered.pdf', amount: '250.00' }),
    e(6, 21, 'C004', { type: 'call', outcome: 'reached', note: 'sample' }),
    '',
  ].join('\n');
}

function templateFiles(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? templateFiles(dir, r) : e.isFile() ? [r] : [];
  });
}

export function initFiles(today: IsoDate): Map<string, string> {
  const files = new Map<string, string>();
  files.set(DEFAULT_CONFIG_NAME, `${JSON.stringify(SAMPLE_CONFIG, null, 2)}\n`);
  const shipped = shippedTemplatesDir();
  for (const rel of templateFiles(shipped).sort()) files.set(`templates/${rel}`, readFileSync(path.join(shipped, rel), 'utf8'));
  for (const [rel, text] of Object.entries(sampleData(today))) files.set(rel, text);
  return files;
}

export function runInit(dirArg: string | undefined, io: CliIo): string[] {
  const dir = path.resolve(io.cwd, dirArg ?? '.');
  const files = initFiles(localToday(io.now()));
  const clash = [...files.keys()].filter((rel) => existsSync(path.join(dir, rel)));
  if (clash.length) {
    throw new InputError(`init: ${clash.length} file(s) already exist; nothing was written:\n${clash.map((c) => `  ${path.join(dirArg ?? '.', c)}`).join('\n')}`);
  }
  try {
    for (const [rel, text] of files) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text, { flag: 'wx' });
    }
  } catch (e) {
    throw new EnvironmentError(`init: cannot write in ${dirArg ?? '.'} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return [...files.keys()];
}

export function registerInit(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('init [dir]')
    .description('scaffold dunning.config.json (sample creditor), templates/ to customise and sample data/ CSVs')
    .action((dir: string | undefined) => {
      const written = runInit(dir, io);
      const where = dir ?? '.';
      io.stderr.write(`dunning: wrote ${written.length} files in ${where}\n`);
      io.stdout.write(
        `Next:\n  1. edit ${path.join(where, DEFAULT_CONFIG_NAME)} (your company in "creditor")\n` +
          `  2. cd ${where} && dunning scan\n  3. dunning letters --dry-run --out preview\n`,
      );
      setExit(0);
    });
}
