import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/model/money.js';
import { buildRateTable, formatRate, halfOf, halfStart, nextHalfStart } from '../../src/ledger/rates.js';
import { SHIPPED_RATES } from '../../src/ledger/rates-data.js';
import { day } from '../helpers/interest.js';

describe('the shipped rate table (FACTS.md)', () => {
  const { value: table, problems } = buildRateTable(SHIPPED_RATES, []);

  it('validates without problems', () => {
    expect(problems).toEqual([]);
  });

  it('covers every half-year from 2019-S1 to 2026-S1, and nothing after', () => {
    const halves = [...table.keys()];
    const expected: string[] = [];
    for (let y = 2019; y <= 2026; y++) expected.push(`${y}-S1`, `${y}-S2`);
    expect(halves).toEqual(expected.slice(0, -1));
    expect(table.has('2026-S2')).toBe(false);
  });

  it('sets the B2B rate at ECB + 10 points', () => {
    for (const r of table.values()) expect(r.b2b!.equals(r.ecb!.plus(10))).toBe(true);
    expect(formatRate(table.get('2023-S1')!.b2b!)).toBe('12.50');
    expect(formatRate(table.get('2023-S2')!.b2b!)).toBe('14.00');
    expect(formatRate(table.get('2026-S1')!.b2b!)).toBe('12.15');
  });

  it('matches the "3 × legal" column of FACTS.md', () => {
    const threeTimes: Record<string, string> = {
      '2019-S1': '2.58', '2019-S2': '2.61', '2020-S1': '2.61', '2020-S2': '2.52', '2021-S1': '2.37',
      '2021-S2': '2.28', '2022-S1': '2.28', '2022-S2': '2.31', '2023-S1': '6.18', '2023-S2': '12.66',
      '2024-S1': '15.21', '2024-S2': '14.76', '2025-S1': '11.13', '2025-S2': '8.28', '2026-S1': '7.86',
    };
    for (const [half, x] of Object.entries(threeTimes)) expect(formatRate(table.get(half)!.legalOther!.times(3))).toBe(x);
  });

  it('keeps the "particuliers" rate and a source for each figure', () => {
    expect(formatRate(table.get('2019-S2')!.legalPerson!)).toBe('3.26');
    expect(formatRate(table.get('2026-S1')!.legalPerson!)).toBe('6.67');
    for (const r of table.values()) {
      expect(r.sources).toHaveLength(2);
      expect(r.sources[0]).toMatch(/ECB main refinancing operations rate/);
      expect(r.sources[1]).toMatch(/Journal officiel.*Banque de France/);
    }
    expect(table.get('2022-S2')!.sources[0]).toMatch(/2022-07-27/);
  });
});

describe('config overrides (interest.rates)', () => {
  it('adds a half-year; an ECB rate sets the B2B rate at +10 points', () => {
    const { value, problems } = buildRateTable(SHIPPED_RATES, [{ half: '2026-S2', ecb: '2.15', source: 'ECB website' }]);
    expect(problems).toEqual([]);
    const r = value.get('2026-S2')!;
    expect(formatRate(r.b2b!)).toBe('12.15');
    expect(r.legalOther).toBeNull();
    expect(r.sources).toEqual(['config interest.rates (2026-S2): ECB website']);
  });

  it('replaces only the fields it gives', () => {
    const { value } = buildRateTable(SHIPPED_RATES, [{ half: '2026-S1', legalOther: '2.70' }]);
    const r = value.get('2026-S1')!;
    expect(formatRate(r.legalOther!)).toBe('2.70');
    expect(formatRate(r.ecb!)).toBe('2.15');
    expect(r.sources).toHaveLength(3);
  });

  it('refuses a half-year given twice', () => {
    const src = { file: 'dunning.config.json', line: 0 };
    const { problems } = buildRateTable(SHIPPED_RATES, [{ half: '2026-S2', ecb: '2.00' }, { half: '2026-S2', ecb: '2.15' }], src);
    expect(problems).toEqual([
      { severity: 'error', source: src, field: 'interest.rates.1.half', message: 'found "2026-S2", expected each half-year once in interest.rates' },
    ]);
  });

  it('refuses a shipped row whose B2B rate is not ECB + 10', () => {
    const bad = [{ ...SHIPPED_RATES[0]!, b2b: '10.50' }];
    const { problems } = buildRateTable(bad, []);
    expect(problems.map((p) => p.message)).toEqual(['found "10.50", expected the ECB rate plus 10 points, 10.00']);
  });
});

describe('half-years', () => {
  it('cuts at 1 January and 1 July', () => {
    expect(halfOf(day('2026-06-30'))).toBe('2026-S1');
    expect(halfOf(day('2026-07-01'))).toBe('2026-S2');
    expect(halfStart('2026-S2')).toBe('2026-07-01');
    expect(nextHalfStart(day('2026-03-10'))).toBe('2026-07-01');
    expect(nextHalfStart(day('2026-12-31'))).toBe('2027-01-01');
    expect(formatRate(new Dec('12.125'))).toBe('12.125');
  });
});
