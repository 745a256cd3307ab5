/** STUB: `dunning log` (to be implemented). */
import type { Command } from 'commander';
import type { CliIo } from './io.js';
import type { SetExit } from './main.js';

export function registerLog(program: Command, _io: CliIo, _setExit: SetExit): void {
  program.command('log').description('(not implemented yet)').action(() => {
    throw new Error('log: not implemented yet');
  });
}
