import { describe, expect, it } from 'vitest';
import { dueDateFor } from '../../src/ledger/due-date.js';
import type { IsoDate } from '../../src/model/types.js';

const d = (s: string) => s as IsoDate;

describe('due dates', () => {
  it('adds plain terms', () => {
    expect(dueDateFor(d('2026-01-15'), { days: 30, endOfMonth: false }, 'days_plus_eom')).toBe('2026-02-14');
  });
  it('reads "45 jours fin de mois" both ways (FACTS.md)', () => {
    // 45 days then end of month: 15 Jan + 45 = 1 Mar, end of March.
    expect(dueDateFor(d('2026-01-15'), { days: 45, endOfMonth: true }, 'days_plus_eom')).toBe('2026-03-31');
    // end of month then 45 days: 31 Jan + 45 = 17 Mar.
    expect(dueDateFor(d('2026-01-15'), { days: 45, endOfMonth: true }, 'eom_plus_days')).toBe('2026-03-17');
  });
});
