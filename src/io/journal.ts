/** STUB (policy/journal work): the append-only journal file. */
import type { JournalEntry } from '../model/journal.js';
import type { Problem } from '../model/types.js';

export interface JournalRead {
  readonly entries: JournalEntry[];
  /** A torn last line, an unknown version…: reported, never fatal to reading the rest. */
  readonly problems: Problem[];
}

/** A missing file reads as an empty journal. */
export async function readJournal(_path: string): Promise<JournalRead> {
  throw new Error('readJournal: not implemented yet');
}

/**
 * Runs `fn` holding the journal's lock (waits briefly for another run, then EnvironmentError,
 * exit 3). Appends inside `fn` go through `append`, atomically and flushed.
 */
export async function withJournalLock<T>(_path: string, _fn: (append: (entries: readonly JournalEntry[]) => Promise<void>) => Promise<T>): Promise<T> {
  throw new Error('withJournalLock: not implemented yet');
}
