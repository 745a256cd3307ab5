/**
 * The reader has two paths (parser.ts): a fast one that checks a clean line in place, and the
 * split path that reads any line and reports its problems. Whatever the file, both must give
 * the same documents, problems and facts: checked on every FEC the project has (real books,
 * the example) and on random files full of the quirks FACTS.md lists.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFec, type FecReadOptions, type FecReadResult } from '../../../src/io/fec/read.js';
import { COLS18, fecText, writeFecFile, type Row } from './fec-builder.js';

const ROOT = resolve(__dirname, '../../..');
const FILES = [
  ...readdirSync(resolve(ROOT, 'test/fixtures/real'))
    .filter((f) => /fec.*\.txt$/i.test(f))
    .map((f) => resolve(ROOT, 'test/fixtures/real', f)),
  ...readdirSync(resolve(ROOT, 'examples/fec')).map((f) => resolve(ROOT, 'examples/fec', f)),
];

async function both(path: string, opts: FecReadOptions = { receivablePrefixes: ['411'] }): Promise<[FecReadResult, FecReadResult]> {
  const file = { path, display: 'x.fec' };
  return [await readFec(file, { ...opts, fastPath: true }), await readFec(file, { ...opts, fastPath: false })];
}

function expectSame([fast, split]: [FecReadResult, FecReadResult]): void {
  expect(fast.entries).toEqual(split.entries);
  expect(fast.problems).toEqual(split.problems);
  expect(fast.lines).toBe(split.lines);
  expect(fast.period).toEqual(split.period);
  expect(fast.encoding).toBe(split.encoding);
  expect(fast.usedLetters).toEqual(split.usedLetters);
}

describe('fast path and split path read alike', () => {
  it.each(FILES)('%s', async (path) => {
    const read = await both(path);
    expect(read[0].entries.length).toBeGreaterThan(0);
    expectSame(read);
  });

  it('on the example with other receivable prefixes and sales journals', async () => {
    const example = FILES.find((f) => f.includes('examples'))!;
    const read = await both(example, { receivablePrefixes: ['4110', '416'], salesJournals: ['BQ'] });
    expect(read[0].entries.length).toBeGreaterThan(0);
    expectSame(read);
  });

  // Field values: mostly clean ones (the fast path's lines), and every quirk the reader meets
  // (padding, signs, bad values), which the fast path must hand to the split path.
  const mostly = <T>(clean: readonly T[], quirks: readonly T[]): fc.Arbitrary<T> =>
    fc.oneof({ arbitrary: fc.constantFrom(...clean), weight: 6 }, { arbitrary: fc.constantFrom(...quirks), weight: 1 });
  const amount = mostly(['120,00', '0,00', '5', '19,9', '0000000120,00', '120,00-', '-120,00', '+5'], ['', ' 12,5 ', '12.50', '12,345', '1,230', '1 200,00', 'abc']);
  const date = mostly(['20260115', '20240229', '20251231'], [' 20260115', '20260115 ', '20260230', '', '2026011', '20230229']);
  const account = mostly(['411000', '411', '4110001', '706000', '512000'], ['41', ' 411000', '411000 ', '41100A', '']);
  const text = mostly(['C001', 'C002', 'Cœur & Fils', 'Société "Les Près"', 'Prix 10 €', 'Ÿvette Šimon', 'ÉLÉ'], ['', ' C003 ', '  ', 'x ']);
  const row: fc.Arbitrary<Row> = fc.record({
    JournalCode: fc.constantFrom('VT', 'BQ', 'AN', 'OD', ''),
    JournalLib: fc.constantFrom('Ventes', 'Banque', 'A nouveaux', 'Opérations diverses'),
    EcritureNum: fc.constantFrom('1', '2', '3', ' 4', ''),
    EcritureDate: date,
    CompteNum: account,
    CompteLib: text,
    CompAuxNum: text,
    CompAuxLib: text,
    PieceRef: text,
    PieceDate: date,
    EcritureLib: text,
    Debit: amount,
    Credit: amount,
    EcritureLet: fc.constantFrom('', 'AA', ' AB ', 'ZZ'),
    DateLet: date,
    ValidDate: date,
    Montantdevise: fc.constantFrom('', '10,00', '1.5'),
    Idevise: fc.constantFrom('', 'EUR', 'USD'),
  });
  const layout = fc.record({
    sep: fc.constantFrom('\t', '|'),
    eol: fc.constantFrom('\n', '\r\n', '\r\r\n', '\r'),
    trailing: fc.boolean(),
    iso: fc.boolean(),
    blankLine: fc.nat(6),
  });

  /** ISO-8859-15 bytes of `s` (latin1 except the 8 characters where they differ). */
  const iso885915 = (s: string): Buffer => {
    const map: Record<string, number> = { '€': 0xa4, 'Š': 0xa6, 'š': 0xa8, 'Ž': 0xb4, 'ž': 0xb8, 'Œ': 0xbc, 'œ': 0xbd, 'Ÿ': 0xbe };
    return Buffer.from([...s].map((ch) => map[ch] ?? ch.charCodeAt(0)));
  };

  it('on random files with every quirk (separators, line ends, encodings, padding, bad values)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), layout, async (rows, l) => {
        const lines = fecText(rows, { columns: COLS18, sep: l.sep, eol: l.eol, trailing: l.trailing }).split(l.eol);
        if (l.blankLine > 0 && l.blankLine < lines.length - 1) lines.splice(l.blankLine, 0, '');
        const content = lines.join(l.eol);
        const path = writeFecFile(l.iso ? iso885915(content) : Buffer.from(content, 'utf8'));
        expectSame(await both(path));
      }),
      { numRuns: 300 },
    );
  });
});
