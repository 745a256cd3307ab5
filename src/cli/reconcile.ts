/** STUB: `dunning reconcile` (to be implemented). */
import type { Command } from 'commander';
import type { CliIo } from './io.js';
import type { SetExit } from './main.js';

export function registerReconcile(program: Command, _io: CliIo, _setExit: SetExit): void {
  program.command('reconcile').description('(not implemented yet)').action(() => {
    throw new Error('reconcile: not implemented yet');
  });
}
