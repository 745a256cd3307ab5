/**
 * A CSV file as a table: bytes decoded, separator found from the header row, records parsed
 * by csv-parse (quoting is real in CSV exports), each record with the line it starts on, and
 * columns matched to fields. Every problem is gathered; nothing is thrown for bad data.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { InputFile } from '../books.js';
import { error, warning } from '../../model/problems.js';
import type { Checked, Problem } from '../../model/types.js';
import { decodeCsv } from './decode.js';
import { matchHeaders, type ColumnSpec } from './headers.js';
import type { CsvReadOptions } from './options.js';

export type Separator = ';' | ',' | '\t';
const SEPARATORS: readonly Separator[] = [';', ',', '\t'];
const sepName = (s: Separator) => (s === '\t' ? 'tab' : `"${s}"`);

export interface CsvRow {
  /** The line the record starts on (line 1 is the header). */
  readonly line: number;
  readonly values: readonly string[];
}

export interface CsvTable {
  readonly file: string;
  readonly separator: Separator;
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: readonly CsvRow[];
}

/** The trimmed value of a field in a row, '' when the column is absent or the row short. */
export function cell(table: CsvTable, row: CsvRow, field: string): string {
  const i = table.columns.get(field);
  return i === undefined ? '' : (row.values[i] ?? '').trim();
}

/** Reads and decodes a file; a missing, unreadable or empty file is a problem naming it. */
export async function readCsvText(file: InputFile, opts: CsvReadOptions): Promise<Checked<string | null>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file.path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, expected a file' : `cannot read the file (${(e as Error).message})`;
    return { value: null, problems: [error(why, { file: file.display, line: 0 })] };
  }
  const decoded = decodeCsv(bytes, file.display, opts.encoding);
  return { value: decoded.value?.text ?? null, problems: decoded.problems };
}

/** Separators that appear outside quotes in a line. */
function separatorsIn(line: string): Separator[] {
  let quoted = false;
  const seen = new Set<Separator>();
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (SEPARATORS as readonly string[]).includes(ch)) seen.add(ch as Separator);
  }
  return SEPARATORS.filter((s) => seen.has(s));
}

interface ParsedRecord {
  readonly line: number;
  readonly lastLine: number;
  readonly values: string[];
}

const PARSE_OPTIONS = {
  bom: true,
  // A field that merely starts with a quote (`"ACME" SA`) is kept as written.
  relax_quotes: true,
  // Rows of the wrong width are reported by parseCsvTable with their line, not thrown here.
  relax_column_count: true,
} as const;

/**
 * Records with the lines they start and end on. Empty lines are kept as records (dropped
 * later) so that lines can be counted from the records themselves: each record ends at a line
 * break, plus the breaks inside its quoted values (CRLF already made LF). This is ~2× faster
 * than csv-parse's per-record `info`, which is used only to locate a parse failure.
 */
function parseRecords(text: string, separator: Separator, file: string): { records: ParsedRecord[]; problems: Problem[] } {
  try {
    const raw = parse(text, { ...PARSE_OPTIONS, delimiter: separator }) as string[][];
    const records: ParsedRecord[] = [];
    let next = 1;
    for (const values of raw) {
      let breaks = 0;
      for (const v of values) if (v.includes('\n')) breaks += countBreaks(v);
      records.push({ line: next, lastLine: next + breaks, values });
      next += breaks + 1;
    }
    return { records, problems: [] };
  } catch (e) {
    return parseFailure(text, separator, file, e);
  }
}

/** The slow path, after a failure: the records before it, and where it happened. */
function parseFailure(text: string, separator: Separator, file: string, e: unknown): { records: ParsedRecord[]; problems: Problem[] } {
  const records: ParsedRecord[] = [];
  try {
    parse(text, {
      ...PARSE_OPTIONS,
      delimiter: separator,
      on_record: (values: string[], context: { lines: number }) => {
        let breaks = 0;
        for (const v of values) if (v.includes('\n')) breaks += countBreaks(v);
        records.push({ line: context.lines - breaks, lastLine: context.lines, values });
        return null;
      },
    });
  } catch {
    // The same failure as `e`, now with the records before it.
  }
  const code = (e as { code?: string }).code;
  const after = records.at(-1)?.lastLine ?? 0;
  const msg =
    code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quote opened on or after this line is never closed: the rest of the file cannot be read (a value starting with " must be written in quotes with its quotes doubled)'
      : `the CSV cannot be read from here on (${(e as Error).message})`;
  return { records, problems: [error(msg, { file, line: after + 1 })] };
}

function countBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** The first line holding more than spaces, with its 1-based number (no split of the whole text). */
function firstNonBlankLine(text: string): { text: string; line: number } | null {
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const t = text.slice(start, end < 0 ? text.length : end);
    if (t.trim() !== '') return { text: t, line };
    if (end < 0) return null;
    start = end + 1;
  }
  return null;
}

