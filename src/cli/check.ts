/** STUB: `dunning check` (to be implemented). */
import type { Command } from 'commander';
import type { CliIo } from './io.js';
import type { SetExit } from './main.js';

export function registerCheck(program: Command, _io: CliIo, _setExit: SetExit): void {
  program.command('check').description('(not implemented yet)').action(() => {
    throw new Error('check: not implemented yet');
  });
}
