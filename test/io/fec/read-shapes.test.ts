/** Every FEC shape the law and real exports produce reads to the same entries. */
import { describe, expect, test } from 'vitest';
import { COLS18, errorsOf, fecText, readText, receipt, sale, warningsOf, type Row } from './fec-builder.js';

const iso885915 = (s: string): Buffer => {
  const map: Record<string, number> = { '€': 0xa4, 'œ': 0xbd, 'Œ': 0xbc };
  return Buffer.from([...s].map((ch) => map[ch] ?? ch.charCodeAt(0)));
};

describe('readFec: a plain 18-column tab file', () => {
  test('customer lines become entries; other lines do not', async () => {
    const r = await readText(fecText([...sale({ aux: 'C1', name: 'Client Un', ref: 'F1' }), ...receipt({ aux: 'C1', amount: '120,00' })]));
    expect(r.problems).toEqual([]);
    expect(r.lines).toBe(6);
    expect(r.entries).toHaveLength(2);
    const [inv, pay] = r.entries;
    expect(inv).toEqual({
      id: 'test.fec:2', source: { file: 'test.fec', line: 2 }, customer: 'C1', customerName: 'Client Un',
      account: '411000', kind: 'invoice', side: 'debit', amount: 12000, ref: 'F1', date: '2024-01-10',
      dueDate: null, label: 'Facture F1', journal: 'VT', entryNum: '1', letter: null, letterDate: null,
      explicitInvoice: null, opening: false, currency: 'EUR',
    });
    expect(pay).toMatchObject({ kind: 'payment', side: 'credit', amount: 12000, ref: 'VIR1', date: '2024-01-20', source: { line: 6 } });
    expect(r.period).toEqual({ first: '2024-01-10', last: '2024-01-20' });
  });

  test('without CompAuxNum the account is the customer and CompteLib its name', async () => {
    const rows = sale({}).map((x, i) => (i === 0 ? { ...x, CompteNum: '4110042', CompteLib: 'DUPONT SA', CompAuxNum: '', CompAuxLib: '' } : x));
    const r = await readText(fecText(rows));
    expect(r.entries[0]).toMatchObject({ customer: '4110042', customerName: 'DUPONT SA', account: '4110042' });
  });

  test('PieceDate empty: the document date is EcritureDate', async () => {
    const rows = sale({ date: '20240305' }).map((x) => ({ ...x, PieceDate: '' }));
    const r = await readText(fecText(rows));
    expect(r.entries[0]!.date).toBe('2024-03-05');
  });

  test('lettering code, DateLet, used letters per customer and the currency', async () => {
    const rows: Row[] = [
      ...sale({ aux: 'C1', letter: 'AA' }).map((x, i) => (i === 0 ? { ...x, DateLet: '20240120', Idevise: 'USD', Montantdevise: '130,00' } : x)),
      ...receipt({ aux: 'C1', letter: 'AA' }),
      ...sale({ aux: 'C2', num: '3', letter: 'AB' }),
    ];
    const r = await readText(fecText(rows));
    expect(r.entries.map((e) => [e.customer, e.letter, e.letterDate, e.currency])).toEqual([
      ['C1', 'AA', '2024-01-20', 'USD'], ['C1', 'AA', null, 'EUR'], ['C2', 'AB', null, 'EUR'],
    ]);
    expect(r.usedLetters).toEqual(new Map([['C1', new Set(['AA'])], ['C2', new Set(['AB'])]]));
  });

  test('header names are matched case-insensitively, in any order', async () => {
    const cols = [...COLS18].reverse().map((c) => c.toUpperCase());
    const upper = sale({}).map((x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k.toUpperCase(), v])));
    const r = await readText(fecText(upper, { columns: cols }));
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries[0]).toMatchObject({ customer: 'C1', amount: 12000 });
  });

  test('other receivable prefixes from the options', async () => {
    const rows = [...sale({}), ...sale({ num: '2' }).map((x, i) => (i === 0 ? { ...x, CompteNum: '416000', CompAuxNum: 'C9' } : x))];
    expect((await readText(fecText(rows))).entries).toHaveLength(1);
    expect((await readText(fecText(rows), { receivablePrefixes: ['411', '416'] })).entries.map((e) => e.customer)).toEqual(['C1', 'C9']);
  });
});

