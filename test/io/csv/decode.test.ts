import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../src/io/csv/decode.js';
import { readCustomersCsv } from '../../../src/io/csv/customers.js';
import { readInvoicesCsv } from '../../../src/io/csv/invoices.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'dunning-csv-'));
const bytes = (...xs: Array<number | string>) => Buffer.concat(xs.map((x) => (typeof x === 'number' ? Buffer.from([x]) : Buffer.from(x, 'latin1'))));

describe('encoding', () => {
  it('reads UTF-8, with or without a BOM', () => {
    expect(decodeCsvBytes(Buffer.from('Échéance 5 €', 'utf8'))).toEqual({ text: 'Échéance 5 €', encoding: 'utf-8' });
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a;b', 'utf8')]))).toEqual({ text: 'a;b', encoding: 'utf-8' });
  });

  it('reads Windows-1252 when the bytes are not UTF-8 (é is 0xE9, € is 0x80, œ is 0x9C)', () => {
    expect(decodeCsvBytes(bytes('R', 0xe9, 'f ', 0x80, ' C', 0x9c, 'ur'))).toEqual({ text: 'Réf € Cœur', encoding: 'windows-1252' });
  });

  it('follows the config when it forces an encoding', () => {
    expect(decodeCsvBytes(Buffer.from('é', 'utf8'), 'windows-1252').text).toBe('Ã©');
    expect(decodeCsvBytes(bytes(0xe9), 'utf-8').text).toBe('\ufffd');
  });

  it('reads a Windows-1252 invoices file with accented headers and a € amount', async () => {
    const dir = tmp();
    const file = path.join(dir, 'factures.csv');
    writeFileSync(file, bytes('N', 0xb0, ' facture;Client;Date;', 0xc9, 'ch', 0xe9, 'ance;Montant TTC;Raison sociale\r\n', 'F1;C1;02/01/2026;01/02/2026;1 234,50 ', 0x80, ';Soci', 0xe9, 't', 0xe9, ' G', 0xe9, 'n', 0xe9, 'rale\r\n'));
    const r = await readInvoicesCsv({ path: file, display: 'factures.csv' });
    expect(r.problems).toEqual([]);
    expect(r.value[0]).toMatchObject({ ref: 'F1', customerName: 'Société Générale', amount: 123450, date: '2026-01-02', dueDate: '2026-02-01' });
  });

  it('reads a UTF-8 customers file with a BOM', async () => {
    const dir = tmp();
    const file = path.join(dir, 'clients.csv');
    writeFileSync(file, '\uFEFFCode;Nom;Ville\nC1;Étienne & Fils;Besançon\n', 'utf8');
    const r = await readCustomersCsv({ path: file, display: 'clients.csv' });
    expect(r.problems).toEqual([]);
    expect(r.value[0]).toMatchObject({ id: 'C1', name: 'Étienne & Fils', city: 'Besançon' });
  });
});

describe('files', () => {
  it('reports a missing file, naming it', async () => {
    const r = await readInvoicesCsv({ path: path.join(tmp(), 'nope.csv'), display: 'nope.csv' });
    expect(r).toEqual({ value: [], problems: [{ severity: 'error', source: { file: 'nope.csv', line: 0 }, message: 'file not found' }] });
  });

  it('reports a folder given as a file', async () => {
    const dir = tmp();
    const r = await readInvoicesCsv({ path: dir, display: 'dir' });
    expect(r.problems.map((p) => p.message)).toEqual(['is a folder, expected a file']);
  });

  it('reports an empty file, naming it', async () => {
    const dir = tmp();
    const file = path.join(dir, 'empty.csv');
    writeFileSync(file, '');
    const r = await readInvoicesCsv({ path: file, display: 'empty.csv' });
    expect(r.problems).toEqual([{ severity: 'error', source: { file: 'empty.csv', line: 1 }, message: 'the file is empty, expected a header row and data lines' }]);
  });
});
