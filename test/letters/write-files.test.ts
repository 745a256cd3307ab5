/** All or nothing on disk: what a failure after some files were moved leaves behind. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitLetters } from '../../src/cli/letters-run.js';
import { readJournal, withJournalLock } from '../../src/io/journal.js';
import { readManifestRuns, removeCreatedDirs, writeAllOrNothing, type OutFile } from '../../src/letters/write-files.js';
import { EnvironmentError, InputError } from '../../src/model/errors.js';
import type { JournalEntry } from '../../src/model/journal.js';

function folder(): { root: string; out: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'dunning-write-'));
  const out = path.join(root, 'letters');
  mkdirSync(out);
  writeFileSync(path.join(out, 'manifest.json'), 'the earlier manifest');
  return { root, out };
}

const files: OutFile[] = [
  { name: 'a.pdf', bytes: 'A' },
  { name: 'b.pdf', bytes: 'B' },
  { name: 'manifest.json', bytes: 'the new manifest', replace: true },
];

const letter = (id: string): JournalEntry => ({
  v: 1, id, date: '2026-11-30' as never, recordedAt: '2026-11-30T08:00:00.000Z', customer: 'C1', invoices: [], type: 'letter', step: 'reminder', file: 'a.pdf', amount: '1.00',
});

describe('writeAllOrNothing', () => {
  it('moves every file into place, then commits', async () => {
    const { out } = folder();
    let seen: string[] = [];
    await writeAllOrNothing(out, 'letters', files, async () => {
      seen = readdirSync(out).sort();
    });
    expect(seen).toEqual(['a.pdf', 'b.pdf', 'manifest.json']);
    expect(readFileSync(path.join(out, 'manifest.json'), 'utf8')).toBe('the new manifest');
  });

  it('a journal append that fails after every file was moved: no letter, the manifest as it was, no journal entry, no temporary folder', async () => {
    const { root, out } = folder();
    const journal = path.join(root, 'journal.jsonl');
    await withJournalLock(journal, (append) => append([letter('earlier')]));
    const before = (await readJournal(journal)).entries;
    const run = commitLetters(journal, before, [letter('mine')], () => journal, () =>
      writeAllOrNothing(out, 'letters', files, async () => {
        expect(readdirSync(out).sort()).toEqual(['a.pdf', 'b.pdf', 'manifest.json']); // all moved by now
        throw new EnvironmentError('cannot write the journal (ENOSPC)');
      }),
    );
    await expect(run).rejects.toThrow('cannot write the journal (ENOSPC)');
    expect(readdirSync(out)).toEqual(['manifest.json']);
    expect(readFileSync(path.join(out, 'manifest.json'), 'utf8')).toBe('the earlier manifest');
    expect((await readJournal(journal)).entries.map((e) => e.id)).toEqual(['earlier']);
    expect(readdirSync(root).sort()).toEqual(['journal.jsonl', 'letters']);
  });

  it('a move that fails half-way (here: the second copy of a name is already gone) undoes the moves before it, exit 3', async () => {
    const { root, out } = folder();
    let committed = false;
    const run = writeAllOrNothing(out, 'letters', [...files, { name: 'a.pdf', bytes: 'again' }], async () => {
      committed = true;
    });
    await expect(run).rejects.toBeInstanceOf(EnvironmentError);
    await expect(run).rejects.toThrow('cannot write the letters to letters (ENOENT)');
    expect(committed).toBe(false);
    expect(readdirSync(out)).toEqual(['manifest.json']);
    expect(readFileSync(path.join(out, 'manifest.json'), 'utf8')).toBe('the earlier manifest');
    expect(readdirSync(root)).toEqual(['letters']);
  });

  it('refuses, before moving anything, a letter that appeared meanwhile (exit 2)', async () => {
    const { out } = folder();
    writeFileSync(path.join(out, 'b.pdf'), 'another run');
    await expect(writeAllOrNothing(out, 'letters', files, async () => undefined)).rejects.toBeInstanceOf(InputError);
    expect(readdirSync(out).sort()).toEqual(['b.pdf', 'manifest.json']);
    expect(readFileSync(path.join(out, 'b.pdf'), 'utf8')).toBe('another run');
  });
});

describe('removeCreatedDirs', () => {
  it('removes the folders created, up to the first, only while empty', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'dunning-rmdirs-'));
    mkdirSync(path.join(root, 'a/b/c'), { recursive: true });
    await removeCreatedDirs(path.join(root, 'a/b/c'), path.join(root, 'a'));
    expect(readdirSync(root)).toEqual([]);
    mkdirSync(path.join(root, 'x/y'), { recursive: true });
    writeFileSync(path.join(root, 'x/other'), 'x');
    await removeCreatedDirs(path.join(root, 'x/y'), path.join(root, 'x'));
    expect(readdirSync(path.join(root, 'x'))).toEqual(['other']);
    await removeCreatedDirs(path.join(root, 'x'), null);
    expect(readdirSync(root)).toEqual(['x']);
  });
});

describe('readManifestRuns', () => {
  it('is empty without a manifest, and exit 2 for one it cannot read', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'dunning-manifest-'));
    expect(readManifestRuns(root, 'out')).toEqual([]);
    writeFileSync(path.join(root, 'manifest.json'), '[]');
    expect(() => readManifestRuns(root, 'out')).toThrow(InputError);
    expect(() => readManifestRuns(root, 'out')).toThrow(/^out\/manifest\.json: not a dunning manifest/);
  });
});
