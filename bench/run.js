#!/usr/bin/env node
/**
 * `npm run bench` (after `npm run build`): the ledger benchmark (bench/ledger.js), then the
 * letters benchmark (bench/letters.js) when it exists. Each runs as its own process with the
 * same environment (BENCH_LINES, BENCH_RUNS, …); the exit code is the first failure's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
let code = 0;
for (const script of ['ledger.js', 'letters.js']) {
  const file = path.join(HERE, script);
  if (!existsSync(file)) {
    process.stderr.write(`bench/${script}: not present, skipped\n`);
    continue;
  }
  const r = spawnSync(process.execPath, [file], { stdio: 'inherit', env: process.env });
  const status = r.status ?? 1;
  if (status !== 0) process.stderr.write(`bench/${script}: exit ${status}\n`);
  if (code === 0) code = status;
}
process.exitCode = code;
