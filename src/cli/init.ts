/** STUB: `dunning init` (to be implemented). */
import type { Command } from 'commander';
import type { CliIo } from './io.js';
import type { SetExit } from './main.js';

export function registerInit(program: Command, _io: CliIo, _setExit: SetExit): void {
  program.command('init').description('(not implemented yet)').action(() => {
    throw new Error('init: not implemented yet');
  });
}
