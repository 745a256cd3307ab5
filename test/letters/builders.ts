/** Small builders for letter tests: a creditor, customers, scan actions, journal entries. */
import type { JournalEntry } from '../../src/model/journal.js';
import { cents, type Cents } from '../../src/model/money.js';
import type { ScanAction, ScanInvoice } from '../../src/model/scan.js';
import type { Customer, IsoDate } from '../../src/model/types.js';
import { makeCustomer, makeEntry } from '../helpers/ledger.js';
import type { StepId } from '../../src/config/schema.js';
import type { Creditor, InvoiceCharges, LetterView } from '../../src/letters/model.js';
import { letterViews } from '../../src/letters/plan-letters.js';
import type { Policy } from '../../src/policy/steps.js';
import { docKey } from '../../src/policy/doc-key.js';

export const d = (s: string): IsoDate => s as IsoDate;

export const CREDITOR: Creditor = {
  name: 'Atelier Éléonore SARL',
  address: ['12 rue des Tanneurs'],
  postcode: '69002',
  city: 'Lyon',
  country: 'France',
  siren: '123456789',
  phone: '04 72 00 00 00',
  email: 'compta@eleonore.example',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'AGRIFRPPXXX',
  signatory: 'Marie Dupont, gérante',
  legalForm: 'SARL',
  capital: '10000.00',
  rcs: 'Lyon',
  vatNumber: 'FR32123456789',
};

export function customer(id: string, over: Partial<Customer> = {}): Customer {
  return makeCustomer({ id, name: `Client ${id}`, address: ['3 place Bellecour'], postcode: '69002', city: 'Lyon', ...over });
}

let line = 1;
export function invoice(customerId: string, number: string, amount: number, residual: number, date = '2026-08-01', due = '2026-08-31'): ScanInvoice {
  line++;
  const entry = makeEntry({ file: 'inv.csv', line, customer: customerId, customerName: `Client ${customerId}`, account: '411', amount, ref: number, date, dueDate: due });
  return {
    customer: customerId,
    number,
    key: docKey(entry),
    entry,
    dueDate: d(due),
    daysLate: 60,
    residual: cents(residual),
    lastStep: null,
    lastStepDate: null,
    nextStep: null,
    nextStepDate: null,
    blocked: null,
    explain: [],
  };
}

export function action(customerId: string, step: StepId, invoices: ScanInvoice[]): ScanAction {
  return { customer: customerId, step, invoices, amount: invoices.reduce((s, i) => s + i.residual, 0) as Cents };
}

export function entry(e: Partial<JournalEntry> & Pick<JournalEntry, 'type' | 'customer' | 'date'>): JournalEntry {
  return { v: 1, id: Math.random().toString(36), recordedAt: '2026-01-01T00:00:00Z', invoices: [], ...e } as JournalEntry;
}

export function views(
  actions: ScanAction[],
  customers: Customer[],
  opts: { journal?: JournalEntry[]; charges?: Map<string, InvoiceCharges>; asOf?: string; policy?: Policy; creditor?: Creditor } = {},
): LetterView[] {
  return letterViews(actions, {
    customers: new Map(customers.map((c) => [c.id, c])),
    creditor: opts.creditor ?? CREDITOR,
    logo: null,
    journal: opts.journal ?? [],
    charges: opts.charges ?? new Map(),
    asOf: d(opts.asOf ?? '2026-11-22'),
    letters: { deadlineDays: 8, formalNoticeDeadlineDays: 15 },
    indemnityPerInvoice: cents(4000),
    ...(opts.policy ? { policy: opts.policy } : {}),
  });
}
