/**
 * Two `letters` runs at once: each plans from the journal it read, prints (which takes a
 * while), then commits under the lock. The commit re-reads the journal, so the second run
 * cannot send a letter the first one has just journalled.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedCustomers, commitLetters } from '../../src/cli/letters-run.js';
import { readJournal, withJournalLock } from '../../src/io/journal.js';
import { EnvironmentError } from '../../src/model/errors.js';
import type { JournalEntry } from '../../src/model/journal.js';
import type { IsoDate } from '../../src/model/types.js';

const DAY = '2026-11-30' as IsoDate;
const entry = (id: string, customer: string, type: 'letter' | 'note' = 'note'): JournalEntry =>
  type === 'letter'
    ? { v: 1, id, date: DAY, recordedAt: '2026-11-30T08:00:00.000Z', customer, invoices: [{ number: 'F1', key: 'k1' }], type, step: 'reminder', file: `/out/${id}.pdf`, amount: '100.00' }
    : { v: 1, id, date: DAY, recordedAt: '2026-11-30T08:00:00.000Z', customer, invoices: [], type };

const journalFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'dunning-commit-')), 'journal.jsonl');
const ids = async (file: string) => (await readJournal(file)).entries.map((e) => e.id);

describe('changedCustomers', () => {
  it('names our customers with an entry the first read did not have, sorted, once each', () => {
    const before = [entry('a', 'C1'), entry('b', 'C2')];
    const after = [...before, entry('c', 'C3'), entry('d', 'C2', 'letter'), entry('e', 'C1'), entry('f', 'C2')];
    expect(changedCustomers(before, after, new Set(['C2', 'C1', 'C4']))).toEqual(['C1', 'C2']);
  });

  it('is empty when nothing was added, or only for other customers', () => {
    const before = [entry('a', 'C1')];
    expect(changedCustomers(before, before, new Set(['C1']))).toEqual([]);
    expect(changedCustomers(before, [...before, entry('b', 'C9')], new Set(['C1']))).toEqual([]);
  });
});

describe('commitLetters', () => {
  it('appends the letters when the journal is as it was read', async () => {
    const file = journalFile();
    await withJournalLock(file, (append) => append([entry('old', 'C1')]));
    const before = (await readJournal(file)).entries;
    const mine = [entry('mine', 'C1', 'letter')];
    await commitLetters(file, before, mine, () => file, (append) => append(mine));
    expect(await ids(file)).toEqual(['old', 'mine']);
  });

  it('still commits when another run journalled only other customers meanwhile', async () => {
    const file = journalFile();
    const before = (await readJournal(file)).entries;
    await withJournalLock(file, (append) => append([entry('other-run', 'C2', 'letter')]));
    const mine = [entry('mine', 'C1', 'letter')];
    await commitLetters(file, before, mine, () => file, (append) => append(mine));
    expect(await ids(file)).toEqual(['other-run', 'mine']);
  });

  it('refuses (exit 3), writes and appends nothing, when another run journalled one of its customers meanwhile', async () => {
    const file = journalFile();
    const before = (await readJournal(file)).entries;
    // The other run printed faster and journalled its letter to C1 first.
    await withJournalLock(file, (append) => append([entry('first-run', 'C1', 'letter')]));
    const mine = [entry('mine-1', 'C1', 'letter'), entry('mine-2', 'C5', 'letter')];
    let wrote = false;
    const run = commitLetters(file, before, mine, () => 'journal.jsonl', async (append) => {
      wrote = true;
      await append(mine);
    });
    await expect(run).rejects.toBeInstanceOf(EnvironmentError);
    await expect(run).rejects.toThrow(/journal\.jsonl changed for C1 while the letters were printing .*nothing was written/);
    expect(wrote).toBe(false);
    expect(await ids(file)).toEqual(['first-run']);
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
  });
});
