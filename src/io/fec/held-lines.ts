/**
 * The lettered customer lines the reader holds back while it reads with elision on
 * (customer-entries.ts): for each, its text and the values its path had computed, plus the
 * running net and latest date of each lettering group. Numbers go in typed arrays and the text
 * of latin1/ASCII lines as bytes in one growing buffer, so holding a line back makes no
 * JavaScript object the garbage collector would have to copy and trace: what made building an
 * entry per line slow was as much keeping those objects as building them.
 */

export class HeldLines {
  count = 0;
  line = new Int32Array(1024);
  net = new Float64Array(1024);
  ecritureDate = new Int32Array(1024);
  /** Fast path: the PieceDate (0 when none); split path: -1. */
  pieceDate = new Int32Array(1024);
  /** Where the text is: bytes [start, end) of `arena`, or start = -1 - k for `texts[k]`. */
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  latin1 = new Uint8Array(1024);
  group = new Int32Array(1024);
  /** Split path: the trimmed CompteNum, by held index. */
  readonly accounts = new Map<number, string>();
  private arena = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  private readonly texts: string[] = [];

  groups = 0;
  groupNet = new Float64Array(1024);
  groupMaxDate = new Int32Array(1024);

  /** A new group (net 0, no date yet); its index. */
  newGroup(): number {
    if (this.groups === this.groupNet.length) {
      this.groupNet = grow(this.groupNet);
      this.groupMaxDate = grow(this.groupMaxDate);
    }
    return this.groups++;
  }

  /** Holds a line of group `g`, entry date `dateNum`, whose text is `bytes[from, to)` (latin1 or ASCII: one char per byte) or `text`. */
  add(g: number, dateNum: number, line: number, net: number, ecritureDate: number, pieceDate: number, latin1: boolean, bytes: Buffer | null, from: number, to: number, text: string): number {
    const i = this.count;
    if (i === this.line.length) this.growLines();
    this.groupNet[g] = this.groupNet[g]! + net;
    if (dateNum > this.groupMaxDate[g]!) this.groupMaxDate[g] = dateNum;
    this.line[i] = line;
    this.net[i] = net;
    this.ecritureDate[i] = ecritureDate;
    this.pieceDate[i] = pieceDate;
    this.latin1[i] = latin1 ? 1 : 0;
    this.group[i] = g;
    if (bytes !== null) {
      const n = to - from;
      if (this.used + n > this.arena.length) {
        const bigger = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.used + n));
        this.arena.copy(bigger, 0, 0, this.used);
        this.arena = bigger;
      }
      // A loop: Buffer#copy costs more in call overhead than a line's bytes take to copy.
      const arena = this.arena;
      let k = this.used;
      for (let j = from; j < to; j++) arena[k++] = bytes[j]!;
      this.start[i] = this.used;
      this.used += n;
      this.end[i] = this.used;
    } else {
      this.start[i] = -1 - this.texts.length;
      this.texts.push(text);
    }
    this.count++;
    return i;
  }

  /** The text of held line `i`, as the parser had it. */
  text(i: number): string {
    const s = this.start[i]!;
    return s < 0 ? this.texts[-1 - s]! : this.arena.latin1Slice(s, this.end[i]!);
  }

  private growLines(): void {
    this.line = grow(this.line);
    this.net = grow(this.net);
    this.ecritureDate = grow(this.ecritureDate);
    this.pieceDate = grow(this.pieceDate);
    this.start = grow(this.start);
    this.end = grow(this.end);
    this.latin1 = grow(this.latin1);
    this.group = grow(this.group);
  }
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}
