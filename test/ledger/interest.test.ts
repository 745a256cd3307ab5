/**
 * Late interest, computed by hand in the comments: interest = base × rate × days / 365,
 * days counted from the day after the due date to the end date, both included.
 * Rates (FACTS.md): 2019-S1 10.00 · 2022-S2 10.00 · 2023-S1 12.50 · 2023-S2 14.00 ·
 * 2024-S1 14.50 · 2025-S1 13.15 · 2025-S2 12.15 · 2026-S1 12.15; legal "autres cas"
 * 2025-S1 3.71, 2026-S1 2.62.
 */
import { describe, expect, it } from 'vitest';
import { computeInterest, type InterestInput } from '../../src/ledger/interest.js';
import { buildRateTable, type RateOverride } from '../../src/ledger/rates.js';
import { SHIPPED_RATES } from '../../src/ledger/rates-data.js';
import { Dec, formatAmount, type Cents } from '../../src/model/money.js';
import type { Reconciliation } from '../../src/model/reconciliation.js';
import type { Customer, IsoDate } from '../../src/model/types.js';
import { customer, customers, day, reconciliation } from '../helpers/interest.js';

function run(
  rec: Reconciliation,
  asOf: string,
  opts: { customers?: ReadonlyMap<string, Customer>; contractRate?: string; overrides?: RateOverride[]; notices?: Record<string, string> } = {},
) {
  const input: InterestInput = {
    reconciliation: rec,
    customers: opts.customers ?? customers(customer('C1')),
    asOf: day(asOf),
    rates: buildRateTable(SHIPPED_RATES, opts.overrides ?? []).value,
    contractRate: opts.contractRate ? new Dec(opts.contractRate) : null,
    indemnity: 4000 as Cents,
    formalNoticeDate: (_c, debit) => (opts.notices?.[debit.ref] as IsoDate | undefined) ?? null,
  };
  return computeInterest(input);
}

/** The report as the contract's JSON would show it, without sources. */
function shown(rec: Reconciliation, asOf: string, opts: Parameters<typeof run>[2] = {}) {
  const { value, problems } = run(rec, asOf, opts);
  return {
    problems: problems.map((p) => `${p.field}: ${p.message}`),
    invoices: value.invoices.map((i) => ({
      number: i.number,
      paidDate: i.paidDate,
      interest: formatAmount(i.interest),
      indemnity: formatAmount(i.indemnity),
      periods: i.periods.map((p) => [p.from, p.to, p.days, formatAmount(p.base), p.rate.toFixed(2), formatAmount(p.interest)]),
    })),
    totals: { interest: formatAmount(value.totals.interest), indemnity: formatAmount(value.totals.indemnity) },
  };
}

