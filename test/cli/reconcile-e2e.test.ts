/**
 * End to end: the built CLI (`node bin/dunning.js reconcile …`, after `npx tsc -p
 * tsconfig.json`) on a small FEC written here: JSON shape, CSV, table, and --write-fec with
 * its usage errors.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runDunning } from '../helpers/cli.js';


const dunning = (args: string[], cwd: string) => runDunning(args, cwd);

const HEADER = 'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';
const row = (j: string, n: number, date: string, acc: string, aux: string, ref: string, label: string, debit: string, credit: string, let_ = '', dlet = '') =>
  [j, j === 'VT' ? 'Ventes' : 'Banque', n, date, acc, acc.startsWith('411') ? 'Clients' : 'Autre', aux, aux ? `Client ${aux}` : '', ref, date, label, debit, credit, let_, dlet, date, '', ''].join('\t');

// Lines: 2 F1 (C1, lettered AA with line 4), 3 F2 (C1), 4 P1 (C1, AA), 5 P2 names F2, 6 F3 (C2), 7 partial P3 (C2).
const FEC = [
  HEADER,
  row('VT', 1, '20260105', '411000', 'C1', 'F2026-001', 'Facture', '100,00', '0,00', 'AA', '20260210'),
  row('VT', 2, '20260106', '411000', 'C1', 'F2026-002', 'Facture', '250,00', '0,00'),
  row('BQ', 3, '20260210', '411000', 'C1', 'V1', 'VIR CLIENT 1', '0,00', '100,00', 'AA', '20260210'),
  row('BQ', 4, '20260215', '411000', 'C1', 'V2', 'VIR SEPA FACT F2026-002', '0,00', '250,00'),
  row('VT', 5, '20260107', '411000', 'C2', 'F2026-003', 'Facture', '300,00', '0,00'),
  row('BQ', 6, '20260220', '411000', 'C2', 'V3', 'VIR ACOMPTE', '0,00', '120,00'),
  '',
].join('\r\n');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dunning-reconcile-e2e-'));
  writeFileSync(path.join(dir, 'books.txt'), FEC);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dunning reconcile (built CLI)', () => {
  it('--format json prints the contract shape', async () => {
    const r = await dunning(['reconcile', '--fec', 'books.txt', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['allocations', 'open', 'unapplied']);
    expect(doc.allocations).toEqual([
      { customer: 'C1', debit: { ref: 'F2026-001', source: { file: 'books.txt', line: 2 } }, credit: { ref: 'V1', source: { file: 'books.txt', line: 4 }, kind: 'payment' }, amount: '100.00', rule: 'existing' },
      { customer: 'C1', debit: { ref: 'F2026-002', source: { file: 'books.txt', line: 3 } }, credit: { ref: 'V2', source: { file: 'books.txt', line: 5 }, kind: 'payment' }, amount: '250.00', rule: 'reference' },
      { customer: 'C2', debit: { ref: 'F2026-003', source: { file: 'books.txt', line: 6 } }, credit: { ref: 'V3', source: { file: 'books.txt', line: 7 }, kind: 'payment' }, amount: '120.00', rule: 'oldest_first' },
    ]);
    expect(doc.open).toEqual([{ customer: 'C2', ref: 'F2026-003', source: { file: 'books.txt', line: 6 }, date: '2026-01-07', dueDate: '2026-02-06', amount: '300.00', residual: '180.00' }]);
    expect(doc.unapplied).toEqual([]);
  });

  it('--format csv prints one row per allocation', async () => {
    const r = await dunning(['reconcile', '--fec', 'books.txt', '--format', 'csv'], dir);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('customer,debit_ref,debit_file,debit_line,credit_ref,credit_file,credit_line,credit_kind,amount,rule');
    expect(lines[2]).toBe('C1,F2026-002,books.txt,3,V2,books.txt,5,payment,250.00,reference');
    expect(lines).toHaveLength(4);
  });

  it('the table sums up per rule and per customer, in French', async () => {
    const r = await dunning(['reconcile', '--fec', 'books.txt'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/reference\s*│\s*1 │\s*250,00\u00a0€/);
    expect(r.stdout).toMatch(/C2\s*│ Client C2\s*│\s*1 │\s*180,00\u00a0€/);
    // One French term for unapplied credit, as in the aged balance.
    expect(r.stdout).toMatch(/│ Non imputé │/);
    expect(r.stdout).not.toMatch(/affecté/);
  });

  it('--write-fec letters the newly balanced group only, byte for byte elsewhere', async () => {
    const r = await dunning(['reconcile', '--fec', 'books.txt', '--write-fec', 'out.txt', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const out = readFileSync(path.join(dir, 'out.txt'), 'utf8').split('\r\n');
    const input = FEC.split('\r\n');
    expect(out[2]!.split('\t').slice(13, 15)).toEqual(['AB', '20260215']);
    expect(out[4]!.split('\t').slice(13, 15)).toEqual(['AB', '20260215']);
    for (const i of [0, 1, 3, 5, 6, 7]) expect(out[i]).toBe(input[i]);
  });

  it('--write-fec refuses to overwrite its input (exit 2)', async () => {
    const r = await dunning(['reconcile', '--fec', 'books.txt', '--write-fec', 'books.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--write-fec: found "books.txt", the input file itself; expected another path (the input is never overwritten)');
    expect(readFileSync(path.join(dir, 'books.txt'), 'utf8')).toBe(FEC);
  });

  it('--write-fec needs exactly one FEC input (exit 2)', async () => {
    writeFileSync(path.join(dir, 'books2.txt'), FEC);
    const r = await dunning(['reconcile', '--fec', 'books.txt', 'books2.txt', '--write-fec', 'x.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--write-fec: found 2 FEC input(s), expected exactly one --fec file to write again');
    expect(existsSync(path.join(dir, 'x.txt'))).toBe(false);
  });

  it('--write-fec with an empty path is bad usage (exit 2)', async () => {
    const r = await dunning(['reconcile', '--fec', 'books.txt', '--write-fec', ''], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--write-fec: found an empty path, expected the file to write');
  });

  it('--write-fec refuses a FEC that is not a regular file: it is read twice (exit 2)', async () => {
    const r = await dunning(['reconcile', '--fec', '/dev/null', '--write-fec', 'y.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--write-fec: found a pipe or device as the FEC input (/dev/null), expected a regular file');
    expect(existsSync(path.join(dir, 'y.txt'))).toBe(false);
  });
});

describe('a FEC read from a pipe', () => {
  // A shell pipe (`cat f | dunning … --fec /dev/stdin`); Node's own stdin pipe is a socket, which /dev/stdin cannot open.
  const viaPipe = (text: string, ...args: string[]) => {
    writeFileSync(path.join(dir, 'piped.txt'), text);
    const command = `cat piped.txt | "$0" "$@"`;
    return spawnSync('sh', ['-c', command, process.execPath, BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  };

  it('is read like the file (not "empty")', async () => {
    const piped = viaPipe(FEC, 'reconcile', '--fec', '/dev/stdin', '--format', 'json');
    const file = await dunning(['reconcile', '--fec', 'books.txt', '--format', 'json'], dir);
    expect(piped.stderr).toBe(file.stderr.replaceAll('books.txt', '/dev/stdin'));
    expect(piped.status).toBe(0);
    expect(JSON.parse(piped.stdout)).toEqual(JSON.parse(file.stdout.replaceAll('books.txt', '/dev/stdin')));
  });

  it('an empty pipe is an empty FEC (exit 2)', () => {
    const r = viaPipe('', 'check', '--fec', '/dev/stdin');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('/dev/stdin:1: error: found "", expected a FEC: a header line');
  });
});
