/**
 * LedgerEntry records for customer-account lines. Strings are copied (or interned when they
 * repeat: customers, names, journals) so that an entry never pins the 1 MB decoded block its
 * fields were sliced from: memory is the entries', not the file's.
 */
import type { Cents } from '../../model/money.js';
import { foundExpected } from '../../model/problems.js';
import type { IsoDate, LedgerEntry } from '../../model/types.js';
import { hasLatin1Diff, latin1ToIso885915 } from './decode.js';
import type { FecHeader } from './header.js';
import { JournalKinds } from './journals.js';
import type { CappedProblems } from './problem-cap.js';
import { dateNumToIso, isBlank, parseFecDateNum } from './values.js';

export class CustomerEntries {
  readonly entries: LedgerEntry[] = [];
  readonly usedLetters = new Map<string, Set<string>>();
  /** The current block was decoded as latin1: kept strings need the ISO-8859-15 fix. */
  latin1 = false;
  private fixLine = false;
  private readonly journals: JournalKinds;
  /** `<file>:`, shared by every id (a fresh template string per entry would be 3 objects). */
  private readonly idPrefix: string;
  private readonly isoCache = new Map<number, IsoDate>();
  private readonly strings = new Map<string, string>();
  private readonly lastRaw: (string | undefined)[] = new Array<string | undefined>(7).fill(undefined);
  private readonly lastVal: string[] = new Array<string>(7).fill('');
  private lastJournal = '\u0000';
  private lastJournalLib = '';
  private lastKinds = { opening: false, sales: false };

  constructor(private readonly file: string, salesJournals: readonly string[] | undefined, private readonly problems: CappedProblems) {
    this.journals = new JournalKinds(salesJournals);
    this.idPrefix = `${file}:`;
  }

  /** Adds the customer line `line` (fields `f`, text `raw`); `net` is Debit − Credit in cents. */
  add(f: readonly string[], h: FecHeader, raw: string, account: string, net: number, ecritureDate: number, line: number): void {
    const c = h.columns;
    // Copies, so an entry never pins the decoded block its fields were sliced from.
    const get = (i: number): string => (i >= 0 ? this.keep(f[i]!.trim()) : '');
    // Latin1-decoded text needs the ISO-8859-15 fix only on the rare lines with € œ Œ Š š Ž ž Ÿ.
    this.fixLine = this.latin1 && hasLatin1Diff(raw);
    if (net === 0) {
      this.problems.add('zero', 'warning', line, foundExpected('0,00', 'a debit or a credit on a customer line: no document is made from it'));
      return;
    }
    const pieceDate = c.PieceDate >= 0 ? parseFecDateNum(f[c.PieceDate]!) : 0;
    const dateNum = pieceDate > 0 ? pieceDate : ecritureDate;
    if (dateNum <= 0) {
      this.problems.add('nodate', 'error', line, foundExpected(`${get(c.PieceDate)}`, 'a PieceDate or an EcritureDate AAAAMMJJ on a customer line'), c.PieceDate >= 0 ? h.names[c.PieceDate] : undefined);
      return;
    }
    const aux = this.memo(f, c.CompAuxNum, 0);
    const customer = aux !== '' ? aux : this.intern(account);
    const customerName = (aux !== '' ? this.memo(f, c.CompAuxLib, 1) : '') || this.memo(f, c.CompteLib, 2);
    // Lettering codes are mostly distinct (one per group): copied, not interned.
    const letter = c.EcritureLet >= 0 && !isBlank(f[c.EcritureLet]!) ? get(c.EcritureLet) : '';
    const letterDateNum = c.DateLet >= 0 ? parseFecDateNum(f[c.DateLet]!) : 0;
    const journal = this.memo(f, c.JournalCode, 4);
    const journalLib = this.memo(f, c.JournalLib, 5);
    if (journal !== this.lastJournal || journalLib !== this.lastJournalLib) {
      this.lastKinds = this.journals.of(journal, journalLib);
      this.lastJournal = journal;
      this.lastJournalLib = journalLib;
    }
    const kinds = this.lastKinds;
    const side = net > 0 ? 'debit' : 'credit';
    if (letter !== '') {
      let used = this.usedLetters.get(customer);
      if (!used) this.usedLetters.set(customer, (used = new Set()));
      used.add(letter);
    }
    this.entries.push({
      id: this.idPrefix + line,
      source: { file: this.file, line },
      customer,
      customerName,
      account: customer === account ? customer : this.memo(f, c.CompteNum, 3),
      kind: side === 'debit' ? 'invoice' : kinds.sales ? 'credit_note' : 'payment',
      side,
      amount: Math.abs(net) as Cents,
      ref: get(c.PieceRef),
      date: this.iso(dateNum),
      dueDate: null,
      label: get(c.EcritureLib),
      journal,
      entryNum: get(c.EcritureNum),
      letter: letter === '' ? null : letter,
      letterDate: letterDateNum > 0 ? this.iso(letterDateNum) : null,
      explicitInvoice: null,
      opening: kinds.opening,
      currency: this.memo(f, c.Idevise, 6) || 'EUR',
    });
  }

  /**
   * Column `i` of a customer line, interned; slot `k` remembers the last raw value, which
   * consecutive lines very often repeat (journal, account name, empty lettering).
   */
  private memo(f: readonly string[], i: number, k: number): string {
    if (i < 0) return '';
    const raw = f[i]!;
    if (raw === this.lastRaw[k]) return this.lastVal[k]!;
    const v = isBlank(raw) ? '' : this.intern(raw.trim());
    this.lastRaw[k] = raw;
    this.lastVal[k] = v;
    return v;
  }

  /** One copy per distinct value (customers, names, journals repeat on every line). */
  private intern(s: string): string {
    // A short slice is already a copy of its own (V8 slices only from 13 chars): no lookup.
    if (s.length < 13) return this.keep(s);
    let v = this.strings.get(s);
    if (v === undefined) {
      v = this.keep(s);
      this.strings.set(own(s), v);
    }
    return v;
  }

  private keep(s: string): string {
    return this.fixLine ? latin1ToIso885915(own(s)) : own(s);
  }

  private iso(n: number): IsoDate {
    let d = this.isoCache.get(n);
    if (d === undefined) this.isoCache.set(n, (d = dateNumToIso(n)));
    return d;
  }

}

/**
 * A string that does not share memory with the 1 MB block it was sliced from (V8 keeps the
 * parent of a sliced string alive): concatenation then slice flattens into a new string.
 */
function own(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

