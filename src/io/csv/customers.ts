/**
 * The customers file: who they are, where letters go, their terms, kind and status. Only `id`
 * and `name` are required; a customer id found twice is an error.
 */
import type { InputFile } from '../books.js';
import { error, foundExpected } from '../../model/problems.js';
import type { Checked, Customer, Problem } from '../../model/types.js';
import { parseKind, parseLanguage, parseStatus, parseTerms } from './customer-values.js';
import type { ColumnSpec } from './headers.js';
import type { CsvReadOptions } from './options.js';
import { cell, loadCsvTable, parseCsvTable, type CsvTable } from './table.js';
import { readText } from './values.js';

export const CUSTOMER_COLUMNS: ColumnSpec = {
  kind: 'customers',
  fields: [
    { name: 'id', required: true, aliases: ['customer_id', 'customer_code', 'Code client', 'N° client', 'Code', 'Client', 'customer'] },
    { name: 'name', required: true, aliases: ['customer_name', 'Raison sociale', 'Nom client', 'Nom', 'Société', 'company'] },
    { name: 'address', required: false, aliases: ['Adresse'] },
    { name: 'address1', required: false, aliases: ['address_line_1', 'Adresse 1', 'Adresse ligne 1'] },
    { name: 'address2', required: false, aliases: ['address_line_2', 'Adresse 2', 'Adresse ligne 2', "Complément d'adresse", 'Complément'] },
    { name: 'address3', required: false, aliases: ['address_line_3', 'Adresse 3', 'Adresse ligne 3'] },
    { name: 'postcode', required: false, aliases: ['postal_code', 'Code postal', 'CP', 'zip', 'zip_code'] },
    { name: 'city', required: false, aliases: ['Ville', 'town', 'Commune'] },
    { name: 'country', required: false, aliases: ['Pays'] },
    { name: 'email', required: false, aliases: ['Courriel', 'E-mail', 'Mail', 'Adresse e-mail', 'Adresse mail'] },
    { name: 'phone', required: false, aliases: ['Téléphone', 'Tél', 'Tel', 'telephone', 'Portable', 'mobile'] },
    { name: 'contact', required: false, aliases: ['Interlocuteur', 'contact_name'] },
    { name: 'language', required: false, aliases: ['Langue', 'lang'] },
    { name: 'terms_days', required: false, aliases: ['terms', 'payment_terms', 'Délai de paiement', 'Délai', 'Conditions de paiement', 'Conditions'] },
    { name: 'kind', required: false, aliases: ['Type', 'Type client', 'customer_type'] },
    { name: 'status', required: false, aliases: ['Statut', 'État'] },
  ],
};

export function customersFromTable(table: CsvTable): Checked<Customer[]> {
  const problems: Problem[] = [];
  const customers: Customer[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const source = { file: table.file, line: row.line };
    const at = (field: string, found: string, expected: string) => problems.push(error(foundExpected(found, expected), source, field));
    const before = problems.length;
    const id = readText(table, row, 'id', 'a customer id');
    const name = readText(table, row, 'name', 'a customer name');
    for (const r of [id, name]) if (!r.ok) problems.push(r.problem);
    const termsText = cell(table, row, 'terms_days');
    const terms = termsText === '' ? null : parseTerms(termsText);
    if (termsText !== '' && !terms) at('terms_days', termsText, 'payment terms in days such as 30, 45 FDM or 45 jours fin de mois (0 to 365)');
    const language = parseLanguage(cell(table, row, 'language'));
    if (!language) at('language', cell(table, row, 'language'), 'fr or en');
    const kind = parseKind(cell(table, row, 'kind'));
    if (!kind) at('kind', cell(table, row, 'kind'), 'business (entreprise, professionnel) or consumer (particulier)');
    const status = parseStatus(cell(table, row, 'status'));
    if (!status) at('status', cell(table, row, 'status'), 'active, or insolvency (procédure collective, sauvegarde, redressement, liquidation)');
    if (!id.ok || !name.ok) continue;
    const first = seen.get(id.value);
    if (first !== undefined) {
      at('id', id.value, `a customer id not already in the file (it is on line ${first})`);
      continue;
    }
    seen.set(id.value, row.line);
    if (problems.length > before || !language || !kind || !status) continue;
    const address = [cell(table, row, 'address'), cell(table, row, 'address1'), cell(table, row, 'address2'), cell(table, row, 'address3')]
      .flatMap((a) => a.split('\n'))
      .map((a) => a.trim())
      .filter((a) => a !== '');
    customers.push({
      id: id.value,
      name: name.value,
      address,
      postcode: cell(table, row, 'postcode'),
      city: cell(table, row, 'city'),
      country: cell(table, row, 'country'),
      email: cell(table, row, 'email'),
      phone: cell(table, row, 'phone'),
      contact: cell(table, row, 'contact'),
      language,
      termsDays: terms ? terms.days : null,
      termsEndOfMonth: terms ? terms.endOfMonth : false,
      kind,
      status,
      source,
    });
  }
  return { value: customers, problems };
}

/** Pure: a customers CSV already decoded to text. */
export function parseCustomersCsv(text: string, file: string, opts: CsvReadOptions = {}): Checked<Customer[]> {
  const t = parseCsvTable(text, file, CUSTOMER_COLUMNS, opts);
  if (!t.value) return { value: [], problems: t.problems };
  const r = customersFromTable(t.value);
  return { value: r.value, problems: [...t.problems, ...r.problems] };
}

export async function readCustomersCsv(file: InputFile, opts: CsvReadOptions = {}): Promise<Checked<Customer[]>> {
  const t = await loadCsvTable(file, CUSTOMER_COLUMNS, opts);
  if (!t.value) return { value: [], problems: t.problems };
  const r = customersFromTable(t.value);
  return { value: r.value, problems: [...t.problems, ...r.problems] };
}
