/**
 * Rule 2, `reference`: a credit whose label or own reference names an open document of the
 * same customer. Matching is by whole tokens (runs of letters and digits; numbers compared
 * without leading zeros), so `F2026-01` is not found inside `F2026-014`. A document number
 * is looked for as its full token sequence (`FA 220036`, `F2026-014`) and, when it is a short
 * letter prefix followed by a number of 5+ digits, by that number alone (`VIR ... 220036`).
 * Numbers without a digit (`RAN`, `sans`, `VT`) or made only of zeros name nothing, nor does
 * a number shared by more than 50 documents of the customer.
 *
 * A reference is often shared by several documents (a monthly batch `VE 0323`): when a credit
 * names several open documents, it goes to the one whose residual equals the credit (the
 * oldest if several do), else to all of them when they add up to the credit exactly, else,
 * when each named document has a number of its own (the label lists them), to those oldest
 * first; otherwise the match is ambiguous and the credit is left to the next rules.
 */
import type { CustomerBook, OpenCredit, OpenDebit } from './book.js';
import { normaliseRef } from './explicit.js';
import type { Rule } from './rule.js';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** A-Z, a-z, 0-9, or any non-ASCII character that is a letter or a digit. */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}\p{N}]/u.test(text[i]!);
}

/** Upper-cased runs of letters and digits; numbers lose their leading zeros. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text, i)) i++;
    if (i >= n) break;
    const start = i;
    let digits = true;
    while (i < n && isWordChar(text, i)) {
      if (!isDigit(text.charCodeAt(i))) digits = false;
      i++;
    }
    if (digits) {
      let z = start;
      while (z < i - 1 && text.charCodeAt(z) === 48) z++;
      out.push(text.slice(z, i));
    } else {
      out.push(text.slice(start, i).toUpperCase());
    }
  }
  return out;
}

/** The token sequences that name a document number; empty when the number names nothing. */
export function refKeys(ref: string): string[][] {
  const ts = tokens(ref);
  if (!ts.some((t) => /[1-9]/.test(t)) || ts.join('').length < 3) return [];
  const keys = [ts];
  const last = ts[ts.length - 1]!;
  if (ts.length > 1 && /^\d{5,}$/.test(last) && ts.slice(0, -1).every((t) => /^\p{L}{1,5}$/u.test(t))) keys.push([last]);
  if (ts.length === 1) {
    const m = /^\p{L}{1,5}0*(\d{5,})$/u.exec(last);
    if (m) keys.push([m[1]!.replace(/^0+(?=\d)/, '')]);
  }
  return keys;
}

/** A document number shared by more documents than this names none of them. */
const MAX_DOCUMENTS_PER_NUMBER = 50;
/** Longest number looked for, in tokens. */
const MAX_KEY_TOKENS = 6;

/** Token sequence (joined by a space) -> the customer's documents it names. */
type Index = Map<string, OpenDebit[]>;

/**
 * Built on the rule's first use, so after `existing` and `explicit` have run over every
 * credit: only the debits still open then are indexed and counted against
 * MAX_DOCUMENTS_PER_NUMBER. A settled document can take no credit anyway, and counting only
 * open ones makes the rule blind to lettering groups that settled themselves, which `aging`
 * does not even read (io/fec/customer-entries.ts, elision).
 */
function buildIndex(book: CustomerBook): Index {
  const index: Index = new Map();
  for (const debit of book.debits) {
    if (debit.residual <= 0) continue;
    for (const seq of refKeys(debit.entry.ref)) {
      if (seq.length > MAX_KEY_TOKENS) continue;
      const k = seq.join(' ');
      const list = index.get(k);
      if (!list) index.set(k, [debit]);
      else if (list[list.length - 1] !== debit) list.push(debit);
    }
  }
  for (const [k, list] of index) if (list.length > MAX_DOCUMENTS_PER_NUMBER) index.delete(k);
  return index;
}

/** Open documents the credit's label or reference names, in age order. */
function namedDebits(credit: OpenCredit, index: Index): OpenDebit[] {
  const found = new Set<OpenDebit>();
  for (const text of [credit.entry.label, credit.entry.ref]) {
    const ts = tokens(text);
    for (let i = 0; i < ts.length; i++) {
      let k = '';
      for (let n = 1; n <= MAX_KEY_TOKENS && i + n <= ts.length; n++) {
        k = n === 1 ? ts[i]! : `${k} ${ts[i + n - 1]!}`;
        for (const d of index.get(k) ?? []) if (d.residual > 0) found.add(d);
      }
    }
  }
  return [...found].sort((a, b) => a.rank - b.rank);
}

function settleByReference(book: CustomerBook, c: OpenCredit): void {
  const index = book.memo('reference', () => buildIndex(book));
  if (index.size === 0) return;
  const named = namedDebits(c, index);
  if (named.length === 0) return;
  if (named.length === 1) {
    book.allocate(named[0]!, c, c.residual, 'reference');
    return;
  }
  const equal = named.find((d) => d.residual === c.residual);
  if (equal) {
    book.allocate(equal, c, c.residual, 'reference');
    return;
  }
  const total = named.reduce((s, d) => s + d.residual, 0);
  const ownNumbers = new Set(named.map((d) => normaliseRef(d.entry.ref))).size === named.length;
  if (total === c.residual || ownNumbers) {
    book.allocateInOrder(named, c, 'reference');
    return;
  }
  // A shared batch number: a credit note or payment settles a document issued before it, so
  // when only one of the named documents is dated on or before the credit, that is the one.
  const before = named.filter((d) => d.entry.date <= c.entry.date);
  if (before.length === 1) book.allocate(before[0]!, c, c.residual, 'reference');
}

export const referenceRule: Rule = {
  id: 'reference',
  phase: 'links',
  describe: "a credit whose label or reference names an open document's number (whole tokens)",
  apply: settleByReference,
};
