/**
 * Bytes to text. UTF-8 is tried first (strictly, so a Windows-1252 byte such as 0xE9 "é"
 * fails); a file with no valid non-ASCII UTF-8 at all is read as Windows-1252, what Excel
 * writes on French Windows. A file that is UTF-8 but for a few lines (a label pasted from
 * another program) is read as the FEC reader does: valid lines as UTF-8, the odd ones as
 * Windows-1252, with one warning giving the first such line and the count. Bytes that
 * Windows-1252 leaves undefined are kept (as U+0081…) with a warning per line: they are
 * never a French character and usually mean the file is in yet another code page. A BOM is
 * dropped (and makes the file UTF-8). The config's `csv.encoding` forces one reading.
 */
import { isUtf8 } from 'node:buffer';
import { error, warning } from '../../model/problems.js';
import type { Checked, Problem } from '../../model/types.js';
import { isUtf16, utf16Message } from '../utf16.js';

export type CsvEncoding = 'utf-8' | 'windows-1252';

export interface DecodedText {
  readonly text: string;
  readonly encoding: CsvEncoding;
}

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, œ, ’, …). Node 20's
 * `TextDecoder('windows-1252')` decodes those bytes as Latin-1 control characters (measured:
 * 0x80 gives U+0080, not €), so the 32 code points are mapped here.
 */
const CP1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** The five bytes Windows-1252 does not define. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk = 8192;
  for (let i = 0; i < bytes.length; i += chunk) {
    const part = bytes.subarray(i, i + chunk);
    const codes = Array.from(part, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_80_9F.charCodeAt(b - 0x80) : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const hex = (n: number): string => `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;

/** Decodes a CSV file's bytes; problems name `file` and the line (CR, LF and CRLF end lines, as the parser counts). */
export function decodeCsv(bytes: Uint8Array, file: string, forced?: CsvEncoding): Checked<DecodedText | null> {
  if (isUtf16(bytes)) return { value: null, problems: [error(utf16Message('UTF-8 or Windows-1252', 'UTF-8 ("CSV UTF-8" in Excel)'), { file, line: 1 })] };
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const problems: Problem[] = [];
  if (forced === 'windows-1252') {
    warnUndefined(bytes, 0, file, problems);
    return { value: { text: decodeWindows1252(bytes), encoding: forced }, problems };
  }
  if (forced === 'utf-8') return { value: { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8' }, problems };
  if (isUtf8(body)) return { value: { text: utf8.decode(body), encoding: 'utf-8' }, problems };
  const lines = splitLines(body);
  // Is any non-ASCII line valid UTF-8? Then the file is UTF-8 and the other lines are strays.
  const valid = lines.map(([s, e]) => isUtf8(body.subarray(s, e)));
  const isUtf8File = hasBom || lines.some(([s, e], i) => valid[i] && !isAsciiRange(body, s, e));
  if (!isUtf8File) {
    warnUndefined(body, 0, file, problems);
    return { value: { text: decodeWindows1252(body), encoding: 'windows-1252' }, problems };
  }
  let text = '';
  let firstOdd = 0;
  let odd = 0;
  let firstByte = 0;
  lines.forEach(([s, e], i) => {
    const piece = body.subarray(s, e);
    if (valid[i]) {
      text += utf8.decode(piece);
      return;
    }
    odd++;
    if (firstOdd === 0) {
      firstOdd = i + 1;
      firstByte = firstInvalidUtf8Byte(piece);
    }
    warnUndefined(piece, i, file, problems);
    text += decodeWindows1252(piece);
  });
  const more = odd > 1 ? `${odd} lines from this one on are not UTF-8 and were` : 'this line is not UTF-8 and was';
  problems.push(warning(`found byte ${hex(firstByte)}, expected UTF-8 text like the rest of the file: ${more} read as Windows-1252; check the text`, { file, line: firstOdd }));
  return { value: { text, encoding: 'utf-8' }, problems };
}

/** The text only: for callers that need no problems (kept for tests and tools). */
export function decodeCsvBytes(bytes: Uint8Array, forced?: CsvEncoding): DecodedText {
  return decodeCsv(bytes, '', forced).value ?? { text: '', encoding: 'utf-8' };
}

/** One warning per line holding a byte Windows-1252 does not define; `lineBase` counts the lines before `bytes`. */
function warnUndefined(bytes: Uint8Array, lineBase: number, file: string, problems: Problem[]): void {
  let line = lineBase + 1;
  let warned = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
    else if (UNDEFINED_1252.has(b) && warned !== line) {
      warned = line;
      problems.push(warning(`found byte ${hex(b)}, which Windows-1252 does not define, expected UTF-8 or Windows-1252 text: the file may be in another code page; check this line`, { file, line }));
    }
  }
}

/** `[start, end)` of each line with its terminator (CRLF, CR or LF), so that the pieces rebuild the text. */
function splitLines(b: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x0a || (b[i] === 0x0d && b[i + 1] !== 0x0a)) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < b.length) out.push([start, b.length]);
  return out;
}

function isAsciiRange(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (b[i]! >= 0x80) return false;
  return true;
}

/** The first byte where UTF-8 decoding fails (a lead byte without its continuation, or a stray one). */
function firstInvalidUtf8Byte(b: Uint8Array): number {
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 0x80) continue;
    const len = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
    if (len === 0 || !isUtf8(b.subarray(i, i + len))) return c;
    i += len - 1;
  }
  return 0;
}
