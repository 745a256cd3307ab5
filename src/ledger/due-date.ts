/**
 * Due dates. A CSV invoice may carry its own; a FEC line never does, so its due date is the
 * document date plus the customer's terms, else the config's default (30 days, L441-10 I).
 */
import { addDays, endOfMonthOf } from '../model/dates.js';
import type { Customer, IsoDate, LedgerEntry } from '../model/types.js';

export type EndOfMonthReading = 'eom_plus_days' | 'days_plus_eom';

/** Terms: a number of days, possibly "end of month" (`45 jours fin de mois`). */
export interface Terms {
  readonly days: number;
  readonly endOfMonth: boolean;
}

export function dueDateFor(date: IsoDate, terms: Terms, reading: EndOfMonthReading): IsoDate {
  if (!terms.endOfMonth) return addDays(date, terms.days);
  return reading === 'eom_plus_days' ? addDays(endOfMonthOf(date), terms.days) : endOfMonthOf(addDays(date, terms.days));
}

export interface DueDateRules {
  readonly defaultTermsDays: number;
  readonly endOfMonthTerms: EndOfMonthReading;
  /** Terms per customer id, from the customers file. */
  readonly customerTerms: ReadonlyMap<string, Terms>;
}

export function entryDueDate(entry: LedgerEntry, rules: DueDateRules): IsoDate {
  if (entry.dueDate) return entry.dueDate;
  const terms = rules.customerTerms.get(entry.customer) ?? { days: rules.defaultTermsDays, endOfMonth: false };
  return dueDateFor(entry.date, terms, rules.endOfMonthTerms);
}

export function termsOf(customer: Customer | undefined): Terms | null {
  if (!customer || customer.termsDays === null) return null;
  return { days: customer.termsDays, endOfMonth: customer.termsEndOfMonth };
}
