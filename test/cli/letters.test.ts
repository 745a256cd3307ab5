/** `dunning letters` end to end, in process, on the sample `dunning init` writes. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInit } from '../../src/cli/init.js';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { sha256 } from '../../src/letters/produce.js';
import { flat, pdfPages } from '../letters/pdf-text.js';

const NOW = new Date('2026-11-22T12:00:00');

function sandbox(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dunning-letters-'));
  runInit(undefined, { ...ioFor(dir).io });
  return dir;
}

function ioFor(cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    cwd,
    env,
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    now: () => NOW,
  };
  return { io, out };
}

async function run(cwd: string, args: string[], env?: NodeJS.ProcessEnv) {
  const { io, out } = ioFor(cwd, env);
  const code = await main(['node', 'dunning', 'letters', '--as-of', '2026-11-22', ...args], io);
  return { code, ...out };
}

const journalLines = (dir: string) => readFileSync(path.join(dir, '.dunning/journal.jsonl'), 'utf8').trim().split('\n');
const edit = (file: string, f: (s: string) => string) => writeFileSync(file, f(readFileSync(file, 'utf8')));

describe('dunning letters', () => {
  it('writes the letters, a manifest whose checksums match, and journals them; a second run the same day sends nothing', async () => {
    const dir = sandbox();
    const before = journalLines(dir).length;
    const r = await run(dir, ['--combine']);
    expect(r.stderr).toContain('3 letters written in letters and journalled');
    expect(r.code).toBe(0);
    const files = readdirSync(path.join(dir, 'letters')).sort();
    expect(files).toEqual([
      '2026-11-22_combined.pdf',
      '2026-11-22_formal_notice_C003.pdf',
      '2026-11-22_reminder_C001.pdf',
      '2026-11-22_reminder_C004.pdf',
      'manifest.csv',
      'manifest.json',
    ]);
    const { runs } = JSON.parse(readFileSync(path.join(dir, 'letters/manifest.json'), 'utf8'));
    expect(runs).toHaveLength(1);
    const manifest = runs[0];
    expect(manifest.letters).toHaveLength(3);
    for (const row of manifest.letters) expect(sha256(readFileSync(path.join(dir, 'letters', row.file)))).toBe(row.sha256);
    expect(manifest.combined.sha256).toBe(sha256(readFileSync(path.join(dir, 'letters/2026-11-22_combined.pdf'))));
    expect(manifest.letters[0]).toMatchObject({ customer: 'C001', step: 'reminder', invoices: ['F-0001', 'F-0002'], amount: '1180.00' });
    expect(readFileSync(path.join(dir, 'letters/manifest.csv'), 'utf8')).toContain('2026-11-22_reminder_C001.pdf,C001,Boulangerie Lefèvre SARL,reminder,F-0001 F-0002,1180.00,');

    const added = journalLines(dir).slice(before).map((l) => JSON.parse(l));
    expect(added).toHaveLength(3);
    expect(added[1]).toMatchObject({ type: 'letter', step: 'formal_notice', customer: 'C003', date: '2026-11-22', amount: '250.00', file: path.join(dir, 'letters/2026-11-22_formal_notice_C003.pdf') });
    expect(added[1].sha256).toBe(manifest.letters[1].sha256);
    expect(added[1].invoices[0]).toMatchObject({ number: 'F-0004' });
    expect(added[1].invoices[0].key).toMatch(/^C003\|F-0004\|/);

    const text = flat((await pdfPages(readFileSync(path.join(dir, 'letters/2026-11-22_formal_notice_C003.pdf')))).join(' '));
    expect(text).toContain('Jean Martin');
    expect(text).toContain('mise en demeure');

    const again = await run(dir, ['--combine']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('no letters due on 2026-11-22; nothing was written');
    expect(journalLines(dir)).toHaveLength(before + 3);
  });

  it('a second run the same day into the same folder: a fresh combined file name, and the manifests keep the first run', async () => {
    const dir = sandbox();
    const first = await run(dir, ['--combine', '--customer', 'C001']);
    expect(first.code).toBe(0);
    const second = await run(dir, ['--combine', '--customer', 'C004']);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('(combined file: 2026-11-22_combined-2.pdf)');
    const out = path.join(dir, 'letters');
    expect(readdirSync(out).sort()).toEqual([
      '2026-11-22_combined-2.pdf',
      '2026-11-22_combined.pdf',
      '2026-11-22_reminder_C001.pdf',
      '2026-11-22_reminder_C004.pdf',
      'manifest.csv',
      'manifest.json',
    ]);
    const { runs } = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(runs.map((r: { letters: { customer: string }[] }) => r.letters.map((l) => l.customer))).toEqual([['C001'], ['C004']]);
    expect(runs.map((r: { combined: { file: string } }) => r.combined.file)).toEqual(['2026-11-22_combined.pdf', '2026-11-22_combined-2.pdf']);
    const sum = (f: string) => sha256(readFileSync(path.join(out, f)));
    const csvRows = readFileSync(path.join(out, 'manifest.csv'), 'utf8').trim().split('\n');
    expect(csvRows[0]).toBe('file,customer,name,step,invoices,amount,pages,sha256');
    expect(csvRows.slice(1).map((l) => [l.split(',')[0], l.split(',')[3], l.split(',').at(-1)])).toEqual([
      ['2026-11-22_reminder_C001.pdf', 'reminder', sum('2026-11-22_reminder_C001.pdf')],
      ['2026-11-22_combined.pdf', 'combined', sum('2026-11-22_combined.pdf')],
      ['2026-11-22_reminder_C004.pdf', 'reminder', sum('2026-11-22_reminder_C004.pdf')],
      ['2026-11-22_combined-2.pdf', 'combined', sum('2026-11-22_combined-2.pdf')],
    ]);
    expect(csvRows[2]).toBe(`2026-11-22_combined.pdf,,,combined,,1180.00,1,${sum('2026-11-22_combined.pdf')}`);
  });

  it('reads a manifest of the earlier single-run form as one run, and refuses (exit 2) to replace one it cannot read', async () => {
    const dir = sandbox();
    const out = path.join(dir, 'letters');
    mkdirSync(out);
    const old = { asOf: '2026-11-01', dryRun: false, letters: [{ file: 'x.pdf', customer: 'C9', name: 'N', step: 'reminder', invoices: ['F'], amount: '1.00', pages: 1, sha256: 'ab' }], combined: null };
    writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(old));
    expect((await run(dir, ['--customer', 'C001'])).code).toBe(0);
    const { runs } = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(runs.map((r: { asOf: string }) => r.asOf)).toEqual(['2026-11-01', '2026-11-22']);
    expect(readFileSync(path.join(out, 'manifest.csv'), 'utf8')).toContain('x.pdf,C9,N,reminder,F,1.00,1,ab\n');

    writeFileSync(path.join(out, 'manifest.json'), '{"runs": [ oops');
    const before = journalLines(dir).length;
    const r = await run(dir, ['--customer', 'C004']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/letters\/manifest\.json: not JSON: .*; each run adds its letters to it, so it is not replaced: fix it, move it away or choose another --out\. Nothing was written/);
    expect(readFileSync(path.join(out, 'manifest.json'), 'utf8')).toBe('{"runs": [ oops');
    expect(readdirSync(out).sort()).toEqual(['2026-11-22_reminder_C001.pdf', 'manifest.csv', 'manifest.json']);
    expect(journalLines(dir)).toHaveLength(before);

    writeFileSync(path.join(out, 'manifest.json'), '{"runs": [{"asOf": "2026-11-01"}]}');
    const shape = await run(dir, ['--customer', 'C004']);
    expect(shape.code).toBe(2);
    expect(shape.stderr).toContain('letters/manifest.json: not a dunning manifest (');
  });

  it('a run that fails after creating --out removes the folders it created, and nothing else', async () => {
    const dir = sandbox();
    // Another run holds the journal lock (alive: this process): the commit waits, then exit 3.
    writeFileSync(path.join(dir, '.dunning/journal.jsonl.lock'), JSON.stringify({ pid: process.pid, since: NOW.toISOString(), host: os.hostname() }));
    const r = await run(dir, ['--out', 'new/letters']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('is locked by another run');
    expect(existsSync(path.join(dir, 'new'))).toBe(false);

    mkdirSync(path.join(dir, 'kept'));
    writeFileSync(path.join(dir, 'kept/mine.txt'), 'x');
    const again = await run(dir, ['--out', 'kept']);
    expect(again.code).toBe(3);
    expect(readdirSync(path.join(dir, 'kept'))).toEqual(['mine.txt']);
  });

  it('refuses to overwrite a letter (exit 2), writing nothing and journalling nothing', async () => {
    const dir = sandbox();
    const before = journalLines(dir).length;
    await run(dir, ['--dry-run', '--out', 'letters']); // a preview in the same folder
    const r = await run(dir, []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('3 letter file(s) already exist in letters; nothing was written');
    expect(r.stderr).toContain(path.join('letters', '2026-11-22_reminder_C001.pdf'));
    expect(journalLines(dir)).toHaveLength(before);
  });

  it('--dry-run without --out renders but writes no file and no journal entry', async () => {
    const dir = sandbox();
    const before = journalLines(dir).length;
    const r = await run(dir, ['--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('dry run: 3 letters rendered; nothing journalled');
    expect(r.stdout).toContain('2026-11-22_reminder_C004.pdf');
    expect(existsSync(path.join(dir, 'letters'))).toBe(false);
    expect(journalLines(dir)).toHaveLength(before);
    const one = await run(dir, ['--dry-run', '--customer', 'C004']);
    expect(one.stderr).toContain('dry run: 1 letter rendered; nothing journalled'); // not "1 letter(s)"
  });

  it('--customer and --step narrow the letters; a step that is not a letter is exit 2', async () => {
    const dir = sandbox();
    const r = await run(dir, ['--dry-run', '--customer', 'C004', 'C001', '--step', 'reminder']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2 letters rendered');
    const bad = await run(dir, ['--step', 'call']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--step: found "call", expected one of reminder, registered_reminder, formal_notice');
  });

  it('warns like scan about a policy for an unknown customer and a journal entry matching no document (exit 0)', async () => {
    const dir = sandbox();
    edit(path.join(dir, 'dunning.config.json'), (s) => {
      const c = JSON.parse(s);
      c.policy.customers = { C99: { steps: [{ id: 'reminder', days: 1 }] } };
      return JSON.stringify(c, null, 2);
    });
    const stray = { v: 1, id: 'stray-1', date: '2026-10-20', recordedAt: '2026-10-20T09:00:00.000Z', customer: 'C001', invoices: [{ number: 'F9', key: '' }], type: 'dispute' };
    edit(path.join(dir, '.dunning/journal.jsonl'), (s) => `${s}${JSON.stringify(stray)}\n`);
    // No registered reminder is due: the run stops before any browser, after planning.
    const r = await run(dir, ['--dry-run', '--step', 'registered_reminder']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'dunning.config.json:0: warning: policy.customers.C99: found "C99", expected a customer id of the books or the customers file; this policy applies to no invoice (a typo in the id?)\n',
    );
    expect(r.stderr).toContain('warning: journal entry of 2026-10-20 (dispute, customer C001): invoice F9 matches no document in the books, ignored\n');
  });

  it('keeps a path-traversal customer id inside --out', async () => {
    const dir = sandbox();
    for (const f of ['data/customers.csv', 'data/invoices.csv', '.dunning/journal.jsonl']) edit(path.join(dir, f), (s) => s.replaceAll('C004', '../../evil'));
    const r = await run(dir, ['--out', 'out']);
    expect(r.code).toBe(0);
    expect(readdirSync(path.join(dir, 'out'))).toContain('2026-11-22_reminder_evil.pdf');
    expect(readdirSync(dir).filter((f) => f.includes('evil'))).toEqual([]);
    expect(readdirSync(path.dirname(dir)).filter((f) => f.includes('evil'))).toEqual([]);
  });

  it("uses the user's template folder, and a broken template is exit 2 with its file and line", async () => {
    const dir = sandbox();
    edit(path.join(dir, 'templates/fr/reminder.hbs'), () => '<p>Petit rappel amical pour {{customer.name}}.</p>\n');
    const ok = await run(dir, ['--out', 'out', '--customer', 'C001']);
    expect(ok.code).toBe(0);
    const text = flat((await pdfPages(readFileSync(path.join(dir, 'out/2026-11-22_reminder_C001.pdf')))).join(' '));
    expect(text).toContain('Petit rappel amical pour Boulangerie Lefèvre SARL.');

    edit(path.join(dir, 'templates/fr/formal-notice.hbs'), (s) => `${s}\n{{#each invoices}}\n{{montant residual}}\n{{/each}}\n`);
    const before = journalLines(dir).length;
    const bad = await run(dir, ['--out', 'out2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/templates\/fr\/formal-notice\.hbs:\d+: template error: .*unknown helper montant/);
    expect(existsSync(path.join(dir, 'out2'))).toBe(false);
    expect(journalLines(dir)).toHaveLength(before);
  });

  it('a recipient address too long for the envelope window is exit 2 with the customers file line, before anything is rendered', async () => {
    const dir = sandbox();
    edit(path.join(dir, 'data/customers.csv'), (s) => s.replace('12 rue de la République', 'Zone artisanale des Grandes Terres du Levant, lot 12'));
    const before = journalLines(dir).length;
    // A browser that does not exist: the check must stop the run before one is needed.
    const r = await run(dir, ['--out', 'out'], { ...process.env, PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('data/customers.csv:2: error: address: found "Zone artisanale des Grandes Terres du Levant, lot 12", 52 characters, expected at most 38');
    expect(r.stderr).toContain('recipient addresses too long for the envelope window: shorten them in data/customers.csv; nothing was written');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    expect(journalLines(dir)).toHaveLength(before);
    // Another customer's letter is not held up by it.
    expect((await run(dir, ['--dry-run', '--customer', 'C004'])).code).toBe(0);
  });

  it('checks every template and branch at the start of every run, even a dry run with no letter due', async () => {
    const dir = sandbox();
    // No English consumer in the sample data, so this branch would never print a letter.
    edit(path.join(dir, 'templates/en/formal-notice.hbs'), (s) => `{{#if consumer}}\n<p>Dear {{customer.nmae}}</p>\n{{/if}}\n${s}`);
    const r = await run(dir, ['--dry-run', '--customer', 'NOBODY']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/templates\/en\/formal-notice\.hbs:2: template error: "nmae" not defined/);
    expect(r.stderr).not.toContain('no letter');
    expect(r.stdout).toBe('');

    edit(path.join(dir, 'templates/en/formal-notice.hbs'), (s) => s.replace('{{customer.nmae}}', '{{money totals.residul}}'));
    const helper = await run(dir, ['--out', 'out']);
    expect(helper.code).toBe(2);
    expect(helper.stderr).toContain('templates/en/formal-notice.hbs:2: template error: money: found undefined, expected an amount');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('needs a creditor in the config (exit 2)', async () => {
    const dir = sandbox();
    edit(path.join(dir, 'dunning.config.json'), (s) => {
      const c = JSON.parse(s);
      delete c.creditor;
      return JSON.stringify(c);
    });
    const r = await run(dir, []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('letters need a "creditor" in dunning.config.json');
  });

  it('an output folder that cannot be created is exit 3, and nothing is journalled', async () => {
    const dir = sandbox();
    writeFileSync(path.join(dir, 'afile'), 'x');
    const before = journalLines(dir).length;
    const r = await run(dir, ['--out', 'afile/letters']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('cannot write to the output folder afile/letters');
    expect(journalLines(dir)).toHaveLength(before);
  });

  it('no browser is exit 3 with how to get one, and nothing is written', async () => {
    const dir = sandbox();
    const before = journalLines(dir).length;
    const r = await run(dir, [], { ...process.env, PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('PUPPETEER_EXECUTABLE_PATH=/nonexistent/chrome: not an executable file');
    expect(existsSync(path.join(dir, 'letters'))).toBe(false);
    expect(journalLines(dir)).toHaveLength(before);
  });

  it('a business formal notice claims interest from the interest engine and the 40 EUR indemnity; an unknown rate is exit 2', async () => {
    const dir = sandbox();
    edit(path.join(dir, 'data/customers.csv'), (s) => s.replace('fr;30;consumer;active', 'fr;30;business;active'));
    const before = journalLines(dir).length;
    const missing = await run(dir, ['--out', 'out', '--customer', 'C003']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no rate known for 2026-S2');
    expect(missing.stderr).toContain('cannot compute the interest a formal notice claims; nothing was written');
    expect(journalLines(dir)).toHaveLength(before);

    edit(path.join(dir, 'dunning.config.json'), (s) => {
      const c = JSON.parse(s);
      c.interest.rates = [{ half: '2026-S2', ecb: '2.15', legalOther: '2.62', source: 'test' }];
      return JSON.stringify(c);
    });
    const r = await run(dir, ['--out', 'out', '--customer', 'C003']);
    expect(r.code).toBe(0);
    const text = flat((await pdfPages(readFileSync(path.join(dir, 'out/2026-11-22_formal_notice_C003.pdf')))).join(' '));
    expect(text).toContain('L441-10');
    expect(text).toContain('D441-5');
    expect(text).toMatch(/indemnité forfaitaire pour frais de recouvrement de 40,00 € par facture en retard de paiement \(article D441-5\)/);
    // The invoice row: amount, paid, outstanding, then interest and indemnity in their own columns.
    expect(text).toContain('F-0004 04/08/2026 03/09/2026 250,00 € 0,00 € 250,00 € 6,66 € 40,00 €');
    expect(text).toContain('Total réclamé (restant dû + intérêts arrêtés au 22 novembre 2026 + indemnités) 296,66 €');
  });
});
