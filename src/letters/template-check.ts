/**
 * Every template, every branch, before any letter: a template error (a typo inside
 * `{{#if consumer}}`, a helper given a wrong field) would otherwise show only on the day a
 * letter of that kind is due, perhaps in the middle of a cron run. So each run renders every
 * step template, in both languages, against sample letters that between them take each side
 * of the conditions the templates can test: business and consumer, with and without contact,
 * country, calls, earlier letters, promises, interest figures, logo, signatory and bank details.
 *
 * The samples are real inputs (customers, scan actions, journal entries, charges) turned into
 * letters by letterViews, the code that builds the real ones, so they always have every field
 * a real letter has. Pure.
 */
import type { JournalEntry } from '../model/journal.js';
import { cents, Dec, sum, type Cents } from '../model/money.js';
import type { ScanAction, ScanInvoice } from '../model/scan.js';
import type { Customer, CustomerKind, IsoDate, Language, LedgerEntry } from '../model/types.js';
import { addDays } from '../model/dates.js';
import { docKey } from '../policy/doc-key.js';
import { LETTER_STEPS, type Creditor, type InvoiceCharges, type LetterStep, type LetterView } from './model.js';
import { letterViews, type LetterContext } from './plan-letters.js';
import { LANGUAGES, type LetterRenderer } from './templates.js';

/** What the run's letters share; the samples take the real creditor, logo and settings. */
export type SampleBase = Omit<LetterContext, 'customers' | 'journal' | 'charges'>;

/** A 1 x 1 transparent GIF: a logo for the samples when the config has none. */
const SAMPLE_LOGO = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

type History = 'none' | 'full' | 'calls' | 'letters';
const HISTORIES: readonly History[] = ['none', 'full', 'calls', 'letters'];

function ledgerEntry(customer: string, line: number, ref: string, amount: Cents, date: IsoDate, dueDate: IsoDate): LedgerEntry {
  return {
    id: `sample:${line}`,
    source: { file: 'sample', line },
    customer,
    customerName: `Sample customer ${customer}`,
    account: '411000',
    kind: 'invoice',
    side: 'debit',
    amount,
    ref,
    date,
    dueDate,
    label: '',
    journal: '',
    entryNum: '',
    letter: null,
    letterDate: null,
    explicitInvoice: null,
    opening: false,
    currency: 'EUR',
  };
}

function scanInvoice(customer: string, line: number, amount: Cents, residual: Cents, asOf: IsoDate): ScanInvoice {
  const date = addDays(asOf, -90);
  const due = addDays(asOf, -60);
  const number = `SAMPLE-${line}`;
  const entry = ledgerEntry(customer, line, number, amount, date, due);
  return {
    customer,
    number,
    key: docKey(entry),
    entry,
    dueDate: due,
    daysLate: 60,
    residual,
    lastStep: null,
    lastStepDate: null,
    nextStep: null,
    nextStepDate: null,
    blocked: null,
    explain: [],
  };
}

function sampleCustomer(id: string, language: Language, kind: CustomerKind, full: boolean): Customer {
  return {
    id,
    name: `Sample ${kind} ${language}`,
    address: full ? ['1 sample street', 'Building B'] : ['1 sample street'],
    postcode: '75001',
    city: 'Paris',
    country: full ? 'Belgique' : 'France',
    email: '',
    phone: '',
    contact: full ? 'Sample Contact' : '',
    language,
    termsDays: null,
    termsEndOfMonth: false,
    kind,
    status: 'active',
    source: null,
  };
}

