/**
 * Inline FEC files for tests: `fecText([...rows])` with rows given by the fields a test
 * cares about; `writeFecFile(bytes)` puts them in a fresh temp file.
 *
 *   const path = writeFecFile(fecText([sale({ aux: 'C1', amount: '120,00' })]));
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FecReadOptions, FecReadResult } from '../../../src/io/fec/read.js';
import { readFec } from '../../../src/io/fec/read.js';

export const COLS18 = [
  'JournalCode', 'JournalLib', 'EcritureNum', 'EcritureDate', 'CompteNum', 'CompteLib',
  'CompAuxNum', 'CompAuxLib', 'PieceRef', 'PieceDate', 'EcritureLib', 'Debit', 'Credit',
  'EcritureLet', 'DateLet', 'ValidDate', 'Montantdevise', 'Idevise',
] as const;

export type Row = Partial<Record<string, string>>;

const DEFAULTS: Row = {
  JournalCode: 'VT', JournalLib: 'Ventes', EcritureNum: '1', EcritureDate: '20240110',
  CompteNum: '411000', CompteLib: 'Clients', CompAuxNum: '', CompAuxLib: '', PieceRef: 'F1',
  PieceDate: '20240110', EcritureLib: 'Facture F1', Debit: '0,00', Credit: '0,00',
  EcritureLet: '', DateLet: '', ValidDate: '20240110', Montantdevise: '', Idevise: '',
};

/** The three lines of a sale of `ttc` (a string like `120,00`) to customer `aux`, balanced. */
export function sale(o: { num?: string; aux?: string; name?: string; ref?: string; date?: string; ttc?: string; ht?: string; tva?: string; letter?: string; journal?: string; journalLib?: string }): Row[] {
  const base: Row = {
    EcritureNum: o.num ?? '1', PieceRef: o.ref ?? 'F1', EcritureDate: o.date ?? '20240110', PieceDate: o.date ?? '20240110',
    EcritureLib: `Facture ${o.ref ?? 'F1'}`, JournalCode: o.journal ?? 'VT', JournalLib: o.journalLib ?? 'Ventes',
  };
  return [
    { ...base, CompteNum: '411000', CompteLib: 'Clients', CompAuxNum: o.aux ?? 'C1', CompAuxLib: o.name ?? 'Client Un', Debit: o.ttc ?? '120,00', EcritureLet: o.letter ?? '' },
    { ...base, CompteNum: '706000', CompteLib: 'Prestations', Credit: o.ht ?? '100,00' },
    { ...base, CompteNum: '445710', CompteLib: 'TVA collectée', Credit: o.tva ?? '20,00' },
  ];
}

/** A bank receipt of `amount` from `aux`, balanced. */
export function receipt(o: { num?: string; aux?: string; ref?: string; date?: string; amount?: string; letter?: string; journal?: string; journalLib?: string }): Row[] {
  const base: Row = {
    JournalCode: o.journal ?? 'BQ', JournalLib: o.journalLib ?? 'Banque', EcritureNum: o.num ?? '2', PieceRef: o.ref ?? 'VIR1',
    EcritureDate: o.date ?? '20240120', PieceDate: o.date ?? '20240120', EcritureLib: 'Virement reçu',
  };
  return [
    { ...base, CompteNum: '512000', CompteLib: 'Banque', Debit: o.amount ?? '120,00' },
    { ...base, CompteNum: '411000', CompteLib: 'Clients', CompAuxNum: o.aux ?? 'C1', CompAuxLib: 'Client Un', Credit: o.amount ?? '120,00', EcritureLet: o.letter ?? '' },
  ];
}

export interface TextOptions {
  readonly columns?: readonly string[];
  readonly sep?: string;
  readonly eol?: string;
  /** Add a separator at the end of the header and of every line. */
  readonly trailing?: boolean;
}

/** Header + rows, as text (encode it yourself for ISO-8859-15 tests). */
export function fecText(rows: readonly Row[], o: TextOptions = {}): string {
  const cols = o.columns ?? COLS18;
  const sep = o.sep ?? '\t';
  const eol = o.eol ?? '\n';
  const end = o.trailing ? sep : '';
  const lines = [cols.join(sep) + end, ...rows.map((r) => cols.map((c) => r[c] ?? DEFAULTS[c] ?? '').join(sep) + end)];
  return lines.join(eol) + eol;
}

let dir: string | null = null;
let n = 0;

export function writeFecFile(content: string | Buffer, name?: string): string {
  dir ??= mkdtempSync(join(tmpdir(), 'dunning-fec-'));
  const path = join(dir, name ?? `fec-${++n}.txt`);
  writeFileSync(path, content);
  return path;
}

export const OPTS: FecReadOptions = { receivablePrefixes: ['411'] };

/** Reads `content` (text is written as UTF-8) as file `test.fec`. */
export async function readText(content: string | Buffer, opts: FecReadOptions = OPTS): Promise<FecReadResult> {
  const path = writeFecFile(content);
  return readFec({ path, display: 'test.fec' }, opts);
}

export const errorsOf = (r: FecReadResult) => r.problems.filter((p) => p.severity === 'error');
export const warningsOf = (r: FecReadResult) => r.problems.filter((p) => p.severity === 'warning');
