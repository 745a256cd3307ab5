/**
 * The shape every lettrage rule shares: given one customer's book and one of its credits, it
 * settles what it can of that credit through `book.allocate`, tagging each allocation with
 * its own id. The table of rules, in the order they run, is in ./index.ts.
 *
 * `phase` says how the engine schedules a rule. `links` rules (existing, explicit, reference)
 * follow what the books say, so each runs over every credit before the next rule starts: a
 * payment that names its invoice gets it even if an older payment could have taken it by
 * amount. `amounts` rules (exact_amount, exact_sum, oldest_first) only guess from amounts, so
 * they run credit by credit in date order, each credit trying them in turn: a payment is
 * matched against the documents still open when it arrived, as an accountant lettering day
 * by day would, and a late payment cannot take an old invoice that an earlier one paid.
 */
import type { RuleId } from '../../model/reconciliation.js';
import type { CustomerBook, OpenCredit } from './book.js';

export interface RuleOptions {
  /** exact_sum looks at this many oldest open documents dated on or before the credit. */
  readonly exactSumWindow: number;
  /** exact_sum also takes documents dated up to this many days after the credit. */
  readonly exactSumGraceDays: number;
  /** exact_sum gives up (leaves the credit to oldest_first) after this many search steps. */
  readonly exactSumSteps: number;
}

export const DEFAULT_RULE_OPTIONS: RuleOptions = { exactSumWindow: 12, exactSumGraceDays: 7, exactSumSteps: 1_000 };

export interface Rule {
  readonly id: RuleId;
  readonly phase: 'links' | 'amounts';
  /** One line for the README: what the rule matches. */
  readonly describe: string;
  readonly apply: (book: CustomerBook, credit: OpenCredit, opts: RuleOptions) => void;
}
