/** Which formal notice starts a consumer's interest (src/cli/interest.ts formalNoticeDates). */
import { describe, expect, it } from 'vitest';
import { formalNoticeDates } from '../../src/cli/interest.js';
import type { JournalEntry } from '../../src/model/journal.js';
import type { IsoDate } from '../../src/model/types.js';
import { day, reconciliation } from '../helpers/interest.js';

const letter = (id: string, date: string, step: 'reminder' | 'formal_notice', number: string, key: string): JournalEntry => ({
  v: 1,
  id,
  date: date as IsoDate,
  recordedAt: `${date}T09:00:00.000Z`,
  customer: 'C1',
  invoices: [{ number, key }],
  type: 'letter',
  step,
  file: `${id}.pdf`,
  amount: '100.00',
});

describe('formal notice dates from the journal', () => {
  const rec = reconciliation(
    { ref: 'F1', date: '2025-01-01', due: '2025-01-31', amount: 10000 },
    { ref: 'F2', date: '2025-01-02', due: '2025-02-01', amount: 20000 },
  );
  const [f1, f2] = rec.debits.map((d) => d.entry);

  it('takes the first formal notice naming the invoice, not reminders', () => {
    const journal = [
      letter('a', '2025-03-20', 'formal_notice', 'F1', 'C1|F1|2025-01-01|10000'),
      letter('b', '2025-03-01', 'reminder', 'F1', 'C1|F1|2025-01-01|10000'),
      letter('c', '2025-03-10', 'formal_notice', 'F1', 'C1|F1|2025-01-01|10000'),
    ];
    const { dateOf, warnings } = formalNoticeDates(journal, rec, day('2025-04-30'));
    expect(dateOf('C1', f1!)).toBe('2025-03-10');
    expect(dateOf('C1', f2!)).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('leaves out notices dated after the as-of date', () => {
    const journal = [letter('a', '2025-03-20', 'formal_notice', 'F1', 'C1|F1|2025-01-01|10000')];
    expect(formalNoticeDates(journal, rec, day('2025-03-19')).dateOf('C1', f1!)).toBeNull();
  });

  it('warns about a formal notice that names no document', () => {
    const journal = [letter('a', '2025-03-20', 'formal_notice', 'F9', 'C1|F9|2025-01-01|10000')];
    const { warnings } = formalNoticeDates(journal, rec, day('2025-04-30'));
    expect(warnings).toEqual(['journal entry of 2025-03-20 (letter, customer C1): invoice F9 matches no document in the books, ignored']);
  });
});
