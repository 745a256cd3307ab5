import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/model/journal.js';
import type { Reconciliation } from '../../src/model/reconciliation.js';
import { planDunning } from '../../src/policy/plan.js';
import { DEFAULT_POLICY, type Policy } from '../../src/policy/steps.js';
import { call, customer, customers, d, invoice, letter, litigation, rec } from './builders.js';

const F1 = invoice({ ref: 'F1', customer: 'C1', date: '2026-09-15', amount: 120000 }); // due 2026-10-15

function plan(journal: JournalEntry[], asOf: string, r: Reconciliation = rec([{ entry: F1 }]), policy: Policy = DEFAULT_POLICY) {
  return planDunning({ rec: r, customers: customers(customer('C1'), customer('C2')), journal, policy, asOf: d(asOf) });
}

describe('step transitions with the default delays', () => {
  it('is not listed before its due date, nor on it', () => {
    expect(plan([], '2026-10-15').invoices).toEqual([]);
  });

  it('the call is due 3 days after the due date, not before', () => {
    const early = plan([], '2026-10-17');
    expect(early.invoices[0]).toMatchObject({ nextStep: 'call', nextStepDate: '2026-10-18', lastStep: null, daysLate: 2, blocked: null });
    expect(early.actions).toEqual([]);
    const due = plan([], '2026-10-18');
    expect(due.actions).toHaveLength(1);
    expect(due.actions[0]).toMatchObject({ customer: 'C1', step: 'call', amount: 120000 });
  });

  it('walks call → reminder → registered_reminder → formal_notice → litigation, each from the previous done date', () => {
    const j: JournalEntry[] = [call('2026-10-20', 'C1', [F1], 'reached')];
    expect(plan(j, '2026-10-26').invoices[0]).toMatchObject({ lastStep: 'call', lastStepDate: '2026-10-20', nextStep: 'reminder', nextStepDate: '2026-10-27' });
    expect(plan(j, '2026-10-26').actions).toEqual([]);
    expect(plan(j, '2026-10-27').actions[0]?.step).toBe('reminder');

    j.push(letter('2026-10-29', 'C1', 'reminder', [F1])); // done two days late: the chain counts from the done date
    expect(plan(j, '2026-10-30').invoices[0]).toMatchObject({ lastStep: 'reminder', nextStep: 'registered_reminder', nextStepDate: '2026-11-06' });

    j.push(letter('2026-11-06', 'C1', 'registered_reminder', [F1]));
    expect(plan(j, '2026-11-06').invoices[0]).toMatchObject({ nextStep: 'formal_notice', nextStepDate: '2026-11-14' });

    j.push(letter('2026-11-14', 'C1', 'formal_notice', [F1]));
    expect(plan(j, '2026-11-14').invoices[0]).toMatchObject({ nextStep: 'litigation', nextStepDate: '2026-11-29' });
    expect(plan(j, '2026-11-29').actions[0]?.step).toBe('litigation');

    expect(plan(j, '2026-12-05').actions[0]?.step).toBe('litigation'); // every day until it is logged

    j.push(litigation('2026-12-02', 'C1', [F1])); // `dunning log litigation C1 --date 2026-12-02`
    const end = plan(j, '2026-12-31');
    expect(end.invoices[0]).toMatchObject({ lastStep: 'litigation', lastStepDate: '2026-12-02', nextStep: null, nextStepDate: null, blocked: null });
    expect(end.invoices[0]!.explain).toContain('litigation done 2026-12-02 (journal: dossier handed over)');
    expect(end.actions).toEqual([]);
  });

  it('never skips a step: a late scan still asks for the call first', () => {
    const late = plan([], '2027-03-01');
    expect(late.actions[0]?.step).toBe('call');
    expect(late.invoices[0]?.nextStepDate).toBe('2026-10-18');
  });

  it('never skips a later step either: months after the call, the reminder is asked, not the formal notice', () => {
    const p = plan([call('2026-10-20', 'C1', [F1])], '2027-03-01');
    expect(p.invoices[0]).toMatchObject({ lastStep: 'call', nextStep: 'reminder', nextStepDate: '2026-10-27' });
    expect(p.actions.map((a) => a.step)).toEqual(['reminder']);
  });

  it('counts the next step from the latest date of a step logged twice', () => {
    const j = [call('2026-10-18', 'C1', [F1], 'no_answer'), call('2026-10-21', 'C1', [F1], 'reached')];
    expect(plan(j, '2026-10-22').invoices[0]).toMatchObject({ lastStepDate: '2026-10-21', nextStepDate: '2026-10-28' });
  });

  it('uses the due date given with the invoice when there is one', () => {
    const g = invoice({ ref: 'G', customer: 'C1', date: '2026-09-01', dueDate: '2026-09-10', amount: 1000 });
    const r = plan([], '2026-09-13', rec([{ entry: g }]));
    expect(r.invoices[0]).toMatchObject({ dueDate: '2026-09-10', nextStepDate: '2026-09-13' });
    expect(r.invoices[0]?.explain[0]).toBe('due 2026-09-10 (due date given with the invoice)');
  });

  it('ignores journal entries dated after the as-of date', () => {
    const j = [call('2026-10-20', 'C1', [F1])];
    expect(plan(j, '2026-10-19').invoices[0]).toMatchObject({ lastStep: null, nextStep: 'call' });
  });
});

