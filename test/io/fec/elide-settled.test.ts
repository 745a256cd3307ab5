/**
 * `aging` reads a single FEC with elision (FecReadOptions.elideSettledBy): the lines of a
 * lettering group that nets to 0 with every line dated on or before the as-of date make no
 * entry. That must change nothing `aging` shows: checked here on every FEC the project has and
 * on random ledgers, every format, both levels and both bases, with and without elision; the
 * problems and the customers (names, first-line warnings) must be the same too.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderBoxTable } from '../../../src/cli/render/box-table.js';
import { agingCsv, agingJson, agingTableSpec } from '../../../src/cli/render/aging.js';
import { json } from '../../../src/cli/output.js';
import { loadConfig, type Config } from '../../../src/config/load.js';
import { loadBooks, type InputFiles } from '../../../src/io/books.js';
import { readFec } from '../../../src/io/fec/read.js';
import { ageBalances } from '../../../src/ledger/aging.js';
import { reconcileAsOf } from '../../../src/ledger/as-of.js';
import type { IsoDate } from '../../../src/model/types.js';
import { COLS18, fecText, writeFecFile, type Row } from './fec-builder.js';

const ROOT = resolve(__dirname, '../../..');
const REAL = readdirSync(resolve(ROOT, 'test/fixtures/real'))
  .filter((f) => /fec.*\.txt$/i.test(f))
  .map((f) => resolve(ROOT, 'test/fixtures/real', f));
const EXAMPLE_DIR = resolve(ROOT, 'examples');
const DEFAULTS = loadConfig(undefined, mkdtempSync(join(tmpdir(), 'dunning-noconfig-')));

/** Everything `aging` prints for these books, for every format, level and basis; plus what the books say. */
async function agingOutputs(files: InputFiles, config: Config, asOf: IsoDate, elide: boolean) {
  const { value: books, problems } = await loadBooks(files, config, elide ? { elideSettledBy: asOf } : {});
  const rec = reconcileAsOf(books, config, asOf);
  const outputs: string[] = [];
  for (const basis of ['due', 'issue'] as const) {
    for (const byInvoice of [false, true]) {
      const report = ageBalances(rec, books.customers, { asOf, buckets: config.aging.buckets, basis, byInvoice });
      outputs.push(json(agingJson(report)), agingCsv(report), renderBoxTable(agingTableSpec(report), false));
    }
  }
  return { entries: books.entries.length, problems, customers: [...books.customers.entries()], outputs };
}

async function expectSameAging(files: InputFiles, config: Config, asOf: IsoDate): Promise<{ full: number; elided: number }> {
  const full = await agingOutputs(files, config, asOf, false);
  const elided = await agingOutputs(files, config, asOf, true);
  expect(elided.problems).toEqual(full.problems);
  expect(elided.customers).toEqual(full.customers);
  for (let i = 0; i < full.outputs.length; i++) expect(elided.outputs[i]).toBe(full.outputs[i]);
  // What the reader returns beside the entries is the same too.
  const file = files.fec[0]!;
  const opts = { receivablePrefixes: config.receivablePrefixes, salesJournals: config.salesJournals };
  const a = await readFec(file, opts);
  const b = await readFec(file, { ...opts, elideSettledBy: asOf });
  expect([...b.usedLetters].map(([k, v]) => [k, [...v]])).toEqual([...a.usedLetters].map(([k, v]) => [k, [...v]]));
  expect(b.problems).toEqual(a.problems);
  expect([b.lines, b.period, b.encoding]).toEqual([a.lines, a.period, a.encoding]);
  return { full: full.entries, elided: elided.entries };
}

