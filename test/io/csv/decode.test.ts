import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCsv, decodeCsvBytes } from '../../../src/io/csv/decode.js';
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

describe('mixed and unknown encodings', () => {
  it('a UTF-8 file with one stray Windows-1252 byte: UTF-8 lines as UTF-8, the odd line as Windows-1252, a warning with its line', () => {
    const r = decodeCsv(Buffer.concat([Buffer.from('number;customer\r\nF1;Société\r\n', 'utf8'), bytes('F2;Caf', 0xe9, '\r\n'), Buffer.from('F3;Noël\r\n', 'utf8')]), 'f.csv');
    expect(r.value).toEqual({ text: 'number;customer\r\nF1;Société\r\nF2;Café\r\nF3;Noël\r\n', encoding: 'utf-8' });
    expect(r.problems).toEqual([{ severity: 'warning', source: { file: 'f.csv', line: 3 }, message: 'found byte 0xE9, expected UTF-8 text like the rest of the file: this line is not UTF-8 and was read as Windows-1252; check the text' }]);
  });

  it('counts the odd lines; a whole Windows-1252 file gets no warning', () => {
    const r = decodeCsv(Buffer.concat([Buffer.from('a;é\n', 'utf8'), bytes('b;', 0xe9, '\n', 'c;', 0x80, '\n')]), 'f.csv');
    expect(r.problems).toEqual([expect.objectContaining({ source: { file: 'f.csv', line: 2 }, message: expect.stringContaining('2 lines from this one on are not UTF-8') })]);
    expect(decodeCsv(bytes('a;', 0xe9, '\nb;', 0x80, '\n'), 'f.csv').problems).toEqual([]);
  });

  it('UTF-16, by its BOM (either order) or by its NULs, is one clear error', () => {
    const text = 'number;customer;date;amount\r\nF1;C1;2026-01-02;10,00\r\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    const message = 'file is UTF-16; expected UTF-8 or Windows-1252: re-export it as UTF-8 ("CSV UTF-8" in Excel)';
    for (const b of [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), Buffer.concat([Buffer.from([0xfe, 0xff]), be]), le, be]) {
      expect(decodeCsv(b, 'u.csv')).toEqual({ value: null, problems: [{ severity: 'error', source: { file: 'u.csv', line: 1 }, message }] });
    }
  });

  it('a byte Windows-1252 does not define warns with its line instead of vanishing', () => {
    const r = decodeCsv(bytes('a;b\r\nc;d', 0x81, '\r\ne;f', 0x9d, 0x8d, '\r\n'), 'w.csv');
    expect(r.value?.encoding).toBe('windows-1252');
    expect(r.problems).toEqual([
      { severity: 'warning', source: { file: 'w.csv', line: 2 }, message: 'found byte 0x81, which Windows-1252 does not define, expected UTF-8 or Windows-1252 text: the file may be in another code page; check this line' },
      expect.objectContaining({ source: { file: 'w.csv', line: 3 }, message: expect.stringMatching(/^found byte 0x9D/) }),
    ]);
  });

  it('a UTF-16 invoices file is refused once, not with a missing column per field', async () => {
    const file = path.join(tmp(), 'u.csv');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('number;customer;date;amount\r\nF1;C1;2026-01-02;10,00\r\n', 'utf16le')]));
    const r = await readInvoicesCsv({ path: file, display: 'u.csv' });
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'error', source: { file: 'u.csv', line: 1 }, message: expect.stringMatching(/^file is UTF-16/) })]);
  });

  it('a stray byte in an invoices file is reported with the file and line', async () => {
    const file = path.join(tmp(), 'f.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('number;customer;date;amount;customer_name\nF1;C1;2026-01-02;10,00;Société\n', 'utf8'), bytes('F2;C2;2026-01-02;10,00;Caf', 0xe9, '\n')]));
    const r = await readInvoicesCsv({ path: file, display: 'f.csv' });
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'warning', source: { file: 'f.csv', line: 3 } })]);
    expect(r.value.map((e) => e.customerName)).toEqual(['Société', 'Café']);
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
