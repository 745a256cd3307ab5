/**
 * CSV books and a journal shared by the in-process and end-to-end tests of `dunning interest`.
 * As of 2026-03-02 (2026-S1: B2B 12.15, legal "autres cas" 2.62):
 * - F1 B1 1 000,00 due 2026-01-31, open: 1 Feb..2 Mar = 30 days:
 *   1000 × 0.1215 × 30 / 365 = 3645 / 365 = 9.98630… → 9.99, indemnity 40.00.
 * - F2 B1 1 200,00 due 2026-02-09, paid 2026-02-19: 10..19 Feb = 10 days:
 *   1200 × 0.1215 × 10 / 365 = 1458 / 365 = 3.99452… → 3.99, indemnity 40.00.
 * - F3 B1 500,00 due 2026-02-14, paid 2026-02-10 (on time): not listed.
 * - F4 K1 (consumer) 3 000,00 due 2025-12-31, formal notice dated 2026-02-13: 14..28 Feb (15)
 *   + 1..2 Mar (2) = 17 days at 2.62: 3000 × 0.0262 × 17 / 365 = 1336.2 / 365 = 3.66082… → 3.66.
 * - F5 K2 (consumer) 800,00, no formal notice: not listed.
 * - F6 X1 (insolvency) 900,00: not listed.
 * Totals: interest 9.99 + 3.99 + 3.66 = 17.64; indemnity 80.00.
 */
export const INVOICES_CSV = [
  'number;customer;customer_name;date;due_date;amount',
  'F1;B1;ACME SA;2026-01-01;2026-01-31;1000,00',
  'F2;B1;ACME SA;2026-01-10;2026-02-09;1200,00',
  'F3;B1;ACME SA;2026-01-15;2026-02-14;500,00',
  'F4;K1;Jean Martin;2025-12-01;2025-12-31;3000,00',
  'F5;K2;Marie Durand;2025-12-01;2025-12-31;800,00',
  'F6;X1;Faillite SA;2026-01-01;2026-01-31;900,00',
  '',
].join('\n');

export const PAYMENTS_CSV = [
  'id;customer;date;amount;reference;invoice',
  'P1;B1;2026-02-19;1200,00;virement;F2',
  'P2;B1;2026-02-10;500,00;virement;F3',
  '',
].join('\n');

export const CUSTOMERS_CSV = [
  'id;name;kind;status',
  'B1;ACME SA;business;active',
  'K1;Jean Martin;consumer;active',
  'K2;Marie Durand;consumer;active',
  'X1;Faillite SA;business;insolvency',
  '',
].join('\n');

/** One formal notice to K1 naming F4 by its document key (policy/doc-key.ts). */
export const JOURNAL_JSONL = `${JSON.stringify({
  v: 1,
  id: 'e1',
  date: '2026-02-13',
  recordedAt: '2026-02-13T09:00:00.000Z',
  customer: 'K1',
  invoices: [{ number: 'F4', key: 'K1|F4|2025-12-01|300000' }],
  type: 'letter',
  step: 'formal_notice',
  file: 'letters/K1-formal_notice.pdf',
  amount: '3000.00',
})}\n`;

export const EXPECTED_JSON = {
  asOf: '2026-03-02',
  invoices: [
    {
      customer: 'B1',
      number: 'F1',
      source: { file: 'invoices.csv', line: 2 },
      dueDate: '2026-01-31',
      paidDate: null,
      interest: '9.99',
      indemnity: '40.00',
      periods: [{ from: '2026-02-01', to: '2026-03-02', days: 30, base: '1000.00', rate: '12.15', interest: '9.99' }],
    },
    {
      customer: 'B1',
      number: 'F2',
      source: { file: 'invoices.csv', line: 3 },
      dueDate: '2026-02-09',
      paidDate: '2026-02-19',
      interest: '3.99',
      indemnity: '40.00',
      periods: [{ from: '2026-02-10', to: '2026-02-19', days: 10, base: '1200.00', rate: '12.15', interest: '3.99' }],
    },
    {
      customer: 'K1',
      number: 'F4',
      source: { file: 'invoices.csv', line: 5 },
      dueDate: '2025-12-31',
      paidDate: null,
      interest: '3.66',
      indemnity: '0.00',
      periods: [{ from: '2026-02-14', to: '2026-03-02', days: 17, base: '3000.00', rate: '2.62', interest: '3.66' }],
    },
  ],
  totals: { interest: '17.64', indemnity: '80.00' },
};
