/**
 * The splitter of a run (split.ts) in a worker thread when the compiled worker exists (dist/),
 * else in this thread (vitest runs the .ts sources, where a worker cannot load split-worker.ts):
 * the same split code either way, only where it runs differs.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { inThreadSplitter, type SplitLetter, type Splitter } from './split.js';

export type SplitRequest =
  | { readonly id: number; readonly kind: 'split'; readonly pdf: Uint8Array; readonly count: number }
  | { readonly id: number; readonly kind: 'whole'; readonly pdf: Uint8Array }
  | { readonly id: number; readonly kind: 'finish' };

export type SplitReply =
  | { readonly id: number; readonly ok: true; readonly letters?: SplitLetter[] | null; readonly letter?: SplitLetter; readonly combined?: Uint8Array | null }
  | { readonly id: number; readonly ok: false; readonly error: string };

const WORKER = new URL('./split-worker.js', import.meta.url);

/** `DUNNING_SPLIT_THREAD=main` keeps the split in this thread (to compare). */
export function openSplitter(combine: boolean, env: NodeJS.ProcessEnv = process.env): Splitter {
  const compiled = import.meta.url.endsWith('.js') && existsSync(fileURLToPath(WORKER));
  return compiled && env.DUNNING_SPLIT_THREAD !== 'main' ? workerSplitter(combine) : inThreadSplitter(combine);
}

function workerSplitter(combine: boolean): Splitter {
  const worker = new Worker(WORKER, { workerData: { combine } });
  const pending = new Map<number, { resolve: (r: SplitReply & { ok: true }) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failure: Error | null = null;
  const failAll = (e: Error): void => {
    failure ??= e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (r: SplitReply) => {
    const p = pending.get(r.id);
    if (!p) return;
    pending.delete(r.id);
    if (r.ok) p.resolve(r);
    else p.reject(new Error(`splitting the printed PDF failed: ${r.error}`));
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => failAll(new Error(`the PDF split worker stopped (exit code ${code})`)));

  const send = (req: SplitRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never, transfer: ArrayBuffer[] = []): Promise<SplitReply & { ok: true }> => {
    if (failure) return Promise.reject(failure);
    const id = next++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...req, id }, transfer);
    });
  };
  /** Copied, not transferred, unless the view owns its whole buffer (a Buffer may share a pool). */
  const owned = (b: Uint8Array): ArrayBuffer[] => (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer ? [b.buffer] : []);

  return {
    async split(pdf, count) {
      return (await send({ kind: 'split', pdf, count }, owned(pdf))).letters ?? null;
    },
    async whole(pdf) {
      return (await send({ kind: 'whole', pdf }, owned(pdf))).letter!;
    },
    async finish() {
      return (await send({ kind: 'finish' })).combined ?? null;
    },
    async close() {
      failure ??= new Error('the PDF splitter is closed');
      await worker.terminate();
    },
  };
}
