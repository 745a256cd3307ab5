import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, endOfMonthOf, formatDateFr, localToday, parseCsvDate, parseFecDate, parseIsoDate } from '../../src/model/dates.js';
import type { IsoDate } from '../../src/model/types.js';

const d = (s: string) => s as IsoDate;

describe('date parsing', () => {
  it('reads FEC dates AAAAMMJJ and refuses impossible days', () => {
    expect(parseFecDate('20240229')).toBe('2024-02-29');
    expect(parseFecDate('20230229')).toBeNull();
    expect(parseFecDate('2023-01-01')).toBeNull();
    expect(parseFecDate('18991231')).toBeNull();
    expect(parseFecDate(' 20231231 ')).toBe('2023-12-31');
  });
  it('reads CSV dates in both styles', () => {
    expect(parseCsvDate('22/11/2026')).toBe('2026-11-22');
    expect(parseCsvDate('2026-11-22')).toBe('2026-11-22');
    expect(parseCsvDate('31/04/2026')).toBeNull();
    expect(parseCsvDate('11/22/2026')).toBeNull();
  });
  it('reads ISO dates only', () => {
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('2026-1-01')).toBeNull();
    expect(parseIsoDate('2026-01-31')).toBe('2026-01-31');
  });
});

describe('date arithmetic', () => {
  it('adds days across month, year and leap day', () => {
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2026-12-31'), 1)).toBe('2027-01-01');
    expect(addDays(d('2026-03-28'), 3)).toBe('2026-03-31'); // across the DST change in Europe
  });
  it('counts calendar days', () => {
    expect(daysBetween(d('2024-01-01'), d('2025-01-01'))).toBe(366);
    expect(daysBetween(d('2026-11-30'), d('2026-11-22'))).toBe(-8);
  });
  it('finds the end of a month', () => {
    expect(endOfMonthOf(d('2024-02-10'))).toBe('2024-02-29');
  });
  it('formats French dates', () => {
    expect(formatDateFr(d('2026-11-22'))).toBe('22/11/2026');
  });
  it('takes the local calendar date for today', () => {
    expect(localToday(new Date(2026, 10, 22, 23, 59))).toBe('2026-11-22');
  });
});
