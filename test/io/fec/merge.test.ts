/** Consecutive fiscal years: opening entries never counted twice, lettering carried over. */
import { describe, expect, test } from 'vitest';
import { mergeFecYears } from '../../../src/io/fec/merge.js';
import { readFec, type FecReadResult } from '../../../src/io/fec/read.js';
import type { LedgerEntry } from '../../../src/model/types.js';
import { fecText, OPTS, receipt, sale, writeFecFile, type Row } from './fec-builder.js';

async function read(name: string, rows: Row[]): Promise<FecReadResult> {
  return readFec({ path: writeFecFile(fecText(rows), name), display: name }, OPTS);
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
    // ...while an opening line carrying the document's full amount links the whole partial group.
    const y2b = await read('p2b.txt', [
      ...opening({ aux: 'C1', ref: 'F1', amount: '120,00', date: '20240101', letter: 'A' }),
      ...receipt({ num: '3', aux: 'C1', ref: 'VIR9', date: '20240115', amount: '100,00', letter: 'A' }),
    ]);
    const m2 = mergeFecYears([y1, y2b]);
    expect(m2.problems).toEqual([]);
    const letters = Object.fromEntries(m2.value.map((e) => [e.ref, e.letter]));
    expect(letters).toEqual({ F1: '1:A', ACPT: '1:A', F3: '0:C', VIR3: '0:C', VIR9: '1:A' });
  });

  test('a gap between the years: a warning, and the opening lines are kept', async () => {
    const { y1, y2 } = await twoYears('20240301');
    const m = mergeFecYears([y1, y2]);
    expect(m.problems).toEqual([expect.objectContaining({ severity: 'warning', source: { file: 'y2.txt', line: 1 }, message: expect.stringMatching(/^found a period starting 2024-03-01, 61 days after y1.txt ends/) })]);
    expect(m.value.filter((e) => e.opening)).toHaveLength(2);
  });

  test('overlapping periods: a warning, nothing dropped', async () => {
    const { y1, y2 } = await twoYears('20231201');
    const m = mergeFecYears([y1, y2]);
    expect(m.problems).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^found a period from 2023-12-01 overlapping y1.txt/) })]);
    expect(m.value).toHaveLength(y1.entries.length + y2.entries.length);
  });

  test('a few days between the years still continues (last entry of year 1 before 31/12)', async () => {
    const { y1, y2 } = await twoYears('20240101', '20231228');
    const m = mergeFecYears([y1, y2]);
    expect(m.problems).toEqual([]);
    expect(m.value.some((e) => e.opening)).toBe(false);
  });
});
