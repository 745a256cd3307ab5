/**
 * `dunning letters`: the options. The work (templates, Chromium, pdf-lib) lives in
 * letters-run.ts and is imported only when the command runs, so that every other command
 * starts without loading puppeteer and pdf-lib (~0.5 s here).
 */
import type { Command } from 'commander';
import { LETTER_STEPS } from '../letters/model.js';
import { addAsOfOption, addInputOptions, addJournalOption } from './common.js';
import type { CliIo } from './io.js';
import type { SetExit } from './main.js';
import type { LettersFlags } from './letters-run.js';

export const DEFAULT_OUT = 'letters';

export function registerLetters(program: Command, io: CliIo, setExit: SetExit): void {
  const cmd = program
    .command('letters')
    .description('print the letters due (reminder, registered reminder, formal notice) to PDF, with a manifest; journals them')
    .option('--out <dir>', `output folder (default: ${DEFAULT_OUT}/)`)
    .option('--dry-run', 'render every letter but write no journal entry; PDFs are written only when --out is given')
    .option('--combine', 'also write one PDF with every letter, for batch printing')
    .option('--customer <ids...>', 'only these customers')
    .option('--step <steps...>', `only these steps (${LETTER_STEPS.join(', ')})`);
  addJournalOption(addAsOfOption(addInputOptions(cmd)));
  cmd.action(async (flags: LettersFlags) => {
    const { runLetters } = await import('./letters-run.js');
    await runLetters(flags, io);
    setExit(0);
  });
}