describe('readFec: kinds and journals', () => {
  const creditIn = (journal: string, journalLib: string): Row[] => [
    { JournalCode: journal, JournalLib: journalLib, CompteNum: '411000', CompAuxNum: 'C1', Credit: '50,00' },
    { JournalCode: journal, JournalLib: journalLib, CompteNum: '706000', Debit: '50,00' },
  ];

  test('a credit in a sales journal is a credit note, elsewhere a payment', async () => {
    for (const [code, lib, kind] of [['VT', 'Journal', 'credit_note'], ['ve', 'Journal', 'credit_note'], ['AV', 'Avoirs et ventes', 'credit_note'], ['XX', 'VENTES export', 'credit_note'], ['BQ', 'Banque', 'payment'], ['OD', 'Opérations diverses', 'payment']] as const) {
      const r = await readText(fecText(creditIn(code, lib)));
      expect([code, r.entries[0]!.kind]).toEqual([code, kind]);
    }
  });

  test('salesJournals from the config replace the default rule (exact codes, any case)', async () => {
    const opts = { receivablePrefixes: ['411'], salesJournals: ['fa'] };
    expect((await readText(fecText(creditIn('FA', 'Factures')), opts)).entries[0]!.kind).toBe('credit_note');
    expect((await readText(fecText(creditIn('VT', 'Ventes')), opts)).entries[0]!.kind).toBe('payment');
  });

  test('a negative debit flips the side: a debit is always an invoice', async () => {
    const rows: Row[] = [
      { JournalCode: 'BQ', JournalLib: 'Banque', CompteNum: '411000', CompAuxNum: 'C1', Debit: '-30,00' },
      { JournalCode: 'BQ', JournalLib: 'Banque', CompteNum: '512000', Debit: '30,00' },
      { JournalCode: 'BQ', JournalLib: 'Banque', EcritureNum: '2', CompteNum: '411000', CompAuxNum: 'C1', Credit: '-12,00' },
      { JournalCode: 'BQ', JournalLib: 'Banque', EcritureNum: '2', CompteNum: '512000', Credit: '12,00' },
    ];
    const r = await readText(fecText(rows));
    expect(r.entries.map((e) => [e.side, e.kind, e.amount])).toEqual([['credit', 'payment', 3000], ['debit', 'invoice', 1200]]);
  });

  test('opening entries: journal AN, ANO, RAN, ANC, A-NOUVEAUX, OUV or a JournalLib with "nouveau" or "ouverture"', async () => {
    const cases: [string, string, boolean][] = [
      ['AN', 'x', true], ['ano', 'x', true], ['RAN', 'x', true], ['ANC', 'x', true], ['A-NOUVEAUX', 'x', true],
      ['AD', 'A Nouveaux Détaillés', true], ['OD', 'Report à-nouveau', true], ['VT', 'Ventes', false], ['ANX', 'Annexe', false],
      ['OUV', 'x', true], ['BO', "Bilan d'ouverture", true], ['JO', 'Écritures d’OUVERTURE', true], ['OUT', 'Outillage', false],
    ];
    for (const [code, lib, opening] of cases) {
      const r = await readText(fecText(sale({ journal: code, journalLib: lib })));
      expect([code, r.entries[0]!.opening]).toEqual([code, opening]);
    }
  });
});

