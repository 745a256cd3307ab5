/**
 * HTML to PDF with a headless Chromium (edge). One browser per run, one page, JavaScript off,
 * every request but `data:` URIs refused. Letters are printed in batches as one document
 * (render-html.ts) and the batch PDF is split per letter with pdf-lib: the link annotation
 * Chromium writes for each letter's marker link says on which page that letter starts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PDFDocument } from 'pdf-lib';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { EnvironmentError } from '../model/errors.js';
import { splitByMarkers, wholeLetter, type PrintedLetter } from './split.js';

/** The flags asked for, no puppeteer defaults (which turn on features we do not want). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Debian's /dev/shm is small in containers; Chromium crashes on big documents without this.
  '--disable-dev-shm-usage',
] as const;

export interface Printer {
  /** One HTML document to one PDF. */
  print(html: string): Promise<Uint8Array>;
  readonly browserPid: number | null;
  close(): Promise<void>;
}

const PDF_OPTIONS = { format: 'a4', printBackground: true, preferCSSPageSize: true, outline: false, tagged: false, timeout: 300_000 } as const;

async function openPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    // setContent loads into about:blank; only inline data may be fetched (logo, fonts).
    if (url.startsWith('data:') || url === 'about:blank') void req.continue();
    else void req.abort('blockedbyclient');
  });
  return page;
}

/**
 * `pages`: documents printed at once, each in its own tab. Chromium lays a document out on
 * one thread, so two tabs use both cores of a small machine; memory grows with each.
 */
export async function openPrinter(executablePath: string, opts: { readonly pages?: number } = {}): Promise<Printer> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'dunning-chromium-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      ignoreDefaultArgs: true,
      args: [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`, 'about:blank'],
      pipe: true,
      timeout: 60_000,
    });
  } catch (e) {
    await rm(userDataDir, { recursive: true, force: true });
    throw new EnvironmentError(`cannot start the browser ${executablePath}: ${(e as Error).message.split('\n')[0]}`);
  }
  const free: Page[] = [];
  for (let i = 0; i < Math.max(1, opts.pages ?? DEFAULT_PAGES); i++) free.push(await openPage(browser));
  const waiting: ((p: Page) => void)[] = [];
  const acquire = (): Promise<Page> => {
    const p = free.pop();
    return p ? Promise.resolve(p) : new Promise((resolve) => waiting.push(resolve));
  };
  const release = (p: Page): void => {
    const next = waiting.shift();
    if (next) next(p);
    else free.push(p);
  };

  // A page prints one document at a time; calls wait for a free page, first come first served.
  const print = async (html: string): Promise<Uint8Array> => {
    const page = await acquire();
    try {
      await page.setContent(html, { waitUntil: 'load', timeout: 300_000 });
      return await page.pdf(PDF_OPTIONS);
    } finally {
      release(page);
    }
  };

  return {
    browserPid: browser.process()?.pid ?? null,
    print,
    async close() {
      await browser.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Tabs printing at once for a machine of `cores` cores: Chromium lays a document out on one
 * thread per tab, and Node (feeding Chromium) with the split worker needs about one core. On
 * the 2-core build machine two tabs were not reliably faster and took ~210 MB more (README,
 * Speed), hence one there; a few (at most 3) where there are cores to spare.
 */
export function defaultPages(cores: number): number {
  return Math.min(3, Math.max(1, Math.floor(cores) - 1));
}

export const DEFAULT_PAGES = defaultPages(os.availableParallelism());

/**
 * A printed batch of `count` letters to one PDF per letter, in order; with `combined`, every
 * page is also appended to it (the `--combine` file). When the markers are lost (a user's
 * stylesheet hid them, say), each letter is printed alone: slower, still right.
 */
export async function splitBatch(
  printer: Pick<Printer, 'print'>,
  batch: Uint8Array,
  count: number,
  alone: (i: number) => string,
  combined?: PDFDocument,
): Promise<PrintedLetter[]> {
  const split = await splitByMarkers(batch, count, combined);
  if (split) return split;
  const out: PrintedLetter[] = [];
  for (let i = 0; i < count; i++) out.push(await wholeLetter(await printer.print(alone(i)), combined));
  return out;
}

export { markerPages, newCombined, saveCombined, splitByMarkers, type PrintedLetter } from './split.js';
