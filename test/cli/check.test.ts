/**
 * End to end: the built CLI (`node bin/dunning.js check`) on files written in a temp folder;
 * stdout, stderr and the exit code are asserted together.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin', 'dunning.js');

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dunning-check-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function run(dir: string, ...args: string[]) {
  const r = spawnSync('node', [bin, 'check', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const INVOICES = 'N° facture;Client;Date;Échéance;Montant TTC;Nom client\nF1;C1;01/10/2026;31/10/2026;1 200,00;ACME\nF2;C1;2026-10-05;;350,50;ACME\nA1;C2;2026-10-06;;-50,00;Bidule\n';
const PAYMENTS = 'Référence;Client;Date;Montant;Libellé;Facture\nP1;C1;2026-10-20;1200,00;"Virement ""F1""; merci";F1\nP2;C2;2026-10-21;10,00;;\n';

const FEC_HEAD = 'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';
const fecLine = (j: string, num: string, date: string, account: string, aux: string, name: string, ref: string, debit: string, credit: string) =>
  [j, j === 'VT' ? 'Ventes' : 'Banque', num, date, account, 'x', aux, name, ref, date, `Lib ${ref}`, debit, credit, '', '', date, '', ''].join('\t');
const FEC = [
  FEC_HEAD,
  fecLine('VT', '1', '20260110', '411000', 'C1', 'ACME', 'F1', '120,00', '0,00'),
  fecLine('VT', '1', '20260110', '706000', '', '', 'F1', '0,00', '120,00'),
  fecLine('BQ', '2', '20260120', '512000', '', '', 'VIR1', '100,00', '0,00'),
  fecLine('BQ', '2', '20260120', '411000', 'C1', 'ACME', 'VIR1', '0,00', '100,00'),
].join('\n') + '\n';

describe('dunning check', () => {
  it('ties out a FEC', () => {
    const dir = workspace({ 'FEC.txt': FEC });
    const r = run(dir, '--fec', 'FEC.txt', '--format', 'csv');
    expect([r.code, r.stderr, r.stdout]).toEqual([0, 'dunning check: no problems found\n', 'customer,name,lines,debit,credit,balance\nC1,ACME,2,120.00,100.00,20.00\n,TOTAL,2,120.00,100.00,20.00\n']);
  });

  it('refuses a FEC together with invoices or payments CSVs, naming the flags', () => {
    const dir = workspace({ 'FEC.txt': FEC, 'inv.csv': INVOICES });
    const r = run(dir, '--fec', 'FEC.txt', '--invoices', 'inv.csv', '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      'error: both --fec FEC.txt and --invoices inv.csv were given: the FEC already holds the invoices and payments, so reading both would count them twice; give either --fec or the CSV files (customers may come with either)',
    );
    expect(JSON.parse(r.stdout).problems[0]).toMatchObject({ severity: 'error', file: null, line: null, field: null });
  });

  it('exits 0 on clean input and prints the tie-out table', () => {
    const dir = workspace({ 'inv.csv': INVOICES, 'pay.csv': PAYMENTS });
    const r = run(dir, '--invoices', 'inv.csv', '--payments', 'pay.csv');
    expect(r.stderr).toBe('dunning check: no problems found\n');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('│'));
    expect(lines.map((l) => l.split('│').slice(1, -1).map((c) => c.trim()))).toEqual([
      ['Client', 'Nom', 'Lignes', 'Débit', 'Crédit', 'Solde'],
      ['C1', 'ACME', '3', '1\u00a0550,50\u00a0€', '1\u00a0200,00\u00a0€', '350,50\u00a0€'],
      ['C2', 'Bidule', '2', '0,00\u00a0€', '60,00\u00a0€', '-60,00\u00a0€'],
      ['Total', '', '5', '1\u00a0550,50\u00a0€', '1\u00a0260,00\u00a0€', '290,50\u00a0€'],
    ]);
  });

  it('prints JSON with problems, customers and totals', () => {
    const dir = workspace({ 'inv.csv': INVOICES, 'pay.csv': PAYMENTS, 'cust.csv': 'Code;Nom\nC1;ACME SA\n' });
    const r = run(dir, '--invoices', 'inv.csv', '--payments', 'pay.csv', '--customers', 'cust.csv', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      problems: [
        {
          severity: 'warning',
          file: 'inv.csv',
          line: 4,
          field: 'customer',
          message: 'found "C2", expected a customer listed in cust.csv (a default customer is used: terms from the config, letters in French)',
        },
      ],
      customers: [
        { id: 'C1', name: 'ACME SA', lines: 3, debit: '1550.50', credit: '1200.00', balance: '350.50' },
        { id: 'C2', name: 'Bidule', lines: 2, debit: '0.00', credit: '60.00', balance: '-60.00' },
      ],
      totals: { lines: 5, debit: '1550.50', credit: '1260.00', balance: '290.50' },
    });
    expect(r.stderr).toBe(
      'inv.csv:4: warning: customer: found "C2", expected a customer listed in cust.csv (a default customer is used: terms from the config, letters in French)\n' +
        'dunning check: 0 errors, 1 warning\n',
    );
  });

  it('prints CSV with a total row', () => {
    const dir = workspace({ 'inv.csv': INVOICES, 'pay.csv': PAYMENTS });
    const r = run(dir, '--invoices', 'inv.csv', '--payments', 'pay.csv', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('customer,name,lines,debit,credit,balance\nC1,ACME,3,1550.50,1200.00,350.50\nC2,Bidule,2,0.00,60.00,-60.00\n,TOTAL,5,1550.50,1260.00,290.50\n');
  });

  it('exits 2 listing every problem, sorted by file and line, and still prints the tie-out', () => {
    const dir = workspace({
      'inv.csv': INVOICES + 'F1;C1;2026-10-07;;1.234;ACME\nF3;C1;32/10/2026;;12.34.56;ACME\n',
      'pay.csv': PAYMENTS + 'P3;C9;2026-10-22;5,00;;\nP4;C2;2026-10-22;5,00;;F1\n',
    });
    const r = run(dir, '--payments', 'pay.csv', '--invoices', 'inv.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'inv.csv:5: error: number: found "F1", expected an invoice number not already used for customer C1 (it is on line 2)',
        'inv.csv:6: error: date: found "32/10/2026", expected a date YYYY-MM-DD or DD/MM/YYYY',
        'inv.csv:6: error: amount: found "12.34.56", expected an amount like 1234,50 or 1 234,50',
        'pay.csv:4: error: customer: found "C9", expected a customer known from inv.csv',
        'pay.csv:5: error: invoice: found "F1", expected an invoice of customer C2 in inv.csv (it is an invoice of C1)',
        'dunning check: 5 errors, 0 warnings',
        '',
      ].join('\n'),
    );
    expect(r.stdout).toContain('Total');
  });

  it('stops on an ambiguous amount with the config setting to use', () => {
    const dir = workspace({ 'inv.csv': 'number,customer,date,amount\nF1,C1,2026-01-02,1.234\n' });
    const r = run(dir, '--invoices', 'inv.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'inv.csv:2: error: amount: found "1.234", expected an amount that reads one way only ("." could be a decimal point or a thousands separator); set "csv": {"decimal": "comma"} or {"decimal": "dot"} in the config\n',
    );
    writeFileSync(path.join(dir, 'dunning.config.json'), JSON.stringify({ csv: { decimal: 'dot' }, inputs: { invoices: 'inv.csv' } }));
    const again = run(dir, '--format', 'csv');
    expect(again.stderr).toContain('inv.csv:2: error: amount: found "1.234", expected an amount with at most two decimals');
    writeFileSync(path.join(dir, 'dunning.config.json'), JSON.stringify({ csv: { decimal: 'comma' }, inputs: { invoices: 'inv.csv' } }));
    const fixed = run(dir, '--format', 'csv');
    expect([fixed.code, fixed.stderr, fixed.stdout]).toEqual([0, 'dunning check: no problems found\n', 'customer,name,lines,debit,credit,balance\nC1,C1,1,1234.00,0.00,1234.00\n,TOTAL,1,1234.00,0.00,1234.00\n']);
  });

  it('reports a missing file by name with exit 2', () => {
    const dir = workspace({ 'inv.csv': INVOICES });
    const r = run(dir, '--invoices', 'inv.csv', '--payments', 'nope.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('nope.csv:0: error: file not found\ndunning check: 1 error, 0 warnings\n');
  });

  it('exits 2 without any input', () => {
    const r = run(workspace({}));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('dunning: no input: give --fec FILE, or --invoices and --payments (and --customers), or set "inputs" in dunning.config.json\n');
  });

  it('exits 2 on a config that fails its schema, naming the key path', () => {
    const dir = workspace({ 'inv.csv': INVOICES, 'bad.json': JSON.stringify({ csv: { decimals: 'comma' } }) });
    const r = run(dir, '--invoices', 'inv.csv', '--config', 'bad.json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('csv: unknown key "decimals"');
    expect(r.stderr).toContain('the config does not follow its schema');
  });
});
