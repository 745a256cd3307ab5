import { describe, expect, it } from 'vitest';
import { assignLetters, completedGroups, letterCode, newlyBalancedGroups } from '../../src/ledger/lettering.js';
import { reconcile } from '../../src/ledger/reconcile.js';
import { inv, pay, RULES30 } from './reconcile-fixtures.js';

describe('letterCode', () => {
  it.each([
    [0, 'AA'],
    [1, 'AB'],
    [25, 'AZ'],
    [26, 'BA'],
    [675, 'ZZ'],
    [676, 'AAA'],
  ])('%i -> %s', (n, code) => expect(letterCode(n)).toBe(code));
});

describe('assignLetters', () => {
  it('letters newly balanced groups with unused codes and the latest date', () => {
    const f1 = inv(100_00, { customer: 'A', ref: 'F1', line: 2, date: '2026-01-05' });
    const p1 = pay(100_00, { customer: 'A', ref: 'P1', line: 3, date: '2026-02-10' });
    const f2 = inv(50_00, { customer: 'A', ref: 'F2', line: 4, date: '2026-01-06' });
    const p2 = pay(50_00, { customer: 'A', ref: 'P2', line: 5, date: '2026-02-11' });
    const rec = reconcile([f1, p1, f2, p2], { dueDates: RULES30 });
    const letters = assignLetters(rec, new Map([['A', new Set(['AA'])]])).get('fec.txt')!;
    expect(Object.fromEntries(letters)).toEqual({
      2: { letter: 'AB', date: '2026-02-10' },
      3: { letter: 'AB', date: '2026-02-10' },
      4: { letter: 'AC', date: '2026-02-11' },
      5: { letter: 'AC', date: '2026-02-11' },
    });
  });

  it('leaves partly settled groups and already lettered lines alone', () => {
    const f1 = inv(100_00, { customer: 'A', ref: 'F1', line: 2 });
    const p1 = pay(60_00, { customer: 'A', ref: 'P1', line: 3, date: '2026-02-01' });
    const f2 = inv(50_00, { customer: 'A', ref: 'F2', line: 4, letter: 'AA' });
    const p2 = pay(50_00, { customer: 'A', ref: 'P2', line: 5, letter: 'AA', date: '2026-02-01' });
    const rec = reconcile([f1, p1, f2, p2], { dueDates: RULES30 });
    expect(newlyBalancedGroups(rec)).toEqual([]);
    expect(assignLetters(rec, new Map()).size).toBe(0);
  });

  it('joins a payment that settles two invoices into one group', () => {
    const rec = reconcile(
      [inv(30_00, { ref: 'F1', line: 2 }), inv(70_00, { ref: 'F2', line: 3 }), pay(100_00, { ref: 'P', line: 4, date: '2026-02-01' })],
      { dueDates: RULES30 },
    );
    expect(newlyBalancedGroups(rec).map((g) => g.map((e) => e.source.line))).toEqual([[2, 3, 4]]);
  });

  it('a partly settled group that a new allocation completes: the new line takes the group\'s code', () => {
    const f1 = inv(100_00, { customer: 'A', ref: 'F1', line: 2, letter: 'AA', date: '2026-01-05' });
    const r1 = pay(60_00, { customer: 'A', ref: 'R1', line: 3, letter: 'AA', date: '2026-02-01' });
    const r2 = pay(40_00, { customer: 'A', ref: 'R2', line: 4, date: '2026-03-01' });
    const rec = reconcile([f1, r1, r2], { dueDates: RULES30 });
    expect(rec.allocations.map((a) => [a.credit.ref, a.rule])).toEqual([['R1', 'existing'], ['R2', 'exact_amount']]);
    expect(completedGroups(rec).map((g) => [g.letter, g.fresh.map((e) => e.ref)])).toEqual([['AA', ['R2']]]);
    // Only the new line is written: the lettered lines stay byte for byte.
    expect(Object.fromEntries(assignLetters(rec, new Map([['A', new Set(['AA'])]])).get('fec.txt')!)).toEqual({ 4: { letter: 'AA', date: '2026-03-01' } });
  });

  it('a group still partly settled gets nothing', () => {
    const f1 = inv(100_00, { customer: 'A', ref: 'F1', line: 2, letter: 'AA' });
    const r1 = pay(60_00, { customer: 'A', ref: 'R1', line: 3, letter: 'AA' });
    const r2 = pay(30_00, { customer: 'A', ref: 'R2', line: 4, date: '2026-03-01' });
    expect(completedGroups(reconcile([f1, r1, r2], { dueDates: RULES30 }))).toEqual([]);
  });
});
