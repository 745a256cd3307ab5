/**
 * Which FEC files follow which: the order of several fiscal years and, for each file, whether
 * it continues the previous one (so that its opening lines restate balances already held in
 * detail, and must be dropped). Evidence, strongest first:
 * 1. the later file's opening customer lines restate the earlier file's closing customer
 *    balances (per customer, or in total when the opening is booked on one collective line);
 * 2. the closing dates in the file names (`<SIREN>FEC<AAAAMMJJ>`, FACTS.md) are at most 12
 *    months apart, and every entry of each file is dated on or before its closing date;
 * 3. only when neither tells: the later period starts 1 to MAX_GAP_DAYS days after the
 *    earlier one ends.
 * When the files cannot be ordered or merged without counting something twice, that is an
 * error naming both files: nothing is guessed.
 */
import { addMonths } from 'date-fns/addMonths';
import { daysBetween, fromDate, parseFecDate, toDate } from '../../model/dates.js';
import { formatAmount, type Cents } from '../../model/money.js';
import { error, warning } from '../../model/problems.js';
import type { IsoDate, LedgerEntry, Problem } from '../../model/types.js';
import type { FecReadResult } from './read.js';

/** Dates only: how many days after a period's end the next period may start and still continue it. */
export const MAX_GAP_DAYS = 7;
/** A fiscal year after the first lasts 12 months at most (C. com. L123-12; only the first may be longer). */
const MAX_YEAR_MONTHS = 12;

/** The fiscal year's closing date in a FEC file name `<SIREN>FEC<AAAAMMJJ>…`, null when the name does not say. */
export function closingDateFromName(display: string): IsoDate | null {
  const base = display.split(/[\\/]/).pop() ?? '';
  const m = /^\d{9}FEC(\d{8})(?!\d)/i.exec(base);
  return m ? parseFecDate(m[1]!) : null;
}

export interface YearPlan {
  /** Indexes into the results, oldest year first. */
  readonly order: readonly number[];
  /** Indexes of the files that continue the file before them: their opening lines are dropped. */
  readonly continues: ReadonlySet<number>;
  readonly problems: readonly Problem[];
}

interface YearFile {
  readonly index: number;
  readonly r: FecReadResult;
  readonly closing: IsoDate | null;
}

export function planYears(results: readonly FecReadResult[]): YearPlan {
  const files: YearFile[] = results.map((r, index) => ({ index, r, closing: closingDateFromName(r.file.display) }));
  const byName = files.every((f) => f.closing !== null);
  const key = (f: YearFile): string => (byName ? f.closing! : (f.r.period?.first ?? '9999'));
  const sorted = [...files].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.index - b.index));
  const problems: Problem[] = [];
  const continues = new Set<number>();
  for (let k = 1; k < sorted.length; k++) {
    const verdict = follows(sorted[k - 1]!, sorted[k]!);
    if (verdict.problem) problems.push(verdict.problem);
    if (verdict.continues) continues.add(sorted[k]!.index);
  }
  return { order: sorted.map((f) => f.index), continues, problems };
}

type Restates = { kind: 'none' } | { kind: 'restates' } | { kind: 'differs'; example: string };

/** Do the opening customer lines of `next` restate the closing customer balances of `prev`? */
function restates(prev: YearFile, next: YearFile): Restates {
  const opening = new Map<string, number>();
  for (const e of next.r.entries) if (e.opening) opening.set(e.customer, (opening.get(e.customer) ?? 0) + signed(e));
  if (opening.size === 0) return { kind: 'none' };
  const closing = new Map<string, number>();
  for (const e of prev.r.entries) closing.set(e.customer, (closing.get(e.customer) ?? 0) + signed(e));
  let totalOpening = 0;
  let totalClosing = 0;
  let example: string | null = null;
  for (const c of new Set([...opening.keys(), ...closing.keys()])) {
    const o = opening.get(c) ?? 0;
    const b = closing.get(c) ?? 0;
    totalOpening += o;
    totalClosing += b;
    example ??= o !== b ? `customer ${c}: opening ${formatAmount(o as Cents)}, closing balance ${formatAmount(b as Cents)}` : null;
  }
  if (example === null || totalOpening === totalClosing) return { kind: 'restates' };
  return { kind: 'differs', example };
}

const signed = (e: LedgerEntry): number => (e.side === 'debit' ? e.amount : -e.amount);

type NameVerdict = 'unknown' | 'consecutive' | 'same' | 'gap';

/** What the closing dates in the names say, when both names carry one that their entries agree with. */
function byNames(prev: YearFile, next: YearFile): NameVerdict {
  if (prev.closing === null || next.closing === null) return 'unknown';
  const within = (f: YearFile) => f.r.period === null || f.r.period.last <= f.closing!;
  if (!within(prev) || !within(next)) return 'unknown';
  if (next.closing === prev.closing) return 'same';
  return next.closing <= fromDate(addMonths(toDate(prev.closing), MAX_YEAR_MONTHS)) ? 'consecutive' : 'gap';
}

function follows(prev: YearFile, next: YearFile): { continues: boolean; problem?: Problem } {
  const where = { file: next.r.file.display, line: 1 };
  const p = prev.r.file.display;
  const n = next.r.file.display;
  const r = restates(prev, next);
  if (r.kind === 'restates') return { continues: true };
  const names = byNames(prev, next);
  const differs = r.kind === 'differs' ? ` (${r.example})` : '';
  const dropWarning = warning(
    `found opening lines that do not restate the closing balances of ${p}${differs}, expected the balances ${p} ends with: the opening lines of ${n} are dropped and the detail of ${p} counts; check the two files`,
    where,
  );
  if (names === 'consecutive') return r.kind === 'differs' ? { continues: true, problem: dropWarning } : { continues: true };
  const fix = 'give each fiscal year once, each file named <SIREN>FEC<closing date AAAAMMJJ>, or read one year at a time';
  if (names === 'same') {
    return { continues: false, problem: error(`found the fiscal year closing ${next.closing} again (${p} closes then too), expected consecutive fiscal years: reading both would count entries twice; ${fix}`, where) };
  }
  if (names === 'gap') {
    return {
      continues: false,
      problem: error(`found a fiscal year closing ${next.closing}, more than ${MAX_YEAR_MONTHS} months after ${p} (closing ${prev.closing}), expected consecutive fiscal years (a FEC is missing?)${r.kind === 'differs' ? `, and its opening lines do not restate the balances of ${p}${differs}` : ''}; ${fix}`, where),
    };
  }
  if (!prev.r.period || !next.r.period) return { continues: false };
  const gap = daysBetween(prev.r.period.last, next.r.period.first);
  const periods = `a period from ${next.r.period.first}, ${gap <= 0 ? `overlapping ${p} (to ${prev.r.period.last})` : `${gap} days after ${p} ends (${prev.r.period.last})`}`;
  if (r.kind === 'none') {
    // No opening line: nothing can be counted twice unless the entries themselves overlap.
    if (gap > 0) return { continues: false };
    return { continues: false, problem: error(`found ${periods}, expected consecutive fiscal years: entries of the same dates in both files would be counted twice; ${fix}`, where) };
  }
  if (gap >= 1 && gap <= MAX_GAP_DAYS) return { continues: true, problem: dropWarning };
  return {
    continues: false,
    problem: error(
      `found ${periods}, and opening lines that do not restate the closing balances of ${p}${differs}, expected the next fiscal year: cannot tell whether these opening lines repeat balances ${p} already holds; ${fix}`,
      where,
    ),
  };
}
