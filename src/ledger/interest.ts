/**
 * Late interest and the recovery indemnity (CONTRACT.md "Interest and fees"; FACTS.md).
 * Pure: the reconciliation as of a date, the customers, the rate table and the formal-notice
 * dates come in; a report and its problems go out.
 *
 * Rules chosen where the texts leave room (also in the README):
 * - Business customer (C. com. L441-10 II, D441-5): interest from the day after the due date
 *   to the as-of date, or to the date of the final payment for an invoice paid late (that day
 *   included). Contract rate when set, else the ECB rate of the half-year + 10 points.
 *   40 EUR indemnity (config `interest.indemnity`) once per invoice listed, even partly paid.
 * - Consumer (C. civ. 1231-6): no indemnity; legal rate "autres cas" (CMF L313-2: the
 *   creditor is a business), only once a formal notice is in the journal, from the day after
 *   the notice's date (and never before the day after the due date).
 * - Insolvency (customer status): neither interest nor indemnity.
 * - Base: the unpaid amount incl. VAT. A payment or credit note dated P lowers the base from
 *   P + 1; day P still bears interest on the old base. Credits dated after `asOf` are ignored.
 * - Periods are cut at 1 January, 1 July and at every base change; each half-year at its own
 *   rate. Days are actual days over 365, leap years included (FACTS.md: days/365).
 * - Exact arithmetic (integers and decimal.js, never binary floating point); the invoice total is rounded once to the cent, half up. Each period's
 *   displayed cents are that total shared out by largest remainder, so the lines always add
 *   up to the total and each is within one cent of its exact value.
 * - Contract rate: checked against 3 × the legal rate ("autres cas") of every half-year it
 *   is applied to; below it is an error (L441-10 II).
 */
import { cents, Dec, decToCents, ZERO, add, type Cents } from '../model/money.js';
import { addDays, maxDate } from '../model/dates.js';
import { splitSpans, type Span } from './interest-periods.js';
import { RateProblems } from './interest-problems.js';
import type { Allocation, Reconciliation } from '../model/reconciliation.js';
import type { Checked, Customer, CustomerKind, IsoDate, LedgerEntry, Source } from '../model/types.js';
import type { HalfYear, RateTable } from './rates.js';

export interface InterestInput {
  readonly reconciliation: Reconciliation;
  readonly customers: ReadonlyMap<string, Customer>;
  readonly asOf: IsoDate;
  readonly rates: RateTable;
  /** Percent a year from the contract (config `interest.contractRate`); null: the legal rate. */
  readonly contractRate: Dec | null;
  /** The fixed recovery indemnity per invoice, 40 EUR by default (D441-5). */
  readonly indemnity: Cents;
  /** The date of the first formal notice naming that invoice, from the journal; null: none. */
  readonly formalNoticeDate: (customer: string, debit: LedgerEntry) => IsoDate | null;
}

/** Which rate applies: the contract's, L441-10 II's default, or the legal rate (consumer). */
export type InterestBasis = 'contract' | 'ecb_plus_10' | 'legal_other';

export interface InterestPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
  readonly half: HalfYear;
  readonly base: Cents;
  /** Percent a year. */
  readonly rate: Dec;
  /** The period's share of the invoice's rounded total (largest remainder). */
  readonly interest: Cents;
}

export interface InvoiceInterest {
  readonly entry: LedgerEntry;
  readonly customer: string;
  readonly customerName: string;
  readonly customerKind: CustomerKind;
  readonly number: string;
  readonly source: Source;
  readonly dueDate: IsoDate;
  /** The date of the payment (or credit note) that settled it, when settled late. */
  readonly paidDate: IsoDate | null;
  readonly basis: InterestBasis;
  /** The unpaid amount at the as-of date (0 when paid late). */
  readonly residual: Cents;
  readonly days: number;
  /** Unrounded total, euros. */
  readonly exact: Dec;
  readonly interest: Cents;
  readonly indemnity: Cents;
  readonly periods: readonly InterestPeriod[];
}

