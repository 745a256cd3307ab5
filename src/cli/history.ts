/** STUB: `dunning history` (to be implemented). */
import type { Command } from 'commander';
import type { CliIo } from './io.js';
import type { SetExit } from './main.js';

export function registerHistory(program: Command, _io: CliIo, _setExit: SetExit): void {
  program.command('history').description('(not implemented yet)').action(() => {
    throw new Error('history: not implemented yet');
  });
}
