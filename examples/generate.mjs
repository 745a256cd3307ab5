#!/usr/bin/env node
/**
 * Generates the example books of "Atelier Dupont SARL" (signage and shop fitting, Lyon) for
 * the fiscal year 2025-12-01 → 2026-11-30, deterministically (seeded PRNG, no clock):
 *   examples/fec/123456789FEC20261130.txt   the FEC (18 columns, tab, UTF-8, decimal comma)
 *   examples/csv/invoices.csv, payments.csv  the same business as CSV exports
 *   examples/customers.csv                   20 customers
 * Run `node examples/generate.mjs [OUT_DIR]` after changing it (default: beside this script);
 * the outputs are committed, and a test checks that they are what this script makes.
 *
 * The story is built so that, as of 2026-11-30, open invoices fall in every aging bucket
 * (not due, 1–30, 31–60, 61–90, 91+) and show every case the reconciliation rules handle:
 * existing lettering (complete and partial), a payment naming its invoice, a payment of two
 * invoices at once, a partial payment, an on-account payment, credit notes, opening entries.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(process.argv[2] ?? HERE);
const SEED = 20261130;
const FY_START = '2025-12-01';
const LAST_REGULAR = '2026-07-31';

// ---------------------------------------------------------------- PRNG and small helpers
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (xs) => xs[int(0, xs.length - 1)];

const toUtc = (d) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const addDays = (d, n) => iso(toUtc(d) + n * 86400000);
const endOfMonth = (d) => iso(Date.UTC(+d.slice(0, 4), +d.slice(5, 7), 0));
/** `45 jours fin de mois`, read as 45 days then the end of that month (config: days_plus_eom). */
const dueDate = (c, d) => (c.eom ? endOfMonth(addDays(d, c.terms)) : addDays(d, c.terms));
const fecDate = (d) => d.replaceAll('-', '');
const frDate = (d) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
/** Integer cents to `1234,56` (no thousands separator: FEC and French CSV). */
const comma = (c) => `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)},${String(Math.abs(c) % 100).padStart(2, '0')}`;
const vatOf = (ht) => Math.round((ht * 20) / 100); // 20 %, integer cents in and out
/** Upper-case without accents, as banks print transfer labels. */
const bankLabel = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[œŒ]/g, 'OE').toUpperCase();

