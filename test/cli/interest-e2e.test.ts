/**
 * End to end: the built CLI (`node bin/dunning.js interest …`, after `npx tsc -p tsconfig.json`,
 * which `npm test` runs first) on CSV books and a journal. Figures: interest-fixtures.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDunning } from '../helpers/cli.js';
import { parseAmount } from '../../src/model/money.js';
import { CUSTOMERS_CSV, EXPECTED_JSON, INVOICES_CSV, JOURNAL_JSONL, PAYMENTS_CSV } from './interest-fixtures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const dunning = (args: string[], cwd: string) => runDunning(args, cwd);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dunning-interest-e2e-'));
  writeFileSync(path.join(dir, 'invoices.csv'), INVOICES_CSV);
  writeFileSync(path.join(dir, 'payments.csv'), PAYMENTS_CSV);
  writeFileSync(path.join(dir, 'customers.csv'), CUSTOMERS_CSV);
  writeFileSync(path.join(dir, 'journal.jsonl'), JOURNAL_JSONL);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const args = ['interest', '--invoices', 'invoices.csv', '--payments', 'payments.csv', '--customers', 'customers.csv', '--journal', 'journal.jsonl'];

describe('dunning interest, built CLI', () => {
  it('prints one JSON document', async () => {
    const r = await dunning([...args, '--as-of', '2026-03-02', '--format', 'json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(EXPECTED_JSON);
  });

  it('exits 2 naming an unknown half-year, with nothing on stdout', async () => {
    const r = await dunning([...args, '--as-of', '2026-07-10', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no rate known for 2026-S2/);
    expect(r.stderr).toMatch(/under interest\.rates in the config/);
  });

  it('computes on a real FEC (neolegal-fr, fiscal year to 2022-08-31)', async () => {
    const fec = path.join(ROOT, 'test', 'fixtures', 'real', '0000000001FEC20220831.txt');
    const r = await dunning(['interest', '--fec', fec, '--as-of', '2022-08-31', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    interface Doc {
      invoices: { customer: string; number: string; paidDate: string | null; interest: string; indemnity: string; periods: { days: number; base: string; rate: string; interest: string }[] }[];
      totals: { interest: string; indemnity: string };
    }
    const doc = JSON.parse(r.stdout) as Doc;
    const cents = (s: string): number => {
      const p = parseAmount(s, 'dot');
      if (!p.ok) throw new Error(`not an amount: ${s}`);
      return p.cents;
    };
    expect(doc.invoices.length).toBeGreaterThan(0);
    expect(doc.invoices.reduce((t, i) => t + cents(i.interest), 0)).toBe(cents(doc.totals.interest));
    expect(cents(doc.totals.indemnity)).toBe(4000 * doc.invoices.length);
    for (const i of doc.invoices) expect(i.periods.reduce((t, p) => t + cents(p.interest), 0)).toBe(cents(i.interest));
    // FA 220107 of CCALIX: 453,60 due 2021-12-30 (date + 30 days), paid 2022-01-28:
    // 31 Dec (2021-S2, 10.00) + 1..28 Jan (2022-S1, 10.00) = 29 days:
    // 453.60 × 0.10 × 29 / 365 = 1315.44 / 365 = 3.60394… → 3.60; periods 0.12 + 3.48
    // (floors 0.12 + 3.47, the cent to the larger remainder 0.0097 > 0.0043).
    const inv = doc.invoices.find((i) => i.customer === 'CCALIX' && i.number === 'FA  220107')!;
    expect(inv).toMatchObject({ paidDate: '2022-01-28', interest: '3.60', indemnity: '40.00' });
    expect(inv.periods.map((p) => [p.days, p.base, p.rate, p.interest])).toEqual([
      [1, '453.60', '10.00', '0.12'],
      [28, '453.60', '10.00', '3.48'],
    ]);
  });
});
