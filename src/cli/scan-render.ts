/**
 * Renderers of the dunning plan (ScanReport): JSON (the contract's shape), CSV (one row per
 * invoice) and the console table (the day's actions first, as a call list, then the invoices).
 * Pure functions of the report: same report, same bytes.
 */
import { formatDateFr } from '../model/dates.js';
import { formatAmount, formatEuroFr } from '../model/money.js';
import type { ScanInvoice, ScanReport } from '../model/scan.js';
import type { Customer, IsoDate } from '../model/types.js';
import { STEP_LABELS_FR } from '../policy/steps.js';
import type { CliIo } from './io.js';
import { csv, json, table } from './output.js';

function invoiceJson(i: ScanInvoice, explain: boolean) {
  return {
    customer: i.customer,
    number: i.number,
    source: { file: i.entry.source.file, line: i.entry.source.line },
    dueDate: i.dueDate,
    daysLate: i.daysLate,
    residual: formatAmount(i.residual),
    lastStep: i.lastStep,
    lastStepDate: i.lastStepDate,
    nextStep: i.nextStep,
    nextStepDate: i.nextStepDate,
    blocked: i.blocked,
    ...(explain ? { explain: i.explain } : {}),
  };
}

export function scanJson(r: ScanReport, explain: boolean): string {
  return json({
    asOf: r.asOf,
    invoices: r.invoices.map((i) => invoiceJson(i, explain)),
    actions: r.actions.map((a) => ({ customer: a.customer, step: a.step, invoices: a.invoices.map((i) => i.number), amount: formatAmount(a.amount) })),
  });
}

export const SCAN_CSV_HEADER = ['customer', 'number', 'source', 'dueDate', 'daysLate', 'residual', 'lastStep', 'lastStepDate', 'nextStep', 'nextStepDate', 'blocked', 'actionToday'] as const;

export function scanCsv(r: ScanReport): string {
  const inAction = new Map<ScanInvoice, string>();
  for (const a of r.actions) for (const i of a.invoices) inAction.set(i, a.step);
  return csv(
    SCAN_CSV_HEADER,
    r.invoices.map((i) => [
      i.customer,
      i.number,
      `${i.entry.source.file}:${i.entry.source.line}`,
      i.dueDate,
      i.daysLate,
      formatAmount(i.residual),
      i.lastStep,
      i.lastStepDate,
      i.nextStep,
      i.nextStepDate,
      i.blocked,
      inAction.get(i) ?? null,
    ]),
  );
}

const dateFr = (d: IsoDate | null) => (d ? formatDateFr(d) : '');

export function scanTable(r: ScanReport, customers: ReadonlyMap<string, Customer>, io: CliIo, explain: boolean): string {
  let out = '';
  if (r.actions.length === 0) out += `No action due on ${formatDateFr(r.asOf)}.\n`;
  else {
    out += `Actions due on ${formatDateFr(r.asOf)}\n`;
    out += table(
      {
        head: ['Customer', 'Name', 'Step', 'Invoices', 'Amount', 'Phone', 'Contact'],
        align: ['left', 'left', 'left', 'left', 'right', 'left', 'left'],
        rows: r.actions.map((a) => {
          const c = customers.get(a.customer);
          return [a.customer, c?.name || a.invoices[0]?.entry.customerName || '', `${a.step} (${STEP_LABELS_FR[a.step]})`, a.invoices.map((i) => i.number).join(', '), formatEuroFr(a.amount), c?.phone ?? '', c?.contact ?? ''];
        }),
      },
      io,
    );
  }
  out += '\n';
  if (r.invoices.length === 0) out += 'No overdue invoice.\n';
  else {
    out += 'Overdue invoices\n';
    out += table(
      {
        head: ['Customer', 'Invoice', 'Due', 'Days late', 'Residual', 'Last step', 'Next step', 'Blocked'],
        align: ['left', 'left', 'left', 'right', 'right', 'left', 'left', 'left'],
        rows: r.invoices.map((i) => [
          i.customer,
          i.number,
          formatDateFr(i.dueDate),
          String(i.daysLate),
          formatEuroFr(i.residual),
          i.lastStep ? `${i.lastStep} ${dateFr(i.lastStepDate)}` : '',
          i.nextStep ? `${i.nextStep} ${dateFr(i.nextStepDate)}`.trim() : '',
          i.blocked ?? '',
        ]),
      },
      io,
    );
  }
  if (explain) {
    for (const i of r.invoices) {
      out += `\n${i.customer} ${i.number} (${i.entry.source.file}:${i.entry.source.line})\n`;
      for (const line of i.explain) out += `  ${line}\n`;
    }
  }
  return out;
}
