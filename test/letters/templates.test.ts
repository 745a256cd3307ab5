import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplateSet, readLogo } from '../../src/letters/template-files.js';
import { compileTemplates } from '../../src/letters/templates.js';
import { batchDocument, CSP } from '../../src/letters/render-html.js';
import { InputError } from '../../src/model/errors.js';
import { action, customer, invoice, views } from './builders.js';

function userDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dunning-tpl-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const oneView = (over = {}) => views([action('C1', 'reminder', [invoice('C1', 'F-1', 100, 100)])], [customer('C1', over)])[0]!;

describe('templates', () => {
  it('escapes an HTML-looking customer name', () => {
    const html = compileTemplates(loadTemplateSet(undefined)).render(oneView({ name: '<b>ACME</b> & "Co"' }));
    expect(html).toContain('&lt;b&gt;ACME&lt;/b&gt; &amp; &quot;Co&quot;');
    expect(html).not.toContain('<b>ACME');
  });

  it('names the payee without an elision problem, and never cuts a phone number at a line end', () => {
    const r = compileTemplates(loadTemplateSet(undefined));
    const fr = r.render(oneView());
    expect(fr).toContain('Règlement par virement, bénéficiaire&nbsp;: Atelier Éléonore SARL');
    // French typography: a no-break space before every colon and semicolon of the French text
    const frText = fr.replace(/<[^>]*>/g, '');
    expect(frText).not.toMatch(/ [:;]/);
    expect(frText).toContain('N/Réf.&nbsp;:');
    expect(fr).not.toContain("à l'ordre de"); // "à l'ordre de Atelier…" (d'Atelier) reads wrong
    expect(fr.match(/<span class="nowrap">04 72 00 00 00<\/span>/g)).toHaveLength(2); // letterhead and the closing offer
    const en = r.render(oneView({ language: 'en', country: 'United Kingdom', postcode: 'NW1 6XE', city: 'London' }));
    expect(en.match(/<span class="nowrap">\+33 4 72 00 00 00<\/span>/g)).toHaveLength(2);
    expect(en).toContain('late-payment penalties are due by law on any overdue amount');
    expect(r.css).toContain('.nowrap { white-space: nowrap; }');
  });

  it('puts the CSP and every letter in one document', () => {
    const r = compileTemplates(loadTemplateSet(undefined));
    const doc = batchDocument(r.css, [{ html: r.render(oneView()), language: 'fr' }, { html: r.render(oneView()), language: 'fr' }]);
    expect(doc).toContain(`content="${CSP.replace(/'/g, '&#39;')}"`);
    expect(doc.match(/class="dunning-marker"/g)).toHaveLength(2);
  });

  it('lets a user folder override a template by file name', () => {
    const dir = userDir({ 'fr/reminder.hbs': '<p>Relance maison pour {{customer.name}} : {{money totals.residual}}</p>' });
    const html = compileTemplates(loadTemplateSet(dir)).render(oneView());
    expect(html).toContain('Relance maison pour Client C1 : 1,00\u202f€');
    expect(html).toContain('Atelier Éléonore SARL'); // the shipped layout is still used
  });

  it('lets a user folder override a partial', () => {
    const dir = userDir({ 'partials/signature.hbs': '<div>Le service recouvrement</div>' });
    expect(compileTemplates(loadTemplateSet(dir)).render(oneView())).toContain('Le service recouvrement');
  });

  it.each([
    ['a syntax error', { 'fr/reminder.hbs': '<p>\n{{#if customer.name}}\nno end\n' }, /fr\/reminder\.hbs:4: template syntax error/],
    ['an unknown helper', { 'fr/reminder.hbs': '<p>\n\n{{euros totals.residual}}</p>' }, /fr\/reminder\.hbs:3: template error: .*unknown helper euros/],
    ['a missing partial', { 'layout.hbs': '<div>\n{{> content}}\n{{> footer}}</div>' }, /layout\.hbs:3: template error: the partial "footer" does not exist/],
    ['an unknown field', { 'partials/signature.hbs': '<div>\n  {{creditor.nme}}</div>' }, /partials\/signature\.hbs:2: template error: "nme" not defined \(column \d+\)/],
  ])('reports %s with the file and line', (_what, files, message) => {
    const dir = userDir(files);
    expect(() => compileTemplates(loadTemplateSet(dir)).render(oneView())).toThrow(message);
  });

  // Strict mode checks fields, not a helper's arguments: each helper checks its own.
  it.each([
    ['money', '{{money totals.residul}}', 'money: found undefined, expected an amount'],
    ['money', '{{money customer.name}}', 'money: found "Client C1", expected an amount'],
    ['money', '{{money}}', 'money: found 0 argument(s), expected 1 (an amount)'],
    ['date', '{{date duedate}}', 'date: found undefined, expected a date'],
    ['date', '{{date totals.residual}}', 'date: found 100, expected a date'],
    ['date', '{{date "2026-02-30"}}', 'date: found "2026-02-30", expected a date'],
    ['shortDate', '{{shortDate duedate}}', 'shortDate: found undefined, expected a date'],
    ['shortDate', '{{shortDate invoices}}', 'shortDate: found a list, expected a date'],
    ['plural', '{{plural invoicecount "facture" "factures"}}', 'plural: found undefined, expected a number'],
    ['plural', '{{plural invoiceCount "facture"}}', 'plural: found 2 argument(s), expected 3 (a number, a text in quotes, a text in quotes)'],
    ['plural', '{{plural invoiceCount "facture" totals}}', 'plural: found an object, expected a text in quotes'],
    ['stepName', '{{stepName stp}}', 'stepName: found undefined, expected a step (call, reminder, registered_reminder, formal_notice, litigation)'],
    ['stepName', '{{stepName "relance"}}', 'stepName: found "relance", expected a step'],
    ['outcome', '{{outcome customer.kind}}', 'outcome: found "business", expected a call outcome (reached, no_answer, promise, or null)'],
    ['outcome', '{{outcome lastcall}}', 'outcome: found undefined, expected a call outcome'],
  ])('%s rejects a missing or wrong-typed argument with the file and line: %s', (_helper, call, message) => {
    const dir = userDir({ 'fr/reminder.hbs': `<p>Relance</p>\n\n<p>${call}</p>\n` });
    let err: unknown;
    try {
      compileTemplates(loadTemplateSet(dir)).render(oneView());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain(`${path.join(dir, 'fr/reminder.hbs')}:3: template error: ${message}`);
  });

  it('the helpers still format valid arguments, and outcome prints nothing for null', () => {
    const dir = userDir({
      'fr/reminder.hbs': '<p>{{money totals.residual}}|{{date asOf}}|{{shortDate asOf}}|{{plural invoiceCount "f" "fs"}}|{{stepName step}}|{{outcome lastCall}}|{{outcome "promise"}}</p>',
    });
    expect(compileTemplates(loadTemplateSet(dir)).render(oneView())).toContain('<p>1,00\u202f€|22\u00a0novembre\u00a02026|22/11/2026|f|lettre de relance||promesse de paiement</p>');
  });

  it('names a templates folder that does not exist', () => {
    expect(() => loadTemplateSet('/nonexistent/tpl')).toThrow(/templates: the folder \/nonexistent\/tpl does not exist/);
  });
});

describe('logo', () => {
  it('is embedded as a data: URI in the letterhead', () => {
    const dir = userDir({ 'logo.png': 'PNGDATA' });
    const uri = readLogo(path.join(dir, 'logo.png'));
    expect(uri).toBe(`data:image/png;base64,${Buffer.from('PNGDATA').toString('base64')}`);
    const v = { ...oneView(), creditor: { ...oneView().creditor, logo: uri } };
    // Handlebars escapes `=` as `&#x3D;`, which the browser reads back as `=`.
    expect(compileTemplates(loadTemplateSet(undefined)).render(v)).toContain(`<img class="logo" src="${uri!.replace(/=/g, '&#x3D;')}"`);
  });

  it('must be an image file', () => {
    expect(() => readLogo('/x/logo.pdf')).toThrow('creditor.logo: found "/x/logo.pdf", expected a .png, .jpg, .svg, .gif or .webp file');
    expect(() => readLogo('/nonexistent/logo.png')).toThrow('creditor.logo: cannot read /nonexistent/logo.png (ENOENT)');
  });
});
