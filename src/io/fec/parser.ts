/**
 * The FEC line parser: fed decoded text one block of whole lines at a time, it checks every
 * line the way DGFiP's validator does (Test-Compta-Demat) and builds a LedgerEntry for each
 * customer-account line only. Hot path: one `split` per line, character loops for amounts
 * and dates, objects only for customer lines.
 */
import { MAX_TOTAL_CENTS, MAX_TOTAL_TEXT, TOTAL_EXPECTED } from '../../model/money.js';
import { foundExpected } from '../../model/problems.js';
import type { IsoDate, LedgerEntry } from '../../model/types.js';
import { CustomerEntries, type CustomerSeen } from './customer-entries.js';
import { FEC_COLUMNS, fieldCountFits, headerSeparator, parseHeader, type FecHeader } from './header.js';
import { CappedProblems } from '../problem-cap.js';
import { fecAmountTooLarge, formatFecCents, isBlank, parseFecAmount, parseFecDateNum } from './values.js';
import { amountAt, blankAt, dateAt } from './ranges.js';

export interface FecParserOptions {
  readonly receivablePrefixes: readonly string[];
  readonly salesJournals?: readonly string[];
  /** false: every line through the split path (tests check both paths read alike). Default true. */
  readonly fastPath?: boolean;
  /**
   * Build no entry for the lines of a lettering group that settles itself by this date (nets
   * to 0, every line dated on or before it): see CustomerEntries.finish. For `aging` only.
   */
  readonly elideSettledBy?: IsoDate;
}

const AMOUNT_EXPECTED = 'an amount like 1234,56 (decimal comma, no thousands separator)';
/** What a refused amount should have been: smaller (parseFecAmount gives NaN past 2^53 cents), or in form. */
const amountExpected = (raw: string): string => (fecAmountTooLarge(raw) ? `an amount below ${MAX_TOTAL_TEXT}` : AMOUNT_EXPECTED);
const DATE_EXPECTED = 'a date AAAAMMJJ';
const MANDATORY = ['EcritureNum', 'EcritureDate', 'CompteNum', 'CompteLib', 'EcritureLib'] as const;
const OPTIONAL_DATES = ['PieceDate', 'DateLet', 'ValidDate', 'DateRglt'] as const;

interface Balance {
  readonly line: number;
  readonly journal: string;
  readonly num: string;
  net: number;
}

export class FecParser {
  lineNo = 0;
  header: FecHeader | null = null;
  /** The header was unusable: the rest of the file is not read. */
  stopped = false;
  dataLines = 0;
  readonly problems: CappedProblems;
  private readonly customers: CustomerEntries;
  firstDate = 0;
  lastDate = 0;
  oddLines = 0;
  firstOddLine = 0;
  /** The header name of the field holding the first odd character, for the warning (null: the header line, or not found). */
  firstOddField: string | null = null;

  private readonly prefixes: readonly string[];
  private readonly fastPath: boolean;
  private readonly balances = new Map<string, Balance>();
  private runJournal = '';
  private runNum = '';
  private runNet = 0;
  private runLine = 0;
  /** Sum of |Debit − Credit| over the lines read, against MAX_TOTAL_CENTS (reported once). */
  private absTotal = 0;
  /** Fast path: separator, and field bounds of the current line. */
  private sep: '\t' | '|' = '\t';
  private fast: FastColumns | null = null;
  private readonly starts = new Int32Array(MAX_FAST_FIELDS + 1);
  private readonly ends = new Int32Array(MAX_FAST_FIELDS + 1);

  constructor(file: string, private readonly options: FecParserOptions) {
    const opts = options;
    this.problems = new CappedProblems(file);
    this.customers = new CustomerEntries(file, opts.salesJournals, this.problems, opts.elideSettledBy);
    this.prefixes = opts.receivablePrefixes;
    this.fastPath = opts.fastPath ?? true;
  }

  get entries(): LedgerEntry[] {
    return this.customers.entries;
  }

  get usedLetters(): Map<string, Set<string>> {
    return this.customers.usedLetters;
  }

  /** Customer lines read: entries plus the lines elided (elideSettledBy). */
  get customerLines(): number {
    return this.customers.entries.length + this.customers.elided;
  }

  /** elideSettledBy given: each customer's first line and name, entries or not (CustomerSeen). */
  get customersSeen(): CustomerSeen[] | undefined {
    return this.options.elideSettledBy === undefined ? undefined : this.customers.customersSeen;
  }

