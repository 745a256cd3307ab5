/**
 * `planDunning`: where every overdue invoice stands and what is due on the as-of date. Pure:
 * the reconciliation, customers, journal, policy and date come in; a ScanReport goes out.
 *
 * - Each invoice follows its own chain of steps: its next step is the step after the most
 *   advanced one the journal records for it (steps are never skipped by the plan); it is due
 *   `days` after the due date (first step) or after that step's done date (the latest one when
 *   a step was logged twice), postponed past holds, promises and resolved disputes.
 * - Listed: every open invoice overdue on the as-of date, plus invoices paid in the last
 *   PAID_VISIBLE_DAYS days that had been dunned (so the call list shows they are settled).
 * - Actions: one per customer having an unblocked invoice whose next step is due; the step is
 *   the most advanced one due; the action lists every overdue unblocked invoice of the customer.
 */
import type { StepId } from '../config/schema.js';
import { dueDateFor, type EndOfMonthReading } from '../ledger/due-date.js';
import { endOfMonthOf } from '../model/dates.js';
import type { JournalEntry } from '../model/journal.js';
import { sum, type Cents } from '../model/money.js';
import type { Reconciliation } from '../model/reconciliation.js';
import type { ScanAction, ScanInvoice, ScanReport } from '../model/scan.js';
import type { Customer, IsoDate } from '../model/types.js';
import { blockOf, postpone } from './blocks.js';
import { dateMemo, type DateMemo } from './date-memo.js';
import { docKeys } from './doc-key.js';
import { collectFacts, emptyFacts, type InvoiceFacts, type StepDone } from './facts.js';
import type { KnownInvoice } from './journal-match.js';
import { stepAfter, stepRank, stepsFor, type Policy } from './steps.js';

/** A dunned invoice paid this many days before the as-of date or less is still listed. */
export const PAID_VISIBLE_DAYS = 30;

export interface PlanInput {
  readonly rec: Reconciliation;
  readonly customers: ReadonlyMap<string, Customer>;
  readonly journal: readonly JournalEntry[];
  readonly policy: Policy;
  readonly asOf: IsoDate;
  /** How "N jours fin de mois" was read (config `endOfMonthTerms`), for --explain. */
  readonly endOfMonthTerms?: EndOfMonthReading;
}

/** The most advanced step done; the latest date when it was done more than once. */
export function lastDone(steps: readonly StepDone[]): StepDone | null {
  let best: StepDone | null = null;
  for (const s of steps) {
    if (!best || stepRank(s.step) > stepRank(best.step) || (s.step === best.step && s.date >= best.date)) best = s;
  }
  return best;
}

function describeDone(s: StepDone): string {
  if (s.step === 'call') return `call done ${s.date} (journal${s.outcome ? `, outcome ${s.outcome}` : ''})`;
  if (s.step === 'litigation') return `litigation done ${s.date} (journal: dossier handed over)`;
  return `${s.step} done ${s.date} (journal, letter ${s.file ?? ''})`.replace(/, letter \)$/, ')');
}

/**
 * Where the due date comes from. "45 jours fin de mois" is named with its reading (config
 * `endOfMonthTerms`), whose two results differ: the bare day count would not say why.
 * Without the reading (a caller that does not pass it), the one that gives the date is named.
 */
function dueExplain(inv: KnownInvoice, dm: DateMemo, customer: Customer | undefined, reading: EndOfMonthReading | undefined): string {
  if (inv.entry.dueDate) return `due ${inv.dueDate} (due date given with the invoice)`;
  const date = inv.entry.date;
  if (customer?.termsEndOfMonth && customer.termsDays !== null) {
    const terms = { days: customer.termsDays, endOfMonth: true };
    const rule = `${terms.days} jours fin de mois`;
    const r = (reading ? [reading] : (['days_plus_eom', 'eom_plus_days'] as const)).find((x) => dueDateFor(date, terms, x) === inv.dueDate);
    if (r === 'days_plus_eom') {
      return `due ${inv.dueDate} (${rule} (days_plus_eom): invoice ${date} + ${terms.days} days = ${dm.addDays(date, terms.days)}, then the end of that month)`;
    }
    if (r === 'eom_plus_days') return `due ${inv.dueDate} (${rule} (eom_plus_days): end of the invoice's month ${endOfMonthOf(date)} + ${terms.days} days)`;
  }
  return `due ${inv.dueDate} (invoice ${date} + ${dm.daysBetween(date, inv.dueDate)} days)`;
}

interface Planned {
  readonly lastStep: StepId | null;
  readonly lastStepDate: IsoDate | null;
  readonly nextStep: StepId | null;
  readonly nextStepDate: IsoDate | null;
  readonly explain: string[];
}

