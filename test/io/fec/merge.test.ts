/** Consecutive fiscal years: opening entries never counted twice, lettering carried over. */
import { describe, expect, test } from 'vitest';
import { mergeFecYears } from '../../../src/io/fec/merge.js';
import { readFec, type FecReadResult } from '../../../src/io/fec/read.js';
import type { LedgerEntry } from '../../../src/model/types.js';
import { fecText, OPTS, receipt, sale, writeFecFile, type Row } from './fec-builder.js';

async function read(name: string, rows: Row[], display = name): Promise<FecReadResult> {
  return readFec({ path: writeFecFile(fecText(rows), name), display }, OPTS);
}

/** An opening line restating an open document, with its counterpart on 890000. */
function opening(o: { aux: string; ref: string; amount: string; date: string; letter?: string; num?: string }): Row[] {
  const base: Row = { JournalCode: 'AN', JournalLib: 'A nouveaux', EcritureNum: o.num ?? '1', EcritureDate: o.date, PieceDate: '20231115', PieceRef: o.ref, EcritureLib: 'Report à nouveau' };
  return [
    { ...base, CompteNum: '411000', CompAuxNum: o.aux, CompAuxLib: `Client ${o.aux}`, Debit: o.amount, EcritureLet: o.letter ?? '' },
    { ...base, CompteNum: '890000', CompteLib: 'Bilan d’ouverture', Credit: o.amount },
  ];
}

const balance = (es: readonly LedgerEntry[], customer: string) =>
  es.filter((e) => e.customer === customer).reduce((t, e) => t + (e.side === 'debit' ? e.amount : -e.amount), 0);

async function twoYears(year2Start = '20240101', year1End = '20231231') {
  const y1 = await read('y1.txt', [
    ...sale({ num: '1', aux: 'C1', ref: 'F1', date: '20231115', ttc: '120,00' }),
    ...sale({ num: '2', aux: 'C2', ref: 'F2', date: year1End, ttc: '60,00', ht: '50,00', tva: '10,00' }),
  ]);
  const y2 = await read('y2.txt', [
    ...opening({ aux: 'C1', ref: 'F1', amount: '120,00', date: year2Start, letter: 'A' }),
    ...opening({ aux: 'C2', ref: 'F2', amount: '60,00', date: year2Start, num: '2' }),
    ...receipt({ num: '3', aux: 'C1', ref: 'VIR9', date: '20240315', amount: '120,00', letter: 'A' }),
  ]);
  return { y1, y2 };
}

