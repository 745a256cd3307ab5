/** Invariants of the interest computation over random invoices and payments (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeInterest } from '../../src/ledger/interest.js';
import { buildRateTable } from '../../src/ledger/rates.js';
import { SHIPPED_RATES } from '../../src/ledger/rates-data.js';
import { addDays, daysBetween } from '../../src/model/dates.js';
import { centsToDec, decToCents, type Cents } from '../../src/model/money.js';
import { customer, customers, day, reconciliation } from '../helpers/interest.js';

const rates = buildRateTable(SHIPPED_RATES, []).value;
const START = day('2019-01-01');

describe('interest invariants', () => {
  it('periods add up to the invoice, cover every day once, within a cent of exact', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }), // invoice date, days after 2019-01-01
        fc.integer({ min: 0, max: 90 }), // terms
        fc.integer({ min: 1, max: 10_000_000 }), // amount, cents
        fc.array(fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 100 })), { maxLength: 4 }), // payments: day offset, percent share
        fc.integer({ min: 1, max: 700 }), // as-of, days after the due date
        (dateOffset, terms, amount, pays, asOfOffset) => {
          const date = addDays(START, dateOffset);
          const due = addDays(date, terms);
          const asOf = addDays(due, asOfOffset);
          let left = amount;
          const paid: [string, number][] = [];
          for (const [off, share] of pays) {
            const a = Math.min(left, Math.max(1, Math.floor((amount * share) / 100)));
            if (a <= 0) break;
            paid.push([addDays(date, off), a]);
            left -= a;
          }
          const rec = reconciliation({ ref: 'F', date, due, amount, paid });
          const { value, problems } = computeInterest({
            reconciliation: rec,
            customers: customers(customer('C1')),
            asOf,
            rates,
            contractRate: null,
            indemnity: 4000 as Cents,
            formalNoticeDate: () => null,
          });
          if (asOf >= '2026-07-01') {
            // Past the shipped table: either an error naming the half-year or nothing owed.
            if (value.invoices.length === 0) return;
          }
          expect(problems).toEqual([]);
          for (const inv of value.invoices) {
            const end = inv.paidDate ?? asOf;
            expect(inv.periods.reduce((s, p) => s + p.interest, 0)).toBe(inv.interest);
            expect(inv.periods.reduce((s, p) => s + p.days, 0)).toBe(daysBetween(due, end));
            expect(inv.periods[0]!.from).toBe(addDays(due, 1));
            expect(inv.periods.at(-1)!.to).toBe(end);
            for (let i = 1; i < inv.periods.length; i++) {
              expect(inv.periods[i]!.from).toBe(addDays(inv.periods[i - 1]!.to, 1));
              expect(inv.periods[i]!.base).toBeLessThanOrEqual(inv.periods[i - 1]!.base);
            }
            for (const p of inv.periods) {
              const exact = centsToDec(p.base).times(p.rate).times(p.days).dividedBy(36500);
              expect(centsToDec(p.interest).minus(exact).abs().lessThan('0.01')).toBe(true);
            }
            expect(inv.interest).toBe(decToCents(inv.exact));
            expect(inv.indemnity).toBe(4000);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