  /** `text` holds whole lines; `odd` are char offsets of lines the decoder flags. */
  feed(text: string, odd: readonly number[], latin1 = false, bytes: Buffer | null = null): void {
    this.customers.setBlock(text, latin1, bytes);
    const len = text.length;
    let pos = 0;
    let cr = text.indexOf('\r');
    let oddI = 0;
    while (pos < len) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) nl = len;
      let end = nl;
      while (end > pos && text.charCodeAt(end - 1) === 13) end--;
      const next = nl < len ? nl + 1 : len;
      if (cr >= 0 && cr < pos) cr = text.indexOf('\r', pos);
      let start = pos;
      // CR runs inside an LF-delimited segment end lines too (CR-only files).
      while (cr >= 0 && cr < end) {
        let j = cr;
        while (j < end && text.charCodeAt(j) === 13) j++;
        oddI = this.markOdd(odd, oddI, j, text, start);
        this.line(text, start, cr);
        start = j;
        cr = text.indexOf('\r', j);
      }
      oddI = this.markOdd(odd, oddI, next, text, start);
      this.line(text, start, end);
      pos = next;
    }
  }

  /** Counts the line about to be read (number lineNo + 1) as odd when an offset falls before `next`. */
  private markOdd(odd: readonly number[], i: number, next: number, text: string, start: number): number {
    if (i < odd.length && odd[i]! < next) {
      this.oddLines++;
      if (this.firstOddLine === 0) {
        this.firstOddLine = this.lineNo + 1;
        this.firstOddField = this.fieldAt(text, start, odd[i]!, next);
      }
      while (i < odd.length && odd[i]! < next) i++;
    }
    return i;
  }

  /** The header name of the field holding the first non-ASCII character from `from` on (once per file). */
  private fieldAt(text: string, start: number, from: number, next: number): string | null {
    if (this.header === null) return null;
    let at = from;
    while (at < next && text.charCodeAt(at) < 0x80) at++;
    if (at >= next) return null;
    let index = 0;
    for (let k = start; k < at; k++) if (text[k] === this.sep) index++;
    return this.header.names[index] ?? null;
  }

  private line(text: string, start: number, end: number): void {
    this.lineNo++;
    if (this.stopped) return;
    if (this.fast !== null && this.fastLine(text, start, end, this.fast)) return;
    this.textLine(text.slice(start, end));
  }

  /** The string path for one line (lineNo already counted). */
  private textLine(raw: string): void {
    if (this.header === null) {
      this.readHeader(raw);
      return;
    }
    const c0 = raw.charCodeAt(0);
    if (raw.length === 0 || ((c0 === 32 || c0 === 9) && raw.trim() === '')) return;
    this.dataLines++;
    this.dataLine(raw.split(this.header.separator), this.header, raw);
  }

  private readHeader(raw: string): void {
    const sep = headerSeparator(raw);
    if (sep === null) {
      this.stopped = true;
      const shown = raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
      this.problems.add('header', 'error', 1, foundExpected(shown, `a FEC header line: column names separated by tabs or |, such as ${FEC_COLUMNS.slice(0, 4).join(', ')}…`));
      return;
    }
    const h = parseHeader(raw, sep);
    this.header = h;
    this.sep = sep;
    this.fast = this.fastPath ? fastColumns(h, this.prefixes) : null;
    for (const m of h.missing) {
      this.problems.add(`missing:${m}`, 'error', 1, `found no "${m}" column in the header, expected the FEC columns ${FEC_COLUMNS.join(', ')}`, m);
    }
    for (const d of h.duplicates) {
      const at = h.names.flatMap((n, i) => (n.toLowerCase() === d.toLowerCase() ? [i + 1] : []));
      this.problems.add(`duplicate:${d}`, 'error', 1, `found the column "${d}" ${at.length} times (columns ${at.join(' and ')}), expected it once: which one holds the value cannot be told; remove the extra one`, d);
    }
    if (!h.montantSens && h.columns.Montant >= 0 && h.columns.Sens >= 0 && h.columns.Debit >= 0 && h.columns.Credit >= 0) {
      const n = h.names;
      const c = h.columns;
      this.problems.add('both-layouts', 'warning', 1, foundExpected(`${n[c.Debit]}, ${n[c.Credit]}, ${n[c.Montant]} and ${n[c.Sens]}`, `either Debit/Credit or Montant/Sens: the amounts are read from ${n[c.Debit]}/${n[c.Credit]}, ${n[c.Montant]}/${n[c.Sens]} are ignored`));
    }
    if (!h.readable) this.stopped = true;
  }

  private dataLine(f: string[], h: FecHeader, raw: string): void {
    const line = this.lineNo;
    const c = h.columns;
    const p = this.problems;
    if (!fieldCountFits(h, f)) {
      p.add('fields', 'error', line, foundExpected(`${f.length} fields`, `${h.fieldCount} fields, as in the header`));
      return;
    }
    for (const name of MANDATORY) {
      const i = c[name];
      if (i >= 0 && isBlank(f[i]!)) p.add(`empty:${name}`, 'error', line, foundExpected('', 'a value: this field is mandatory'), h.names[i]);
    }
    // Dates
    const ecritureDateRaw = f[c.EcritureDate]!;
    const ecritureDate = parseFecDateNum(ecritureDateRaw);
    if (ecritureDate < 0) p.add('date:EcritureDate', 'error', line, foundExpected(ecritureDateRaw.trim(), DATE_EXPECTED), h.names[c.EcritureDate]);
    else if (ecritureDate > 0) {
      if (this.firstDate === 0 || ecritureDate < this.firstDate) this.firstDate = ecritureDate;
      if (ecritureDate > this.lastDate) this.lastDate = ecritureDate;
    }
    for (const name of OPTIONAL_DATES) {
      const i = c[name];
      if (i >= 0 && parseFecDateNum(f[i]!) < 0) p.add(`date:${name}`, 'error', line, foundExpected(f[i]!.trim(), DATE_EXPECTED), h.names[i]);
    }
    // Amounts
    const net = h.montantSens ? this.montantSens(f, h) : this.debitCredit(f, h);
    if (c.Montantdevise >= 0 && Number.isNaN(parseFecAmount(f[c.Montantdevise]!))) {
      p.add('amount:Montantdevise', 'error', line, foundExpected(f[c.Montantdevise]!.trim(), amountExpected(f[c.Montantdevise]!)), h.names[c.Montantdevise]);
    }
    // Account
    const rawAccount = f[c.CompteNum]!;
    const account = rawAccount.charCodeAt(0) === 32 || rawAccount.charCodeAt(rawAccount.length - 1) === 32 ? rawAccount.trim() : rawAccount;
    if (account !== '' && !startsWith3Digits(account)) {
      p.add('account', 'warning', line, foundExpected(account, 'an account number starting with 3 digits'), h.names[c.CompteNum]);
    }
    // Entry balance: runs of lines with the same JournalCode + EcritureNum, flushed to a map.
    const journal = f[c.JournalCode]!;
    const num = f[c.EcritureNum]!;
    if (journal !== this.runJournal || num !== this.runNum || this.runLine === 0) {
      this.flushRun();
      this.runJournal = journal;
      this.runNum = num;
      this.runLine = line;
    }
    if (!Number.isNaN(net)) {
      this.runNet += net;
      this.tally(net, h);
    }

    if (account === '' || !this.isReceivable(account)) return;
    if (Number.isNaN(net)) return; // already reported
    this.customers.add(f, h, raw, account, net, ecritureDate, this.lineNo);
  }

  private debitCredit(f: string[], h: FecHeader): number {
    const c = h.columns;
    const line = this.lineNo;
    const p = this.problems;
    const dRaw = f[c.Debit]!;
    const cRaw = f[c.Credit]!;
    const d = parseFecAmount(dRaw);
    const k = parseFecAmount(cRaw);
    if (Number.isNaN(d)) p.add('amount:Debit', 'error', line, foundExpected(dRaw.trim(), amountExpected(dRaw)), h.names[c.Debit]);
    if (Number.isNaN(k)) p.add('amount:Credit', 'error', line, foundExpected(cRaw.trim(), amountExpected(cRaw)), h.names[c.Credit]);
    if (Number.isNaN(d) || Number.isNaN(k)) return Number.NaN;
    const dBlank = isBlank(dRaw);
    const cBlank = isBlank(cRaw);
    if (d === 0 && k === 0) {
      p.add('neither', 'warning', line, foundExpected(`Debit ${dRaw.trim()} and Credit ${cRaw.trim()}`, 'an amount in one of them (an empty one reads as 0,00)'), `${h.names[c.Debit]}/${h.names[c.Credit]}`);
    } else if (d !== 0 && k !== 0) {
      p.add('both', 'warning', line, foundExpected(`Debit ${dRaw.trim()} and Credit ${cRaw.trim()}`, 'an amount in only one of them'), `${h.names[c.Debit]}/${h.names[c.Credit]}`);
    } else if (dBlank || cBlank) {
      const i = dBlank ? c.Debit : c.Credit;
      p.add('blank-amount', 'warning', line, foundExpected('', 'an amount: read as 0,00'), h.names[i]);
    }
    return d - k;
  }

  private montantSens(f: string[], h: FecHeader): number {
    const c = h.columns;
    const line = this.lineNo;
    const p = this.problems;
    const mRaw = f[c.Montant]!;
    const sRaw = f[c.Sens]!.trim();
    const m = parseFecAmount(mRaw);
    if (isBlank(mRaw)) p.add('empty:Montant', 'error', line, foundExpected('', 'a value: this field is mandatory'), h.names[c.Montant]);
    else if (Number.isNaN(m)) p.add('amount:Montant', 'error', line, foundExpected(mRaw.trim(), amountExpected(mRaw)), h.names[c.Montant]);
    const s = sRaw.toUpperCase();
    const sign = s === 'D' || s === '+1' || s === '1' ? 1 : s === 'C' || s === '-1' ? -1 : 0;
    if (sign === 0) p.add('sens', 'error', line, foundExpected(sRaw, 'D, C, +1 or -1'), h.names[c.Sens]);
    if (sign === 0 || Number.isNaN(m) || isBlank(mRaw)) return Number.NaN;
    return sign * m;
  }

  private isReceivable(account: string): boolean {
    for (const prefix of this.prefixes) if (account.startsWith(prefix)) return true;
    return false;
  }

  /**
   * A run that nets to zero changes no entry's total, so only unbalanced runs are kept: the
   * map stays small, and an entry split over several runs is still summed whole.
   */
  private flushRun(): void {
    if (this.runLine === 0 || this.runNet === 0) return;
    const journal = this.runJournal.trim();
    const num = this.runNum.trim();
    const key = `${journal}\u0000${num}`;
    const b = this.balances.get(key);
    if (b) b.net += this.runNet;
    else this.balances.set(key, { line: this.runLine, journal, num, net: this.runNet });
    this.runNet = 0;
  }

  /**
   * The fast path: the line `text[start, end)` checked in place, fields found with indexOf.
   * A line that passes every check is summed and, for a customer line, becomes an entry
   * without the other fields ever becoming strings; false (nothing changed) sends a blank
   * line, or one with any problem, to the split path (`textLine`), which reports it.
   */
  private fastLine(t: string, start: number, end: number, k: FastColumns): boolean {
    const h = this.header!;
    if (start === end) return false;
    const c0 = t.charCodeAt(start);
    if (c0 === 32 || c0 === 9) return false;
    const s = this.starts;
    const e = this.ends;
    const sep = this.sep;
    let nf = 0;
    let p = start;
    s[0] = start;
    for (;;) {
      const q = t.indexOf(sep, p);
      if (q < 0 || q >= end) {
        e[nf++] = end;
        break;
      }
      if (nf >= MAX_FAST_FIELDS) return false;
      e[nf++] = q;
      s[nf] = p = q + 1;
    }
    const fc = h.fieldCount;
    if (nf !== fc && !(h.trailingEmpty && nf === fc - 1) && !(nf === fc + 1 && e[nf - 1] === s[nf - 1])) return false;
    for (const i of k.mandatory) if (blankAt(t, s[i]!, e[i]!)) return false;
    const ecritureDate = dateAt(t, s[k.ecritureDate]!, e[k.ecritureDate]!);
    if (ecritureDate < 0) return false;
    for (const i of k.dates) if (dateAt(t, s[i]!, e[i]!) < 0) return false;
    const ds = s[k.debit]!;
    const de = e[k.debit]!;
    const cs = s[k.credit]!;
    const ce = e[k.credit]!;
    if (blankAt(t, ds, de) || blankAt(t, cs, ce)) return false;
    const d = amountAt(t, ds, de);
    const cr = amountAt(t, cs, ce);
    if (Number.isNaN(d) || Number.isNaN(cr) || (d === 0) === (cr === 0)) return false;
    if (k.devise >= 0 && Number.isNaN(amountAt(t, s[k.devise]!, e[k.devise]!))) return false;
    // Account: 3 digits first, nothing to trim at the end.
    const as = s[k.account]!;
    const ae = e[k.account]!;
    if (ae - as < 3) return false;
    const a0 = t.charCodeAt(as);
    const a1 = t.charCodeAt(as + 1);
    const a2 = t.charCodeAt(as + 2);
    const al = t.charCodeAt(ae - 1);
    if (a0 < 48 || a0 > 57 || a1 < 48 || a1 > 57 || a2 < 48 || a2 > 57 || al <= 32 || al >= 0x80) return false;
    let receivable = false;
    for (const prefix of this.prefixes) {
      if (prefix.length <= ae - as && t.startsWith(prefix, as)) {
        receivable = true;
        break;
      }
    }
    let pieceDate = 0;
    if (receivable) {
      pieceDate = k.pieceDate >= 0 ? dateAt(t, s[k.pieceDate]!, e[k.pieceDate]!) : 0;
      if (pieceDate <= 0 && ecritureDate <= 0) return false; // no usable date: the split path reports it
    }
    // Every check passed: commit.
    const line = this.lineNo;
    this.dataLines++;
    if (ecritureDate > 0) {
      if (this.firstDate === 0 || ecritureDate < this.firstDate) this.firstDate = ecritureDate;
      if (ecritureDate > this.lastDate) this.lastDate = ecritureDate;
    }
    // Entry balance, as in dataLine: the run's strings are made only when it changes.
    const js = s[k.journal]!;
    const je = e[k.journal]!;
    const ns = s[k.num]!;
    const ne = e[k.num]!;
    const rj = this.runJournal;
    const rn = this.runNum;
    if (this.runLine === 0 || je - js !== rj.length || ne - ns !== rn.length || !t.startsWith(rj, js) || !t.startsWith(rn, ns)) {
      this.flushRun();
      this.runJournal = t.slice(js, je);
      this.runNum = t.slice(ns, ne);
      this.runLine = line;
    }
    this.runNet += d - cr;
    this.tally(d - cr, h);
    if (receivable) this.customers.addRange(t, s, e, h, d - cr, ecritureDate, pieceDate, line, end);
    return true;
  }

  /** Adds a line's net to the file's total of amounts; the line that takes it past the limit is an error. */
  private tally(net: number, h: FecHeader): void {
    const before = this.absTotal;
    this.absTotal += net < 0 ? -net : net;
    if (this.absTotal > MAX_TOTAL_CENTS && before <= MAX_TOTAL_CENTS) {
      const field = h.montantSens ? h.names[h.columns.Montant] : `${h.names[h.columns.Debit]}/${h.names[h.columns.Credit]}`;
      this.problems.add('total', 'error', this.lineNo, foundExpected(formatFecCents(net < 0 ? -net : net), TOTAL_EXPECTED), field);
    }
  }

  /** Checks that need the whole file: entry balances. */
  finish(): void {
    this.customers.finish(this.header);
    this.flushRun();
    this.runLine = 0;
    for (const b of this.balances.values()) {
      if (b.net === 0) continue;
      this.problems.add(
        'unbalanced',
        'warning',
        b.line,
        foundExpected(formatFecCents(b.net), `entry ${b.journal} ${b.num} to balance: debits minus credits equal to 0,00`),
        this.header?.names[this.header.columns.EcritureNum],
      );
    }
  }
}

