import { describe, expect, it } from 'vitest';
import { chargesOf, deadlineDaysFor } from '../../src/letters/model.js';
import { cents, Dec } from '../../src/model/money.js';
import { DEFAULT_POLICY } from '../../src/policy/steps.js';
import { action, CREDITOR, customer, d, entry, invoice, views } from './builders.js';

describe('buildLetter', () => {
  it('lists invoices with paid and residual, and a deadline from the config', () => {
    const [v] = views([action('C1', 'reminder', [invoice('C1', 'F-1', 100000, 40000)])], [customer('C1')]);
    expect(v!.invoices[0]).toMatchObject({ number: 'F-1', amount: 100000, paid: 60000, residual: 40000, interest: null, indemnity: null });
    expect(v!.deadline).toBe('2026-11-30');
    expect(v!.totals).toMatchObject({ residual: 40000, claimed: 40000 });
    expect(v!.claimsCharges).toBe(false);
  });

  it('claims interest and indemnity separately in a business formal notice', () => {
    const inv = invoice('C1', 'F-1', 100000, 100000);
    const [v] = views([action('C1', 'formal_notice', [inv])], [customer('C1')], {
      charges: new Map([[inv.entry.id, { interest: cents(1234), indemnity: cents(4000) }]]),
    });
    expect(v!.claimsCharges).toBe(true);
    expect(v!.totals).toMatchObject({ residual: 100000, interest: 1234, indemnity: 4000, claimed: 105234 });
    expect(v!.deadline).toBe('2026-12-07');
  });

  it('claims no indemnity nor interest figures from a consumer', () => {
    const inv = invoice('C1', 'F-1', 100000, 100000);
    const [v] = views([action('C1', 'formal_notice', [inv])], [customer('C1', { kind: 'consumer' })], {
      charges: new Map([[inv.entry.id, { interest: cents(1234), indemnity: cents(4000) }]]),
    });
    expect(v!.claimsCharges).toBe(false);
    expect(v!.consumer).toBe(true);
    expect(v!.totals.claimed).toBe(100000);
  });

  it('recalls calls, earlier letters and promises up to the as-of date, oldest first', () => {
    const journal = [
      entry({ type: 'letter', customer: 'C1', date: d('2026-10-10'), step: 'reminder', file: 'x', amount: '1.00' } as never),
      entry({ type: 'call', customer: 'C1', date: d('2026-10-01'), outcome: 'no_answer' } as never),
      entry({ type: 'promise', customer: 'C1', date: d('2026-10-02'), until: d('2026-10-09'), amount: '300.00' } as never),
      entry({ type: 'call', customer: 'C1', date: d('2026-12-01') } as never),
      entry({ type: 'call', customer: 'C2', date: d('2026-10-05') } as never),
    ];
    const [v] = views([action('C1', 'registered_reminder', [invoice('C1', 'F-1', 100, 100)])], [customer('C1')], { journal });
    expect(v!.calls).toEqual([{ date: '2026-10-01', outcome: 'no_answer', reached: false, noAnswer: true, promised: false }]);
    expect(v!.firstLetter).toEqual({ date: '2026-10-10', step: 'reminder', registered: false });
    expect(v!.promises).toEqual([{ date: '2026-10-02', until: '2026-10-09', amount: 30000 }]);
    expect(v!.lastCall?.date).toBe('2026-10-01');
  });

  it('recalls only the calls and letters about an invoice of the letter (or naming none)', () => {
    const refs = (...numbers: string[]) => numbers.map((number) => ({ number, key: '' }));
    const journal = [
      entry({ type: 'letter', customer: 'C1', date: d('2026-09-01'), step: 'reminder', file: 'x', amount: '1.00', invoices: refs('F-0') } as never), // about F-0, paid since
      entry({ type: 'letter', customer: 'C1', date: d('2026-10-10'), step: 'reminder', file: 'y', amount: '1.00', invoices: refs('F-0', 'F-1') } as never),
      entry({ type: 'call', customer: 'C1', date: d('2026-08-20'), outcome: 'reached', invoices: refs('F-0') } as never),
      entry({ type: 'call', customer: 'C1', date: d('2026-10-01'), outcome: 'no_answer', invoices: refs('F-1') } as never),
      entry({ type: 'call', customer: 'C1', date: d('2026-10-03'), outcome: 'reached', invoices: [] } as never), // logged without data
    ];
    const [v] = views([action('C1', 'registered_reminder', [invoice('C1', 'F-1', 100, 100)])], [customer('C1')], { journal });
    expect(v!.firstLetter?.date).toBe('2026-10-10');
    expect(v!.calls.map((c) => c.date)).toEqual(['2026-10-01', '2026-10-03']);
  });

  it('recalls as broken only the promises past their date about an invoice of the letter', () => {
    const f1 = invoice('C1', 'F-1', 100, 100);
    const promise = (date: string, until: string, numbers: string[]) =>
      entry({ type: 'promise', customer: 'C1', date: d(date), until: d(until), invoices: numbers.map((number) => ({ number, key: '' })) } as never);
    const journal = [
      promise('2026-10-02', '2026-10-09', ['F-1']), // broken: recalled
      promise('2026-10-03', '2026-10-10', []), // logged without data: every open invoice, recalled
      promise('2026-11-01', '2026-12-10', ['F-9']), // still running on the as-of date
      promise('2026-09-01', '2026-09-15', ['F-0']), // about another invoice (paid since)
      promise('2026-11-15', '2026-11-22', ['F-1']), // ends on the as-of date: not broken yet
    ];
    const [v] = views([action('C1', 'formal_notice', [f1])], [customer('C1')], { journal });
    expect(v!.promises.map((p) => p.until)).toEqual(['2026-10-09', '2026-10-10']);
  });

  it('is English for an English customer and prints no country for France', () => {
    const [en, fr] = views(
      [action('C1', 'reminder', [invoice('C1', 'F-1', 100, 100)]), action('C2', 'reminder', [invoice('C2', 'F-2', 100, 100)])],
      [customer('C1', { language: 'en', country: 'United Kingdom' }), customer('C2')],
    );
    expect(en!.language).toBe('en');
    expect(en!.customer.country).toBe('United Kingdom');
    expect(fr!.customer.country).toBeNull();
  });

  it('gives a customer abroad the creditor phone with +33, one in France the national number', () => {
    const [abroad, home] = views(
      [action('C1', 'reminder', [invoice('C1', 'F-1', 100, 100)]), action('C2', 'reminder', [invoice('C2', 'F-2', 100, 100)])],
      [customer('C1', { language: 'en', country: 'United Kingdom' }), customer('C2', { country: 'France' })],
    );
    expect(abroad!.creditor.phone).toBe('+33 4 72 00 00 00');
    expect(home!.creditor.phone).toBe('04 72 00 00 00');
    // a creditor outside France: its number as configured
    const swiss = views([action('C1', 'reminder', [invoice('C1', 'F-1', 100, 100)])], [customer('C1', { country: 'United Kingdom' })], {
      creditor: { ...CREDITOR, country: 'Suisse', phone: '0221234567' },
    });
    expect(swiss[0]!.creditor.phone).toBe('0221234567');
  });

  it('refuses a step that is not a letter', () => {
    expect(() => views([action('C1', 'call', [invoice('C1', 'F-1', 100, 100)])], [customer('C1')])).toThrow(/not a letter/);
  });

  it('says which call outcome to word: reached, no answer, promise, or not logged', () => {
    const outcomes = ['reached', 'no_answer', 'promise', undefined] as const;
    const flags = outcomes.map((outcome) => {
      const journal = [entry({ type: 'call', customer: 'C1', date: d('2026-10-01'), ...(outcome ? { outcome } : {}) } as never)];
      const [v] = views([action('C1', 'reminder', [invoice('C1', 'F-1', 100, 100)])], [customer('C1')], { journal });
      const c = v!.lastCall!;
      return [c.reached, c.noAnswer, c.promised];
    });
    expect(flags).toEqual([[true, false, false], [false, true, false], [false, false, true], [false, false, false]]);
  });

  it('builds one history list in date order, a call before the promise made in it', () => {
    const journal = [
      entry({ type: 'letter', customer: 'C1', date: d('2026-10-10'), step: 'reminder', file: 'x', amount: '1.00' } as never),
      entry({ type: 'promise', customer: 'C1', date: d('2026-10-02'), until: d('2026-10-09') } as never),
      entry({ type: 'call', customer: 'C1', date: d('2026-10-20'), outcome: 'no_answer' } as never),
      entry({ type: 'call', customer: 'C1', date: d('2026-10-02'), outcome: 'promise' } as never),
    ];
    const [v] = views([action('C1', 'formal_notice', [invoice('C1', 'F-1', 100, 100)])], [customer('C1')], { journal });
    expect(v!.history.map((h) => `${h.date} ${h.call ? 'call' : h.letter ? 'letter' : 'promise'}`)).toEqual([
      '2026-10-02 call', '2026-10-02 promise', '2026-10-10 letter', '2026-10-20 call',
    ]);
  });

  it('gives a deadline strictly before the next step of the customer policy', () => {
    // Defaults: reminder → registered reminder 8 days, formal notice → litigation 15 days.
    const at = (step: 'reminder' | 'registered_reminder' | 'formal_notice', policy = DEFAULT_POLICY) =>
      views([action('C1', step, [invoice('C1', 'F-1', 100, 100)])], [customer('C1')], { asOf: '2026-11-30', policy })[0]!.deadline;
    expect(at('reminder')).toBe('2026-12-07'); // the registered reminder is due on 8 December
    expect(at('registered_reminder')).toBe('2026-12-07');
    expect(at('formal_notice')).toBe('2026-12-14'); // litigation due on 15 December
    // A customer with longer delays keeps the configured days.
    const slow = { ...DEFAULT_POLICY, customerSteps: new Map([['C1', [{ id: 'reminder' as const, days: 7 }, { id: 'registered_reminder' as const, days: 30 }]]]) };
    expect(at('reminder', slow)).toBe('2026-12-08');
    // No step after this one: the configured days.
    expect(at('registered_reminder', slow)).toBe('2026-12-08');
    expect(views([action('C1', 'reminder', [invoice('C1', 'F-1', 100, 100)])], [customer('C1')], { asOf: '2026-11-30' })[0]!.deadline).toBe('2026-12-08');
  });

  it('never gives less than a day, nor less than 8 days for a formal notice', () => {
    expect(deadlineDaysFor(8, 1, false)).toBe(1);
    expect(deadlineDaysFor(8, 5, false)).toBe(4);
    expect(deadlineDaysFor(15, 5, true)).toBe(8);
    expect(deadlineDaysFor(15, null, true)).toBe(15);
  });

  it('shows the interest periods of a business formal notice with their rate and its basis', () => {
    const inv = invoice('C1', 'F-1', 100000, 100000);
    const period = { from: d('2026-09-01'), to: d('2026-11-22'), days: 83, base: cents(100000), interest: cents(2763) };
    const ecb = chargesOf({ interest: cents(2763), indemnity: cents(4000), basis: 'ecb_plus_10', periods: [{ ...period, rate: new Dec('12.15') }] });
    const [v] = views([action('C1', 'formal_notice', [inv])], [customer('C1')], { charges: new Map([[inv.entry.id, ecb]]) });
    expect(v!.interestPeriods).toEqual([{ number: 'F-1', from: '2026-09-01', to: '2026-11-22', days: 83, base: 100000, rate: '12,15\u202f%', ecbRate: '2,15\u202f%', contract: false, interest: 2763 }]);
    expect(v!.contractRate).toBe(false);
    const contract = chargesOf({ interest: cents(2763), indemnity: cents(4000), basis: 'contract', periods: [{ ...period, rate: new Dec('15') }] });
    const [w] = views([action('C1', 'formal_notice', [inv])], [customer('C1', { language: 'en' })], { charges: new Map([[inv.entry.id, contract]]) });
    expect(w!.interestPeriods[0]).toMatchObject({ rate: '15.00%', ecbRate: null, contract: true });
    expect(w!.contractRate).toBe(true);
    // A consumer's notice shows no periods.
    const [c] = views([action('C1', 'formal_notice', [inv])], [customer('C1', { kind: 'consumer' })], { charges: new Map([[inv.entry.id, ecb]]) });
    expect(c!.hasInterestPeriods).toBe(false);
  });

  it('carries the creditor legal mentions when configured, null otherwise', () => {
    const one = (creditor = CREDITOR) => views([action('C1', 'reminder', [invoice('C1', 'F-1', 100, 100)])], [customer('C1')], { creditor })[0]!.creditor;
    expect(one()).toMatchObject({ legalForm: 'SARL', capital: 1000000, rcs: 'Lyon', vatNumber: 'FR32123456789' });
    const { legalForm: _l, capital: _c, rcs: _r, vatNumber: _v, ...bare } = CREDITOR;
    expect(one(bare)).toMatchObject({ legalForm: null, capital: null, rcs: null, vatNumber: null });
  });

  it('writes a foreign address as its country does, the country last in capitals', () => {
    const lines = (over: Parameters<typeof customer>[1]) => views([action('C1', 'reminder', [invoice('C1', 'F-1', 100, 100)])], [customer('C1', over)])[0]!.customer.cityLines;
    expect(lines({ postcode: 'NW1 6XE', city: 'London', country: 'United Kingdom' })).toEqual(['London', 'NW1 6XE', 'UNITED KINGDOM']);
    expect(lines({ postcode: '10115', city: 'Berlin', country: 'Allemagne' })).toEqual(['10115 Berlin', 'ALLEMAGNE']);
    expect(lines({ postcode: '69002', city: 'Lyon', country: 'France' })).toEqual(['69002 Lyon']);
  });
});
