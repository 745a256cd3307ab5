/**
 * The problems interest meets, gathered once per half-year however many invoices hit them:
 * a rate the table does not know (never guessed: the user adds it under `interest.rates`)
 * and a contract rate below 3 × the legal rate (L441-10 II).
 */
import type { Dec } from '../model/money.js';
import { error } from '../model/problems.js';
import type { Problem } from '../model/types.js';
import { describeHalfStart, formatRate, type HalfYear, type HalfYearRate } from './rates.js';

type RateField = 'ecb' | 'legalOther';
const FIELD_ORDER: readonly RateField[] = ['ecb', 'legalOther'];

interface Missing {
  readonly half: HalfYear;
  /** The fields the half-year does have (from the config), to say what was found. */
  readonly present: readonly string[];
  /** Per missing field, per reason, the invoices that needed it. */
  readonly needs: Map<RateField, Map<string, string[]>>;
}

/** Unknown rates and a contract rate below the floor, gathered once per half-year. */
export class RateProblems {
  private readonly missing = new Map<HalfYear, Missing>();
  private readonly tooLow = new Map<HalfYear, { floor: Dec; legal: Dec; invoices: string[] }>();

  /**
   * `known` is the half-year's row when the table has one (a config entry lacking a field):
   * the message then says what it holds and asks to complete that entry, not to add another
   * (a second entry for the same half-year is refused).
   */
  missingRate(half: HalfYear, what: RateField, why: string, invoice: string, known?: HalfYearRate): void {
    let m = this.missing.get(half);
    if (!m) {
      const present = known ? (['ecb', 'legalOther', 'legalPerson'] as const).filter((f) => known[f] !== null) : [];
      this.missing.set(half, (m = { half, present, needs: new Map() }));
    }
    const byWhy = m.needs.get(what) ?? new Map<string, string[]>();
    byWhy.set(why, [...(byWhy.get(why) ?? []), invoice]);
    m.needs.set(what, byWhy);
  }

  contractTooLow(half: HalfYear, legal: Dec, invoice: string): void {
    const t = this.tooLow.get(half) ?? { floor: legal.times(3), legal, invoices: [] };
    t.invoices.push(invoice);
    this.tooLow.set(half, t);
  }

  problems(contractRate: Dec | null): Problem[] {
    const out: Problem[] = [];
    const which = (inv: string[]) => `${inv.length} invoice${inv.length > 1 ? 's' : ''}, first ${inv[0]}`;
    // One message per half-year naming every field it lacks, so one edit of the config fixes it.
    for (const m of [...this.missing.values()].sort((a, b) => (a.half < b.half ? -1 : a.half > b.half ? 1 : 0))) {
      const fields = FIELD_ORDER.filter((f) => m.needs.has(f));
      const expected = fields.map((f) => {
        const name = f === 'ecb' ? `the ECB main refinancing rate in force on ${describeHalfStart(m.half)}` : `the legal interest rate ("autres cas") for ${m.half}`;
        const whys = [...m.needs.get(f)!.entries()].map(([why, inv]) => `${why}, ${which(inv)}`);
        return `${name} ("${f}": ${whys.join('; ')})`;
      });
      const placeholders = fields.map((f) => `"${f}": "<percent>"`).join(', ');
      const found = m.present.length ? `${m.present.map((f) => `"${f}"`).join(' and ')} only` : 'none';
      const fix = m.present.length
        ? `add ${placeholders} to the "${m.half}" entry of interest.rates in the config`
        : `add {"half": "${m.half}", ${placeholders}, "source": "<where it is published>"} under interest.rates in the config`;
      out.push(error(`no rate known for ${m.half}: found ${found}, expected ${expected.join(' and ')}; ${fix}`, undefined, 'interest.rates'));
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

