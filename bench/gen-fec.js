#!/usr/bin/env node
/**
 * Generates a big FEC for the benchmark, deterministically (seeded PRNG): by default 1,000,000
 * lines, 5,000 customers under 411000, fiscal year 2025-12-01 → 2026-11-30, ISO-8859-15, tab,
 * CRLF, decimal comma (like the 162 MB file of ENGINEERING.md). Opening entries first (one
 * line per open invoice of the previous year), then sales (411 / 706 / 4457) and bank
 * receipts (512 / 411) day by day. Most settled invoice/payment pairs are lettered, some
 * are left unlettered, a few are partly paid and lettered as a partial group; about one
 * invoice in ten is still open at the end.
 *
 * The file goes to bench/.data/ (gitignored) and is reused when it is already there for the
 * same size and seed. Usage: node bench/gen-fec.js [lines] [seed]  (prints the path).
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = path.join(HERE, '.data');
const CUSTOMERS = 5000;
const DAYS = 365; // 2025-12-01 … 2026-11-30
const START = Date.UTC(2025, 11, 1);

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

/** ISO-8859-15 differs from latin1 at eight code points (€ Š š Ž ž Œ œ Ÿ). */
const LATIN9 = new Map([[0x20ac, 0xa4], [0x160, 0xa6], [0x161, 0xa8], [0x17d, 0xb4], [0x17e, 0xb8], [0x152, 0xbc], [0x153, 0xbd], [0x178, 0xbe]]);
const NOT_LATIN9 = new Set([0xa4, 0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe]);
function encodeLatin9(s) {
  const out = Buffer.allocUnsafe(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 || (c < 0x100 && !NOT_LATIN9.has(c))) out[i] = c;
    else {
      const b = LATIN9.get(c);
      if (b === undefined) throw new Error(`not encodable in ISO-8859-15: ${s[i]}`);
      out[i] = b;
    }
  }
  return out;
}

const day = (n) => new Date(START + n * 86400000).toISOString().slice(0, 10).replaceAll('-', '');
const amount = (c) => `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`;
/** Lettering codes AAA, AAB, … (unique on 411000; 17,576 three-letter codes, then four). */
function letterCode(n) {
  let s = '';
  let k = n;
  do {
    s = String.fromCharCode(65 + (k % 26)) + s;
    k = Math.floor(k / 26);
  } while (k > 0 || s.length < 3);
  return s;
}

const TRADES = ['Boulangerie', 'Café', 'Société', 'Garage', 'Hôtel', 'Pâtisserie', 'Librairie', 'Menuiserie', 'Atelier', 'Cabinet', 'Pharmacie', 'Fromagerie', 'Brasserie', 'Crèmerie', 'Épicerie', 'Bistrot', 'Clinique', 'Électricité', 'Maçonnerie', 'Imprimerie'];
const NAMES = ['Lefèvre', 'Dupré', 'Gaël', 'Noël', 'Bérard', 'Chéreau', 'Lagrèze', 'Mérieux', 'du Cœur', 'Besançon', 'Müller', 'Jérôme', 'Zoé', 'Ledoux', 'Martin', 'Bernard', 'Petit', 'Durand', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Garcia', 'Roux', 'Fournier', 'Girard', 'Bonnet', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Šimon', 'Œuvre', 'Hélène', 'François', 'Aurélie', 'Léa', 'Benoît', 'Ève', 'Žanić'.replace('ć', 'c')];
const FORMS = ['SARL', 'SAS', 'EURL', 'SA', '& Fils', 'et Cie', ''];
const SERVICES = ['Enseigne lumineuse', 'Signalétique', 'Agencement', 'Vitrine', 'Maintenance', 'Étude', 'Pose et dépose', 'Lettrage véhicule'];

