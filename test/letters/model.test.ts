import { describe, expect, it } from 'vitest';
import { cents } from '../../src/model/money.js';
import { action, customer, d, entry, invoice, views } from './builders.js';

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
    expect(v!.calls).toEqual([{ date: '2026-10-01', outcome: 'no_answer' }]);
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

  it('refuses a step that is not a letter', () => {
    expect(() => views([action('C1', 'call', [invoice('C1', 'F-1', 100, 100)])], [customer('C1')])).toThrow(/not a letter/);
  });
});
