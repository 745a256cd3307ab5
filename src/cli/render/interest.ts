/**
 * Renderers of the interest report (pure): the contract's JSON, a CSV of one row per period
 * and per indemnity, and a French console table with one row per invoice.
 */
import { add, formatAmount, formatEuroFr } from '../../model/money.js';
import { formatDateFr } from '../../model/dates.js';
import type { InterestReport } from '../../ledger/interest.js';
import { formatRate } from '../../ledger/rates.js';
import type { TableSpec } from '../output.js';

/** CONTRACT.md, `interest --format json`. */
export function interestJson(report: InterestReport) {
  return {
    asOf: report.asOf,
    invoices: report.invoices.map((i) => ({
      customer: i.customer,
      number: i.number,
      source: { file: i.source.file, line: i.source.line },
      dueDate: i.dueDate,
      paidDate: i.paidDate,
      interest: formatAmount(i.interest),
      indemnity: formatAmount(i.indemnity),
      periods: i.periods.map((p) => ({
        from: p.from,
        to: p.to,
        days: p.days,
        base: formatAmount(p.base),
        rate: formatRate(p.rate),
        interest: formatAmount(p.interest),
      })),
    })),
    totals: { interest: formatAmount(report.totals.interest), indemnity: formatAmount(report.totals.indemnity) },
  };
}

/**
 * One row per interest period plus one `indemnity` row per invoice that bears one, so that
 * the `amount` column sums to everything claimed (interest + indemnities). Indemnity rows
 * leave the period columns empty; dueDate/paidDate repeat on every row so each stands alone.
 */
export const INTEREST_CSV_HEADER = [
  'customer',
  'number',
  'source',
  'dueDate',
  'paidDate',
  'line',
  'from',
  'to',
  'days',
  'base',
  'rate',
  'amount',
] as const;

export function interestCsvRows(report: InterestReport): string[][] {
  return report.invoices.flatMap((i) => {
    const doc = [i.customer, i.number, `${i.source.file}:${i.source.line}`, i.dueDate, i.paidDate ?? ''];
    const rows = i.periods.map((p) => [
      ...doc,
      'interest',
      p.from,
      p.to,
      String(p.days),
      formatAmount(p.base),
      formatRate(p.rate),
      formatAmount(p.interest),
    ]);
    if (i.indemnity > 0) rows.push([...doc, 'indemnity', '', '', '', '', '', formatAmount(i.indemnity)]);
    return rows;
  });
}

export function interestTable(report: InterestReport): TableSpec {
  return {
    head: ['Client', 'Facture', 'Échéance', 'Réglée le', 'Jours', 'Intérêts', 'Indemnité', 'Total'],
    align: ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'right'],
    rows: report.invoices.map((i) => [
      i.customerName && i.customerName !== i.customer ? `${i.customer} ${i.customerName}` : i.customer,
      i.number,
      formatDateFr(i.dueDate),
      i.paidDate ? formatDateFr(i.paidDate) : '',
      String(i.days),
      formatEuroFr(i.interest),
      // A consumer owes no indemnity (D441-5 is B2B only): a dash, not a 0 that reads as a gap.
      i.indemnity > 0 ? formatEuroFr(i.indemnity) : '—',
      formatEuroFr(add(i.interest, i.indemnity)),
    ]),
    // No total of days: days of different invoices at different bases and rates add up to no
    // figure an accountant could use or check.
    footer: [[`Total (${report.invoices.length} facture${report.invoices.length > 1 ? 's' : ''})`, '', '', '', '', formatEuroFr(report.totals.interest), formatEuroFr(report.totals.indemnity), formatEuroFr(add(report.totals.interest, report.totals.indemnity))]],
  };
}
