/**
 * `dunning interest` on the bundled examples (built CLI): the example configs carry every
 * 2026-S2 rate a run can need, so a consumer's formal notice dated after 1 July computes
 * (legal rate "autres cas") instead of stopping on a missing rate; and the CSV sums to the
 * totals of the JSON, indemnities included.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'dunning.js');
let tmp: string;
let journal: string;

function dunning(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cents = (s: string) => {
  const m = /^(\d+)\.(\d{2})$/.exec(s);
  if (!m) throw new Error(`not an amount: ${s}`);
  return Number(m[1]) * 100 + Number(m[2]);
};

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dunning-ex-interest-'));
  journal = path.join(tmp, 'journal.jsonl');
  // A formal notice to the consumer C012 on 2026-11-20 (2026-S2), naming F2026-0081 by its key.
  const entry = {
    v: 1,
    id: 'e1',
    date: '2026-11-20',
    recordedAt: '2026-11-20T09:00:00.000Z',
    customer: 'C012',
    invoices: [{ number: 'F2026-0081', key: 'C012|F2026-0081|2026-09-20|234000' }],
    type: 'letter',
    step: 'formal_notice',
    file: 'letters/C012-formal_notice.pdf',
    amount: '2340.00',
  };
  writeFileSync(journal, `${JSON.stringify(entry)}\n`);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.each([
  ['FEC', path.join(ROOT, 'examples')],
  ['CSV', path.join(ROOT, 'examples', 'csv')],
])('interest on the %s example', (_name, cwd) => {
  it('computes a consumer formal notice of 2026-S2 with the example legalOther rate', () => {
    const r = dunning(cwd, 'interest', '--as-of', '2026-11-30', '--journal', journal, '--format', 'csv');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // 2340 × 0.0262 × 10 / 365 = 613.08 / 365 = 1.67967… → 1.68; no indemnity row for a consumer.
    const c012 = r.stdout.split('\n').filter((l) => l.startsWith('C012,'));
    expect(c012).toHaveLength(1);
    expect(c012[0]).toMatch(/^C012,F2026-0081,[^,]+,2026-10-05,,interest,2026-11-21,2026-11-30,10,2340\.00,2\.62,1\.68$/);
  });

  it('CSV amounts sum to the JSON totals of interest and indemnities', () => {
    const csv = dunning(cwd, 'interest', '--as-of', '2026-11-30', '--journal', journal, '--format', 'csv');
    const doc = JSON.parse(dunning(cwd, 'interest', '--as-of', '2026-11-30', '--journal', journal, '--format', 'json').stdout) as {
      invoices: { indemnity: string }[];
      totals: { interest: string; indemnity: string };
    };
    const rows = csv.stdout.trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows.filter((r) => r[5] === 'indemnity')).toHaveLength(doc.invoices.filter((i) => i.indemnity !== '0.00').length);
    const sum = rows.reduce((s, r) => s + cents(r.at(-1)!), 0);
    expect(sum).toBe(cents(doc.totals.interest) + cents(doc.totals.indemnity));
  });
});
