/**
 * UTF-16 text (Excel's "Unicode text", some Windows exports) is none of the encodings the
 * readers accept; read as bytes it would give a NUL every other byte and a cascade of
 * missing-column errors. It is found up front, by its BOM or by its NULs, and refused once.
 */

const SAMPLE = 4096;

export function isUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  // Mostly-ASCII UTF-16: one side nearly all NUL, the other nearly none.
  const half = n / 2;
  return (odd > half * 0.3 && even < half * 0.05) || (even > half * 0.3 && odd < half * 0.05);
}

export const utf16Message = (expected: string, how: string): string =>
  `file is UTF-16; expected ${expected}: re-export it as ${how}`;
