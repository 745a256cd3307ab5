import { mkdtempSync, readFileSync, writeFileSync, existsSync, appendFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readJournal, withJournalLock } from '../../src/io/journal.js';
import { isTruncatedJson, parseJournal } from '../../src/io/journal-parse.js';
import { EnvironmentError } from '../../src/model/errors.js';
import type { JournalEntry } from '../../src/model/journal.js';
import { call, letter } from '../policy/builders.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'dunning-journal-'));
const line = (e: JournalEntry) => `${JSON.stringify(e)}\n`;

describe('parseJournal', () => {
  const a = call('2026-10-20', 'C1', [], 'reached');
  const b = letter('2026-10-27', 'C1', 'reminder');

  it('reads one entry per line', () => {
    const r = parseJournal(line(a) + line(b), 'j.jsonl');
    expect(r.entries).toEqual([a, b]);
    expect(r.problems).toEqual([]);
  });

  it('reports a torn last line as a warning with file:line and reads the rest', () => {
    const torn = line(b).slice(0, 40);
    const r = parseJournal(line(a) + torn, 'j.jsonl');
    expect(r.entries).toEqual([a]);
    expect(r.problems).toEqual([
      { severity: 'warning', source: { file: 'j.jsonl', line: 2 }, message: 'torn last line (a run stopped while writing it), left as is and ignored' },
    ]);
  });

  it('reports a torn line followed by later appends as a warning, not an error', () => {
    const r = parseJournal(`${line(a)}${line(b).slice(0, 30)}\n${line(b)}`, 'j.jsonl');
    expect(r.entries).toEqual([a, b]);
    expect(r.problems.map((p) => [p.severity, p.source?.line, p.message])).toEqual([
      ['warning', 2, 'torn line (a run stopped while writing it; later entries were appended after it), left as is and ignored'],
    ]);
  });

  it('reports an invalid line in the middle as an error with file:line', () => {
    const r = parseJournal(`${line(a)}not json\n${line(b)}`, 'j.jsonl');
    expect(r.entries).toEqual([a, b]);
    expect(r.problems).toEqual([{ severity: 'error', source: { file: 'j.jsonl', line: 2 }, message: 'found "not json", expected one JSON entry per line' }]);
  });

  it('reports an entry of another format version', () => {
    const r = parseJournal(line({ ...a, v: 2 } as unknown as JournalEntry), 'j.jsonl');
    expect(r.problems[0]!.message).toBe('found "v": 2, expected 1 (a journal written by another version of dunning?)');
    expect(r.problems[0]!.severity).toBe('error');
  });

  it('reports an entry of the right version with a bad field', () => {
    const r = parseJournal(line({ ...a, date: '20/10/2026' } as unknown as JournalEntry), 'j.jsonl');
    expect(r.problems[0]!.message).toBe('found "date": "20/10/2026", expected a date YYYY-MM-DD');
  });

  it('accepts a UTF-8 BOM and CRLF line ends (a journal saved by a Windows editor)', () => {
    const r = parseJournal(`\uFEFF${JSON.stringify(a)}\r\n${JSON.stringify(b)}\r\n`, 'j.jsonl');
    expect(r.problems).toEqual([]);
    expect(r.entries).toEqual([a, b]);
  });

  it('accepts a complete last entry without its newline, and skips blank lines', () => {
    expect(parseJournal(`\n${line(a)}\n${JSON.stringify(b)}`, 'j').entries).toEqual([a, b]);
  });

  it('isTruncatedJson: prefixes of an object, not complete or foreign text', () => {
    const full = JSON.stringify({ a: 'x}"\\', b: [1, { c: 2 }] });
    for (let i = 1; i < full.length; i++) expect(isTruncatedJson(full.slice(0, i))).toBe(true);
    expect(isTruncatedJson(full)).toBe(false);
    expect(isTruncatedJson('hello')).toBe(false);
    expect(isTruncatedJson('{"a":]')).toBe(false);
  });
});