describe('business customer, L441-10 default rate', () => {
  it('one half-year', () => {
    // 1 000,00 due 2026-01-31, as of 2026-03-02: 1 Feb..2 Mar = 28 + 2 = 30 days at 12.15.
    // 1000 × 0.1215 × 30 / 365 = 3645 / 365 = 9.98630… → 9.99; indemnity 40.00.
    const r = shown(reconciliation({ ref: 'F1', date: '2026-01-01', due: '2026-01-31', amount: 100000 }), '2026-03-02');
    expect(r).toEqual({
      problems: [],
      invoices: [{ number: 'F1', paidDate: null, interest: '9.99', indemnity: '40.00', periods: [['2026-02-01', '2026-03-02', 30, '1000.00', '12.15', '9.99']] }],
      totals: { interest: '9.99', indemnity: '40.00' },
    });
  });

  it('crosses 1 July: each half-year at its own rate (2023-S1 12.50, 2023-S2 14.00)', () => {
    // 10 000,00 due 2023-06-15, as of 2023-07-15.
    // 16..30 Jun: 15 days × 12.50: 10000 × 0.125 × 15 / 365 = 18750 / 365 = 51.36986…
    //  1..15 Jul: 15 days × 14.00: 10000 × 0.14 × 15 / 365 = 21000 / 365 = 57.53424…
    // total 39750 / 365 = 108.90410… → 108.90. Period cents: floors 51.36 + 57.53 = 108.89,
    // the missing cent goes to the larger remainder (0.00986 > 0.00424): 51.37 + 57.53.
    const r = shown(reconciliation({ ref: 'F2', date: '2023-05-16', due: '2023-06-15', amount: 1000000 }), '2023-07-15');
    expect(r.invoices[0]!.interest).toBe('108.90');
    expect(r.invoices[0]!.periods).toEqual([
      ['2023-06-16', '2023-06-30', 15, '10000.00', '12.50', '51.37'],
      ['2023-07-01', '2023-07-15', 15, '10000.00', '14.00', '57.53'],
    ]);
  });

  it('crosses 1 January (2022-S2 10.00 → 2023-S1 12.50)', () => {
    // 5 000,00 due 2022-12-20, as of 2023-01-10.
    // 21..31 Dec: 11 days × 10.00: 5000 × 0.10 × 11 / 365 = 5500 / 365 = 15.06849…
    //  1..10 Jan: 10 days × 12.50: 5000 × 0.125 × 10 / 365 = 6250 / 365 = 17.12328…
    // total 11750 / 365 = 32.19178… → 32.19; periods 15.07 + 17.12.
    const r = shown(reconciliation({ ref: 'F3', date: '2022-11-20', due: '2022-12-20', amount: 500000 }), '2023-01-10');
    expect(r.invoices[0]!.interest).toBe('32.19');
    expect(r.invoices[0]!.periods).toEqual([
      ['2022-12-21', '2022-12-31', 11, '5000.00', '10.00', '15.07'],
      ['2023-01-01', '2023-01-10', 10, '5000.00', '12.50', '17.12'],
    ]);
  });

  it('counts actual days over 365 in a leap year too', () => {
    // 3 650,00 due 2024-01-31, as of 2024-03-01: 1..29 Feb (29) + 1 Mar = 30 days at 14.50.
    // 3650 × 0.145 × 30 / 365 = 15877.5 / 365 = 43.50 exactly (over 366 it would be 43.38).
    const r = shown(reconciliation({ ref: 'F4', date: '2024-01-01', due: '2024-01-31', amount: 365000 }), '2024-03-01');
    expect(r.invoices[0]!.periods).toEqual([['2024-02-01', '2024-03-01', 30, '3650.00', '14.50', '43.50']]);
  });

  it('lowers the base from the day after a partial payment; still 40 EUR', () => {
    // 2 000,00 due 2025-09-30, 500,00 paid on 2025-10-10, as of 2025-10-31, rate 12.15.
    //  1..10 Oct (payment day included): 10 days on 2000: 2000 × 0.1215 × 10 / 365 = 2430 / 365 = 6.65753…
    // 11..31 Oct: 21 days on 1500: 1500 × 0.1215 × 21 / 365 = 3827.25 / 365 = 10.48561…
    // total 6257.25 / 365 = 17.14315… → 17.14; periods: floors 6.65 + 10.48 = 17.13, the cent
    // goes to 6.65 (remainder 0.00753 > 0.00561): 6.66 + 10.48.
    const r = shown(reconciliation({ ref: 'F5', date: '2025-08-31', due: '2025-09-30', amount: 200000, paid: [['2025-10-10', 50000]] }), '2025-10-31');
    expect(r.invoices).toEqual([
      {
        number: 'F5',
        paidDate: null,
        interest: '17.14',
        indemnity: '40.00',
        periods: [
          ['2025-10-01', '2025-10-10', 10, '2000.00', '12.15', '6.66'],
          ['2025-10-11', '2025-10-31', 21, '1500.00', '12.15', '10.48'],
        ],
      },
    ]);
  });

  it('treats a credit note like a payment', () => {
    // Same as above with a credit note of 500,00 on 2025-10-10: same figures.
    const r = shown(reconciliation({ ref: 'F5', date: '2025-08-31', due: '2025-09-30', amount: 200000, paid: [['2025-10-10', 50000, 'credit_note']] }), '2025-10-31');
    expect(r.invoices[0]!.interest).toBe('17.14');
  });

  it('stops at the final payment of an invoice paid late', () => {
    // 1 200,00 due 2025-03-31, paid in full on 2025-04-20, as of 2025-06-30.
    // 1..20 Apr: 20 days × 13.15: 1200 × 0.1315 × 20 / 365 = 3156 / 365 = 8.64657… → 8.65.
    const r = shown(reconciliation({ ref: 'F6', date: '2025-03-01', due: '2025-03-31', amount: 120000, paid: [['2025-04-20', 120000]] }), '2025-06-30');
    expect(r.invoices).toEqual([
      { number: 'F6', paidDate: '2025-04-20', interest: '8.65', indemnity: '40.00', periods: [['2025-04-01', '2025-04-20', 20, '1200.00', '13.15', '8.65']] },
    ]);
  });

  it('charges 40 EUR on an invoice partly paid on time and the rest late', () => {
    // 1 000,00 due 2025-03-31: 600,00 on 2025-03-15, 400,00 on 2025-04-10.
    // Base from 1 Apr is 400: 1..10 Apr 10 days: 400 × 0.1315 × 10 / 365 = 526 / 365 = 1.44109… → 1.44.
    const r = shown(
      reconciliation({ ref: 'F7', date: '2025-03-01', due: '2025-03-31', amount: 100000, paid: [['2025-03-15', 60000], ['2025-04-10', 40000]] }),
      '2025-06-30',
    );
    expect(r.invoices).toEqual([
      { number: 'F7', paidDate: '2025-04-10', interest: '1.44', indemnity: '40.00', periods: [['2025-04-01', '2025-04-10', 10, '400.00', '13.15', '1.44']] },
    ]);
  });

  it('lists nothing for an invoice paid on its due date or not yet due', () => {
    const rec = reconciliation(
      { ref: 'ON-TIME', date: '2025-03-01', due: '2025-03-31', amount: 100000, paid: [['2025-03-31', 100000]] },
      { ref: 'DUE-TODAY', date: '2025-05-01', due: '2025-05-31', amount: 100000 },
    );
    expect(shown(rec, '2025-05-31').invoices).toEqual([]);
  });

  it('ignores payments dated after the as-of date', () => {
    // Paid 2025-04-20 but as of 2025-04-10: still open, 10 days on 1200 at 13.15:
    // 1200 × 0.1315 × 10 / 365 = 1578 / 365 = 4.32328… → 4.32.
    const r = shown(reconciliation({ ref: 'F6', date: '2025-03-01', due: '2025-03-31', amount: 120000, paid: [['2025-04-20', 120000]] }), '2025-04-10');
    expect(r.invoices[0]).toMatchObject({ paidDate: null, interest: '4.32' });
  });

  it('counts opening-balance debits as invoices', () => {
    // 1 000,00 due 2026-01-31 as of 2026-03-02: 9.99 as in the first case.
    const r = shown(reconciliation({ ref: 'AN-1', date: '2026-01-01', due: '2026-01-31', amount: 100000, opening: true }), '2026-03-02');
    expect(r.invoices[0]).toMatchObject({ number: 'AN-1', interest: '9.99', indemnity: '40.00' });
  });

  it('rounds half up, once per invoice: 0.005 → 0.01, 0.004997… → 0.00', () => {
    // 2019-S1 at 10.00, 1 day (due 2019-01-30, as of 2019-01-31):
    // 18,25 × 0.10 × 1 / 365 = 1.825 / 365 = 0.005 exactly → 0.01;
    // 18,24 × 0.10 × 1 / 365 = 1.824 / 365 = 0.0049972… → 0.00.
    const rec = reconciliation(
      { ref: 'H1', date: '2019-01-01', due: '2019-01-30', amount: 1825 },
      { ref: 'H2', date: '2019-01-01', due: '2019-01-30', amount: 1824 },
    );
    const r = shown(rec, '2019-01-31');
    expect(r.invoices.map((i) => [i.number, i.interest])).toEqual([['H1', '0.01'], ['H2', '0.00']]);
    expect(r.totals).toEqual({ interest: '0.01', indemnity: '80.00' });
  });

  it('rounds the sum of exact periods, not the sum of rounded periods', () => {
    // Each of two periods is exactly 0.005 €:
    // base 18,25, due 2019-06-29, as of 2019-07-01: 30 Jun (10.00) and 1 Jul (10.00), 1 day each:
    // 0.005 + 0.005 = 0.010 → 0.01 (rounding each period half up would give 0.02).
    const r = shown(reconciliation({ ref: 'H3', date: '2019-06-01', due: '2019-06-29', amount: 1825 }), '2019-07-01');
    expect(r.invoices[0]!.interest).toBe('0.01');
    expect(r.invoices[0]!.periods.map((p) => p[5])).toEqual(['0.01', '0.00']);
  });

  it('sorts by customer, due date, number', () => {
    const rec = reconciliation(
      { customer: 'C2', ref: 'B', date: '2026-01-01', due: '2026-01-31', amount: 100 },
      { customer: 'C1', ref: 'Z', date: '2026-01-01', due: '2026-02-01', amount: 100 },
      { customer: 'C1', ref: 'Y', date: '2026-01-01', due: '2026-01-31', amount: 100 },
    );
    const { value } = run(rec, '2026-03-02', { customers: customers(customer('C1'), customer('C2')) });
    expect(value.invoices.map((i) => `${i.customer}/${i.number}`)).toEqual(['C1/Y', 'C1/Z', 'C2/B']);
  });
});

