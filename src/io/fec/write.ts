/** STUB (FEC reader work): writes a FEC again, byte for byte, with new EcritureLet/DateLet. */
import type { IsoDate } from '../../model/types.js';
import type { InputFile } from '../books.js';

export interface NewLetter {
  readonly letter: string;
  readonly date: IsoDate;
}

/** `letters` is keyed by line number in the input (1 = header). */
export async function writeLetteredFec(_input: InputFile, _outPath: string, _letters: ReadonlyMap<number, NewLetter>): Promise<void> {
  throw new Error('writeLetteredFec: not implemented yet');
}
