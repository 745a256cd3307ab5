/**
 * The standard streams at the edge (cli/io.ts): a reader that stops early (`| head`) is not a
 * crash, a write that fails for another reason is exit 3 with a message, never a stack.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'dunning.js');
const CONFIG = path.join(ROOT, 'examples', 'dunning.config.json');
const ARGS = ['aging', '--config', CONFIG, '--as-of', '2026-11-30', '--by', 'invoice', '--format', 'csv'];

/** Runs dunning with its stdout (and stderr too when `both`) read by nobody: the read end is closed at once. */
function withClosedReader(both: boolean): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...ARGS], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    if (both) child.stderr.destroy();
    else child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('standard streams', () => {
  it('a reader that closes stdout early: the run ends normally, no stack trace', async () => {
    const r = await withClosedReader(false);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|node:events/);
    expect(r.code).toBe(0);
  });

  it('stdout and stderr both closed early (`2>&1 | head`): exit 0', async () => {
    const r = await withClosedReader(true);
    expect(r.code).toBe(0);
  });

  it.runIf(existsSync('/dev/full'))('stdout on a full disk: exit 3 and a message, not a crash', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, ...ARGS], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      expect(r.stderr).toContain('dunning: the output could not be written (ENOSPC)');
      expect(r.stderr).not.toMatch(/node:events|at writeSync/);
      expect(r.status).toBe(3);
    } finally {
      closeSync(fd);
    }
  });
});