export interface InterestReport {
  readonly asOf: IsoDate;
  readonly invoices: readonly InvoiceInterest[];
  readonly totals: { readonly interest: Cents; readonly indemnity: Cents };
}

/**
 * Exact arithmetic without a division per period: base (cents) × rate (percent, scaled to an
 * integer) × days is a whole number, `scaled`; the period's interest in cents is scaled over
 * 36,500 × the rate's scale. Integers (BigInt) make that floor and remainder exact and cheap;
 * the invoice's total goes through one decimal division and the one rounding point,
 * decToCents. (Per-period 40-digit decimal divisions dominated the run time.)
 */
const CENTS_YEAR_PERCENT = 36_500n;

/** A period before its cents are known. */
type RawPeriod = Omit<InterestPeriod, 'interest'> & { readonly scaled: bigint };

/** A rate in percent as an integer at 10^scale, e.g. 12.15 at scale 4 → 121500. Cached: few rates, many periods. */
const scaledRates = new WeakMap<Dec, Map<number, bigint>>();
function scaledRate(rate: Dec, scale: number): bigint {
  let byScale = scaledRates.get(rate);
  if (!byScale) scaledRates.set(rate, (byScale = new Map()));
  let r = byScale.get(scale);
  if (r === undefined) byScale.set(scale, (r = BigInt(rate.times(new Dec(10).pow(scale)).toFixed(0))));
  return r;
}

const label = (e: LedgerEntry) => `${e.ref} of ${e.customer} (${e.source.file}:${e.source.line})`;

export function computeInterest(input: InterestInput): Checked<InterestReport> {
  const { asOf, contractRate } = input;
  const byDebit = new Map<string, Allocation[]>();
  for (const a of input.reconciliation.allocations) {
    if (a.credit.date > asOf) continue;
    const list = byDebit.get(a.debit.id) ?? [];
    list.push(a);
    byDebit.set(a.debit.id, list);
  }
  const rateProblems = new RateProblems();
  const invoices: InvoiceInterest[] = [];

  for (const item of input.reconciliation.debits) {
    const entry = item.entry;
    if (entry.kind !== 'invoice' || entry.date > asOf) continue;
    const customer = input.customers.get(entry.customer);
    if (customer?.status === 'insolvency') continue;
    const kind: CustomerKind = customer?.kind ?? 'business';
    const allocs = byDebit.get(entry.id) ?? [];
    let residual = entry.amount;
    let lastCredit: IsoDate | null = null;
    for (const a of allocs) {
      residual = (residual - a.amount) as Cents;
      if (lastCredit === null || a.credit.date > lastCredit) lastCredit = a.credit.date;
    }
    const dueDate = item.dueDate;
    const overdue = residual > 0 && dueDate < asOf;
    const paidLate = residual <= 0 && lastCredit !== null && lastCredit > dueDate;
    if (!overdue && !paidLate) continue;
    const paidDate = paidLate ? lastCredit : null;
    const end = paidDate ?? asOf;

    let start = addDays(dueDate, 1);
    if (kind === 'consumer') {
      const notice = input.formalNoticeDate(entry.customer, entry);
      if (notice === null || notice > asOf) continue;
      start = maxDate(start, addDays(notice, 1));
      if (start > end) continue;
    }
    const basis: InterestBasis = kind === 'consumer' ? 'legal_other' : contractRate ? 'contract' : 'ecb_plus_10';

    const spans: (Span & { rate: Dec })[] = [];
    let failed = false;
    const credits = allocs.map((a) => ({ date: a.credit.date, amount: a.amount }));
    for (const span of splitSpans(start, end, entry.amount, credits)) {
      const rate = rateFor(span.half, basis, entry, rateProblems, input);
      if (rate === null) failed = true;
      else spans.push({ ...span, rate });
    }
    if (failed) continue;
    const scale = spans.reduce((m, p) => Math.max(m, p.rate.decimalPlaces()), 0);
    const divisor = CENTS_YEAR_PERCENT * 10n ** BigInt(scale);
    const raw: RawPeriod[] = spans.map((p) => ({
      from: p.from,
      to: p.to,
      days: p.days,
      half: p.half,
      base: p.base,
      rate: p.rate,
      scaled: BigInt(p.base) * scaledRate(p.rate, scale) * BigInt(p.days),
    }));
    // One division for the whole invoice, so that an exact half cent is seen as such.
    const sum = raw.reduce((s, p) => s + p.scaled, 0n);
    const exact = new Dec(sum.toString()).dividedBy(new Dec((divisor * 100n).toString()));
    const total = decToCents(exact);
    const periods = shareOut(raw, divisor, total);
    invoices.push({
      entry,
      customer: entry.customer,
      customerName: customer?.name ?? entry.customerName,
      customerKind: kind,
      number: entry.ref,
      source: entry.source,
      dueDate,
      paidDate,
      basis,
      residual: (residual > 0 ? residual : 0) as Cents,
      days: raw.reduce((s, p) => s + p.days, 0),
      exact,
      interest: total,
      indemnity: kind === 'business' ? input.indemnity : ZERO,
      periods,
    });
  }

  invoices.sort(compareInvoices);
  let interest = ZERO;
  let indemnity = ZERO;
  for (const i of invoices) {
    interest = add(interest, i.interest);
    indemnity = add(indemnity, i.indemnity);
  }
  return { value: { asOf, invoices, totals: { interest, indemnity } }, problems: rateProblems.problems(contractRate) };
}

