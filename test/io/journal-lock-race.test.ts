/**
 * Two runs taking over the same stale lock at once (a lock left by a dead process). The
 * interleavings are forced through the lock's test hooks, not timing: the other run is run
 * to completion, or to its failure, at the exact point where it could interfere.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal, withJournalLock } from '../../src/io/journal.js';
import { EnvironmentError } from '../../src/model/errors.js';
import { call } from '../policy/builders.js';

const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

function staleLock(): { dir: string; file: string; lock: string; text: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'dunning-lock-race-'));
  const file = path.join(dir, 'journal.jsonl');
  const text = JSON.stringify({ pid: deadPid(), since: '2026-01-01T00:00:00.000Z', host: hostname() });
  writeFileSync(`${file}.lock`, text);
  return { dir, file, lock: `${file}.lock`, text };
}

/** Starts a run that takes the lock and keeps it until `release()`; resolves once inside. */
async function holder(file: string) {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let entered!: () => void;
  const inside = new Promise<void>((r) => (entered = r));
  const done = withJournalLock(file, async (append) => {
    entered();
    await held;
    await append([call('2026-11-23', 'A')]);
  });
  await inside;
  return { release, done };
}

describe('stale-lock takeover by two runs at once', () => {
  it('B saw the stale lock, A took it over first and holds it: B does not remove A’s live lock', async () => {
    const { file, lock, dir } = staleLock();
    let a!: Awaited<ReturnType<typeof holder>>;
    let lockOfA = '';
    const b = withJournalLock(file, async () => 'B got in', {
      timeoutMs: 0,
      hooks: {
        staleSeen: async () => {
          a = await holder(file);
          lockOfA = readFileSync(lock, 'utf8');
        },
      },
    });
    await expect(b).rejects.toBeInstanceOf(EnvironmentError);
    await expect(b).rejects.toThrow(`is locked by another run (pid ${process.pid} since `);
    // A's lock is still in place, untouched, while A holds it.
    expect(JSON.parse(lockOfA)).toMatchObject({ pid: process.pid });
    expect(readFileSync(lock, 'utf8')).toBe(lockOfA);
    a.release();
    await a.done;
    expect(existsSync(lock)).toBe(false);
    expect((await readJournal(file)).entries.map((e) => e.customer)).toEqual(['A']);
    expect(readdirSync(dir)).toEqual(['journal.jsonl']);
  });

  it('B holds the takeover claim: A waits (here: fails at once) instead of removing the lock too; then B gets in', async () => {
    const { file, lock, dir, text } = staleLock();
    let attempt: Promise<unknown> | undefined;
    const b = withJournalLock(file, async (append) => {
      await append([call('2026-11-23', 'B')]);
      return 'B got in';
    }, {
      timeoutMs: 0,
      hooks: {
        claimed: async () => {
          attempt = withJournalLock(file, async () => 'A got in', { timeoutMs: 0 });
          await attempt.catch(() => undefined);
          // A left the stale lock for B to remove.
          expect(readFileSync(lock, 'utf8')).toBe(text);
        },
      },
    });
    await expect(b).resolves.toBe('B got in');
    await expect(attempt).rejects.toThrow(/is locked by another run/);
    expect((await readJournal(file)).entries.map((e) => e.customer)).toEqual(['B']);
    expect(readdirSync(dir)).toEqual(['journal.jsonl']);
  });

  it('a run that died holding the takeover claim does not block the next one', async () => {
    const { file, lock, dir, text } = staleLock();
    // The claim is named after the stale lock (its text and inode: src/io/journal.ts takeOver).
    const id = createHash('sha256').update(`${text}\0${statSync(lock).ino}`).digest('hex').slice(0, 16);
    writeFileSync(`${lock}.takeover.${id}`, JSON.stringify({ pid: deadPid(), since: '2026-01-01T00:00:01.000Z', host: hostname() }));
    await expect(withJournalLock(file, async () => 'ok', { timeoutMs: 0 })).resolves.toBe('ok');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a live run holding the takeover claim makes the next one wait, then fail with exit 3', async () => {
    const { file, lock, text } = staleLock();
    const id = createHash('sha256').update(`${text}\0${statSync(lock).ino}`).digest('hex').slice(0, 16);
    writeFileSync(`${lock}.takeover.${id}`, JSON.stringify({ pid: process.pid, since: '2026-01-01T00:00:01.000Z', host: hostname() }));
    await expect(withJournalLock(file, async () => 'ok', { timeoutMs: 50, pollMs: 10 })).rejects.toMatchObject({ exitCode: 3 });
    expect(readFileSync(lock, 'utf8')).toBe(text);
  });
});
