/**
 * LedgerEntry records for customer-account lines. Strings are copied (or interned when they
 * repeat: customers, names, journals) so that an entry never pins the 1 MB decoded block its
 * fields were sliced from: memory is the entries', not the file's.
 */
import type { Cents } from '../../model/money.js';
import { foundExpected } from '../../model/problems.js';
import type { IsoDate, LedgerEntry, Source } from '../../model/types.js';
import { hasLatin1Diff, latin1ToIso885915 } from './decode.js';
import type { FecHeader } from './header.js';
import { JournalKinds } from './journals.js';
import type { CappedProblems } from '../problem-cap.js';
import { dateNumToIso, isBlank, parseFecDateNum } from './values.js';
import { blankAt, dateAt, mayTrim } from './ranges.js';
import { HeldLines } from './held-lines.js';

interface KnownText {
  readonly raw: string;
  readonly val: string;
  readonly next: KnownText | undefined;
  /** For a customer number: the name (CompAuxLib) last seen with it, which nearly always repeats. */
  name?: KnownText;
  /** Elision on, for a customer number: its record, so that no line looks it up by id. */
  record?: CustomerRecord;
}

/** Elision on: what the reader keeps per customer. */
interface CustomerRecord {
  readonly seen: CustomerSeen;
  /** Lettering code → group index in HeldLines. */
  readonly groups: Map<string, number>;
}

/** What a customer line's entry is made of, read by `add` (split fields) or `addRange` (in place). */
interface LineValues {
  readonly line: number;
  readonly customer: string;
  readonly customerName: string;
  readonly account: string;
  /** Debit − Credit in cents, never 0. */
  readonly net: number;
  readonly dateNum: number;
  /** '' when the line is not lettered. */
  readonly letter: string;
  readonly letterDateNum: number;
  readonly journal: string;
  readonly journalLib: string;
  readonly ref: string;
  readonly label: string;
  readonly entryNum: string;
  /** '' when the file has no Idevise or it is blank: EUR. */
  readonly currency: string;
}

/** What a customer's lines say of it, for books.ts when some lines make no entry (see `customersSeen`). */
export interface CustomerSeen {
  readonly customer: string;
  /** The first name met that is neither empty nor the id itself, else ''. */
  customerName: string;
  /** The customer's first line. */
  readonly source: Source;
}

export class CustomerEntries {
  entries: LedgerEntry[] = [];
  usedLetters = new Map<string, Set<string>>();
  /** Elision on: lettered lines whose entry is not built yet (null: elision off). */
  private pending: HeldLines | null = null;
  /** Elision on: the as-of date AAAAMMJJ; a group settles itself when it nets to 0 and no line is later. */
  private elideBy = 0;
  /** Elision on: per customer, in the order of first lines. */
  private readonly records = new Map<string, CustomerRecord>();
  /** Elision on: customers in the order of their first lettered line (usedLetters' order). */
  private readonly lettered: CustomerRecord[] = [];
  /** Lines never turned into an entry because their group settles itself by the as-of date. */
  elided = 0;
  /** Building the held-back entries (finish): no holding back, nothing seen twice. */
  private replaying = false;
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
  /** `memoNode` slots: the text last seen per slot (null: none). */
  private readonly rangeNode: (KnownText | null)[] = new Array<KnownText | null>(7).fill(null);
  /** Raw field texts met by `memoAt`, by hash, with their values (chained on collisions). */
  private known = new Map<number, KnownText>();
  /** The current block holds one of the 8 characters where latin1 and ISO-8859-15 differ. */
  private blockDiff = false;
  /** The bytes of the current block when its char offsets are byte offsets (latin1, ASCII), else null. */
  private block: Buffer | null = null;

  /** The next lines come from a block decoded as latin1 or not, with its bytes when offsets match. */
  setBlock(text: string, latin1: boolean, block: Buffer | null): void {
    // A text means another thing once decoded the other way: forget the remembered ones.
    if (latin1 !== this.latin1) {
      this.rangeNode.fill(null);
      this.known = new Map();
    }
    this.latin1 = latin1;
    this.block = block;
    this.blockDiff = latin1 && hasLatin1Diff(text);
  }
  private lastJournal = '\u0000';
  private lastJournalLib = '';
  private lastKinds = { opening: false, sales: false };

