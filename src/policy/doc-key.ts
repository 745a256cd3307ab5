/**
 * The stable document key: how the journal recognises an invoice next month, in a new export
 * where line numbers (and `<file>:<line>` ids) have moved.
 *
 * Key = customer | ref | date | amount in cents, e.g. `C001|F2026-0042|2026-09-15|120000`.
 * - Line numbers and file names are left out: they move between exports.
 * - FEC `EcritureNum` is left out too: several accounting packages renumber entries when a
 *   period is validated, and CSV files have none.
 * - A FEC `PieceRef` is often shared by a monthly batch (several documents of one customer with
 *   the same ref and date): the amount tells them apart.
 * - Exact duplicates (same customer, ref, date and amount) get an occurrence suffix `#2`, `#3`…
 *   in input order: that needs every document, so it is done by `docKeys`.
 * `|`, `#` and `%` inside a field are percent-escaped, so fields never run into each other.
 */
import type { LedgerEntry } from '../model/types.js';

const escape = (s: string): string => s.replace(/[%|#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The key of one document, without an occurrence suffix. */
export function docKey(entry: LedgerEntry): string {
  return [escape(entry.customer), escape(entry.ref), entry.date, String(entry.amount)].join('|');
}

/**
 * Keys of many documents: `docKey`, plus `#n` for the n-th exact duplicate (n ≥ 2) in the
 * order given. Debits and credits are counted apart, so the caller may pass either. Keyed by
 * `LedgerEntry.id`.
 */
export function docKeys(entries: readonly LedgerEntry[]): Map<string, string> {
  const seen = new Map<string, number>();
  const keys = new Map<string, string>();
  for (const e of entries) {
    const base = docKey(e);
    const counter = `${e.side}:${base}`;
    const n = (seen.get(counter) ?? 0) + 1;
    seen.set(counter, n);
    keys.set(e.id, n === 1 ? base : `${base}#${n}`);
  }
  return keys;
}
