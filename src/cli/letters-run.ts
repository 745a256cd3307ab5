/**
 * `dunning letters`: the letters due on the as-of date, as PDF files in --out (default
 * `letters/`), a manifest, and a journal entry per letter. All or nothing: files are
 * rendered into a temporary folder, moved into --out, then journalled; any failure leaves
 * neither files nor journal entries. README.md ("Letters") describes the rules chosen.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { STEP_IDS, type StepId } from '../config/schema.js';
import { entryBase, readJournal, withJournalLock } from '../io/journal.js';
import { reconcileAsOf } from '../ledger/as-of.js';
import { addressProblems } from '../letters/address-fit.js';
import { resolveBrowser } from '../letters/browser.js';
import { combinedFileName, letterFileNames, MANIFEST_CSV, MANIFEST_JSON } from '../letters/file-names.js';
import { manifestCsv, manifestJson, type ManifestRun } from '../letters/manifest.js';
import { LETTER_STEPS, chargesOf, isLetterStep, type InvoiceCharges, type LetterStep, type LetterView } from '../letters/model.js';
import { openPrinter } from '../letters/pdf.js';
import { letterActions, letterViews, needsCharges } from '../letters/plan-letters.js';
import { printAll, renderAll, sha256 } from '../letters/produce.js';
import { loadTemplateSet, readLogo } from '../letters/template-files.js';
import { checkTemplates } from '../letters/template-check.js';
import { compileTemplates } from '../letters/templates.js';
import { checkOutDir, ensureOutDir, readManifestRuns, refuseExisting, removeCreatedDirs, writeAllOrNothing, type OutFile } from '../letters/write-files.js';
import { EnvironmentError, InputError } from '../model/errors.js';
import type { JournalEntry } from '../model/journal.js';
import { formatAmount, parseAmount, type Cents } from '../model/money.js';
import { hasErrors } from '../model/problems.js';
import type { IsoDate } from '../model/types.js';
import { planDunning } from '../policy/plan.js';
import { policyFromConfig, unknownPolicyCustomers } from '../policy/steps.js';
import { parseDateFlag, readBooks, readConfig, resolveJournal, type InputFlags } from './common.js';
import { printProblems } from './errors.js';
import { interestReport } from './interest.js';
import type { CliIo } from './io.js';
import { lettersTable } from './letters-table.js';

export interface LettersFlags extends InputFlags {
  asOf?: string;
  out?: string;
  dryRun?: boolean;
  combine?: boolean;
  customer?: string[];
  step?: string[];
  journal?: string;
}

import { DEFAULT_OUT } from './letters.js';

function parseSteps(raw: readonly string[] | undefined): StepId[] {
  const steps: StepId[] = [];
  for (const s of raw ?? []) {
    if (!(STEP_IDS as readonly string[]).includes(s) || !isLetterStep(s as StepId)) {
      throw new InputError(`--step: found ${JSON.stringify(s)}, expected one of ${LETTER_STEPS.join(', ')} (calls and litigation are not letters)`);
    }
    steps.push(s as StepId);
  }
  return steps;
}

const display = (abs: string, io: CliIo): string => {
  const rel = path.relative(io.cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : rel === '' ? '.' : abs;
};

function indemnityOf(raw: string): Cents {
  const p = parseAmount(raw, 'dot');
  if (!p.ok) throw new InputError(`config interest.indemnity: found ${JSON.stringify(raw)}, expected ${p.expected}`);
  return p.cents;
}

export async function runLetters(flags: LettersFlags, io: CliIo): Promise<void> {
  const config = readConfig(flags, io);
  if (!config.creditor) {
    throw new InputError(
      `letters need a "creditor" in ${config.configPath ? display(config.configPath, io) : 'dunning.config.json'} (name, address, postcode, city, siren, iban, bic…); \`dunning init\` writes a sample`,
    );
  }
  const asOf = parseDateFlag(flags.asOf, '--as-of', io);
  const steps = parseSteps(flags.step);
  const renderer = compileTemplates(loadTemplateSet(config.templates, (p) => display(p, io)));
  const logo = readLogo(config.creditor.logo, (p) => display(p, io));
  const indemnityPerInvoice = indemnityOf(config.interest.indemnity);
  // Every template and branch, before anything else: a typo shows today, not on the day a
  // letter of that kind is first due.
  checkTemplates(renderer, { creditor: config.creditor, logo, asOf, letters: config.letters, indemnityPerInvoice });

  const { books } = await readBooks(flags, config, io);
  const rec = reconcileAsOf(books, config, asOf);
  const journalFile = resolveJournal(flags.journal, config, io);
  const journal = await readJournal(journalFile);
  const configShown = config.configPath ? display(config.configPath, io) : 'config';
  const policy = policyFromConfig(config.policy, configShown);
  const early = [...journal.problems, ...policy.problems];
  if (hasErrors(early)) throw new InputError('cannot plan the letters; nothing was written', early);
  // The same warnings as `scan`: the letters follow the same plan, so the same doubts apply.
  printProblems(io, [...unknownPolicyCustomers(policy.value, books.customers, configShown), ...early]);
  const report = planDunning({ rec, customers: books.customers, journal: journal.entries, policy: policy.value, asOf });
  for (const w of report.warnings ?? []) io.stderr.write(`warning: ${w}\n`);
  const actions = letterActions(report, { customers: flags.customer ?? [], steps });
  for (const c of flags.customer ?? []) {
    if (!actions.some((a) => a.customer === c)) io.stderr.write(`dunning: no letter due for customer ${c} on ${asOf}\n`);
  }
  if (actions.length === 0) {
    io.stderr.write(`dunning: no letters due on ${asOf}; nothing was written\n`);
    return;
  }

  const charges = new Map<string, InvoiceCharges>();
  if (needsCharges(actions, books.customers)) {
    const { report: interest, problems } = await interestReport({ ...flags, format: 'table' }, config, io, asOf, books);
    if (hasErrors(problems)) throw new InputError('cannot compute the interest a formal notice claims; nothing was written', problems);
    printProblems(io, problems);
    for (const i of interest.invoices) charges.set(i.entry.id, chargesOf(i));
  }
  const views = letterViews(actions, {
    customers: books.customers,
    creditor: config.creditor,
    logo,
    journal: journal.entries,
    charges,
    asOf,
    letters: config.letters,
    indemnityPerInvoice,
    policy: policy.value,
  });
  const misfits = addressProblems(views, books.customers);
  if (hasErrors(misfits)) {
    const who = [...new Set(misfits.map((p) => p.source?.file ?? 'the books'))].join(', ');
    throw new InputError(`recipient addresses too long for the envelope window: shorten them in ${who}; nothing was written`, misfits);
  }
  const names = letterFileNames(views.map((v) => ({ asOf, step: v.step, customer: v.customer.id })));
  const html = renderAll(renderer, views); // template errors stop here, before a browser starts

  const write = !flags.dryRun || flags.out !== undefined;
  const outDir = path.resolve(io.cwd, flags.out ?? DEFAULT_OUT);
  const outShown = display(outDir, io);
  // A second run the same day into the same folder gets a combined file of its own.
  const combinedName = flags.combine ? combinedFileName(asOf, (n) => write && existsSync(path.join(outDir, n))) : null;
  const planned: OutFile[] = names.map((name) => ({ name, bytes: '' }));
  if (combinedName) planned.push({ name: combinedName, bytes: '' });
  if (write) {
    checkOutDir(outDir, outShown);
    refuseExisting(outDir, outShown, planned);
    readManifestRuns(outDir, outShown); // an unreadable manifest stops the run now, not after printing
  }

  const printer = await openPrinter(resolveBrowser({ env: io.env }));
  let printed;
  try {
    const progress = io.stderr.isTTY
      ? (done: number, total: number) => io.stderr.write(`\rprinting letters ${done}/${total}${done === total ? '\n' : ''}`)
      : undefined;
    printed = await printAll(renderer, html, printer, { combine: !!flags.combine, ...(progress ? { onProgress: progress } : {}) });
  } finally {
    await printer.close();
  }

  const run: ManifestRun = {
    asOf,
    dryRun: !!flags.dryRun,
    letters: views.map((v, i) => ({
      file: names[i]!,
      customer: v.customer.id,
      name: v.customer.name,
      step: v.step,
      invoices: v.invoices.map((inv) => inv.number),
      amount: v.totals.claimed,
      pages: printed.letters[i]!.pages,
      sha256: printed.letters[i]!.sha256,
    })),
    combined:
      printed.combined && combinedName
        ? { file: combinedName, pages: printed.letters.reduce((n, l) => n + l.pages, 0), sha256: sha256(printed.combined) }
        : null,
  };
  const letterFiles: OutFile[] = names.map((name, i) => ({ name, bytes: printed.letters[i]!.bytes }));
  if (printed.combined && combinedName) letterFiles.push({ name: combinedName, bytes: printed.combined });
  // Read again when writing (under the journal lock for a real run): the runs recorded by then.
  const filesToWrite = (): OutFile[] => {
    const runs = [...readManifestRuns(outDir, outShown), run];
    return [...letterFiles, { name: MANIFEST_JSON, bytes: manifestJson(runs), replace: true }, { name: MANIFEST_CSV, bytes: manifestCsv(runs), replace: true }];
  };

  const entries = flags.dryRun ? [] : journalEntries(views, names.map((n) => path.join(outDir, n)), printed.letters.map((l) => l.sha256), asOf, io);
  if (write) {
    const created = await ensureOutDir(outDir, outShown);
    try {
      if (flags.dryRun) await writeAllOrNothing(outDir, outShown, filesToWrite(), async () => undefined);
      else {
        await commitLetters(journalFile, journal.entries, entries, () => display(journalFile, io), (append) =>
          writeAllOrNothing(outDir, outShown, filesToWrite(), () => append(entries)),
        );
      }
    } catch (e) {
      await removeCreatedDirs(outDir, created); // a failed run leaves no empty folder behind
      throw e;
    }
  }

  io.stdout.write(lettersTable(run.letters, io));
  const where = write ? ` in ${outShown}` : '';
  const combinedNote = write && run.combined ? ` (combined file: ${run.combined.file})` : '';
  const count = `${views.length} ${views.length === 1 ? 'letter' : 'letters'}`;
  const what = flags.dryRun ? `dry run: ${count} rendered${where}; nothing journalled` : `${count} written${where} and journalled`;
  io.stderr.write(`dunning: ${what}${combinedNote}\n`);
}

/**
 * Writes the letters (`write`, which appends `entries` through `append`) under the journal's
 * lock, unless another run has journalled anything for one of their customers since `before`
 * was read: the plan was made from `before`, and printing takes a while. Checked under the
 * lock, so two runs can never both send a letter; the second gets exit 3 and writes nothing.
 */
