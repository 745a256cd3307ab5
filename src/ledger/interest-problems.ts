/**
 * The problems interest meets, gathered once per half-year however many invoices hit them:
 * a rate the table does not know (never guessed: the user adds it under `interest.rates`)
 * and a contract rate below 3 × the legal rate (L441-10 II).
 */
import type { Dec } from '../model/money.js';
import { error } from '../model/problems.js';
import type { Problem } from '../model/types.js';
import { describeHalfStart, formatRate, type HalfYear } from './rates.js';

/** Unknown rates and a contract rate below the floor, gathered once per half-year. */
export class RateProblems {
  private readonly missing = new Map<string, { half: HalfYear; what: 'ecb' | 'legalOther'; why: string; invoices: string[] }>();
  private readonly tooLow = new Map<HalfYear, { floor: Dec; legal: Dec; invoices: string[] }>();

  missingRate(half: HalfYear, what: 'ecb' | 'legalOther', why: string, invoice: string): void {
    const k = `${half}/${what}/${why}`;
    const m = this.missing.get(k) ?? { half, what, why, invoices: [] };
    m.invoices.push(invoice);
    this.missing.set(k, m);
  }

  contractTooLow(half: HalfYear, legal: Dec, invoice: string): void {
    const t = this.tooLow.get(half) ?? { floor: legal.times(3), legal, invoices: [] };
    t.invoices.push(invoice);
    this.tooLow.set(half, t);
  }

  problems(contractRate: Dec | null): Problem[] {
    const out: Problem[] = [];
    const which = (inv: string[]) => `${inv.length} invoice${inv.length > 1 ? 's' : ''}, first ${inv[0]}`;
    for (const m of [...this.missing.values()].sort((a, b) => (a.half < b.half ? -1 : a.half > b.half ? 1 : 0))) {
      const name = m.what === 'ecb' ? `the ECB main refinancing rate in force on ${describeHalfStart(m.half)}` : `the legal interest rate ("autres cas") for ${m.half}`;
      out.push(
        error(
          `no rate known for ${m.half}: found none, expected ${name} (${m.why}; ${which(m.invoices)}); ` +
            `add {"half": "${m.half}", "${m.what}": "<percent>", "source": "<where it is published>"} under interest.rates in the config`,
          undefined,
          'interest.rates',
        ),
      );
    }
    for (const [half, t] of [...this.tooLow.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      out.push(
        error(
          `found "${formatRate(contractRate!)}", expected at least ${formatRate(t.floor)} for ${half}: ` +
            `3 × the legal interest rate of ${formatRate(t.legal)} (L441-10 II of the Code de commerce; ${which(t.invoices)})`,
          undefined,
          'interest.contractRate',
        ),
      );
    }
    return out;
  }
}

