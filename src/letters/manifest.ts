/**
 * The manifest of a run (`manifest.json`, `manifest.csv` in the output folder): one row per
 * letter file with what it claims and its SHA-256, so a printer or an auditor can check the
 * files. Pure: the caller writes the text.
 */
import { formatAmount, type Cents } from '../model/money.js';
import type { IsoDate } from '../model/types.js';
import { csv } from '../io/csv/write.js';

export interface ManifestRow {
  readonly file: string;
  readonly customer: string;
  readonly name: string;
  readonly step: string;
  readonly invoices: readonly string[];
  /** What the letter asks for (residual, plus interest and indemnity in a business formal notice). */
  readonly amount: Cents;
  readonly pages: number;
  readonly sha256: string;
}

export interface Manifest {
  readonly asOf: IsoDate;
  readonly dryRun: boolean;
  readonly letters: readonly ManifestRow[];
  readonly combined: { readonly file: string; readonly pages: number; readonly sha256: string } | null;
}

export function manifestJson(m: Manifest): string {
  const doc = {
    asOf: m.asOf,
    dryRun: m.dryRun,
    letters: m.letters.map((r) => ({ ...r, invoices: [...r.invoices], amount: formatAmount(r.amount) })),
    combined: m.combined,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Invoices are joined with a space (`F-1 F-2`): numbers never contain one in practice, and CSV stays one row per letter. */
export function manifestCsv(m: Manifest): string {
  return csv(
    ['file', 'customer', 'name', 'step', 'invoices', 'amount', 'pages', 'sha256'],
    m.letters.map((r) => [r.file, r.customer, r.name, r.step, r.invoices.join(' '), formatAmount(r.amount), r.pages, r.sha256]),
  );
}
