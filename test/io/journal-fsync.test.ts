/**
 * Durability of a new journal: when the file (and its `.dunning/` folder) is created, the
 * folders holding the new names are fsync'ed too, not only the file. Watched through a spy on
 * fs.promises.open: the folder is opened for reading and its handle synced.
 */
import { promises as fsp, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withJournalLock } from '../../src/io/journal.js';
import { call } from '../policy/builders.js';

afterEach(() => vi.restoreAllMocks());

/** The paths opened with flag 'r' whose handle was then synced. */
function watchDirSyncs(): string[] {
  const synced: string[] = [];
  const open = fsp.open.bind(fsp);
  vi.spyOn(fsp, 'open').mockImplementation(async (p, flags, mode) => {
    const fh = await open(p, flags, mode);
    if (flags === 'r') {
      const sync = fh.sync.bind(fh);
      fh.sync = async () => {
        synced.push(String(p));
        return sync();
      };
    }
    return fh;
  });
  return synced;
}

describe('journal creation is durable', () => {
  it('fsyncs the folder of a new journal and the parent of a new .dunning folder; not on later appends', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dunning-fsync-'));
    const file = path.join(root, '.dunning', 'journal.jsonl');
    const synced = watchDirSyncs();
    await withJournalLock(file, (append) => append([call('2026-11-23', 'C1')]));
    expect(synced).toEqual([root, path.join(root, '.dunning')]);
    synced.length = 0;
    await withJournalLock(file, (append) => append([call('2026-11-24', 'C1')]));
    expect(synced).toEqual([]);
  });
});
