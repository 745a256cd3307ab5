/**
 * End to end: the built CLI (`node bin/dunning.js scan|log|history …`) on CSV books written
 * here, with the journal in a temporary folder.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runDunning } from '../helpers/cli.js';


const dunning = (args: string[], cwd: string) => runDunning(args, cwd);

const INVOICES = `number;customer;date;amount;customer_name
F2026-001;C1;2026-09-15;1200,00;ACME
F2026-002;C1;2026-10-10;300,00;ACME
F2026-003;C2;2026-09-20;4,00;Petit
F2026-004;C2;2026-09-01;800,00;Petit
`;
const PAYMENTS = `id;customer;date;amount;reference
P1;C2;2026-10-05;800,00;F2026-004
`;
const CUSTOMERS = `id;name;phone;contact
C1;ACME SA;01 23 45 67 89;Mme Martin
C2;Petit SARL;06 00 00 00 00;M. Petit
`;

let dir: string;
const IN = ['--invoices', 'invoices.csv', '--payments', 'payments.csv', '--customers', 'customers.csv'];
const journal = () => path.join(dir, '.dunning', 'journal.jsonl');

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dunning-scan-e2e-'));
  writeFileSync(path.join(dir, 'invoices.csv'), INVOICES);
  writeFileSync(path.join(dir, 'payments.csv'), PAYMENTS);
  writeFileSync(path.join(dir, 'customers.csv'), CUSTOMERS);
});

describe('scan, log a call, scan a week later', () => {
  it('the call is due, logged, not due again the same day, and the reminder is due 7 days later', async () => {
    const first = await dunning(['scan', ...IN, '--as-of', '2026-10-18', '--format', 'json'], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    const report = JSON.parse(first.stdout);
    expect(report).toEqual({
      asOf: '2026-10-18',
      invoices: [
        {
          customer: 'C1', number: 'F2026-001', source: { file: 'invoices.csv', line: 2 }, dueDate: '2026-10-15', daysLate: 3, residual: '1200.00',
          lastStep: null, lastStepDate: null, nextStep: 'call', nextStepDate: '2026-10-18', blocked: null,
        },
      ],
      actions: [{ customer: 'C1', step: 'call', invoices: ['F2026-001'], amount: '1200.00' }],
    });

    const logged = await dunning(['log', 'call', 'C1', '--outcome', 'reached', '--date', '2026-10-18', ...IN], dir);
    expect(logged).toEqual({ code: 0, stdout: '', stderr: 'logged call for C1 on 2026-10-18 (F2026-001) in .dunning/journal.jsonl\n' });
    const line = JSON.parse(readFileSync(journal(), 'utf8'));
    expect(line).toMatchObject({ v: 1, type: 'call', date: '2026-10-18', customer: 'C1', outcome: 'reached', invoices: [{ number: 'F2026-001', key: 'C1|F2026-001|2026-09-15|120000' }] });

    const again = JSON.parse((await dunning(['scan', ...IN, '--as-of', '2026-10-18', '--format', 'json'], dir)).stdout);
    expect(again.actions).toEqual([]);
    expect(again.invoices[0]).toMatchObject({ lastStep: 'call', lastStepDate: '2026-10-18', nextStep: 'reminder', nextStepDate: '2026-10-25' });

    const week = JSON.parse((await dunning(['scan', ...IN, '--as-of', '2026-10-25', '--format', 'json'], dir)).stdout);
    expect(week.actions).toEqual([{ customer: 'C1', step: 'reminder', invoices: ['F2026-001'], amount: '1200.00' }]);
  });

  it('the table starts with the call list (phone, contact), then the invoices; --explain adds the reasons', async () => {
    const r = await dunning(['scan', ...IN, '--as-of', '2026-10-18', '--explain'], dir);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out.indexOf('Actions du 18/10/2026\n\nAppels à passer (relance téléphonique)\n')).toBe(0);
    expect(out).toMatch(/│ C1\s+│ ACME SA\s+│ F2026-001\s+│ 1\u00a0200,00\u00a0€ │ 01 23 45 67 89 │ Mme Martin │/);
    expect(out.indexOf('Factures en retard')).toBeGreaterThan(0);
    expect(out).toContain('C1 F2026-001 (invoices.csv:2)\n  due 2026-10-15 (invoice 2026-09-15 + 30 days)\n  call due 2026-10-18 = due date 2026-10-15 + 3 days\n');
  });

  it('CSV lists invoice rows with the action of the day', async () => {
    const r = await dunning(['scan', ...IN, '--as-of', '2026-10-18', '--format', 'csv'], dir);
    expect(r.stdout).toBe(
      'customer,number,source,dueDate,daysLate,residual,lastStep,lastStepDate,nextStep,nextStepDate,blocked,actionToday\n' +
        'C1,F2026-001,invoices.csv:2,2026-10-15,3,1200.00,,,call,2026-10-18,,call\n',
    );
  });

  it('is deterministic: the same inputs, journal and as-of give byte-identical output', async () => {
    await dunning(['log', 'call', 'C1', '--date', '2026-10-18', ...IN], dir);
    await dunning(['log', 'promise', 'C1', '--until', '2026-11-10', '--date', '2026-10-20', ...IN], dir);
    for (const format of ['table', 'json', 'csv']) {
      const args = ['scan', ...IN, '--as-of', '2026-11-20', '--format', format, ...(format === 'csv' ? [] : ['--explain'])];
      const a = await dunning(args, dir);
      const b = await dunning(args, dir);
      expect(a.code).toBe(0);
      expect(b.stdout).toBe(a.stdout);
    }
  });

  it('reads inputs and the policy from the config, with the journal beside it', async () => {
    writeFileSync(
      path.join(dir, 'dunning.config.json'),
      JSON.stringify({ inputs: { invoices: 'invoices.csv', payments: 'payments.csv', customers: 'customers.csv' }, policy: { minAmount: '1.00', steps: [{ id: 'reminder', days: 10 }] } }),
    );
    const r = JSON.parse((await dunning(['scan', '--as-of', '2026-10-25', '--format', 'json'], dir)).stdout);
    expect(r.actions).toEqual([{ customer: 'C1', step: 'reminder', invoices: ['F2026-001'], amount: '1200.00' }]);
    expect((await dunning(['log', 'note', 'C1', 'rappeler lundi', '--date', '2026-10-25'], dir)).code).toBe(0);
    expect(existsSync(journal())).toBe(true);
  });
});

describe('scan errors and warnings', () => {
  it('a torn last line in the journal is a warning naming file:line; the scan goes on', async () => {
    await dunning(['log', 'call', 'C1', '--date', '2026-10-18', ...IN], dir);
    appendFileSync(journal(), '{"v":1,"id":"x","date":"2026-10');
    const r = await dunning(['scan', ...IN, '--as-of', '2026-10-18', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${journal()}:2: warning: torn last line (a run stopped while writing it), left as is and ignored\n`);
    expect(JSON.parse(r.stdout).actions).toEqual([]);
  });

  it('an unreadable line in the middle of the journal: exit 2 naming file:line', async () => {
    await dunning(['log', 'call', 'C1', '--date', '2026-10-18', ...IN], dir);
    appendFileSync(journal(), 'oops\n');
    await dunning(['log', 'note', 'C1', 'x', '--date', '2026-10-18'], dir);
    const r = await dunning(['scan', ...IN, '--as-of', '2026-10-18'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${journal()}:2: error: found "oops", expected one JSON entry per line\n`);
    expect(r.stderr).toContain('has 1 unreadable line(s)');
  });

  it('--explain with --format csv is a usage error (exit 2), not silently ignored', async () => {
    const r = await dunning(['scan', ...IN, '--as-of', '2026-10-18', '--format', 'csv', '--explain'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'dunning: --explain: found with --format csv, expected --format table or --format json (the CSV has fixed columns; the JSON gives "explain" per invoice)\n',
    );
  });

  it('policy.customers.<ID> for a customer not in the books: a warning naming the config, exit 0', async () => {
    writeFileSync(path.join(dir, 'dunning.config.json'), JSON.stringify({ policy: { customers: { C1: { steps: [{ id: 'reminder', days: 1 }] }, C99: { steps: [{ id: 'reminder', days: 1 }] } } } }));
    const r = await dunning(['scan', ...IN, '--as-of', '2026-10-18', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'dunning.config.json:0: warning: policy.customers.C99: found "C99", expected a customer id of the books or the customers file; this policy applies to no invoice (a typo in the id?)\n',
    );
    expect(JSON.parse(r.stdout).actions).toEqual([{ customer: 'C1', step: 'reminder', invoices: ['F2026-001'], amount: '1200.00' }]);
  });

  it('a policy with steps out of order: exit 2 with the config path', async () => {
    writeFileSync(path.join(dir, 'dunning.config.json'), JSON.stringify({ policy: { steps: [{ id: 'reminder', days: 1 }, { id: 'call', days: 1 }] } }));
    const r = await dunning(['scan', ...IN, '--as-of', '2026-10-18'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('policy.steps.1.id: found "call" after "reminder", expected steps in the order');
  });
});

describe('log', () => {
  const journalText = () => (existsSync(journal()) ? readFileSync(journal(), 'utf8') : '');

  const D = ['--date', '2026-10-18'];
  it.each([
    [['call', 'C9', ...D], 'dunning: customer: found "C9", expected a customer id of the books or the customers file\n'],
    [['call', 'C1', ...D, '--invoice', 'F2026-001', 'NOPE'], 'dunning: --invoice: found "NOPE", expected invoice numbers of customer C1 dated on or before the entry\'s date\n'],
    [['dispute', 'NOPE', ...D], 'dunning: invoice: found "NOPE", expected an invoice number of the books\n'],
    [['hold', 'C1', ...D], 'dunning: --until: missing, expected a date YYYY-MM-DD\n'],
    [['hold', 'NOPE', ...D, '--until', '2026-12-01'], 'dunning: hold: found "NOPE", expected a customer id or an invoice number of the books\n'],
    [['promise', 'C1', ...D, '--until', '2026-10-01'], 'dunning: --until: found "2026-10-01", expected a date on or after the entry\'s date 2026-10-18\n'],
    [['promise', 'C1', ...D, '--until', '2026-11-01', '--amount', '1.234'], 'dunning: --amount: found "1.234", expected an amount that reads one way only: type 1234,00 for 1 234,00 € (a dot or comma before exactly three digits could group thousands or mark decimals)\n'],
    [['promise', 'C1', ...D, '--until', '2026-11-01', '--amount', '1,230'], 'dunning: --amount: found "1,230", expected an amount that reads one way only: type 1,23 for 1,23 €, or 1230,00 for 1 230,00 € (a dot or comma before exactly three digits could group thousands or mark decimals)\n'],
    [['call', 'C1', '--date', '18/10/2026'], 'dunning: --date: found "18/10/2026", expected a date YYYY-MM-DD\n'],
    [['litigation', 'C9', ...D], 'dunning: customer: found "C9", expected a customer id of the books or the customers file\n'],
  ])('log %j: exit 2, nothing written', async (args, message) => {
    const r = await dunning(['log', ...args, ...IN], dir);
    expect(r.stderr).toBe(message);
    expect(r.code).toBe(2);
    expect(journalText()).toBe('');
  });

  const CUST = ['--customers', 'customers.csv'];
  it.each([
    [['call', 'C999', ...D, ...CUST], 'dunning: customer: found "C999", expected a customer id of the customers file\n'],
    [['note', 'C999', 'hello', ...D, ...CUST], 'dunning: customer: found "C999", expected a customer id of the customers file\n'],
    [['promise', 'C999', ...D, '--until', '2026-11-01', ...CUST], 'dunning: customer: found "C999", expected a customer id of the customers file\n'],
    [['litigation', 'C999', ...D, ...CUST], 'dunning: customer: found "C999", expected a customer id of the customers file\n'],
    [['dispute', 'F1', '--customer', 'C999', ...D, ...CUST], 'dunning: customer: found "C999", expected a customer id of the customers file\n'],
    [
      ['hold', 'C999', ...D, '--until', '2026-12-01', ...CUST],
      'dunning: hold: found "C999", expected a customer id of the customers file (for an invoice, --scope invoice: invoice numbers are not checked without the books)\n',
    ],
  ])('log %j with only a customers file: an unknown customer is exit 2, nothing written', async (args, message) => {
    const r = await dunning(['log', ...args], dir);
    expect(r.stderr).toBe(message);
    expect(r.code).toBe(2);
    expect(journalText()).toBe('');
  });

  it('with only a customers file: a known customer is logged, invoice numbers as typed', async () => {
    const r = await dunning(['log', 'call', 'C1', '--invoice', 'F2026-001', ...D, '--customers', 'customers.csv', '--format', 'json'], dir);
    expect(r.stderr).toBe('logged call for C1 on 2026-10-18 (F2026-001) in .dunning/journal.jsonl\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ customer: 'C1', invoices: [{ number: 'F2026-001', key: '' }] });
    const hold = await dunning(['log', 'hold', 'F2026-002', '--scope', 'invoice', '--customer', 'C1', ...D, '--until', '2026-12-01', '--customers', 'customers.csv'], dir);
    expect(hold.code).toBe(0);
    expect(journalText().trim().split('\n')).toHaveLength(2);
  });

  it('litigation: the dossier of the overdue invoices is logged; the scan plans nothing more for them', async () => {
    const logged = await dunning(['log', 'litigation', 'C1', '--date', '2026-10-20', '--note', 'Dossier transmis à Maître Durand', '--format', 'json', ...IN], dir);
    expect(logged.code).toBe(0);
    expect(logged.stderr).toBe(`logged litigation for C1 on 2026-10-20 (F2026-001) in ${path.join('.dunning', 'journal.jsonl')}\n`);
    // F2026-001 (due 2026-10-15) is overdue on 2026-10-20; F2026-002 (due 2026-11-09) is not yet.
    expect(JSON.parse(logged.stdout)).toMatchObject({ type: 'litigation', customer: 'C1', date: '2026-10-20', invoices: [{ number: 'F2026-001' }], note: 'Dossier transmis à Maître Durand' });
    const scan = JSON.parse((await dunning(['scan', '--as-of', '2026-11-20', '--format', 'json', ...IN], dir)).stdout);
    const f1 = scan.invoices.find((i: { number: string }) => i.number === 'F2026-001');
    expect(f1).toMatchObject({ lastStep: 'litigation', lastStepDate: '2026-10-20', nextStep: null, nextStepDate: null, blocked: null });
    expect(scan.actions).toEqual([{ customer: 'C1', step: 'call', invoices: ['F2026-002'], amount: '300.00' }]);
    const history = await dunning(['history', 'C1'], dir);
    expect(history.stdout).toMatch(/│ 20\/10\/2026 │ contentieux │ C1\s+│ F2026-001 │/);
  });

  it('an invoice number of two customers needs --customer', async () => {
    writeFileSync(path.join(dir, 'invoices.csv'), `${INVOICES}F2026-001;C2;2026-09-15;10,00;Petit\n`);
    const r = await dunning(['log', 'dispute', 'F2026-001', '--date', '2026-10-18', ...IN], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dunning: invoice: "F2026-001" is an invoice of several customers (C1, C2); say which with --customer\n');
    const ok = await dunning(['log', 'dispute', 'F2026-001', '--customer', 'C2', '--date', '2026-10-18', ...IN], dir);
    expect(ok.stderr).toBe('logged dispute for C2 on 2026-10-18 (F2026-001) in .dunning/journal.jsonl\n');
  });

  it('a target that is both a customer and an invoice number needs --scope', async () => {
    writeFileSync(path.join(dir, 'invoices.csv'), `${INVOICES}C1;C2;2026-09-15;10,00;Petit\n`);
    const r = await dunning(['log', 'hold', 'C1', '--until', '2026-12-01', '--date', '2026-10-18', ...IN], dir);
    expect(r.stderr).toBe('dunning: hold: "C1" is both a customer and an invoice number; say which with --scope customer or --scope invoice\n');
    expect(r.code).toBe(2);
  });

  it('without data files: ids are stored as typed, with empty keys; --format json prints the entry', async () => {
    const r = await dunning(['log', 'call', 'C1', '--invoice', 'F2026-001', '--date', '2026-10-18', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('logged call for C1 on 2026-10-18 (F2026-001) in .dunning/journal.jsonl\n');
    const entry = JSON.parse(r.stdout);
    expect(entry).toMatchObject({ type: 'call', customer: 'C1', invoices: [{ number: 'F2026-001', key: '' }] });
    expect(JSON.parse(journalText())).toEqual(entry);
    // The scan matches the number to the document.
    const scanned = await dunning(['scan', ...IN, '--as-of', '2026-10-19', '--format', 'json'], dir);
    expect(scanned.stderr).toBe('');
    const s = JSON.parse(scanned.stdout);
    expect(s.invoices[0]).toMatchObject({ number: 'F2026-001', lastStep: 'call' });
  });

  it('a journal locked by another live run: exit 3 naming the holder, nothing written', async () => {
    const lock = `${journal()}.lock`;
    await dunning(['log', 'note', 'C1', 'first', '--date', '2026-10-18'], dir);
    const before = journalText();
    writeFileSync(lock, JSON.stringify({ pid: process.pid, since: '2026-10-18T08:00:00.000Z', host: hostname() }));
    const t0 = Date.now();
    const r = await dunning(['log', 'note', 'C1', 'second', '--date', '2026-10-18'], dir);
    expect(r.code).toBe(3);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2900); // it waited the 3 s the README promises before giving up
    expect(r.stderr).toBe(`dunning: journal ${journal()} is locked by another run (pid ${process.pid} since 2026-10-18T08:00:00.000Z); if no other dunning is running, delete ${lock}\n`);
    expect(journalText()).toBe(before);
    rmSync(lock);
  });
});

describe('history', () => {
  it('oldest first by date then recording, filtered by customer, in JSON and CSV', async () => {
    await dunning(['log', 'note', 'C1', 'later', '--date', '2026-10-20'], dir);
    await dunning(['log', 'note', 'C2', 'other', '--date', '2026-10-19'], dir);
    await dunning(['log', 'call', 'C1', '--date', '2026-10-18', '--outcome', 'no_answer'], dir);
    const r = await dunning(['history', 'C1', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const { entries } = JSON.parse(r.stdout);
    expect(entries.map((e: { type: string; date: string }) => `${e.date} ${e.type}`)).toEqual(['2026-10-18 call', '2026-10-20 note']);
    const c = await dunning(['history', '--format', 'csv'], dir);
    expect(c.stdout.split('\n').slice(0, 4).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      'date,recordedAt,type,customer',
      `2026-10-18,${entries[0].recordedAt},call,C1`,
      `2026-10-19,${c.stdout.split('\n')[2]!.split(',')[1]},note,C2`,
      `2026-10-20,${entries[1].recordedAt},note,C1`,
    ]);
    const t = await dunning(['history', 'C9'], dir);
    expect(t.stdout).toBe('Rien dans le journal pour C9.\n');
  });

  it('prints a French table: headings, entry types, outcomes and dates', async () => {
    await dunning(['log', 'call', 'C1', '--date', '2026-10-18', '--outcome', 'no_answer', '--invoice', 'F2026-001'], dir);
    await dunning(['log', 'promise', 'C1', '--date', '2026-10-19', '--until', '2026-11-10', '--amount', '1200,00'], dir);
    await dunning(['log', 'hold', 'C2', '--date', '2026-10-20', '--until', '2026-12-01'], dir);
    const t = (await dunning(['history'], dir)).stdout;
    expect(t).toMatch(/│ Date\s+│ Type\s+│ Client │ Factures\s+│ Détails\s+│ Note │/);
    expect(t).toMatch(/│ 18\/10\/2026 │ appel\s+│ C1\s+│ F2026-001 │ sans réponse\s+│/);
    expect(t).toMatch(/│ 19\/10\/2026 │ promesse de paiement │ C1\s+│\s+│ jusqu’au 10\/11\/2026, 1\u00a0200,00\u00a0€ │/);
    expect(t).toMatch(/│ 20\/10\/2026 │ suspension\s+│ C2\s+│\s+│ client jusqu’au 01\/12\/2026\s+│/);
  });

  it('an empty or missing journal', async () => {
    expect((await dunning(['history'], dir)).stdout).toBe('Le journal est vide.\n');
  });
});
