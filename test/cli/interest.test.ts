/**
 * `dunning interest` run in process (src/cli/main.ts) against CSV books and a journal written
 * to a temporary folder. Figures are worked out in interest-fixtures.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { CUSTOMERS_CSV, EXPECTED_JSON, INVOICES_CSV, JOURNAL_JSONL, PAYMENTS_CSV } from './interest-fixtures.js';

let dir: string;

function run(args: string[], cwd = dir): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    env: { NO_COLOR: '1' },
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    now: () => new Date('2026-03-02T10:00:00'),
  };
  return main(['node', 'dunning', 'interest', ...args], io).then((code) => ({ code, stdout, stderr }));
}

const books = ['--invoices', 'invoices.csv', '--payments', 'payments.csv', '--customers', 'customers.csv', '--journal', 'journal.jsonl'];

function withConfig(name: string, config: unknown): string[] {
  writeFileSync(path.join(dir, name), JSON.stringify(config));
  return [...books, '--config', name];
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dunning-interest-'));
  writeFileSync(path.join(dir, 'invoices.csv'), INVOICES_CSV);
  writeFileSync(path.join(dir, 'payments.csv'), PAYMENTS_CSV);
  writeFileSync(path.join(dir, 'customers.csv'), CUSTOMERS_CSV);
  writeFileSync(path.join(dir, 'journal.jsonl'), JOURNAL_JSONL);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dunning interest: outputs', () => {
  it('prints the contract JSON document', async () => {
    const r = await run([...books, '--as-of', '2026-03-02', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(EXPECTED_JSON);
  });

  it('defaults --as-of to today', async () => {
    const r = await run([...books, '--format', 'json']);
    expect(JSON.parse(r.stdout)).toEqual(EXPECTED_JSON);
  });

  it('prints one CSV row per period and one per indemnity, summing to the total claimed', async () => {
    const r = await run([...books, '--as-of', '2026-03-02', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'customer,number,source,dueDate,paidDate,line,from,to,days,base,rate,amount',
        'B1,F1,invoices.csv:2,2026-01-31,,interest,2026-02-01,2026-03-02,30,1000.00,12.15,9.99',
        'B1,F1,invoices.csv:2,2026-01-31,,indemnity,,,,,,40.00',
        'B1,F2,invoices.csv:3,2026-02-09,2026-02-19,interest,2026-02-10,2026-02-19,10,1200.00,12.15,3.99',
        'B1,F2,invoices.csv:3,2026-02-09,2026-02-19,indemnity,,,,,,40.00',
        // A consumer: interest after the formal notice, no indemnity row.
        'K1,F4,invoices.csv:5,2025-12-31,,interest,2026-02-14,2026-03-02,17,3000.00,2.62,3.66',
        '',
      ].join('\n'),
    );
    const doc = JSON.parse((await run([...books, '--as-of', '2026-03-02', '--format', 'json'])).stdout) as { totals: { interest: string; indemnity: string } };
    const cents = (s: string) => Number(s.replace('.', ''));
    const sum = r.stdout.trim().split('\n').slice(1).reduce((s, l) => s + cents(l.split(',').at(-1)!), 0);
    expect(sum).toBe(cents(doc.totals.interest) + cents(doc.totals.indemnity));
  });

  it('prints a French table, one row per invoice, with totals', async () => {
    const r = await run([...books, '--as-of', '2026-03-02']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const row = (s: string) => lines.find((l) => l.includes(s)) ?? '';
    expect(row('Indemnité')).toMatch(/│ Intérêts │ Indemnité │\s+Total │/);
    expect(row('F1')).toMatch(/B1 ACME SA\s+│ F1\s+│ 31\/01\/2026 │\s+│\s+30 │\s+9,99\s€ │\s+40,00\s€ │\s+49,99\s€ │/);
    expect(row('F2')).toMatch(/│ 09\/02\/2026 │ 19\/02\/2026 │\s+10 │\s+3,99\s€ │\s+40,00\s€ │\s+43,99\s€ │/);
    // A consumer owes no indemnity: a dash.
    expect(row('F4')).toMatch(/K1 Jean Martin .*│\s+17 │\s+3,66\s€ │\s+— │\s+3,66\s€ │/);
    expect(row('Total (')).toMatch(/Total \(3 factures\)(\s+│){4}\s+│\s+17,64\s€ │\s+80,00\s€ │\s+97,64\s€ │/);
  });

  it('lists no consumer interest without a formal notice in the journal', async () => {
    const r = await run([...books.slice(0, -1), 'no-journal.jsonl', '--as-of', '2026-03-02', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as typeof EXPECTED_JSON;
    expect(doc.invoices.map((i) => i.number)).toEqual(['F1', 'F2']);
    expect(doc.totals).toEqual({ interest: '13.98', indemnity: '80.00' });
  });
});

describe('dunning interest: config', () => {
  it('uses a contract rate of at least 3 × the legal rate', async () => {
    // F1 at 12.00: 1000 × 0.12 × 30 / 365 = 9.86301… → 9.86; F2: 1200 × 0.12 × 10 / 365 = 3.94520… → 3.95;
    // F4 (consumer) keeps the legal rate: 3.66.
    const r = await run([...withConfig('contract.json', { interest: { contractRate: '12.00' } }), '--as-of', '2026-03-02', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as typeof EXPECTED_JSON;
    expect(doc.invoices.map((i) => [i.number, i.interest, i.periods[0]!.rate])).toEqual([
      ['F1', '9.86', '12.00'],
      ['F2', '3.95', '12.00'],
      ['F4', '3.66', '2.62'],
    ]);
  });

  it('refuses a contract rate below 3 × the legal rate (exit 2)', async () => {
    const r = await run([...withConfig('low.json', { interest: { contractRate: '5.00' } }), '--as-of', '2026-03-02']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'low.json:0: error: interest.contractRate: found "5.00", expected at least 7.86 for 2026-S1: 3 × the legal interest rate of 2.62 ' +
        '(L441-10 II of the Code de commerce; 2 invoices, first F1 of B1 (invoices.csv:2))\n' +
        'dunning: cannot compute interest: 1 error(s)\n',
    );
  });

  it('stops on a half-year with no known rate, naming it and every field it lacks, in one message (exit 2)', async () => {
    const r = await run([...books, '--as-of', '2026-07-10']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: interest.rates: no rate known for 2026-S2: found none, expected the ECB main refinancing rate in force on 1 July 2026 ' +
        '("ecb": L441-10 late-payment rate, 1 invoice, first F1 of B1 (invoices.csv:2)) ' +
        'and the legal interest rate ("autres cas") for 2026-S2 ' +
        '("legalOther": consumer interest after a formal notice, 1 invoice, first F4 of K1 (invoices.csv:5)); ' +
        'add {"half": "2026-S2", "ecb": "<percent>", "legalOther": "<percent>", "source": "<where it is published>"} under interest.rates in the config\n' +
        'dunning: cannot compute interest: 1 error(s)\n',
    );
  });

  it('with a contract rate and a config entry giving only ecb, asks to complete that entry with legalOther (exit 2)', async () => {
    // The README's old sample config: contractRate plus a 2026-S2 entry with the ECB rate only.
    const config = { interest: { contractRate: '12.00', rates: [{ half: '2026-S2', ecb: '2.15', source: 'test' }] } };
    const r = await run([...withConfig('partial.json', config), '--as-of', '2026-07-10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'partial.json:0: error: interest.rates: no rate known for 2026-S2: found "ecb" only, expected the legal interest rate ("autres cas") for 2026-S2 ' +
        '("legalOther": to check the contract rate against 3 × the legal rate, 1 invoice, first F1 of B1 (invoices.csv:2); ' +
        'consumer interest after a formal notice, 1 invoice, first F4 of K1 (invoices.csv:5)); ' +
        'add "legalOther": "<percent>" to the "2026-S2" entry of interest.rates in the config\n' +
        'dunning: cannot compute interest: 1 error(s)\n',
    );
    const fixed = { interest: { contractRate: '12.00', rates: [{ half: '2026-S2', ecb: '2.15', legalOther: '2.62', source: 'test' }] } };
    expect((await run([...withConfig('fixed.json', fixed), '--as-of', '2026-07-10'])).code).toBe(0);
  });

  it('takes a missing half-year from interest.rates', async () => {
    // F1: 1 Feb..30 Jun = 150 days at 12.15 + 1..10 Jul = 10 days at 12.15 (ECB 2.15 + 10):
    // 1000 × 0.1215 × 160 / 365 = 19440 / 365 = 53.26027… → 53.26.
    const config = { interest: { rates: [{ half: '2026-S2', ecb: '2.15', legalOther: '2.62', source: 'test' }] } };
    const r = await run([...withConfig('rates.json', config), '--as-of', '2026-07-10', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as typeof EXPECTED_JSON;
    expect(doc.invoices[0]).toMatchObject({ number: 'F1', interest: '53.26' });
    expect(doc.invoices[0]!.periods.map((p) => [p.from, p.to, p.days])).toEqual([
      ['2026-02-01', '2026-06-30', 150],
      ['2026-07-01', '2026-07-10', 10],
    ]);
  });

  it('uses the indemnity of the config', async () => {
    const r = await run([...withConfig('indemnity.json', { interest: { indemnity: '45.00' } }), '--as-of', '2026-03-02', '--format', 'json']);
    expect((JSON.parse(r.stdout) as typeof EXPECTED_JSON).totals).toEqual({ interest: '17.64', indemnity: '90.00' });
  });

  it('refuses a bad --as-of', async () => {
    const r = await run([...books, '--as-of', '2026-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dunning: --as-of: found "2026-02-30", expected a day that exists in 2026-02 (found day 30), as a date YYYY-MM-DD\n');
  });
});

describe('dunning interest: journal', () => {
  it('reads the journal beside the config by default', async () => {
    const sub = path.join(dir, 'project');
    mkdirSync(path.join(sub, '.dunning'), { recursive: true });
    for (const [f, t] of [['invoices.csv', INVOICES_CSV], ['payments.csv', PAYMENTS_CSV], ['customers.csv', CUSTOMERS_CSV]] as const) writeFileSync(path.join(sub, f), t);
    writeFileSync(path.join(sub, '.dunning', 'journal.jsonl'), JOURNAL_JSONL);
    writeFileSync(path.join(sub, 'dunning.config.json'), JSON.stringify({ inputs: { invoices: 'invoices.csv', payments: 'payments.csv', customers: 'customers.csv' } }));
    const r = await run(['--as-of', '2026-03-02', '--format', 'json'], sub);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(EXPECTED_JSON);
  });
});