function rateFor(half: HalfYear, basis: InterestBasis, entry: LedgerEntry, problems: RateProblems, input: InterestInput): Dec | null {
  const known = input.rates.get(half);
  if (basis === 'legal_other') {
    if (!known?.legalOther) problems.missingRate(half, 'legalOther', 'consumer interest after a formal notice', label(entry), known);
    return known?.legalOther ?? null;
  }
  if (basis === 'contract') {
    const contract = input.contractRate!;
    if (!known?.legalOther) {
      problems.missingRate(half, 'legalOther', 'to check the contract rate against 3 × the legal rate', label(entry), known);
      return null;
    }
    if (contract.lessThan(known.legalOther.times(3))) {
      problems.contractTooLow(half, known.legalOther, label(entry));
      return null;
    }
    return contract;
  }
  if (!known?.b2b) problems.missingRate(half, 'ecb', 'L441-10 late-payment rate', label(entry), known);
  return known?.b2b ?? null;
}

/**
 * Shares the invoice's rounded total among its periods: each gets its exact cents rounded
 * down, then the cents still missing go to the largest remainders (earlier period on a tie).
 */
function shareOut(raw: readonly RawPeriod[], divisor: bigint, total: Cents): InterestPeriod[] {
  const floors = raw.map((p) => cents(Number(p.scaled / divisor)));
  const byRemainder = raw.map((p, i) => ({ i, rest: p.scaled % divisor }));
  byRemainder.sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  let missing = total - floors.reduce((s, f) => s + f, 0);
  const extra = new Set<number>();
  for (const r of byRemainder) {
    if (missing <= 0) break;
    extra.add(r.i);
    missing--;
  }
  return raw.map((p, i) => ({
    from: p.from,
    to: p.to,
    days: p.days,
    half: p.half,
    base: p.base,
    rate: p.rate,
    interest: (floors[i]! + (extra.has(i) ? 1 : 0)) as Cents,
  }));
}

function compareInvoices(a: InvoiceInterest, b: InvoiceInterest): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (
    text(a.customer, b.customer) ||
    text(a.dueDate, b.dueDate) ||
    text(a.number, b.number) ||
    text(a.source.file, b.source.file) ||
    a.source.line - b.source.line
  );
}