// ---------------------------------------------------------------- customers
const C = (id, name, address, postcode, city, extra) => ({
  id, name, address, postcode, city, country: 'France', language: 'fr', terms: 30, eom: false,
  kind: 'business', status: 'active', regular: 4, late: 0, ...extra,
});
const customers = [
  C('C001', 'Boulangerie Lefèvre SARL', ['12 rue de la République'], '69002', 'Lyon', { contact: 'Mme Sophie Lefèvre', regular: 6 }),
  C('C002', 'Électricité Morel & Fils', ['ZA des Platières', '8 allée des Artisans'], '69340', 'Francheville', { contact: 'M. Julien Morel', regular: 5, late: 15 }),
  C('C003', 'Café de la Gare – Brémond SARL', ['1 place de la Gare'], '38200', 'Vienne', { contact: 'M. Luc Brémond', terms: 45, eom: true }),
  C('C004', 'Hôtel des Célestins SAS', ['4 quai des Célestins'], '69002', 'Lyon', { contact: 'Mme Anne Giraud', terms: 60, regular: 3 }),
  C('C005', 'Menuiserie Gaëtan Roux EURL', ['27 chemin des Sources'], '69630', 'Chaponost', { contact: 'M. Gaëtan Roux', late: 20 }),
  C('C006', 'Cabinet d’architectes Müller-Faure', ['15 cours Franklin-Roosevelt'], '69006', 'Lyon', { contact: 'Mme Ingrid Müller', terms: 45, eom: true, regular: 3 }),
  C('C007', 'Pâtisserie Noël SARL', ['3 rue Mercière'], '69002', 'Lyon', { contact: 'M. Pascal Noël', regular: 5 }),
  C('C008', 'Garage Besançon Automobiles SA', ['112 route de Grenoble'], '69800', 'Saint-Priest', { contact: 'M. Hervé Besançon', late: 30, regular: 3 }),
  C('C009', 'Thornbury Design Ltd', ['Unit 4, Canal Wharf', '23 Regent Street'], 'SW1Y 4LR', 'London', { country: 'United Kingdom', language: 'en', contact: 'Ms Olivia Hart', regular: 2 }),
  C('C010', 'Imprimerie Chéreau SAS', ['9 rue Bellecordière'], '69002', 'Lyon', { contact: 'M. Rémi Chéreau', terms: 45 }),
  C('C011', 'Restaurant Le Bœuf Couronné', ['44 rue Saint-Jean'], '69005', 'Lyon', { contact: 'Mme Chloé Perrin', late: 10 }),
  C('C012', 'Élodie Marchand', ['7 impasse des Lilas'], '69160', 'Tassin-la-Demi-Lune', { contact: '', kind: 'consumer', terms: 15, regular: 1 }),
  C('C013', 'François Lâm', ['Résidence Les Érables, bât. B', '21 avenue Jean-Jaurès'], '69007', 'Lyon', { contact: '', kind: 'consumer', terms: 15, regular: 1 }),
  C('C014', 'Transports Bérard & Cie SAS', ['Zone industrielle Nord', '5 rue de l’Industrie'], '69200', 'Vénissieux', { contact: 'Me Laurent Dubreuil', status: 'insolvency', regular: 2, late: 25 }),
  C('C015', 'Clinique vétérinaire Saint-Éloi', ['30 boulevard des Belges'], '69006', 'Lyon', { contact: 'Dr Camille Arnaud', regular: 3 }),
  C('C016', 'Agence Ébène Communication SARL', ['18 rue Édouard-Herriot'], '69001', 'Lyon', { contact: 'M. Thomas Nguyen', terms: 60, regular: 3 }),
  C('C017', 'Librairie Les Mots d’Hélène', ['2 place Sathonay'], '69001', 'Lyon', { contact: 'Mme Hélène Fabre', regular: 2, late: 35 }),
  C('C018', 'SCEA Château Lagrèze', ['Lieu-dit La Côte Rôtie'], '69420', 'Ampuis', { contact: 'M. Benoît Lagrèze', terms: 45, eom: true, regular: 3 }),
  C('C019', 'Fromagerie Gérard Père & Fils', ['Halles de Lyon Paul Bocuse', '102 cours Lafayette'], '69003', 'Lyon', { contact: 'M. Gérard Vidal', late: 12 }),
  C('C020', 'Studio Yoga Zénith SAS', ['56 rue Garibaldi'], '69006', 'Lyon', { contact: 'Mme Inès Haddad', regular: 3 }),
];
const byId = new Map(customers.map((c) => [c.id, c]));
for (const c of customers) {
  const words = bankLabel(c.name).toLowerCase().replace(/\b(sarl|sas|sa|eurl|ltd|scea|cie|fils|pere|et|de|la|le|les|des|d)\b/g, ' ').match(/[a-z]+/g);
  c.email = c.kind === 'consumer' ? `${words.join('.')}@exemple.fr` : `compta@${words.slice(0, 2).join('-')}.example`;
  c.phone = c.country === 'France' ? `04 7${pick([2, 8])} ${int(10, 99)} ${int(10, 99)} ${int(10, 99)}` : '+44 20 7946 0958';
}

const SERVICES = [
  'Fabrication et pose d’enseigne lumineuse', 'Signalétique intérieure', 'Agencement de comptoir',
  'Habillage de vitrine', 'Lettrage adhésif véhicule', 'Maintenance enseigne', 'Panneaux de chantier',
  'Création de présentoirs', 'Étude et maquette', 'Totem extérieur',
];
const CONSUMER_SERVICES = ['Bibliothèque sur mesure', 'Plaque de maison gravée', 'Dressing sur mesure'];

