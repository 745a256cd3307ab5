/** Reads a PDF's text back, page by page (pdfjs-dist legacy build, Node). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const tc = await (await doc.getPage(i)).getTextContent();
    pages.push(tc.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

/** Text with every kind of space made a plain space, for simple `toContain` checks. */
export const flat = (s: string): string => s.replace(/[\u00a0\u202f\u2009\s]+/g, ' ');

/** A text run of a page, placed in millimetres from the sheet's top-left corner (x, baseline y). */
export interface PlacedText { str: string; x: number; y: number; size: number }

export async function placedText(bytes: Uint8Array, pageNo = 1): Promise<PlacedText[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const page = await doc.getPage(pageNo);
  const height = page.getViewport({ scale: 1 }).height;
  const mm = 25.4 / 72;
  const items = (await page.getTextContent()).items.flatMap((it) =>
    'str' in it && it.str.trim() !== ''
      ? [{ str: it.str, x: it.transform[4] * mm, y: (height - it.transform[5]) * mm, size: Math.hypot(it.transform[0], it.transform[1]) }]
      : [],
  );
  await doc.destroy();
  return items;
}
