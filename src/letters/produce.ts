/**
 * From letter views to PDF bytes: every letter's HTML first (so a template error stops the
 * run before a browser starts), then batches of BATCH_SIZE letters per Chromium document,
 * split per letter. Writes nothing: the caller decides where bytes go.
 */
import type { LetterView } from './model.js';
import type { Printer } from './pdf.js';
import { batchDocument, renderLetterHtml, type RenderedLetter } from './render-html.js';
import type { SplitLetter } from './split.js';
import { openSplitter } from './split-thread.js';
import type { LetterRenderer } from './templates.js';

/**
 * Letters per Chromium document. Measured on the 2-core machine (bench/letters.js, same runs):
 * 100 printed faster than 200 (Chromium's layout of a big document costs more per letter) and
 * leaves a shorter tail to split after the last print; 50 was no better than 100.
 */
export const BATCH_SIZE = 100;

export interface PrintedLetters {
  readonly letters: readonly SplitLetter[];
  readonly combined: Uint8Array | null;
}

export interface PrintOptions {
  readonly combine: boolean;
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export { sha256 } from './split.js';

/** Pure: every letter's HTML. */
export function renderAll(renderer: LetterRenderer, views: readonly LetterView[]): RenderedLetter[] {
  return views.map((v) => renderLetterHtml(renderer, v));
}

/**
 * Batches are pipelined: every batch is handed to the printer at once (it prints as many as
 * it has tabs, the rest wait) while the splitter (a worker thread, split-thread.ts) splits the
 * finished ones, one after the other, so letters and the combined file keep their order. The
 * main thread only feeds Chromium, so the next batch's print is never held up by a split.
 * When a batch's markers are lost (a user's stylesheet hid them, say), each of its letters is
 * printed alone: slower, still right.
 */
export async function printAll(renderer: LetterRenderer, html: readonly RenderedLetter[], printer: Printer, opts: PrintOptions): Promise<PrintedLetters> {
  const size = Math.max(1, opts.batchSize ?? BATCH_SIZE);
  const batches: RenderedLetter[][] = [];
  for (let start = 0; start < html.length; start += size) batches.push(html.slice(start, start + size));
  const printing = batches.map((b) => printer.print(batchDocument(renderer.css, b)));
  // Awaited in order below; marked handled so a later batch's failure is not "unhandled" meanwhile.
  for (const p of printing) p.catch(() => undefined);
  const splitter = openSplitter(opts.combine);
  try {
    const letters: SplitLetter[] = [];
    for (const [k, batch] of batches.entries()) {
      let printed = await splitter.split(await printing[k]!, batch.length);
      if (!printed) {
        printed = [];
        for (const one of batch) printed.push(await splitter.whole(await printer.print(batchDocument(renderer.css, [one]))));
      }
      letters.push(...printed);
      opts.onProgress?.(letters.length, html.length);
    }
    return { letters, combined: await splitter.finish() };
  } finally {
    await splitter.close();
  }
}
