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
  /** A write to stdout or stderr failed for another reason than a closed reader (EPIPE): its code. */
  readonly outputFailure?: () => string | null;
}

export function processIo(): CliIo {
  let failure: string | null = null;
  const note = (code: string): void => {
    failure ??= code;
  };
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: guarded(process.stdout, note),
    stderr: guarded(process.stderr, note),
    now: () => new Date(),
    outputFailure: () => failure,
  };
}

/**
 * A standard stream whose write errors never crash the run. `dunning aging | head` closes the
 * pipe early: the reader wanted no more, so the rest of the output is dropped and the run
 * finishes as it would have (journal and files included), with its own exit code. Any other
 * write error (a full disk behind a redirection) is noted for main, which exits 3.
 */
function guarded(stream: NodeJS.WriteStream, note: (code: string) => void): CliIo['stdout'] {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    closed = true;
    // A write made before the first error was seen fails again as "destroyed": not news.
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') note(e.code ?? e.message);
  });
  return {
    write: (s: string) => (closed ? false : stream.write(s)),
    get isTTY() {
      return stream.isTTY;
    },
  };
}

/** Colour only on a TTY, never with NO_COLOR (https://no-color.org) or FORCE_COLOR=0. */
export function useColour(io: CliIo, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR === '0') return false;
  return Boolean(io[stream].isTTY);
}
