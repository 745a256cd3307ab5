/** STUB: `dunning scan` (to be implemented). */
import type { Command } from 'commander';
import type { CliIo } from './io.js';
import type { SetExit } from './main.js';

export function registerScan(program: Command, _io: CliIo, _setExit: SetExit): void {
  program.command('scan').description('(not implemented yet)').action(() => {
    throw new Error('scan: not implemented yet');
  });
}
