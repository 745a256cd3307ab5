/**
 * The letter as data: everything a template may print, decided here in TypeScript (which
 * invoices, which totals, which legal basis, which deadline, what history to recall).
 * Pure: no clock, no file system. Templates only format what this returns.
 */
import type { ConfigFile, StepId } from '../config/schema.js';
import { addDays } from '../model/dates.js';
import type { CallOutcome, JournalEntry } from '../model/journal.js';
import { parseAmount, sub, sum, ZERO, type Cents, type Dec } from '../model/money.js';
import type { ScanAction } from '../model/scan.js';
import type { Customer, CustomerKind, IsoDate, Language } from '../model/types.js';
import { formatPercent, phoneFromAbroad, postalLines } from './format.js';

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
  /** How the interest was reached, so the debtor can check it (absent: the letter shows no periods). */
  readonly basis?: 'contract' | 'ecb_plus_10' | 'legal_other';
  readonly periods?: readonly ChargePeriod[];
}

/** One period of the interest engine (ledger/interest.ts InterestPeriod, what a letter prints of it). */
export interface ChargePeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
  readonly base: Cents;
  /** Percent a year. */
  readonly rate: Dec;
  readonly interest: Cents;
}

/** L441-10 II: the ECB's refinancing rate + 10 points when the contract sets no rate. */
const ECB_POINTS = 10;

/** The shape ledger/interest.ts gives, structurally (the letters do not import the engine). */
export interface EngineInvoiceInterest {
  readonly interest: Cents;
  readonly indemnity: Cents;
  readonly basis: 'contract' | 'ecb_plus_10' | 'legal_other';
  readonly periods: readonly ChargePeriod[];
}

/** What a letter needs of one invoice's interest figures: totals, basis and periods. */
export const chargesOf = (i: EngineInvoiceInterest): InvoiceCharges => ({
  interest: i.interest,
  indemnity: i.indemnity,
  basis: i.basis,
  periods: i.periods.map((p) => ({ from: p.from, to: p.to, days: p.days, base: p.base, rate: p.rate, interest: p.interest })),
});

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

/**
 * A call, with its outcome as flags the templates test (`{{#if noAnswer}}`): a letter must not
 * say "further to our phone call" when nobody answered. All three false: outcome not logged.
 */
export interface LetterCall {
  readonly date: IsoDate;
  readonly outcome: CallOutcome | null;
  readonly reached: boolean;
  readonly noAnswer: boolean;
  readonly promised: boolean;
}
export interface LetterSent { readonly date: IsoDate; readonly step: LetterStep; readonly registered: boolean }
export interface LetterPromise { readonly date: IsoDate; readonly until: IsoDate; readonly amount: Cents | null }

/** One line of the history a letter recalls: exactly one of call, letter, promise is set. */
export interface HistoryItem {
  readonly date: IsoDate;
  readonly call: LetterCall | null;
  readonly letter: LetterSent | null;
  readonly promise: LetterPromise | null;
}

/** One interest period as printed: the rate already worded (there is no percent helper). */
export interface LetterInterestPeriod {
  readonly number: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
  readonly base: Cents;
  /** `12,15 %` / `12.15%`. */
  readonly rate: string;
  /** The ECB rate of the half-year when the rate is ECB + 10 points (`2,15 %`); null otherwise. */
  readonly ecbRate: string | null;
  readonly contract: boolean;
  readonly interest: Cents;
}

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
    /** Legal mentions of a company's letters (C. com. R123-237), null when not configured. */
    readonly legalForm: string | null;
    readonly capital: Cents | null;
    /** Registry city: printed `RCS <city> <SIREN>`. */
    readonly rcs: string | null;
    readonly vatNumber: string | null;
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
    /** The lines after the street: postcode and city as the country writes them, then the country in capitals. */
    readonly cityLines: readonly string[];
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
  /** The interest periods of every invoice (business formal notice), invoice by invoice. */
  readonly interestPeriods: readonly LetterInterestPeriod[];
  readonly hasInterestPeriods: boolean;
  /** The periods use the contract's rate (else ECB + 10 points, L441-10 II). */
  readonly contractRate: boolean;
  readonly calls: readonly LetterCall[];
  readonly lastCall: LetterCall | null;
  readonly letters: readonly LetterSent[];
  readonly firstLetter: LetterSent | null;
  readonly promises: readonly LetterPromise[];
  /** Calls, letters and promises in one list, oldest first (what the templates print). */
  readonly history: readonly HistoryItem[];
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
  /**
   * Days from this letter to the customer's next policy step (its `days`); null when the
   * policy has no step after this one or it is not known.
   */
  readonly nextStepDays?: number | null;
}

