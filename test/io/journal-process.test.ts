/**
 * The journal under real processes: a writer killed mid-write, two writers at once, a lock
 * held by another process. Children run the built module (dist/), built once here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readJournal, withJournalLock } from '../../src/io/journal.js';
import { EnvironmentError } from '../../src/model/errors.js';

const root = path.resolve(__dirname, '../..');
const dist = pathToFileURL(path.join(root, 'dist/io/journal.js')).href;
const tmp = () => mkdtempSync(path.join(tmpdir(), 'dunning-journal-proc-'));

/** A child that appends entries `<tag>-<n>` one batch at a time, each under the lock. */
const WRITER = `
import { withJournalLock } from ${JSON.stringify(dist)};
const [file, tag, countRaw, batchRaw] = process.argv.slice(2);
const count = Number(countRaw), batch = Number(batchRaw);
const note = 'x'.repeat(2000); // long lines: more chances for a kill to land inside a write
let n = 0;
while (count === 0 || n < count) {
  await withJournalLock(file, async (append) => {
    const entries = [];
    for (let k = 0; k < batch; k++, n++) {
      entries.push({ v: 1, id: tag + '-' + n, date: '2026-11-02', recordedAt: new Date().toISOString(), customer: 'C1', invoices: [], type: 'note', note });
    }
    await append(entries);
  }, { timeoutMs: 60000, pollMs: 5 });
  if (n === batch) process.stdout.write('started\\n');
}
`;

/** A child that takes the lock, says so, and keeps it until killed. */
const HOLDER = `
import { withJournalLock } from ${JSON.stringify(dist)};
await withJournalLock(process.argv[2], async () => { process.stdout.write('locked\\n'); await new Promise(() => setInterval(() => {}, 1000)); });
`;

function script(dir: string, name: string, text: string): string {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
}

const waitFor = (child: ChildProcess, word: string) =>
  new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes(word)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before "${word}"`)));
  });

const exited = (child: ChildProcess) => new Promise<number | null>((r) => child.on('exit', (code) => r(code)));

describe('journal across processes', () => {
  it('a writer killed mid-write leaves every complete line readable, at most one torn line, and appends go on', async () => {
    const dir = tmp();
    const file = path.join(dir, 'journal.jsonl');
    const writer = script(dir, 'writer.mjs', WRITER);
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, [writer, file, `k${round}`, '0', '7'], { stdio: ['ignore', 'pipe', 'inherit'] });
      await waitFor(child, 'started');
      const sizeBefore = statSync(file).size;
      while (statSync(file).size < sizeBefore + 200_000) await new Promise((r) => setTimeout(r, 5));
      child.kill('SIGKILL');
      await exited(child);

      const r = await readJournal(file);
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      // Each round's ids are consecutive from 0: nothing lost among the complete lines, no duplicate.
      const ids = r.entries.filter((e) => e.id.startsWith(`k${round}-`)).map((e) => Number(e.id.split('-')[1]));
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toEqual(ids.map((_, i) => i));
      // Every torn line is a warning; at most one new one per kill.
      expect(r.problems.length).toBeLessThanOrEqual(round + 1);
    }
    // A later run (the killed one left its lock behind: dead pid) appends after all that.
    await withJournalLock(file, (append) =>
      append([{ v: 1, id: 'after', date: '2026-11-03' as never, recordedAt: 'now', customer: 'C1', invoices: [], type: 'note' }]),
    );
    const r = await readJournal(file);
    expect(r.entries.at(-1)!.id).toBe('after');
    expect(r.entries.filter((e) => e.id === 'after')).toHaveLength(1);
    expect(r.problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('two writers at once: all entries present, none interleaved, each in its own order', async () => {
    const dir = tmp();
    const file = path.join(dir, '.dunning', 'journal.jsonl');
    const writer = script(dir, 'writer.mjs', WRITER);
    const n = 150;
    const a = spawn(process.execPath, [writer, file, 'A', String(n), '1'], { stdio: 'ignore' });
    const b = spawn(process.execPath, [writer, file, 'B', String(n), '1'], { stdio: 'ignore' });
    expect(await Promise.all([exited(a), exited(b)])).toEqual([0, 0]);
    const r = await readJournal(file);
    expect(r.problems).toEqual([]);
    expect(r.entries).toHaveLength(2 * n);
    for (const tag of ['A', 'B']) {
      const ids = r.entries.filter((e) => e.id.startsWith(`${tag}-`)).map((e) => Number(e.id.split('-')[1]));
      expect(ids).toEqual([...Array(n).keys()]);
    }
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('a lock held by another live process: exit 3 naming its pid; taken over once it is killed', async () => {
    const dir = tmp();
    const file = path.join(dir, 'journal.jsonl');
    const holder = spawn(process.execPath, [script(dir, 'holder.mjs', HOLDER), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    await waitFor(holder, 'locked');
    const attempt = withJournalLock(file, async () => 'no', { timeoutMs: 300, pollMs: 20 });
    await expect(attempt).rejects.toBeInstanceOf(EnvironmentError);
    await expect(attempt).rejects.toThrow(`is locked by another run (pid ${holder.pid} since `);
    holder.kill('SIGKILL');
    await exited(holder);
    await expect(withJournalLock(file, async () => 'yes', { timeoutMs: 300 })).resolves.toBe('yes');
  });
});
