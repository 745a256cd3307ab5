/**
 * The config file, `dunning.config.json`: its schema (zod, strict: an unknown key is an error
 * with its path) and the normalised config every command receives. Validation is pure; the
 * file is read in config/load.ts.
 */
import { z } from 'zod';

const decimalString = z
  .string()
  .regex(/^\d+(\.\d{1,4})?$/, 'expected a decimal number as a string with a dot, like "12.00"');
const money = z.string().regex(/^\d+(\.\d{1,2})?$/, 'expected an amount as a string with a dot, like "40.00"');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

export const STEP_IDS = ['call', 'reminder', 'registered_reminder', 'formal_notice', 'litigation'] as const;
export type StepId = (typeof STEP_IDS)[number];

const stepSchema = z.strictObject({
  id: z.enum(STEP_IDS),
  days: z.number().int().min(0).max(3650),
});

const columnsMap = z.record(z.string(), z.string());

export const configSchema = z.strictObject({
  creditor: z
    .strictObject({
      name: z.string().min(1),
      address: z.array(z.string()).default([]),
      postcode: z.string().default(''),
      city: z.string().default(''),
      country: z.string().default('France'),
      siren: z.string().default(''),
      phone: z.string().default(''),
      email: z.string().default(''),
      iban: z.string().default(''),
      bic: z.string().default(''),
      logo: z.string().optional(),
      signatory: z.string().optional(),
      /**
       * A company's letters must show its legal form and share capital, and its RCS
       * registration with the registry's city (C. com. R123-237); printed in the footer when set.
       */
      legalForm: z.string().min(1).optional(),
      capital: money.optional(),
      /** The city of the RCS registry (greffe), e.g. "Lyon": printed `RCS Lyon 123 456 789` with the SIREN. */
      rcs: z.string().min(1).optional(),
      vatNumber: z.string().regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, 'expected an intra-EU VAT number like "FR32123456789"').optional(),
    })
    .optional(),
  inputs: z
    .strictObject({
      fec: z.array(z.string()).optional(),
      invoices: z.string().optional(),
      payments: z.string().optional(),
      customers: z.string().optional(),
    })
    .default({}),
  journal: z.string().optional(),
  templates: z.string().optional(),
  receivablePrefixes: z.array(z.string().regex(/^\d+$/, 'expected account digits like "411"')).min(1).default(['411']),
  salesJournals: z.array(z.string().min(1)).optional(),
  defaultTermsDays: z.number().int().min(0).max(365).default(30),
  /**
   * "45 jours fin de mois" has two readings in practice (FACTS.md): `eom_plus_days` = end of
   * the invoice month, then 45 days; `days_plus_eom` = 45 days, then the end of that month.
   */
  endOfMonthTerms: z.enum(['eom_plus_days', 'days_plus_eom']).default('days_plus_eom'),
  csv: z
    .strictObject({
      /** How to read an amount like `1.234` that could be read two ways. */
      decimal: z.enum(['comma', 'dot']).optional(),
      encoding: z.enum(['utf-8', 'windows-1252']).optional(),
    })
    .default({}),
  columns: z
    .strictObject({
      invoices: columnsMap.optional(),
      payments: columnsMap.optional(),
      customers: columnsMap.optional(),
    })
    .default({}),
  aging: z
    .strictObject({
      buckets: z.array(z.number().int().positive()).min(1).default([30, 60, 90]),
      basis: z.enum(['due', 'issue']).default('due'),
    })
    .default({ buckets: [30, 60, 90], basis: 'due' }),
  policy: z
    .strictObject({
      minAmount: money.default('5.00'),
      steps: z.array(stepSchema).min(1).optional(),
      customers: z.record(z.string(), z.strictObject({ steps: z.array(stepSchema).min(1) })).default({}),
    })
    .default({ minAmount: '5.00', customers: {} }),
  interest: z
    .strictObject({
      /** A contract rate in percent a year; refused below 3 × the legal rate. */
      contractRate: decimalString.optional(),
      indemnity: money.default('40.00'),
      /** Rates per half-year, added to (and overriding) the shipped table. */
      rates: z
        .array(
          z.strictObject({
            half: z.string().regex(/^\d{4}-S[12]$/, 'expected a half-year like "2026-S2"'),
            ecb: decimalString.optional(),
            legalOther: decimalString.optional(),
            legalPerson: decimalString.optional(),
            source: z.string().optional(),
          }),
        )
        .default([]),
    })
    .default({ indemnity: '40.00', rates: [] }),
  letters: z
    .strictObject({
      /** Days given to pay in a letter, counted from the letter's date. */
      deadlineDays: z.number().int().min(1).max(60).default(8),
      /** Days given in a formal notice (FACTS.md: 8 to 15). */
      formalNoticeDeadlineDays: z.number().int().min(8).max(30).default(15),
    })
    .default({ deadlineDays: 8, formalNoticeDeadlineDays: 15 }),
});

export type ConfigFile = z.infer<typeof configSchema>;

/** Used only in validation messages. */
export const isoDateString = isoDate;
