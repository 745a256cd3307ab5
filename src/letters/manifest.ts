/**
 * The manifest of an output folder (`manifest.json`, `manifest.csv`): one row per letter file
 * with what it claims and its SHA-256, and one per combined file, so a printer or an auditor
 * can check the files. Cumulative: each run appends its own run to the runs already recorded
 * there (a second run the same day into the same folder must not make the first run's letters
 * disappear from it). Pure: the caller reads and writes the text.
 */
import { z } from 'zod';
import { formatAmount, parseAmount, sum, type Cents } from '../model/money.js';
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

export interface ManifestCombined {
  readonly file: string;
  readonly pages: number;
  readonly sha256: string;
}

/** What one `letters` run wrote. */
export interface ManifestRun {
  readonly asOf: IsoDate;
  readonly dryRun: boolean;
  readonly letters: readonly ManifestRow[];
  readonly combined: ManifestCombined | null;
}

const amountText = z.string().refine((s) => parseAmount(s, 'dot').ok, 'an amount such as 1234.50');
const rowSchema = z.object({
  file: z.string(),
  customer: z.string(),
  name: z.string(),
  step: z.string(),
  invoices: z.array(z.string()),
  amount: amountText,
  pages: z.number().int().nonnegative(),
  sha256: z.string(),
});
const runSchema = z.object({
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  dryRun: z.boolean(),
  letters: z.array(rowSchema),
  combined: z.object({ file: z.string(), pages: z.number().int().nonnegative(), sha256: z.string() }).nullable(),
});
/** The current form, and the single-run form earlier versions wrote (read as one run). */
const docSchema = z.union([z.object({ runs: z.array(runSchema) }), runSchema]);

const centsOf = (s: string): Cents => {
  const p = parseAmount(s, 'dot');
  if (!p.ok) throw new RangeError(s);
  return p.cents;
};

/** The runs a manifest.json records, or why it cannot be read (then it must not be replaced). */
export function parseManifest(text: string): { ok: true; runs: ManifestRun[] } | { ok: false; why: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, why: `not JSON: ${(e as Error).message}` };
  }
  const r = docSchema.safeParse(doc);
  if (!r.success) {
    const i = r.error.issues[0]!;
    return { ok: false, why: `not a dunning manifest (${i.path.join('.') || 'document'}: ${i.message})` };
  }
  const runs = 'runs' in r.data ? r.data.runs : [r.data];
  return {
    ok: true,
    runs: runs.map((run) => ({
      asOf: run.asOf as IsoDate,
      dryRun: run.dryRun,
      letters: run.letters.map((l) => ({ ...l, amount: centsOf(l.amount) })),
      combined: run.combined,
    })),
  };
}

export function manifestJson(runs: readonly ManifestRun[]): string {
  const doc = {
    runs: runs.map((m) => ({
      asOf: m.asOf,
      dryRun: m.dryRun,
      letters: m.letters.map((r) => ({ ...r, invoices: [...r.invoices], amount: formatAmount(r.amount) })),
      combined: m.combined,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * One row per letter, then the run's combined file (step `combined`, the total its letters
 * claim), run after run. Invoices are joined with a space (`F-1 F-2`): numbers never contain
 * one in practice, and CSV stays one row per letter.
 */
export function manifestCsv(runs: readonly ManifestRun[]): string {
  return csv(
    ['file', 'customer', 'name', 'step', 'invoices', 'amount', 'pages', 'sha256'],
    runs.flatMap((m) => [
      ...m.letters.map((r) => [r.file, r.customer, r.name, r.step, r.invoices.join(' '), formatAmount(r.amount), r.pages, r.sha256]),
      ...(m.combined ? [[m.combined.file, '', '', 'combined', '', formatAmount(sum(m.letters.map((r) => r.amount))), m.combined.pages, m.combined.sha256]] : []),
    ]),
  );
}
