/**
 * Renderers of the dunning plan (ScanReport): JSON (the contract's shape), CSV (one row per
 * invoice) and the French console table (the day's actions first: the call list with phone
 * and contact, then the letters, then litigation; then the invoices).
 * Pure functions of the report: same report, same bytes.
 */
import { formatDateFr } from '../model/dates.js';
import { formatAmount, formatEuroFr } from '../model/money.js';
import type { StepId } from '../config/schema.js';
import type { BlockReason, ScanAction, ScanInvoice, ScanReport } from '../model/scan.js';
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

/** The block reasons as the French table shows them (JSON and CSV keep the contract's ids). */
export const BLOCK_LABELS_FR: Readonly<Record<BlockReason, string>> = {
  paid: 'payée',
  insolvency: 'procédure collective',
  dispute: 'litige',
  hold: 'suspendue',
  promise: 'promesse de paiement',
  min_amount: 'sous le montant minimum',
};

/** The order of the day: calls first (the morning's call list), then letters, then litigation. */
const GROUPS: readonly { readonly title: string; readonly steps: readonly StepId[] }[] = [
  { title: 'Appels à passer (relance téléphonique)', steps: ['call'] },
  { title: 'Lettres à envoyer', steps: ['reminder', 'registered_reminder', 'formal_notice'] },
  { title: 'Dossiers contentieux à transmettre', steps: ['litigation'] },
];

const byCustomer = (a: ScanAction, b: ScanAction) => (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0);

function actionTable(step: StepId, actions: readonly ScanAction[], customers: ReadonlyMap<string, Customer>, io: CliIo): string {
  const name = (a: ScanAction) => customers.get(a.customer)?.name || a.invoices[0]?.entry.customerName || '';
  const numbers = (a: ScanAction) => a.invoices.map((i) => i.number).join(', ');
  if (step === 'call') {
    return table(
      {
        head: ['Client', 'Nom', 'Factures', 'Montant', 'Téléphone', 'Contact'],
        align: ['left', 'left', 'left', 'right', 'left', 'left'],
        rows: actions.map((a) => {
          const c = customers.get(a.customer);
          return [a.customer, name(a), numbers(a), formatEuroFr(a.amount), c?.phone ?? '', c?.contact ?? ''];
        }),
      },
      io,
    );
  }
  const letters = step !== 'litigation';
  return table(
    {
      head: ['Client', 'Nom', ...(letters ? ['Étape'] : []), 'Factures', 'Montant'],
      align: ['left', 'left', ...(letters ? (['left'] as const) : []), 'left', 'right'],
      rows: actions.map((a) => [a.customer, name(a), ...(letters ? [STEP_LABELS_FR[a.step]] : []), numbers(a), formatEuroFr(a.amount)]),
    },
    io,
  );
}

export function scanTable(r: ScanReport, customers: ReadonlyMap<string, Customer>, io: CliIo, explain: boolean): string {
  let out = '';
  if (r.actions.length === 0) out += `Aucune action le ${formatDateFr(r.asOf)}.\n`;
  else {
    out += `Actions du ${formatDateFr(r.asOf)}\n`;
    for (const g of GROUPS) {
      // One action per customer, so within a group the customer alone orders the rows.
      const actions = r.actions.filter((a) => g.steps.includes(a.step)).sort(byCustomer);
      if (actions.length === 0) continue;
      out += `\n${g.title}\n`;
      out += actionTable(g.steps[0]!, actions, customers, io);
    }
  }
  out += '\n';
  if (r.invoices.length === 0) out += 'Aucune facture en retard.\n';
  else {
    out += 'Factures en retard\n';
    out += table(
      {
        head: ['Client', 'Facture', 'Échéance', 'Jours de retard', 'Reste dû', 'Dernière étape', 'Prochaine étape', 'Blocage'],
        align: ['left', 'left', 'left', 'right', 'right', 'left', 'left', 'left'],
        rows: r.invoices.map((i) => [
          i.customer,
          i.number,
          formatDateFr(i.dueDate),
          String(i.daysLate),
          formatEuroFr(i.residual),
          i.lastStep ? `${STEP_LABELS_FR[i.lastStep]} ${dateFr(i.lastStepDate)}` : '',
          i.nextStep ? `${STEP_LABELS_FR[i.nextStep]} ${dateFr(i.nextStepDate)}`.trim() : '',
          i.blocked ? BLOCK_LABELS_FR[i.blocked] : '',
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
