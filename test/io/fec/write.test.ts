/** Writing the lettering back: byte for byte, only EcritureLet / DateLet change. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readFec } from '../../../src/io/fec/read.js';
import { writeLetteredFec, type NewLetter } from '../../../src/io/fec/write.js';
import { EnvironmentError } from '../../../src/model/errors.js';
import type { IsoDate } from '../../../src/model/types.js';
import { fecText, receipt, sale, writeFecFile } from './fec-builder.js';

const REAL = resolve(__dirname, '../../fixtures/real');
const out = () => join(mkdtempSync(join(tmpdir(), 'dunning-fec-out-')), 'out.txt');
const letter = (l: string, d: string): NewLetter => ({ letter: l, date: d as IsoDate });

describe('writeLetteredFec', () => {
  for (const name of ['0000000001FEC20220831.txt', '111111111FEC20221231.TXT', '000000000FEC20231231.txt']) {
    test(`${name}: an empty map gives identical bytes`, async () => {
      const o = out();
      await writeLetteredFec({ path: resolve(REAL, name), display: name }, o, new Map());
      expect(readFileSync(o).equals(readFileSync(resolve(REAL, name)))).toBe(true);
    });
  }

  test('padded pipe file (ISO bytes kept): only the two fields change, padded to their width', async () => {
    const name = '111111111FEC20221231.TXT';
    const input = { path: resolve(REAL, name), display: name };
    const r = await readFec(input, { receivablePrefixes: ['411'] });
    const open = r.entries.find((e) => e.letter === null)!;
    const o = out();
    await writeLetteredFec(input, o, new Map([[open.source.line, letter('ZZ', '2023-08-01')], [779, letter('Q', '2023-08-02')]]));
    const before = readFileSync(input.path).toString('latin1').split('\n');
    const after = readFileSync(o).toString('latin1').split('\n');
    expect(after).toHaveLength(before.length);
    const changed = after.map((l, i) => (l === before[i] ? -1 : i + 1)).filter((i) => i > 0);
    expect(changed).toEqual([open.source.line, 779].sort((a, b) => a - b));
    const f = after[open.source.line - 1]!.split('|');
    expect([f[13], f[14]]).toEqual(['ZZ', '20230801']);
    const g = after[778]!.split('|');
    expect([g[13], g[14]]).toEqual(['Q ', '20230802']);
    expect(after[778]!.replace(/\|Q \|20230802\|/, '')).toBe(before[778]!.replace(/\|  \|        \|/, ''));
    // The 0xF8 byte is still there, unchanged.
    expect(readFileSync(o).includes(Buffer.from([0xf8]))).toBe(true);
    const back = await readFec({ path: o, display: 'o' }, { receivablePrefixes: ['411'] });
    expect(back.entries.find((e) => e.source.line === open.source.line)).toMatchObject({ letter: 'ZZ', letterDate: '2023-08-01' });
  });

  test('tab file with CRLF and a BOM: new letter on an unlettered line', async () => {
    const text = '\ufeff' + fecText([...sale({}), ...receipt({})], { eol: '\r\n' });
    const path = writeFecFile(text);
    const o = out();
    await writeLetteredFec({ path, display: 'x' }, o, new Map([[2, letter('AAB', '2024-02-01')], [6, letter('AAB', '2024-02-01')]]));
    const expected = text.split('\r\n').map((l, i) => {
      if (i !== 1 && i !== 5) return l;
      const f = l.split('\t');
      f[13] = 'AAB';
      f[14] = '20240201';
      return f.join('\t');
    }).join('\r\n');
    expect(readFileSync(o, 'utf8')).toBe(expected);
  });

  test('a line that does not exist: nothing is written, no temp file left', async () => {
    const path = writeFecFile(fecText(sale({})));
    const o = out();
    await expect(writeLetteredFec({ path, display: 'x' }, o, new Map([[99, letter('A', '2024-01-01')]]))).rejects.toThrow(/no customer line 99/);
    expect(existsSync(o)).toBe(false);
    expect(readdirSync(dirname(o))).toEqual([]);
  });

  test('an output folder that does not exist is an environment error', async () => {
    const path = writeFecFile(fecText(sale({})));
    await expect(writeLetteredFec({ path, display: 'x' }, join(tmpdir(), 'no-such-dir-dunning', 'o.txt'), new Map())).rejects.toBeInstanceOf(EnvironmentError);
  });
});
