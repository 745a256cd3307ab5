/**
 * Finds a Chromium for the PDFs (edge): PUPPETEER_EXECUTABLE_PATH, then puppeteer's own
 * downloaded browser, then the usual system paths. None → EnvironmentError (exit 3).
 */
import { accessSync, constants, statSync } from 'node:fs';
import puppeteer from 'puppeteer';
import { EnvironmentError } from '../model/errors.js';

export const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const isExecutable = (p: string): boolean => {
  try {
    accessSync(p, constants.X_OK);
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

function puppeteerOwn(): string | null {
  try {
    return puppeteer.executablePath();
  } catch {
    return null; // no browser downloaded: puppeteer throws rather than answer
  }
}

export interface BrowserLookup {
  readonly env: NodeJS.ProcessEnv;
  /** For tests: the candidates after the env variable (default: puppeteer's, then SYSTEM_BROWSERS). */
  readonly candidates?: readonly string[];
}

export function resolveBrowser(lookup: BrowserLookup): string {
  const fromEnv = lookup.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new EnvironmentError(`PUPPETEER_EXECUTABLE_PATH=${fromEnv}: not an executable file; point it at a Chrome or Chromium binary, or unset it`);
  }
  const own = puppeteerOwn();
  const candidates = lookup.candidates ?? [...(own ? [own] : []), ...SYSTEM_BROWSERS];
  const found = candidates.find(isExecutable);
  if (found) return found;
  throw new EnvironmentError(
    'no Chrome or Chromium found to print the PDF letters. Install one (Debian/Ubuntu: sudo apt-get install chromium) ' +
      'or set PUPPETEER_EXECUTABLE_PATH to a Chrome/Chromium binary.',
  );
}
