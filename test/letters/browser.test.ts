import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveBrowser } from '../../src/letters/browser.js';
import { EnvironmentError } from '../../src/model/errors.js';

describe('resolveBrowser', () => {
  it('takes PUPPETEER_EXECUTABLE_PATH first', () => {
    expect(resolveBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: '/usr/bin/chromium' }, candidates: [] })).toBe('/usr/bin/chromium');
  });

  it('refuses a PUPPETEER_EXECUTABLE_PATH that is not executable', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dunning-browser-')), 'chrome');
    writeFileSync(file, 'not a browser', { mode: 0o644 });
    expect(() => resolveBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: file } })).toThrow(`PUPPETEER_EXECUTABLE_PATH=${file}: not an executable file`);
    expect(() => resolveBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: os.tmpdir() } })).toThrow(/not an executable file/);
  });

  it('takes the first executable candidate', () => {
    expect(resolveBrowser({ env: {}, candidates: ['/nonexistent/chrome', '/usr/bin/chromium'] })).toBe('/usr/bin/chromium');
  });

  it('without any browser says how to get one (exit 3)', () => {
    let err: unknown;
    try {
      resolveBrowser({ env: {}, candidates: ['/nonexistent/chrome'] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as EnvironmentError).exitCode).toBe(3);
    expect((err as Error).message).toMatch(/no Chrome or Chromium found.*apt-get install chromium.*PUPPETEER_EXECUTABLE_PATH/);
  });
});
