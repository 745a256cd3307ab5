/**
 * Streaming FEC reader (article A47 A-1 LPF). The file is read in 1 MB chunks, cut at line
 * boundaries on raw bytes, decoded per block (decode.ts) and parsed line by line (parser.ts):
 * memory stays bounded whatever the file size; only customer lines become objects.
 */
import { createReadStream } from 'node:fs';
import type { InputFile } from '../books.js';
import { error, foundExpected, hasErrors, warning } from '../../model/problems.js';
import type { IsoDate, LedgerEntry, Problem } from '../../model/types.js';
import { FecDecoder, type FecEncoding } from './decode.js';
import { FEC_COLUMNS } from './header.js';
import { completeLinesEnd } from './lines.js';
import { NulBytes } from './nul-bytes.js';
import { FecParser } from './parser.js';
import type { CustomerSeen } from './customer-entries.js';
import { isUtf16, utf16Message } from '../utf16.js';
import { dateNumToIso } from './values.js';

export interface FecReadOptions {
  readonly receivablePrefixes: readonly string[];
  /** Sales journal codes from the config; undefined: codes starting with V or JournalLib containing "vente". */
  readonly salesJournals?: readonly string[];
  /** See FecParserOptions.fastPath. */
  readonly fastPath?: boolean;
  /** See FecParserOptions.elideSettledBy: `entries` then lacks the lines of self-settling groups. */
  readonly elideSettledBy?: IsoDate;
}

export interface FecReadResult {
  readonly file: InputFile;
  /** Customer-account lines only, in file order. */
  readonly entries: LedgerEntry[];
  readonly problems: Problem[];
  /** Lines read, header included. */
  readonly lines: number;
  /** Lettering codes already used in the file, per customer id (for --write-fec). */
  readonly usedLetters: ReadonlyMap<string, ReadonlySet<string>>;
  /** First and last EcritureDate of the file (its fiscal period), null when empty. */
  readonly period: { readonly first: IsoDate; readonly last: IsoDate } | null;
  /** How the text was decoded (`ascii` when no byte above 0x7F was met). */
  readonly encoding?: FecEncoding;
  /**
   * elideSettledBy given: every customer of the customer lines, elided or not, in the order of
   * their first line, with its first line and the name books.ts would take from its entries.
   */
  readonly customersSeen?: readonly CustomerSeen[];
}

const CHUNK = 1 << 20;

