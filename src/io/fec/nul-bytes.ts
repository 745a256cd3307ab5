/**
 * A NUL byte has no place in a FEC (a text file): it comes from a damaged copy, a binary
 * export, or padding from an old system, and would sit invisibly inside a field. It is an
 * error, reported once per file at its first line with the count of such lines. The scan is
 * one `indexOf` per block (memchr): nothing is done per line unless a NUL is there.
 */
import { error } from '../../model/problems.js';
import type { Problem } from '../../model/types.js';
import { forEachByteLine } from './lines.js';

export class NulBytes {
  private firstLine = 0;
  private lines = 0;

  /** `block` holds whole lines; `linesBefore` lines of the file came before it. */
  scan(block: Uint8Array, linesBefore: number): void {
    if (block.indexOf(0) < 0) return;
    let line = linesBefore;
    forEachByteLine(block, 0, block.length, (start, end) => {
      line++;
      const at = block.indexOf(0, start);
      if (at < 0 || at >= end) return;
      this.lines++;
      if (this.firstLine === 0) this.firstLine = line;
    });
  }

  problem(file: string): Problem | null {
    if (this.lines === 0) return null;
    const others = this.lines > 1 ? ` (and ${this.lines - 1} more line${this.lines > 2 ? 's' : ''})` : '';
    return error(`found a NUL byte (0x00) on this line${others}, expected text: the file is damaged or not a text export; export the FEC again`, { file, line: this.firstLine });
  }
}