  constructor(private readonly file: string, salesJournals: readonly string[] | undefined, private readonly problems: CappedProblems, elideSettledBy?: IsoDate) {
    this.journals = new JournalKinds(salesJournals);
    this.idPrefix = `${file}:`;
    if (elideSettledBy !== undefined) {
      this.pending = new HeldLines();
      this.elideBy = Number(elideSettledBy.replaceAll('-', ''));
    }
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
    if (this.pending !== null && !this.replaying) {
      const r = this.see(this.recordOf(customer, line), customerName);
      if (letter !== '') {
        const i = this.pending.add(this.groupOf(r, letter), dateNum, line, net, ecritureDate, -1, this.latin1, null, 0, 0, own(raw));
        this.pending.accounts.set(i, account);
        return;
      }
    }
    const letterDateNum = c.DateLet >= 0 ? parseFecDateNum(f[c.DateLet]!) : 0;
    this.push({
      line, customer, customerName, net, dateNum, letter, letterDateNum,
      account: customer === account ? customer : this.memo(f, c.CompteNum, 3),
      journal: this.memo(f, c.JournalCode, 4),
      journalLib: this.memo(f, c.JournalLib, 5),
      ref: get(c.PieceRef),
      label: get(c.EcritureLib),
      entryNum: get(c.EcritureNum),
      currency: this.memo(f, c.Idevise, 6),
    });
  }

  /**
   * `add` for a line the parser checked in place (parser.ts `fastLine`): the line is clean
   * (net ≠ 0, a usable date, no problem) and `s`/`e` are its field bounds in `t`. Only the
   * fields an entry keeps become strings; repeated ones (customer, names, journal) come from
   * the memo slots without a string being made. In latin1 text every kept string gets the
   * ISO-8859-15 fix, a no-op unless it holds one of the 8 characters that differ.
   */
  addRange(t: string, s: Int32Array, e: Int32Array, h: FecHeader, net: number, ecritureDate: number, pieceDate: number, line: number, end: number): void {
    const c = h.columns;
    const dateNum = pieceDate > 0 ? pieceDate : ecritureDate;
    const auxNode = this.memoNode(t, s, e, c.CompAuxNum, 0);
    const aux = auxNode === null ? '' : auxNode.val;
    const accountNode = this.memoNode(t, s, e, c.CompteNum, 3);
    const account = accountNode === null ? '' : accountNode.val;
    const customer = aux !== '' ? aux : account;
    let name = '';
    if (aux !== '') {
      // The customer's name as on its previous line, checked in place; else looked up.
      const known = auxNode!.name;
      const from = s[c.CompAuxLib]!;
      const to = e[c.CompAuxLib]!;
      if (c.CompAuxLib >= 0 && known !== undefined && known.raw.length === to - from && t.startsWith(known.raw, from)) name = known.val;
      else {
        const n = this.memoNode(t, s, e, c.CompAuxLib, 1);
        if (n !== null) auxNode!.name = n;
        name = n === null ? '' : n.val;
      }
    }
    const customerName = name || this.memoAt(t, s, e, c.CompteLib, 2);
    const li = c.EcritureLet;
    const letter = li >= 0 && !blankAt(t, s[li]!, e[li]!) ? this.text(t, s[li]!, e[li]!) : '';
    if (this.pending !== null && !this.replaying) {
      const node = (aux !== '' ? auxNode : accountNode)!;
      const r = this.see((node.record ??= this.recordOf(customer, line)), customerName);
      if (letter !== '') {
        const from = s[0]!;
        const b = this.block;
        this.pending.add(this.groupOf(r, letter), dateNum, line, net, ecritureDate, pieceDate, this.latin1, b, from, end, b === null ? own(t.slice(from, end)) : '');
        return;
      }
    }
    const letterDateNum = c.DateLet >= 0 ? dateAt(t, s[c.DateLet]!, e[c.DateLet]!) : 0;
    const pr = c.PieceRef;
    const el = c.EcritureLib;
    const en = c.EcritureNum;
    this.push({
      line, customer, customerName, account, net, dateNum, letter, letterDateNum,
      journal: this.memoAt(t, s, e, c.JournalCode, 4),
      journalLib: this.memoAt(t, s, e, c.JournalLib, 5),
      ref: pr >= 0 ? this.text(t, s[pr]!, e[pr]!) : '',
      label: el >= 0 ? this.text(t, s[el]!, e[el]!) : '',
      entryNum: en >= 0 ? this.text(t, s[en]!, e[en]!) : '',
      currency: this.memoAt(t, s, e, c.Idevise, 6),
    });
  }

