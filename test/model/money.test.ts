import { describe, expect, it } from 'vitest';
import { cents, decToCents, Dec, formatAmount, formatEuroFr, formatEuroEn, parseAmount, sum } from '../../src/model/money.js';

const ok = (raw: string, style: 'comma' | 'dot' | 'auto') => {
  const r = parseAmount(raw, style);
  if (!r.ok) throw new Error(`${raw}: ${r.expected}`);
  return r.cents as number;
};

describe('parseAmount', () => {
  it.each([
    ['1234,50', 'comma', 123450],
    ['0000000069,60', 'comma', 6960],
    ['10 000,00', 'comma', 1000000],
    ['10\u00a0000,00', 'comma', 1000000],
    ['1.234,50', 'comma', 123450],
    ['123,45-', 'comma', -12345],
    ['-123,45', 'comma', -12345],
    ['+5', 'comma', 500],
    ['12,5', 'comma', 1250],
    ['12,500', 'comma', 1250],
    ['1234.50', 'dot', 123450],
    ['1,234.50', 'dot', 123450],
    ['0,01', 'auto', 1],
    ['1234.50', 'auto', 123450],
    ['1 234,50', 'auto', 123450],
    ['1.234,56', 'auto', 123456],
    ['1,234.56', 'auto', 123456],
    ['1.234.567', 'auto', 123456700],
    ['42', 'auto', 4200],
    ['1 234,50 €', 'auto', 123450],
  ] as const)('%s (%s) is %d cents', (raw, style, expected) => {
    expect(ok(raw, style)).toBe(expected);
  });

  it.each([
    ['1.234', 'auto'],
    ['1,234', 'auto'],
  ] as const)('%s is ambiguous without a configured decimal separator', (raw, style) => {
    const r = parseAmount(raw, style);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.expected).toMatch(/decimal/);
  });

  it.each([['12.34.56', 'comma'], ['12,345,6', 'comma'], ['abc', 'auto'], ['', 'auto'], ['1,2,3', 'dot'], ['12,3456', 'comma'], ['1 23,00', 'comma']] as const)(
    '%s is refused',
    (raw, style) => {
      expect(parseAmount(raw, style).ok).toBe(false);
    },
  );

  it('reads the ambiguous value once the style is configured', () => {
    expect(ok('1.234', 'comma')).toBe(123400);
    // With a decimal dot it is 1.234 euros: three decimals are not money.
    expect(parseAmount('1.234', 'dot').ok).toBe(false);
  });
});

describe('formatting', () => {
  it('formats machine amounts with two decimals and a dot', () => {
    expect(formatAmount(cents(123450))).toBe('1234.50');
    expect(formatAmount(cents(-5))).toBe('-0.05');
    expect(formatAmount(cents(0))).toBe('0.00');
  });
  it('formats French amounts with grouped thousands and a comma', () => {
    expect(formatEuroFr(cents(123450))).toBe('1\u00a0234,50\u00a0€');
    expect(formatEuroFr(cents(-100000000))).toBe('-1\u00a0000\u00a0000,00\u00a0€');
    expect(formatEuroFr(cents(7), false)).toBe('0,07');
  });
  it('formats English amounts', () => {
    expect(formatEuroEn(cents(123450))).toBe('€1,234.50');
  });
});

describe('decimal rounding point', () => {
  it('rounds half up to the cent, once', () => {
    expect(decToCents(new Dec('0.005'))).toBe(1);
    expect(decToCents(new Dec('0.00499'))).toBe(0);
    expect(decToCents(new Dec('12.345'))).toBe(1235);
    expect(decToCents(new Dec('-12.345'))).toBe(-1235);
  });
  it('adds cents exactly where floats drift', () => {
    const tenCents = Array.from({ length: 10 }, () => cents(10));
    expect(sum(tenCents)).toBe(100);
    expect(() => cents(0.1)).toThrow();
  });
});
