/**
 * The letter as data: everything a template may print, decided here in TypeScript (which
 * invoices, which totals, which legal basis, which deadline, what history to recall).
 * Pure: no clock, no file system. Templates only format what this returns.
 */
import type { ConfigFile, StepId } from '../config/schema.js';
import { addDays } from '../model/dates.js';
import type { JournalEntry } from '../model/journal.js';
import { parseAmount, sub, sum, ZERO, type Cents } from '../model/money.js';
import type { ScanAction } from '../model/scan.js';
import type { Customer, CustomerKind, IsoDate, Language } from '../model/types.js';

/** The steps that are letters; `call` is a phone call and `litigation` a dossier. */
export const LETTER_STEPS = ['reminder', 'registered_reminder', 'formal_notice'] as const;
export type LetterStep = (typeof LETTER_STEPS)[number];

export const isLetterStep = (s: StepId): s is LetterStep => (LETTER_STEPS as readonly string[]).includes(s);

/** Template file stem of each step (`templates/<lang>/<stem>.hbs`). */
export const TEMPLATE_OF: Readonly<Record<LetterStep, string>> = {
  reminder: 'reminder',
  registered_reminder: 'registered-reminder',
  formal_notice: 'formal-notice',
};

/**
 * What the interest engine gives per invoice (ledger/interest.ts). Kept this small so the
 * letters depend on figures, not on how they are computed.
 */
export interface InvoiceCharges {
  readonly interest: Cents;
  readonly indemnity: Cents;
}

export type Creditor = NonNullable<ConfigFile['creditor']>;

export interface LetterInvoice {
  readonly number: string;
  readonly key: string;
  readonly date: IsoDate;
  readonly dueDate: IsoDate;
  readonly daysLate: number;
  readonly amount: Cents;
  readonly paid: Cents;
  readonly residual: Cents;
  /** Null when the letter claims no interest for it (reminders, consumers). */
  readonly interest: Cents | null;
  readonly indemnity: Cents | null;
}

export interface LetterCall { readonly date: IsoDate; readonly outcome: string | null }
export interface LetterSent { readonly date: IsoDate; readonly step: LetterStep; readonly registered: boolean }
export interface LetterPromise { readonly date: IsoDate; readonly until: IsoDate; readonly amount: Cents | null }

/** The root object every template sees. Every key is always present (templates run strict). */
export interface LetterView {
  readonly language: Language;
  readonly en: boolean;
  readonly step: LetterStep;
  readonly registered: boolean;
  readonly formalNotice: boolean;
  readonly business: boolean;
  readonly consumer: boolean;
  readonly reference: string;
  readonly asOf: IsoDate;
  readonly deadline: IsoDate;
  readonly deadlineDays: number;
  readonly creditor: {
    readonly name: string;
    readonly address: readonly string[];
    readonly postcode: string;
    readonly city: string;
    readonly country: string;
    readonly siren: string;
    readonly phone: string;
    readonly email: string;
    readonly iban: string;
    readonly bic: string;
    readonly signatory: string | null;
    /** A `data:` URI, read at the edge; null without a logo. */
    readonly logo: string | null;
  };
  readonly customer: {
    readonly id: string;
    readonly name: string;
    readonly contact: string | null;
    readonly address: readonly string[];
    readonly postcode: string;
    readonly city: string;
    /** Printed only when it is not France (La Poste: no country line for domestic mail). */
    readonly country: string | null;
    readonly kind: CustomerKind;
  };
  readonly invoices: readonly LetterInvoice[];
  readonly invoiceCount: number;
  readonly totals: {
    readonly amount: Cents;
    readonly paid: Cents;
    readonly residual: Cents;
    readonly interest: Cents;
    readonly indemnity: Cents;
    /** residual + interest + indemnity: what the letter asks for. */
    readonly claimed: Cents;
  };
  /** Whether the letter claims interest and indemnity figures (business formal notice). */
  readonly claimsCharges: boolean;
  /** The fixed recovery indemnity per invoice (D441-5; config `interest.indemnity`). */
  readonly indemnityPerInvoice: Cents;
  readonly calls: readonly LetterCall[];
  readonly lastCall: LetterCall | null;
  readonly letters: readonly LetterSent[];
  readonly firstLetter: LetterSent | null;
  readonly promises: readonly LetterPromise[];
  readonly hasHistory: boolean;
}

export interface LetterInput {
  readonly action: ScanAction;
  readonly customer: Customer | undefined;
  readonly creditor: Creditor;
  readonly logo: string | null;
  /** The journal entries of this customer (any order; dated after as-of are ignored). */
  readonly journal: readonly JournalEntry[];
  /** Per ledger entry id (`LedgerEntry.id`); an absent id means no figures (zero). */
  readonly charges: ReadonlyMap<string, InvoiceCharges>;
  readonly asOf: IsoDate;
  readonly letters: { readonly deadlineDays: number; readonly formalNoticeDeadlineDays: number };
  readonly indemnityPerInvoice: Cents;
}