// ---------------------------------------------------------------- the business, as documents
const invoices = []; // { customer, date, ht, label, number?, opening? }
const credits = []; // credit notes { customer, date, ttc, label, against }
const payments = []; // { customer, date, amount, label, invoices: [refs], letter: bool }
/** Settled groups to letter: arrays of document objects. */
const groups = [];

function invoice(customer, date, ht, label, extra = {}) {
  const c = byId.get(customer);
  const inv = { customer, date, ht, vat: vatOf(ht), label: label ?? pick(c.kind === 'consumer' ? CONSUMER_SERVICES : SERVICES), ...extra };
  inv.ttc = inv.ht + inv.vat;
  inv.due = dueDate(c, date);
  invoices.push(inv);
  return inv;
}
function payment(customer, date, amount, label, paid, extra = {}) {
  const p = { customer, date, amount, label, paid, ...extra };
  payments.push(p);
  return p;
}
const transfer = (customer) => `VIR SEPA ${bankLabel(byId.get(customer).name)}`.slice(0, 40);

// Opening entries (à-nouveaux): invoices of the previous year still open on 2025-12-01.
const opening = [
  invoice('C005', '2025-10-20', 184000, 'Agencement atelier', { number: 'F2025-0411', opening: true }),
  invoice('C011', '2025-10-28', 96000, 'Enseigne drapeau', { number: 'F2025-0418', opening: true }),
  invoice('C014', '2025-09-30', 262500, 'Lettrage flotte de camions', { number: 'F2025-0397', opening: true }),
  invoice('C017', '2025-11-10', 71500, 'Signalétique rayons', { number: 'F2025-0426', opening: true }),
  invoice('C019', '2025-11-18', 45800, 'Panneaux d’étal', { number: 'F2025-0431', opening: true }),
];
payment('C005', '2026-01-09', opening[0].ttc, transfer('C005'), [opening[0]], { letter: true });
payment('C011', '2026-01-20', opening[1].ttc, transfer('C011'), [opening[1]], { letter: true });
payment('C019', '2025-12-22', opening[4].ttc, `CHQ 4711893 ${bankLabel('Fromagerie Gérard')}`, [opening[4]], { letter: false });

// Regular business, paid in full (on time, or `late` days late on average).
for (const c of customers) {
  for (let i = 0; i < c.regular; i++) {
    const date = addDays(FY_START, int(3, (toUtc(LAST_REGULAR) - toUtc(FY_START)) / 86400000));
    const ht = c.kind === 'consumer' ? int(40, 250) * 1000 : int(30, 900) * 1000 + pick([0, 0, 0, 500, 250]);
    const inv = invoice(c.id, date, ht);
    const delay = c.late ? int(Math.floor(c.late / 2), c.late * 2) : int(-10, 2);
    const on = addDays(inv.due, delay);
    if (on > '2026-11-20') throw new Error(`${c.id}: a regular invoice would be paid after the books close`);
    payment(c.id, on < inv.date ? inv.date : on, inv.ttc, transfer(c.id), [inv], { letter: rand() < 0.75 });
  }
}

