import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sampleData } from '../../src/cli/init.js';
import { parseCustomersCsv } from '../../src/io/csv/customers.js';
import { addressProblems, recipientLines } from '../../src/letters/address-fit.js';
import { loadTemplateSet } from '../../src/letters/template-files.js';
import { compileTemplates } from '../../src/letters/templates.js';
import { formatProblem } from '../../src/model/problems.js';
import type { Customer, IsoDate } from '../../src/model/types.js';
import { action, customer, invoice, views } from './builders.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const viewOf = (c: Customer) => views([action(c.id, 'reminder', [invoice(c.id, 'F-1', 100, 100)])], [c])[0]!;
const problemsOf = (cs: Customer[]) => addressProblems(cs.map(viewOf), new Map(cs.map((c) => [c.id, c])));
const src = (line: number) => ({ source: { file: 'customers.csv', line } });

const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#x27|#39|#x3D);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", '#x3D': '=' })[e]!);

/** The lines of the recipient block in the letter HTML the shipped templates render. */
function printedLines(html: string): string[] {
  const block = /<div class="recipient">([\s\S]*?)\n<\/div>/.exec(html)![1]!;
  return [...block.matchAll(/<div[^>]*>([^<]*)<\/div>/g)].map((m) => decode(m[1]!).replace(/\s+/g, ' ').trim()).filter((t) => t !== '');
}

describe('recipientLines', () => {
  it('are the lines the shipped recipient partial prints, in French and English', () => {
    const renderer = compileTemplates(loadTemplateSet(undefined));
    for (const c of [
      customer('C1', { name: 'Boulangerie Lefèvre & Fils', contact: "Mme O'Hara", address: ['12 rue de la Paix', 'Bât. B'], postcode: '69002', city: 'Lyon' }),
      customer('C2', { name: 'Smith Ltd', contact: 'Ms Hart', language: 'en', address: ['1 Main St'], postcode: 'SW1Y 4LR', city: 'London', country: 'United Kingdom' }),
      customer('C3', { name: 'Jean Martin', contact: '', address: [], postcode: '', city: 'Vienne', country: 'France' }),
    ]) {
      const v = viewOf(c);
      expect(recipientLines(v).map((l) => l.text)).toEqual(printedLines(renderer.render(v)));
    }
  });
});

describe('addressProblems', () => {
  it('accepts 6 lines of 38 characters, and a 7th line for the country abroad', () => {
    const l38 = 'x'.repeat(38);
    expect(problemsOf([customer('C1', { name: l38, contact: 'M. X', address: [l38, l38, l38], postcode: '69002', city: 'Lyon' })])).toEqual([]);
    expect(problemsOf([customer('C1', { name: l38, contact: 'M. X', address: [l38, l38, l38], postcode: '1000', city: 'Bruxelles', country: 'Belgique' })])).toEqual([]);
  });

  it('counts a character with an accent once, and collapses spaces as the page does', () => {
    const name = `${'é'.repeat(30)}  ${'e\u0301'.repeat(7)}`; // 30 + 1 + 7 = 38 as printed
    expect(problemsOf([customer('C1', { name })])).toEqual([]);
  });

  it('names the file, line and field of a line too long, with what to shorten', () => {
    const c = customer('C7', { address: ['Zone artisanale des Grandes Terres du Levant, lot 12'], source: src(9).source });
    const ps = problemsOf([c]);
    expect(ps.map(formatProblem)).toEqual([
      'customers.csv:9: error: address: found "Zone artisanale des Grandes Terres du Levant, lot 12", 52 characters, expected at most 38 on an address line (La Poste, NF Z10-011): shorten it by 14, or the envelope window cuts it off',
    ]);
  });

  it("counts the template's words on the contact line", () => {
    const contact = 'Mme Anne Giraud, comptabilité'; // 29 characters, 46 with "À l'attention de "
    const ps = problemsOf([customer('C4', { contact, source: src(5).source })]);
    expect(ps).toHaveLength(1);
    expect(formatProblem(ps[0]!)).toContain(
      `customers.csv:5: error: contact: found "${contact}" (printed "À l'attention de ${contact}"), 46 characters, expected at most 38`,
    );
    expect(problemsOf([customer('C4', { contact, language: 'en' })])).toEqual([]); // "Attn. " is shorter
  });

  it('names the postcode and city, the country, and too many lines', () => {
    const ps = problemsOf([
      customer('C1', { postcode: '69160', city: 'Tassin-la-Demi-Lune-sur-les-Monts-du-Lyonnais', source: src(2).source }),
      customer('C2', { country: 'Royaume-Uni de Grande-Bretagne et d’Irlande du Nord', source: src(3).source }),
      customer('C3', { contact: 'M. X', address: ['a', 'b', 'c', 'd'], source: src(4).source }),
    ]);
    expect(ps.map((p) => [p.source?.line, p.field])).toEqual([
      [2, 'postcode and city'],
      [3, 'country'],
      [4, 'address'],
    ]);
    expect(ps[2]!.message).toBe(
      'found 7 lines (name, contact, address (line 1), address (line 2), address (line 3), address (line 4), postcode and city), expected at most 6 (La Poste, NF Z10-011): drop 1 (an address line, or the contact)',
    );
  });

  it('names the customer when it is known only from the books (no customers file line)', () => {
    const ps = problemsOf([customer('C9', { name: 'N'.repeat(40), source: null })]);
    expect(formatProblem(ps[0]!)).toMatch(/^error: name: customer C9: found "N{40}", 40 characters/);
  });

  it("passes every customer of `dunning init`'s sample data", () => {
    const r = parseCustomersCsv(sampleData('2026-11-22' as IsoDate)['data/customers.csv']!, 'data/customers.csv');
    expect(r.value.length).toBeGreaterThan(0);
    expect(problemsOf(r.value)).toEqual([]);
  });

  it('passes every customer of the bundled examples', () => {
    const r = parseCustomersCsv(readFileSync(path.join(ROOT, 'examples/customers.csv'), 'utf8'), 'examples/customers.csv');
    expect(r.value).toHaveLength(20);
    expect(problemsOf(r.value).map((p) => `${p.source?.line} ${p.field}`)).toEqual([]);
  });
});
