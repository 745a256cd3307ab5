/** Real PDFs through Chromium, read back with pdfjs-dist. */
import { PDFArray, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBrowser } from '../../src/letters/browser.js';
import { openPrinter, type Printer } from '../../src/letters/pdf.js';
import { printAll, renderAll, sha256, type PrintedLetters } from '../../src/letters/produce.js';
import { batchDocument } from '../../src/letters/render-html.js';
import { splitByMarkers } from '../../src/letters/split.js';
import { loadTemplateSet } from '../../src/letters/template-files.js';
import { compileTemplates } from '../../src/letters/templates.js';
import { chargesOf } from '../../src/letters/model.js';
import { cents, Dec } from '../../src/model/money.js';
import { action, customer, d, entry, invoice, views } from './builders.js';
import { flat, pdfPages, placedText } from './pdf-text.js';

const renderer = compileTemplates(loadTemplateSet(undefined));
const business = [invoice('B1', 'FA-2026-017', 123456, 123456, '2026-07-01', '2026-07-31'), invoice('B1', 'FA-2026-023', 50000, 20000, '2026-07-15', '2026-08-14')];
const long = Array.from({ length: 45 }, (_, i) => invoice('L1', `LONG-${String(i + 1).padStart(3, '0')}`, 10000 + i, 10000 + i));
const journal = [
  entry({ type: 'call', customer: 'B1', date: d('2026-08-20'), outcome: 'no_answer' } as never),
  entry({ type: 'promise', customer: 'B1', date: d('2026-08-25'), until: d('2026-09-15'), amount: '500.00' } as never),
  entry({ type: 'letter', customer: 'B1', date: d('2026-09-01'), step: 'reminder', file: 'x', amount: '1434.56' } as never),
  entry({ type: 'letter', customer: 'B1', date: d('2026-09-12'), step: 'registered_reminder', file: 'x', amount: '1434.56' } as never),
  entry({ type: 'letter', customer: 'R1', date: d('2026-10-02'), step: 'reminder', file: 'x', amount: '99.00' } as never),
  entry({ type: 'call', customer: 'M1', date: d('2026-10-28'), outcome: 'reached' } as never),
  entry({ type: 'call', customer: 'N1', date: d('2026-10-29'), outcome: 'no_answer' } as never),
];
/** What the interest engine gives (ledger/interest.ts), as letters-run hands it over. */
const engine = (interest: number, periods: { from: string; to: string; days: number; base: number; rate: string; interest: number }[]) =>
  chargesOf({
    interest: cents(interest),
    indemnity: cents(4000),
    basis: 'ecb_plus_10',
    periods: periods.map((p) => ({ ...p, from: d(p.from), to: d(p.to), base: cents(p.base), rate: new Dec(p.rate), interest: cents(p.interest) })),
  });
const letterViews = views(
  [
    action('B1', 'formal_notice', business),
    action('P1', 'formal_notice', [invoice('P1', 'PART-9', 80000, 80000)]),
    action('E1', 'formal_notice', [invoice('E1', 'EN-77', 99900, 99900)]),
    action('H1', 'reminder', [invoice('H1', 'H-1', 1000, 1000)]),
    action('L1', 'formal_notice', long),
    action('R1', 'registered_reminder', [invoice('R1', 'R-1', 9900, 9900)]),
    action('M1', 'reminder', [invoice('M1', 'M-1', 4200, 4200)]),
    action('N1', 'reminder', [invoice('N1', 'N-1', 4200, 4200)]),
    action('T1', 'formal_notice', [1, 2, 3].map((n) => invoice('T1', `T-${n}`, 100000 * n, 100000 * n, '2026-08-01', '2026-08-31'))),
  ],
  [
    customer('B1', { name: 'Boulangerie Lefèvre & Frères SARL', contact: 'Mme Hélène Çelik' }),
    customer('P1', { name: 'Jérôme Noël', kind: 'consumer' }),
    customer('E1', { name: 'Smith Ltd', language: 'en', address: ['221 Baker Street'], postcode: 'NW1 6XE', city: 'London', country: 'United Kingdom' }),
    customer('H1', { name: '<b>ACME</b> & "Co"' }),
    customer('L1', { name: 'Grossiste Long' }),
    customer('R1', { name: 'Relance Deux' }),
    customer('M1', { name: 'Appel Avant' }),
    customer('N1', { name: 'Sans Réponse' }),
    customer('T1', { name: 'Trois Factures SAS', contact: 'M. Trois' }),
  ],
  {
    journal,
    charges: new Map([
      [business[0]!.entry.id, engine(4321, [
        { from: '2026-08-01', to: '2026-11-22', days: 114, base: 123456, rate: '12.15', interest: 4321 },
      ])],
      [business[1]!.entry.id, engine(1000, [
        { from: '2026-08-15', to: '2026-09-30', days: 47, base: 50000, rate: '12.15', interest: 782 },
        { from: '2026-10-01', to: '2026-11-22', days: 53, base: 20000, rate: '12.15', interest: 218 },
      ])],
    ]),
  },
);

