/**
 * Bytes to text. UTF-8 is tried first (strictly, so a Windows-1252 byte such as 0xE9 "é"
 * fails); when it fails the file is read as Windows-1252, what Excel writes on French Windows.
 * A BOM is dropped. The config's `csv.encoding` forces one reading.
 */
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

export function decodeCsvBytes(bytes: Uint8Array, forced?: CsvEncoding): DecodedText {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (forced === 'windows-1252') return { text: decodeWindows1252(bytes), encoding: forced };
  if (forced === 'utf-8' || hasBom) return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}
