/**
 * CSV output (reports, manifests): csv-stringify does the quoting; this adds the defence
 * against spreadsheet formula injection.
 */
import { stringify } from 'csv-stringify/sync';

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, also tab and CR) is
 * prefixed with a quote (OWASP "CSV injection"). Plain negative amounts such as `-12.50`
 * stay numbers: they cannot run anything and accountants need them as numbers.
 */
export function neutraliseFormula(cell: string): string {
  if (/^-\d+(\.\d+)?$/.test(cell)) return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const safe = rows.map((r) => r.map((c) => (c === null ? '' : neutraliseFormula(String(c)))));
  return stringify([header.map(neutraliseFormula), ...safe], { record_delimiter: '\n' });
}
