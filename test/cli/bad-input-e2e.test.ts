/**
 * End to end: the built CLI on bad FEC input written here. `aging` and `reconcile` stop with
 * exit 2 and the `file:line` message on stderr, print nothing on stdout, and
 * `reconcile --write-fec OUT` writes no OUT. Also the several-years and same-file errors.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDunning } from '../helpers/cli.js';


const dunning = (args: string[], cwd: string) => runDunning(args, cwd);

const HEADER = 'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';
const row = (j: string, n: number, date: string, acc: string, aux: string, ref: string, debit: string, credit: string) =>
  [j, j === 'VT' ? 'Ventes' : j === 'AN' ? 'A nouveaux' : 'Banque', n, date, acc, 'Compte', aux, aux ? `Client ${aux}` : '', ref, date, 'Libellé', debit, credit, '', '', date, '', ''].join('\t');
const fec = (...rows: string[]) => [HEADER, ...rows, ''].join('\r\n');

// Line 3 has an amount with a dot: an error the reader names with its line.
const BAD = fec(
  row('VT', 1, '20260105', '411000', 'C1', 'F1', '120,00', '0,00'),
  row('VT', 1, '20260105', '706000', '', 'F1', '0,00', '120.00'),
  row('BQ', 2, '20260210', '411000', 'C1', 'V1', '0,00', '120,00'),
  row('BQ', 2, '20260210', '512000', '', 'V1', '120,00', '0,00'),
);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dunning-bad-e2e-'));
  writeFileSync(path.join(dir, 'bad.txt'), BAD);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bad FEC input (built CLI)', () => {
  it.each([
    [['aging', '--as-of', '2026-06-30']],
    [['reconcile']],
    [['reconcile', '--format', 'json']],
  ])('%j: exit 2, the file:line message, nothing on stdout', async (args) => {
    const r = await dunning([...args, '--fec', 'bad.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^bad\.txt:3: error: Credit: found "120\.00", expected /m);
    expect(r.stderr).toMatch(/nothing was written\n$/);
  });

  it('reconcile --write-fec OUT on erroneous input writes no OUT (nor a temp file)', async () => {
    const r = await dunning(['reconcile', '--fec', 'bad.txt', '--write-fec', 'out.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(existsSync(path.join(dir, 'out.txt'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('out.txt'))).toEqual([]);
  });

  it('the same FEC given twice: exit 2 naming both, nothing on stdout', async () => {
    writeFileSync(path.join(dir, 'good.txt'), fec(row('VT', 1, '20260105', '411000', 'C1', 'F1', '120,00', '0,00'), row('VT', 1, '20260105', '706000', '', 'F1', '0,00', '120,00')));
    const r = await dunning(['aging', '--as-of', '2026-06-30', '--fec', 'good.txt', '--fec', 'good.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^good\.txt:1: error: found the same file as good\.txt \(--fec given twice\)/m);
  });

  it('two years whose first ends 10 Dec: the restated opening balances are counted once', async () => {
    writeFileSync(path.join(dir, 'y1.txt'), fec(row('VT', 1, '20251210', '411000', 'C1', 'F1', '120,00', '0,00'), row('VT', 1, '20251210', '706000', '', 'F1', '0,00', '120,00')));
    writeFileSync(path.join(dir, 'y2.txt'), fec(row('AN', 1, '20260101', '411000', 'C1', 'F1', '120,00', '0,00'), row('AN', 1, '20260101', '890000', '', 'F1', '0,00', '120,00')));
    const r = await dunning(['check', '--fec', 'y1.txt', '--fec', 'y2.txt', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).totals.balance).toBe('120.00');
  });
});

describe('bad CSV input (built CLI)', () => {
  it('a payments file with a row repeated whole: exit 2 naming both lines, nothing on stdout', async () => {
    writeFileSync(path.join(dir, 'inv.csv'), 'number;customer;date;due_date;amount\nF1;C1;2026-01-05;2026-02-04;100,00\n');
    writeFileSync(path.join(dir, 'pay.csv'), 'id;customer;date;amount\nP1;C1;2026-02-01;10,00\nP1;C1;2026-02-01;10,00\n');
    const r = await dunning(['aging', '--invoices', 'inv.csv', '--payments', 'pay.csv', '--as-of', '2026-06-30'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('pay.csv:3: error: id: found "P1", expected a payment listed once (line 2 has the same customer, id, date, amount and invoice');
  });
});
