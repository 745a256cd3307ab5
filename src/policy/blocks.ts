/**
 * Why dunning stops for an invoice. When several reasons apply, the first in this order wins:
 * paid > insolvency > dispute > hold > promise > min_amount (the most final first: a paid
 * invoice needs nothing, a customer in insolvency proceedings may not be dunned at all, a
 * dispute needs a decision, holds and promises end by themselves, a small amount is a choice).
 */
import { addDays, maxDate } from '../model/dates.js';
import { formatAmount, type Cents } from '../model/money.js';
import type { BlockReason } from '../model/scan.js';
import type { CustomerStatus, IsoDate } from '../model/types.js';
import type { InvoiceFacts } from './facts.js';

export const BLOCK_ORDER: readonly BlockReason[] = ['paid', 'insolvency', 'dispute', 'hold', 'promise', 'min_amount'];

export interface BlockInput {
  readonly residual: Cents;
  readonly status: CustomerStatus;
  readonly facts: InvoiceFacts;
  readonly minAmount: Cents;
  readonly asOf: IsoDate;
}

export interface Block {
  readonly reason: BlockReason;
  readonly explain: string;
}

/** The date a dispute started, when the last dispute/resolve event is a dispute. */
export function openDispute(facts: InvoiceFacts): IsoDate | null {
  const last = facts.disputes[facts.disputes.length - 1];
  return last && last.type === 'dispute' ? last.date : null;
}

/** The latest end among periods in force on `asOf` (started on or before, ending on or after). */
function activeUntil(periods: readonly { date: IsoDate; until: IsoDate }[], asOf: IsoDate): IsoDate | null {
  let until: IsoDate | null = null;
  for (const p of periods) if (p.date <= asOf && p.until >= asOf) until = until ? maxDate(until, p.until) : p.until;
  return until;
}

export function blockOf(b: BlockInput): Block | null {
  if (b.residual <= 0) return { reason: 'paid', explain: 'blocked: paid' };
  if (b.status === 'insolvency') {
    return { reason: 'insolvency', explain: 'blocked: customer in insolvency proceedings (declare the claim to the court-appointed representative instead)' };
  }
  const dispute = openDispute(b.facts);
  if (dispute) return { reason: 'dispute', explain: `blocked: disputed since ${dispute}, until resolved (dunning log resolve)` };
  const hold = activeUntil(b.facts.holds, b.asOf);
  if (hold) return { reason: 'hold', explain: `blocked: on hold until ${hold}` };
  const promise = activeUntil(b.facts.promises, b.asOf);
  if (promise) return { reason: 'promise', explain: `blocked: promise to pay until ${promise}; dunning resumes on ${addDays(promise, 1)} if still unpaid` };
  if (b.residual < b.minAmount) {
    return { reason: 'min_amount', explain: `blocked: residual ${formatAmount(b.residual)} below policy.minAmount ${formatAmount(b.minAmount)}` };
  }
  return null;
}

/**
 * A hold, a promise or a dispute postpones the next step without resetting the chain: the step
 * that was next stays next, and is due no earlier than the day after the hold or promise ends,
 * or the day the dispute was resolved. Returns the later date and what caused it.
 */
export function postpone(base: IsoDate, facts: InvoiceFacts, asOf: IsoDate): { date: IsoDate; why: string | null } {
  let date = base;
  let why: string | null = null;
  const consider = (d: IsoDate, reason: string) => {
    if (d > date) {
      date = d;
      why = reason;
    }
  };
  for (const h of facts.holds) if (h.date <= asOf) consider(addDays(h.until, 1), `hold until ${h.until}`);
  for (const p of facts.promises) if (p.date <= asOf) consider(addDays(p.until, 1), `promise until ${p.until}`);
  for (const d of facts.disputes) if (d.type === 'resolve') consider(d.date, `dispute resolved ${d.date}`);
  return { date, why };
}
