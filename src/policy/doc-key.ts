/** STUB (policy/journal work): the stable document key, see the README. */
import type { LedgerEntry } from '../model/types.js';

export function docKey(_entry: LedgerEntry): string {
  throw new Error('docKey: not implemented yet');
}
