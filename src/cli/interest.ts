/** STUB: `dunning interest` (to be implemented). */
import type { Command } from 'commander';
import type { CliIo } from './io.js';
import type { SetExit } from './main.js';

export function registerInterest(program: Command, _io: CliIo, _setExit: SetExit): void {
  program.command('interest').description('(not implemented yet)').action(() => {
    throw new Error('interest: not implemented yet');
  });
}
