/** STUB: `dunning aging` (to be implemented). */
import type { Command } from 'commander';
import type { CliIo } from './io.js';
import type { SetExit } from './main.js';

export function registerAging(program: Command, _io: CliIo, _setExit: SetExit): void {
  program.command('aging').description('(not implemented yet)').action(() => {
    throw new Error('aging: not implemented yet');
  });
}
