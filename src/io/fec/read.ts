/** STUB (FEC reader work): streaming FEC reader. Signatures are the contract between modules. */
import type { InputFile } from '../books.js';
import type { IsoDate, LedgerEntry, Problem } from '../../model/types.js';

export interface FecReadOptions {
  readonly receivablePrefixes: readonly string[];
  /** Sales journal codes from the config; undefined: codes starting with V or JournalLib containing "vente". */
  readonly salesJournals?: readonly string[];
}

export interface FecReadResult {
  readonly file: InputFile;
  /** Customer-account lines only, in file order. */
  readonly entries: LedgerEntry[];
  readonly problems: Problem[];
  /** Lines read, header included. */
  readonly lines: number;
  /** Lettering codes already used in the file, per customer id (for --write-fec). */
  readonly usedLetters: ReadonlyMap<string, ReadonlySet<string>>;
  /** First and last EcritureDate of the file (its fiscal period), null when empty. */
  readonly period: { readonly first: IsoDate; readonly last: IsoDate } | null;
}

export async function readFec(_file: InputFile, _opts: FecReadOptions): Promise<FecReadResult> {
  throw new Error('readFec: not implemented yet');
}
