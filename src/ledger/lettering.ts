/**
 * New lettering codes for `reconcile --write-fec`: every group that our rules balanced (a
 * connected component of allocations whose members are all fully settled and none of which
 * carried a code before) gets a code not yet used for that customer (AA, AB, …, ZZ, then
 * AAA, …), and DateLet = the latest date among its entries. A partly settled group that new
 * allocations complete gives its own code to the new lines. Pure.
 */
import type { Reconciliation } from '../model/reconciliation.js';
import type { IsoDate, LedgerEntry } from '../model/types.js';

export interface NewLetter {
  readonly letter: string;
  readonly date: IsoDate;
}

/** AA, AB, …, AZ, BA, …, ZZ, AAA, …: the n-th code (0-based). */
export function letterCode(n: number): string {
  let width = 2;
  let count = 26 ** width;
  while (n >= count) {
    n -= count;
    width++;
    count = 26 ** width;
  }
  let s = '';
  for (let i = 0; i < width; i++) {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return s;
}

/** Connected components of the allocations (entries linked by any allocation), each sorted by source. */
function components(rec: Reconciliation): LedgerEntry[][] {
  const parent = new Map<LedgerEntry, LedgerEntry>();
  const find = (x: LedgerEntry): LedgerEntry => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let y = x;
    while (y !== r) {
      const next = parent.get(y)!;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  for (const a of rec.allocations) {
    for (const e of [a.debit, a.credit]) if (!parent.has(e)) parent.set(e, e);
    parent.set(find(a.debit), find(a.credit));
  }
  const groups = new Map<LedgerEntry, LedgerEntry[]>();
  for (const e of parent.keys()) {
    const r = find(e);
    const g = groups.get(r);
    if (g) g.push(e);
    else groups.set(r, [e]);
  }
  return [...groups.values()].map((g) => g.sort(bySource)).sort((a, b) => bySource(a[0]!, b[0]!));
}

const bySource = (a: LedgerEntry, b: LedgerEntry): number =>
  a.source.file === b.source.file ? a.source.line - b.source.line : a.source.file < b.source.file ? -1 : 1;

function settledEntries(rec: Reconciliation): Set<LedgerEntry> {
  const settled = new Set<LedgerEntry>();
  for (const d of rec.debits) if (d.residual === 0) settled.add(d.entry);
  for (const c of rec.credits) if (c.residual === 0) settled.add(c.entry);
  return settled;
}

/** Connected components of the allocations, over fully settled entries never lettered before. */
export function newlyBalancedGroups(rec: Reconciliation): LedgerEntry[][] {
  const settled = settledEntries(rec);
  return components(rec).filter((g) => g.every((e) => settled.has(e) && !e.letter));
}

export interface CompletedGroup {
  /** The code the group already carries in the books. */
  readonly letter: string;
  /** Every entry of the group, the lettered ones included. */
  readonly entries: readonly LedgerEntry[];
  /** The entries that had no code: they receive `letter`. */
  readonly fresh: readonly LedgerEntry[];
}

/**
 * Partly settled groups that new allocations now balance: every member settled, the lettered
 * ones all of one code and that code's whole group among them (e.g. F1 100 and R1 60 lettered
 * AA, then R2 40 settles F1). An accountant completes the group under its code, so the new
 * lines take it.
 */
export function completedGroups(rec: Reconciliation): CompletedGroup[] {
  const settled = settledEntries(rec);
  const groupSize = new Map<string, number>();
  const key = (e: LedgerEntry) => `${e.source.file}\u0000${e.customer}\u0000${e.letter}`;
  for (const e of [...rec.debits.map((d) => d.entry), ...rec.credits.map((c) => c.entry)]) {
    if (e.letter) groupSize.set(key(e), (groupSize.get(key(e)) ?? 0) + 1);
  }
  const out: CompletedGroup[] = [];
  for (const g of components(rec)) {
    if (!g.every((e) => settled.has(e))) continue;
    const lettered = g.filter((e) => e.letter);
    const fresh = g.filter((e) => !e.letter);
    if (lettered.length === 0 || fresh.length === 0) continue;
    const letter = lettered[0]!.letter!;
    if (lettered.some((e) => e.letter !== letter) || groupSize.get(key(lettered[0]!)) !== lettered.length) continue;
    out.push({ letter, entries: g, fresh });
  }
  return out;
}

/**
 * Codes for the newly balanced groups, keyed by file (`source.file`) then line. A group
 * spread over several files is left unlettered (a code belongs to one file's account).
 * `usedLetters`: codes already used per customer (FecReadResult.usedLetters).
 */
export function assignLetters(
  rec: Reconciliation,
  usedLetters: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, Map<number, NewLetter>> {
  const out = new Map<string, Map<number, NewLetter>>();
  const next = new Map<string, number>();
  const taken = new Map<string, Set<string>>();
  for (const group of newlyBalancedGroups(rec)) {
    const file = group[0]!.source.file;
    if (group.some((e) => e.source.file !== file)) continue;
    const customer = group[0]!.customer;
    let used = taken.get(customer);
    if (!used) taken.set(customer, (used = new Set([...(usedLetters.get(customer) ?? [])].map((l) => l.toUpperCase()))));
    let n = next.get(customer) ?? 0;
    while (used.has(letterCode(n))) n++;
    const letter = letterCode(n);
    used.add(letter);
    next.set(customer, n + 1);
    const date = group.reduce((m, e) => (e.date > m ? e.date : m), group[0]!.date);
    let lines = out.get(file);
    if (!lines) out.set(file, (lines = new Map()));
    for (const e of group) lines.set(e.source.line, { letter, date });
  }
  for (const g of completedGroups(rec)) {
    const file = g.entries[0]!.source.file;
    if (g.entries.some((e) => e.source.file !== file)) continue;
    const date = g.entries.reduce((m, e) => (e.date > m ? e.date : m), g.entries[0]!.date);
    let lines = out.get(file);
    if (!lines) out.set(file, (lines = new Map()));
    for (const e of g.fresh) lines.set(e.source.line, { letter: g.letter, date });
  }
  return out;
}
