import { describe, expect, it } from 'vitest';
import { matchHeaders, normaliseHeader } from '../../../src/io/csv/headers.js';
import { INVOICE_COLUMNS } from '../../../src/io/csv/invoices.js';
import { PAYMENT_COLUMNS } from '../../../src/io/csv/payments.js';
import { CUSTOMER_COLUMNS } from '../../../src/io/csv/customers.js';
import type { ColumnSpec } from '../../../src/io/csv/headers.js';

/** The field each header is matched to, alone in a header row with the required ones. */
function fieldOf(spec: ColumnSpec, header: string): string | undefined {
  const m = matchHeaders([header], spec, undefined, 'f.csv');
  return [...m.columns.entries()].find(([, i]) => i === 0)?.[0];
}

describe('normaliseHeader', () => {
  it('drops case, accents, spaces, _ - ° \' and dots', () => {
    expect(normaliseHeader(' N° Facture ')).toBe('nfacture');
    expect(normaliseHeader("Date d'échéance")).toBe('datedecheance');
    expect(normaliseHeader('DUE_DATE')).toBe('duedate');
    expect(normaliseHeader('E-mail')).toBe('email');
    expect(normaliseHeader('Tél.')).toBe('tel');
  });
});

describe('header aliases', () => {
  const cases: Array<[ColumnSpec, string, string[]]> = [
    [INVOICE_COLUMNS, 'number', ['number', 'N° facture', 'Numéro', 'NUMERO', 'Facture', 'invoice', 'n_facture']],
    [INVOICE_COLUMNS, 'customer', ['customer', 'Client', 'Code client', 'customer_id', 'CODE-CLIENT']],
    [INVOICE_COLUMNS, 'date', ['date', 'Date facture', 'DATE']],
    [INVOICE_COLUMNS, 'due_date', ['due_date', 'Échéance', 'echeance', "Date d'échéance", 'due']],
    [INVOICE_COLUMNS, 'amount', ['amount', 'Montant TTC', 'Montant', 'Total TTC']],
    [INVOICE_COLUMNS, 'currency', ['currency', 'Devise']],
    [INVOICE_COLUMNS, 'customer_name', ['customer_name', 'Nom client', 'Raison sociale']],
    [PAYMENT_COLUMNS, 'id', ['id', 'Référence', 'RÉFÉRENCE', 'N° règlement']],
    [PAYMENT_COLUMNS, 'reference', ['reference', 'Reference', 'REFERENCE ', 'Libellé', 'Label', 'Communication']],
    [PAYMENT_COLUMNS, 'customer', ['customer', 'Client', 'Code client']],
    [PAYMENT_COLUMNS, 'date', ['date', 'Date', 'Date de règlement']],
    [PAYMENT_COLUMNS, 'amount', ['amount', 'Montant']],
    [PAYMENT_COLUMNS, 'invoice', ['invoice', 'Facture', 'N° facture']],
    [CUSTOMER_COLUMNS, 'id', ['id', 'Code', 'Code client', 'Client']],
    [CUSTOMER_COLUMNS, 'name', ['name', 'Nom', 'Raison sociale']],
    [CUSTOMER_COLUMNS, 'address', ['address', 'Adresse']],
    [CUSTOMER_COLUMNS, 'address1', ['address1', 'Adresse 1', 'address_1']],
    [CUSTOMER_COLUMNS, 'address2', ['address2', 'Adresse 2', 'Complément']],
    [CUSTOMER_COLUMNS, 'address3', ['address3', 'Adresse 3']],
    [CUSTOMER_COLUMNS, 'postcode', ['postcode', 'Code postal', 'CP', 'zip']],
    [CUSTOMER_COLUMNS, 'city', ['city', 'Ville']],
    [CUSTOMER_COLUMNS, 'country', ['country', 'Pays']],
    [CUSTOMER_COLUMNS, 'email', ['email', 'Courriel', 'E-mail', 'Mail']],
    [CUSTOMER_COLUMNS, 'phone', ['phone', 'Téléphone', 'Tel', 'Tél.']],
    [CUSTOMER_COLUMNS, 'contact', ['contact']],
    [CUSTOMER_COLUMNS, 'language', ['language', 'Langue']],
    [CUSTOMER_COLUMNS, 'terms_days', ['terms_days', 'Délai', 'Délai de paiement', 'Conditions']],
    [CUSTOMER_COLUMNS, 'kind', ['kind', 'Type']],
    [CUSTOMER_COLUMNS, 'status', ['status', 'Statut']],
  ];
  for (const [spec, field, headers] of cases) {
    it(`${spec.kind}: ${field} ← ${headers.join(' | ')}`, () => {
      for (const h of headers) expect(fieldOf(spec, h), h).toBe(field);
    });
  }

  it('payments: "Référence" is the id, unless an id column exists, then it is the reference', () => {
    const a = matchHeaders(['Référence', 'Client', 'Date', 'Montant', 'Libellé'], PAYMENT_COLUMNS, undefined, 'p.csv');
    expect(a.columns.get('id')).toBe(0);
    expect(a.columns.get('reference')).toBe(4);
    const b = matchHeaders(['N° règlement', 'Client', 'Date', 'Montant', 'Référence'], PAYMENT_COLUMNS, undefined, 'p.csv');
    expect(b.columns.get('id')).toBe(0);
    expect(b.columns.get('reference')).toBe(4);
    const c = matchHeaders(['id', 'customer', 'date', 'amount', 'reference'], PAYMENT_COLUMNS, undefined, 'p.csv');
    expect(c.columns.get('reference')).toBe(4);
  });

  it('prefers the better name when two headers could serve one field', () => {
    const m = matchHeaders(['Montant', 'Montant TTC', 'Client', 'Facture', 'Date'], INVOICE_COLUMNS, undefined, 'i.csv');
    expect(m.columns.get('amount')).toBe(1);
    expect(m.problems).toEqual([]);
  });
});

