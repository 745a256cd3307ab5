/**
 * A printed batch PDF to one PDF per letter, with pdf-lib (pure: bytes in, bytes out). The
 * link annotation Chromium writes for each letter's marker link (render-html.ts) says on which
 * page that letter starts. No puppeteer here: split-worker.ts runs this in a worker thread.
 */
import { createHash } from 'node:crypto';
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFPage } from 'pdf-lib';
import { MARKER_PREFIX } from './render-html.js';

export interface PrintedLetter {
  readonly bytes: Uint8Array;
  readonly pages: number;
}

export interface SplitLetter extends PrintedLetter {
  readonly sha256: string;
}

export const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** pdf-lib yields to the event loop every 100 objects by default: a large batch then loads several times slower. */
export const LOAD = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest } as const;
export const SAVE = { useObjectStreams: false, objectsPerTick: Infinity } as const;

const uriOf = (annot: PDFDict): string | null => {
  const uri = annot.lookupMaybe(PDFName.of('A'), PDFDict)?.get(PDFName.of('URI'));
  return uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : null;
};

/** Letter index → the page its marker link is on (the first, if Chromium wrote it twice). */
export function markerPages(doc: PDFDocument): Map<number, number> {
  const found = new Map<number, number>();
  doc.getPages().forEach((page, index) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let k = 0; k < (annots?.size() ?? 0); k++) {
      const annot = annots!.lookupMaybe(k, PDFDict);
      const uri = annot ? uriOf(annot) : null;
      if (uri === null || !uri.startsWith(MARKER_PREFIX)) continue;
      const n = Number(uri.slice(MARKER_PREFIX.length));
      if (Number.isSafeInteger(n) && !found.has(n)) found.set(n, index);
    }
  });
  return found;
}

/** Drops the marker links from a page; the user's own links stay. */
export function dropMarkers(page: PDFPage): void {
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (!annots) return;
  for (let k = annots.size() - 1; k >= 0; k--) {
    const annot = annots.lookupMaybe(k, PDFDict);
    if (annot && uriOf(annot)?.startsWith(MARKER_PREFIX)) annots.remove(k);
  }
  if (annots.size() === 0) page.node.delete(PDFName.of('Annots'));
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k);

/**
 * Pages `pages` of `src` as a new PDF. The markers are dropped from `src` beforehand, so the
 * copies never carry them (nor their orphaned annotation objects).
 */
async function extract(src: PDFDocument, pages: readonly number[]): Promise<PrintedLetter> {
  const one = await PDFDocument.create({ updateMetadata: false });
  for (const p of await one.copyPages(src, [...pages])) one.addPage(p);
  return { bytes: await one.save(SAVE), pages: pages.length };
}

/** Every page of `src`, in order, appended to `combined` (one copy per batch: shared fonts and images are copied once). */
async function append(combined: PDFDocument, src: PDFDocument): Promise<void> {
  for (const p of await combined.copyPages(src, src.getPageIndices())) combined.addPage(p);
}

/** The first page of each of `count` letters, or null when the markers are missing or out of order. */
function letterStarts(doc: PDFDocument, count: number): number[] | null {
  const starts = markerPages(doc);
  const firsts: number[] = [];
  for (let i = 0; i < count; i++) {
    const p = starts.get(i);
    if (p === undefined || (i === 0 && p !== 0) || (i > 0 && p <= firsts[i - 1]!)) return null;
    firsts.push(p);
  }
  return firsts;
}

/** One PDF per letter, or null when the markers do not give a consistent page for each; pages also appended to `combined`. */
export async function splitByMarkers(batch: Uint8Array, count: number, combined?: PDFDocument): Promise<PrintedLetter[] | null> {
  const doc = await PDFDocument.load(batch, LOAD);
  const firsts = letterStarts(doc, count);
  if (!firsts) return null;
  doc.getPages().forEach(dropMarkers);
  const total = doc.getPageCount();
  const out: PrintedLetter[] = [];
  for (let i = 0; i < count; i++) out.push(await extract(doc, range(firsts[i]!, i + 1 < count ? firsts[i + 1]! : total)));
  if (combined) await append(combined, doc);
  return out;
}

/** A whole PDF (one letter printed alone) as one letter; also appended to `combined`. */
export async function wholeLetter(pdf: Uint8Array, combined?: PDFDocument): Promise<PrintedLetter> {
  const doc = await PDFDocument.load(pdf, LOAD);
  doc.getPages().forEach(dropMarkers);
  const out = await extract(doc, doc.getPageIndices());
  if (combined) await append(combined, doc);
  return out;
}

/** An empty document to collect the `--combine` pages in. */
export const newCombined = (): Promise<PDFDocument> => PDFDocument.create({ updateMetadata: false });
export const saveCombined = (doc: PDFDocument): Promise<Uint8Array> => doc.save(SAVE);

/**
 * The split of a whole run: batches in order (and letters printed alone when a batch's
 * markers are lost), the combined file at the end. The same object runs in the worker
 * thread (split-worker.ts) or, when there is no compiled worker (tests on .ts sources), here.
 */
export interface Splitter {
  /** Letters of a batch, or null when its markers are lost (then nothing was added to the combined file). */
  split(batch: Uint8Array, count: number): Promise<SplitLetter[] | null>;
  /** A letter printed alone. */
  whole(pdf: Uint8Array): Promise<SplitLetter>;
  /** The combined file (null without `combine`). Call once, after the last letter. */
  finish(): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

const withSha = (l: PrintedLetter): SplitLetter => ({ ...l, sha256: sha256(l.bytes) });

export function inThreadSplitter(combine: boolean): Splitter {
  const combined = combine ? newCombined() : Promise.resolve(undefined);
  return {
    async split(batch, count) {
      const letters = await splitByMarkers(batch, count, await combined);
      return letters ? letters.map(withSha) : null;
    },
    async whole(pdf) {
      return withSha(await wholeLetter(pdf, await combined));
    },
    async finish() {
      const doc = await combined;
      return doc ? saveCombined(doc) : null;
    },
    async close() {},
  };
}
