/** One test per problem the FEC reader reports (DGFiP's errors and alerts, and ours). */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, test } from 'vitest';
import { readFec } from '../../../src/io/fec/read.js';
import { COLS18, errorsOf, fecText, readText, receipt, sale, warningsOf, type Row } from './fec-builder.js';

const at = (line: number) => ({ file: 'test.fec', line });

describe('readFec errors', () => {
  test('a missing required column: file:1, one error per column, naming it', async () => {
    const cols = COLS18.filter((c) => c !== 'DateLet' && c !== 'ValidDate');
    const r = await readText(fecText(sale({}), { columns: cols }));
    expect(errorsOf(r)).toEqual([
      { severity: 'error', source: at(1), field: 'DateLet', message: expect.stringMatching(/^found no "DateLet" column in the header, expected the FEC columns JournalCode, /) },
      { severity: 'error', source: at(1), field: 'ValidDate', message: expect.stringMatching(/^found no "ValidDate" column/) },
    ]);
    // The entries are still read: those columns are not needed for them.
    expect(r.entries).toHaveLength(1);
  });

  test('a header with neither tab nor | stops the reading', async () => {
    const r = await readText('JournalCode;JournalLib;EcritureNum\nVT;Ventes;1\n');
    expect(r.problems).toEqual([
      { severity: 'error', source: at(1), message: expect.stringMatching(/^found "JournalCode;JournalLib;EcritureNum", expected a FEC header line: column names separated by tabs or \|/) },
    ]);
    expect(r.entries).toEqual([]);
  });

  test('without an account or amount column no line is read', async () => {
    const r = await readText(fecText(sale({}), { columns: COLS18.filter((c) => c !== 'CompteNum') }));
    expect(errorsOf(r).map((p) => p.field)).toEqual(['CompteNum']);
    expect(r.entries).toEqual([]);
  });

  test('wrong field count on a line', async () => {
    const text = fecText(sale({})).split('\n').map((l, i) => (i === 2 ? l.split('\t').slice(0, 16).join('\t') : l)).join('\n');
    const r = await readText(text);
    expect(r.problems).toContainEqual({ severity: 'error', source: at(3), message: 'found "16 fields", expected 18 fields, as in the header' });
  });

  for (const field of ['EcritureNum', 'EcritureDate', 'CompteNum', 'CompteLib', 'EcritureLib']) {
    test(`empty mandatory field ${field}`, async () => {
      const rows = sale({}).map((x, i) => (i === 1 ? { ...x, [field]: '  ' } : x));
      const r = await readText(fecText(rows));
      expect(errorsOf(r)).toContainEqual({ severity: 'error', source: at(3), field, message: 'found "", expected a value: this field is mandatory' });
    });
  }

  test('invalid date', async () => {
    const rows = sale({}).map((x, i) => (i === 1 ? { ...x, EcritureDate: '2024-01-10' } : i === 2 ? { ...x, PieceDate: '20240231' } : x));
    const r = await readText(fecText(rows));
    expect(errorsOf(r)).toEqual([
      { severity: 'error', source: at(3), field: 'EcritureDate', message: 'found "2024-01-10", expected a date AAAAMMJJ' },
      { severity: 'error', source: at(4), field: 'PieceDate', message: 'found "20240231", expected a date AAAAMMJJ' },
    ]);
  });

  for (const [what, value] of [['a decimal point', '120.00'], ['a thousands separator', '1 120,00'], ['a dotted thousands separator', '1.120,00'], ['letters', '12O,00'], ['three decimals', '1,205']] as const) {
    test(`invalid amount: ${what}`, async () => {
      const rows = sale({}).map((x, i) => (i === 0 ? { ...x, Debit: value } : x));
      const r = await readText(fecText(rows));
      expect(errorsOf(r)).toEqual([{ severity: 'error', source: at(2), field: 'Debit', message: `found "${value}", expected an amount like 1234,56 (decimal comma, no thousands separator)` }]);
      expect(r.entries).toEqual([]);
    });
  }

  test('an amount past 2^53 cents names the limit; a sign at both ends is a bad amount as before', async () => {
    const rows = sale({}).map((x, i) => (i === 0 ? { ...x, Debit: '90071992547409,93' } : i === 1 ? { ...x, Credit: '-12,50-' } : x));
    const r = await readText(fecText(rows));
    expect(errorsOf(r)).toEqual([
      { severity: 'error', source: at(2), field: 'Debit', message: 'found "90071992547409,93", expected an amount below 90 000 000 000 000,00' },
      { severity: 'error', source: at(3), field: 'Credit', message: 'found "-12,50-", expected an amount like 1234,56 (decimal comma, no thousands separator)' },
    ]);
  });

  test('amounts adding up past 90 000 000 000 000,00: an error on the line that crosses, once', async () => {
    const big = '50000000000000,00';
    const rows = [...sale({ ttc: big, ht: big, tva: '0,00' }), ...receipt({ amount: '1,00' })];
    const r = await readText(fecText(rows));
    expect(errorsOf(r)).toEqual([
      {
        severity: 'error',
        source: at(3),
        field: 'Debit/Credit',
        message: `found "${big}", expected an amount that keeps the total of the books' amounts below 90 000 000 000 000,00 (beyond that, cents cannot be added exactly)`,
      },
    ]);
  });

  test('both Debit/Credit and Montant/Sens in the header: a warning says which pair is read', async () => {
    const cols = [...COLS18, 'Montant', 'Sens'];
    const r = await readText(fecText(sale({}).map((x) => ({ ...x, Montant: '1,00', Sens: 'C' })), { columns: cols }));
    expect(warningsOf(r).filter((p) => p.source?.line === 1)).toEqual([
      { severity: 'warning', source: at(1), message: 'found "Debit, Credit, Montant and Sens", expected either Debit/Credit or Montant/Sens: the amounts are read from Debit/Credit, Montant/Sens are ignored' },
    ]);
    expect(r.entries.map((e) => e.amount)).toEqual([12000]);
  });

  test('bad Sens', async () => {
    const cols = COLS18.flatMap((c) => (c === 'Debit' ? ['Montant'] : c === 'Credit' ? ['Sens'] : [c]));
    const rr: Row[] = [{ CompteNum: '411000', CompAuxNum: 'C1', Montant: '10,00', Sens: 'X' }, { CompteNum: '706000', Montant: '10,00', Sens: 'C' }];
    const r = await readText(fecText(rr, { columns: cols }));
    expect(errorsOf(r)).toEqual([{ severity: 'error', source: at(2), field: 'Sens', message: 'found "X", expected D, C, +1 or -1' }]);
  });

  test('a customer line without a usable date', async () => {
    const rows = sale({}).map((x, i) => (i === 0 ? { ...x, PieceDate: '', EcritureDate: '' } : x));
    const r = await readText(fecText(rows));
    expect(errorsOf(r)).toContainEqual({ severity: 'error', source: at(2), field: 'PieceDate', message: 'found "", expected a PieceDate or an EcritureDate AAAAMMJJ on a customer line' });
    expect(r.entries).toEqual([]);
  });

  test('an empty file (0 bytes)', async () => {
    const r = await readText('');
    expect(r.problems).toEqual([{ severity: 'error', source: at(1), message: expect.stringMatching(/^found "", expected a FEC: a header line .* the file is empty$/) }]);
  });

  test('a file holding only a UTF-8 BOM is empty too, not a FEC without problems', async () => {
    const r = await readText(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(r.problems).toEqual([{ severity: 'error', source: at(1), message: expect.stringMatching(/^found "", expected a FEC: a header line .* the file is empty$/) }]);
  });

  test('no line on a receivable account: a warning naming the prefixes, not a silent empty ledger', async () => {
    const rows = sale({}).map((x) => (x.CompteNum === '411000' ? { ...x, CompteNum: '416000' } : x));
    const r = await readText(fecText(rows));
    expect(r.entries).toEqual([]);
    expect(r.problems).toEqual([
      { severity: 'warning', source: at(1), field: 'CompteNum', message: expect.stringMatching(/^found "no customer line", expected lines on a receivable account \(CompteNum starting with 411\)/) },
    ]);
    // The same file read with the prefix that fits: no warning.
    expect((await readText(fecText(rows), { receivablePrefixes: ['416'] })).problems).toEqual([]);
  });

  test('a header and nothing else', async () => {
    const r = await readText(fecText([]));
    expect(r.problems).toEqual([{ severity: 'error', source: at(1), message: 'found "only the header line", expected FEC entries after the header' }]);
  });

  test('a UTF-16 FEC (BOM either way, or NULs every other byte): one clear error, not a missing column each', async () => {
    const le = Buffer.from(fecText(sale({})), 'utf16le');
    const message = 'file is UTF-16; expected UTF-8 or ISO-8859-15 (the encodings a FEC may use): re-export it as UTF-8 or ISO-8859-15';
    for (const b of [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]), le]) {
      const r = await readText(b);
      expect(r.problems).toEqual([{ severity: 'error', source: at(1), message }]);
      expect(r.entries).toEqual([]);
    }
  });

  test('a NUL byte in a line: an error at its first line, with the count', async () => {
    const lines = fecText(sale({})).split('\n');
    lines[2] = lines[2]!.replace('Prestations', 'Presta\u0000tions');
    lines[3] = lines[3]! + '\u0000';
    const r = await readText(Buffer.from(lines.join('\n'), 'utf8'));
    expect(errorsOf(r)).toEqual([{ severity: 'error', source: at(3), message: 'found a NUL byte (0x00) on this line (and 1 more line), expected text: the file is damaged or not a text export; export the FEC again' }]);
  });

  test('a column named twice (two Debit): an error, not the first one silently', async () => {
    const cols = [...COLS18, 'Debit'];
    const r = await readText(fecText(sale({}), { columns: cols }));
    expect(errorsOf(r)).toEqual([{ severity: 'error', source: at(1), field: 'Debit', message: 'found the column "Debit" 2 times (columns 12 and 19), expected it once: which one holds the value cannot be told; remove the extra one' }]);
  });

  test('a missing file is an error problem, not a crash', async () => {
    const r = await readFec({ path: join(tmpdir(), 'no-such-dunning-fec.txt'), display: 'missing.txt' }, { receivablePrefixes: ['411'] });
    expect(r.problems).toEqual([{ severity: 'error', source: { file: 'missing.txt', line: 1 }, message: 'found "no such file", expected a FEC file to read' }]);
  });

  test('problems are found on every line, not only customer lines', async () => {
    const rows = sale({}).map((x, i) => (i === 2 ? { ...x, ValidDate: '2024011' } : x));
    const r = await readText(fecText(rows));
    expect(errorsOf(r)).toEqual([{ severity: 'error', source: at(4), field: 'ValidDate', message: 'found "2024011", expected a date AAAAMMJJ' }]);
  });
});

