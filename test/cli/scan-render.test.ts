/**
 * The scan's console table (src/cli/scan-render.ts) on a plan with every kind of action:
 * French headings, the call list first (phone, contact), then the letters, then litigation,
 * each group by customer; the invoice table in French with French step and block labels.
 */
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { scanTable } from '../../src/cli/scan-render.js';
import { planDunning } from '../../src/policy/plan.js';
import { DEFAULT_POLICY } from '../../src/policy/steps.js';
import { call, customer, customers, d, hold, invoice, letter, rec } from '../policy/builders.js';

const io: CliIo = {
  cwd: '/',
  env: { NO_COLOR: '1' },
  stdout: { write: () => true, isTTY: false },
  stderr: { write: () => true, isTTY: false },
  now: () => new Date(0),
};

// All dated 2026-09-01, due 2026-10-01; as of 2026-11-30.
const inv = (ref: string, c: string) => invoice({ ref, customer: c, date: '2026-09-01', amount: 100000 });
const A = inv('FA', 'C9'); // a call is due (no journal)
const B = inv('FB', 'C2'); // a reminder is due: call done 2026-11-20
const C = inv('FC', 'C5'); // litigation is due: formal notice 2026-11-10
const D = inv('FD', 'C1'); // a call is due
const E = inv('FE', 'C3'); // a formal notice is due: registered reminder 2026-11-20
const H = inv('FH', 'C4'); // on hold

const cs = customers(
  customer('C1', 'active', { name: 'Un SA', phone: '01 11 11 11 11', contact: 'Mme Un' }),
  customer('C2', 'active', { name: 'Deux SARL' }),
  customer('C3', 'active', { name: 'Trois SAS' }),
  customer('C4', 'active', { name: 'Quatre' }),
  customer('C5', 'active', { name: 'Cinq' }),
  customer('C9', 'active', { name: 'Neuf', phone: '09 99 99 99 99', contact: 'M. Neuf' }),
);

const report = planDunning({
  rec: rec([A, B, C, D, E, H].map((entry) => ({ entry }))),
  customers: cs,
  journal: [
    call('2026-11-20', 'C2', [B]),
    letter('2026-11-10', 'C5', 'formal_notice', [C]),
    letter('2026-11-20', 'C3', 'registered_reminder', [E]),
    hold('2026-11-01', 'C4', '2026-12-31', 'customer'),
  ],
  policy: DEFAULT_POLICY,
  asOf: d('2026-11-30'),
});

describe('scan table', () => {
  const out = scanTable(report, cs, io, false);
  const lines = out.split('\n');
  const at = (s: string) => lines.findIndex((l) => l.includes(s));

  it('heads the day in French, the call list first, then letters, then litigation, each by customer', () => {
    expect(lines[0]).toBe('Actions du 30/11/2026');
    expect(at('Appels à passer (relance téléphonique)')).toBeGreaterThan(0);
    expect(at('Appels à passer')).toBeLessThan(at('Lettres à envoyer'));
    expect(at('Lettres à envoyer')).toBeLessThan(at('Dossiers contentieux à transmettre'));
    expect(at('Dossiers contentieux à transmettre')).toBeLessThan(at('Factures en retard'));
    expect(lines[at('Appels à passer') + 2]).toMatch(/│ Client │ Nom\s+│ Factures │\s+Montant │ Téléphone\s+│ Contact\s+│/);
    // Calls by customer: C1 before C9, with phone and contact.
    expect(at('│ C1 ')).toBeLessThan(at('│ C9 '));
    expect(lines[at('│ C1 ')]).toMatch(/│ C1\s+│ Un SA\s+│ FD\s+│ 1\u00a0000,00\u00a0€ │ 01 11 11 11 11 │ Mme Un\s+│/);
    // Letters by customer, with the step in French.
    expect(lines[at('│ C2 ')]).toMatch(/│ C2\s+│ Deux SARL │ lettre de relance\s+│ FB\s+│/);
    expect(lines[at('│ C3 ')]).toMatch(/│ C3\s+│ Trois SAS │ mise en demeure \(LRAR\)\s+│ FE\s+│/);
    expect(at('│ C2 ')).toBeLessThan(at('│ C3 '));
    expect(at('│ C3 ')).toBeLessThan(at('Dossiers contentieux'));
    expect(lines[at('│ C5 ')]).toMatch(/│ C5\s+│ Cinq │ FC\s+│ 1\u00a0000,00\u00a0€ │/);
  });

  it('lists the invoices with French headings, steps and block reasons', () => {
    const head = lines[at('Factures en retard') + 2]!;
    expect(head).toMatch(/│ Client │ Facture │ Échéance\s+│ Jours de retard │\s+Reste dû │ Dernière étape\s+│ Prochaine étape\s+│ Blocage\s+│/);
    const invoiceRows = lines.slice(at('Factures en retard'));
    const fb = invoiceRows.find((l) => l.includes('│ FB '))!;
    expect(fb).toMatch(/│ 01\/10\/2026 │\s+60 │ 1\u00a0000,00\u00a0€ │ relance téléphonique 20\/11\/2026\s+│ lettre de relance 27\/11\/2026\s+│/);
    expect(invoiceRows.find((l) => l.includes('│ FH '))).toMatch(/│ suspendue\s+│$/);
    expect(out).not.toMatch(/Customer|Invoice|Overdue|Actions due|Blocked/);
  });

  it('says so in French when nothing is due', () => {
    const empty = scanTable({ asOf: d('2026-11-30'), invoices: [], actions: [] }, cs, io, false);
    expect(empty).toBe('Aucune action le 30/11/2026.\n\nAucune facture en retard.\n');
  });
});
