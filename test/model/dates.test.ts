import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

/**
 * date-fns computes in the machine's local time: the same days must come out in any zone,
 * across clock changes (Paris: last Sundays of March and October; Santiago changes at
 * midnight; New York is behind UTC, Auckland ahead of it, with opposite seasons).
 */
describe.each(['Europe/Paris', 'America/New_York', 'Pacific/Auckland', 'America/Santiago', 'Asia/Kolkata', 'UTC'])('date arithmetic in %s', (zone) => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.TZ;
    process.env.TZ = zone;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  /** The reference: whole days on the UTC epoch, no Date arithmetic in any zone. */
  const utcDay = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86_400_000;
  const fromUtcDay = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

  it('adds days and counts them across the clock changes', () => {
    expect(addDays(d('2026-03-01'), 30)).toBe('2026-03-31');
    expect(addDays(d('2026-03-29'), 1)).toBe('2026-03-30');
    expect(addDays(d('2026-03-28'), 2)).toBe('2026-03-30');
    expect(addDays(d('2026-10-24'), 2)).toBe('2026-10-26');
    expect(addDays(d('2026-04-05'), -1)).toBe('2026-04-04');
    expect(addDays(d('2026-09-06'), 1)).toBe('2026-09-07'); // Santiago: clocks go forward at midnight
    expect(daysBetween(d('2026-03-28'), d('2026-03-30'))).toBe(2);
    expect(daysBetween(d('2026-10-24'), d('2026-10-26'))).toBe(2);
  });

  it('finds the end of a month on its first and last days', () => {
    expect(endOfMonthOf(d('2026-04-01'))).toBe('2026-04-30');
    expect(endOfMonthOf(d('2026-03-31'))).toBe('2026-03-31');
    expect(endOfMonthOf(d('2026-10-01'))).toBe('2026-10-31');
    expect(endOfMonthOf(d('2024-02-01'))).toBe('2024-02-29');
  });

  it('agrees with whole-day arithmetic on the UTC epoch, for any day and any count', () => {
    const day = fc.integer({ min: utcDay('1990-01-01'), max: utcDay('2060-12-31') }).map(fromUtcDay);
    fc.assert(
      fc.property(day, fc.integer({ min: -800, max: 800 }), (s, n) => {
        const a = d(s);
        const b = addDays(a, n);
        expect(b).toBe(fromUtcDay(utcDay(s) + n));
        expect(daysBetween(a, b)).toBe(n);
        const [y, m] = [+s.slice(0, 4), +s.slice(5, 7)];
        expect(endOfMonthOf(a)).toBe(fromUtcDay(Date.UTC(y, m, 0) / 86_400_000));
      }),
      { numRuns: 300 },
    );
  });
});

describe('date-fns imports', () => {
  it('name one function module each: the package index loads hundreds of modules at every start', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const src = path.resolve(__dirname, '../../src');
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const offenders = files.filter((f) => /from 'date-fns'/.test(readFileSync(path.join(src, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
