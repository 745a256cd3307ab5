/**
 * What a command may touch of the outside world, passed in so tests can run commands in
 * process against a temporary folder. Only cli/ and io/ use it.
 */
export interface CliIo {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: { write(s: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; readonly isTTY?: boolean };
  /** The clock, read only here at the edge to default `--as-of` and `--date`. */
  readonly now: () => Date;
}

export function processIo(): CliIo {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, now: () => new Date() };
}

/** Colour only on a TTY, never with NO_COLOR (https://no-color.org) or FORCE_COLOR=0. */
export function useColour(io: CliIo, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR === '0') return false;
  return Boolean(io[stream].isTTY);
}
