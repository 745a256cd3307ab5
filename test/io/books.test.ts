import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../src/config/load.js';
import { loadBooks, type InputFile, type InputFiles } from '../../src/io/books.js';
import { formatProblem, sortProblems } from '../../src/model/problems.js';

const config = (raw: object = {}): Config => parseConfig(raw, 'dunning.config.json', '/').config!;

function files(contents: { invoices?: string; payments?: string; customers?: string; fec?: string[] }): InputFiles {
  const dir = mkdtempSync(path.join(tmpdir(), 'dunning-books-'));
  const put = (name: string, text: string | undefined): InputFile | undefined => {
    if (text === undefined) return undefined;
    writeFileSync(path.join(dir, name), text);
    return { path: path.join(dir, name), display: name };
  };
  return {
    fec: (contents.fec ?? []).map((f) => ({ path: path.join(dir, f), display: f })),
    invoices: put('invoices.csv', contents.invoices),
    payments: put('payments.csv', contents.payments),
    customers: put('customers.csv', contents.customers),
  };
}

const messages = (ps: Parameters<typeof sortProblems>[0]) => sortProblems(ps).map(formatProblem);

const INVOICES = 'number;customer;date;amount;customer_name\nF1;C1;2026-01-02;100,00;ACME\nF2;C2;2026-01-05;50,00;Bidule\n';

describe('loadBooks from CSV', () => {
  it('reads invoices, payments and customers, with a default customer for ids seen only in the books', async () => {
    const r = await loadBooks(
      files({
        invoices: INVOICES,
        payments: 'id;customer;date;amount;invoice\nP1;C1;2026-01-20;100,00;F1\n',
        customers: 'id;name;terms_days;language\nC1;ACME SA;45 FDM;en\n',
      }),
      config(),
    );
    expect(messages(r.problems)).toEqual(['invoices.csv:3: warning: customer: found "C2", expected a customer listed in customers.csv (a default customer is used: terms from the config, letters in French)']);
    expect(r.value.entries.map((e) => `${e.kind}:${e.ref}:${e.amount}`)).toEqual(['invoice:F1:10000', 'invoice:F2:5000', 'payment:P1:10000']);
    expect(r.value.customers.get('C1')).toMatchObject({ name: 'ACME SA', termsDays: 45, termsEndOfMonth: true, language: 'en' });
    expect(r.value.customers.get('C2')).toEqual({
      id: 'C2', name: 'Bidule', address: [], postcode: '', city: '', country: '', email: '', phone: '', contact: '',
      language: 'fr', termsDays: null, termsEndOfMonth: false, kind: 'business', status: 'active', source: null,
    });
  });

  it('amounts adding up past 90 000 000 000 000,00 across files: an error on the entry that crosses', async () => {
    const r = await loadBooks(
      files({
        invoices: 'number;customer;date;amount\nF1;C1;2026-01-02;50 000 000 000 000,00\n',
        payments: 'id;customer;date;amount\nP1;C1;2026-01-20;40 000 000 000 000,00\nP2;C1;2026-01-21;0,02\n',
      }),
      config(),
    );
    expect(messages(r.problems)).toEqual([
      "payments.csv:3: error: amount: found \"0.02\", expected an amount that keeps the total of the books' amounts below 90 000 000 000 000,00 (beyond that, cents cannot be added exactly)",
    ]);
  });

  it('reports a payment for an unknown customer', async () => {
    const r = await loadBooks(files({ invoices: INVOICES, payments: 'id;customer;date;amount\nP1;C9;2026-01-20;10\n' }), config());
    expect(messages(r.problems)).toEqual(['payments.csv:2: error: customer: found "C9", expected a customer known from invoices.csv']);
  });

  it('reports an explicit invoice that is not the customer\'s', async () => {
    const r = await loadBooks(files({ invoices: INVOICES, payments: 'id;customer;date;amount;invoice\nP1;C1;2026-01-20;10;F9\nP2;C1;2026-01-20;10;F2\n' }), config());
    expect(messages(r.problems)).toEqual([
      'payments.csv:2: error: invoice: found "F9", expected an invoice of customer C1 in invoices.csv',
      'payments.csv:3: error: invoice: found "F2", expected an invoice of customer C1 in invoices.csv (it is an invoice of C2)',
    ]);
  });

  it('reports a duplicate customer id and a duplicate invoice', async () => {
    const r = await loadBooks(files({ invoices: INVOICES + 'F1;C1;2026-01-09;1;ACME\n', customers: 'id;name\nC1;A\nC2;B\nC1;C\n' }), config());
    expect(messages(r.problems)).toEqual([
      'customers.csv:4: error: id: found "C1", expected a customer id not already in the file (it is on line 2)',
      'invoices.csv:4: error: number: found "F1", expected an invoice number not already used for customer C1 (it is on line 2)',
    ]);
  });

  it('lists a systematic problem on its first 50 lines, then one summary with the total', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `F${i};C1;2026-13-${String((i % 28) + 1).padStart(2, '0')};10,00;ACME\n`).join('');
    const pays = Array.from({ length: 60 }, (_, i) => `P${i};C9;2026-01-20;10\n`).join('');
    const r = await loadBooks(
      files({ invoices: 'number;customer;date;amount;customer_name\n' + rows, payments: 'id;customer;date;amount\n' + pays, customers: 'id;name\nC1;ACME\n' }),
      config(),
    );
    const dates = r.problems.filter((p) => p.source?.file === 'invoices.csv' && p.field === 'date');
    expect(dates).toHaveLength(51);
    expect(dates[50]).toMatchObject({ severity: 'error', source: { file: 'invoices.csv', line: 52 }, message: 'found this problem on 120 lines in all, 70 more from this line on; only the first 50 are listed' });
    const unknown = r.problems.filter((p) => p.source?.file === 'payments.csv' && p.field === 'customer');
    expect(unknown).toHaveLength(51);
    expect(unknown[50]!.message).toBe('found this problem on 60 lines in all, 10 more from this line on; only the first 50 are listed');
  });

  it('reports a missing file and an empty file by name, and still reads the others', async () => {
    const f = files({ payments: '', customers: 'id;name\nC1;A\n' });
    const r = await loadBooks({ ...f, invoices: { path: '/nonexistent/inv.csv', display: 'inv.csv' } }, config());
    expect(messages(r.problems)).toEqual(['inv.csv:0: error: file not found', 'payments.csv:1: error: the file is empty, expected a header row and data lines']);
    expect(r.value.customers.get('C1')?.name).toBe('A');
  });

  it('refuses FEC and invoice/payment CSVs together, naming the flags', async () => {
    const f = files({ invoices: INVOICES, fec: ['FEC2026.txt'] });
    const r = await loadBooks(f, config());
    expect(messages(r.problems)).toEqual([
      'error: both --fec FEC2026.txt and --invoices invoices.csv were given: the FEC already holds the invoices and payments, so reading both would count them twice; give either --fec or the CSV files (customers may come with either)',
      'FEC2026.txt:0: error: file not found',
    ]);
  });

  it('passes the config csv and columns settings to the readers', async () => {
    const r = await loadBooks(
      files({ invoices: 'Doc;Tiers;Le;Valeur\nF1;C1;2026-01-02;1.234\n' }),
      config({ csv: { decimal: 'comma' }, columns: { invoices: { number: 'Doc', customer: 'Tiers', date: 'Le', amount: 'Valeur' } } }),
    );
    expect(r.problems).toEqual([]);
    expect(r.value.entries[0]).toMatchObject({ ref: 'F1', amount: 123400 });
  });
});

