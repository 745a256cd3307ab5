import { describe, expect, it } from 'vitest';
import { parseCustomersCsv } from '../../../src/io/csv/customers.js';
import { parseKind, parseLanguage, parseStatus, parseTerms } from '../../../src/io/csv/customer-values.js';

describe('customers CSV', () => {
  it('reads every column, French headers', () => {
    const r = parseCustomersCsv(
      'Code client;Raison sociale;Adresse 1;Complément;Code postal;Ville;Pays;Courriel;Téléphone;Contact;Langue;Délai de paiement;Type;Statut\n' +
        'C1;ACME SA;12 rue de la Paix;Bât. B;75002;Paris;France;compta@acme.fr;01 23 45 67 89;Mme Roux;en;45 FDM;entreprise;redressement judiciaire\n' +
        'C2;Jean Dupont;"3 place\ndu Marché";;69001;Lyon;;;;;;;particulier;\n',
      'clients.csv',
    );
    expect(r.problems).toEqual([]);
    expect(r.value[0]).toEqual({
      id: 'C1',
      name: 'ACME SA',
      address: ['12 rue de la Paix', 'Bât. B'],
      postcode: '75002',
      city: 'Paris',
      country: 'France',
      email: 'compta@acme.fr',
      phone: '01 23 45 67 89',
      contact: 'Mme Roux',
      language: 'en',
      termsDays: 45,
      termsEndOfMonth: true,
      kind: 'business',
      status: 'insolvency',
      source: { file: 'clients.csv', line: 2 },
    });
    expect(r.value[1]).toMatchObject({ address: ['3 place', 'du Marché'], language: 'fr', termsDays: null, termsEndOfMonth: false, kind: 'consumer', status: 'active', source: { file: 'clients.csv', line: 3 } });
  });

  it('reports a duplicate customer id', () => {
    const r = parseCustomersCsv('id;name\nC1;A\nC1;B\n', 'c.csv');
    expect(r.value.map((c) => c.name)).toEqual(['A']);
    expect(r.problems).toEqual([{ severity: 'error', source: { file: 'c.csv', line: 3 }, field: 'id', message: 'found "C1", expected a customer id not already in the file (it is on line 2)' }]);
  });

  it('reports bad coded values', () => {
    const r = parseCustomersCsv('id;name;language;terms_days;kind;status\nC1;A;de;soon;robot;bankrupt\n', 'c.csv');
    expect(r.value).toEqual([]);
    expect(r.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'terms_days: found "soon", expected payment terms in days such as 30, 45 FDM or 45 jours fin de mois (0 to 365)',
      'language: found "de", expected fr or en',
      'kind: found "robot", expected business (entreprise, professionnel) or consumer (particulier)',
      'status: found "bankrupt", expected active, or insolvency (procédure collective, sauvegarde, redressement, liquidation)',
    ]);
  });
});

describe('coded values', () => {
  it.each([
    ['30', 30, false],
    ['30 jours', 30, false],
    ['60j', 60, false],
    ['net 30', 30, false],
    ['45 FDM', 45, true],
    ['45 fin de mois', 45, true],
    ['45 jours fin de mois', 45, true],
    ['45EOM', 45, true],
    ['45 days end of month', 45, true],
    ['fin de mois 45 jours', 45, true],
    ['0', 0, false],
  ])('terms %s', (raw, days, eom) => {
    expect(parseTerms(raw)).toEqual({ days, endOfMonth: eom });
  });

  it('refuses terms that are not days', () => {
    for (const raw of ['400', 'à réception', '30.5', '-10']) expect(parseTerms(raw), raw).toBeNull();
  });

  it('reads kinds, statuses and languages in French and English', () => {
    expect(['', 'business', 'Entreprise', 'professionnel', 'B2B'].map(parseKind)).toEqual(Array(5).fill('business'));
    expect(['consumer', 'Particulier'].map(parseKind)).toEqual(['consumer', 'consumer']);
    expect(['', 'active', 'Actif'].map(parseStatus)).toEqual(['active', 'active', 'active']);
    expect(['insolvency', 'Procédure collective', 'Redressement judiciaire', 'Liquidation judiciaire', 'Sauvegarde'].map(parseStatus)).toEqual(Array(5).fill('insolvency'));
    expect(['', 'FR', 'Français', 'en', 'English'].map(parseLanguage)).toEqual(['fr', 'fr', 'fr', 'en', 'en']);
  });
});
