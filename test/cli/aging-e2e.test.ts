/**
 * End to end: the built CLI (`node bin/dunning.js aging …`, after `npx tsc -p tsconfig.json`,
 * which `npm test` runs first) on CSV books and on a real FEC.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDunning } from '../helpers/cli.js';
import { INVOICES_CSV, PAYMENTS_CSV } from './aging-fixtures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const dunning = (args: string[], cwd: string) => runDunning(args, cwd);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dunning-aging-e2e-'));
  writeFileSync(path.join(dir, 'invoices.csv'), INVOICES_CSV);
  writeFileSync(path.join(dir, 'payments.csv'), PAYMENTS_CSV);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface AgingDoc {
  asOf: string;
  currency: string;
  buckets: string[];
  customers: { id: string; balance: string; unapplied: string }[];
  totals: { balance: string; unapplied: string; buckets: Record<string, string> };
}

describe('dunning aging, built CLI', () => {
  it('prints one JSON document for CSV books as of 2026-11-30', async () => {
    const r = await dunning(['aging', '--invoices', 'invoices.csv', '--payments', 'payments.csv', '--as-of', '2026-11-30', '--format', 'json'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as AgingDoc;
    expect(doc).toMatchObject({ asOf: '2026-11-30', currency: 'EUR', buckets: ['not_due', '1-30', '31-60', '61-90', '91+'] });
    expect(doc.totals).toEqual({
      balance: '1600.00',
      unapplied: '200.00',
      buckets: { not_due: '300.00', '1-30': '300.00', '31-60': '0.00', '61-90': '0.00', '91+': '1200.00' },
    });
  });

  it('exits 2 on bad --buckets, with nothing on stdout', async () => {
    const r = await dunning(['aging', '--invoices', 'invoices.csv', '--payments', 'payments.csv', '--buckets', '60,30'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--buckets: found "60,30"');
  });

  it('ages a real FEC: the totals equal the 411 balance at the closing date', async () => {
    const fec = path.join('test', 'fixtures', 'real', '0000000001FEC20220831.txt');
    const r = await dunning(['aging', '--fec', fec, '--as-of', '2022-08-31', '--format', 'json'], ROOT);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/error/);
    const doc = JSON.parse(r.stdout) as AgingDoc;
    expect(doc.totals.balance).toBe('52517.24');
    const sum = doc.customers.reduce((t, c) => t + BigInt(c.balance.replace('.', '')), 0n);
    expect(sum).toBe(5251724n);
  });
});