/** FACTS.md: a formal notice gives 8 to 15 days. */
const MIN_FORMAL_NOTICE_DAYS = 8;

/**
 * Days given to pay: the configured days, but the deadline falls strictly before the next
 * step is due (the letter is journalled on its date, the next step counts from it), so a
 * reminder never says "by 8 December" while the registered reminder goes out on 8 December.
 * Never under 1 day, nor under 8 for a formal notice (FACTS.md): a policy that short wins over
 * nothing, and the README says to lengthen it.
 */
export function deadlineDaysFor(configured: number, nextStepDays: number | null, formalNotice: boolean): number {
  const floor = formalNotice ? MIN_FORMAL_NOTICE_DAYS : 1;
  const capped = nextStepDays === null ? configured : Math.min(configured, nextStepDays - 1);
  return Math.max(floor, capped);
}

const byDate = <T extends { date: IsoDate }>(a: T, b: T): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

const letterCall = (date: IsoDate, outcome: CallOutcome | null): LetterCall => ({
  date,
  outcome,
  reached: outcome === 'reached',
  noAnswer: outcome === 'no_answer',
  promised: outcome === 'promise',
});

/** Same day: the call, then the promise made in it, then the letter. */
const KIND_ORDER = (h: HistoryItem): number => (h.call ? 0 : h.promise ? 1 : 2);

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
  const calls = past.flatMap((e) => (e.type === 'call' ? [letterCall(e.date, e.outcome ?? null)] : [])).sort(byDate);
  const letters = past
    .flatMap((e) => (e.type === 'letter' ? [{ date: e.date, step: e.step as LetterStep, registered: e.step !== 'reminder' }] : []))
    .filter((l) => isLetterStep(l.step))
    .sort(byDate);
  // Letters say each promise recalled "was not kept": only one whose date has passed qualifies.
  const promises = past
    .flatMap((e) => (e.type === 'promise' && e.until < asOf ? [{ date: e.date, until: e.until, amount: journalAmount(e.amount) }] : []))
    .sort(byDate);

  const history: HistoryItem[] = [
    ...calls.map((call) => ({ date: call.date, call, letter: null, promise: null })),
    ...letters.map((letter) => ({ date: letter.date, call: null, letter, promise: null })),
    ...promises.map((promise) => ({ date: promise.date, call: null, letter: null, promise })),
  ].sort((a, b) => byDate(a, b) || KIND_ORDER(a) - KIND_ORDER(b));

  const interestPeriods: LetterInterestPeriod[] = claimsCharges
    ? action.invoices.flatMap((i) => {
        const ch = input.charges.get(i.entry.id);
        return (ch?.periods ?? []).map((p) => ({
          number: i.number,
          from: p.from,
          to: p.to,
          days: p.days,
          base: p.base,
          rate: formatPercent(p.rate, language),
          ecbRate: ch?.basis === 'ecb_plus_10' ? formatPercent(p.rate.minus(ECB_POINTS), language) : null,
          contract: ch?.basis === 'contract',
          interest: p.interest,
        }));
      })
    : [];

  const configured = formalNotice ? input.letters.formalNoticeDeadlineDays : input.letters.deadlineDays;
  const deadlineDays = deadlineDaysFor(configured, input.nextStepDays ?? null, formalNotice);
  const cr = input.creditor;
  const country = c?.country?.trim() ?? '';
  const foreign = country === '' || /^(france|fr)$/i.test(country) ? null : country;
  const capital = cr.capital === undefined ? null : journalAmount(cr.capital);
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
      // From abroad, the trunk 0 of a French number cannot be dialled: +33 instead.
      phone: foreign && /^(france|fr)?$/i.test(cr.country.trim()) ? phoneFromAbroad(cr.phone) : cr.phone,
      email: cr.email,
      iban: cr.iban,
      bic: cr.bic,
      signatory: cr.signatory ?? null,
      legalForm: cr.legalForm ?? null,
      capital,
      rcs: cr.rcs ?? null,
      vatNumber: cr.vatNumber ?? null,
      logo: input.logo,
    },
    customer: {
      id: action.customer,
      name: c?.name || action.invoices[0]?.entry.customerName || action.customer,
      contact: c?.contact ? c.contact : null,
      address: c?.address ?? [],
      postcode: c?.postcode ?? '',
      city: c?.city ?? '',
      country: foreign,
      cityLines: postalLines(c?.postcode ?? '', c?.city ?? '', foreign),
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
    interestPeriods,
    hasInterestPeriods: interestPeriods.length > 0,
    contractRate: interestPeriods.some((p) => p.contract),
    calls,
    lastCall: calls.at(-1) ?? null,
    letters,
    firstLetter: letters[0] ?? null,
    promises,
    history,
    hasHistory: history.length > 0,
  };
}
