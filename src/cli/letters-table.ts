/**
 * The list of letters `dunning letters` prints on stdout: a French table like those of
 * `scan`, `aging` and `interest` (the accountant reads them side by side), one row per letter.
 */
import type { ManifestRow } from '../letters/manifest.js';
import { formatEuroFr } from '../model/money.js';
import { STEP_IDS, type StepId } from '../config/schema.js';
import { STEP_LABELS_FR } from '../policy/steps.js';
import type { CliIo } from './io.js';
import { table } from './output.js';

// The manifest stores the step id as a string; anything else is shown as stored.
const stepFr = (step: string): string => ((STEP_IDS as readonly string[]).includes(step) ? STEP_LABELS_FR[step as StepId] : step);

export function lettersTable(letters: readonly ManifestRow[], io: CliIo): string {
  return table(
    {
      head: ['Fichier', 'Client', 'Nom', 'Étape', 'Factures', 'Montant réclamé', 'Pages'],
      rows: letters.map((r) => [r.file, r.customer, r.name, stepFr(r.step), r.invoices.join(', '), formatEuroFr(r.amount), String(r.pages)]),
      align: ['left', 'left', 'left', 'left', 'left', 'right', 'right'],
    },
    io,
  );
}