describe('explain', () => {
  it('says where each date comes from', () => {
    const j = [call('2026-10-20', 'C1', [F1], 'reached')];
    expect(plan(j, '2026-10-27').invoices[0]?.explain).toEqual([
      'due 2026-10-15 (invoice 2026-09-15 + 30 days)',
      'call done 2026-10-20 (journal, outcome reached)',
      'reminder due 2026-10-27 = call 2026-10-20 + 7 days',
    ]);
    expect(plan([], '2026-10-20').invoices[0]?.explain).toContain('call due 2026-10-18 = due date 2026-10-15 + 3 days');
  });

  it('names the "jours fin de mois" rule and its reading, not only a day count', () => {
    const F9 = invoice({ ref: 'F9', customer: 'C3', date: '2026-09-10', amount: 50000 });
    const c3 = customer('C3', 'active', { termsDays: 45, termsEndOfMonth: true });
    const run = (dueDate: string, endOfMonthTerms?: 'days_plus_eom' | 'eom_plus_days') =>
      planDunning({
        rec: { allocations: [], credits: [], debits: [{ entry: F9, dueDate: d(dueDate), residual: F9.amount }] },
        customers: customers(c3),
        journal: [],
        policy: DEFAULT_POLICY,
        asOf: d('2026-12-01'),
        ...(endOfMonthTerms ? { endOfMonthTerms } : {}),
      }).invoices[0]!.explain[0];
    // 2026-09-10 + 45 days = 2026-10-25, end of that month 2026-10-31 (51 days after the invoice).
    expect(run('2026-10-31', 'days_plus_eom')).toBe('due 2026-10-31 (45 jours fin de mois (days_plus_eom): invoice 2026-09-10 + 45 days = 2026-10-25, then the end of that month)');
    // End of September + 45 days = 2026-11-14.
    expect(run('2026-11-14', 'eom_plus_days')).toBe("due 2026-11-14 (45 jours fin de mois (eom_plus_days): end of the invoice's month 2026-09-30 + 45 days)");
    // Without the config's reading, the one that gives the date is named.
    expect(run('2026-11-14')).toContain('(eom_plus_days)');
  });
});

describe('policy from the config', () => {
  it('applies custom delays', () => {
    const policy: Policy = { ...DEFAULT_POLICY, steps: [{ id: 'call', days: 1 }, { id: 'reminder', days: 2 }] };
    expect(plan([], '2026-10-16', undefined, policy).actions[0]?.step).toBe('call');
    const j = [call('2026-10-16', 'C1', [F1])];
    expect(plan(j, '2026-10-17', undefined, policy).invoices[0]).toMatchObject({ nextStep: 'reminder', nextStepDate: '2026-10-18' });
  });

  it('goes straight to the next step kept when steps are dropped', () => {
    const policy: Policy = { ...DEFAULT_POLICY, steps: [{ id: 'reminder', days: 10 }, { id: 'formal_notice', days: 5 }] };
    expect(plan([], '2026-10-25', undefined, policy).invoices[0]).toMatchObject({ nextStep: 'reminder', nextStepDate: '2026-10-25' });
    const j = [letter('2026-10-25', 'C1', 'reminder', [F1])];
    expect(plan(j, '2026-10-30', undefined, policy).invoices[0]).toMatchObject({ nextStep: 'formal_notice', nextStepDate: '2026-10-30' });
    const after = [...j, letter('2026-10-30', 'C1', 'formal_notice', [F1])];
    expect(plan(after, '2026-12-30', undefined, policy).invoices[0]).toMatchObject({ nextStep: null, nextStepDate: null });
  });

  it('gives a customer its own steps', () => {
    const policy: Policy = { ...DEFAULT_POLICY, customerSteps: new Map([['C2', [{ id: 'formal_notice' as const, days: 20 }]]]) };
    const f2 = invoice({ ref: 'F2', customer: 'C2', date: '2026-09-15', amount: 1000 });
    const r = plan([], '2026-11-04', rec([{ entry: F1 }, { entry: f2 }]), policy);
    expect(r.invoices.map((i) => [i.customer, i.nextStep, i.nextStepDate])).toEqual([
      ['C1', 'call', '2026-10-18'],
      ['C2', 'formal_notice', '2026-11-04'],
    ]);
    expect(r.actions.map((a) => [a.customer, a.step])).toEqual([['C1', 'call'], ['C2', 'formal_notice']]);
  });
});

