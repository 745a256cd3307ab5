/**
 * Worker thread running the split (split.ts) so the main thread stays free to drive Chromium:
 * a synchronous pdf-lib split on the main thread delays the DevTools messages of the next
 * batch's print. Messages are handled one at a time, in the order sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { inThreadSplitter } from './split.js';
import type { SplitRequest, SplitReply } from './split-thread.js';

const splitter = inThreadSplitter((workerData as { combine: boolean }).combine);
const port = parentPort!;
let queue: Promise<void> = Promise.resolve();

async function handle(req: SplitRequest): Promise<void> {
  try {
    let reply: SplitReply;
    const transfer: ArrayBuffer[] = [];
    if (req.kind === 'split') {
      const letters = await splitter.split(req.pdf, req.count);
      reply = { id: req.id, ok: true, letters };
      for (const l of letters ?? []) transfer.push(l.bytes.buffer as ArrayBuffer);
    } else if (req.kind === 'whole') {
      const letter = await splitter.whole(req.pdf);
      reply = { id: req.id, ok: true, letter };
      transfer.push(letter.bytes.buffer as ArrayBuffer);
    } else {
      const combined = await splitter.finish();
      reply = { id: req.id, ok: true, combined };
      if (combined) transfer.push(combined.buffer as ArrayBuffer);
    }
    port.postMessage(reply, onlyWhole(transfer));
  } catch (e) {
    // The message only: the CLI shows a stack with --debug, and this one would be the worker's.
    port.postMessage({ id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies SplitReply);
  }
}

/** A buffer is transferred only once (pdf-lib's save gives each PDF its own, but be safe). */
const onlyWhole = (buffers: ArrayBuffer[]): ArrayBuffer[] => [...new Set(buffers)];

port.on('message', (req: SplitRequest) => {
  queue = queue.then(() => handle(req));
});