describe('mergeFecYears', () => {
  test('one file is returned as is', async () => {
    const { y1 } = await twoYears();
    const m = mergeFecYears([y1]);
    expect(m.value).toBe(y1.entries);
    expect(m.problems).toEqual([]);
  });

  test('the next year: opening lines dropped, balances counted once, the payment settles the year-1 invoice through the group code', async () => {
    const { y1, y2 } = await twoYears();
    expect(balance([...y1.entries, ...y2.entries], 'C2')).toBe(12000); // naive concatenation: twice
    for (const input of [[y1, y2], [y2, y1]]) {
      const m = mergeFecYears(input);
      expect(m.problems).toEqual([]);
      expect(m.value.some((e) => e.opening)).toBe(false);
      expect(balance(m.value, 'C1')).toBe(0);
      expect(balance(m.value, 'C2')).toBe(6000);
      const y2Index = input.indexOf(y2);
      const f1 = m.value.find((e) => e.ref === 'F1')!;
      const pay = m.value.find((e) => e.ref === 'VIR9')!;
      expect(f1.source).toEqual({ file: 'y1.txt', line: 2 });
      expect(f1.letter).toBe(`${y2Index}:A`);
      expect(pay.letter).toBe(f1.letter);
      expect(m.value.find((e) => e.ref === 'F2')!.letter).toBeNull();
    }
  });

  test('a partly settled year-1 group joins the year-2 group as a whole', async () => {
    const y1 = await read('p1.txt', [
      ...sale({ num: '1', aux: 'C1', ref: 'F1', date: '20231115', ttc: '120,00', letter: 'B' }),
      ...receipt({ num: '2', aux: 'C1', ref: 'ACPT', date: '20231201', amount: '20,00', letter: 'B' }),
      ...sale({ num: '3', aux: 'C1', ref: 'F3', date: '20231231', ttc: '120,00', letter: 'C' }),
      ...receipt({ num: '4', aux: 'C1', ref: 'VIR3', date: '20231231', amount: '120,00', letter: 'C' }),
    ]);
    const y2 = await read('p2.txt', [
      ...opening({ aux: 'C1', ref: 'F1', amount: '100,00', date: '20240101', letter: 'A' }),
      ...receipt({ num: '3', aux: 'C1', ref: 'VIR9', date: '20240115', amount: '100,00', letter: 'A' }),
    ]);
    // The opening restates 100,00 of the 120,00 invoice: amounts differ, so no match on amount...
    const m1 = mergeFecYears([y1, y2]);
    expect(m1.problems).toEqual([expect.objectContaining({ severity: 'warning', field: 'EcritureLet', source: { file: 'p2.txt', line: 2 } })]);
    expect(m1.value.find((e) => e.ref === 'VIR9')!.letter).toBeNull();
    // ...while opening lines restating the partial group line by line link it whole.
    const acompte: Row[] = opening({ aux: 'C1', ref: 'ACPT', amount: '20,00', date: '20240101', letter: 'A', num: '2' }).map((r) => ({ ...r, Debit: r.Credit, Credit: r.Debit }));
    const y2b = await read('p2b.txt', [
      ...opening({ aux: 'C1', ref: 'F1', amount: '120,00', date: '20240101', letter: 'A' }),
      ...acompte,
      ...receipt({ num: '3', aux: 'C1', ref: 'VIR9', date: '20240115', amount: '100,00', letter: 'A' }),
    ]);
    const m2 = mergeFecYears([y1, y2b]);
    expect(m2.problems).toEqual([]);
    const letters = Object.fromEntries(m2.value.map((e) => [e.ref, e.letter]));
    expect(letters).toEqual({ F1: '1:A', ACPT: '1:A', F3: '0:C', VIR3: '0:C', VIR9: '1:A' });
  });

  test('the audit case: year 1 ends 10 Dec, year 2 starts 1 Jan: the restating opening lines are dropped, counted once', async () => {
    const { y1, y2 } = await twoYears('20240101', '20231210');
    const m = mergeFecYears([y1, y2]);
    expect(m.problems).toEqual([]);
    expect(m.value.some((e) => e.opening)).toBe(false);
    expect(balance(m.value, 'C2')).toBe(6000);
  });

  test('a gap between the years does not matter when the opening lines restate the closing balances', async () => {
    const { y1, y2 } = await twoYears('20240301');
    const m = mergeFecYears([y1, y2]);
    expect(m.problems).toEqual([]);
    expect(m.value.filter((e) => e.opening)).toHaveLength(0);
  });

  test('an opening booked on one collective line restates the balances in total', async () => {
    const y1 = await read('t1.txt', [
      ...sale({ num: '1', aux: 'C1', ref: 'F1', date: '20231115', ttc: '120,00' }),
      ...sale({ num: '2', aux: 'C2', ref: 'F2', date: '20231201', ttc: '60,00', ht: '50,00', tva: '10,00' }),
    ]);
    const y2 = await read('t2.txt', [...opening({ aux: '', ref: 'AN', amount: '180,00', date: '20240101' })]);
    const m = mergeFecYears([y1, y2]);
    expect(m.problems).toEqual([]);
    expect(m.value.map((e) => e.ref)).toEqual(['F1', 'F2']);
  });

  /** Year 2 opens C2 at 50,00 while year 1 closes it at 60,00: the openings do not restate year 1. */
  async function differing(name1: string, name2: string, year2Start = '20240101', display2 = name2) {
    const y1 = await read(name1, [
      ...sale({ num: '1', aux: 'C1', ref: 'F1', date: '20231115', ttc: '120,00' }),
      ...sale({ num: '2', aux: 'C2', ref: 'F2', date: '20231210', ttc: '60,00', ht: '50,00', tva: '10,00' }),
    ]);
    const y2 = await read(name2, [
      ...opening({ aux: 'C1', ref: 'F1', amount: '120,00', date: year2Start }),
      ...opening({ aux: 'C2', ref: 'F2', amount: '50,00', date: year2Start, num: '2' }),
    ], display2);
    return { y1, y2 };
  }

  test('closing dates in the file names say consecutive: the openings are dropped, with a warning when they differ', async () => {
    const { y1, y2 } = await differing('123456789FEC20231231.txt', '123456789FEC20241231.txt', '20240101', 'dir/123456789FEC20241231.txt');
    for (const input of [[y1, y2], [y2, y1]]) {
      const m = mergeFecYears(input);
      expect(m.problems).toEqual([
        expect.objectContaining({ severity: 'warning', source: { file: 'dir/123456789FEC20241231.txt', line: 1 }, message: expect.stringMatching(/^found opening lines that do not restate the closing balances of 123456789FEC20231231.txt \(customer C2: opening 50.00, closing balance 60.00\)/) }),
      ]);
      expect(balance(m.value, 'C2')).toBe(6000);
      expect(m.value.some((e) => e.opening)).toBe(false);
    }
  });

  test('closing dates more than 12 months apart: an error (a year is missing)', async () => {
    const { y1, y2 } = await differing('123456789FEC20231231.txt', '123456789FEC20251231.txt');
    const m = mergeFecYears([y1, y2]);
    expect(m.problems).toEqual([
      expect.objectContaining({ severity: 'error', source: { file: '123456789FEC20251231.txt', line: 1 }, message: expect.stringMatching(/^found a fiscal year closing 2025-12-31, more than 12 months after 123456789FEC20231231.txt \(closing 2023-12-31\), expected consecutive fiscal years \(a FEC is missing\?\)/) }),
    ]);
  });

  test('the same closing date twice: an error', async () => {
    const { y1, y2 } = await differing('123456789FEC20241231.txt', '123456789FEC20241231-v2.txt');
    const m = mergeFecYears([y1, y2]);
    expect(m.problems).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^found the fiscal year closing 2024-12-31 again/) })]);
  });

  test('no name and openings that differ: dates decide within 7 days (with a warning), else an error', async () => {
    const near = await differing('a1.txt', 'a2.txt', '20231215');
    const m1 = mergeFecYears([near.y1, near.y2]);
    expect(m1.problems).toEqual([expect.objectContaining({ severity: 'warning', source: { file: 'a2.txt', line: 1 } })]);
    expect(balance(m1.value, 'C2')).toBe(6000);
    const far = await differing('b1.txt', 'b2.txt', '20240301');
    const m2 = mergeFecYears([far.y1, far.y2]);
    expect(m2.problems).toEqual([
      expect.objectContaining({ severity: 'error', source: { file: 'b2.txt', line: 1 }, message: expect.stringMatching(/^found a period from 2024-03-01, 82 days after b1.txt ends \(2023-12-10\), and opening lines that do not restate the closing balances of b1.txt \(customer C2: opening 50.00, closing balance 60.00\)/) }),
    ]);
  });

  test('overlapping periods with openings that differ: an error', async () => {
    const { y1, y2 } = await differing('o1.txt', 'o2.txt', '20231201');
    const m = mergeFecYears([y1, y2]);
    expect(m.problems).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^found a period from 2023-12-01, overlapping o1.txt \(to 2023-12-10\)/) })]);
  });

  test('no opening line: the files are concatenated, unless their periods overlap', async () => {
    const y1 = await read('n1.txt', sale({ num: '1', aux: 'C1', ref: 'F1', date: '20231115' }));
    const y2 = await read('n2.txt', receipt({ num: '2', aux: 'C1', ref: 'VIR1', date: '20240301' }));
    expect(mergeFecYears([y1, y2])).toEqual({ value: [...y1.entries, ...y2.entries].map((e) => expect.objectContaining({ ref: e.ref })), problems: [] });
    const y2b = await read('n3.txt', receipt({ num: '2', aux: 'C1', ref: 'VIR1', date: '20231115' }));
    expect(mergeFecYears([y1, y2b]).problems).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^found a period from 2023-11-15, overlapping n1.txt/) })]);
  });
});
