/**
 * Letters to one HTML document for Chromium. Several letters share one document (one PDF
 * per batch, split afterwards: ENGINEERING.md measured 83 letters/s that way against 21 for
 * one page per letter). Each letter starts on a new page with a tiny transparent link to
 * `https://dunning.invalid/letter/<n>` (a reserved domain, never fetched): Chromium writes
 * every link as an annotation of the page it is on, which is how letters/pdf.ts finds the
 * page each letter starts on (and then removes those annotations). The link is an empty
 * 1 x 1 px block: its box is enough for Chromium to write the annotation, and without any
 * content it leaves no glyph in the text layer (a "." there showed in every letter's copied
 * or extracted text). A PDF outline would do too, but it needs a tagged PDF, measured a
 * third slower.
 */
import type { Language } from '../model/types.js';
import type { LetterView } from './model.js';
import type { LetterRenderer } from './templates.js';

export const MARKER_PREFIX = 'https://dunning.invalid/letter/';

/** Nothing leaves the document: no scripts, no network; images and fonts only as data: URIs. */
export const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:";

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** Rules the splitting relies on, after the user's styles so they cannot be lost. */
const MECHANICS = `
section.dunning-letter { break-before: page; position: relative; }
section.dunning-letter:first-child { break-before: auto; }
a.dunning-marker { position: absolute !important; display: block !important; visibility: visible !important; top: 0; left: 0; width: 1px; height: 1px; margin: 0; padding: 0; font-size: 1px; line-height: 1px; color: transparent !important; text-decoration: none; overflow: hidden; }
`;

export interface RenderedLetter {
  readonly html: string;
  readonly language: Language;
}

export function renderLetterHtml(renderer: LetterRenderer, view: LetterView): RenderedLetter {
  return { html: renderer.render(view), language: view.language };
}

/** The HTML document of a batch; letter `i` carries the marker link `…/letter/i`. */
export function batchDocument(css: string, letters: readonly RenderedLetter[]): string {
  const lang = letters.length > 0 && letters.every((l) => l.language === 'en') ? 'en' : 'fr';
  const body = letters
    .map((l, i) => `<section class="dunning-letter" lang="${l.language}"><a class="dunning-marker" href="${MARKER_PREFIX}${i}"></a>\n${l.html}\n</section>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">
<title>dunning</title>
<style>
${css.replace(/<\/style/gi, '<\\/style')}
${MECHANICS}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
