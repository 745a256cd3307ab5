/**
 * Which letters a run prints: the plan's actions at a letter step, narrowed by --customer and
 * --step, each turned into a LetterView. Pure.
 */
import type { StepId } from '../config/schema.js';
import type { JournalEntry } from '../model/journal.js';
import type { ScanAction, ScanReport } from '../model/scan.js';
import type { Customer } from '../model/types.js';
import { stepAfter, stepsFor, type Policy } from '../policy/steps.js';
import { buildLetter, isLetterStep, type LetterInput, type LetterView } from './model.js';

export interface LetterFilter {
  readonly customers: readonly string[];
  readonly steps: readonly StepId[];
}

export function letterActions(report: ScanReport, filter: LetterFilter): ScanAction[] {
  return report.actions.filter(
    (a) =>
      isLetterStep(a.step) &&
      (filter.customers.length === 0 || filter.customers.includes(a.customer)) &&
      (filter.steps.length === 0 || filter.steps.includes(a.step)),
  );
}

/** Whether any letter needs interest figures (a business customer's formal notice). */
export function needsCharges(actions: readonly ScanAction[], customers: ReadonlyMap<string, Customer>): boolean {
  return actions.some((a) => a.step === 'formal_notice' && (customers.get(a.customer)?.kind ?? 'business') === 'business');
}

/** What every letter of a run shares: a LetterInput without its action, with every customer. */
export interface LetterContext extends Omit<LetterInput, 'action' | 'customer' | 'nextStepDays'> {
  readonly customers: ReadonlyMap<string, Customer>;
  /** The dunning policy, so that a letter's deadline falls before the customer's next step. */
  readonly policy?: Policy;
}

/** The `days` of the step after `step` in this customer's policy; null when it is the last. */
export function nextStepDays(policy: Policy | undefined, customer: string, step: StepId): number | null {
  if (!policy) return null;
  return stepAfter(stepsFor(policy, customer), step)?.days ?? null;
}

export function letterViews(actions: readonly ScanAction[], ctx: LetterContext): LetterView[] {
  const byCustomer = new Map<string, JournalEntry[]>();
  for (const e of ctx.journal) {
    const list = byCustomer.get(e.customer) ?? [];
    list.push(e);
    byCustomer.set(e.customer, list);
  }
  return actions.map((action) =>
    buildLetter({
      action,
      customer: ctx.customers.get(action.customer),
      creditor: ctx.creditor,
      logo: ctx.logo,
      journal: byCustomer.get(action.customer) ?? [],
      charges: ctx.charges,
      asOf: ctx.asOf,
      letters: ctx.letters,
      indemnityPerInvoice: ctx.indemnityPerInvoice,
      nextStepDays: nextStepDays(ctx.policy, action.customer, action.step),
    }),
  );
}
