import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load.js';

function ioFor(cwd: string) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { cwd, env: process.env, stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) }, now: () => new Date('2026-11-22T12:00:00') };
  return { io, out };
}

describe('dunning init', () => {
  it('writes a valid config with a creditor, the templates and sample data', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dunning-init-'));
    const { io, out } = ioFor(dir);
    expect(await main(['node', 'dunning', 'init', 'books'], io)).toBe(0);
    const root = path.join(dir, 'books');
    const config = loadConfig(undefined, root);
    expect(config.creditor?.name).toBe('Votre Société SARL');
    expect(config.templates).toBe(path.join(root, 'templates'));
    for (const f of ['templates/layout.hbs', 'templates/fr/formal-notice.hbs', 'templates/en/reminder.hbs', 'templates/partials/invoices.hbs', 'templates/partials/closing.hbs', 'templates/partials/interest.hbs', 'templates/partials/legal.hbs', 'templates/styles.css', 'data/invoices.csv', 'data/payments.csv', 'data/customers.csv']) {
      expect(existsSync(path.join(root, f)), f).toBe(true);
    }
    expect(readFileSync(path.join(root, 'data/invoices.csv'), 'utf8')).toContain('F-0001;C001;14/08/2026;13/09/2026;1 200,00');
    expect(out.stderr).toContain('wrote 22 files in books');
  });

  it('refuses to overwrite, lists the files and writes nothing (exit 2)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dunning-init-'));
    writeFileSync(path.join(dir, 'dunning.config.json'), '{}');
    const { io, out } = ioFor(dir);
    expect(await main(['node', 'dunning', 'init'], io)).toBe(2);
    expect(out.stderr).toContain('init: 1 file(s) already exist; nothing was written');
    expect(out.stderr).toContain('dunning.config.json');
    expect(existsSync(path.join(dir, 'templates'))).toBe(false);
    expect(readFileSync(path.join(dir, 'dunning.config.json'), 'utf8')).toBe('{}');
  });
});
