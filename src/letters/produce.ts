/**
 * From letter views to PDF bytes: every letter's HTML first (so a template error stops the
 * run before a browser starts), then batches of BATCH_SIZE letters per Chromium document,
 * split per letter. Writes nothing: the caller decides where bytes go.
 */
import { createHash } from 'node:crypto';
import type { LetterView } from './model.js';
import { newCombined, saveCombined, splitBatch, type Printer, type PrintedLetter } from './pdf.js';
import { batchDocument, renderLetterHtml, type RenderedLetter } from './render-html.js';
import type { LetterRenderer } from './templates.js';

/** ENGINEERING.md: one document of a few hundred letters is the sweet spot (memory grows past it). */
export const BATCH_SIZE = 200;

export interface PrintedLetters {
  readonly letters: readonly (PrintedLetter & { readonly sha256: string })[];
  readonly combined: Uint8Array | null;
}

export interface PrintOptions {
  readonly combine: boolean;
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Pure: every letter's HTML. */
export function renderAll(renderer: LetterRenderer, views: readonly LetterView[]): RenderedLetter[] {
  return views.map((v) => renderLetterHtml(renderer, v));
}

/**
 * Batches are pipelined: every batch is handed to the printer at once (it prints as many as
 * it has tabs, the rest wait) while Node splits the finished ones, one after the other, so
 * letters and the combined file keep their order.
 */
export async function printAll(renderer: LetterRenderer, html: readonly RenderedLetter[], printer: Printer, opts: PrintOptions): Promise<PrintedLetters> {
  const size = Math.max(1, opts.batchSize ?? BATCH_SIZE);
  const combined = opts.combine ? await newCombined() : undefined;
  const batches: RenderedLetter[][] = [];
  for (let start = 0; start < html.length; start += size) batches.push(html.slice(start, start + size));
  const printing = batches.map((b) => printer.print(batchDocument(renderer.css, b)));
  // Awaited in order below; marked handled so a later batch's failure is not "unhandled" meanwhile.
  for (const p of printing) p.catch(() => undefined);
  const letters: (PrintedLetter & { sha256: string })[] = [];
  for (const [k, batch] of batches.entries()) {
    const pdf = await printing[k]!;
    const printed = await splitBatch(printer, pdf, batch.length, (i) => batchDocument(renderer.css, [batch[i]!]), combined);
    for (const p of printed) letters.push({ ...p, sha256: sha256(p.bytes) });
    opts.onProgress?.(letters.length, html.length);
  }
  return { letters, combined: combined ? await saveCombined(combined) : null };
}
