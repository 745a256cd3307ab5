import { describe, expect, it } from 'vitest';
import { docKey, docKeys } from '../../src/policy/doc-key.js';
import { invoice } from './builders.js';

describe('docKey', () => {
  it('is customer, ref, date and amount in cents', () => {
    expect(docKey(invoice({ ref: 'F2026-0042', customer: 'C001', date: '2026-09-15', amount: 120000 }))).toBe('C001|F2026-0042|2026-09-15|120000');
  });

  it('does not change when the document moves to another line or file (next month export)', () => {
    const before = invoice({ ref: 'F1', date: '2026-09-15', amount: 1000, line: 12, file: 'fec-sept.txt' });
    const after = { ...invoice({ ref: 'F1', date: '2026-09-15', amount: 1000, line: 4031, file: 'fec-oct.txt' }), entryNum: '981' };
    expect(docKey(after)).toBe(docKey(before));
  });

  it('tells apart documents of a monthly batch sharing a PieceRef by their amount', () => {
    const a = invoice({ ref: 'VT-2026-09', date: '2026-09-30', amount: 1000 });
    const b = invoice({ ref: 'VT-2026-09', date: '2026-09-30', amount: 2500 });
    expect(docKey(a)).not.toBe(docKey(b));
  });

  it('escapes separators inside fields so two different documents never share a key', () => {
    const a = invoice({ ref: 'A|B', customer: 'C', date: '2026-01-01', amount: 1 });
    const b = invoice({ ref: 'B', customer: 'C|A', date: '2026-01-01', amount: 1 });
    expect(docKey(a)).toBe('C|A%7CB|2026-01-01|1');
    expect(docKey(a)).not.toBe(docKey(b));
    expect(docKey(invoice({ ref: 'X#2', customer: 'C', date: '2026-01-01', amount: 1 }))).toBe('C|X%232|2026-01-01|1');
  });
});

describe('docKeys', () => {
  it('numbers exact duplicates #2, #3 in input order, and leaves the first as docKey', () => {
    const a = invoice({ ref: 'B1', date: '2026-09-30', amount: 1000 });
    const b = invoice({ ref: 'B1', date: '2026-09-30', amount: 1000 });
    const c = invoice({ ref: 'B1', date: '2026-09-30', amount: 1000 });
    const other = invoice({ ref: 'B1', date: '2026-09-30', amount: 999 });
    const keys = docKeys([a, other, b, c]);
    expect(keys.get(a.id)).toBe(docKey(a));
    expect(keys.get(b.id)).toBe(`${docKey(a)}#2`);
    expect(keys.get(c.id)).toBe(`${docKey(a)}#3`);
    expect(keys.get(other.id)).toBe(docKey(other));
  });

  it('counts debits and credits apart', () => {
    const debit = invoice({ ref: 'X', date: '2026-09-30', amount: 1000 });
    const credit = { ...invoice({ ref: 'X', date: '2026-09-30', amount: 1000 }), side: 'credit' as const, kind: 'payment' as const };
    const keys = docKeys([credit, debit]);
    expect(keys.get(debit.id)).toBe(docKey(debit));
  });
});
