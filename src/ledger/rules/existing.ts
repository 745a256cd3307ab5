/**
 * Rule 1a, `existing`: lines that share a lettering code (FEC `EcritureLet`) for the same
 * customer were reconciled by the accountant and stay so. Inside a group, credits (date order)
 * settle debits (age order); a group that does not balance is partly settled and what is left
 * stays open for the next rules. Codes are opaque strings (a multi-year merge may rewrite them).
 */
import type { CustomerBook, OpenCredit, OpenDebit } from './book.js';
import type { Rule } from './rule.js';

function groups(book: CustomerBook): Map<string, OpenDebit[]> {
  const byLetter = new Map<string, OpenDebit[]>();
  for (const d of book.debits) {
    if (!d.entry.letter) continue;
    const list = byLetter.get(d.entry.letter);
    if (list) list.push(d);
    else byLetter.set(d.entry.letter, [d]);
  }
  return byLetter;
}

function settleExisting(book: CustomerBook, credit: OpenCredit): void {
  if (!credit.entry.letter) return;
  const debits = book.memo('existing', () => groups(book)).get(credit.entry.letter);
  if (debits) book.allocateInOrder(debits, credit, 'existing');
}

export const existingRule: Rule = {
  id: 'existing',
  phase: 'links',
  describe: 'lines sharing a lettering code (EcritureLet) stay together; an unbalanced group keeps its residual open',
  apply: settleExisting,
};
