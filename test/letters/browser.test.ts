import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserCandidates, PATH_BROWSERS, resolveBrowser, SYSTEM_BROWSERS } from '../../src/letters/browser.js';
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

  describe('on $PATH', () => {
    const fakeDir = (files: Record<string, number>) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'dunning-path-'));
      for (const [name, mode] of Object.entries(files)) writeFileSync(path.join(dir, name), '#!/bin/sh\n', { mode });
      return dir;
    };

    it('finds a browser in a PATH folder, after puppeteer\'s own and before the fixed paths', () => {
      const a = fakeDir({ chromium: 0o644, 'google-chrome': 0o755 }); // a non-executable chromium is skipped
      const env = { PATH: ['/nonexistent/bin', a].join(path.delimiter) };
      expect(resolveBrowser({ env, own: null })).toBe(path.join(a, 'google-chrome'));
      const own = path.join(fakeDir({ chrome: 0o755 }), 'chrome');
      expect(resolveBrowser({ env, own })).toBe(own);
    });

    it('takes the names in order (chromium, chromium-browser, google-chrome, google-chrome-stable), each searched along PATH', () => {
      const a = fakeDir({ 'google-chrome-stable': 0o755 });
      const b = fakeDir({ 'chromium-browser': 0o755 });
      expect(resolveBrowser({ env: { PATH: [a, b].join(path.delimiter) }, own: null })).toBe(path.join(b, 'chromium-browser'));
      expect(browserCandidates({ PATH: [a, b].join(path.delimiter) }, '/own/chrome')).toEqual([
        '/own/chrome',
        ...PATH_BROWSERS.flatMap((n) => [path.join(a, n), path.join(b, n)]),
        ...SYSTEM_BROWSERS,
      ]);
    });

    it('ignores empty and relative PATH entries (no browser picked up from the working folder)', () => {
      expect(browserCandidates({ PATH: ['', '.', 'bin', '/opt/x'].join(path.delimiter) }, null)).toEqual([
        ...PATH_BROWSERS.map((n) => path.join('/opt/x', n)),
        ...SYSTEM_BROWSERS,
      ]);
      expect(browserCandidates({}, null)).toEqual(SYSTEM_BROWSERS);
    });
  });
});

describe('defaultPages', () => {
  it('prints with one tab on 1 or 2 cores, one tab per spare core beyond, 3 at most', async () => {
    const { defaultPages } = await import('../../src/letters/pdf.js');
    expect([1, 2, 3, 4, 8, 64].map(defaultPages)).toEqual([1, 1, 2, 3, 3, 3]);
  });
});
