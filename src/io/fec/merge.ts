/** STUB (FEC reader work): merges consecutive fiscal years without counting opening entries twice. */
import type { Checked, LedgerEntry } from '../../model/types.js';
import type { FecReadResult } from './read.js';

export function mergeFecYears(_results: readonly FecReadResult[]): Checked<LedgerEntry[]> {
  throw new Error('mergeFecYears: not implemented yet');
}