  /** The entry of a customer line, from its values read by either path. */
  private push(v: LineValues): void {
    const { customer, journal, journalLib, letter } = v;
    if (journal !== this.lastJournal || journalLib !== this.lastJournalLib) {
      this.lastKinds = this.journals.of(journal, journalLib);
      this.lastJournal = journal;
      this.lastJournalLib = journalLib;
    }
    const kinds = this.lastKinds;
    const side = v.net > 0 ? 'debit' : 'credit';
    // Elision on: usedLetters is made from the groups at the end (finish).
    if (letter !== '' && this.pending === null) {
      let used = this.usedLetters.get(customer);
      if (!used) this.usedLetters.set(customer, (used = new Set()));
      used.add(letter);
    }
    this.entries.push({
      id: this.idPrefix + v.line,
      source: { file: this.file, line: v.line },
      customer,
      customerName: v.customerName,
      account: v.account,
      kind: side === 'debit' ? 'invoice' : kinds.sales ? 'credit_note' : 'payment',
      side,
      amount: Math.abs(v.net) as Cents,
      ref: v.ref,
      date: this.iso(v.dateNum),
      dueDate: null,
      label: v.label,
      journal,
      entryNum: v.entryNum,
      letter: letter === '' ? null : letter,
      letterDate: v.letterDateNum > 0 ? this.iso(v.letterDateNum) : null,
      explicitInvoice: null,
      opening: kinds.opening,
      currency: v.currency || 'EUR',
    });
  }

  /** Elision on: the customer's record, made on its first line. */
  private recordOf(customer: string, line: number): CustomerRecord {
    let r = this.records.get(customer);
    if (r === undefined) {
      r = { seen: { customer, customerName: '', source: { file: this.file, line } }, groups: new Map() };
      this.records.set(customer, r);
    }
    return r;
  }

  /** Elision on: notes the name a line gives its customer (CustomerSeen: the first that is neither '' nor the id). */
  private see(r: CustomerRecord, name: string): CustomerRecord {
    const seen = r.seen;
    if (seen.customerName === '' && name !== '' && name !== seen.customer) seen.customerName = name;
    return r;
  }

  /** Elision on: the index of the customer's group `letter`, made on its first line. */
  private groupOf(r: CustomerRecord, letter: string): number {
    let g = r.groups.get(letter);
    if (g === undefined) {
      if (r.groups.size === 0) this.lettered.push(r);
      r.groups.set(letter, (g = this.pending!.newGroup()));
    }
    return g;
  }

  /** Elision on: each customer's first line and name, entries or not, in the order of their first lines. */
  get customersSeen(): CustomerSeen[] {
    return [...this.records.values()].map((r) => r.seen);
  }

