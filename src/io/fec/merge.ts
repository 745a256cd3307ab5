/**
 * Several FEC files of consecutive fiscal years as one ledger. The opening entries
 * (à-nouveaux) of a later year restate balances the earlier file already holds in detail, so
 * they must not be counted twice. Rule:
 * 1. Files are ordered, and each is found to continue the one before it or not, by
 *    fiscal-years.ts (opening lines that restate the previous closing balances, closing dates
 *    in the file names, else dates). A file that continues the previous one has its opening
 *    customer lines dropped; files that cannot be merged safely are an error.
 * 2. The same file given twice is caught before reading (books.ts).
 * 3. Lettering codes are unique per file only, so in a merge every code becomes
 *    `<fileIndex>:<code>` (fileIndex: position in the `results` given).
 * 4. A dropped opening line that carried a lettering code linked later-year payments to a
 *    document of an earlier year: that document (same customer, ref, side and amount, open
 *    at year end when we can tell, i.e. unlettered or in a group that does not net to 0)
 *    joins the later group; if it was in a partly settled group, that whole group joins.
 *    With no such document (e.g. one balance line per customer), the later lines of that
 *    group lose their code, with a warning, and reconcile like any other line.
 * Problems returned are the merge's own; each file's problems stay in its FecReadResult.
 */
import { warning } from '../../model/problems.js';
import type { Checked, LedgerEntry, Problem } from '../../model/types.js';
import { planYears } from './fiscal-years.js';
import type { FecReadResult } from './read.js';

const groupKey = (customer: string, letter: string): string => `${customer}\u0000${letter}`;

export function mergeFecYears(results: readonly FecReadResult[]): Checked<LedgerEntry[]> {
  if (results.length === 0) return { value: [], problems: [] };
  if (results.length === 1) return { value: results[0]!.entries, problems: [] };
  const problems: Problem[] = [];
  const plan = planYears(results);
  problems.push(...plan.problems);
  const order = plan.order.map((index) => ({ r: results[index]!, index }));
  const continues = plan.continues;

  // Letters prefixed per file; earlier-year groups' balance, to know what was open.
  const prefixed = (index: number, letter: string | null): string | null => (letter === null ? null : `${index}:${letter}`);
  const groupNet = new Map<string, number>();
  for (const { r, index } of order) {
    for (const e of r.entries) {
      const l = prefixed(index, e.letter);
      if (l === null) continue;
      const k = groupKey(e.customer, l);
      groupNet.set(k, (groupNet.get(k) ?? 0) + (e.side === 'debit' ? e.amount : -e.amount));
    }
  }

  const kept: { entry: LedgerEntry; letter: string | null }[] = [];
  /** Group renames: `customer + old letter` → new letter (null: drop the code). */
  const rename = new Map<string, string | null>();
  const claimed = new Set<LedgerEntry>();
  for (const { r, index } of order) {
    const dropOpenings = continues.has(index);
    for (const e of r.entries) {
      if (dropOpenings && e.opening) {
        if (e.letter !== null) carryLetter(e, `${index}:${e.letter}`);
        continue;
      }
      kept.push({ entry: e, letter: prefixed(index, e.letter) });
    }
  }

  /** Links the group `code` of a dropped opening line `o` to the earlier-year document it restates. */
  function carryLetter(o: LedgerEntry, code: string): void {
    let best: { entry: LedgerEntry; letter: string | null } | undefined;
    // Newest first: the opening restates the previous year's closing balance.
    for (let i = kept.length - 1; i >= 0; i--) {
      const c = kept[i]!;
      const e = c.entry;
      if (claimed.has(e) || e.customer !== o.customer || e.ref !== o.ref || e.side !== o.side || e.amount !== o.amount) continue;
      const open = c.letter === null || groupNet.get(groupKey(e.customer, c.letter)) !== 0;
      if (open) {
        best = c;
        break;
      }
      best ??= c;
    }
    if (!best) {
      rename.set(groupKey(o.customer, code), null);
      problems.push(
        warning(
          `found opening line "${o.ref}" lettered ${o.letter} with no document of the earlier year for customer ${o.customer} with the same reference and amount, expected one to carry the lettering: the later lines lettered ${o.letter} are reconciled afresh`,
          o.source,
          'EcritureLet',
        ),
      );
      return;
    }
    claimed.add(best.entry);
    if (best.letter !== null) rename.set(groupKey(best.entry.customer, best.letter), code);
    else best.letter = code;
  }

  const resolve = (customer: string, letter: string | null): string | null => {
    let l = letter;
    for (let guard = 0; l !== null && guard < 100; guard++) {
      const k = groupKey(customer, l);
      if (!rename.has(k)) break;
      l = rename.get(k)!;
    }
    return l;
  };
  const value = kept.map(({ entry, letter }) => {
    const l = resolve(entry.customer, letter);
    return l === entry.letter ? entry : { ...entry, letter: l };
  });
  return { value, problems };
}
