/**
 * Bytes to text for a FEC, one block of whole lines at a time (so a multi-byte character
 * never straddles two blocks). The law allows ASCII, ISO-8859-15 or UTF-8:
 * - a BOM, or valid non-ASCII UTF-8, makes the file UTF-8;
 * - text that is not valid UTF-8 is read as ISO-8859-15 (NOT latin1: € and œ differ);
 * - in a UTF-8 file, a line that is not valid UTF-8 (stray DOS code-page bytes) is read as
 *   ISO-8859-15 and reported;
 * - in an ISO-8859-15 file, characters French text never uses in that encoding (C1 controls
 *   0x80–0x9F, and 0xF8 "ø", which is "°" in the DOS code pages 437/850) are reported too.
 * Decoding is per block with native TextDecoders; the per-line path runs only for a block
 * that fails UTF-8 in a file not known to be ISO-8859-15.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { forEachByteLine } from './lines.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

declare global {
  // Node's Buffer has these (fresh flat strings, no checks); @types/node does not declare them.
  interface Buffer {
    latin1Slice(start: number, end: number): string;
    utf8Slice(start: number, end: number): string;
  }
}
const iso = new TextDecoder('iso-8859-15');

/** Characters that betray a DOS code page in text read as ISO-8859-15. */
const FOREIGN = /[\u0080-\u009f\u00f8]/g;

export type FecEncoding = 'ascii' | 'utf-8' | 'iso-8859-15';

export interface DecodedBlock {
  readonly text: string;
  /** Char offsets in `text` of lines to report (not UTF-8 in a UTF-8 file, or foreign bytes). */
  readonly oddOffsets: number[];
  /**
   * The text was decoded as latin1, which is a plain copy (fast, and one byte per char in
   * memory) and equals ISO-8859-15 except for 8 characters: strings that are kept must go
   * through `latin1ToIso885915`. Separators, digits and dates are the same in both.
   */
  readonly latin1: boolean;
  /** Char offsets in `text` are byte offsets in the block (ASCII or latin1): strings can be cut from the bytes. */
  readonly bytes: boolean;
}

const LATIN1_DIFF = /[\u00a4\u00a6\u00a8\u00b4\u00b8\u00bc\u00bd\u00be]/;
const ISO_885915: Readonly<Record<string, string>> = {
  '\u00a4': '€', '\u00a6': 'Š', '\u00a8': 'š', '\u00b4': 'Ž', '\u00b8': 'ž', '\u00bc': 'Œ', '\u00bd': 'œ', '\u00be': 'Ÿ',
};
const LATIN1_DIFF_ALL = new RegExp(LATIN1_DIFF.source, 'g');

/** Whether latin1-decoded text holds one of the 8 characters where ISO-8859-15 differs. */
export function hasLatin1Diff(s: string): boolean {
  return LATIN1_DIFF.test(s);
}

/** Text decoded as latin1 to what ISO-8859-15 says (€, œ, Œ, Š, š, Ž, ž, Ÿ). */
export function latin1ToIso885915(s: string): string {
  return LATIN1_DIFF.test(s) ? s.replace(LATIN1_DIFF_ALL, (ch) => ISO_885915[ch]!) : s;
}

export class FecDecoder {
  private mode: 'unknown' | 'utf-8' | 'iso-8859-15' = 'unknown';
  private bomChecked = false;
  /** The first odd byte met, e.g. `0xF8`, for the warning. */
  firstOddByte: string | null = null;

  get encoding(): FecEncoding {
    return this.mode === 'unknown' ? 'ascii' : this.mode;
  }

  /** `buf` without a leading BOM (first block only; a BOM makes the file UTF-8). */
  stripBom(buf: Buffer): Buffer {
    if (!this.bomChecked) {
      this.bomChecked = true;
      if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
        this.mode = 'utf-8';
        return buf.subarray(3);
      }
    }
    return buf;
  }

  /** Decodes `buf`, which holds whole lines only (or the end of the file). */
  decode(buf: Buffer): DecodedBlock {
    buf = this.stripBom(buf);
    if (isUtf8(buf)) {
      // Valid UTF-8: non-ASCII content proves the file is UTF-8. ASCII is copied as latin1
      // (the same text, and its offsets are the bytes').
      if (isAscii(buf)) return { text: buf.latin1Slice(0, buf.length), oddOffsets: [], latin1: false, bytes: true };
      this.mode = 'utf-8';
      return { text: buf.utf8Slice(0, buf.length), oddOffsets: [], latin1: false, bytes: false };
    }
    if (this.mode === 'iso-8859-15') return this.decodeIso(buf);
    return this.decodeByLine(buf);
  }

  private decodeIso(buf: Buffer): DecodedBlock {
    const text = buf.latin1Slice(0, buf.length);
    const oddOffsets: number[] = [];
    FOREIGN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = FOREIGN.exec(text)) !== null) {
      oddOffsets.push(m.index);
      this.noteByte(m[0].charCodeAt(0));
    }
    return { text, oddOffsets, latin1: true, bytes: true };
  }

  /** Line by line: UTF-8 where valid, ISO-8859-15 elsewhere. */
  private decodeByLine(buf: Buffer): DecodedBlock {
    const parts: string[] = [];
    const invalid: number[] = [];
    const foreign: number[] = [];
    let offset = 0;
    let sawUtf8 = false;
    let firstInvalidByte: number | null = null;
    let firstForeignByte: number | null = null;
    forEachByteLine(buf, 0, buf.length, (start, _end, next) => {
      // A line with its terminator: lines are contiguous, so the text is rebuilt exactly.
      const piece = buf.subarray(start, next);
      let s: string;
      try {
        s = utf8.decode(piece);
        if (s.length !== piece.length) sawUtf8 = true;
      } catch {
        s = iso.decode(piece);
        invalid.push(offset);
        firstInvalidByte ??= firstNonAscii(piece);
        FOREIGN.lastIndex = 0;
        const f = FOREIGN.exec(s);
        if (f) {
          foreign.push(offset);
          firstForeignByte ??= f[0].charCodeAt(0);
        }
      }
      parts.push(s);
      offset += s.length;
    });
    if (sawUtf8) this.mode = 'utf-8';
    if (this.mode === 'unknown') this.mode = 'iso-8859-15';
    const text = parts.join('');
    if (this.mode === 'utf-8') {
      if (firstInvalidByte !== null) this.noteByte(firstInvalidByte);
      return { text, oddOffsets: invalid, latin1: false, bytes: false };
    }
    if (firstForeignByte !== null) this.noteByte(firstForeignByte);
    return { text, oddOffsets: foreign, latin1: false, bytes: false };
  }

  /** Records the first byte that betrays another code page (for the warning). */
  noteByte(code: number): void {
    if (this.firstOddByte !== null) return;
    // U+0080–U+009F map back to the same byte; U+00F8 is 0xF8.
    this.firstOddByte = hex(code);
  }
}

function firstNonAscii(b: Uint8Array): number | null {
  for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80) return b[i]!;
  return null;
}

const hex = (n: number): string => `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;
