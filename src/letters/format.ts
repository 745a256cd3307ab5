/**
 * Formatting for letters (the Handlebars helpers call these): money, dates and plurals in
 * French or English. Formatting only: what to say is decided in letters/model.ts.
 */
import { formatEuroFr, type Cents, type Dec } from '../model/money.js';
import type { IsoDate, Language } from '../model/types.js';

/**
 * NARROW NO-BREAK SPACE (U+202F) groups thousands and separates the euro sign, as the
 * Imprimerie nationale prescribes; DejaVu and Liberation both have the glyph, so it prints
 * well in the PDF (the console formatter uses U+00A0 because terminals show U+202F badly).
 */
const NNBSP = '\u202f';
/** No-break space: inside a date, before a colon (French typography). */
const NBSP = '\u00a0';

export function formatMoney(c: Cents, lang: Language): string {
  if (lang === 'en') {
    const abs = Math.abs(c);
    const units = Math.trunc(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${c < 0 ? '-' : ''}€${units}.${(abs % 100).toString().padStart(2, '0')}`;
  }
  return formatEuroFr(c).replace(/\u00a0/g, NNBSP);
}

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * `22 novembre 2026`, `1er mars 2026` / `22 November 2026`, with no-break spaces (U+00A0): a date
 * is never cut at a line end ("au plus tard le 14 | décembre 2026" reads badly in a demand).
 */
export function formatLongDate(d: IsoDate, lang: Language): string {
  const day = Number(d.slice(8, 10));
  const month = Number(d.slice(5, 7)) - 1;
  const year = d.slice(0, 4);
  if (lang === 'en') return `${day}${NBSP}${MONTHS_EN[month]}${NBSP}${year}`;
  return `${day === 1 ? '1er' : day}${NBSP}${MONTHS_FR[month]}${NBSP}${year}`;
}

/** `22/11/2026` / `22/11/2026` (tables: short, the same in both languages used in France). */
export function formatShortDate(d: IsoDate): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/** `plural 2 "facture" "factures"` → `factures`; French treats 0 and 1 as singular. */
export function plural(n: number, one: string, many: string, lang: Language): string {
  const singular = lang === 'fr' ? Math.abs(n) < 2 : Math.abs(n) === 1;
  return singular ? one : many;
}

/** `12,15 %` / `12.15%`: a rate in percent, two decimals at least (as the rate tables print them). */
export function formatPercent(rate: Dec, lang: Language): string {
  const dp = Math.max(2, rate.decimalPlaces());
  const s = rate.toFixed(dp);
  return lang === 'en' ? `${s}%` : `${s.replace('.', ',')}${NNBSP}%`;
}

/** Countries that write the town on its own line, then the postcode (Royal Mail, An Post). */
const CITY_THEN_POSTCODE_LINE = /^(united kingdom|uk|gb|great britain|royaume[- ]uni|england|angleterre|scotland|[ée]cosse|wales|pays de galles|northern ireland|irlande du nord|ireland|irlande|[ée]ire)$/i;
/** Countries that write the town, then the postcode on the same line (USPS, Canada Post, Australia Post). */
const CITY_THEN_POSTCODE = /^(united states( of america)?|usa|us|[ée]tats[- ]unis( d'am[ée]rique)?|canada|australia|australie)$/i;

/**
 * The recipient's last lines. In France and most of Europe `postcode city`; for a country known
 * to write it otherwise, its own order; then, abroad, the country in capitals on the last line
 * (La Poste, international mail: the country last, in capitals).
 */
export function postalLines(postcode: string, city: string, country: string | null): string[] {
  const p = postcode.trim();
  const t = city.trim();
  const c = country?.trim() ?? '';
  let lines: string[];
  if (c !== '' && CITY_THEN_POSTCODE_LINE.test(c)) lines = [t, p];
  else if (c !== '' && CITY_THEN_POSTCODE.test(c)) lines = [`${t} ${p}`.trim()];
  else lines = [`${p} ${t}`.trim()];
  if (c !== '') lines.push(c.toLocaleUpperCase('fr-FR'));
  return lines.filter((l) => l !== '');
}

/** A French national number: 0 and nine digits, grouped by spaces, dots or dashes (or not). */
const FRENCH_NATIONAL = /^0([1-9])[\s.-]?(\d{2})[\s.-]?(\d{2})[\s.-]?(\d{2})[\s.-]?(\d{2})$/;

/**
 * The creditor's phone as a customer abroad can dial it: a French national number `04 78 12 34 56`
 * becomes `+33 4 78 12 34 56` (the trunk 0 dropped, ITU E.123 grouping); anything else, already
 * international or not recognised, is printed as written.
 */
export function phoneFromAbroad(phone: string): string {
  const m = FRENCH_NATIONAL.exec(phone.trim());
  return m ? `+33 ${m.slice(1).join(' ')}` : phone;
}