describe('actions', () => {
  const F2 = invoice({ ref: 'F2', customer: 'C1', date: '2026-10-10', amount: 30000 }); // due 2026-11-09
  const F3 = invoice({ ref: 'F3', customer: 'C1', date: '2026-11-10', amount: 5000 }); // due 2026-12-10: not overdue
  const r = rec([{ entry: F1 }, { entry: F2 }, { entry: F3 }]);

  it('one per customer, at the most advanced step due, listing every overdue invoice', () => {
    const j = [call('2026-10-20', 'C1', [F1]), letter('2026-10-27', 'C1', 'reminder', [F1])];
    const p = plan(j, '2026-11-12', r);
    expect(p.invoices.map((i) => [i.number, i.nextStep, i.nextStepDate])).toEqual([
      ['F1', 'registered_reminder', '2026-11-04'],
      ['F2', 'call', '2026-11-12'],
    ]);
    expect(p.actions).toHaveLength(1);
    expect(p.actions[0]!.step).toBe('registered_reminder');
    expect(p.actions[0]!.invoices.map((i) => i.number)).toEqual(['F1', 'F2']);
    expect(p.actions[0]!.amount).toBe(150000);
  });

  it('lists an overdue invoice whose own step is not due yet in the customer action', () => {
    const j = [call('2026-10-20', 'C1', [F1])];
    const p = plan(j, '2026-11-10', r);
    expect(p.invoices.find((i) => i.number === 'F2')?.nextStepDate).toBe('2026-11-12');
    expect(p.actions[0]!.invoices.map((i) => i.number)).toEqual(['F1', 'F2']);
  });

  it('a litigation logged without invoices takes the overdue ones; a later invoice starts its own chain', () => {
    const j = [call('2026-10-20', 'C1', [F1]), letter('2026-10-27', 'C1', 'reminder', [F1]), letter('2026-11-04', 'C1', 'registered_reminder', [F1])];
    j.push(letter('2026-11-12', 'C1', 'formal_notice', [F1]), litigation('2026-11-27', 'C1'));
    // On 2026-11-27, F1 and F2 (due 2026-11-09) are overdue and go in the dossier; F3 (due 2026-12-10) is not.
    const p = plan(j, '2026-12-14', r);
    expect(p.invoices.map((i) => [i.number, i.lastStep, i.nextStep])).toEqual([
      ['F1', 'litigation', null],
      ['F2', 'litigation', null],
      ['F3', null, 'call'],
    ]);
    // F1 and F2 are with the lawyer: they do not ride along in the call about F3.
    expect(p.actions.map((a) => [a.step, a.invoices.map((i) => i.number)])).toEqual([['call', ['F3']]]);
  });

  it('a new invoice of a customer at formal notice starts at the call', () => {
    const j = [call('2026-10-20', 'C1', [F1]), letter('2026-10-27', 'C1', 'reminder', [F1]), letter('2026-11-04', 'C1', 'registered_reminder', [F1]), letter('2026-11-12', 'C1', 'formal_notice', [F1])];
    const p = plan(j, '2026-11-13', r);
    expect(p.invoices.find((i) => i.number === 'F2')).toMatchObject({ lastStep: null, nextStep: 'call' });
  });

  it('is idempotent: once the step is logged on the as-of date, a re-run that day has no action', () => {
    const asOf = '2026-11-12';
    const before = plan([call('2026-10-20', 'C1', [F1]), letter('2026-10-27', 'C1', 'reminder', [F1])], asOf, r);
    const action = before.actions[0]!;
    const done = letter(asOf, 'C1', action.step as 'registered_reminder', action.invoices.map((i) => i.entry));
    const after = plan([call('2026-10-20', 'C1', [F1]), letter('2026-10-27', 'C1', 'reminder', [F1]), done], asOf, r);
    expect(after.actions).toEqual([]);
    expect(after.invoices.map((i) => i.lastStep)).toEqual(['registered_reminder', 'registered_reminder']);
  });

  it('is ordered by customer, then due date, whatever the input order', () => {
    const g = invoice({ ref: 'G', customer: 'C2', date: '2026-08-01', amount: 1000 });
    const p1 = plan([], '2026-12-01', rec([{ entry: g }, { entry: F2 }, { entry: F1 }]));
    expect(p1.invoices.map((i) => i.number)).toEqual(['F1', 'F2', 'G']);
    expect(p1.actions.map((a) => a.customer)).toEqual(['C1', 'C2']);
  });
});
