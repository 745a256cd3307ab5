import { describe, expect, it } from 'vitest';
import { refKeys, tokens } from '../../../src/ledger/rules/reference.js';

describe('tokens', () => {
  it.each([
    ['VIR SEPA FACT F2026-014', ['VIR', 'SEPA', 'FACT', 'F2026', '14']],
    ['  fa  0220036 ', ['FA', '220036']],
    ['Crème brûlée/n°12', ['CRÈME', 'BRÛLÉE', 'N', '12']],
    ['0000', ['0']],
    ['', []],
  ])('%j', (text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });
});

describe('refKeys', () => {
  it.each([
    ['F2026-014', [['F2026', '14']]],
    ['FA  220036', [['FA', '220036'], ['220036']]],
    ['FA220036', [['FA220036'], ['220036']]],
    ['VE  0323', [['VE', '323']]],
    ['sans', []],
    ['RAN', []],
    ['0000000', []],
    ['12', []],
  ])('%j', (ref, expected) => {
    expect(refKeys(ref)).toEqual(expected);
  });
});