describe('readFec: separators, encodings, line ends, padding', () => {
  const rows = [...sale({ aux: 'C1', name: 'Société Cœur', ref: 'F1' }), ...receipt({ aux: 'C1' })];

  test('pipe separator', async () => {
    const r = await readText(fecText(rows, { sep: '|' }));
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => e.amount)).toEqual([12000, 12000]);
  });

  test('UTF-8 with a BOM', async () => {
    const r = await readText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fecText(rows))]));
    expect(r.problems).toEqual([]);
    expect(r.entries[0]!.customerName).toBe('Société Cœur');
    expect(r.encoding).toBe('utf-8');
  });

  test('ISO-8859-15: é, œ and € read right (not latin1), no warning', async () => {
    const withEuro = rows.map((x, i) => (i === 0 ? { ...x, EcritureLib: 'Remise 5 € Œuvre' } : x));
    const r = await readText(iso885915(fecText(withEuro)));
    expect(r.problems).toEqual([]);
    expect(r.encoding).toBe('iso-8859-15');
    expect(r.entries[0]).toMatchObject({ customerName: 'Société Cœur', label: 'Remise 5 € Œuvre' });
  });

  test('stray DOS code-page bytes in a UTF-8 file: those lines read as ISO-8859-15, one warning with the first line and the count', async () => {
    const text = fecText([...rows, ...sale({ num: '3', aux: 'C2', name: 'STRAY1' }), ...sale({ num: '4', aux: 'C3', name: 'STRAY2' })]);
    // 0x82 is "é" in the DOS code page 850: invalid UTF-8.
    const bytes = Buffer.from(text.replace('STRAY1', 'CAF\u0001').replace('STRAY2', 'CR\u0001ATION'), 'utf8');
    const patched = Buffer.from(bytes.map((b) => (b === 0x01 ? 0x82 : b)));
    const r = await readText(patched);
    expect(errorsOf(r)).toEqual([]);
    expect(warningsOf(r)).toEqual([
      expect.objectContaining({ source: { file: 'test.fec', line: 7 }, field: 'CompAuxLib', message: expect.stringMatching(/^found "byte 0x82", expected UTF-8 or ISO-8859-15 text: 2 lines/) }),
    ]);
    expect(r.entries.map((e) => e.customerName)).toEqual(['Société Cœur', 'Client Un', 'CAF\u0082', 'CR\u0082ATION']);
  });

  test('a DOS degree sign (0xF8) in an otherwise ASCII file is read and warned about', async () => {
    const bytes = Buffer.from(fecText(sale({ name: 'CREAT# MAQUETTE' })), 'ascii');
    const r = await readText(Buffer.from(bytes.map((b) => (b === 0x23 ? 0xf8 : b))));
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'warning', source: { file: 'test.fec', line: 2 }, field: 'CompAuxLib', message: expect.stringContaining('byte 0xF8') })]);
    expect(r.entries[0]!.customerName).toBe('CREATø MAQUETTE');
  });

  for (const [name, eol] of [['CRLF', '\r\n'], ['CR CR LF', '\r\r\n'], ['CR only', '\r']] as const) {
    test(`${name} line ends: same entries, same line numbers`, async () => {
      const r = await readText(fecText(rows, { eol }));
      expect(r.problems).toEqual([]);
      expect(r.lines).toBe(6);
      expect(r.entries.map((e) => [e.source.line, e.label])).toEqual([[2, 'Facture F1'], [6, 'Virement reçu']]);
    });
  }

  test('no newline after the last line', async () => {
    const r = await readText(fecText(rows).replace(/\n$/, ''));
    expect(r.problems).toEqual([]);
    expect(r.entries).toHaveLength(2);
  });

  test('blank lines are skipped but counted', async () => {
    const text = fecText(rows).replace(/\n/, '\n\n');
    const r = await readText(text);
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => e.source.line)).toEqual([3, 7]);
  });

  test('space-padded fields and zero-padded amounts (pipe, trailing separator)', async () => {
    const pad = (x: Row): Row => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, k === 'Debit' || k === 'Credit' ? (v ?? '0,00').padStart(13, '0') : (v ?? '').padEnd(12, ' ')]));
    const padded = [...sale({ aux: 'C1', letter: 'AA' }), ...receipt({ aux: 'C1', letter: 'AA' })].map((x) => pad({ Debit: '0,00', Credit: '0,00', EcritureLet: '', DateLet: '', ...x }));
    const r = await readText(fecText(padded, { sep: '|', trailing: true }));
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => [e.customer, e.ref, e.amount, e.letter, e.journal, e.letterDate])).toEqual([
      ['C1', 'F1', 12000, 'AA', 'VT', null], ['C1', 'VIR1', 12000, 'AA', 'BQ', null],
    ]);
  });

  test('trailing separator on the header only, or on the lines only', async () => {
    const both = fecText(rows, { trailing: true });
    const headerOnly = both.split('\n').map((l, i) => (i === 0 ? l : l.replace(/\t$/, ''))).join('\n');
    const linesOnly = both.split('\n').map((l, i) => (i === 0 ? l.replace(/\t$/, '') : l)).join('\n');
    for (const text of [both, headerOnly, linesOnly]) {
      const r = await readText(text);
      expect(r.problems).toEqual([]);
      expect(r.entries).toHaveLength(2);
    }
  });

  test('sign first or last', async () => {
    const rr: Row[] = [
      { CompteNum: '411000', CompAuxNum: 'C1', Debit: '123,45-' },
      { CompteNum: '411000', CompAuxNum: 'C2', Debit: '-0,45' },
      { CompteNum: '411000', CompAuxNum: 'C3', Debit: '+124,00' },
      { CompteNum: '706000', Credit: '0,10' },
    ];
    const r = await readText(fecText(rr));
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries.map((e) => [e.customer, e.side, e.amount])).toEqual([['C1', 'credit', 12345], ['C2', 'credit', 45], ['C3', 'debit', 12400]]);
  });

  test('Montant + Sens instead of Debit / Credit (D/C and +1/-1)', async () => {
    const cols = COLS18.flatMap((c) => (c === 'Debit' ? ['Montant'] : c === 'Credit' ? ['Sens'] : [c]));
    const rr: Row[] = [
      { CompteNum: '411000', CompAuxNum: 'C1', Montant: '120,00', Sens: 'D' },
      { CompteNum: '706000', Montant: '120,00', Sens: 'C' },
      { EcritureNum: '2', JournalCode: 'BQ', JournalLib: 'Banque', CompteNum: '411000', CompAuxNum: 'C1', Montant: '100,00', Sens: '-1' },
      { EcritureNum: '2', JournalCode: 'BQ', JournalLib: 'Banque', CompteNum: '512000', Montant: '100,00', Sens: '+1' },
    ];
    const r = await readText(fecText(rr, { columns: cols }));
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => [e.side, e.kind, e.amount])).toEqual([['debit', 'invoice', 12000], ['credit', 'payment', 10000]]);
  });

  test('21 columns (agricultural cash basis) and 22 columns (non-commercial)', async () => {
    const c21 = [...COLS18, 'DateRglt', 'ModeRglt', 'NatOp'];
    const c22 = [...c21, 'IdClient'];
    for (const cols of [c21, c22]) {
      const rr = sale({}).map((x) => ({ ...x, DateRglt: '20240115', ModeRglt: 'VIR', NatOp: '', IdClient: 'X1' }));
      const r = await readText(fecText(rr, { columns: cols, trailing: true }));
      expect(r.problems).toEqual([]);
      expect(r.entries[0]).toMatchObject({ customer: 'C1', amount: 12000 });
    }
  });

  test('a " in a label is just a character: FEC has no quoting', async () => {
    const rr = [...sale({}).map((x, i) => (i === 0 ? { ...x, EcritureLib: '"Facture 12 pouces', CompAuxLib: 'Le "Bon" Client' } : x)), ...receipt({})];
    const r = await readText(fecText(rr));
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => [e.label, e.customerName])).toEqual([['"Facture 12 pouces', 'Le "Bon" Client'], ['Virement reçu', 'Client Un']]);
  });
});