describe('aging with elision of self-settling lettering groups: the same report', () => {
  const realElided = new Set<string>();
  it.each(REAL)('%s, as of several dates', async (path) => {
    const files: InputFiles = { fec: [{ path, display: 'real.fec' }] };
    const read = await readFec(files.fec[0]!, { receivablePrefixes: DEFAULTS.receivablePrefixes });
    const last = read.period!.last;
    const mid = `${read.period!.first.slice(0, 4)}-06-30` as IsoDate;
    for (const asOf of [last, mid, read.period!.first, '2030-01-01' as IsoDate]) {
      const n = await expectSameAging(files, DEFAULTS, asOf);
      if (n.elided < n.full) realElided.add(path);
    }
  });

  it('elision did happen on the real books with lettered customer groups', () => {
    // 000000000FEC20231231.txt letters only supplier lines and unbalanced customer groups.
    expect(realElided.size).toBeGreaterThanOrEqual(2);
  });

  it('the example FEC with its config and customers file', async () => {
    const config = loadConfig('dunning.config.json', EXAMPLE_DIR);
    const fecDir = resolve(EXAMPLE_DIR, 'fec');
    const fec = readdirSync(fecDir).map((f) => ({ path: resolve(fecDir, f), display: `fec/${f}` }));
    const files: InputFiles = { fec, customers: { path: resolve(EXAMPLE_DIR, 'customers.csv'), display: 'customers.csv' } };
    for (const asOf of ['2026-11-30', '2026-06-30', '2026-01-31'] as IsoDate[]) {
      const n = await expectSameAging(files, config, asOf);
      if (asOf === '2026-11-30') expect(n.elided).toBeLessThan(n.full);
    }
  });

  // Random ledgers: a few customers, lettering codes shared so that groups balance or not,
  // dates on both sides of the as-of date (PieceDate and EcritureDate apart), names that
  // change or equal the id, lines the fast path hands to the split path, both encodings.
  const side = fc.constantFrom('100,00', '50,00', '150,00', '30,00');
  const row: fc.Arbitrary<Row> = fc
    .record({
      JournalCode: fc.constantFrom('VT', 'BQ', 'AN'),
      EcritureNum: fc.constantFrom('1', '2', '3'),
      EcritureDate: fc.constantFrom('20260110', '20260131', '20260202'),
      CompteNum: fc.constantFrom('411000', '411000', '411000', '4110001', ' 411000'),
      CompteLib: fc.constantFrom('Clients', '', '4110001'),
      CompAuxNum: fc.constantFrom('C1', 'C2', 'C3', ''),
      CompAuxLib: fc.constantFrom('', 'Client Un', 'Client Deux', 'C1', 'Cœur € Šimon'),
      PieceRef: fc.constantFrom('F1', 'F2', 'F10', 'FA 220036', 'VIR F1', ''),
      PieceDate: fc.constantFrom('20260115', '20260131', '20260201', '', '20251231'),
      EcritureLib: fc.constantFrom('Facture F1', 'VIR F2', 'Règlement 220036', 'x'),
      debit: fc.boolean(),
      amount: side,
      padded: fc.boolean(),
      EcritureLet: fc.constantFrom('', 'A', 'A', 'B', 'C', ' A '),
      DateLet: fc.constantFrom('', '20260131'),
    })
    .map(({ debit, amount, padded, ...r }) => {
      const v = padded ? ` ${amount}` : amount;
      return { ...r, ValidDate: '20260131', Debit: debit ? v : '0,00', Credit: debit ? '0,00' : v };
    });
  const iso885915 = (s: string): Buffer => {
    const map: Record<string, number> = { '€': 0xa4, 'Š': 0xa6, 'š': 0xa8, 'Ž': 0xb4, 'ž': 0xb8, 'Œ': 0xbc, 'œ': 0xbd, 'Ÿ': 0xbe };
    return Buffer.from([...s].map((ch) => map[ch] ?? ch.charCodeAt(0)));
  };
  const customersCsv = (listed: readonly string[]): string =>
    ['id;name;address1;address2;postcode;city;country;email;phone;contact;language;terms_days;kind;status', ...listed.map((id) => `${id};Listed ${id};;;69002;Lyon;France;;;;fr;45;business;active`)].join('\n') + '\n';

  /** An invoice and its payment under one code: a group that balances, unless its dates say otherwise. */
  const pair: fc.Arbitrary<Row[]> = fc
    .tuple(row, row, side, fc.constantFrom('A', 'B', 'D', 'E'))
    .map(([d, c, amount, letter]) => [
      { ...d, CompAuxNum: c.CompAuxNum, CompteNum: c.CompteNum, EcritureLet: letter, Debit: amount, Credit: '0,00' },
      { ...c, EcritureLet: letter, Debit: '0,00', Credit: amount },
    ]);

  it('on random ledgers (balanced and unbalanced groups, dates around the as-of date)', async () => {
    let elidedRuns = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(fc.array(row, { maxLength: 20 }), fc.array(pair, { maxLength: 6 })).chain(([rows, pairs]) => fc.shuffledSubarray([...rows, ...pairs.flat()], { minLength: rows.length + 2 * pairs.length })).filter((r) => r.length > 0),
        fc.record({ sep: fc.constantFrom('\t', '|'), iso: fc.boolean(), asOf: fc.constantFrom('2026-01-15', '2026-01-31', '2026-02-01') as fc.Arbitrary<IsoDate> }),
        fc.option(fc.subarray(['C1', 'C2', '4110001']), { nil: undefined }),
        async (rows, l, listed) => {
          const content = fecText(rows, { columns: COLS18, sep: l.sep });
          const path = writeFecFile(l.iso ? iso885915(content) : Buffer.from(content, 'utf8'));
          const files: InputFiles = { fec: [{ path, display: 'random.fec' }] };
          if (listed) {
            const csv = writeFecFile(customersCsv(listed), `customers-${Math.random().toString(36).slice(2)}.csv`);
            Object.assign(files, { customers: { path: csv, display: 'customers.csv' } });
          }
          const n = await expectSameAging(files, DEFAULTS, l.asOf);
          if (n.elided < n.full) elidedRuns++;
        },
      ),
      { numRuns: 200 },
    );
    // The property says something only if elision happened in a good share of the runs.
    expect(elidedRuns).toBeGreaterThan(20);
  });
});

