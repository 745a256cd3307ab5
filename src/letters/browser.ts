/**
 * Finds a Chromium for the PDFs (edge): PUPPETEER_EXECUTABLE_PATH, then puppeteer's own
 * downloaded browser, then the usual names on $PATH (a Chromium installed under /usr/local,
 * by Nix or Homebrew…), then the usual system paths. None → EnvironmentError (exit 3).
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
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

/** Looked up on $PATH, in this order. */
export const PATH_BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

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
  /** For tests: puppeteer's own browser (default: asked of puppeteer). */
  readonly own?: string | null;
  /** For tests: the candidates after the env variable (default: browserCandidates). */
  readonly candidates?: readonly string[];
}

/** After PUPPETEER_EXECUTABLE_PATH: puppeteer's own browser, each PATH folder's usual names, then SYSTEM_BROWSERS. */
export function browserCandidates(env: NodeJS.ProcessEnv, own: string | null): string[] {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((d) => d !== '' && path.isAbsolute(d));
  const onPath = PATH_BROWSERS.flatMap((name) => dirs.map((d) => path.join(d, name)));
  return [...(own ? [own] : []), ...onPath, ...SYSTEM_BROWSERS];
}

export function resolveBrowser(lookup: BrowserLookup): string {
  const fromEnv = lookup.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new EnvironmentError(`PUPPETEER_EXECUTABLE_PATH=${fromEnv}: not an executable file; point it at a Chrome or Chromium binary, or unset it`);
  }
  const candidates = lookup.candidates ?? browserCandidates(lookup.env, lookup.own !== undefined ? lookup.own : puppeteerOwn());
  const found = candidates.find(isExecutable);
  if (found) return found;
  throw new EnvironmentError(
    'no Chrome or Chromium found to print the PDF letters. Install one (Debian/Ubuntu: sudo apt-get install chromium) ' +
      'or set PUPPETEER_EXECUTABLE_PATH to a Chrome/Chromium binary.',
  );
}
