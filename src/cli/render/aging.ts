/**
 * Renderers of the aged balance: pure functions from the report (ledger/aging.ts) to JSON
 * data, CSV text and a console table spec. None of them computes anything but formatting.
 */
import { formatAmount, formatEuroFr, neg, ZERO, type Cents } from '../../model/money.js';
import { formatDateFr } from '../../model/dates.js';
import type { AgedCustomer, AgedInvoice, AgingReport } from '../../ledger/aging.js';
import { csv, type Align, type TableSpec } from '../output.js';

/** The JSON document of CONTRACT.md (Aging), key order included. */
export function agingJson(report: AgingReport): unknown {
  const byName = (amounts: readonly Cents[]): Record<string, string> =>
    Object.fromEntries(report.buckets.map((name, i) => [name, formatAmount(amounts[i]!)]));
  const invoice = (inv: AgedInvoice) => ({
    number: inv.number,
    source: { file: inv.source.file, line: inv.source.line },
    date: inv.date,
    dueDate: inv.dueDate,
    daysLate: inv.daysLate,
    amount: formatAmount(inv.amount),
    residual: formatAmount(inv.residual),
    bucket: report.buckets[inv.bucket]!,
  });
  return {
    asOf: report.asOf,
    currency: report.currency,
    buckets: [...report.buckets],
    customers: report.customers.map((c) => ({
      id: c.id,
      name: c.name,
      balance: formatAmount(c.balance),
      unapplied: formatAmount(c.unapplied),
      buckets: byName(c.buckets),
      ...(report.byInvoice ? { invoices: c.invoices.map(invoice) } : {}),
    })),
    totals: { balance: formatAmount(report.totals.balance), unapplied: formatAmount(report.totals.unapplied), buckets: byName(report.totals.buckets) },
  };
}

/** One amount per bucket, the invoice's residual in its own bucket and zero elsewhere. */
const spread = (report: AgingReport, inv: AgedInvoice): Cents[] => report.buckets.map((_, i) => (i === inv.bucket ? inv.residual : ZERO));

/**
 * One row per customer (with `--by invoice`: per open invoice, plus one row per customer with
 * unapplied credit), then a TOTAL row. Every amount column sums to the TOTAL row.
 */
export function agingCsv(report: AgingReport): string {
  const amounts = (xs: readonly Cents[]) => xs.map(formatAmount);
  const totalAmounts = [...amounts(report.totals.buckets), formatAmount(report.totals.unapplied), formatAmount(report.totals.balance)];
  if (!report.byInvoice) {
    const header = ['customer', 'name', ...report.buckets, 'unapplied', 'balance'];
    const rows = report.customers.map((c) => [c.id, c.name, ...amounts(c.buckets), formatAmount(c.unapplied), formatAmount(c.balance)]);
    return csv(header, [...rows, ['TOTAL', '', ...totalAmounts]]);
  }
  const header = ['customer', 'name', 'number', 'source_file', 'source_line', 'date', 'due_date', 'days_late', 'amount', 'residual', 'bucket', ...report.buckets, 'unapplied', 'balance'];
  const rows: (string | number)[][] = [];
  const zeros = report.buckets.map(() => formatAmount(ZERO));
  for (const c of report.customers) {
    for (const inv of c.invoices) {
      rows.push([
        c.id, c.name, inv.number, inv.source.file, inv.source.line, inv.date, inv.dueDate, inv.daysLate,
        formatAmount(inv.amount), formatAmount(inv.residual), report.buckets[inv.bucket]!,
        ...amounts(spread(report, inv)), formatAmount(ZERO), formatAmount(inv.residual),
      ]);
    }
    if (c.unapplied !== 0) {
      rows.push([c.id, c.name, '', '', '', '', '', '', '', '', '', ...zeros, formatAmount(c.unapplied), formatAmount(neg(c.unapplied))]);
    }
  }
  return csv(header, [...rows, ['TOTAL', '', '', '', '', '', '', '', '', '', '', ...totalAmounts]]);
}

/** Console labels of the buckets: `not_due` reads "Non échu"; ranges are shown as named. */
export const bucketLabel = (name: string): string => (name === 'not_due' ? 'Non échu' : `${name} j`);

/** A zero amount is left blank in the body, so that what is owed stands out. */
const cell = (c: Cents): string => (c === 0 ? '' : formatEuroFr(c));

/**
 * The console table (French formatting): one row per customer and a bold TOTAL row; with
 * `--by invoice`, each customer's open invoices under it, residual in its bucket's column.
 */
export function agingTableSpec(report: AgingReport): TableSpec {
  const bucketHead = report.buckets.map(bucketLabel);
  const nAmounts = report.buckets.length + 2;
  const totals = [...report.totals.buckets.map((c) => formatEuroFr(c)), formatEuroFr(report.totals.unapplied), formatEuroFr(report.totals.balance)];
  const customerAmounts = (c: AgedCustomer) => [...c.buckets.map(cell), cell(c.unapplied), formatEuroFr(c.balance)];
  if (!report.byInvoice) {
    return {
      head: ['Client', 'Nom', ...bucketHead, 'Non imputé', 'Solde'],
      align: ['left', 'left', ...Array<Align>(nAmounts).fill('right')],
      rows: report.customers.map((c) => [c.id, c.name, ...customerAmounts(c)]),
      footer: [['TOTAL', '', ...totals]],
    };
  }
  const rows: string[][] = [];
  for (const c of report.customers) {
    rows.push([c.id, c.name, '', '', '', ...customerAmounts(c)]);
    for (const inv of c.invoices) {
      rows.push(['', `  ${inv.number}`, formatDateFr(inv.date), formatDateFr(inv.dueDate), String(inv.daysLate), ...spread(report, inv).map(cell), '', '']);
    }
  }
  return {
    head: ['Client', 'Nom / pièce', 'Date', 'Échéance', 'Retard (j)', ...bucketHead, 'Non imputé', 'Solde'],
    align: ['left', 'left', 'left', 'left', 'right', ...Array<Align>(nAmounts).fill('right')],
    rows,
    footer: [['TOTAL', '', '', '', '', ...totals]],
  };
}
