/**
 * The same FEC given twice (`--fec a.txt --fec a.txt`, a link to it, or a copy with identical
 * bytes) would count every entry twice: found before reading, as an error naming both.
 * Contents are hashed only for files of equal size, so distinct years cost one `stat` each.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { InputFile } from '../books.js';
import { error } from '../../model/problems.js';
import type { Problem } from '../../model/types.js';

/** One error per file that repeats an earlier one (its index, to skip it, and the problem). */
export async function repeatedFecFiles(files: readonly InputFile[]): Promise<{ index: number; problem: Problem }[]> {
  if (files.length < 2) return [];
  const infos = await Promise.all(
    files.map(async (f) => {
      try {
        const [real, s] = await Promise.all([realpath(f.path), stat(f.path)]);
        return s.isFile() ? { real, size: s.size } : null;
      } catch {
        return null; // Missing or unreadable: reported by the reader.
      }
    }),
  );
  const hashes = new Map<number, Promise<string>>();
  const hashOf = (i: number): Promise<string> => {
    let h = hashes.get(i);
    if (!h) hashes.set(i, (h = hashFile(files[i]!.path)));
    return h;
  };
  const out: { index: number; problem: Problem }[] = [];
  for (let j = 1; j < files.length; j++) {
    const b = infos[j];
    if (!b || b.size === 0) continue;
    for (let i = 0; i < j; i++) {
      const a = infos[i];
      if (!a || a.size !== b.size || out.some((o) => o.index === i)) continue;
      const same = a.real === b.real ? 'the same file' : (await hashOf(i)) === (await hashOf(j)) ? 'the same content' : null;
      if (same === null) continue;
      const message = `found ${same} as ${files[i]!.display} (--fec given twice), expected each fiscal year once: every entry would be counted twice; give it once`;
      out.push({ index: j, problem: error(message, { file: files[j]!.display, line: 1 }) });
      break;
    }
  }
  return out;
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}
