/**
 * Rule 4, `exact_sum`: a credit equal to the sum of several open documents settles them.
 * Bounded search: only the `exactSumWindow` (12) oldest open documents dated on or before the
 * credit, or at most `exactSumGraceDays` (7) after it, are candidates. The grace lets a payment settle the refund of its own excess
 * or an invoice booked a few days after the payment that paid it. A depth-first
 * search over distinct residuals and how many documents of each, pruned by the running total,
 * spends at most `exactSumSteps` (1,000) steps per credit (the real books measured need
 * at most 44).
 * Documents of equal residual are interchangeable, so a solution is a multiset of amounts, and
 * within an amount the oldest documents are taken.
 * Ambiguity: the candidates are taken from the oldest, one more at a time; the first set in
 * which a combination adds up to the credit decides (the combination whose newest document is
 * the oldest: the oldest-first convention). If that set holds two different combinations, or
 * the step budget runs out, the credit is left to oldest_first: the rule never guesses.
 */
import type { CustomerBook, OpenCredit, OpenDebit } from './book.js';
import type { Rule, RuleOptions } from './rule.js';

interface AmountClass {
  readonly amount: number;
  /** Age order. */
  readonly debits: OpenDebit[];
}

/** The oldest open documents dated on or before the credit (plus the grace days), in age order. */
function candidates(book: CustomerBook, credit: OpenCredit, window: number, graceDays: number): OpenDebit[] {
  const out: OpenDebit[] = [];
  for (const d of book.openDebitsDatedBy(book.shiftDate(credit.entry.date, graceDays))) {
    out.push(d);
    if (out.length >= window) break;
  }
  return out;
}

export function classesOf(debits: readonly OpenDebit[]): AmountClass[] {
  const byAmount = new Map<number, OpenDebit[]>();
  for (const d of debits) {
    const list = byAmount.get(d.residual);
    if (list) list.push(d);
    else byAmount.set(d.residual, [d]);
  }
  return [...byAmount.entries()].map(([amount, ds]) => ({ amount, debits: ds })).sort((a, b) => b.amount - a.amount);
}

export type Search = ({ kind: 'none' } | { kind: 'one'; counts: number[] } | { kind: 'ambiguous' }) & { readonly steps: number };

/** Every way (up to 2) of writing `target` as counts of the classes' amounts. */
export function searchSum(classes: readonly { amount: number; debits: readonly unknown[] }[], target: number, maxSteps: number): Search {
  const n = classes.length;
  const suffix = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + classes[i]!.amount * classes[i]!.debits.length;
  const counts = new Array<number>(n).fill(0);
  let found: number[] | null = null;
  let steps = 0;
  let cut = false;
  let ambiguous = false;
  const dfs = (i: number, rest: number): void => {
    if (ambiguous || cut) return;
    if (++steps > maxSteps) {
      cut = true;
      return;
    }
    if (rest === 0) {
      if (found) ambiguous = true;
      else found = [...counts];
      return;
    }
    if (i >= n || rest > suffix[i]!) return;
    const c = classes[i]!;
    for (let k = Math.min(c.debits.length, Math.floor(rest / c.amount)); k >= 0; k--) {
      counts[i] = k;
      dfs(i + 1, rest - k * c.amount);
      if (ambiguous || cut) break;
    }
    counts[i] = 0;
  };
  dfs(0, target);
  if (ambiguous || cut) return { kind: 'ambiguous', steps };
  return found ? { kind: 'one', counts: found, steps } : { kind: 'none', steps };
}

function settleByExactSum(book: CustomerBook, c: OpenCredit, opts: RuleOptions): void {
  const docs = candidates(book, c, opts.exactSumWindow, opts.exactSumGraceDays);
  let budget = opts.exactSumSteps;
  let total = 0;
  const byAmount = new Map<number, OpenDebit[]>();
  // Grow the set of documents from the oldest: the first set in which some combination adds
  // up decides, unique or nothing. A combination new at step k takes document k, and so every
  // document of its amount seen so far (with fewer, it would have been found a step earlier):
  // the search runs on the other amounts only.
  for (let k = 0; k < docs.length && budget > 0; k++) {
    const doc = docs[k]!;
    const same = byAmount.get(doc.residual);
    if (same) same.push(doc);
    else byAmount.set(doc.residual, [doc]);
    total += doc.residual;
    if (total < c.residual) continue; // the oldest k+1 cannot add up to the credit yet
    const forced = byAmount.get(doc.residual)!;
    const rest = c.residual - doc.residual * forced.length;
    if (rest < 0) continue;
    const classes: AmountClass[] = [];
    for (const [amount, debits] of byAmount) if (amount !== doc.residual) classes.push({ amount, debits });
    classes.sort((x, y) => y.amount - x.amount);
    const r = searchSum(classes, rest, budget);
    budget -= r.steps;
    if (r.kind === 'none') continue;
    if (r.kind === 'one') {
      const chosen: OpenDebit[] = [...forced];
      r.counts.forEach((n, i) => chosen.push(...classes[i]!.debits.slice(0, n)));
      chosen.sort((x, y) => x.rank - y.rank);
      book.allocateInOrder(chosen, c, 'exact_sum');
    }
    return;
  }
}

export const exactSumRule: Rule = {
  id: 'exact_sum',
  phase: 'amounts',
  describe: 'a credit equal to the sum of several open documents (bounded search, only when the combination is unique)',
  apply: settleByExactSum,
};
