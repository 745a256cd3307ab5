/**
 * Writes a FEC again, byte for byte, with new EcritureLet/DateLet on the given lines. Works
 * on raw bytes and never re-encodes (an ISO-8859-15 file stays ISO-8859-15, a BOM stays);
 * streams; writes a temp file in the output folder and renames it, so there is never a
 * partial output. Lines are counted exactly as the reader counts them (lines.ts).
 */
import { createReadStream } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { EnvironmentError, InputError } from '../../model/errors.js';
import type { IsoDate } from '../../model/types.js';
import type { InputFile } from '../books.js';
import { completeLinesEnd, forEachByteLine } from './lines.js';

export interface NewLetter {
  readonly letter: string;
  readonly date: IsoDate;
}

const TAB = 0x09;
const PIPE = 0x7c;
const SPACE = 0x20;

interface Target {
  readonly sep: number;
  readonly letCol: number;
  readonly dateCol: number;
}

/** `letters` is keyed by line number in the input (1 = header). */
export async function writeLetteredFec(input: InputFile, outPath: string, letters: ReadonlyMap<number, NewLetter>): Promise<void> {
  for (const [line, l] of letters) {
    if (!/^[\x21-\x7e]+$/.test(l.letter)) throw new Error(`lettering code for line ${line} must be printable ASCII: ${JSON.stringify(l.letter)}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(l.date)) throw new Error(`lettering date for line ${line} is not YYYY-MM-DD: ${l.date}`);
  }
  const tmp = join(dirname(outPath), `.${basename(outPath)}.${process.pid}.${Date.now()}.tmp`);
  let out: FileHandle | null;
  try {
    out = await open(tmp, 'w');
  } catch (e) {
    throw new EnvironmentError(`cannot write ${outPath}: ${(e as Error).message}`);
  }
  const handle = out;
  const done = new Set<number>();
  try {
    let lineNo = 0;
    let target: Target | null = null;
    let rest: Buffer | null = null;
    const processBlock = async (buf: Buffer): Promise<void> => {
      const pieces: Buffer[] = [];
      let copied = 0;
      forEachByteLine(buf, 0, buf.length, (start, end) => {
        lineNo++;
        if (lineNo === 1) {
          target = readHeader(buf.subarray(start, end));
          return;
        }
        const l = letters.get(lineNo);
        if (l === undefined) return;
        if (target === null || target.letCol < 0 || target.dateCol < 0) {
          throw new InputError(`${input.display}: found no EcritureLet/DateLet columns in the header, expected them to write the lettering`);
        }
        const fields = fieldRanges(buf, start, end, target.sep);
        const let_ = fields[target.letCol];
        const date = fields[target.dateCol];
        if (!let_ || !date) throw new InputError(`${input.display}:${lineNo}: found ${fields.length} fields, expected EcritureLet and DateLet to write the lettering`);
        // Fields in order of position, each replaced by its new bytes.
        const edits = [
          { range: let_, value: l.letter },
          { range: date, value: l.date.replace(/-/g, '') },
        ].sort((a, b) => a.range[0] - b.range[0]);
        for (const { range, value } of edits) {
          pieces.push(buf.subarray(copied, range[0]), Buffer.from(fit(buf, range, value), 'latin1'));
          copied = range[1];
        }
        done.add(lineNo);
      });
      if (copied === 0) pieces.push(buf);
      else pieces.push(buf.subarray(copied));
      for (const p of pieces) await writeAll(handle, p);
    };
    const stream = createReadStream(input.path, { highWaterMark: 1 << 20 });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        const buf: Buffer = rest === null ? chunk : Buffer.concat([rest, chunk]);
        const cut = completeLinesEnd(buf);
        if (cut > 0) await processBlock(buf.subarray(0, cut));
        rest = cut < buf.length ? Buffer.from(buf.subarray(cut)) : null;
      }
    } catch (e) {
      if (e instanceof InputError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') throw new InputError(`cannot read ${input.display}: ${(e as Error).message}`);
      throw e;
    }
    if (rest !== null && rest.length > 0) await processBlock(rest);
    const missing = [...letters.keys()].filter((n) => !done.has(n));
    if (missing.length > 0) throw new Error(`${input.display}: no customer line ${missing.slice(0, 5).join(', ')} to letter (the file has ${lineNo} lines)`);
    await out.close();
    out = null;
    await rename(tmp, outPath);
  } catch (e) {
    if (out) await out.close().catch(() => undefined);
    await rm(tmp, { force: true });
    if (e instanceof InputError || e instanceof EnvironmentError || !isWriteError(e)) throw e;
    throw new EnvironmentError(`cannot write ${outPath}: ${(e as Error).message}`);
  }
}

async function writeAll(h: FileHandle, b: Buffer): Promise<void> {
  let off = 0;
  while (off < b.length) off += (await h.write(b, off, b.length - off)).bytesWritten;
}

function isWriteError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'EXDEV' || code === 'EISDIR';
}

function readHeader(bytes: Buffer): Target {
  const text = bytes.toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '');
  const tabs = text.split('\t').length;
  const pipes = text.split('|').length;
  const sep = tabs >= pipes ? '\t' : '|';
  const names = text.split(sep).map((n) => n.trim().toLowerCase());
  return { sep: sep === '\t' ? TAB : PIPE, letCol: names.indexOf('ecriturelet'), dateCol: names.indexOf('datelet') };
}

/** `[start, end)` of each field of the line `buf[start, end)`. */
function fieldRanges(buf: Buffer, start: number, end: number, sep: number): [number, number][] {
  const out: [number, number][] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    if (buf[i] === sep) {
      out.push([s, i]);
      s = i + 1;
    }
  }
  out.push([s, end]);
  return out;
}

/**
 * The new value in the original field's shape: a space-padded field keeps its width when the
 * value fits (left-aligned, or right-aligned when the old text was), else the bare value.
 */
function fit(buf: Buffer, [s, e]: [number, number], value: string): string {
  const width = e - s;
  if (width === 0 || value.length >= width) return value;
  const first = buf[s];
  const last = buf[e - 1];
  if (first !== SPACE && last !== SPACE) return value;
  const blank = buf.subarray(s, e).every((b) => b === SPACE);
  return !blank && first === SPACE && last !== SPACE ? value.padStart(width) : value.padEnd(width);
}
