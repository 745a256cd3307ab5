/**
 * `dunning aging` run in process (src/cli/main.ts) against CSV books written to a temporary
 * folder: flag errors (one test per message), defaults from the config, and the three formats.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { INVOICES_CSV, PAYMENTS_CSV } from './aging-fixtures.js';

let dir: string;

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd: dir,
    env: { NO_COLOR: '1', ...env },
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    now: () => new Date('2026-11-30T10:00:00'),
  };
  return main(['node', 'dunning', 'aging', ...args], io).then((code) => ({ code, stdout, stderr }));
}

const books = ['--invoices', 'invoices.csv', '--payments', 'payments.csv'];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dunning-aging-'));
  writeFileSync(path.join(dir, 'invoices.csv'), INVOICES_CSV);
  writeFileSync(path.join(dir, 'payments.csv'), PAYMENTS_CSV);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dunning aging: bad flags (exit 2, the message names the flag)', () => {
  it('refuses a bad --as-of', async () => {
    const r = await run([...books, '--as-of', '2026-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dunning: --as-of: found "2026-02-30", expected a day that exists in 2026-02 (found day 30), as a date YYYY-MM-DD\n');
    expect(r.stdout).toBe('');
  });
  it.each([
    ['9999-12-31', 'a year between 1900 and 2099 (the year 9999 is out of range), as a date YYYY-MM-DD'],
    ['2026-13-01', 'a month 01 to 12 (found month 13), as a date YYYY-MM-DD'],
    ['31/12/2026', 'a date YYYY-MM-DD'],
  ])('says what is wrong with --as-of %s', async (value, expected) => {
    const r = await run([...books, '--as-of', value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`dunning: --as-of: found ${JSON.stringify(value)}, expected ${expected}\n`);
  });
  it.each(['30,20', '30,30', '0,30', '-30', '30,abc', '30.5', '', '30,,60'])('refuses --buckets %j', async (value) => {
    const r = await run([...books, '--buckets', value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`dunning: --buckets: found ${JSON.stringify(value)}, expected strictly increasing positive whole numbers of days, like 30,60,90\n`);
  });
  it('refuses a bad --basis', async () => {
    const r = await run([...books, '--basis', 'paid']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dunning: --basis: found "paid", expected "due" or "issue"\n');
  });
  it('refuses a bad --by', async () => {
    const r = await run([...books, '--by', 'month']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dunning: --by: found "month", expected "customer" or "invoice"\n');
  });
  it('refuses buckets from the config that do not increase', async () => {
    writeFileSync(path.join(dir, 'bad-buckets.json'), JSON.stringify({ aging: { buckets: [60, 30] } }));
    const r = await run([...books, '--config', 'bad-buckets.json']);
    expect(r.code).toBe(2);
    const file = path.join(dir, 'bad-buckets.json');
    expect(r.stderr).toBe(`dunning: ${file}: aging.buckets: found "60,30", expected strictly increasing positive whole numbers of days, like 30,60,90\n`);
  });
});

interface AgingDoc {
  asOf: string;
  buckets: string[];
  customers: { id: string; name: string; balance: string; unapplied: string; buckets: Record<string, string>; invoices?: { number: string; bucket: string; residual: string; daysLate: number }[] }[];
  totals: { balance: string; unapplied: string; buckets: Record<string, string> };
}

describe('dunning aging on CSV books', () => {
  it('ages as of a date, leaving out later payments', async () => {
    const r = await run([...books, '--as-of', '2026-11-30', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as AgingDoc;
    expect(doc.asOf).toBe('2026-11-30');
    expect(doc.totals).toEqual({
      balance: '1600.00',
      unapplied: '200.00',
      buckets: { not_due: '300.00', '1-30': '300.00', '31-60': '0.00', '61-90': '0.00', '91+': '1200.00' },
    });
    expect(doc.customers.map((c) => [c.id, c.name, c.balance, c.unapplied])).toEqual([
      ['C001', 'ACME SA', '1800.00', '0.00'],
      ['C002', 'Durand SARL', '-200.00', '200.00'],
    ]);
  });

  it('counts the payment once the as-of date reaches it', async () => {
    const r = await run([...books, '--as-of', '2026-12-31', '--format', 'json', '--by', 'invoice']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as AgingDoc;
    expect(doc.totals.balance).toBe('400.00');
    expect(doc.customers[0]!.invoices!.map((i) => [i.number, i.bucket, i.residual, i.daysLate])).toEqual([
      ['F2', '61-90', '300.00', 61],
      ['F3', '1-30', '300.00', 11],
    ]);
  });

  it('defaults --as-of to today and the buckets and basis to the config', async () => {
    writeFileSync(path.join(dir, 'conf.json'), JSON.stringify({ aging: { buckets: [45], basis: 'issue' } }));
    const r = await run([...books, '--config', 'conf.json', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as AgingDoc;
    expect(doc.asOf).toBe('2026-11-30');
    expect(doc.buckets).toEqual(['0-45', '46+']);
    // F1 (issued 2026-08-01) is 121 days old, F2 (2026-10-01, 300.00 left) 60; F3 (2026-11-20) 10.
    expect(doc.totals.buckets).toEqual({ '0-45': '300.00', '46+': '1500.00' });
  });

  it('lets the flags override the config', async () => {
    writeFileSync(path.join(dir, 'conf2.json'), JSON.stringify({ aging: { buckets: [45], basis: 'issue' } }));
    const r = await run([...books, '--config', 'conf2.json', '--buckets', '30,60,90', '--basis', 'due', '--as-of', '2026-11-30', '--format', 'json']);
    expect((JSON.parse(r.stdout) as AgingDoc).buckets).toEqual(['not_due', '1-30', '31-60', '61-90', '91+']);
  });

  it('writes CSV with a header and a TOTAL row', async () => {
    const r = await run([...books, '--as-of', '2026-11-30', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'customer,name,not_due,1-30,31-60,61-90,91+,unapplied,balance',
        'C001,ACME SA,300.00,300.00,0.00,0.00,1200.00,0.00,1800.00',
        'C002,Durand SARL,0.00,0.00,0.00,0.00,0.00,200.00,-200.00',
        'TOTAL,,300.00,300.00,0.00,0.00,1200.00,200.00,1600.00',
        '',
      ].join('\n'),
    );
  });

  it('prints a French table by default', async () => {
    const r = await run([...books, '--as-of', '2026-11-30']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1\u00a0200,00\u00a0€');
    expect(r.stdout).toMatch(/TOTAL.*1\u00a0600,00\u00a0€/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('shows invoice rows with French dates with --by invoice', async () => {
    const r = await run([...books, '--as-of', '2026-11-30', '--by', 'invoice']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/F1 .*01\/08\/2026.*31\/08\/2026.* 91 /);
  });
});
