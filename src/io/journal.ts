/**
 * The append-only journal file (JSON Lines, see model/journal.ts).
 *
 * Safety, in order of what can go wrong:
 * - Two runs at once: every append happens under a lock file `<journal>.lock`, created with
 *   O_EXCL and holding `{pid, since, host}`. A second run polls for a few seconds, then fails
 *   with exit 3 naming the holder. A lock left by a dead process (same host) is taken over.
 * - A crash or kill mid-write: each batch is one write(2) of complete lines on an O_APPEND
 *   descriptor, then fsync. A cut leaves at most one torn line at the end; the reader reports
 *   it as a warning and ignores it, and the next append starts on a fresh line, so a torn line
 *   never merges with a new entry. Nothing is ever deleted or rewritten.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JOURNAL_VERSION, type JournalEntry } from '../model/journal.js';
import { EnvironmentError } from '../model/errors.js';
import { parseJournal, type JournalRead } from './journal-parse.js';

export type { JournalRead } from './journal-parse.js';

/** A missing file reads as an empty journal. */
export async function readJournal(file: string): Promise<JournalRead> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], problems: [] };
    throw new EnvironmentError(`cannot read the journal ${file} (${(e as Error).message})`);
  }
  return parseJournal(text, file);
}

export interface LockOptions {
  /** How long to wait for another run before failing (default 3000 ms). */
  readonly timeoutMs?: number;
  /** How often to look again (default 100 ms). */
  readonly pollMs?: number;
}

interface LockInfo {
  readonly pid: number;
  readonly since: string;
  readonly host: string;
}

/** A lock file still empty after this long was left by a run that died while creating it. */
const EMPTY_LOCK_STALE_MS = 10_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

async function readLock(lockPath: string): Promise<{ info: LockInfo | null; text: string } | null> {
  try {
    const text = await fs.readFile(lockPath, 'utf8');
    try {
      const o = JSON.parse(text) as LockInfo;
      return { info: typeof o.pid === 'number' ? o : null, text };
    } catch {
      return { info: null, text };
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

async function acquire(lockPath: string, opts: LockOptions): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 3000;
  const pollMs = opts.pollMs ?? 100;
  const start = Date.now();
  const me: LockInfo = { pid: process.pid, since: new Date().toISOString(), host: os.hostname() };
  for (;;) {
    // The lock appears with its content or not at all: written to a private file, then
    // hard-linked into place (link(2) fails if the lock exists). A run killed half-way leaves
    // at worst its private file, never an empty lock that nobody could prove stale.
    const mine = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    try {
      await fs.writeFile(mine, JSON.stringify(me), { flag: 'wx' });
      await fs.link(mine, lockPath);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new EnvironmentError(`cannot lock the journal ${lockPath} (${(e as Error).message})`);
    } finally {
      await fs.rm(mine, { force: true });
    }
    const held = await readLock(lockPath);
    if (held === null) continue; // released between our open and our read: try again at once
    const stale = held.info
      ? held.info.host === me.host && !isAlive(held.info.pid)
      : // An empty lock: its writer died between create and write, or is writing right now.
        Date.now() - (await fs.stat(lockPath).then((s) => s.mtimeMs, () => Date.now())) > EMPTY_LOCK_STALE_MS;
    if (stale) {
      // Remove it only if it is still the same stale lock (another run may have replaced it).
      const again = await readLock(lockPath);
      if (again && again.text === held.text) await fs.rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() - start >= timeoutMs) {
      const who = held.info ? `pid ${held.info.pid} since ${held.info.since}` : 'a run that is starting';
      throw new EnvironmentError(
        `journal ${lockPath.slice(0, -'.lock'.length)} is locked by another run (${who}); if no other dunning is running, delete ${lockPath}`,
      );
    }
    await sleep(pollMs);
  }
}

/** Appends complete lines in one write, after a newline if the file ends with a torn line. */
async function appendLines(file: string, entries: readonly JournalEntry[]): Promise<void> {
  if (entries.length === 0) return;
  let needsNewline = false;
  try {
    const fh = await fs.open(file, 'r');
    try {
      const { size } = await fh.stat();
      if (size > 0) {
        const last = Buffer.alloc(1);
        await fh.read(last, 0, 1, size - 1);
        needsNewline = last[0] !== 0x0a;
      }
    } finally {
      await fh.close();
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const text = (needsNewline ? '\n' : '') + entries.map((e) => `${JSON.stringify(e)}\n`).join('');
  const fh = await fs.open(file, 'a');
  try {
    // One write(2) for any batch a run makes; appendFile loops should the kernel take less.
    await fh.appendFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Runs `fn` holding the journal's lock (waits briefly for another run, then EnvironmentError,
 * exit 3). Appends inside `fn` go through `append`, atomically and flushed. The lock is
 * released whatever happens.
 */
export async function withJournalLock<T>(
  file: string,
  fn: (append: (entries: readonly JournalEntry[]) => Promise<void>) => Promise<T>,
  opts: LockOptions = {},
): Promise<T> {
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
  } catch (e) {
    throw new EnvironmentError(`cannot create the journal folder ${path.dirname(file)} (${(e as Error).message})`);
  }
  const lockPath = `${file}.lock`;
  await acquire(lockPath, opts);
  try {
    return await fn(async (entries) => {
      try {
        await appendLines(file, entries);
      } catch (e) {
        throw new EnvironmentError(`cannot write the journal ${file} (${(e as Error).message})`);
      }
    });
  } finally {
    await fs.rm(lockPath, { force: true });
  }
}

/** The fields every entry shares, with a fresh id; `now` is the clock read at the edge. */
export function entryBase(now: Date): { v: typeof JOURNAL_VERSION; id: string; recordedAt: string } {
  return { v: JOURNAL_VERSION, id: randomUUID(), recordedAt: now.toISOString() };
}
