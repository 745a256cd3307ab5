/**
 * Rule 3, `exact_amount`: a credit equal to the residual of exactly one open document settles
 * it. Only documents dated on or before the credit count when there are any (a payment pays
 * what was invoiced before it), else documents of any date. When two or more documents have
 * that very residual the rule does not guess: the credit goes on to exact_sum and
 * oldest_first, which settle equal documents oldest first.
 */
import type { CustomerBook, OpenCredit, OpenDebit } from './book.js';
import type { Rule } from './rule.js';

function settleByExactAmount(book: CustomerBook, c: OpenCredit): void {
  let before: OpenDebit | null = null;
  let beforeCount = 0;
  let any: OpenDebit | null = null;
  let anyCount = 0;
  for (const d of book.debitsWithResidual(c.residual)) {
    any = d;
    anyCount++;
    if (d.entry.date <= c.entry.date) {
      before = d;
      if (++beforeCount > 1) return; // ambiguous: no need to look further
    }
  }
  const target = beforeCount === 1 ? before : beforeCount === 0 && anyCount === 1 ? any : null;
  if (target) book.allocate(target, c, c.residual, 'exact_amount');
}

export const exactAmountRule: Rule = {
  id: 'exact_amount',
  phase: 'amounts',
  describe: 'a credit equal to the residual of exactly one open document',
  apply: settleByExactAmount,
};
