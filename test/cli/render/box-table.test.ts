import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/io.js';
import { table, type Align, type TableSpec } from '../../../src/cli/output.js';
import { displayWidth, renderBoxTable } from '../../../src/cli/render/box-table.js';

const io = (colour: boolean): CliIo => ({
  cwd: '/',
  env: colour ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' },
  stdout: { write: () => true, isTTY: true },
  stderr: { write: () => true, isTTY: true },
  now: () => new Date(0),
});

describe('renderBoxTable draws what cli-table3 draws', () => {
  it('on a table with head, alignment, blanks, French amounts and a footer', () => {
    const spec: TableSpec = {
      head: ['Client', 'Nom', 'Non échu', 'Solde'],
      align: ['left', 'left', 'right', 'right'],
      rows: [
        ['C001', 'Société Générale d’Électricité', '1\u00a0234,50\u00a0€', ''],
        ['C002', '', '', '-60,00\u00a0€'],
      ],
      footer: [['TOTAL', '', '1\u00a0234,50\u00a0€', '-60,00\u00a0€']],
    };
    for (const colour of [false, true]) expect(renderBoxTable(spec, colour)).toBe(table(spec, io(colour)));
  });

  it('on any small table of single-line cells', () => {
    const cellArb = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', 'é', 'Œuvre', '1\u00a0000,00\u00a0€', '漢字', 'e\u0301'));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) =>
          fc.record({
            head: fc.array(cellArb, { minLength: n, maxLength: n }),
            rows: fc.array(fc.array(cellArb, { minLength: n, maxLength: n }), { maxLength: 4 }),
            footer: fc.array(fc.array(cellArb, { minLength: n, maxLength: n }), { maxLength: 1 }),
            align: fc.array(fc.constantFrom<Align>('left', 'right'), { minLength: n, maxLength: n }),
          }),
        ),
        fc.boolean(),
        (spec, colour) => {
          // cli-table3 splits cells on line breaks and expands tabs; our cells never hold them.
          const clean = (r: string[]) => r.map((c) => c.replace(/[\r\n\t\u0000-\u001f\u007f-\u009f]/g, 'x'));
          const s: TableSpec = { head: clean(spec.head), rows: spec.rows.map(clean), footer: spec.footer.map(clean), align: spec.align };
          expect(renderBoxTable(s, colour)).toBe(table(s, io(colour)));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('displayWidth', () => {
  it.each([
    ['abc', 3],
    ['é', 1],
    ['e\u0301', 1],
    ['1\u00a0234,50\u00a0€', 10],
    ['漢字', 4],
  ])('%j is %i columns', (s, w) => expect(displayWidth(s)).toBe(w));
});
