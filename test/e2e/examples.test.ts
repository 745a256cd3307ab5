/**
 * End to end on the bundled examples (examples/): spawns the built CLI (`npm test` builds
 * dist/ first) on the FEC and on the CSV version of the same business, and checks them
 * against each other and against the FEC's 411 balance computed here, independently.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'dunning.js');
const FEC_DIR = path.join(ROOT, 'examples');
const CSV_DIR = path.join(ROOT, 'examples', 'csv');
const FEC_FILE = path.join(FEC_DIR, 'fec', '123456789FEC20261130.txt');
const AS_OF = '2026-11-30';
const BUCKETS = ['not_due', '1-30', '31-60', '61-90', '91+'] as const;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function dunning(cwd: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a command that must succeed with `--format json` and parses its one JSON document. */
function json<T>(cwd: string, ...args: string[]): T {
  const r = dunning(cwd, ...args, '--format', 'json');
  expect(r.code, `dunning ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout) as T;
}

/** `"1234.50"` / `"-3.60"` to integer cents, exactly. */
function cents(s: string): number {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(s);
  if (!m) throw new Error(`not an amount "1234.50": ${JSON.stringify(s)}`);
  return (m[1] ? -1 : 1) * (Number.parseInt(m[2]!, 10) * 100 + Number.parseInt(m[3]!, 10));
}

/** The FEC's 411 balance per customer (CompAuxNum), read here without the tool. */
function fecBalances(): Map<string, number> {
  const [header, ...lines] = readFileSync(FEC_FILE, 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const cols = header!.split('\t');
  const at = (name: string) => cols.indexOf(name);
  const fecCents = (s: string) => {
    const m = /^(\d+),(\d{2})$/.exec(s);
    if (!m) throw new Error(`unexpected FEC amount ${s}`);
    return Number.parseInt(m[1]!, 10) * 100 + Number.parseInt(m[2]!, 10);
  };
  const out = new Map<string, number>();
  for (const line of lines) {
    const f = line.split('\t');
    if (!f[at('CompteNum')]!.startsWith('411')) continue;
    const who = f[at('CompAuxNum')]!;
    out.set(who, (out.get(who) ?? 0) + fecCents(f[at('Debit')]!) - fecCents(f[at('Credit')]!));
  }
  return out;
}

interface Aging {
  asOf: string;
  buckets: string[];
  customers: { id: string; balance: string; unapplied: string; buckets: Record<string, string> }[];
  totals: { balance: string; unapplied: string; buckets: Record<string, string> };
}

interface Reconciliation {
  allocations: { customer: string; amount: string; rule: string; credit: { kind: string } }[];
  open: { customer: string; residual: string }[];
  unapplied: { customer: string; residual: string }[];
}

interface Scan {
  invoices: { customer: string; number: string; blocked: string | null }[];
  actions: { customer: string; step: string; invoices: string[]; amount: string }[];
}

let tmp = '';
beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dunning-e2e-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('examples: check', () => {
  it('accepts the FEC version (exit 0)', () => {
    const r = dunning(FEC_DIR, 'check');
    expect(r.code, r.stderr).toBe(0);
  });
  it('accepts the CSV version (exit 0)', () => {
    const r = dunning(CSV_DIR, 'check');
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('examples: aging as of 2026-11-30', () => {
  const perCustomer = (a: Aging) => new Map(a.customers.map((c) => [c.id, cents(c.balance)]));

  it('FEC and CSV give the same balance per customer, equal to the FEC 411 balance', () => {
    const fec = json<Aging>(FEC_DIR, 'aging', '--as-of', AS_OF);
    const csv = json<Aging>(CSV_DIR, 'aging', '--as-of', AS_OF);
    const expected = fecBalances();
    const nonZero = (m: Map<string, number>) => new Map([...m].filter(([, v]) => v !== 0));
    expect(nonZero(perCustomer(fec))).toEqual(nonZero(expected));
    expect(nonZero(perCustomer(csv))).toEqual(nonZero(expected));
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    expect(cents(fec.totals.balance)).toBe(total);
    expect(cents(csv.totals.balance)).toBe(total);
  });

  it('FEC and CSV put the same amounts in the same buckets', () => {
    const fec = json<Aging>(FEC_DIR, 'aging', '--as-of', AS_OF);
    const csv = json<Aging>(CSV_DIR, 'aging', '--as-of', AS_OF);
    expect(csv.totals).toEqual(fec.totals);
  });

  it('has open amounts in every bucket and the on-account payment as unapplied', () => {
    const fec = json<Aging>(FEC_DIR, 'aging', '--as-of', AS_OF);
    expect(fec.buckets).toEqual([...BUCKETS]);
    for (const b of BUCKETS) expect(cents(fec.totals.buckets[b]!), b).toBeGreaterThan(0);
    expect(cents(fec.totals.unapplied)).toBe(150000);
    // balance = buckets − unapplied, per customer
    for (const c of fec.customers) {
      const sumBuckets = BUCKETS.reduce((s, b) => s + cents(c.buckets[b] ?? '0.00'), 0);
      expect(cents(c.balance), c.id).toBe(sumBuckets - cents(c.unapplied));
    }
  });
});

describe('examples: reconcile', () => {
  const conserves = (r: Reconciliation) => {
    const got = new Map<string, number>();
    for (const o of r.open) got.set(o.customer, (got.get(o.customer) ?? 0) + cents(o.residual));
    for (const u of r.unapplied) got.set(u.customer, (got.get(u.customer) ?? 0) - cents(u.residual));
    const expected = fecBalances();
    for (const [customer, balance] of expected) expect(got.get(customer) ?? 0, customer).toBe(balance);
    for (const [customer, v] of got) expect(expected.get(customer) ?? 0, customer).toBe(v);
  };

  it('conserves money on the FEC and uses the lettering and the references', () => {
    const r = json<Reconciliation>(FEC_DIR, 'reconcile');
    conserves(r);
    const rules = new Set(r.allocations.map((a) => a.rule));
    expect(rules).toContain('existing');
    expect(rules).toContain('reference');
    expect(r.allocations.some((a) => a.credit.kind === 'credit_note')).toBe(true);
    expect(r.unapplied.map((u) => [u.customer, u.residual])).toEqual([['C016', '1500.00']]);
  });

  it('conserves money on the CSV and uses the explicit allocations', () => {
    const r = json<Reconciliation>(CSV_DIR, 'reconcile');
    conserves(r);
    expect(new Set(r.allocations.map((a) => a.rule))).toContain('explicit');
  });
});

describe('examples: scan', () => {
  it('proposes calls, and a reminder once a call is logged; blocks insolvency and small amounts', () => {
    const journal = path.join(tmp, 'scan-journal.jsonl');
    const logged = dunning(FEC_DIR, 'log', 'call', 'C008', '--date', '2026-08-14', '--outcome', 'no_answer', '--journal', journal);
    expect(logged.code, logged.stderr).toBe(0);
    const scan = json<Scan>(FEC_DIR, 'scan', '--as-of', AS_OF, '--journal', journal);
    const steps = new Map(scan.actions.map((a) => [a.customer, a.step]));
    expect([...steps.values()]).toContain('call');
    expect(steps.get('C008')).toBe('reminder');
    expect(steps.has('C014')).toBe(false);
    const blocked = (customer: string) => scan.invoices.filter((i) => i.customer === customer && i.blocked !== 'paid').map((i) => i.blocked);
    expect(blocked('C014')).toEqual(['insolvency', 'insolvency']);
    expect(blocked('C020')).toEqual(['min_amount']);
  });

  it('the README\'s week: C001 on the call list with phone and contact, the call logged, the reminder due a week later', () => {
    const J = ['--journal', path.join(tmp, 'readme-week.jsonl')];
    const monday = dunning(FEC_DIR, 'scan', '--as-of', '2026-11-23', ...J);
    expect(monday.code, monday.stderr).toBe(0);
    expect(monday.stdout.startsWith('Actions du 23/11/2026\n\nAppels à passer (relance téléphonique)\n')).toBe(true);
    expect(monday.stdout).toMatch(/│ C001 +│ Boulangerie Lefèvre SARL +│ F2026-0086 +│ +774,00\u00a0€ │ 04 78 50 54 37 +│ Mme Sophie Lefèvre +│/);
    const logged = dunning(FEC_DIR, 'log', 'call', 'C001', '--outcome', 'reached', '--note', 'paiera fin de mois', '--date', '2026-11-23', ...J);
    expect(logged.code, logged.stderr).toBe(0);
    const again = json<Scan>(FEC_DIR, 'scan', '--as-of', '2026-11-23', ...J);
    expect(again.actions.some((a) => a.customer === 'C001')).toBe(false);
    const week = json<Scan>(FEC_DIR, 'scan', '--as-of', '2026-11-30', ...J);
    expect(week.actions.find((a) => a.customer === 'C001')).toEqual({ customer: 'C001', step: 'reminder', invoices: ['F2026-0086'], amount: '774.00' });
  });
});
