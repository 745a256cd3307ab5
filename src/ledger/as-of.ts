/**
 * The books as they stood on a date: only entries dated on or before `asOf` count, payments
 * included (CONTRACT.md, Aging); then lettrage. Every command that reasons about a date
 * (aging, scan, interest, letters) starts here.
 */
import type { Config } from '../config/load.js';
import type { Reconciliation } from '../model/reconciliation.js';
import type { Books, IsoDate } from '../model/types.js';
import { termsOf, type DueDateRules, type Terms } from './due-date.js';
import { reconcile } from './reconcile.js';

export function dueDateRules(books: Books, config: Pick<Config, 'defaultTermsDays' | 'endOfMonthTerms'>): DueDateRules {
  const customerTerms = new Map<string, Terms>();
  for (const c of books.customers.values()) {
    const t = termsOf(c);
    if (t) customerTerms.set(c.id, t);
  }
  return { defaultTermsDays: config.defaultTermsDays, endOfMonthTerms: config.endOfMonthTerms, customerTerms };
}

/** `asOf` null: every entry (reconcile's view of the whole books). */
export function reconcileAsOf(books: Books, config: Pick<Config, 'defaultTermsDays' | 'endOfMonthTerms'>, asOf: IsoDate | null): Reconciliation {
  const entries = asOf === null ? books.entries : books.entries.filter((e) => e.date <= asOf);
  return reconcile(entries, { dueDates: dueDateRules(books, config) });
}