const FEC_HEAD = 'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';
const fecLine = (j: string, num: string, date: string, account: string, aux: string, name: string, ref: string, debit: string, credit: string) =>
  [j, j === 'VT' ? 'Ventes' : 'Banque', num, date, account, 'x', aux, name, ref, date, `Lib ${ref}`, debit, credit, '', '', date, '', ''].join('\t');
const FEC_TEXT = [
  FEC_HEAD,
  fecLine('VT', '1', '20260110', '411000', 'C1', 'ACME', 'F1', '120,00', '0,00'),
  fecLine('VT', '1', '20260110', '706000', '', '', 'F1', '0,00', '100,00'),
  fecLine('VT', '1', '20260110', '445710', '', '', 'F1', '0,00', '20,00'),
  fecLine('VT', '2', '20260112', '411000', 'C2', 'Bidule', 'F2', '60,00', '0,00'),
  fecLine('VT', '2', '20260112', '706000', '', '', 'F2', '0,00', '60,00'),
  fecLine('BQ', '3', '20260120', '512000', '', '', 'VIR1', '100,00', '0,00'),
  fecLine('BQ', '3', '20260120', '411000', 'C1', 'ACME', 'VIR1', '0,00', '100,00'),
].join('\r\n') + '\r\n';

describe('loadBooks from a FEC', () => {
  it('reads the customer lines, merges, and checks them against the customers file', async () => {
    const f = files({ customers: 'id;name;terms_days\nC1;ACME SA;60\n' });
    const dir = path.dirname(f.customers!.path);
    writeFileSync(path.join(dir, 'FEC.txt'), FEC_TEXT);
    const r = await loadBooks({ ...f, fec: [{ path: path.join(dir, 'FEC.txt'), display: 'FEC.txt' }] }, config());
    expect(messages(r.problems)).toEqual([
      'FEC.txt:5: warning: customer: found "C2", expected a customer listed in customers.csv (a default customer is used: terms from the config, letters in French)',
    ]);
    expect(r.value.entries.map((e) => `${e.customer}:${e.kind}:${e.side}:${e.ref}:${e.amount}:${e.source.line}`)).toEqual([
      'C1:invoice:debit:F1:12000:2',
      'C2:invoice:debit:F2:6000:5',
      'C1:payment:credit:VIR1:10000:8',
    ]);
    expect(r.value.customers.get('C1')).toMatchObject({ name: 'ACME SA', termsDays: 60 });
    expect(r.value.customers.get('C2')).toMatchObject({ name: 'Bidule', source: null, termsDays: null });
  });
});

describe('the same FEC given twice', () => {
  it('is an error naming both, whether the same path or a copy with the same bytes; it is read once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dunning-books-'));
    writeFileSync(path.join(dir, 'a.txt'), FEC_TEXT);
    writeFileSync(path.join(dir, 'copy.txt'), FEC_TEXT);
    const fec = (name: string): InputFile => ({ path: path.join(dir, name), display: name });
    const twice = await loadBooks({ fec: [fec('a.txt'), fec('a.txt')] }, config());
    expect(messages(twice.problems)).toEqual([
      'a.txt:1: error: found the same file as a.txt (--fec given twice), expected each fiscal year once: every entry would be counted twice; give it once',
    ]);
    expect(twice.value.entries).toHaveLength(3);
    const copy = await loadBooks({ fec: [fec('a.txt'), fec('copy.txt')] }, config());
    expect(messages(copy.problems)).toEqual([
      'copy.txt:1: error: found the same content as a.txt (--fec given twice), expected each fiscal year once: every entry would be counted twice; give it once',
    ]);
  });
});