// The open items and the special cases, as of 2026-11-30 (due date → bucket in comments).
const open = (customer, date, ht, label) => invoice(customer, date, ht, label);
open('C001', '2026-11-05', 118000); // due 12-05: not due
open('C001', '2026-10-20', 64500); // due 11-19: 1–30
open('C002', '2026-09-15', 312000); // due 10-15: 31–60
open('C002', '2026-10-28', 87500); // due 11-27: 1–30
open('C003', '2026-09-10', 142000); // 45 j fdm: due 10-31: 1–30
open('C003', '2026-11-02', 56000); // due 12-31: not due
{
  // Two invoices paid by one transfer, lettered together.
  const a = invoice('C004', '2026-03-12', 215000, 'Signalétique chambres 1er étage');
  const b = invoice('C004', '2026-03-26', 98000, 'Signalétique chambres 2e étage');
  payment('C004', '2026-05-22', a.ttc + b.ttc, transfer('C004'), [a, b], { letter: true });
  // A partial payment, lettered as a partial group (the rest is still due): due 08-14, 91+.
  const p = invoice('C004', '2026-06-15', 400000, 'Enseigne façade et totem');
  payment('C004', '2026-09-10', 240000, `${transfer('C004')} ACPT`.slice(0, 40), [p], { letter: true, partial: true });
  open('C004', '2026-07-20', 126000); // due 09-18: 61–90
}
open('C006', '2026-10-05', 240000); // 45 j fdm: due 11-30: not due (due on the as-of day)
open('C006', '2026-08-12', 167500); // due 09-30: 61–90
{
  // A payment whose label names its invoice, left unlettered (the `reference` rule finds it).
  const r = invoice('C007', '2026-08-03', 73000, 'Habillage de vitrine Noël');
  payment('C007', '2026-09-04', r.ttc, `REGLEMENT FACTURE ${'{{ref}}'}`, [r], { letter: false, labelRef: true });
  open('C007', '2026-10-22', 52000); // due 11-21: 1–30
}
open('C008', '2026-07-10', 390000); // due 08-09: 91+
open('C008', '2026-08-20', 142500); // due 09-19: 61–90
open('C009', '2026-09-25', 255000, 'Shop fitting — Lyon pop-up store'); // due 10-25: 31–60
open('C010', '2026-10-10', 93000); // 45 j: due 11-24: 1–30
open('C011', '2026-10-01', 61000); // due 10-31: 1–30
open('C012', '2026-09-20', 195000, 'Bibliothèque sur mesure'); // consumer, 15 j: due 10-05: 31–60
{
  // An invoice issued by mistake, cancelled by a credit note and lettered with it.
  const m = invoice('C013', '2026-05-04', 38000, 'Plaque de maison gravée');
  credits.push({ customer: 'C013', date: '2026-05-06', ttc: m.ttc, label: 'Avoir annulation facture en double', against: m, letter: true });
}
open('C014', '2026-02-10', 148000); // insolvency; due 03-12: 91+ (blocked)
{
  // Dispute potential: the customer contests part of the installation; a partial credit
  // note was made, the rest is unpaid (61–90).
  const d = invoice('C015', '2026-08-05', 300000, 'Enseigne lumineuse et caisson');
  credits.push({ customer: 'C015', date: '2026-09-15', ttc: 60000, label: 'Avoir partiel – caisson non conforme (contestation)', against: d, letter: false });
}
// An on-account payment (deposit on a quote not yet invoiced): unapplied credit.
payment('C016', '2026-11-12', 150000, 'VIR SEPA AGENCE EBENE ACOMPTE DEVIS D2026-118', [], { letter: false });
open('C018', '2026-06-30', 205000); // 45 j fdm: due 08-31: 91+
open('C018', '2026-11-16', 88000); // due 12-31: not due
open('C019', '2026-11-12', 39000); // due 12-12: not due
{
  // A short payment leaves 3,60 € open: below the policy's minimum amount.
  const s = invoice('C020', '2026-08-28', 40300, 'Lettrage adhésif vitrine');
  payment('C020', '2026-09-25', s.ttc - 360, transfer('C020'), [s], { letter: false });
}

// ---------------------------------------------------------------- numbering
invoices.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.customer.localeCompare(b.customer)));
let n = 0;
for (const inv of invoices) if (!inv.opening) inv.number = `F2026-${String(++n).padStart(4, '0')}`;
credits.sort((a, b) => (a.date < b.date ? -1 : 1));
credits.forEach((cr, i) => (cr.number = `AV2026-${String(i + 1).padStart(3, '0')}`));
payments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.customer.localeCompare(b.customer)));
payments.forEach((p, i) => {
  p.number = `RG2026-${String(i + 1).padStart(4, '0')}`;
  if (p.labelRef) p.label = p.label.replace('{{ref}}', p.paid[0].number);
});