describe('readJournal', () => {
  it('reads a missing file as an empty journal', async () => {
    expect(await readJournal(path.join(tmp(), 'none.jsonl'))).toEqual({ entries: [], problems: [] });
  });

  it('reads a file starting with a BOM, and appends after it', async () => {
    const file = path.join(tmp(), 'bom.jsonl');
    const a = call('2026-10-20', 'C1');
    const b = call('2026-10-21', 'C1');
    writeFileSync(file, `\uFEFF${JSON.stringify(a)}\r\n`);
    await withJournalLock(file, (append) => append([b]));
    expect(await readJournal(file)).toEqual({ entries: [a, b], problems: [] });
  });
});

describe('withJournalLock', () => {
  it('creates the folder, appends complete lines, and releases the lock', async () => {
    const file = path.join(tmp(), 'sub', '.dunning', 'journal.jsonl');
    const a = call('2026-10-20', 'C1');
    const b = call('2026-10-21', 'C1');
    const out = await withJournalLock(file, async (append) => {
      expect(existsSync(`${file}.lock`)).toBe(true);
      await append([a]);
      await append([b]);
      return 42;
    });
    expect(out).toBe(42);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(line(a) + line(b));
  });

  it('releases the lock when fn throws', async () => {
    const file = path.join(tmp(), 'journal.jsonl');
    await expect(withJournalLock(file, async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('starts on a new line after a torn last line, which is left as is', async () => {
    const file = path.join(tmp(), 'journal.jsonl');
    const a = call('2026-10-20', 'C1');
    const b = call('2026-10-21', 'C1');
    const torn = line(b).slice(0, 25);
    writeFileSync(file, line(a) + torn);
    await withJournalLock(file, (append) => append([b]));
    expect(readFileSync(file, 'utf8')).toBe(`${line(a)}${torn}\n${line(b)}`);
    const r = await readJournal(file);
    expect(r.entries).toEqual([a, b]);
    expect(r.problems.map((p) => p.severity)).toEqual(['warning']);
  });

  it('fails with exit 3 naming the holder when another run keeps the lock', async () => {
    const file = path.join(tmp(), 'journal.jsonl');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const first = withJournalLock(file, async () => { entered(); await held; });
    await inside;
    const second = withJournalLock(file, async () => 'never', { timeoutMs: 200, pollMs: 20 });
    await expect(second).rejects.toBeInstanceOf(EnvironmentError);
    await expect(second).rejects.toMatchObject({ exitCode: 3 });
    await expect(second).rejects.toThrow(new RegExp(`^journal ${file.replace(/[.]/g, '\\.')} is locked by another run \\(pid ${process.pid} since \\d{4}-`));
    release();
    await first;
    await expect(withJournalLock(file, async () => 'ok', { timeoutMs: 200 })).resolves.toBe('ok');
  });

  it('waits for a run that releases the lock within the timeout, then appends after it', async () => {
    const file = path.join(tmp(), 'journal.jsonl');
    const a = call('2026-10-20', 'C1');
    const b = call('2026-10-21', 'C1');
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const first = withJournalLock(file, async (append) => {
      entered();
      await new Promise((r) => setTimeout(r, 150));
      await append([a]);
    });
    await inside;
    const t0 = Date.now();
    await withJournalLock(file, (append) => append([b]), { timeoutMs: 3000, pollMs: 20 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100); // it did wait for the first run
    await first;
    expect(readFileSync(file, 'utf8')).toBe(line(a) + line(b));
  });

  it('takes over a lock left by a process that is dead', async () => {
    const file = path.join(tmp(), 'journal.jsonl');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const { hostname } = await import('node:os');
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: Number(dead.stdout), since: '2026-01-01T00:00:00.000Z', host: hostname() }));
    await expect(withJournalLock(file, async () => 'ok', { timeoutMs: 200 })).resolves.toBe('ok');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('waits for an empty lock (a run starting) and then fails', async () => {
    const file = path.join(tmp(), 'journal.jsonl');
    appendFileSync(`${file}.lock`, '');
    await expect(withJournalLock(file, async () => 'x', { timeoutMs: 150, pollMs: 20 })).rejects.toThrow(/locked by another run \(a run that is starting\)/);
  });

  it('takes over an empty lock older than 10 seconds (its run died while creating it)', async () => {
    const file = path.join(tmp(), 'journal.jsonl');
    appendFileSync(`${file}.lock`, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    await expect(withJournalLock(file, async () => 'ok', { timeoutMs: 150, pollMs: 20 })).resolves.toBe('ok');
  });
});
