import { describe, expect, it } from 'vitest';
import { formatLongDate, formatMoney, formatPercent, phoneFromAbroad, plural, postalLines } from '../../src/letters/format.js';
import { cents, Dec } from '../../src/model/money.js';
import { d } from './builders.js';

describe('letter formatting', () => {
  it.each([
    [123456, 'fr', '1\u202f234,56\u202f€'],
    [5, 'fr', '0,05\u202f€'],
    [100000000, 'fr', '1\u202f000\u202f000,00\u202f€'],
    [123456, 'en', '€1,234.56'],
    [-4000, 'en', '-€40.00'],
  ] as const)('money %i in %s', (c, lang, text) => {
    expect(formatMoney(cents(c), lang)).toBe(text);
  });

  it.each([
    // no-break spaces (U+00A0): a date is never cut at a line end
    ['2026-11-22', 'fr', '22\u00a0novembre\u00a02026'],
    ['2026-03-01', 'fr', '1er\u00a0mars\u00a02026'],
    ['2026-08-15', 'fr', '15\u00a0août\u00a02026'],
    ['2026-11-22', 'en', '22\u00a0November\u00a02026'],
  ] as const)('date %s in %s', (iso, lang, text) => {
    expect(formatLongDate(d(iso), lang)).toBe(text);
  });

  it('plurals: French 0 and 1 are singular, English only 1', () => {
    expect([0, 1, 2].map((n) => plural(n, 'facture', 'factures', 'fr'))).toEqual(['facture', 'facture', 'factures']);
    expect([0, 1, 2].map((n) => plural(n, 'invoice', 'invoices', 'en'))).toEqual(['invoices', 'invoice', 'invoices']);
  });
});

describe('formatPercent', () => {
  it('prints a rate with two decimals at least, French comma and narrow space', () => {
    expect(formatPercent(new Dec('12.15'), 'fr')).toBe('12,15\u202f%');
    expect(formatPercent(new Dec('10'), 'fr')).toBe('10,00\u202f%');
    expect(formatPercent(new Dec('3.125'), 'en')).toBe('3.125%');
  });
});

describe('postalLines', () => {
  it('France: postcode then city, no country line', () => {
    expect(postalLines('69002', 'Lyon', null)).toEqual(['69002 Lyon']);
  });
  it('UK and Ireland: town, then postcode on its own line, then the country in capitals', () => {
    expect(postalLines('NW1 6XE', 'London', 'United Kingdom')).toEqual(['London', 'NW1 6XE', 'UNITED KINGDOM']);
    expect(postalLines('D02 X285', 'Dublin', 'Irlande')).toEqual(['Dublin', 'D02 X285', 'IRLANDE']);
  });
  it('US: town then postcode on one line; elsewhere postcode then town', () => {
    expect(postalLines('10001', 'New York NY', 'USA')).toEqual(['New York NY 10001', 'USA']);
    expect(postalLines('1000', 'Bruxelles', 'Belgique')).toEqual(['1000 Bruxelles', 'BELGIQUE']);
  });
});

describe('phoneFromAbroad', () => {
  it.each([
    ['04 78 12 34 56', '+33 4 78 12 34 56'],
    ['0478123456', '+33 4 78 12 34 56'],
    ['06.12.34.56.78', '+33 6 12 34 56 78'],
    [' 09-87-65-43-21 ', '+33 9 87 65 43 21'],
    ['+33 4 78 12 34 56', '+33 4 78 12 34 56'], // already international
    ['3615', '3615'], // not a national number: as written
    ['', ''],
  ])('%s', (phone, shown) => expect(phoneFromAbroad(phone)).toBe(shown));
});
