/**
 * The bundled example data itself: the committed files are what examples/generate.mjs makes,
 * and the FEC follows the rules of DGFiP's validator (FACTS.md), checked here without the tool.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLES = path.join(ROOT, 'examples');
const FEC = 'fec/123456789FEC20261130.txt';
const GENERATED = [FEC, 'csv/invoices.csv', 'csv/payments.csv', 'customers.csv'];
const FEC_HEADER = ['JournalCode', 'JournalLib', 'EcritureNum', 'EcritureDate', 'CompteNum', 'CompteLib', 'CompAuxNum', 'CompAuxLib', 'PieceRef', 'PieceDate', 'EcritureLib', 'Debit', 'Credit', 'EcritureLet', 'DateLet', 'ValidDate', 'Montantdevise', 'Idevise'];
const MANDATORY = ['JournalCode', 'JournalLib', 'EcritureNum', 'EcritureDate', 'CompteNum', 'CompteLib', 'PieceRef', 'PieceDate', 'EcritureLib', 'Debit', 'Credit', 'ValidDate'];

describe('examples/generate.mjs', () => {
  it('makes exactly the committed files', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'dunning-examples-'));
    try {
      const r = spawnSync(process.execPath, [path.join(EXAMPLES, 'generate.mjs'), out], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      for (const f of GENERATED) expect(readFileSync(path.join(out, f), 'utf8'), f).toBe(readFileSync(path.join(EXAMPLES, f), 'utf8'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

/** `AAAAMMJJ`, a real calendar day. */
function validFecDate(d: string): boolean {
  if (!/^(19|20)\d{6}$/.test(d)) return false;
  const iso = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  return new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;
}

describe('the example FEC', () => {
  const text = readFileSync(path.join(EXAMPLES, FEC), 'utf8');
  const [header, ...lines] = text.split('\r\n').slice(0, -1);
  const rows = lines.map((l) => l.split('\t'));
  const col = (name: string) => FEC_HEADER.indexOf(name);
  const amount = (s: string) => {
    const m = /^(\d+),(\d{2})$/.exec(s);
    if (!m) throw new Error(`not a FEC amount: ${s}`);
    return Number.parseInt(m[1]!, 10) * 100 + Number.parseInt(m[2]!, 10);
  };

  it('has the 18 standard columns on every line, CRLF, no BOM', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(header!.split('\t')).toEqual(FEC_HEADER);
    expect(rows.filter((r) => r.length !== 18)).toEqual([]);
  });

  it('fills every mandatory field, with valid AAAAMMJJ dates and comma amounts', () => {
    for (const [i, r] of rows.entries()) {
      for (const name of MANDATORY) expect(r[col(name)], `line ${i + 2} ${name}`).not.toBe('');
      for (const name of ['EcritureDate', 'PieceDate', 'ValidDate', 'DateLet']) {
        const d = r[col(name)]!;
        if (d !== '') expect(validFecDate(d), `line ${i + 2} ${name}: ${d}`).toBe(true);
      }
      expect((amount(r[col('Debit')]!) === 0) !== (amount(r[col('Credit')]!) === 0), `line ${i + 2}: one of Debit/Credit`).toBe(true);
    }
  });

  it('balances every entry (EcritureNum)', () => {
    const balance = new Map<string, number>();
    for (const r of rows) balance.set(r[col('EcritureNum')]!, (balance.get(r[col('EcritureNum')]!) ?? 0) + amount(r[col('Debit')]!) - amount(r[col('Credit')]!));
    expect([...balance].filter(([, v]) => v !== 0)).toEqual([]);
  });

  it('letters settled groups that net to zero, except the one partial group', () => {
    const groups = new Map<string, number>();
    for (const r of rows) {
      const code = r[col('EcritureLet')]!;
      if (code) groups.set(code, (groups.get(code) ?? 0) + amount(r[col('Debit')]!) - amount(r[col('Credit')]!));
    }
    expect(groups.size).toBeGreaterThan(20);
    expect([...groups].filter(([, v]) => v !== 0).length).toBe(1);
  });
});
