/**
 * The one place where errors become messages and exit codes.
 */
import { DunningError } from '../model/errors.js';
import { formatProblem, sortProblems } from '../model/problems.js';
import type { Problem } from '../model/types.js';
import type { CliIo } from './io.js';

export function printProblems(io: CliIo, problems: readonly Problem[]): void {
  for (const p of sortProblems(problems)) io.stderr.write(`${formatProblem(p)}\n`);
}

export function reportError(io: CliIo, e: unknown, debug: boolean): number {
  if (e instanceof DunningError) {
    printProblems(io, e.problems);
    io.stderr.write(`dunning: ${e.message}\n`);
    if (debug && e.stack) io.stderr.write(`${e.stack}\n`);
    return e.exitCode;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  io.stderr.write(`dunning: internal error: ${err.message}\n`);
  io.stderr.write(debug && err.stack ? `${err.stack}\n` : 'Run again with --debug for the stack trace, and please report it.\n');
  return 1;
}
