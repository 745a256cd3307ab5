import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { lettersTable } from '../../src/cli/letters-table.js';
import type { Cents } from '../../src/model/money.js';

const io: CliIo = { cwd: '/', env: { NO_COLOR: '1' }, stdout: { write: () => true }, stderr: { write: () => true }, now: () => new Date(0) };

describe('the list of letters printed by `dunning letters`', () => {
  it('is in French like the other tables: headings, step names, invoice numbers, amounts claimed', () => {
    const out = lettersTable(
      [
        { file: '2026-11-30_reminder_C001.pdf', customer: 'C001', name: 'Boulangerie Lefèvre SARL', step: 'reminder', invoices: ['F2026-0086'], amount: 77400 as Cents, pages: 1, sha256: 'x' },
        { file: '2026-11-30_formal_notice_C008.pdf', customer: 'C008', name: 'Garage Besançon', step: 'formal_notice', invoices: ['F2026-0062', 'F2026-0077'], amount: 665702 as Cents, pages: 2, sha256: 'y' },
      ],
      io,
    );
    const lines = out.split('\n'); // amounts: no-break spaces, as formatEuroFr writes them
    expect(lines[1]).toMatch(/^│ Fichier +│ Client │ Nom +│ Étape +│ Factures +│ Montant réclamé │ Pages │$/);
    expect(lines[3]).toMatch(/│ C001 +│ Boulangerie Lefèvre SARL │ lettre de relance +│ F2026-0086 +│ +774,00\u00a0€ │ +1 │$/);
    expect(lines[5]).toMatch(/│ C008 +│ Garage Besançon +│ mise en demeure \(LRAR\) │ F2026-0062, F2026-0077 │ +6\u00a0657,02\u00a0€ │ +2 │$/);
  });
});
