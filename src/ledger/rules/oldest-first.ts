/**
 * Rule 5, `oldest_first`: what is left of a credit goes to the oldest open documents dated on
 * or before it, by due date, then date, then source line. A payment is not spent on invoices
 * issued after it while later payments may still match them exactly; what is left once every
 * credit has had its turn goes to the oldest open documents of any date (the engine's final
 * sweep in reconcile.ts), and what is left after that is unapplied (on account).
 */
import type { CustomerBook, OpenCredit } from './book.js';
import type { Rule } from './rule.js';

function settleOldestFirst(book: CustomerBook, c: OpenCredit): void {
  book.allocateInOrder(book.openDebitsDatedBy(c.entry.date), c, 'oldest_first');
}

export const oldestFirstRule: Rule = {
  id: 'oldest_first',
  phase: 'amounts',
  describe: 'the rest of each credit, in date order, to the oldest open documents by due date',
  apply: settleOldestFirst,
};
