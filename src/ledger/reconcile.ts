/**
 * Lettrage: which credit settles which debit, per customer, by the rules of CONTRACT.md in
 * their order (the table in ./rules/index.ts): existing links, reference, exact amount, exact
 * sum, oldest first. Pure and deterministic: customers are handled in id order and every tie
 * is broken on the entries' own dates and sources, never on the order they arrive in.
 * Cost: one pass to group by customer, then per customer about linear work per rule
 * (exact_sum is bounded per credit), so a million-line FEC reconciles in a fraction of its
 * parse time.
 */
import type { Allocation, CreditItem, DebitItem, RuleId } from '../model/reconciliation.js';
import { RULE_IDS, type Reconciliation } from '../model/reconciliation.js';
import { daysBetween } from '../model/dates.js';
import type { Cents } from '../model/money.js';
import type { IsoDate, LedgerEntry } from '../model/types.js';
import { entryDueDate, type DueDateRules } from './due-date.js';
import { CustomerBook, DEFAULT_RULE_OPTIONS, RULES, type Rule, type RuleOptions } from './rules/index.js';

export interface ReconcileOptions {
  readonly dueDates: DueDateRules;
  /** The rules to run, a subset of RULE_IDS (always run in the contract's order). Default: all. */
  readonly rules?: readonly RuleId[];
  /** Bounds of the exact_sum search (defaults in rules/rule.ts). */
  readonly exactSum?: Partial<RuleOptions>;
}

/**
 * entryDueDate, remembered per (date, terms): a million lines share a few thousand dates, and
 * date arithmetic through Date objects is the costliest step of reconciliation otherwise.
 */
function dueDateCache(rules: DueDateRules): (e: LedgerEntry) => IsoDate {
  const cache = new Map<string, IsoDate>();
  return (e) => {
    if (e.dueDate) return e.dueDate;
    const terms = rules.customerTerms.get(e.customer);
    const key = terms ? `${e.date}|${terms.days}|${terms.endOfMonth}` : e.date;
    let due = cache.get(key);
    if (due === undefined) cache.set(key, (due = entryDueDate(e, rules)));
    return due;
  };
}

/** The longest gap between a document date and a due date computed from terms, in days. */
function termsBound(customer: string, rules: DueDateRules): number {
  const t = rules.customerTerms.get(customer) ?? { days: rules.defaultTermsDays, endOfMonth: false };
  return t.days + (t.endOfMonth ? 31 : 0);
}

/**
 * Link rules each run over every credit (date order) before the next; then each credit, in
 * date order, tries the amount rules in turn (why: rules/rule.ts).
 */
function runRules(book: CustomerBook, rules: readonly Rule[], opts: RuleOptions): void {
  for (const rule of rules) {
    if (rule.phase !== 'links') continue;
    for (const c of book.credits) if (c.residual > 0) rule.apply(book, c, opts);
  }
  const amountRules = rules.filter((r) => r.phase === 'amounts');
  // Credits of one day arrived together: each rule runs over the whole day before the next,
  // so line order within a day never decides which payment gets an exact match.
  for (let start = 0; start < book.credits.length; ) {
    let end = start;
    while (end < book.credits.length && book.credits[end]!.entry.date === book.credits[start]!.entry.date) end++;
    for (const rule of amountRules) {
      for (let i = start; i < end; i++) {
        const c = book.credits[i]!;
        if (c.residual > 0) rule.apply(book, c, opts);
      }
    }
    start = end;
  }
  // What a credit could not settle among the documents dated on or before it (a payment on
  // account, an advance) goes to the oldest documents still open at the end.
  if (rules.some((r) => r.id === 'oldest_first')) {
    for (const c of book.credits) if (c.residual > 0) book.allocateInOrder(book.openDebits(), c, 'oldest_first');
  }
}

export function reconcile(entries: readonly LedgerEntry[], opts: ReconcileOptions): Reconciliation {
  const ruleOptions: RuleOptions = {
    exactSumWindow: opts.exactSum?.exactSumWindow ?? DEFAULT_RULE_OPTIONS.exactSumWindow,
    exactSumGraceDays: opts.exactSum?.exactSumGraceDays ?? DEFAULT_RULE_OPTIONS.exactSumGraceDays,
    exactSumSteps: opts.exactSum?.exactSumSteps ?? DEFAULT_RULE_OPTIONS.exactSumSteps,
  };
  const wanted = new Set<RuleId>(opts.rules ?? RULE_IDS);
  const rules = RULES.filter((r) => wanted.has(r.id));

  interface Pending {
    readonly debits: { entry: LedgerEntry; dueDate: IsoDate; pos: number }[];
    readonly credits: LedgerEntry[];
    readonly creditPos: number[];
    maxTermsDays: number;
  }
  const byCustomer = new Map<string, Pending>();
  const dueDateOf = dueDateCache(opts.dueDates);
  const dueDates: IsoDate[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    let c = byCustomer.get(e.customer);
    if (!c) byCustomer.set(e.customer, (c = { debits: [], credits: [], creditPos: [], maxTermsDays: termsBound(e.customer, opts.dueDates) }));
    if (e.side === 'debit') {
      const dueDate = dueDateOf(e);
      dueDates[i] = dueDate;
      c.debits.push({ entry: e, dueDate, pos: i });
      if (e.dueDate) c.maxTermsDays = Math.max(c.maxTermsDays, daysBetween(e.date, e.dueDate));
    } else {
      c.credits.push(e);
      c.creditPos.push(i);
    }
  }

  const dateCache = CustomerBook.dateCache();
  const allocations: Allocation[] = [];
  // What is left of each entry, by its position in `entries` (no Map keyed by objects).
  const residuals = new Float64Array(entries.length);
  for (const customer of [...byCustomer.keys()].sort()) {
    const { debits, credits, creditPos, maxTermsDays } = byCustomer.get(customer)!;
    byCustomer.delete(customer); // what each book needs is dropped once it has run
    const book = new CustomerBook(customer, debits, credits, maxTermsDays, dateCache, creditPos);
    runRules(book, rules, ruleOptions);
    for (const a of book.allocations) allocations.push(a);
    for (const d of book.debits) residuals[d.pos] = d.residual;
    for (const c of book.credits) residuals[c.pos] = c.residual;
  }

  const debits: DebitItem[] = [];
  const credits: CreditItem[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const residual = residuals[i]! as Cents;
    if (e.side === 'debit') debits.push({ entry: e, dueDate: dueDates[i]!, residual });
    else credits.push({ entry: e, residual });
  }
  return { allocations, debits, credits };
}
