import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LETTER_STEPS, type LetterView } from '../../src/letters/model.js';
import { checkTemplates, sampleLetters, type SampleBase } from '../../src/letters/template-check.js';
import { loadTemplateSet } from '../../src/letters/template-files.js';
import { compileTemplates, LANGUAGES } from '../../src/letters/templates.js';
import { cents } from '../../src/model/money.js';
import { CREDITOR, d } from './builders.js';

const BASE: SampleBase = { creditor: CREDITOR, logo: null, asOf: d('2026-11-22'), letters: { deadlineDays: 8, formalNoticeDeadlineDays: 15 }, indemnityPerInvoice: cents(4000) };

function userDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dunning-tplcheck-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('sampleLetters', () => {
  const samples = sampleLetters(BASE);

  it('give every language and step both sides of each condition a template can test', () => {
    for (const language of LANGUAGES) {
      for (const step of LETTER_STEPS) {
        const group = samples.filter((v) => v.language === language && v.step === step);
        const sides = (f: (v: LetterView) => unknown) => new Set(group.map((v) => !!f(v)));
        const conditions: Record<string, (v: LetterView) => unknown> = {
          business: (v) => v.business,
          consumer: (v) => v.consumer,
          lastCall: (v) => v.lastCall,
          callOutcome: (v) => v.lastCall?.outcome,
          firstLetter: (v) => v.firstLetter,
          calls: (v) => v.calls.length,
          letters: (v) => v.letters.length,
          promises: (v) => v.promises.length,
          promiseAmount: (v) => v.promises.some((p) => p.amount !== null),
          hasHistory: (v) => v.hasHistory,
          contact: (v) => v.customer.contact,
          country: (v) => v.customer.country,
          logo: (v) => v.creditor.logo,
          signatory: (v) => v.creditor.signatory,
          iban: (v) => v.creditor.iban,
          siren: (v) => v.creditor.siren,
          city: (v) => v.creditor.city,
          paid: (v) => v.totals.paid,
          oneInvoice: (v) => v.invoiceCount === 1,
        };
        for (const [what, f] of Object.entries(conditions)) {
          expect([...sides(f)].sort(), `${language} ${step} ${what}`).toEqual([false, true]);
        }
        if (step === 'formal_notice') expect([...sides((v) => v.claimsCharges)].sort()).toEqual([false, true]);
        // Both sides within each kind too (`{{#if consumer}}…{{#if lastCall}}`).
        for (const kind of ['business', 'consumer']) {
          expect([...sides((v) => v.customer.kind === kind && v.hasHistory)].sort()).toEqual([false, true]);
        }
      }
    }
  });

  it('take the real creditor when it has the details', () => {
    const full = samples.find((v) => v.hasHistory)!;
    expect(full.creditor).toMatchObject({ name: CREDITOR.name, iban: CREDITOR.iban, signatory: CREDITOR.signatory });
  });
});

describe('checkTemplates', () => {
  it('passes the shipped templates', () => {
    expect(() => checkTemplates(compileTemplates(loadTemplateSet(undefined)), BASE)).not.toThrow();
  });

  it.each([
    ['en/formal-notice.hbs', '{{#if consumer}}\n<p>{{customer.nme}}</p>\n{{/if}}', /en\/formal-notice\.hbs:2: template error: "nme" not defined/],
    ['fr/registered-reminder.hbs', '<p>x</p>\n{{#if consumer}}{{#if lastCall}}\n\n{{money totals.residul}}{{/if}}{{/if}}', /fr\/registered-reminder\.hbs:4: template error: money: found undefined, expected an amount/],
    ['partials/history.hbs', '{{#each promises}}{{#if amount}}\n{{money amont}}{{/if}}{{/each}}', /partials\/history\.hbs:2: template error: money: found undefined/],
    ['partials/letterhead.hbs', '<div>{{#if creditor.logo}}\n<img src="{{creditor.logoo}}">{{/if}}</div>', /partials\/letterhead\.hbs:2: template error: "logoo" not defined/],
  ])('finds a typo in a branch of %s', (file, text, message) => {
    const renderer = compileTemplates(loadTemplateSet(userDir({ [file]: text })));
    expect(() => checkTemplates(renderer, BASE)).toThrow(message);
  });
});
