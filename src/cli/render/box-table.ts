/**
 * A box table drawn in linear time, byte for byte what `table()` in cli/output.ts draws with
 * cli-table3 for single-line cells (same borders, padding, alignment, bold head and footer).
 * Why: cli-table3's layout is quadratic in the number of rows — measured here, 4,000 rows
 * took 24 s, a 5,000-customer aged balance ~23 s — while this draws them in milliseconds.
 */
import { Chalk } from 'chalk';
import type { TableSpec } from '../output.js';

/** Terminal columns of a single-line text: combining marks take none, East Asian wide two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x300) w += cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? 0 : 1;
    else if (/\p{M}|\u200b|\u200c|\u200d|\ufeff/u.test(ch)) continue;
    else if (isWide(cp)) w += 2;
    else w += 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Cells are single lines: a line break inside one would break the box, so it becomes a space. */
const flat = (s: string): string => s.replace(/\r\n|[\r\n]/g, ' ');

export function renderBoxTable(spec: TableSpec, colour: boolean): string {
  const bold = new Chalk({ level: colour ? 1 : 0 }).bold;
  const body = [...spec.rows, ...(spec.footer ?? [])].map((r) => r.map(flat));
  const head = spec.head.map(flat);
  const n = Math.max(head.length, ...body.map((r) => r.length));
  const widths = Array.from({ length: n }, (_, i) => Math.max(displayWidth(head[i] ?? ''), ...body.map((r) => displayWidth(r[i] ?? ''))));
  const line = (l: string, m: string, r: string) => `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
  const row = (cells: readonly string[], strong: boolean) =>
    `│${widths
      .map((w, i) => {
        const text = cells[i] ?? '';
        const pad = ' '.repeat(w - displayWidth(text));
        const shown = strong && text !== '' ? bold(text) : text;
        return ` ${spec.align?.[i] === 'right' ? pad + shown : shown + pad} `;
      })
      .join('│')}│`;
  const footerFrom = spec.rows.length;
  const out = [line('┌', '┬', '┐'), row(head, true)];
  body.forEach((r, i) => out.push(line('├', '┼', '┤'), row(r, i >= footerFrom)));
  out.push(line('└', '┴', '┘'));
  return `${out.join('\n')}\n`;
}