  /**
   * Elision on, once the whole file is read: the held-back lines of every group that does not
   * settle itself (nets to something, or has a line after the as-of date) become entries,
   * through the same code as any other line, and go back into file order. Only lines of
   * groups that net to 0 with every line dated on or before the as-of date make no entry:
   * under the `existing` rule such a group's credits settle its debits exactly and nothing
   * else, so no residual of the as-of books depends on them.
   */
  finish(h: FecHeader | null): void {
    const p = this.pending;
    if (p === null) return;
    this.usedLetters = new Map();
    for (const r of this.lettered) this.usedLetters.set(r.seen.customer, new Set(r.groups.keys()));
    if (h === null) return;
    const direct = this.entries;
    this.entries = [];
    const held = this.entries;
    this.replaying = true;
    const fieldStarts = new Int32Array(h.fieldCount + 2);
    const fieldEnds = new Int32Array(h.fieldCount + 2);
    for (let i = 0; i < p.count; i++) {
      const g = p.group[i]!;
      if (p.groupNet[g] === 0 && p.groupMaxDate[g]! <= this.elideBy) {
        this.elided++;
        continue;
      }
      const t = p.text(i);
      this.setBlock(t, p.latin1[i] === 1, null);
      if (p.pieceDate[i]! < 0) {
        this.add(t.split(h.separator), h, t, p.accounts.get(i)!, p.net[i]!, p.ecritureDate[i]!, p.line[i]!);
      } else {
        // Field bounds as parser.ts fastLine found them (at most fieldCount + 1 fields).
        let nf = 0;
        let at = 0;
        fieldStarts[0] = 0;
        for (;;) {
          const q = t.indexOf(h.separator, at);
          if (q < 0) {
            fieldEnds[nf++] = t.length;
            break;
          }
          fieldEnds[nf++] = q;
          fieldStarts[nf] = at = q + 1;
        }
        this.addRange(t, fieldStarts, fieldEnds, h, p.net[i]!, p.ecritureDate[i]!, p.pieceDate[i]!, p.line[i]!, t.length);
      }
    }
    this.replaying = false;
    this.pending = new HeldLines();
    this.entries = mergeByLine(direct, held);
  }

  /** `t[i, n)` trimmed, as a string of its own (never a slice pinning the block), ISO-fixed in latin1 text. */
  private text(t: string, i: number, n: number): string {
    const b = this.block;
    let v = b !== null ? b.latin1Slice(i, n) : own(t.slice(i, n));
    if (mayTrim(t, i, n)) v = v.trim();
    return this.blockDiff ? latin1ToIso885915(v) : v;
  }

  /**
   * `memo` on a range: slot `k` remembers the raw text of column `i` last seen and its value;
   * else the text is looked up by a hash of its chars (`known`), so a repeated value (a
   * customer, a name) costs no string at all.
   */
  private memoAt(t: string, s: Int32Array, e: Int32Array, i: number, k: number): string {
    const node = this.memoNode(t, s, e, i, k);
    return node === null ? '' : node.val;
  }

  /** `memoAt`, giving the remembered text itself (null when the column is absent). */
  private memoNode(t: string, s: Int32Array, e: Int32Array, i: number, k: number): KnownText | null {
    if (i < 0) return null;
    const from = s[i]!;
    const to = e[i]!;
    const last = this.rangeNode[k];
    if (last != null && last.raw.length === to - from && t.startsWith(last.raw, from)) return last;
    let h = 0x811c9dc5;
    for (let j = from; j < to; j++) h = Math.imul(h ^ t.charCodeAt(j), 0x01000193);
    let node = this.known.get(h);
    while (node !== undefined && !(node.raw.length === to - from && t.startsWith(node.raw, from))) node = node.next;
    if (node === undefined) {
      const v = blankAt(t, from, to) ? '' : this.internText(this.text(t, from, to));
      node = { raw: this.block !== null ? this.block.latin1Slice(from, to) : own(t.slice(from, to)), val: v, next: this.known.get(h) };
      this.known.set(h, node);
    }
    this.rangeNode[k] = node;
    return node;
  }

  /** One copy per distinct value of a fresh string (already fixed). */
  private internText(v: string): string {
    const known = this.strings.get(v);
    if (known !== undefined) return known;
    this.strings.set(v, v);
    return v;
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

/** Two lists of entries each in file order, as one. */
function mergeByLine(a: readonly LedgerEntry[], b: readonly LedgerEntry[]): LedgerEntry[] {
  if (b.length === 0) return a as LedgerEntry[];
  const out: LedgerEntry[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]!.source.line < b[j]!.source.line ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * A string that does not share memory with the 1 MB block it was sliced from (V8 keeps the
 * parent of a sliced string alive): concatenation then slice flattens into a new string.
 */
function own(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