const byDate = <T extends { date: IsoDate }>(a: T, b: T): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

function journalAmount(s: string | undefined): Cents | null {
  if (s === undefined) return null;
  const r = parseAmount(s, 'dot');
  return r.ok ? r.cents : null;
}

export function buildLetter(input: LetterInput): LetterView {
  const { action, asOf } = input;
  if (!isLetterStep(action.step)) throw new RangeError(`step ${action.step} is not a letter`);
  const step = action.step;
  const c = input.customer;
  const kind: CustomerKind = c?.kind ?? 'business';
  const language: Language = c?.language ?? 'fr';
  const formalNotice = step === 'formal_notice';
  // Interest and the 40 EUR indemnity are figures only in a business formal notice: a consumer
  // owes neither before the notice (C. civ. 1231-6, 1344; D441-5 is B2B only).
  const claimsCharges = formalNotice && kind === 'business';

  const invoices: LetterInvoice[] = action.invoices.map((i) => {
    const ch = claimsCharges ? input.charges.get(i.entry.id) : undefined;
    return {
      number: i.number,
      key: i.key,
      date: i.entry.date,
      dueDate: i.dueDate,
      daysLate: i.daysLate,
      amount: i.entry.amount,
      paid: sub(i.entry.amount, i.residual),
      residual: i.residual,
      interest: claimsCharges ? (ch?.interest ?? ZERO) : null,
      indemnity: claimsCharges ? (ch?.indemnity ?? ZERO) : null,
    };
  });
  const residual = sum(invoices.map((i) => i.residual));
  const interest = sum(invoices.map((i) => i.interest ?? ZERO));
  const indemnity = sum(invoices.map((i) => i.indemnity ?? ZERO));

  // What a letter recalls (calls, earlier letters, broken promises) must be about its invoices:
  // an entry naming at least one of them, or naming none (logged without data files). A call
  // about an invoice paid since is not part of this debt's story.
  const numbers = new Set(invoices.map((i) => i.number));
  const past = input.journal.filter(
    (e) => e.date <= asOf && e.customer === action.customer && (e.invoices.length === 0 || e.invoices.some((r) => numbers.has(r.number))),
  );
  const calls = past.flatMap((e) => (e.type === 'call' ? [{ date: e.date, outcome: e.outcome ?? null }] : [])).sort(byDate);
  const letters = past
    .flatMap((e) => (e.type === 'letter' ? [{ date: e.date, step: e.step as LetterStep, registered: e.step !== 'reminder' }] : []))
    .filter((l) => isLetterStep(l.step))
    .sort(byDate);
  // Letters say each promise recalled "was not kept": only one whose date has passed qualifies.
  const promises = past
    .flatMap((e) => (e.type === 'promise' && e.until < asOf ? [{ date: e.date, until: e.until, amount: journalAmount(e.amount) }] : []))
    .sort(byDate);

  const deadlineDays = formalNotice ? input.letters.formalNoticeDeadlineDays : input.letters.deadlineDays;
  const cr = input.creditor;
  const country = c?.country?.trim() ?? '';
  return {
    language,
    en: language === 'en',
    step,
    registered: step !== 'reminder',
    formalNotice,
    business: kind === 'business',
    consumer: kind === 'consumer',
    reference: `${asOf.replace(/-/g, '')}-${action.customer}`,
    asOf,
    deadline: addDays(asOf, deadlineDays),
    deadlineDays,
    creditor: {
      name: cr.name,
      address: cr.address,
      postcode: cr.postcode,
      city: cr.city,
      country: cr.country,
      siren: cr.siren,
      phone: cr.phone,
      email: cr.email,
      iban: cr.iban,
      bic: cr.bic,
      signatory: cr.signatory ?? null,
      logo: input.logo,
    },
    customer: {
      id: action.customer,
      name: c?.name || action.invoices[0]?.entry.customerName || action.customer,
      contact: c?.contact ? c.contact : null,
      address: c?.address ?? [],
      postcode: c?.postcode ?? '',
      city: c?.city ?? '',
      country: country === '' || /^(france|fr)$/i.test(country) ? null : country,
      kind,
    },
    invoices,
    invoiceCount: invoices.length,
    totals: {
      amount: sum(invoices.map((i) => i.amount)),
      paid: sum(invoices.map((i) => i.paid)),
      residual,
      interest,
      indemnity,
      claimed: sum([residual, interest, indemnity]),
    },
    claimsCharges,
    indemnityPerInvoice: input.indemnityPerInvoice,
    calls,
    lastCall: calls.at(-1) ?? null,
    letters,
    firstLetter: letters[0] ?? null,
    promises,
    hasHistory: calls.length + letters.length + promises.length > 0,
  };
}
