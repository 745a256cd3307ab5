import { describe, expect, it } from 'vitest';
import { searchSum } from '../../../src/ledger/rules/exact-sum.js';

const classes = (spec: [number, number][]) => spec.map(([amount, n]) => ({ amount, debits: Array.from({ length: n }) }));

describe('searchSum', () => {
  it.each([
    ['one combination', classes([[70, 1], [50, 1], [20, 1]]), 90, { kind: 'one', counts: [1, 0, 1] }],
    ['equal documents count as one amount', classes([[837, 3], [100, 1]]), 1674, { kind: 'one', counts: [2, 0] }],
    ['two combinations', classes([[60, 1], [40, 1], [30, 1], [70, 1]].sort((a, b) => b[0]! - a[0]!) as [number, number][]), 100, { kind: 'ambiguous' }],
    ['none', classes([[70, 1], [50, 1]]), 60, { kind: 'none' }],
  ] as const)('%s', (_name, cls, target, expected) => {
    expect(searchSum(cls, target, 10_000)).toMatchObject(expected);
  });

  it('gives up as ambiguous once the step bound is spent', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ amount: 1000 + i * 7, debits: [1] }));
    expect(searchSum(many, 1, 10_000)).toMatchObject({ kind: 'none' });
    expect(searchSum(many, 9_999, 5)).toMatchObject({ kind: 'ambiguous' });
  });
});
