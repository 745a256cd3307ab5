/**
 * Rule 1b, `explicit`: a payment that names its invoice (payments CSV `invoice` column) goes
 * to the open debits of that customer with that document number, oldest first. What is left
 * of the payment goes on to the next rules.
 */
import type { CustomerBook, OpenCredit, OpenDebit } from './book.js';
import type { Rule } from './rule.js';

export const normaliseRef = (ref: string): string => ref.trim().replace(/\s+/g, ' ').toUpperCase();

function byRef(book: CustomerBook): Map<string, OpenDebit[]> {
  const map = new Map<string, OpenDebit[]>();
  for (const d of book.debits) {
    const k = normaliseRef(d.entry.ref);
    const list = map.get(k);
    if (list) list.push(d);
    else map.set(k, [d]);
  }
  return map;
}

function settleExplicit(book: CustomerBook, credit: OpenCredit): void {
  if (!credit.entry.explicitInvoice) return;
  const targets = book.memo('explicit', () => byRef(book)).get(normaliseRef(credit.entry.explicitInvoice));
  if (targets) book.allocateInOrder(targets, credit, 'explicit');
}

export const explicitRule: Rule = {
  id: 'explicit',
  phase: 'links',
  describe: "a payment's explicit invoice (payments CSV `invoice` column), oldest first among documents with that number",
  apply: settleExplicit,
};