export async function readFec(file: InputFile, opts: FecReadOptions): Promise<FecReadResult> {
  const parser = new FecParser(file.display, opts);
  const decoder = new FecDecoder();
  const extra: Problem[] = [];
  let bytes = 0;
  let rest: Buffer | null = null;
  const nul = new NulBytes();
  try {
    const stream = createReadStream(file.path, { highWaterMark: CHUNK });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (bytes === 0 && isUtf16(chunk)) return utf16Result(file, decoder);
      bytes += chunk.length;
      const buf: Buffer = rest === null || rest.length === 0 ? chunk : Buffer.concat([rest, chunk]);
      const cut = completeLinesEnd(buf);
      if (cut > 0) {
        nul.scan(buf.subarray(0, cut), parser.lineNo);
        feedBlock(parser, decoder, buf.subarray(0, cut));
      }
      // Copy the tail so the chunk it came from can be freed.
      rest = cut < buf.length ? Buffer.from(buf.subarray(cut)) : null;
      if (parser.stopped) break;
    }
    if (rest !== null && rest.length > 0 && !parser.stopped) {
      nul.scan(rest, parser.lineNo);
      feedBlock(parser, decoder, rest);
    }
  } catch (e) {
    extra.push(error(readFailure(e), { file: file.display, line: 1 }));
    return { file, entries: [], problems: extra, lines: 0, usedLetters: new Map(), period: null, encoding: decoder.encoding };
  }
  parser.finish();
  const where = { file: file.display, line: 1 };
  // A file of a BOM alone has bytes but no line: empty all the same.
  if (bytes === 0 || parser.lineNo === 0) {
    extra.push(error(foundExpected('', `a FEC: a header line (${FEC_COLUMNS.slice(0, 3).join(', ')}…) then the entries; the file is empty`), where));
  } else if (parser.header !== null && !parser.stopped && parser.dataLines === 0) {
    extra.push(error(foundExpected('only the header line', 'FEC entries after the header'), where));
  } else if (parser.dataLines > 0 && parser.customerLines === 0 && !hasErrors(parser.problems.list)) {
    // Else every report would show nothing owed, exit 0: customers booked on other accounts.
    const prefixes = opts.receivablePrefixes.join(', ');
    extra.push(warning(foundExpected('no customer line', `lines on a receivable account (CompteNum starting with ${prefixes}) with an amount: set "receivablePrefixes" in the config if customers are booked elsewhere`), where, 'CompteNum'));
  }
  const nulProblem = nul.problem(file.display);
  if (nulProblem) extra.push(nulProblem);
  if (parser.oddLines > 0) {
    const n = parser.oddLines;
    extra.push(
      warning(
        foundExpected(
          `byte ${decoder.firstOddByte ?? '?'}`,
          `UTF-8 or ISO-8859-15 text: ${n} line${n > 1 ? 's' : ''} from this one on hold bytes from another code page (DOS?) and ${n > 1 ? 'were' : 'was'} read as ISO-8859-15; check the labels`,
        ),
        { file: file.display, line: parser.firstOddLine },
        parser.firstOddField ?? undefined,
      ),
    );
  }
  const period = parser.firstDate > 0 ? { first: dateNumToIso(parser.firstDate), last: dateNumToIso(parser.lastDate) } : null;
  return {
    file,
    entries: parser.entries,
    problems: [...extra, ...parser.problems.finish()],
    lines: parser.lineNo,
    usedLetters: parser.usedLetters,
    period,
    encoding: decoder.encoding,
    ...(opts.elideSettledBy !== undefined ? { customersSeen: parser.customersSeen ?? [] } : {}),
  };
}

/**
 * Text pieces are kept under V8's large-object size: a 1 MB string would live in the large
 * object space until a full GC, a 64 KB one dies young (and RSS stays low).
 */
const PIECE = 64 * 1024;

/** One block of whole lines, decoded then parsed in pieces of whole lines; the bytes go along when offsets match. */
function feedBlock(parser: FecParser, decoder: FecDecoder, raw: Buffer): void {
  const buf = decoder.stripBom(raw);
  for (let pos = 0; pos < buf.length; ) {
    let end = buf.length;
    // Only once the encoding is settled, so that pieces decide nothing the block would not.
    if (end - pos > 2 * PIECE && decoder.encoding !== 'ascii') {
      const cut = completeLinesEnd(buf.subarray(pos, pos + PIECE));
      if (cut > 0) end = pos + cut;
    }
    const piece = buf.subarray(pos, end);
    const block = decoder.decode(piece);
    parser.feed(block.text, block.oddOffsets, block.latin1, block.bytes ? piece : null);
    pos = end;
  }
}

function utf16Result(file: InputFile, decoder: FecDecoder): FecReadResult {
  const problem = error(utf16Message('UTF-8 or ISO-8859-15 (the encodings a FEC may use)', 'UTF-8 or ISO-8859-15'), { file: file.display, line: 1 });
  return { file, entries: [], problems: [problem], lines: 0, usedLetters: new Map(), period: null, encoding: decoder.encoding };
}

function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return foundExpected('no such file', 'a FEC file to read');
  if (code === 'EISDIR') return foundExpected('a folder', 'a FEC file to read');
  if (code === 'EACCES' || code === 'EPERM') return foundExpected('a file that cannot be read (permission denied)', 'a readable FEC file');
  return foundExpected(`a read error (${code ?? String(e)})`, 'a readable FEC file');
}
