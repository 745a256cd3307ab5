/**
 * The append-only journal file (JSON Lines, see model/journal.ts).
 *
 * Safety, in order of what can go wrong:
 * - Two runs at once: every append happens under a lock file `<journal>.lock`, created
 *   exclusively (link(2)) with its content `{pid, since, host, nonce}`. A second run polls for
 *   a few seconds, then fails with exit 3 naming the holder. A lock left by a dead process
 *   (same host) is taken over by exactly one run (see takeOver): a live lock is never removed
 *   by another run.
 * - A crash or kill mid-write: each batch is one write(2) of complete lines on an O_APPEND
 *   descriptor, then fsync (and of its folder when the file was just created). A cut leaves
 *   at most one torn line at the end; the reader reports it as a warning and ignores it, and
 *   the next append starts on a fresh line, so a torn line never merges with a new entry.
 *   Nothing is ever deleted or rewritten.
 */
import { createHash, randomUUID } from 'node:crypto';
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
  /**
   * For tests only: called at the two points where a concurrent run could interleave with a
   * stale-lock takeover, so that a test can run the other side there, deterministically.
   */
  readonly hooks?: {
    /** This run has judged the lock stale and is about to claim its takeover. */
    readonly staleSeen?: () => Promise<void>;
    /** This run holds the takeover claim and is about to move the stale lock away. */
    readonly claimed?: () => Promise<void>;
  };
}