/** The chain of steps of one invoice, ignoring blocks. */
function planSteps(inv: KnownInvoice, facts: InvoiceFacts, policy: Policy, asOf: IsoDate, dm: DateMemo, dueWhy: string): Planned {
  const explain = [dueWhy, ...facts.steps.map(describeDone)];
  for (const p of facts.promises) explain.push(`promise to pay ${p.date}, until ${p.until}${p.amount ? ` (${p.amount})` : ''} (journal)`);
  for (const h of facts.holds) explain.push(`hold ${h.date}, until ${h.until} (journal)`);
  for (const d of facts.disputes) explain.push(`${d.type === 'dispute' ? 'disputed' : 'dispute resolved'} ${d.date} (journal)`);
  const last = lastDone(facts.steps);
  const next = stepAfter(stepsFor(policy, inv.entry.customer), last?.step ?? null);
  if (!next) {
    explain.push(`no step left after ${last?.step ?? 'none'}: the policy has no further step`);
    return { lastStep: last?.step ?? null, lastStepDate: last?.date ?? null, nextStep: null, nextStepDate: null, explain };
  }
  const from = last ? `${last.step} ${last.date}` : `due date ${inv.dueDate}`;
  const base = dm.addDays(last ? last.date : inv.dueDate, next.days);
  const { date, why } = postpone(base, facts, asOf);
  explain.push(
    why
      ? `${next.id} due ${date}, postponed from ${base} = ${from} + ${next.days} days (${why})`
      : `${next.id} due ${date} = ${from} + ${next.days} days`,
  );
  return { lastStep: last?.step ?? null, lastStepDate: last?.date ?? null, nextStep: next.id, nextStepDate: date, explain };
}

const compareInvoices = (a: ScanInvoice, b: ScanInvoice): number =>
  a.customer !== b.customer
    ? a.customer < b.customer ? -1 : 1
    : a.dueDate !== b.dueDate
      ? a.dueDate < b.dueDate ? -1 : 1
      : a.number !== b.number
        ? a.number < b.number ? -1 : 1
        : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

export function planDunning({ rec, customers, journal, policy, asOf, endOfMonthTerms }: PlanInput): ScanReport {
  const dm = dateMemo();
  const debits = rec.debits.filter((d) => d.entry.kind === 'invoice' && d.entry.side === 'debit');
  const keys = docKeys(debits.map((d) => d.entry));
  const known: KnownInvoice[] = debits.map((d) => ({ entry: d.entry, key: keys.get(d.entry.id)!, dueDate: d.dueDate }));
  const { byInvoice, warnings } = collectFacts(journal, known, rec.allocations, asOf);

  const lastPayment = new Map<string, IsoDate>();
  for (const a of rec.allocations) {
    const prev = lastPayment.get(a.debit.id);
    if (!prev || a.credit.date > prev) lastPayment.set(a.debit.id, a.credit.date);
  }

  const invoices: ScanInvoice[] = [];
  debits.forEach((d, i) => {
    const inv = known[i]!;
    const facts = byInvoice.get(inv.key) ?? emptyFacts();
    const open = d.residual > 0;
    if (open && !(d.dueDate < asOf)) return;
    if (!open) {
      const paidOn = lastPayment.get(d.entry.id);
      if (facts.steps.length === 0 || !paidOn || dm.daysBetween(paidOn, asOf) > PAID_VISIBLE_DAYS) return;
    }
    const planned = planSteps(inv, facts, policy, asOf, dm, dueExplain(inv, dm, customers.get(d.entry.customer), endOfMonthTerms));
    const status = customers.get(d.entry.customer)?.status ?? 'active';
    const block = blockOf({ residual: d.residual, status, facts, minAmount: policy.minAmount, asOf });
    const explain = [...planned.explain];
    let { nextStep, nextStepDate } = planned;
    if (block) {
      explain.push(block.reason === 'paid' ? `${block.explain} (last payment ${lastPayment.get(d.entry.id)})` : block.explain);
      if (block.reason === 'paid' || block.reason === 'insolvency') nextStep = null;
      // Holds and promises end on a known date (already in nextStepDate); the others do not.
      if (block.reason !== 'hold' && block.reason !== 'promise') nextStepDate = null;
    }
    invoices.push({
      customer: d.entry.customer,
      number: d.entry.ref,
      key: inv.key,
      entry: d.entry,
      dueDate: d.dueDate,
      daysLate: open ? dm.daysBetween(d.dueDate, asOf) : 0,
      residual: d.residual,
      lastStep: planned.lastStep,
      lastStepDate: planned.lastStepDate,
      nextStep,
      nextStepDate,
      blocked: block?.reason ?? null,
      explain,
    });
  });
  invoices.sort(compareInvoices);

  const actions: ScanAction[] = [];
  const byCustomer = new Map<string, ScanInvoice[]>();
  for (const inv of invoices) {
    // A blocked invoice waits; one whose dossier was handed over (litigation done) is in the
    // hands of the agency or lawyer: neither rides along in the customer's next action.
    if (inv.blocked || inv.lastStep === 'litigation') continue;
    const list = byCustomer.get(inv.customer);
    if (list) list.push(inv);
    else byCustomer.set(inv.customer, [inv]);
  }
  for (const [customer, list] of byCustomer) {
    let step: StepId | null = null;
    for (const inv of list) {
      if (inv.nextStep && inv.nextStepDate !== null && inv.nextStepDate <= asOf && (step === null || stepRank(inv.nextStep) > stepRank(step))) {
        step = inv.nextStep;
      }
    }
    if (step) actions.push({ customer, step, invoices: list, amount: sum(list.map((i) => i.residual)) as Cents });
  }
  return { asOf, invoices, actions, ...(warnings.length ? { warnings } : {}) };
}