let printer: Printer;
let out: PrintedLetters;
const text: string[] = []; // every letter's text, pages joined
const pages: string[][] = [];

beforeAll(async () => {
  printer = await openPrinter(resolveBrowser({ env: process.env }));
  // A batch of 3 puts the long letter inside a batch, not at its end.
  out = await printAll(renderer, renderAll(renderer, letterViews), printer, { combine: true, batchSize: 3 });
  for (const l of out.letters) {
    const p = await pdfPages(l.bytes);
    pages.push(p.map(flat));
    text.push(flat(p.join(' ')));
  }
}, 120_000);
afterAll(async () => {
  await printer?.close();
});

describe('letters to PDF', () => {
  it('prints one PDF per letter, in order, each starting with its own letter', () => {
    expect(out.letters).toHaveLength(letterViews.length);
    letterViews.forEach((v, i) => expect(pages[i]![0]).toContain(v.customer.name.replace(/\s+/g, ' ')));
  });

  it('a business formal notice: mise en demeure, invoices, amounts, dates, L441-10, D441-5, interest and indemnity apart, deadline, history, IBAN, injonction de payer', () => {
    const t = text[0]!;
    for (const s of [
      'MISE EN DEMEURE', 'mettons en demeure', 'Boulangerie Lefèvre & Frères SARL', 'Mme Hélène Çelik',
      'FA-2026-017', 'FA-2026-023', '1 234,56 €', '300,00 €', '200,00 €', '01/07/2026', '31/07/2026',
      'L441-10', 'D441-5', '53,21 €', '80,00 €',
      'Total réclamé (restant dû + intérêts arrêtés au 22 novembre 2026 + indemnités) 1 567,77 €', 'au plus tard le 7 décembre 2026',
      'Appel téléphonique du 20 août 2026, resté sans réponse', 'Courrier du 1er septembre 2026 (lettre de relance)',
      'Courrier du 12 septembre 2026 (seconde relance en recommandé)',
      'vous aviez promis de régler 500,00 € au plus tard le 15 septembre 2026 ; cette promesse n\'a pas été tenue',
      // the interest periods, so that the debtor can check the figure
      'FA-2026-017 du 01/08/2026 au 22/11/2026 114 1 234,56 € 12,15 % (taux BCE 2,15 % + 10 points) 43,21 €',
      'FA-2026-023 du 15/08/2026 au 30/09/2026 47 500,00 € 12,15 % (taux BCE 2,15 % + 10 points) 7,82 €',
      'du 01/10/2026 au 22/11/2026 53 200,00 €',
      // the indemnity sentence is true of the letter: claimed for the invoices it lists
      'indemnité forfaitaire pour frais de recouvrement de 40,00 € par facture en retard de paiement (article D441-5), réclamée pour chacune des factures ci-dessus',
      // legal mentions of the creditor (C. com. R123-237)
      'SARL au capital de 10 000,00 € · RCS Lyon 123456789 · TVA intracommunautaire FR32123456789',
      'FR76 3000 6000 0112 3456 7890 189', 'AGRIFRPPXXX', 'injonction de payer', 'RECOMMANDÉ AVEC ACCUSÉ DE RÉCEPTION',
    ]) expect(t).toContain(s);
    expect(t).not.toContain('payée en retard');
    expect(t).not.toContain('engagé');
  });

  it('recalls calls, letters and promises in one list by date', () => {
    const t = text[0]!;
    const at = ['Appel téléphonique du 20 août', 'Le 25 août 2026, vous aviez promis', 'Courrier du 1er septembre', 'Courrier du 12 septembre'].map((s) => t.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('a formal notice with up to 3 invoices and a history fits on one page', () => {
    expect(out.letters[0]!.pages).toBe(1);
    expect(out.letters[8]!.pages).toBe(1);
    expect(text[8]).toContain('T-3');
  });

  it('never leaves the salutation, signature or legal line alone: they share the last page with the text', () => {
    letterViews.forEach((v, i) => {
      const last = pages[i]!.at(-1)!;
      expect(last).toMatch(v.en ? /Yours faithfully,/ : /Nous vous prions d'agréer/);
      expect(last).toContain('Marie Dupont, gérante');
      expect(last).toContain('RCS Lyon 123456789');
      // the footer appears once, on the last page
      expect(text[i]!.split('RCS Lyon').length - 1).toBe(1);
    });
  });

  it('a continuation page says whom the letter is for and its reference', () => {
    for (const p of pages[4]!.slice(1)) expect(p).toContain('N/Réf. : 20261122-L1 · Client L1 : Grossiste Long');
  });

  it('a consumer formal notice: Code civil 1231-6 and 1344, no indemnity', () => {
    const t = text[1]!;
    expect(t).toContain('mise en demeure');
    expect(t).toContain('1231-6 et 1344 du Code civil');
    expect(t).toContain('800,00 €');
    expect(t).not.toMatch(/indemnité|D441-5|L441-10/i);
  });

  it('an English customer gets an English letter', () => {
    const t = text[2]!;
    expect(t).toContain('formal notice (mise en demeure)');
    expect(t).toContain('€999.00');
    expect(t).toContain('by 7 December 2026');
    expect(t).toContain('22 November 2026');
    expect(t).not.toContain('Madame');
    // Royal Mail order: town, then postcode; the country last, in capitals (La Poste)
    expect(t).toContain('221 Baker Street London NW1 6XE UNITED KINGDOM');
  });

  it('puts the recipient block in the envelope window: 110 mm from the left, from 55 mm down, 10 pt, unscaled', async () => {
    // Chromium shrinks the whole page when anything sticks out of the right margin: the block
    // (110 + 85 mm) once did, and the letter came out at 98.3 % (block at 108.7 mm, 9.83 pt).
    for (const i of [0, 2, 8]) {
      const v = letterViews[i]!;
      const items = await placedText(out.letters[i]!.bytes);
      const name = items.find((t) => t.str === v.customer.name)!;
      expect(name.x).toBeGreaterThan(109.8);
      expect(name.x).toBeLessThan(110.4);
      expect(name.size).toBeCloseTo(10, 1);
      // first baseline: the 55 mm line top + half-leading + DejaVu's ascent
      expect(name.y).toBeGreaterThan(57.9);
      expect(name.y).toBeLessThan(58.5);
      const block = items.filter((t) => t.x > 109.8 && t.x < 110.4 && t.y > 55 && t.y < 95);
      expect(Math.max(...block.map((t) => t.y))).toBeLessThan(88); // 55 + 33 mm
      // the text column still ends at the right margin (210 - 15 mm)
      const date = items.find((t) => /Lyon, (le )?22 November|Lyon, (le )?22 novembre/.test(t.str))!;
      expect(date.x).toBeGreaterThan(150);
    }
  });

  it('prints an HTML-looking customer name as text', () => {
    expect(text[3]).toContain('<b>ACME</b> & "Co"');
  });

  it('splits a 2-page letter correctly, with the table header repeated on page 2', () => {
    expect(out.letters[4]!.pages).toBeGreaterThanOrEqual(2);
    expect(pages[4]).toHaveLength(out.letters[4]!.pages);
    expect(pages[4]![0]).toContain('Grossiste Long');
    expect(pages[4]![0]).toContain('LONG-001');
    expect(pages[4]![1]).toContain('Facture Date Échéance');
    expect(pages[4]![1]).toMatch(/LONG-0\d\d/);
    expect(pages[4]!.at(-1)).toContain('Nous vous prions d');
    for (let i = 1; i <= 45; i++) expect(text[4]).toContain(`LONG-${String(i).padStart(3, '0')}`);
    // the letters around it are whole and alone
    expect(text[3]).not.toContain('LONG-001');
    expect(text[5]).not.toContain('LONG-045');
    expect(pages[5]![0]).toContain('Relance Deux');
  });

  it('a registered reminder recalls the first letter and its date; a reminder recalls the call', () => {
    expect(text[5]).toContain('Par courrier du 2 octobre 2026');
    expect(text[5]).toContain('LETTRE RECOMMANDÉE');
    expect(text[5]).not.toContain('ACCUSÉ DE RÉCEPTION');
    expect(text[6]).toContain('Suite à notre entretien téléphonique du 28 octobre 2026');
  });

  it('a reminder after an unanswered call does not say "further to our call"', () => {
    expect(text[7]).toContain('Nous avons tenté de vous joindre par téléphone le 29 octobre 2026, sans succès.');
    expect(text[7]).not.toContain('Suite à notre');
  });

  it('leaves no marker link in the letters or the combined file', async () => {
    for (const bytes of [...out.letters.map((l) => l.bytes), out.combined!]) {
      const doc = await PDFDocument.load(bytes);
      for (const p of doc.getPages()) {
        const annots = p.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
        expect(annots?.size() ?? 0).toBe(0);
      }
    }
  });

  it('the marker links leave no text: a letter reads back as exactly its own text (no stray ".")', async () => {
    const batch = await printer.print(batchDocument('', [{ html: '<p>one</p>', language: 'fr' }, { html: '<p>two</p>', language: 'en' }]));
    const split = await splitByMarkers(batch, 2); // the markers are still found (no fallback)
    expect(split).not.toBeNull();
    expect(await Promise.all(split!.map(async (l) => (await pdfPages(l.bytes)).map((t) => t.trim())))).toEqual([['one'], ['two']]);
  });

  it('combines every page in order, and the checksums are those of the bytes', async () => {
    const combined = await pdfPages(out.combined!);
    expect(combined).toHaveLength(out.letters.reduce((n, l) => n + l.pages, 0));
    expect(flat(combined.join(' '))).toBe(pages.flat().join(' '));
    out.letters.forEach((l) => expect(l.sha256).toBe(sha256(l.bytes)));
  });
});
