/** Builders for lettrage tests: one ledger line per call, written inline in each test. */
import type { Cents } from '../../src/model/money.js';
import type { IsoDate, LedgerEntry } from '../../src/model/types.js';
import type { DueDateRules } from '../../src/ledger/due-date.js';

export const RULES30: DueDateRules = { defaultTermsDays: 30, endOfMonthTerms: 'eom_plus_days', customerTerms: new Map() };

let nextLine = 2;

export interface Line {
  customer?: string;
  ref?: string;
  date?: string;
  label?: string;
  letter?: string | null;
  explicitInvoice?: string | null;
  line?: number;
  file?: string;
  kind?: LedgerEntry['kind'];
}

function entry(side: 'debit' | 'credit', cents: number, o: Line): LedgerEntry {
  const line = o.line ?? nextLine++;
  const file = o.file ?? 'fec.txt';
  return {
    id: `${file}:${line}`,
    source: { file, line },
    customer: o.customer ?? 'C1',
    customerName: `Client ${o.customer ?? 'C1'}`,
    account: '411000',
    kind: o.kind ?? (side === 'debit' ? 'invoice' : 'payment'),
    side,
    amount: cents as Cents,
    ref: o.ref ?? '',
    date: (o.date ?? '2026-01-01') as IsoDate,
    dueDate: null,
    label: o.label ?? '',
    journal: side === 'debit' ? 'VT' : 'BQ',
    entryNum: '',
    letter: o.letter ?? null,
    letterDate: null,
    explicitInvoice: o.explicitInvoice ?? null,
    opening: false,
    currency: 'EUR',
  };
}

/** An invoice (debit) of `cents`. */
export const inv = (cents: number, o: Line = {}): LedgerEntry => entry('debit', cents, o);
/** A payment (credit) of `cents`. */
export const pay = (cents: number, o: Line = {}): LedgerEntry => entry('credit', cents, o);
/** A credit note of `cents`. */
export const note = (cents: number, o: Line = {}): LedgerEntry => entry('credit', cents, { kind: 'credit_note', ...o });