describe('insolvency', () => {
  it('gives neither interest nor indemnity', () => {
    const rec = reconciliation({ ref: 'F1', date: '2026-01-01', due: '2026-01-31', amount: 100000 });
    const r = shown(rec, '2026-03-02', { customers: customers(customer('C1', 'business', 'insolvency')) });
    expect(r.invoices).toEqual([]);
    expect(r.totals).toEqual({ interest: '0.00', indemnity: '0.00' });
  });
});

describe('consumer', () => {
  const consumers = customers(customer('C1', 'consumer'));
  const rec = () => reconciliation({ ref: 'P1', date: '2025-01-01', due: '2025-01-31', amount: 300000 });

  it('owes legal interest ("autres cas") from the day after the formal notice, no indemnity', () => {
    // 3 000,00 due 2025-01-31, formal notice dated 2025-03-14, as of 2025-04-12:
    // 15..31 Mar (17) + 1..12 Apr (12) = 29 days at 3.71:
    // 3000 × 0.0371 × 29 / 365 = 3227.7 / 365 = 8.84301… → 8.84.
    const r = shown(rec(), '2025-04-12', { customers: consumers, notices: { P1: '2025-03-14' } });
    expect(r.invoices).toEqual([
      { number: 'P1', paidDate: null, interest: '8.84', indemnity: '0.00', periods: [['2025-03-15', '2025-04-12', 29, '3000.00', '3.71', '8.84']] },
    ]);
  });

  it('owes nothing without a formal notice', () => {
    expect(shown(rec(), '2025-04-12', { customers: consumers }).invoices).toEqual([]);
  });

  it('ignores a formal notice dated after the as-of date', () => {
    expect(shown(rec(), '2025-03-10', { customers: consumers, notices: { P1: '2025-03-14' } }).invoices).toEqual([]);
  });

  it('does not use the contract rate', () => {
    const r = shown(rec(), '2025-04-12', { customers: consumers, notices: { P1: '2025-03-14' }, contractRate: '15.00' });
    expect(r.invoices[0]!.interest).toBe('8.84');
  });
});

