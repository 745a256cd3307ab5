/**
 * STUB (to be replaced by the CSV/books work): reads every input into Books.
 */
import type { Config } from '../config/load.js';
import type { Books, Checked } from '../model/types.js';

export interface InputFile {
  /** Absolute path, to open. */
  readonly path: string;
  /** The path as the user gave it, used in every message and `source.file`. */
  readonly display: string;
}

export interface InputFiles {
  readonly fec: readonly InputFile[];
  readonly invoices?: InputFile;
  readonly payments?: InputFile;
  readonly customers?: InputFile;
}

export async function loadBooks(_files: InputFiles, _config: Config): Promise<Checked<Books>> {
  throw new Error('loadBooks: not implemented yet');
}
