import { describe, expect, it } from 'vitest';
import { dayIso, dayNumber, splitSpans } from '../../src/ledger/interest-periods.js';
import { addDays } from '../../src/model/dates.js';
import type { Cents } from '../../src/model/money.js';
import { day } from '../helpers/interest.js';

const c = (n: number) => n as Cents;

describe('day numbers', () => {
  it('round-trip every day from 1900 to 2099 like the date helpers', () => {
    let d = day('1900-01-01');
    for (let n = dayNumber(d); d <= '2099-12-31'; n++, d = addDays(d, 1)) {
      if (dayIso(n) !== d || dayNumber(d) !== n) throw new Error(`${n} ${d} ${dayIso(n)}`);
    }
    expect(dayIso(dayNumber(day('2024-02-29')) + 1)).toBe('2024-03-01');
  });
});

describe('splitSpans', () => {
  it('cuts at 1 July and 1 January', () => {
    expect(splitSpans(day('2023-06-30'), day('2024-01-01'), c(100), []).map((s) => [s.from, s.to, s.days, s.half])).toEqual([
      ['2023-06-30', '2023-06-30', 1, '2023-S1'],
      ['2023-07-01', '2023-12-31', 184, '2023-S2'],
      ['2024-01-01', '2024-01-01', 1, '2024-S1'],
    ]);
  });

  it('lowers the base from the day after each credit; credits before the start count at once', () => {
    const spans = splitSpans(day('2025-10-01'), day('2025-10-31'), c(1000), [
      { date: day('2025-10-10'), amount: c(300) },
      { date: day('2025-09-15'), amount: c(100) },
      { date: day('2025-10-10'), amount: c(50) },
    ]);
    expect(spans.map((s) => [s.from, s.to, s.days, s.base])).toEqual([
      ['2025-10-01', '2025-10-10', 10, 900],
      ['2025-10-11', '2025-10-31', 21, 550],
    ]);
  });

  it('drops days with nothing left to pay', () => {
    const spans = splitSpans(day('2025-10-01'), day('2025-10-31'), c(1000), [{ date: day('2025-10-05'), amount: c(1000) }]);
    expect(spans.map((s) => [s.from, s.to, s.base])).toEqual([['2025-10-01', '2025-10-05', 1000]]);
  });
});
