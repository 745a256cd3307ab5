/** STUB: `dunning letters` (to be implemented). */
import type { Command } from 'commander';
import type { CliIo } from './io.js';
import type { SetExit } from './main.js';

export function registerLetters(program: Command, _io: CliIo, _setExit: SetExit): void {
  program.command('letters').description('(not implemented yet)').action(() => {
    throw new Error('letters: not implemented yet');
  });
}
