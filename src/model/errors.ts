/**
 * Typed errors that carry an exit code. They are thrown anywhere outside the pure core and
 * caught once, in cli/main.ts: the only place that decides the exit code.
 * Exit codes (CONTRACT.md): 2 bad usage / config / input data; 3 environment; 1 internal.
 */
import type { Problem } from './types.js';

export class DunningError extends Error {
  constructor(message: string, readonly exitCode: 1 | 2 | 3, readonly problems: readonly Problem[] = []) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad usage, bad config or bad input data: exit 2. `problems` lists every one found. */
export class InputError extends DunningError {
  constructor(message: string, problems: readonly Problem[] = []) {
    super(message, 2, problems);
  }
}

/** The environment failed (no browser, unwritable folder, journal locked): exit 3. */
export class EnvironmentError extends DunningError {
  constructor(message: string) {
    super(message, 3);
  }
}
