/**
 * Memoised date arithmetic for the plan: date-fns costs microseconds per call, and a plan of
 * 100,000 invoices asks the same few hundred questions (due date + 3 days…) again and again.
 * A cache per plan, so nothing outlives a call.
 */
import { addDays, daysBetween } from '../model/dates.js';
import type { IsoDate } from '../model/types.js';

export interface DateMemo {
  addDays(d: IsoDate, n: number): IsoDate;
  daysBetween(a: IsoDate, b: IsoDate): number;
}

export function dateMemo(): DateMemo {
  const added = new Map<string, IsoDate>();
  const between = new Map<string, number>();
  return {
    addDays(d, n) {
      const k = `${d}+${n}`;
      let r = added.get(k);
      if (r === undefined) added.set(k, (r = addDays(d, n)));
      return r;
    },
    daysBetween(a, b) {
      const k = `${a}/${b}`;
      let r = between.get(k);
      if (r === undefined) between.set(k, (r = daysBetween(a, b)));
      return r;
    },
  };
}
