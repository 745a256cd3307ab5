/**
 * All-or-nothing output (edge): every file is written to a temporary folder beside --out
 * (same file system, so moving is a rename), then moved into --out; `commit` runs last (the
 * journal append) and, if it or any move fails, every file moved is removed again.
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { EnvironmentError, InputError } from '../model/errors.js';
import { MANIFEST_JSON } from './file-names.js';
import { parseManifest, type ManifestRun } from './manifest.js';

export interface OutFile {
  readonly name: string;
  readonly bytes: Uint8Array | string;
  /** Replaced when it exists (the manifests, rewritten with this run's rows added); letters never are. */
  readonly replace?: boolean;
}

/** Names that already exist in `dir` and may not be replaced. */
export function existingTargets(dir: string, files: readonly OutFile[]): string[] {
  return files.filter((f) => !f.replace && existsSync(path.join(dir, f.name))).map((f) => f.name);
}

export function refuseExisting(dir: string, display: string, files: readonly OutFile[]): void {
  const clash = existingTargets(dir, files);
  if (clash.length === 0) return;
  const shown = clash.slice(0, 20).map((n) => `  ${path.join(display, n)}`).join('\n');
  const more = clash.length > 20 ? `\n  … and ${clash.length - 20} more` : '';
  throw new InputError(
    `${clash.length} letter file(s) already exist in ${display}; nothing was written. Move them away, or choose another --out:\n${shown}${more}`,
  );
}

/**
 * Before any rendering: --out must be a folder we can write, or be creatable in the nearest
 * existing folder above it. Nothing is created yet (a failed run leaves no empty folder).
 */
export function checkOutDir(dir: string, display: string): void {
  let probe = dir;
  while (!existsSync(probe)) {
    const up = path.dirname(probe);
    if (up === probe) break;
    probe = up;
  }
  let problem: string | null = null;
  try {
    if (!statSync(probe).isDirectory()) problem = `${probe} is not a folder`;
    else accessSync(probe, constants.W_OK);
  } catch (e) {
    problem = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  }
  if (problem) throw new EnvironmentError(`cannot write to the output folder ${display} (${problem})`);
}

/**
 * Creates --out (and parents); a failure is the environment's (exit 3). Returns the first
 * folder it created (null if --out existed), for removeCreatedDirs when the run then fails.
 */
export async function ensureOutDir(dir: string, display: string): Promise<string | null> {
  try {
    const created = (await fs.mkdir(dir, { recursive: true })) ?? null;
    await fs.access(dir, fs.constants.W_OK);
    return created;
  } catch (e) {
    throw new EnvironmentError(`cannot write to the output folder ${display} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/**
 * After a failed run: removes the folders ensureOutDir created, from `dir` up to `created`,
 * each only while empty (never anything else that appeared there meanwhile).
 */
export async function removeCreatedDirs(dir: string, created: string | null): Promise<void> {
  if (created === null) return;
  const top = path.resolve(created);
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    try {
      await fs.rmdir(d);
    } catch {
      return; // not empty, or gone: leave it and everything above
    }
    if (d === top || path.dirname(d) === d) return;
  }
}

/**
 * The runs already recorded in `<dir>/manifest.json` (none when there is no such file). A
 * manifest that cannot be read is exit 2: replacing it would lose what it records.
 */
export function readManifestRuns(dir: string, display: string): ManifestRun[] {
  const file = path.join(dir, MANIFEST_JSON);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new EnvironmentError(`cannot read ${path.join(display, MANIFEST_JSON)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const r = parseManifest(text);
  if (!r.ok) {
    throw new InputError(
      `${path.join(display, MANIFEST_JSON)}: ${r.why}; each run adds its letters to it, so it is not replaced: fix it, move it away or choose another --out. Nothing was written`,
    );
  }
  return r.runs;
}

export async function writeAllOrNothing(dir: string, display: string, files: readonly OutFile[], commit: () => Promise<void>): Promise<void> {
  let tmp: string;
  try {
    tmp = await fs.mkdtemp(path.join(path.dirname(dir), `.${path.basename(dir)}.dunning-tmp-`));
  } catch (e) {
    throw new EnvironmentError(`cannot write beside the output folder ${display} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const moved: { target: string; backup: string | null }[] = [];
  try {
    try {
      for (const f of files) await fs.writeFile(path.join(tmp, f.name), f.bytes);
    } catch (e) {
      throw new EnvironmentError(`cannot write the letters (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    // Checked again right before moving: another run may have written meanwhile.
    refuseExisting(dir, display, files);
    for (const f of files) {
      const target = path.join(dir, f.name);
      let backup: string | null = null;
      if (f.replace && existsSync(target)) {
        backup = path.join(tmp, `${f.name}.previous`);
        await fs.rename(target, backup);
      }
      moved.push({ target, backup });
      await fs.rename(path.join(tmp, f.name), target);
    }
    await commit();
  } catch (e) {
    for (const m of moved.reverse()) {
      await fs.rm(m.target, { force: true });
      if (m.backup) await fs.rename(m.backup, m.target).catch(() => undefined);
    }
    const code = (e as NodeJS.ErrnoException).code;
    throw typeof code === 'string' && /^E[A-Z]+$/.test(code) ? new EnvironmentError(`cannot write the letters to ${display} (${code})`) : e;
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}
