/**
 * End to end: `dunning aging` on the example (one FEC: the reader elides the lettering groups
 * that settle themselves by --as-of, io/books.ts) prints exactly what the same books give
 * when every line is read into an entry, computed here in-process without elision.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputFiles } from '../../src/cli/common.js';
import type { CliIo } from '../../src/cli/io.js';
import { json } from '../../src/cli/output.js';
import { agingCsv, agingJson, agingTableSpec } from '../../src/cli/render/aging.js';
import { renderBoxTable } from '../../src/cli/render/box-table.js';
import { loadConfig } from '../../src/config/load.js';
import { loadBooks } from '../../src/io/books.js';
import { ageBalances } from '../../src/ledger/aging.js';
import { reconcileAsOf } from '../../src/ledger/as-of.js';
import type { IsoDate } from '../../src/model/types.js';
import { ROOT, runDunning } from '../helpers/cli.js';

const DIR = path.join(ROOT, 'examples');

describe('aging through the built CLI (elision on) = aging without elision', () => {
  const config = loadConfig(undefined, DIR);
  const io = { cwd: DIR } as CliIo;
  const full = () => loadBooks(inputFiles({}, config, io), config);

  for (const asOf of ['2026-11-30', '2026-03-31'] as IsoDate[]) {
    it(`as of ${asOf}: every format, both levels, both bases`, async () => {
      const { value: books } = await full();
      const rec = reconcileAsOf(books, config, asOf);
      for (const basis of ['due', 'issue'] as const) {
        for (const by of ['customer', 'invoice'] as const) {
          const report = ageBalances(rec, books.customers, { asOf, buckets: config.aging.buckets, basis, byInvoice: by === 'invoice' });
          const expected = { json: json(agingJson(report)), csv: agingCsv(report), table: renderBoxTable(agingTableSpec(report), false) };
          for (const format of ['json', 'csv', 'table'] as const) {
            const r = await runDunning(['aging', '--as-of', asOf, '--basis', basis, '--by', by, '--format', format], DIR);
            expect(r.code, r.stderr).toBe(0);
            expect(r.stdout, `${format} --by ${by} --basis ${basis}`).toBe(expected[format]);
          }
        }
      }
    }, 60_000);
  }
});