// Lettering codes, unique on the collective account 411000: AA, AB, … in date order.
let code = 0;
const nextCode = () => {
  const c = code++;
  return String.fromCharCode(65 + Math.floor(c / 26), 65 + (c % 26));
};
const letterings = [];
for (const p of payments) if (p.letter && p.paid.length) letterings.push({ date: p.date, docs: [...p.paid, p], partial: !!p.partial });
for (const cr of credits) if (cr.letter) letterings.push({ date: cr.date, docs: [cr.against, cr], partial: false });
letterings.sort((a, b) => (a.date < b.date ? -1 : 1));
for (const g of letterings) {
  const letter = nextCode();
  // DateLet: the day the bookkeeper lettered it, a few days after the last document.
  const dateLet = addDays(g.date, int(1, 9));
  for (const d of g.docs) Object.assign(d, { letterCode: letter, dateLet: dateLet > '2026-11-20' ? '2026-11-20' : dateLet });
}

// ---------------------------------------------------------------- FEC
const HEADER = ['JournalCode', 'JournalLib', 'EcritureNum', 'EcritureDate', 'CompteNum', 'CompteLib', 'CompAuxNum', 'CompAuxLib', 'PieceRef', 'PieceDate', 'EcritureLib', 'Debit', 'Credit', 'EcritureLet', 'DateLet', 'ValidDate', 'Montantdevise', 'Idevise'];
const JOURNALS = { AN: 'A nouveaux', VT: 'Ventes', BQ: 'Banque Crédit Lyonnais' };
const rows = [];
const seq = { AN: 0, VT: 0, BQ: 0 };
function entry(journal, date, lines) {
  const num = `${journal}${String(++seq[journal]).padStart(5, '0')}`;
  let bal = 0;
  for (const l of lines) bal += (l.debit ?? 0) - (l.credit ?? 0);
  if (bal !== 0) throw new Error(`entry ${num} does not balance: ${bal}`);
  // Validated (locked) at the end of the following month, as most packages do.
  const valid = endOfMonth(addDays(endOfMonth(date), 1));
  for (const l of lines) {
    rows.push({ date, num, cells: [journal, JOURNALS[journal], num, fecDate(date), l.account, l.accountLib, l.aux ?? '', l.auxLib ?? '', l.ref, fecDate(l.refDate ?? date), l.label, comma(l.debit ?? 0), comma(l.credit ?? 0), l.doc?.letterCode ?? '', l.doc?.dateLet ? fecDate(l.doc.dateLet) : '', fecDate(valid > '2026-11-30' ? '2026-11-30' : valid), '', ''] });
  }
}
const cust = (doc, side, amount, label, refDate) => ({ account: '411000', accountLib: 'Clients', aux: doc.customer, auxLib: byId.get(doc.customer).name, ref: doc.number, refDate, label, [side]: amount, doc });

{
  // One opening entry: a line per open invoice, bank and equity to balance it.
  const lines = opening.map((inv) => cust(inv, 'debit', inv.ttc, `A nouveau ${inv.number} ${inv.label}`, inv.date));
  const receivables = opening.reduce((s, i) => s + i.ttc, 0);
  lines.push({ account: '512000', accountLib: 'Banque Crédit Lyonnais', ref: 'AN2025', label: 'A nouveau banque', debit: 2_418_637 });
  lines.push({ account: '101000', accountLib: 'Capital social', ref: 'AN2025', label: 'A nouveau capital', credit: 1_000_000 });
  lines.push({ account: '110000', accountLib: 'Report à nouveau', ref: 'AN2025', label: 'A nouveau report', credit: 2_418_637 + receivables - 1_000_000 });
  entry('AN', FY_START, lines);
}
const events = [
  ...invoices.filter((i) => !i.opening).map((i) => ({ date: i.date, kind: 'inv', doc: i })),
  ...credits.map((c) => ({ date: c.date, kind: 'cr', doc: c })),
  ...payments.map((p) => ({ date: p.date, kind: 'pay', doc: p })),
].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
for (const e of events) {
  const d = e.doc;
  const name = byId.get(d.customer).name;
  if (e.kind === 'inv') {
    const label = `Facture ${d.number} ${name}`.slice(0, 60);
    entry('VT', d.date, [
      cust(d, 'debit', d.ttc, label),
      { account: '706000', accountLib: 'Prestations de services', ref: d.number, label, credit: d.ht },
      { account: '445710', accountLib: 'TVA collectée 20 %', ref: d.number, label, credit: d.vat },
    ]);
  } else if (e.kind === 'cr') {
    const ht = Math.round((d.ttc * 100) / 120);
    const label = `Avoir ${d.number} sur ${d.against.number}`;
    entry('VT', d.date, [
      cust(d, 'credit', d.ttc, `${label} ${d.label}`.slice(0, 80)),
      { account: '706000', accountLib: 'Prestations de services', ref: d.number, label, debit: ht },
      { account: '445710', accountLib: 'TVA collectée 20 %', ref: d.number, label, debit: d.ttc - ht },
    ]);
  } else {
    entry('BQ', d.date, [
      { account: '512000', accountLib: 'Banque Crédit Lyonnais', ref: d.number, label: d.label, debit: d.amount },
      cust(d, 'credit', d.amount, d.label),
    ]);
  }
}
for (const r of rows) for (const cell of r.cells) if (/[\t\r\n|]/.test(cell)) throw new Error(`a FEC field holds a separator: ${cell}`);
const fec = [HEADER.join('\t'), ...rows.map((r) => r.cells.join('\t'))].join('\r\n') + '\r\n';

