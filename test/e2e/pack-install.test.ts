/**
 * The install path a user takes: `npm pack` the project, `npm i -g` the tarball into a temp
 * prefix (offline, from the npm cache: the dependencies are already there), then run the
 * installed `dunning`. Slow (~20-40 s on the 2-core machine), so it runs once. The build is
 * done by `npm test` before, so `--ignore-scripts` skips prepack's second build;
 * PUPPETEER_SKIP_DOWNLOAD skips puppeteer's browser download (Debian's chromium is used).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);
const tmp = mkdtempSync(path.join(tmpdir(), 'dunning-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm pack + npm i -g', () => {
  it('installs a working dunning that reads the examples', { timeout: 300_000 }, async () => {
    const env = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    await run('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp], { cwd: ROOT, env });
    const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const prefix = path.join(tmp, 'prefix');
    await run('npm', ['i', '-g', '--prefix', prefix, '--prefer-offline', path.join(tmp, tarball!)], { cwd: tmp, env, timeout: 280_000 });
    const bin = path.join(prefix, 'bin', 'dunning');
    expect(existsSync(bin)).toBe(true);
    const version = await run(bin, ['--version'], { cwd: tmp, env });
    expect(version.stdout.trim()).toBe('0.1.0');
    // The installed package reads its own examples exactly as this checkout does.
    const examples = path.join(prefix, 'lib', 'node_modules', 'dunning', 'examples');
    const args = (dir: string) => ['aging', '--fec', path.join(dir, 'fec', '123456789FEC20261130.txt'), '--as-of', '2026-11-30', '--format', 'json'];
    const installed = await run(bin, args(examples), { cwd: tmp, env });
    const local = await run(process.execPath, [path.join(ROOT, 'bin', 'dunning.js'), ...args(path.join(ROOT, 'examples'))], { cwd: tmp, env });
    const doc = JSON.parse(installed.stdout) as { asOf: string; customers: unknown[] };
    expect(doc.asOf).toBe('2026-11-30');
    expect(doc.customers.length).toBeGreaterThan(10);
    expect(installed.stdout.replaceAll(examples, '<examples>')).toBe(local.stdout.replaceAll(path.join(ROOT, 'examples'), '<examples>'));
  });
});
