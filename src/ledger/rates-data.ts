/**
 * The shipped rate table (FACTS.md, "Rates"), as data with its sources. This TypeScript
 * constant is the single source of truth: it compiles into dist/ with the code, so the table
 * the tool uses cannot drift from a separate JSON copy. Rates are percent a year, as strings,
 * read into decimals by ledger/rates.ts. Half-years after the last row are not known here:
 * the tool says so and asks for them under `interest.rates` in the config.
 */

export interface RateRow {
  /** `2026-S1`: January–June; `S2`: July–December. */
  readonly half: string;
  /** ECB main refinancing operations rate in force on 1 January (S1) or 1 July (S2). */
  readonly ecb: string;
  /** L441-10 II default late-payment rate: ECB + 10 points. Checked against `ecb` in tests. */
  readonly b2b: string;
  /** Legal interest rate, "autres cas" (creditor acting for professional needs). */
  readonly legalOther: string;
  /** Legal interest rate for creditors who are private persons ("particuliers"). */
  readonly legalPerson: string;
  /** Where each figure comes from. */
  readonly sources: { readonly ecb: string; readonly legal: string };
}

const LEGAL_SOURCE = (semester: '1er' | '2nd', year: number): string =>
  `Taux de l'intérêt légal, ${semester} semestre ${year}: arrêté publié au Journal officiel (CMF L313-2, D313-1-A), calculé et publié par la Banque de France`;

const ECB_SOURCE = (day: string, rate: string, since: string, note = ''): string =>
  `ECB main refinancing operations rate in force on ${day}: ${rate} % (effective ${since})${note}; European Central Bank, key ECB interest rates`;

const row = (
  year: number,
  s: 1 | 2,
  ecb: string,
  b2b: string,
  legalOther: string,
  legalPerson: string,
  ecbSince: string,
  note = '',
): RateRow => ({
  half: `${year}-S${s}`,
  ecb,
  b2b,
  legalOther,
  legalPerson,
  sources: {
    ecb: ECB_SOURCE(s === 1 ? `1 January ${year}` : `1 July ${year}`, ecb, ecbSince, note),
    legal: LEGAL_SOURCE(s === 1 ? '1er' : '2nd', year),
  },
});

export const SHIPPED_RATES: readonly RateRow[] = [
  row(2019, 1, '0.00', '10.00', '0.86', '3.40', '2016-03-16'),
  row(2019, 2, '0.00', '10.00', '0.87', '3.26', '2016-03-16'),
  row(2020, 1, '0.00', '10.00', '0.87', '3.15', '2016-03-16'),
  row(2020, 2, '0.00', '10.00', '0.84', '3.11', '2016-03-16'),
  row(2021, 1, '0.00', '10.00', '0.79', '3.14', '2016-03-16'),
  row(2021, 2, '0.00', '10.00', '0.76', '3.12', '2016-03-16'),
  row(2022, 1, '0.00', '10.00', '0.76', '3.13', '2016-03-16'),
  row(2022, 2, '0.00', '10.00', '0.77', '3.15', '2016-03-16', '; the rise to 0.50 % took effect on 2022-07-27, after 1 July'),
  row(2023, 1, '2.50', '12.50', '2.06', '4.47', '2022-12-21'),
  row(2023, 2, '4.00', '14.00', '4.22', '6.82', '2023-06-21'),
  row(2024, 1, '4.50', '14.50', '5.07', '8.01', '2023-09-20'),
  row(2024, 2, '4.25', '14.25', '4.92', '8.16', '2024-06-12'),
  row(2025, 1, '3.15', '13.15', '3.71', '7.21', '2024-12-18'),
  row(2025, 2, '2.15', '12.15', '2.76', '6.65', '2025-06-11'),
  row(2026, 1, '2.15', '12.15', '2.62', '6.67', '2025-06-11'),
];
