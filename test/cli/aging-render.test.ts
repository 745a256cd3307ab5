/**
 * Golden files for the three aging renderers on one fixed report. They are compared byte for
 * byte; after an intended change, rewrite them with
 *   UPDATE_GOLDEN=1 npx vitest run test/cli/aging-render.test.ts
 * and read the diff before committing it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { table } from '../../src/cli/output.js';
import { renderBoxTable } from '../../src/cli/render/box-table.js';
import { agingCsv, agingJson, agingTableSpec } from '../../src/cli/render/aging.js';
import { ageBalances, type AgingReport } from '../../src/ledger/aging.js';
import type { IsoDate } from '../../src/model/types.js';
import { creditItem, customerMap, debitItem, makeCustomer, makeEntries, makeReconciliation } from '../helpers/ledger.js';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'golden', 'aging');

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`${file} is missing: run with UPDATE_GOLDEN=1 to write it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const noColour: CliIo = {
  cwd: '/',
  env: { NO_COLOR: '1' },
  stdout: { write: () => true, isTTY: true },
  stderr: { write: () => true, isTTY: true },
  now: () => new Date(0),
};

/** Three customers: one spread over every bucket, one in credit, one whose name looks like a formula. */
function fixedReport(byInvoice: boolean): AgingReport {
  const [f1, f2, f3, f4, f5, p1, f6, p2, f7] = makeEntries([
    { customer: 'C001', customerName: 'ACME', ref: 'FA-2026-001', amount: 123_456_789, date: '2026-06-01', dueDate: '2026-07-01' },
    { customer: 'C001', customerName: 'ACME', ref: 'FA-2026-014', amount: 50_000, date: '2026-08-20', dueDate: '2026-09-19' },
    { customer: 'C001', customerName: 'ACME', ref: 'FA-2026-020', amount: 120_000, date: '2026-09-15', dueDate: '2026-10-15' },
    { customer: 'C001', customerName: 'ACME', ref: 'FA-2026-031', amount: 9_990, date: '2026-10-10', dueDate: '2026-11-09' },
    { customer: 'C001', customerName: 'ACME', ref: 'FA-2026-042', amount: 30_000, date: '2026-11-20', dueDate: '2026-12-20' },
    { customer: 'C001', customerName: 'ACME', side: 'credit', ref: 'VIR-881', amount: 20_000, date: '2026-11-01' },
    { customer: 'C002', customerName: 'Durand; "Fils"', ref: 'FA-2026-025', amount: 24_000, date: '2026-10-01', dueDate: '2026-10-31' },
    { customer: 'C002', customerName: 'Durand; "Fils"', side: 'credit', ref: 'CHQ-12', amount: 30_000, date: '2026-11-28' },
    { customer: 'C003', customerName: '=HYPERLINK("x")', ref: 'FA-2026-040', amount: 1_500, date: '2026-11-02', dueDate: '2026-11-02' },
  ]);
  const rec = makeReconciliation({
    debits: [debitItem(f1!), debitItem(f2!, { residual: 30_000 }), debitItem(f3!), debitItem(f4!), debitItem(f5!), debitItem(f6!, { residual: 0 }), debitItem(f7!)],
    credits: [creditItem(p1!, 0), creditItem(p2!, 6_000)],
  });
  const customers = customerMap([makeCustomer({ id: 'C001', name: 'ACME SA' })]);
  return ageBalances(rec, customers, { asOf: '2026-11-30' as IsoDate, buckets: [30, 60, 90], basis: 'due', byInvoice });
}

describe('aging renderers (golden files)', () => {
  for (const by of ['customer', 'invoice'] as const) {
    const report = fixedReport(by === 'invoice');
    it(`renders the table by ${by} without colour`, () => {
      const text = renderBoxTable(agingTableSpec(report), false);
      expect(text).toBe(table(agingTableSpec(report), noColour));
      golden(`by-${by}.txt`, text);
    });
    it(`renders CSV by ${by}`, () => golden(`by-${by}.csv`, agingCsv(report)));
    it(`renders JSON by ${by}`, () => golden(`by-${by}.json`, `${JSON.stringify(agingJson(report), null, 2)}\n`));
  }
});

describe('aging renderers (properties the golden files show)', () => {
  it('prints JSON amounts as decimal strings and the contract keys in order', () => {
    const doc = agingJson(fixedReport(true)) as { customers: Record<string, unknown>[]; totals: Record<string, unknown> };
    expect(Object.keys(doc)).toEqual(['asOf', 'currency', 'buckets', 'customers', 'totals']);
    expect(Object.keys(doc.customers[0]!)).toEqual(['id', 'name', 'balance', 'unapplied', 'buckets', 'invoices']);
    expect(doc.totals).toEqual({
      balance: '1236422.79',
      unapplied: '60.00',
      buckets: { not_due: '300.00', '1-30': '114.90', '31-60': '1200.00', '61-90': '300.00', '91+': '1234567.89' },
    });
  });
  it('leaves out invoices when aging by customer', () => {
    const doc = agingJson(fixedReport(false)) as { customers: Record<string, unknown>[] };
    expect(doc.customers.every((c) => !('invoices' in c))).toBe(true);
  });
  it('neutralises a formula in a CSV cell', () => {
    expect(agingCsv(fixedReport(false))).toContain(`C003,"'=HYPERLINK(""x"")"`);
  });
  it('formats the table the French way', () => {
    const text = table(agingTableSpec(fixedReport(false)), noColour);
    expect(text).toContain('1\u00a0234\u00a0567,89\u00a0€');
    expect(text).toContain('Non échu');
  });
});
