import { describe, expect, it } from 'vitest';
import { csv, neutraliseFormula, table } from '../../src/cli/output.js';
import type { CliIo } from '../../src/cli/io.js';

const io = (tty: boolean, env: Record<string, string> = {}): CliIo => ({
  cwd: '/',
  env,
  stdout: { write: () => true, isTTY: tty },
  stderr: { write: () => true, isTTY: tty },
  now: () => new Date(0),
});

describe('CSV output', () => {
  it('neutralises spreadsheet formulas but keeps negative numbers', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutraliseFormula('+33 1 23')).toBe(`'+33 1 23`);
    expect(neutraliseFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseFormula('-1+2')).toBe(`'-1+2`);
    expect(neutraliseFormula('-12.50')).toBe('-12.50');
    expect(neutraliseFormula('ACME')).toBe('ACME');
  });
  it('quotes with csv-stringify', () => {
    expect(csv(['a', 'b'], [['x;"y"', '1,5'], [null, '=1']])).toBe('a,b\n"x;""y""","1,5"\n,\'=1\n');
  });
});

describe('tables', () => {
  it('uses no colour when not on a TTY or with NO_COLOR', () => {
    const spec = { head: ['a'], rows: [['1']] };
    expect(table(spec, io(false))).not.toMatch(/\u001b\[/);
    expect(table(spec, io(true, { NO_COLOR: '1' }))).not.toMatch(/\u001b\[/);
    expect(table(spec, io(true))).toMatch(/\u001b\[/);
  });
});