describe('contract rate (interest.contractRate)', () => {
  const rec = () => reconciliation({ ref: 'F1', date: '2026-01-01', due: '2026-01-31', amount: 100000 });

  it('is used when at least 3 × the legal rate', () => {
    // 2026-S1 floor 3 × 2.62 = 7.86. At 12.00 for 30 days: 1000 × 0.12 × 30 / 365 = 3600 / 365 = 9.86301… → 9.86.
    const r = shown(rec(), '2026-03-02', { contractRate: '12.00' });
    expect(r.problems).toEqual([]);
    expect(r.invoices[0]!.periods).toEqual([['2026-02-01', '2026-03-02', 30, '1000.00', '12.00', '9.86']]);
  });

  it('is accepted at exactly 3 × the legal rate', () => {
    // 1000 × 0.0786 × 30 / 365 = 2358 / 365 = 6.46027… → 6.46.
    const r = shown(rec(), '2026-03-02', { contractRate: '7.86' });
    expect(r.problems).toEqual([]);
    expect(r.invoices[0]!.interest).toBe('6.46');
  });

  it('is refused below 3 × the legal rate of a half-year it applies to', () => {
    const r = shown(rec(), '2026-03-02', { contractRate: '7.85' });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(
      /^interest\.contractRate: found "7\.85", expected at least 7\.86 for 2026-S1: 3 × the legal interest rate of 2\.62 \(L441-10 II of the Code de commerce; 1 invoice, first F1 of C1 \(books\.csv:\d+\)\)$/,
    );
    expect(r.invoices).toEqual([]);
  });
});

