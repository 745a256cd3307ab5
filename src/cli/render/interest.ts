/**
 * Renderers of the interest report (pure): the contract's JSON, one CSV row per period, and
 * a French console table with one row per invoice.
 */
import { formatAmount, formatEuroFr } from '../../model/money.js';
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

export const INTEREST_CSV_HEADER = ['customer', 'number', 'source', 'from', 'to', 'days', 'base', 'rate', 'interest'] as const;

export function interestCsvRows(report: InterestReport): string[][] {
  return report.invoices.flatMap((i) =>
    i.periods.map((p) => [
      i.customer,
      i.number,
      `${i.source.file}:${i.source.line}`,
      p.from,
      p.to,
      String(p.days),
      formatAmount(p.base),
      formatRate(p.rate),
      formatAmount(p.interest),
    ]),
  );
}

export function interestTable(report: InterestReport): TableSpec {
  const days = report.invoices.reduce((s, i) => s + i.days, 0);
  return {
    head: ['Client', 'Facture', 'Échéance', 'Réglée le', 'Jours', 'Intérêts', 'Indemnité'],
    align: ['left', 'left', 'left', 'left', 'right', 'right', 'right'],
    rows: report.invoices.map((i) => [
      i.customerName && i.customerName !== i.customer ? `${i.customer} ${i.customerName}` : i.customer,
      i.number,
      formatDateFr(i.dueDate),
      i.paidDate ? formatDateFr(i.paidDate) : '',
      String(i.days),
      formatEuroFr(i.interest),
      formatEuroFr(i.indemnity),
    ]),
    footer: [[`Total (${report.invoices.length} facture${report.invoices.length > 1 ? 's' : ''})`, '', '', '', String(days), formatEuroFr(report.totals.interest), formatEuroFr(report.totals.indemnity)]],
  };
}