describe('config columns', () => {
  it('maps fields to the headers the config names, overriding the built-in names', () => {
    const m = matchHeaders(['Doc', 'Tiers', 'Le', 'Valeur', 'Montant'], INVOICE_COLUMNS, { number: 'Doc', customer: 'Tiers', date: 'Le', amount: 'Valeur' }, 'i.csv');
    expect(m.problems).toEqual([]);
    expect(Object.fromEntries(m.columns)).toEqual({ number: 0, customer: 1, date: 2, amount: 3 });
  });

  it('reports a configured header that is not in the file', () => {
    const m = matchHeaders(['number', 'customer', 'date', 'amount'], INVOICE_COLUMNS, { amount: 'Total HT' }, 'i.csv');
    expect(m.problems).toEqual([
      {
        severity: 'error',
        source: { file: 'i.csv', line: 1 },
        field: 'amount',
        message: 'the config maps amount to the column "Total HT", which is not in the header row ("number", "customer", "date", "amount")',
      },
    ]);
  });

  it('reports a configured field that does not exist', () => {
    const m = matchHeaders(['number', 'customer', 'date', 'amount'], INVOICE_COLUMNS, { montant: 'amount' }, 'i.csv');
    expect(m.problems[0]!.message).toBe('found "montant", expected one of number, customer, date, due_date, amount, currency, customer_name (config "columns.invoices")');
  });
});

describe('missing required columns', () => {
  it('names every missing column on line 1 and how to map it', () => {
    const m = matchHeaders(['Client', 'Libellé'], INVOICE_COLUMNS, undefined, 'i.csv');
    expect(m.problems).toHaveLength(1);
    const p = m.problems[0]!;
    expect(p.source).toEqual({ file: 'i.csv', line: 1 });
    expect(p.message).toMatch(/^missing required columns number \("number", "invoice_number", "N° facture", "Numéro de facture"…\); date \(/);
    expect(p.message).toContain('amount (');
    expect(p.message).not.toContain('customer (');
    expect(p.message).toContain('found "Client", "Libellé"');
    expect(p.message).toContain('"columns": {"invoices": {"number": "Header in the file"}}');
  });
});