function sampleJournal(customer: string, history: History, asOf: IsoDate): JournalEntry[] {
  const base = (n: number, daysBefore: number) => ({ v: 1 as const, id: `sample-${customer}-${n}`, date: addDays(asOf, -daysBefore), recordedAt: '1970-01-01T00:00:00.000Z', customer, invoices: [] });
  const calls: JournalEntry[] = [
    { ...base(1, 50), type: 'call' },
    { ...base(2, 45), type: 'call', outcome: 'promise' },
  ];
  const letters: JournalEntry[] = [
    { ...base(3, 40), type: 'letter', step: 'reminder', file: 'sample.pdf', amount: '1.00' },
    { ...base(4, 30), type: 'letter', step: 'registered_reminder', file: 'sample.pdf', amount: '1.00' },
  ];
  const promises: JournalEntry[] = [
    { ...base(5, 45), type: 'promise', until: addDays(asOf, -35), amount: '1.00' },
    { ...base(6, 25), type: 'promise', until: addDays(asOf, -20) },
  ];
  switch (history) {
    case 'none':
      return [];
    case 'calls':
      return calls;
    case 'letters':
      return letters;
    case 'full':
      return [...calls, ...letters, ...promises];
  }
}

/**
 * The sample letters: every language, step, kind and history; a full history comes with two
 * invoices (one partly paid), interest figures, a contact, a country abroad, a logo and a
 * signatory, an empty one with one invoice and a creditor with no optional detail.
 */
export function sampleLetters(base: SampleBase): LetterView[] {
  const out: LetterView[] = [];
  let line = 1;
  for (const language of LANGUAGES) {
    for (const kind of ['business', 'consumer'] as const) {
      for (const history of HISTORIES) {
        const full = history !== 'none';
        const id = `SAMPLE-${language}-${kind}-${history}`;
        const customer = sampleCustomer(id, language, kind, full);
        const charges = new Map<string, InvoiceCharges>();
        const actions: ScanAction[] = LETTER_STEPS.map((step: LetterStep) => {
          const invoices = full
            ? [scanInvoice(id, line++, cents(123456), cents(123456), base.asOf), scanInvoice(id, line++, cents(50000), cents(20000), base.asOf)]
            : [scanInvoice(id, line++, cents(10000), cents(10000), base.asOf)];
          // Interest with its periods (one invoice at the legal rate, one at a contract rate),
          // so that the period lines of every branch are rendered too.
          if (full) invoices.forEach((i, n) => charges.set(i.entry.id, sampleCharges(i.residual, base.asOf, n === 0 ? 'ecb_plus_10' : 'contract', base.indemnityPerInvoice)));
          return { customer: id, step, invoices, amount: sum(invoices.map((i) => i.residual)) };
        });
        const creditor: Creditor = full
          ? { ...base.creditor, signatory: base.creditor.signatory ?? 'Sample Signatory', siren: base.creditor.siren || '000000000', iban: base.creditor.iban || 'FR76 0000', bic: base.creditor.bic || 'XXXXFRPP', city: base.creditor.city || 'Paris' }
          : { ...base.creditor, signatory: undefined, siren: '', phone: '', email: '', iban: '', bic: '', city: '', address: [] };
        out.push(
          ...letterViews(actions, {
            ...base,
            creditor,
            logo: full ? (base.logo ?? SAMPLE_LOGO) : null,
            customers: new Map([[id, customer]]),
            journal: sampleJournal(id, history, base.asOf),
            charges,
          }),
        );
      }
    }
  }
  return out;
}

/** Interest on `base` over two periods (across a half-year), as the engine would give it. */
function sampleCharges(base: Cents, asOf: IsoDate, basis: 'ecb_plus_10' | 'contract', indemnity: Cents): InvoiceCharges {
  const rate = new Dec(basis === 'contract' ? '15.00' : '12.15');
  const periods = [
    { from: addDays(asOf, -60), to: addDays(asOf, -31), days: 30, base, rate, interest: cents(600) },
    { from: addDays(asOf, -30), to: asOf, days: 31, base, rate, interest: cents(634) },
  ];
  return { interest: cents(1234), indemnity, basis, periods };
}

/** Renders every sample letter; the first template error is thrown (InputError, file:line). */
export function checkTemplates(renderer: LetterRenderer, base: SampleBase): void {
  for (const view of sampleLetters(base)) renderer.render(view);
}
