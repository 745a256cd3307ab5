/**
 * The FEC header row: which separator, which column holds what. Columns are found by name,
 * case-insensitively, so the 18-column layout, the Montant/Sens variant, the 21- and
 * 22-column cash-basis layouts and a trailing empty column all read the same way. FEC
 * column names stay inside this folder.
 */

/** Column names as the law writes them (article A47 A-1 LPF). */
export const FEC_COLUMNS = [
  'JournalCode', 'JournalLib', 'EcritureNum', 'EcritureDate', 'CompteNum', 'CompteLib',
  'CompAuxNum', 'CompAuxLib', 'PieceRef', 'PieceDate', 'EcritureLib', 'Debit', 'Credit',
  'EcritureLet', 'DateLet', 'ValidDate', 'Montantdevise', 'Idevise',
] as const;

type Known = (typeof FEC_COLUMNS)[number] | 'Montant' | 'Sens' | 'DateRglt' | 'ModeRglt' | 'NatOp' | 'IdClient';
const KNOWN: readonly Known[] = [...FEC_COLUMNS, 'Montant', 'Sens', 'DateRglt', 'ModeRglt', 'NatOp', 'IdClient'];

/** Column index per known name; -1 when absent. */
export type ColumnIndex = Readonly<Record<Known, number>>;

export interface FecHeader {
  readonly separator: '\t' | '|';
  readonly columns: ColumnIndex;
  /** Header names as written (trimmed), by index, for `Problem.field`. */
  readonly names: readonly string[];
  /** Number of fields on the header line (a trailing separator counts as an empty field). */
  readonly fieldCount: number;
  /** The header ends with a separator: lines may end with one too, or not. */
  readonly trailingEmpty: boolean;
  /** `Montant` + `Sens` instead of `Debit` / `Credit`. */
  readonly montantSens: boolean;
  /** Required columns missing from the header (error at line 1). */
  readonly missing: readonly string[];
  /** Known columns named more than once (error at line 1: which one holds the value is a guess). */
  readonly duplicates: readonly string[];
  /** Enough columns to read entries at all (accounts, amounts, dates). */
  readonly readable: boolean;
}

/** The separator the header uses, or null when it has neither tab nor `|`. */
export function headerSeparator(line: string): '\t' | '|' | null {
  const tabs = line.split('\t').length - 1;
  const pipes = line.split('|').length - 1;
  if (tabs === 0 && pipes === 0) return null;
  return tabs >= pipes ? '\t' : '|';
}

export function parseHeader(line: string, separator: '\t' | '|'): FecHeader {
  const names = line.split(separator).map((n) => n.trim());
  const byLower = new Map<string, number>();
  const twice = new Set<string>();
  names.forEach((n, i) => {
    const k = n.toLowerCase();
    if (k !== '' && byLower.has(k)) twice.add(k);
    if (k !== '' && !byLower.has(k)) byLower.set(k, i);
  });
  const duplicates = KNOWN.filter((k) => twice.has(k.toLowerCase()));
  const columns = Object.fromEntries(KNOWN.map((k) => [k, byLower.get(k.toLowerCase()) ?? -1])) as Record<Known, number>;
  const montantSens = columns.Debit < 0 && columns.Credit < 0 && columns.Montant >= 0 && columns.Sens >= 0;
  const required: readonly string[] = montantSens
    ? FEC_COLUMNS.flatMap((c) => (c === 'Debit' ? ['Montant'] : c === 'Credit' ? ['Sens'] : [c]))
    : FEC_COLUMNS;
  const missing = required.filter((c) => columns[c as Known] < 0);
  const essential = ['JournalCode', 'EcritureNum', 'EcritureDate', 'CompteNum', ...(montantSens ? ['Montant', 'Sens'] : ['Debit', 'Credit'])];
  const trailingEmpty = names.length > 1 && names[names.length - 1] === '';
  return {
    separator,
    columns,
    names,
    fieldCount: names.length,
    trailingEmpty,
    montantSens,
    missing,
    duplicates,
    readable: essential.every((c) => columns[c as Known] >= 0),
  };
}

/**
 * Whether a line's field count fits the header. A trailing separator is the only slack:
 * present on the header and not on the line, or the other way round.
 */
export function fieldCountFits(header: FecHeader, fields: readonly string[]): boolean {
  const n = fields.length;
  if (n === header.fieldCount) return true;
  if (header.trailingEmpty && n === header.fieldCount - 1) return true;
  return n === header.fieldCount + 1 && fields[n - 1]!.trim() === '';
}
