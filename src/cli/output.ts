/**
 * Renderers shared by every command: JSON (one document), CSV (csv-stringify, spreadsheet
 * formulas neutralised) and console tables (cli-table3, colour only when allowed).
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { CliIo } from './io.js';
import { useColour } from './io.js';
import { renderBoxTable } from './render/box-table.js';

export type Format = 'table' | 'json' | 'csv';
export const FORMATS: readonly Format[] = ['table', 'json', 'csv'];

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export { csv, neutraliseFormula } from '../io/csv/write.js';

export type Align = 'left' | 'right';

export interface TableSpec {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly align?: readonly Align[];
  /** Rows printed in bold after a separator (totals). */
  readonly footer?: readonly (readonly string[])[];
}

/**
 * cli-table3 lays a table out in time quadratic in its rows (4,000 rows: 24 s measured here),
 * so past a few hundred rows the same box is drawn by render/box-table.ts, which a test keeps
 * byte-for-byte equal to cli-table3's.
 */
const CLI_TABLE3_MAX_ROWS = 200;

export function table(spec: TableSpec, io: CliIo): string {
  const colour = useColour(io);
  if (spec.rows.length + (spec.footer?.length ?? 0) > CLI_TABLE3_MAX_ROWS) return renderBoxTable(spec, colour);
  const c = new Chalk({ level: colour ? 1 : 0 });
  const t = new Table({
    head: spec.head.map((h) => c.bold(h)),
    ...(spec.align ? { colAligns: [...spec.align] } : {}),
    style: { head: [], border: [], compact: false },
  });
  for (const r of spec.rows) t.push([...r]);
  for (const r of spec.footer ?? []) t.push(r.map((x) => c.bold(x)));
  return `${t.toString()}\n`;
}
