/**
 * How a FEC splits into lines, on raw bytes. FEC records end with CR and/or LF (CR CR LF is
 * seen in the wild), so the rule is: lines are separated by LF; CRs just before an LF belong
 * to the terminator; a run of CRs anywhere else also ends a line (old CR-only files). The
 * reader (on decoded text) and the writer (on bytes) apply this same rule, so line numbers
 * always agree. Line 1 is the header.
 */

export const LF = 0x0a;
export const CR = 0x0d;

/**
 * Where a buffer that is not the end of the file may be cut so that every line before the
 * cut is complete: just after the last LF; in a CR-only file, just after a CR run that is
 * followed by something else. 0 when no line is complete yet.
 */
export function completeLinesEnd(buf: Uint8Array): number {
  const lf = buf.lastIndexOf(LF);
  if (lf >= 0) return lf + 1;
  for (let i = buf.length - 2; i >= 0; i--) {
    if (buf[i] === CR && buf[i + 1] !== CR) return i + 1;
  }
  return 0;
}

/**
 * Calls `onLine(start, end, next)` for each line of `buf[from, to)`: `[start, end)` is the
 * content without terminator, `next` where the following line starts. A final line without
 * terminator is reported too.
 */
export function forEachByteLine(
  buf: Uint8Array,
  from: number,
  to: number,
  onLine: (start: number, end: number, next: number) => void,
): void {
  let pos = from;
  while (pos < to) {
    let nl = buf.indexOf(LF, pos);
    if (nl < 0 || nl >= to) nl = to;
    let end = nl;
    while (end > pos && buf[end - 1] === CR) end--;
    const segNext = nl < to ? nl + 1 : to;
    // CR runs inside the segment also end lines (CR-only files).
    let start = pos;
    for (let i = pos; i < end; i++) {
      if (buf[i] === CR) {
        let j = i;
        while (j < end && buf[j] === CR) j++;
        onLine(start, i, j);
        start = j;
        i = j - 1;
      }
    }
    onLine(start, end, segNext);
    pos = segNext;
  }
}