describe('readFec warnings', () => {
  test('CompteNum not starting with 3 digits', async () => {
    const rows = sale({}).map((x, i) => (i === 1 ? { ...x, CompteNum: '7A6000' } : x));
    const r = await readText(fecText(rows));
    expect(r.problems).toEqual([{ severity: 'warning', source: at(3), field: 'CompteNum', message: 'found "7A6000", expected an account number starting with 3 digits' }]);
  });

  test('both Debit and Credit set', async () => {
    const rows = sale({}).map((x, i) => (i === 1 ? { ...x, Debit: '10,00', Credit: '110,00' } : x));
    const r = await readText(fecText(rows));
    expect(r.problems).toEqual([{ severity: 'warning', source: at(3), field: 'Debit/Credit', message: 'found "Debit 10,00 and Credit 110,00", expected an amount in only one of them' }]);
  });

  test('neither Debit nor Credit set', async () => {
    const rows = [...sale({}), { CompteNum: '512000', Debit: '', Credit: '' }];
    const r = await readText(fecText(rows));
    expect(r.problems).toEqual([{ severity: 'warning', source: at(5), field: 'Debit/Credit', message: 'found "Debit  and Credit ", expected an amount in one of them (an empty one reads as 0,00)' }]);
  });

  test('an empty Debit or Credit reads as 0', async () => {
    const rows = sale({}).map((x, i) => (i === 1 ? { ...x, Debit: '' } : x));
    const r = await readText(fecText(rows));
    expect(r.problems).toEqual([{ severity: 'warning', source: at(3), field: 'Debit', message: 'found "", expected an amount: read as 0,00' }]);
  });

  test('an entry (JournalCode + EcritureNum) that does not balance', async () => {
    const rows = [...sale({ tva: '19,00' }), ...receipt({ num: '2' })];
    const r = await readText(fecText(rows));
    expect(r.problems).toEqual([{ severity: 'warning', source: at(2), field: 'EcritureNum', message: 'found "1,00", expected entry VT 1 to balance: debits minus credits equal to 0,00' }]);
  });

  test('an entry split over non-adjacent lines is summed whole', async () => {
    const [a, b, c] = sale({});
    const r = await readText(fecText([a!, ...receipt({ num: '2' }), b!, c!]));
    expect(r.problems).toEqual([]);
  });

  test('a zero-amount customer line makes no document', async () => {
    const rows: Row[] = [{ CompteNum: '411000', CompAuxNum: 'C1', Debit: '10,00', Credit: '10,00' }, ...receipt({})];
    const r = await readText(fecText(rows));
    expect(r.entries.map((e) => e.source.line)).toEqual([4]);
    expect(warningsOf(r)).toContainEqual({ severity: 'warning', source: at(2), message: 'found "0,00", expected a debit or a credit on a customer line: no document is made from it' });
  });
});

describe('readFec caps each kind of problem', () => {
  test('120 bad dates: the first 50 listed, then one summary with the total', async () => {
    const rows: Row[] = [];
    for (let i = 0; i < 60; i++) rows.push(...receipt({ num: String(i), date: '2024-01-20' }));
    const r = await readText(fecText(rows));
    const dates = r.problems.filter((p) => p.field === 'EcritureDate');
    expect(dates).toHaveLength(51);
    expect(dates[49]!.source).toEqual(at(51));
    expect(dates[50]).toEqual({
      severity: 'error', source: at(52), field: 'EcritureDate',
      message: 'found this problem on 120 lines in all, 70 more from this line on; only the first 50 are listed',
    });
    // PieceDate is capped on its own, and the customer lines without a date too.
    expect(r.problems.filter((p) => p.field === 'PieceDate')).toHaveLength(51 + 50 + 1);
  });
});
