/**
 * The three real FEC files (test/fixtures/real, MIT, neolegal-fr): read with no errors, and
 * balances checked against an independent, naive reading of the same bytes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readFec, type FecReadResult } from '../../../src/io/fec/read.js';
import { errorsOf, warningsOf } from './fec-builder.js';

const REAL = resolve(__dirname, '../../fixtures/real');
const read = (name: string): Promise<FecReadResult> => readFec({ path: resolve(REAL, name), display: name }, { receivablePrefixes: ['411'] });

/** Naive reading: whole file, split on newlines and the separator, amounts via the digits. */
function naive411(name: string, sep: string): Map<string, number> {
  const lines = readFileSync(resolve(REAL, name), 'latin1').split(/\r?\n/).filter((l) => l !== '');
  const head = lines[0]!.replace(/^\u00ef\u00bb\u00bf/, '').split(sep).map((h) => h.trim().toLowerCase());
  const col = (n: string) => head.indexOf(n.toLowerCase());
  const [cn, aux, d, c] = [col('CompteNum'), col('CompAuxNum'), col('Debit'), col('Credit')];
  const cents = (s: string) => {
    const [u, f] = s.trim().split(',');
    return Number(u) * 100 + Number((f ?? '').padEnd(2, '0'));
  };
  const out = new Map<string, number>();
  for (const l of lines.slice(1)) {
    const f = l.split(sep);
    if (!f[cn]!.trim().startsWith('411')) continue;
    const who = f[aux]!.trim() || f[cn]!.trim();
    out.set(who, (out.get(who) ?? 0) + cents(f[d]!) - cents(f[c]!));
  }
  return out;
}

function balances(r: FecReadResult): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of r.entries) out.set(e.customer, (out.get(e.customer) ?? 0) + (e.side === 'debit' ? e.amount : -e.amount));
  return out;
}

const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

describe('0000000001FEC20220831.txt (tab, UTF-8 with BOM, 411000 + CompAuxNum)', () => {
  const name = '0000000001FEC20220831.txt';

  test('no errors; 17 customers; 538 customer lines of which 528 lettered', async () => {
    const r = await read(name);
    expect(errorsOf(r)).toEqual([]);
    expect(r.encoding).toBe('utf-8');
    expect(r.lines).toBe(5423);
    expect(new Set(r.entries.map((e) => e.customer)).size).toBe(17);
    expect(r.entries).toHaveLength(538);
    expect(r.entries.filter((e) => e.letter !== null)).toHaveLength(528);
    expect(r.entries.every((e) => e.letterDate === null)).toBe(true);
    expect(r.entries.filter((e) => e.opening).every((e) => e.letter === null && e.journal === 'ANO')).toBe(true);
    expect(r.period).toEqual({ first: '2021-09-01', last: '2022-08-31' });
  });

  test('the 411 balance is 52,517.24 and ties out per customer with a naive reading', async () => {
    const r = await read(name);
    const ours = balances(r);
    expect(total(ours)).toBe(5_251_724);
    expect(ours).toEqual(naive411(name, '\t'));
  });
});

describe('111111111FEC20221231.TXT (pipe, padded, trailing |, a DOS byte)', () => {
  const name = '111111111FEC20221231.TXT';

  test('no errors; one warning for the 0xF8 lines; 34 customers', async () => {
    const r = await read(name);
    expect(errorsOf(r)).toEqual([]);
    expect(warningsOf(r)).toEqual([
      expect.objectContaining({ source: { file: name, line: 779 }, message: expect.stringMatching(/^found "byte 0xF8", .*: 6 lines from this one/) }),
    ]);
    expect(new Set(r.entries.map((e) => e.customer)).size).toBe(34);
    expect(r.entries[0]).toMatchObject({ customer: '41101590', customerName: 'E.LECLERC CARPENTR', ref: 'VE  0123', journal: 'VE', entryNum: '00000001', letter: 'AA', letterDate: '2023-02-09' });
  });

  test('45 lettering groups (customer + code), each netting 0.00', async () => {
    const r = await read(name);
    const groups = new Map<string, number>();
    for (const e of r.entries) {
      if (e.letter === null) continue;
      const k = `${e.customer}/${e.letter}`;
      groups.set(k, (groups.get(k) ?? 0) + (e.side === 'debit' ? e.amount : -e.amount));
    }
    expect(groups.size).toBe(45);
    expect([...groups.values()].every((v) => v === 0)).toBe(true);
  });

  test('balances tie out per customer with a naive reading', async () => {
    expect(balances(await read(name))).toEqual(naive411(name, '|'));
  });
});

describe('000000000FEC20231231.txt (tab, UTF-8, 22 columns, lowercase journals)', () => {
  const name = '000000000FEC20231231.txt';

  test('no errors; balances tie out; the "ve" journal is a sales journal', async () => {
    const r = await read(name);
    expect(errorsOf(r)).toEqual([]);
    expect(r.lines).toBe(2103);
    expect(balances(r)).toEqual(naive411(name, '\t'));
    expect(r.entries.some((e) => e.journal === 've' && e.kind === 'invoice')).toBe(true);
    expect(r.entries.filter((e) => e.opening).map((e) => e.journal)).toEqual(Array(9).fill('AD'));
  });
});
