/**
 * New lettering codes for `reconcile --write-fec`: every group that our rules balanced (a
 * connected component of non-`existing` allocations whose members are all fully settled and
 * none of which carried a code before) gets a code not yet used for that customer (AA, AB, …,
 * ZZ, then AAA, …), and DateLet = the latest date among its entries. Pure.
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

/** Connected components of the allocations, over fully settled entries never lettered before. */
export function newlyBalancedGroups(rec: Reconciliation): LedgerEntry[][] {
  const settled = new Set<LedgerEntry>();
  for (const d of rec.debits) if (d.residual === 0 && !d.entry.letter) settled.add(d.entry);
  for (const c of rec.credits) if (c.residual === 0 && !c.entry.letter) settled.add(c.entry);
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
  const spoiled = new Set<LedgerEntry>();
  for (const a of rec.allocations) {
    for (const e of [a.debit, a.credit]) if (!parent.has(e)) parent.set(e, e);
    parent.set(find(a.debit), find(a.credit));
  }
  // A component with one member that is not settled, or that was lettered, is not balanced.
  for (const e of parent.keys()) if (!settled.has(e)) spoiled.add(find(e));
  for (const a of rec.allocations) if (a.rule === 'existing') spoiled.add(find(a.debit));
  const groups = new Map<LedgerEntry, LedgerEntry[]>();
  for (const e of parent.keys()) {
    const r = find(e);
    if (spoiled.has(r)) continue;
    const g = groups.get(r);
    if (g) g.push(e);
    else groups.set(r, [e]);
  }
  const bySource = (a: LedgerEntry, b: LedgerEntry): number =>
    a.source.file === b.source.file ? a.source.line - b.source.line : a.source.file < b.source.file ? -1 : 1;
  return [...groups.values()].map((g) => g.sort(bySource)).sort((a, b) => bySource(a[0]!, b[0]!));
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
  return out;
}