// ---------------------------------------------------------------- CSV
const csv = (header, lines) => {
  for (const cell of lines.flat()) if (/[;"\r\n]/.test(cell)) throw new Error(`a CSV field would need quoting: ${cell}`);
  return [header.join(';'), ...lines.map((l) => l.join(';'))].join('\r\n') + '\r\n';
};
const invoicesCsv = csv(
  ['N° facture', 'Client', 'Nom client', 'Date', 'Échéance', 'Montant TTC'],
  [
    ...invoices.map((i) => [i.number, i.customer, byId.get(i.customer).name, frDate(i.date), frDate(i.due), comma(i.ttc)]),
    // Credit notes: a negative amount; their due date is their own date.
    ...credits.map((c) => [c.number, c.customer, byId.get(c.customer).name, frDate(c.date), frDate(c.date), comma(-c.ttc)]),
  ],
);
const paymentsCsv = csv(
  ['Référence', 'Client', 'Date', 'Montant', 'Libellé', 'Facture'],
  // The explicit allocation is given where the FEC letters a payment to one invoice in full.
  payments.map((p) => [p.number, p.customer, frDate(p.date), comma(p.amount), p.label, p.letter && !p.partial && p.paid.length === 1 ? p.paid[0].number : '']),
);
const customersCsv = csv(
  ['id', 'name', 'address1', 'address2', 'postcode', 'city', 'country', 'email', 'phone', 'contact', 'language', 'terms_days', 'kind', 'status'],
  customers.map((c) => [c.id, c.name, c.address[0] ?? '', c.address[1] ?? '', c.postcode, c.city, c.country, c.email, c.phone, c.contact, c.language, c.eom ? `${c.terms} jours fin de mois` : String(c.terms), c.kind, c.status]),
);

for (const [file, text] of [
  ['fec/123456789FEC20261130.txt', fec],
  ['csv/invoices.csv', invoicesCsv],
  ['csv/payments.csv', paymentsCsv],
  ['customers.csv', customersCsv],
]) {
  mkdirSync(path.dirname(path.join(OUT, file)), { recursive: true });
  writeFileSync(path.join(OUT, file), text, 'utf8');
}

// A summary, to check the story against the commands' output by eye.
const balances = new Map();
for (const i of invoices) balances.set(i.customer, (balances.get(i.customer) ?? 0) + i.ttc);
for (const c of credits) balances.set(c.customer, (balances.get(c.customer) ?? 0) - c.ttc);
for (const p of payments) balances.set(p.customer, (balances.get(p.customer) ?? 0) - p.amount);
let total = 0;
for (const c of customers) total += balances.get(c.id) ?? 0;
process.stdout.write(`${rows.length + 1} FEC lines, ${invoices.length} invoices, ${credits.length} credit notes, ${payments.length} payments, ${letterings.length} lettering groups; 411 balance ${comma(total)} €\n`);