interface LockInfo {
  readonly pid: number;
  readonly since: string;
  readonly host: string;
  /** Makes every lock's content unique, so "the same stale lock" can be told by its text. */
  readonly nonce?: string;
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

interface HeldLock {
  readonly info: LockInfo | null;
  readonly text: string;
  /** Inode and text together identify one lock file (an old empty lock has no unique text). */
  readonly ino: number;
  readonly mtimeMs: number;
}

async function readLock(lockPath: string): Promise<HeldLock | null> {
  let fh;
  try {
    fh = await fs.open(lockPath, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const st = await fh.stat();
    const text = await fh.readFile('utf8');
    let info: LockInfo | null = null;
    try {
      const o = JSON.parse(text) as LockInfo;
      if (typeof o.pid === 'number') info = o;
    } catch {
      // not JSON: an empty lock from an older version, or a hand edit
    }
    return { info, text, ino: st.ino, mtimeMs: st.mtimeMs };
  } finally {
    await fh.close();
  }
}

const sameLock = (a: HeldLock | null, b: HeldLock) => a !== null && a.text === b.text && a.ino === b.ino;
const digest = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);
const privateName = (base: string, what: string) => `${base}.${what}.${process.pid}.${randomUUID()}`;

/**
 * Creates `target` holding `text`, atomically and only if it does not exist: written to a
 * private file, then hard-linked into place (link(2) fails if the target exists). A run
 * killed half-way leaves at worst its private file, never an empty or partial target.
 */
async function linkNew(target: string, text: string): Promise<boolean> {
  const mine = privateName(target, 'new');
  try {
    await fs.writeFile(mine, text, { flag: 'wx' });
    await fs.link(mine, target);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    await fs.rm(mine, { force: true });
  }
}

/**
 * Removes the stale lock `stale`, or leaves it to the run already doing so. Two runs that
 * both see the same dead lock must not both remove "the lock": the second would remove the
 * live lock the first has just made. So removal is reserved to the one run that creates the
 * takeover claim `<lock>.takeover.<id of that stale lock>` (link(2), exclusive); it checks
 * that the lock is still that stale file (same text, same inode: texts are unique) before
 * moving it aside. A late run that gets the claim after the first has finished finds a
 * different lock there and removes nothing. A claim whose run died is itself stale: the
 * next claim is named after it, so again only one run can win it.
 * Returns 'done' (removed, or it had changed: look again at once) or 'busy' (another live
 * run holds the claim: wait).
 */
async function takeOver(lockPath: string, stale: HeldLock, me: LockInfo, hooks: LockOptions['hooks']): Promise<'done' | 'busy'> {
  await hooks?.staleSeen?.();
  const chain: string[] = [];
  let claim = `${lockPath}.takeover.${digest(`${stale.text}\0${stale.ino}`)}`;
  for (;;) {
    if (await linkNew(claim, JSON.stringify(me))) break;
    const other = await readLock(claim);
    if (other === null) continue; // its run finished between our link and our read
    if (!other.info || other.info.host !== me.host || isAlive(other.info.pid)) return 'busy';
    chain.push(claim);
    claim = `${lockPath}.takeover.${digest(`${claim}\0${other.text}\0${other.ino}`)}`;
  }
  try {
    await hooks?.claimed?.();
    if (!sameLock(await readLock(lockPath), stale)) return 'done';
    // Moved aside and checked there, so that even a lock replaced by hand in between (the
    // only other way it can change now) is put back rather than deleted.
    const aside = privateName(lockPath, 'stale');
    try {
      await fs.rename(lockPath, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'done';
      throw e;
    }
    if (!sameLock(await readLock(aside), stale)) await fs.link(aside, lockPath).catch(() => undefined);
    await fs.rm(aside, { force: true });
    return 'done';
  } finally {
    // Safe to drop: a run that claims these names later finds the stale lock gone.
    for (const c of [claim, ...chain]) await fs.rm(c, { force: true });
  }
}

/** Takes the lock; returns its text, by which the release knows the lock is still its own. */
async function acquire(lockPath: string, opts: LockOptions): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? 3000;
  const pollMs = opts.pollMs ?? 100;
  const start = Date.now();
  const me: LockInfo = { pid: process.pid, since: new Date().toISOString(), host: os.hostname(), nonce: randomUUID() };
  const text = JSON.stringify(me);
  for (;;) {
    let held: HeldLock | null;
    try {
      if (await linkNew(lockPath, text)) return text;
      held = await readLock(lockPath);
      if (held === null) continue; // released between our link and our read: try again at once
      const stale = held.info
        ? held.info.host === me.host && !isAlive(held.info.pid)
        : // An empty lock (older versions created it before writing): its writer died, or is writing now.
          Date.now() - held.mtimeMs > EMPTY_LOCK_STALE_MS;
      if (stale && (await takeOver(lockPath, held, me, opts.hooks)) === 'done') continue;
    } catch (e) {
      throw new EnvironmentError(`cannot lock the journal ${lockPath} (${(e as Error).message})`);
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

/**
 * fsync of a folder, so that a file (or folder) just created in it survives a power cut: the
 * file's own fsync does not make its name durable. Where folders cannot be opened or synced
 * (Windows), there is nothing more to do.
 */
async function syncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await fs.open(dir, 'r');
    await fh.sync();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EACCES') throw e;
  } finally {
    await fh?.close();
  }
}

/** Appends complete lines in one write, after a newline if the file ends with a torn line. */
async function appendLines(file: string, entries: readonly JournalEntry[]): Promise<void> {
  if (entries.length === 0) return;
  let needsNewline = false;
  let created = false;
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
    created = true;
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
  if (created) await syncDir(path.dirname(file));
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
  const dir = path.dirname(file);
  try {
    // Folders created here (`.dunning/`) are made durable too: each in its parent.
    const first = await fs.mkdir(dir, { recursive: true });
    if (first !== undefined) {
      for (let d = dir; ; d = path.dirname(d)) {
        await syncDir(path.dirname(d));
        if (d === first || path.dirname(d) === d) break;
      }
    }
  } catch (e) {
    throw new EnvironmentError(`cannot create the journal folder ${dir} (${(e as Error).message})`);
  }
  const lockPath = `${file}.lock`;
  const mine = await acquire(lockPath, opts);
  try {
    return await fn(async (entries) => {
      try {
        await appendLines(file, entries);
      } catch (e) {
        throw new EnvironmentError(`cannot write the journal ${file} (${(e as Error).message})`);
      }
    });
  } finally {
    // Only our own lock: never another run's, should ours have been replaced by hand.
    const now = await readLock(lockPath).catch(() => null);
    if (now?.text === mine) await fs.rm(lockPath, { force: true });
  }
}

/** The fields every entry shares, with a fresh id; `now` is the clock read at the edge. */
export function entryBase(now: Date): { v: typeof JOURNAL_VERSION; id: string; recordedAt: string } {
  return { v: JOURNAL_VERSION, id: randomUUID(), recordedAt: now.toISOString() };
}