describe('elideSettledBy: which lines make no entry', () => {
  const cust = (o: { aux: string; name?: string; let?: string; date: string; piece?: string; debit?: string; credit?: string; ref?: string }): Row => ({
    JournalCode: o.debit ? 'VT' : 'BQ', EcritureNum: '1', EcritureDate: o.date, PieceDate: o.piece ?? o.date, CompteNum: '411000', CompteLib: 'Clients',
    CompAuxNum: o.aux, CompAuxLib: o.name ?? `Client ${o.aux}`, PieceRef: o.ref ?? 'F1', Debit: o.debit ?? '0,00', Credit: o.credit ?? '0,00', EcritureLet: o.let ?? '',
  });
  const rows: Row[] = [
    cust({ aux: 'C1', let: 'A', date: '20260110', debit: '100,00' }), // line 2: A balances by the 31st: elided
    cust({ aux: 'C2', let: 'A', date: '20260110', debit: '80,00' }), // line 3: same code, other customer: unbalanced
    cust({ aux: 'C1', let: 'A', date: '20260120', credit: '100,00' }), // line 4
    cust({ aux: 'C1', let: 'B', date: '20260110', debit: '50,00' }), // line 5: B balances but a line is dated after
    cust({ aux: 'C1', let: 'B', date: '20260125', piece: '20260202', credit: '50,00' }), // line 6: PieceDate after as-of
    cust({ aux: 'C1', date: '20260112', debit: '30,00' }), // line 7: not lettered
    cust({ aux: 'C2', let: 'A', date: '20260115', credit: '50,00' }), // line 8
    cust({ aux: 'C3', name: 'C3', let: 'Z', date: '20260105', debit: '10,00' }), // line 9: C3 has only elided lines, a name that is its id first
    cust({ aux: 'C3', name: 'Client Trois', let: 'Z', date: '20260106', credit: '10,00' }), // line 10
  ];

  it('builds no entry for a balanced group dated by the as-of date; builds every other, in file order', async () => {
    const path = writeFecFile(fecText(rows));
    const file = { path, display: 'x.fec' };
    const full = await readFec(file, { receivablePrefixes: ['411'] });
    const elided = await readFec(file, { receivablePrefixes: ['411'], elideSettledBy: '2026-01-31' as IsoDate });
    expect(full.entries.map((e) => e.source.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(elided.entries.map((e) => e.source.line)).toEqual([3, 5, 6, 7, 8]);
    // The entries built are the very ones a full read builds.
    expect(elided.entries).toEqual(full.entries.filter((e) => [3, 5, 6, 7, 8].includes(e.source.line)));
    // Every customer is still known, with its first line and its first real name.
    expect(elided.customersSeen).toEqual([
      { customer: 'C1', customerName: 'Client C1', source: { file: 'x.fec', line: 2 } },
      { customer: 'C2', customerName: 'Client C2', source: { file: 'x.fec', line: 3 } },
      { customer: 'C3', customerName: 'Client Trois', source: { file: 'x.fec', line: 9 } },
    ]);
    expect(full.customersSeen).toBeUndefined();
    // As of the 2nd of February, B settles itself too.
    const later = await readFec(file, { receivablePrefixes: ['411'], elideSettledBy: '2026-02-02' as IsoDate });
    expect(later.entries.map((e) => e.source.line)).toEqual([3, 7, 8]);
  });

  it('a file whose customer lines are all elided is not "no customer line"', async () => {
    const path = writeFecFile(fecText([rows[0]!, rows[2]!]));
    const r = await readFec({ path, display: 'x.fec' }, { receivablePrefixes: ['411'], elideSettledBy: '2026-01-31' as IsoDate });
    expect(r.entries).toEqual([]);
    expect(r.problems.filter((p) => p.message.includes('no customer line'))).toEqual([]);
  });

  it('loadBooks elides only for one FEC file: two FEC files (a merge) get every entry', async () => {
    const path = writeFecFile(fecText(rows));
    const one = await loadBooks({ fec: [{ path, display: 'x.fec' }] }, DEFAULTS, { elideSettledBy: '2026-01-31' as IsoDate });
    expect(one.value.entries).toHaveLength(5);
    expect(one.value.customers.get('C3')?.name).toBe('Client Trois');
  });
});
