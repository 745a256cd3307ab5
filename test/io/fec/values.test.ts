/** FEC amounts and dates, parsed with character loops: table of edge cases and a property. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fecAmountTooLarge, parseFecAmount, parseFecDateNum } from '../../../src/io/fec/values.js';

describe('parseFecAmount', () => {
  test.each([
    ['123,45', 12345], ['0000000069,60', 6960], ['  12,5 ', 1250], ['-12,50', -1250], ['12,50-', -1250],
    ['+3', 300], ['1,500', 150], ['', 0], ['   ', 0], [',5', 50], ['0,00', 0], ['-0,00', 0],
  ])('%j → %i cents', (s, c) => expect(parseFecAmount(s)).toBe(c));

  test.each(['12.50', '1 234,50', '1.234,50', '12,345', '12,5,0', 'abc', '-', '12-50', '--1', '1e3', '12,50 €'])('%j is refused', (s) => {
    expect(parseFecAmount(s)).toBeNaN();
  });

  test('any amount written the FEC way reads back to the same cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.boolean(), fc.nat(6), (c, signLast, pad) => {
        const a = Math.abs(c);
        const body = `${String(Math.trunc(a / 100)).padStart(pad, '0')},${String(a % 100).padStart(2, '0')}`;
        const s = c < 0 ? (signLast ? `${body}-` : `-${body}`) : body;
        expect(parseFecAmount(s)).toBe(c);
      }),
    );
  });
});

describe('fecAmountTooLarge', () => {
  test('true only for an amount in form whose units pass 2^53 cents', () => {
    for (const s of ['90071992547409,93', '-90071992547409,93', '90071992547409,93-', ' 999999999999999999,99 ', '99999999999999999']) {
      expect([s, fecAmountTooLarge(s)]).toEqual([s, true]);
    }
    for (const s of ['-12,50-', '1,205', '1 000,00', '120.00', '12O,00', '999999999999999999,123', 'abc']) {
      expect([s, fecAmountTooLarge(s)]).toEqual([s, false]);
    }
  });
});

describe('parseFecDateNum', () => {
  test.each([
    ['20240229', 20240229], [' 20231231 ', 20231231], ['', 0], ['20230229', -1], ['20241301', -1],
    ['2024-01-01', -1], ['1899123 ', -1], ['18991231', -1], ['21000101', -1], ['2024011', -1],
  ])('%j → %i', (s, n) => expect(parseFecDateNum(s)).toBe(n));
});
