import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../src/ledger/reconcile.js';
import { refKeys, tokens } from '../../../src/ledger/rules/reference.js';
import { makeEntry } from '../../helpers/ledger.js';

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

describe('reference: the 50-documents limit counts the documents still open', () => {
  // What `aging` reads when it elides self-settling groups (io/fec/customer-entries.ts) must
  // letter the same: settled documents do not count.
  it('a batch number on 52 documents, 3 of them settled by their lettering, still names the open ones', () => {
    const rules = { defaultTermsDays: 30, endOfMonthTerms: 'days_plus_eom' as const, customerTerms: new Map() };
    const debits = Array.from({ length: 52 }, (_, i) =>
      makeEntry({ line: 2 + i, amount: 100_00 + i, ref: 'VE 0323', date: '2026-03-31', letter: i < 3 ? `L${i}` : null }),
    );
    const settled = debits.slice(0, 3).map((d, i) => makeEntry({ line: 100 + i, side: 'credit', amount: d.amount, ref: 'RGT', date: '2026-04-10', letter: `L${i}` }));
    // 100,07 € names the batch and equals one open document's residual: the reference rule takes it.
    const pay = makeEntry({ line: 200, side: 'credit', amount: 100_07, ref: 'VIR', label: 'VIR VE 0323', date: '2026-04-15' });
    const rec = reconcile([...debits, ...settled, pay], { dueDates: rules });
    const a = rec.allocations.filter((x) => x.credit === pay);
    expect(a.map((x) => [x.debit.amount, x.rule])).toEqual([[100_07, 'reference']]);
  });
});