describe('unknown rates', () => {
  const rec = () => reconciliation({ ref: 'F9', date: '2026-05-16', due: '2026-06-15', amount: 100000 });

  it('are an error naming the half-year, never a guess', () => {
    const { value, problems } = run(rec(), '2026-07-10');
    expect(value.invoices).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', field: 'interest.rates' });
    expect(problems[0]!.message).toMatch(
      /^no rate known for 2026-S2: found none, expected the ECB main refinancing rate in force on 1 July 2026 \("ecb": L441-10 late-payment rate, 1 invoice, first F9 of C1 \(books\.csv:\d+\)\); add \{"half": "2026-S2", "ecb": "<percent>", "source": "<where it is published>"\} under interest\.rates in the config$/,
    );
  });

  it('are taken from the config', () => {
    // 16..30 Jun 15 days + 1..10 Jul 10 days, both at 12.15 on 1000:
    // 1000 × 0.1215 × 15 / 365 = 4.99315…; × 10 / 365 = 3.32876…; total 3037.5 / 365 = 8.32191… → 8.32.
    const r = shown(rec(), '2026-07-10', { overrides: [{ half: '2026-S2', ecb: '2.15' }] });
    expect(r.problems).toEqual([]);
    expect(r.invoices[0]!.periods).toEqual([
      ['2026-06-16', '2026-06-30', 15, '1000.00', '12.15', '4.99'],
      ['2026-07-01', '2026-07-10', 10, '1000.00', '12.15', '3.33'],
    ]);
    expect(r.invoices[0]!.interest).toBe('8.32');
  });

  it('need the legal rate to check a contract rate', () => {
    const { problems } = run(rec(), '2026-07-10', { contractRate: '12.00', overrides: [{ half: '2026-S2', ecb: '2.15' }] });
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^no rate known for 2026-S2: found "ecb" only, expected the legal interest rate \("autres cas"\) for 2026-S2 \("legalOther": to check the contract rate against 3 × the legal rate, .*add "legalOther": "<percent>" to the "2026-S2" entry/),
    ]);
  });
});