/** Path of the FEC for these parameters, generating it first when it is not there. */
export function ensureFec({ lines = 1_000_000, seed = 42, log = () => {} } = {}) {
  const file = path.join(DATA_DIR, `999999999FEC20261130-${lines}-${seed}.txt`);
  if (existsSync(file)) return file;
  mkdirSync(DATA_DIR, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  log(`generating ${lines} lines into ${path.relative(process.cwd(), file)} …`);
  generate(tmp, lines, seed);
  renameSync(tmp, file);
  return file;
}

function generate(file, target, seed) {
  const rand = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (xs) => xs[int(0, xs.length - 1)];
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => {
    const name = `${pick(TRADES)} ${pick(NAMES)} ${pick(FORMS)}`.trim();
    return { id: `C${String(i + 1).padStart(5, '0')}`, name, bank: name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/Œ/g, 'OE').replace(/œ/g, 'oe').toUpperCase(), terms: pick([30, 30, 30, 45, 60]) };
  });

  const fd = openSync(file, 'w');
  let buf = '';
  let written = 0;
  const flush = () => {
    writeSync(fd, encodeLatin9(buf));
    buf = '';
  };
  const line = (cells) => {
    buf += cells.join('\t') + '\r\n';
    written++;
    if (buf.length > 1 << 20) flush();
  };
  line(['JournalCode', 'JournalLib', 'EcritureNum', 'EcritureDate', 'CompteNum', 'CompteLib', 'CompAuxNum', 'CompAuxLib', 'PieceRef', 'PieceDate', 'EcritureLib', 'Debit', 'Credit', 'EcritureLet', 'DateLet', 'ValidDate', 'Montantdevise', 'Idevise']);
  written = 0;

  const seq = { AN: 0, VT: 0, BQ: 0 };
  const libs = { AN: 'A nouveaux', VT: 'Ventes', BQ: 'Banque' };
  let codes = 0;
  let invoiceNo = 0;
  let paymentNo = 0;
  /** Payments waiting for their day: index = day number. */
  const due = Array.from({ length: DAYS }, () => []);
  const cust = (c, d, ref, pieceDate, label, debit, credit, letter, dateLet) => ['411000', 'Clients', c.id, c.name, ref, pieceDate, label, amount(debit), amount(credit), letter, dateLet];
  const entry = (j, d, rows) => {
    const num = `${j}${++seq[j]}`;
    const valid = day(Math.min(DAYS - 1, d + 30));
    for (const r of rows) {
      const [compte, lib, aux, auxLib, ref, pieceDate, label, debit, credit, letter = '', dateLet = ''] = r;
      line([j, libs[j], num, day(d), compte, lib, aux, auxLib, ref, pieceDate, label, debit, credit, letter, dateLet, valid, '', '']);
    }
  };
  /** Decide an invoice's fate and schedule its payment. */
  const settle = (c, ref, d, ttc, termsFrom) => {
    const r = rand();
    if (r < 0.1) return { letter: '', dateLet: '' }; // still open
    const pay = termsFrom + c.terms + int(-15, 45);
    const when = Math.max(d + 1, pay);
    if (when >= DAYS) return { letter: '', dateLet: '' };
    const partial = r < 0.13;
    const lettered = partial || r > 0.25; // ~85 % of the settled pairs are lettered
    const letter = lettered ? letterCode(codes++) : '';
    const dateLet = lettered && rand() < 0.5 ? day(Math.min(DAYS - 1, when + int(0, 20))) : '';
    const paid = partial ? Math.max(100, Math.round(ttc * int(20, 80) / 100)) : ttc;
    due[when].push({ c, ref, paid, letter, dateLet });
    return { letter, dateLet };
  };

  // Opening entry: one line per open invoice of the previous year, balanced by 890000.
  const openLines = [];
  let openTotal = 0;
  for (let i = 0; i < CUSTOMERS && openLines.length < target * 0.005; i++) {
    const c = customers[i];
    const back = int(5, 90);
    const ttc = int(5000, 900000);
    const ref = `F2025-${String(i + 1).padStart(6, '0')}`;
    const { letter, dateLet } = settle(c, ref, 0, ttc, -back);
    openLines.push(cust(c, 0, ref, day(-back), `A nouveau ${ref}`, ttc, 0, letter, dateLet));
    openTotal += ttc;
  }
  openLines.push(['890000', "Bilan d'ouverture", '', '', 'AN2025', day(0), "Ouverture de l'exercice", amount(0), amount(openTotal)]);
  entry('AN', 0, openLines);

  const invoicesPerDay = Math.max(1, Math.round(target / 4.62 / DAYS));
  for (let d = 0; d < DAYS && written < target; d++) {
    for (const p of due[d]) {
      const label = rand() < 0.2 ? `Règlement facture ${p.ref}` : rand() < 0.003 ? `VIR ${p.c.bank} frais 0,50 € à notre charge` : `VIR SEPA ${p.c.bank}`;
      const ref = `RG${++paymentNo}`;
      entry('BQ', d, [
        ['512000', 'Banque', '', '', ref, day(d), label, amount(p.paid), amount(0)],
        cust(p.c, d, ref, day(d), label, 0, p.paid, p.letter, p.dateLet),
      ]);
    }
    due[d] = [];
    for (let k = 0; k < invoicesPerDay && written < target; k++) {
      const c = customers[int(0, CUSTOMERS - 1)];
      const ht = int(1000, 500000);
      const vat = Math.round(ht / 5);
      const ref = `F2026-${String(++invoiceNo).padStart(6, '0')}`;
      const { letter, dateLet } = settle(c, ref, d, ht + vat, d);
      const label = `Facture ${ref} ${pick(SERVICES)}${rand() < 0.002 ? ' (remise 50 €)' : ''} - ${c.name}`;
      entry('VT', d, [
        cust(c, d, ref, day(d), label, ht + vat, 0, letter, dateLet),
        ['706000', 'Prestations de services', '', '', ref, day(d), label, amount(0), amount(ht)],
        ['445710', 'TVA collectée', '', '', ref, day(d), label, amount(0), amount(vat)],
      ]);
    }
  }
  flush();
  closeSync(fd);
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const lines = Number.parseInt(process.argv[2] ?? process.env.BENCH_LINES ?? '1000000', 10);
  const seed = Number.parseInt(process.argv[3] ?? '42', 10);
  process.stdout.write(ensureFec({ lines, seed, log: (m) => process.stderr.write(`${m}\n`) }) + '\n');
}
