/**
 * Entry point: builds the commander program from one module per command, runs it, and turns
 * every error into a message and an exit code (the only place that does).
 */
import { Command, CommanderError } from 'commander';
import { reportError } from './errors.js';
import { processIo, type CliIo } from './io.js';
import { registerCheck } from './check.js';
import { registerReconcile } from './reconcile.js';
import { registerAging } from './aging.js';
import { registerScan } from './scan.js';
import { registerLog } from './log.js';
import { registerHistory } from './history.js';
import { registerInterest } from './interest.js';
import { registerLetters } from './letters.js';
import { registerInit } from './init.js';

export const VERSION = '0.1.0';

/**
 * Each `register*` adds its command; its action returns the exit code (0 unless said
 * otherwise) through `setExit`.
 */
export type SetExit = (code: number) => void;

export function buildProgram(io: CliIo, setExit: SetExit): Command {
  const program = new Command('dunning')
    .description('Reconcile French books (FEC or CSV), age the balance, plan reminders, compute late interest, print letters.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  for (const register of [registerCheck, registerReconcile, registerAging, registerScan, registerLog, registerHistory, registerInterest, registerLetters, registerInit]) {
    register(program, io, setExit);
  }
  return program;
}

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync([...argv]);
    // Write errors are emitted on a later tick.
    if (io.outputFailure) await new Promise((resolve) => setImmediate(resolve));
    const failure = io.outputFailure?.() ?? null;
    if (failure !== null && code === 0) {
      io.stderr.write(`dunning: the output could not be written (${failure})\n`);
      return 3;
    }
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version are not errors; every other commander error is bad usage.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    return reportError(io, e, debug);
  }
}