export async function commitLetters(
  journalFile: string,
  before: readonly JournalEntry[],
  entries: readonly JournalEntry[],
  shown: () => string,
  write: (append: (entries: readonly JournalEntry[]) => Promise<void>) => Promise<void>,
): Promise<void> {
  await withJournalLock(journalFile, async (append) => {
    const now = await readJournal(journalFile);
    const changed = changedCustomers(before, now.entries, new Set(entries.map((e) => e.customer)));
    if (changed.length > 0) {
      throw new EnvironmentError(
        `the journal ${shown()} changed for ${changed.join(', ')} while the letters were printing (another run?); nothing was written: run again`,
      );
    }
    await write(append);
  });
}

/** Customers of `ours` with an entry in `after` that `before` did not have (by entry id). */
export function changedCustomers(before: readonly JournalEntry[], after: readonly JournalEntry[], ours: ReadonlySet<string>): string[] {
  const known = new Set(before.map((e) => e.id));
  const changed = new Set<string>();
  for (const e of after) if (!known.has(e.id) && ours.has(e.customer)) changed.add(e.customer);
  return [...changed].sort();
}

function journalEntries(views: readonly LetterView[], files: readonly string[], sums: readonly string[], asOf: IsoDate, io: CliIo): JournalEntry[] {
  return views.map((v, i) => ({
    ...entryBase(io.now()),
    type: 'letter' as const,
    date: asOf,
    customer: v.customer.id,
    invoices: v.invoices.map((inv) => ({ number: inv.number, key: inv.key })),
    step: v.step satisfies LetterStep,
    file: files[i]!,
    amount: formatAmount(v.totals.claimed),
    sha256: sums[i]!,
  }));
}
