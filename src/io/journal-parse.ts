/**
 * Parsing the journal's JSON Lines, apart from the file I/O so it can be tested on strings.
 * A line cut short by a crash mid-write (a "torn" line) is a warning, left in the file and
 * ignored; any other bad line is an error naming file:line.
 */
import { STEP_IDS } from '../config/schema.js';
import { parseIsoDate } from '../model/dates.js';
import { JOURNAL_VERSION, type JournalEntry } from '../model/journal.js';
import { error, warning } from '../model/problems.js';
import type { Problem } from '../model/types.js';

export interface JournalRead {
  readonly entries: JournalEntry[];
  /** A torn last line, an unknown version…: reported, never fatal to reading the rest. */
  readonly problems: Problem[];
}

const TYPES = ['call', 'letter', 'promise', 'dispute', 'resolve', 'hold', 'note', 'litigation'] as const;
const OUTCOMES = ['reached', 'no_answer', 'promise'];

/**
 * True when `line` is the beginning of a JSON object that stops before its end: what a write
 * interrupted by a crash or a kill leaves. Checks strings, escapes and bracket nesting only.
 */
export function isTruncatedJson(line: string): boolean {
  if (!line.startsWith('{')) return false;
  const stack: string[] = [];
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') stack.push(ch);
    else if (ch === '}' || ch === ']') {
      const open = stack.pop();
      if ((ch === '}' && open !== '{') || (ch === ']' && open !== '[')) return false;
      if (stack.length === 0) return false; // the object closed: not cut short
    }
  }
  return true;
}

const str = (o: Record<string, unknown>, k: string): boolean => typeof o[k] === 'string';
const date = (o: Record<string, unknown>, k: string): boolean => typeof o[k] === 'string' && parseIsoDate(o[k] as string) === o[k];

/** Checks one parsed line; returns what is wrong, or null. */
export function entryShapeError(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'expected a JSON object';
  const o = raw as Record<string, unknown>;
  if (o.v !== JOURNAL_VERSION) {
    return `found "v": ${JSON.stringify(o.v ?? null)}, expected ${JOURNAL_VERSION} (a journal written by another version of dunning?)`;
  }
  if (!TYPES.includes(o.type as (typeof TYPES)[number])) return `found "type": ${JSON.stringify(o.type ?? null)}, expected one of ${TYPES.join(', ')}`;
  if (!str(o, 'id')) return 'expected "id", a string';
  if (!date(o, 'date')) return `found "date": ${JSON.stringify(o.date ?? null)}, expected a date YYYY-MM-DD`;
  if (!str(o, 'recordedAt')) return 'expected "recordedAt", a timestamp string';
  if (!str(o, 'customer')) return 'expected "customer", a string';
  if (!Array.isArray(o.invoices) || !o.invoices.every((d) => typeof d === 'object' && d !== null && str(d, 'number') && str(d, 'key'))) {
    return 'expected "invoices", a list of { "number", "key" }';
  }
  if (o.note !== undefined && !str(o, 'note')) return 'expected "note", a string';
  switch (o.type) {
    case 'call':
      if (o.outcome !== undefined && !OUTCOMES.includes(o.outcome as string)) return `found "outcome": ${JSON.stringify(o.outcome)}, expected one of ${OUTCOMES.join(', ')}`;
      break;
    case 'letter':
      if (!STEP_IDS.includes(o.step as (typeof STEP_IDS)[number]) || o.step === 'call') return `found "step": ${JSON.stringify(o.step ?? null)}, expected a letter step`;
      if (!str(o, 'file') || !str(o, 'amount')) return 'expected "file" and "amount", strings';
      break;
    case 'promise':
      if (!date(o, 'until')) return `found "until": ${JSON.stringify(o.until ?? null)}, expected a date YYYY-MM-DD`;
      if (o.amount !== undefined && !str(o, 'amount')) return 'expected "amount", a string';
      break;
    case 'hold':
      if (!date(o, 'until')) return `found "until": ${JSON.stringify(o.until ?? null)}, expected a date YYYY-MM-DD`;
      if (o.scope !== 'customer' && o.scope !== 'invoice') return `found "scope": ${JSON.stringify(o.scope ?? null)}, expected customer or invoice`;
      break;
  }
  return null;
}

/** Parses the whole text of a journal; `file` names it in problems. */
export function parseJournal(input: string, file: string): JournalRead {
  // A journal edited by hand in a Windows editor may start with a UTF-8 BOM (and have CRLF
  // line ends, which JSON.parse takes as whitespace): the BOM is not part of the first entry.
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const entries: JournalEntry[] = [];
  const problems: Problem[] = [];
  const lines = text.split('\n');
  const complete = text.endsWith('\n') || text === '';
  if (complete) lines.pop(); // the empty string after the final newline
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    const isLast = i === lines.length - 1;
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      if (isLast && !complete) {
        problems.push(warning('torn last line (a run stopped while writing it), left as is and ignored', { file, line: lineNo }));
      } else if (isTruncatedJson(line)) {
        problems.push(warning('torn line (a run stopped while writing it; later entries were appended after it), left as is and ignored', { file, line: lineNo }));
      } else {
        problems.push(error(`found ${JSON.stringify(line.length > 60 ? `${line.slice(0, 60)}…` : line)}, expected one JSON entry per line`, { file, line: lineNo }));
      }
      return;
    }
    const wrong = entryShapeError(raw);
    if (wrong) problems.push(error(wrong, { file, line: lineNo }));
    else entries.push(raw as JournalEntry);
  });
  return { entries, problems };
}