/** Reads a CSV text into a table of rows, its columns matched against `spec`. */
export function parseCsvTable(text: string, file: string, spec: ColumnSpec, opts: CsvReadOptions): Checked<CsvTable | null> {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const first = firstNonBlankLine(normalised);
  if (first === null) return { value: null, problems: [error('the file is empty, expected a header row and data lines', { file, line: 1 })] };
  const where = { file, line: first.line };
  const headerLine = first.text;
  const found = separatorsIn(headerLine);
  let candidates = found;
  if (found.length > 1) {
    // Several separators in the header: keep only a reading that finds every required column.
    candidates = found.filter((s) => {
      const { records } = parseRecords(headerLine, s, file);
      const match = matchHeaders(records[0]?.values ?? [], spec, opts.columns, file);
      return match.problems.length === 0;
    });
  }
  if (candidates.length !== 1) {
    const message =
      found.length === 0
        ? `found ${JSON.stringify(headerLine.slice(0, 80))}, expected a header row separated by ";", "," or tab`
        : `cannot tell the separator: the header row holds ${found.map(sepName).join(' and ')}; keep one of them, or quote the headers that contain the other`;
    return { value: null, problems: [error(message, where)] };
  }
  const separator = candidates[0]!;
  const { records, problems } = parseRecords(normalised, separator, file);
  const blank = (r: ParsedRecord) => r.values.every((v) => v.trim() === '');
  // The header is the first line with text: a row of separators alone names no column.
  if (records.length > 0 && records.findIndex((r) => !blank(r)) !== records.findIndex((r) => r.line >= first.line)) {
    return { value: null, problems: [error(`found ${JSON.stringify(headerLine.slice(0, 80))}, expected a header row naming the columns`, where)] };
  }
  while (records.length > 0 && blank(records[0]!)) records.shift();
  const header = records.shift();
  if (!header) return { value: null, problems };
  const match = matchHeaders(header.values, spec, opts.columns, file, header.line);
  problems.push(...match.problems);
  if (match.problems.some((p) => p.severity === 'error')) return { value: null, problems };
  const width = header.values.length;
  const rows: CsvRow[] = [];
  for (const r of records) {
    if (blank(r)) continue;
    // Either way, a wrong count means the columns may be shifted: never read by position.
    if (r.values.length !== width) {
      const hint =
        r.values.length > width && r.values.slice(width).some((v) => v.trim() !== '')
          ? `: a value holding the separator ${sepName(separator)} must be written in quotes`
          : r.values.length < width
            ? ': every row needs all the separators of the header, even for empty values'
            : ': remove the trailing separators, or add them to the header';
      problems.push(error(`found ${r.values.length} fields, expected ${width} as in the header${hint}`, { file, line: r.line }));
      continue;
    }
    // Customers' addresses may hold line breaks; elsewhere one usually means a stray quote.
    if (r.lastLine > r.line && spec.kind !== 'customers') {
      problems.push(warning(`this record spans lines ${r.line} to ${r.lastLine} (a quoted value holds a line break): check for a stray quote`, { file, line: r.line }));
    }
    rows.push({ line: r.line, values: r.values });
  }
  // An error, as for a FEC: a file of headers alone is an export that went wrong more often than an empty ledger.
  if (!records.some((r) => !blank(r))) {
    problems.push(error('found only the header row, expected data lines after it', { file, line: header.line }));
  }
  return { value: { file, separator, columns: match.columns, rows }, problems };
}

/** Reads, decodes and parses a CSV file: `readCsvText` then `parseCsvTable`. */
export async function loadCsvTable(file: InputFile, spec: ColumnSpec, opts: CsvReadOptions): Promise<Checked<CsvTable | null>> {
  const text = await readCsvText(file, opts);
  if (text.value === null) return { value: null, problems: text.problems };
  const table = parseCsvTable(text.value, file.display, spec, opts);
  return text.problems.length === 0 ? table : { value: table.value, problems: [...text.problems, ...table.problems] };
}
