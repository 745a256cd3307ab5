/**
 * The letters of the demo, end to end on the BUILT CLI (bin/dunning.js → dist/, so the PDF
 * split runs in its worker thread): the log sequence of examples/demo.sh (read from the script,
 * so the two cannot drift), then `letters --combine` on 2026-11-30. The PDFs are read back,
 * and the journal and the manifest checked against the files' real SHA-256.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { flat, pdfPages } from '../letters/pdf-text.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'dunning.js');
const EXAMPLES = path.join(ROOT, 'examples');

function dunning(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.DUNNING_SPLIT_THREAD; // the split in its worker thread, as users run it
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: EXAMPLES, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The `show log …` and `show letters …` commands of demo.sh, with its variables replaced. */
function demoCommands(vars: Record<string, string>): string[][] {
  const script = readFileSync(path.join(EXAMPLES, 'demo.sh'), 'utf8');
  return script
    .split('\n')
    .filter((l) => /^show (log|letters) /.test(l))
    .map((l) =>
      [...l.slice('show '.length).matchAll(/"([^"]*)"|(\S+)/g)].map((m) =>
        (m[1] ?? m[2]!).replace(/\$([A-Z_]+)/g, (_all, name: string) => {
          if (!(name in vars)) throw new Error(`demo.sh uses $${name}: add it to the test`);
          return vars[name]!;
        }),
      ),
    );
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dunning-demo-letters-'));
const JOURNAL = path.join(tmp, 'journal.jsonl');
const LETTERS = path.join(tmp, 'letters');
const text = new Map<string, string>();
let run: ReturnType<typeof dunning>;
let earlier: string[][] = [];

beforeAll(async () => {
  expect(existsSync(path.join(ROOT, 'dist/letters/split-worker.js')), 'the compiled split worker').toBe(true);
  const commands = demoCommands({ JOURNAL, OUT: tmp, AS_OF: '2026-11-30' });
  earlier = commands.filter((c) => c[0] === 'letters');
  for (const args of commands) {
    const r = dunning(...args);
    expect(r.code, `dunning ${args.join(' ')}: ${r.stderr}`).toBe(0);
  }
  run = dunning('letters', '--as-of', '2026-11-30', '--combine', '--out', LETTERS, '--journal', JOURNAL);
  for (const f of readdirSync(LETTERS).filter((n) => n.endsWith('.pdf'))) {
    text.set(f, flat((await pdfPages(readFileSync(path.join(LETTERS, f)))).join('\n')));
  }
}, 180_000);

describe('demo letters (built CLI)', () => {
  it('replays the log sequence of demo.sh, with its two October letters to C008', () => {
    expect(earlier.map((c) => c[c.indexOf('--as-of') + 1])).toEqual(['2026-10-02', '2026-10-12']);
  });

  it('writes the three letters due on 2026-11-30, the combined file and the manifests', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('3 letters written');
    expect(readdirSync(LETTERS).sort()).toEqual([
      '2026-11-30_combined.pdf',
      '2026-11-30_formal_notice_C008.pdf',
      '2026-11-30_reminder_C009.pdf',
      '2026-11-30_reminder_C012.pdf',
      'manifest.csv',
      'manifest.json',
    ]);
  });

  it('the formal notice to C008 recalls the calls and both October letters, and claims interest and indemnity', () => {
    const t = text.get('2026-11-30_formal_notice_C008.pdf')!;
    for (const s of [
      'RECOMMANDÉ AVEC ACCUSÉ DE RÉCEPTION', 'Garage Besançon Automobiles SA', "À l'attention de M. Hervé Besançon", '69800 Saint-Priest',
      'MISE EN DEMEURE', 'mettons en demeure', 'F2026-0062', 'F2026-0077', '4 680,00 €', '1 710,00 €',
      'Appel téléphonique du 14 août 2026, resté sans réponse', 'Entretien téléphonique du 24 septembre 2026',
      'Courrier du 2 octobre 2026 (lettre de relance)', 'Courrier du 12 octobre 2026 (seconde relance en recommandé)',
      'L441-10', 'D441-5', 'Total réclamé (restant dû + intérêts arrêtés au 30 novembre 2026 + indemnités) 6 687,02 €', 'injonction de payer',
      // The deadline falls the day before litigation would be due (+15): 14 days; the periods let the debtor check the interest.
      'au plus tard le 14 décembre 2026', 'du 10/08/2026 au 30/11/2026 113 4 680,00 € 12,15 % (taux BCE 2,15 % + 10 points) 176,04 €',
    ]) expect(t).toContain(s);
    expect(t).not.toMatch(/(^|\s)\.(\s|$)/); // no stray marker character
  });

  it('the English customer gets an English reminder, the consumer one without the B2B penalties', () => {
    const en = text.get('2026-11-30_reminder_C009.pdf')!;
    for (const s of ['Thornbury Design Ltd', 'Attn. Ms Olivia Hart', 'London SW1Y 4LR UNITED KINGDOM', 'PAYMENT REMINDER', 'Further to our phone conversation of 2 November 2026', '€3,060.00', 'by 7 December 2026']) {
      expect(en).toContain(s);
    }
    const consumer = text.get('2026-11-30_reminder_C012.pdf')!;
    for (const s of ['Élodie Marchand', '69160 Tassin-la-Demi-Lune', 'RELANCE', 'F2026-0081', '2 340,00 €', 'le 7 décembre 2026']) expect(consumer).toContain(s);
    expect(consumer).not.toMatch(/L441-10|D441-5/);
  });

  it('the combined file holds every letter, in order', async () => {
    const combined = (await pdfPages(readFileSync(path.join(LETTERS, '2026-11-30_combined.pdf')))).map(flat);
    const order = ['2026-11-30_formal_notice_C008.pdf', '2026-11-30_reminder_C009.pdf', '2026-11-30_reminder_C012.pdf'];
    const letters = await Promise.all(order.map(async (f) => (await pdfPages(readFileSync(path.join(LETTERS, f)))).map(flat)));
    expect(combined).toEqual(letters.flat());
  });

  it('the journal records each letter with its file and real SHA-256, and the manifest the same, combined file included', () => {
    const entries = readFileSync(JOURNAL, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const letters = entries.filter((e) => e.type === 'letter' && e.date === '2026-11-30');
    expect(letters.map((e) => [e.customer, e.step, e.amount])).toEqual([
      ['C008', 'formal_notice', '6687.02'],
      ['C009', 'reminder', '3060.00'],
      ['C012', 'reminder', '2340.00'],
    ]);
    for (const e of letters) {
      expect(path.dirname(e.file)).toBe(LETTERS);
      expect(e.sha256).toBe(sha(e.file));
    }
    expect(entries.filter((e) => e.type === 'letter' && e.customer === 'C008').map((e) => e.step)).toEqual(['reminder', 'registered_reminder', 'formal_notice']);

    const { runs } = JSON.parse(readFileSync(path.join(LETTERS, 'manifest.json'), 'utf8'));
    expect(runs).toHaveLength(1);
    for (const row of runs[0].letters) expect(row.sha256).toBe(sha(path.join(LETTERS, row.file)));
    expect(runs[0].combined.sha256).toBe(sha(path.join(LETTERS, '2026-11-30_combined.pdf')));
    const csv = readFileSync(path.join(LETTERS, 'manifest.csv'), 'utf8');
    for (const f of readdirSync(LETTERS).filter((n) => n.endsWith('.pdf'))) expect(csv).toContain(`,${sha(path.join(LETTERS, f))}\n`);
  });
});
