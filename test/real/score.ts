/**
 * How much of an accountant's lettering our rules reproduce: letters are stripped, reconcile
 * runs, our groups are the connected components of allocations between fully settled
 * entries, and an accountant's group (entries sharing a code for one customer) counts when one
 * of our groups has exactly its entries.
 */
import type { Reconciliation, RuleId } from '../../src/model/reconciliation.js';
import type { LedgerEntry } from '../../src/model/types.js';
import { reconcile } from '../../src/ledger/reconcile.js';

export function settledGroups(rec: Reconciliation): string[][] {
  const settled = new Set<string>();
  for (const d of rec.debits) if (d.residual === 0) settled.add(d.entry.id);
  for (const c of rec.credits) if (c.residual === 0) settled.add(c.entry.id);
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const a of rec.allocations) {
    if (!settled.has(a.debit.id) || !settled.has(a.credit.id)) continue;
    for (const id of [a.debit.id, a.credit.id]) if (!parent.has(id)) parent.set(id, id);
    parent.set(find(a.debit.id), find(a.credit.id));
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const r = find(id);
    const g = groups.get(r);
    if (g) g.push(id);
    else groups.set(r, [id]);
  }
  return [...groups.values()];
}

export function accountantGroups(entries: readonly LedgerEntry[]): { ids: string[]; balanced: boolean }[] {
  const groups = new Map<string, { ids: string[]; net: number }>();
  for (const e of entries) {
    if (!e.letter) continue;
    const k = `${e.customer}\u0000${e.letter}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { ids: [], net: 0 }));
    g.ids.push(e.id);
    g.net += e.side === 'debit' ? e.amount : -e.amount;
  }
  return [...groups.values()].map((g) => ({ ids: g.ids, balanced: g.net === 0 }));
}

export interface Score {
  readonly groups: number;
  readonly reproduced: number;
  readonly balancedGroups: number;
  readonly balancedReproduced: number;
  readonly missed: string[][];
}

const key = (ids: readonly string[]): string => [...ids].sort().join('|');

export function letteringScore(entries: readonly LedgerEntry[], rules?: readonly RuleId[]): Score {
  const stripped = entries.map((e) => ({ ...e, letter: null, letterDate: null }));
  const rec = reconcile(stripped, {
    dueDates: { defaultTermsDays: 30, endOfMonthTerms: 'eom_plus_days', customerTerms: new Map() },
    ...(rules ? { rules } : {}),
  });
  const ours = new Set(settledGroups(rec).map(key));
  const theirs = accountantGroups(entries);
  const hit = theirs.map((g) => ours.has(key(g.ids)));
  return {
    groups: theirs.length,
    reproduced: hit.filter(Boolean).length,
    balancedGroups: theirs.filter((g) => g.balanced).length,
    balancedReproduced: theirs.filter((g, i) => g.balanced && hit[i]).length,
    missed: theirs.filter((g, i) => g.balanced && !hit[i]).map((g) => g.ids),
  };
}