function startsWith3Digits(s: string): boolean {
  if (s.length < 3) return false;
  for (let i = 0; i < 3; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** More fields than this on a line: the string path reads it. */
const MAX_FAST_FIELDS = 40;

/** Column indexes the fast path reads; null when it cannot be used (Montant/Sens layout, odd prefixes). */
interface FastColumns {
  readonly mandatory: readonly number[];
  readonly dates: readonly number[];
  readonly ecritureDate: number;
  readonly pieceDate: number;
  readonly debit: number;
  readonly credit: number;
  readonly devise: number;
  readonly account: number;
  readonly journal: number;
  readonly num: number;
}

function fastColumns(h: FecHeader, prefixes: readonly string[]): FastColumns | null {
  const c = h.columns;
  if (!h.readable || h.montantSens || h.fieldCount + 1 > MAX_FAST_FIELDS) return null;
  // eslint-disable-next-line no-control-regex
  if (prefixes.some((p) => !/^[\x21-\x7e]*$/.test(p))) return null;
  return {
    mandatory: MANDATORY.map((n) => c[n]).filter((i) => i >= 0),
    dates: OPTIONAL_DATES.map((n) => c[n]).filter((i) => i >= 0),
    ecritureDate: c.EcritureDate,
    pieceDate: c.PieceDate,
    debit: c.Debit,
    credit: c.Credit,
    devise: c.Montantdevise,
    account: c.CompteNum,
    journal: c.JournalCode,
    num: c.EcritureNum,
  };
}
