#!/usr/bin/env node
/**
 * Ledger benchmark (run by `npm run bench`, after `npm run build`): times reading a big FEC.
 *   (a) the floor: a minimal hand-written single pass in this file (1 MB chunks,
 *       TextDecoder('iso-8859-15'), split lines and fields, sum debit − credit per customer of
 *       the 411 lines in integer cents): what any FEC reader must at least do;
 *   (b) `dunning aging --fec FILE --as-of 2026-11-30 --format json > /dev/null`;
 *   (c) `dunning check --fec FILE > /dev/null`.
 * Each runs as its own process BENCH_RUNS times (default 5); the table shows the median wall
 * time, the ratio to the floor's median and the peak RSS (max over the runs). Peak RSS comes
 * from GNU time (`/usr/bin/time -f %M`) when installed, else from polling the child's VmHWM
 * in /proc every 50 ms (VmHWM is the high-water mark, so a late poll still sees the peak).
 * Targets: aging within 1.5× the floor, peak RSS under 400 MB.
 * Env: BENCH_LINES (default 1000000), BENCH_RUNS (default 5), BENCH_SEED (default 42),
 * BENCH_NO_TIME=1 to poll /proc even when GNU time is there.
 * `node bench/ledger.js --floor FILE` runs the floor alone and prints its totals as JSON.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, openSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureFec } from './gen-fec.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(HERE);
const BIN = path.join(ROOT, 'bin', 'dunning.js');
const TIME = '/usr/bin/time';
const AS_OF = '2026-11-30';
const TARGET_RATIO = 1.5;
const TARGET_RSS_MB = 400;

// ---------------------------------------------------------------- (a) the floor
/** Integer cents of a FEC amount (`1234,56`, `-12,5`, `12,50-`, spaces), by a char loop. */
function cents(s, from, to) {
  let v = 0;
  let dec = -1;
  let negative = false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (dec >= 0) {
        if (dec >= 2) continue;
        dec++;
      }
      v = v * 10 + (c - 48);
    } else if (c === 44 || c === 46) dec = 0;
    else if (c === 45) negative = true;
  }
  if (dec < 0) v *= 100;
  else if (dec < 2) v *= dec === 0 ? 100 : 10;
  return negative ? -v : v;
}

export async function floor(file) {
  const decoder = new TextDecoder('iso-8859-15');
  const balances = new Map();
  let cols = null;
  let rest = '';
  let lines = 0;
  let customerLines = 0;
  const handle = (line) => {
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    if (cols === null) {
      const names = line.replace(/^\uFEFF/, '').split('\t').map((h) => h.trim().toLowerCase());
      cols = { compte: names.indexOf('comptenum'), aux: names.indexOf('compauxnum'), debit: names.indexOf('debit'), credit: names.indexOf('credit') };
      return;
    }
    lines++;
    // Field boundaries by indexOf: no array of fields per line.
    let field = 0;
    let start = 0;
    let compte = '';
    let aux = '';
    let amount = 0;
    const last = Math.max(cols.compte, cols.aux, cols.debit, cols.credit);
    while (field <= last) {
      let end = line.indexOf('\t', start);
      if (end < 0) end = line.length;
      if (field === cols.compte) {
        if (!line.startsWith('411', start)) return;
        compte = line.slice(start, end);
      } else if (field === cols.aux) aux = line.slice(start, end);
      else if (field === cols.debit) amount += cents(line, start, end);
      else if (field === cols.credit) amount -= cents(line, start, end);
      field++;
      start = end + 1;
    }
    customerLines++;
    const who = aux || compte;
    balances.set(who, (balances.get(who) ?? 0) + amount);
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const text = rest + decoder.decode(chunk, { stream: true });
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      handle(text.slice(from, nl));
      from = nl + 1;
    }
    rest = text.slice(from);
  }
  rest += decoder.decode();
  if (rest.length) handle(rest);
  let total = 0;
  for (const v of balances.values()) total += v;
  return { lines, customerLines, customers: balances.size, balance: formatCents(total) };
}

const formatCents = (c) => `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;

// ---------------------------------------------------------------- measuring a child process
/**
 * Runs a command with stdout to a file (or /dev/null); resolves to { seconds, rssMb, code, stderr }.
 */
async function measure(argv, stdoutFile = '/dev/null') {
  const out = openSync(stdoutFile, 'w');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'dunning-bench-'));
  const rssFile = path.join(tmp, 'rss');
  const useTime = existsSync(TIME) && !process.env.BENCH_NO_TIME;
  const full = useTime ? [TIME, '-f', '%M', '-o', rssFile, ...argv] : argv;
  const t0 = process.hrtime.bigint();
  const child = spawn(full[0], full.slice(1), { cwd: ROOT, stdio: ['ignore', out, 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  let hwmKb = 0;
  const poll = useTime
    ? null
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) hwmKb = Math.max(hwmKb, Number.parseInt(m[1], 10));
        } catch {
          // the child has just exited
        }
      }, 50);
  const code = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (poll) clearInterval(poll);
  closeSync(out);
  if (useTime) {
    const kb = /(\d+)\s*$/.exec(readFileSync(rssFile, 'utf8').trim());
    hwmKb = kb ? Number.parseInt(kb[1], 10) : 0;
  }
  rmSync(tmp, { recursive: true, force: true });
  return { seconds, rssMb: hwmKb / 1024, code, stderr };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function series(name, argv, runs) {
  const times = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const r = await measure(argv);
    if (r.code !== 0) {
      process.stderr.write(`  ${name}: exit ${r.code}\n${r.stderr.trim().split('\n').slice(-5).map((l) => `    ${l}`).join('\n')}\n`);
      return { name, failed: true };
    }
    times.push(r.seconds);
    rss = Math.max(rss, r.rssMb);
    process.stderr.write(`  ${name} run ${i + 1}/${runs}: ${r.seconds.toFixed(2)} s, ${r.rssMb.toFixed(0)} MB\n`);
  }
  return { name, median: median(times), min: Math.min(...times), rss, runs };
}

// ---------------------------------------------------------------- main
async function main() {
  const lines = Number.parseInt(process.env.BENCH_LINES ?? '1000000', 10);
  const runs = Number.parseInt(process.env.BENCH_RUNS ?? '5', 10);
  const seed = Number.parseInt(process.env.BENCH_SEED ?? '42', 10);
  const file = ensureFec({ lines, seed, log: (m) => process.stderr.write(`${m}\n`) });
  const rel = path.relative(ROOT, file);
  const mb = statSync(file).size / 1e6;
  process.stdout.write(`\nLedger benchmark: ${rel} (${lines.toLocaleString('en')} lines requested, ${mb.toFixed(0)} MB, ISO-8859-15, tab, CRLF)\n`);
  process.stdout.write(`Node ${process.version}, ${os.cpus().length} CPU(s), ${runs} runs each; peak RSS from ${existsSync(TIME) && !process.env.BENCH_NO_TIME ? 'GNU time' : '/proc VmHWM polling'}\n\n`);
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) {
    process.stderr.write('dist/ is missing: run `npm run build` first (npm run bench does).\n');
    process.exitCode = 2;
    return;
  }

  const node = process.execPath;
  const results = [
    await series('floor (single pass)', [node, fileURLToPath(import.meta.url), '--floor', file], runs),
    await series('aging --format json', [node, BIN, 'aging', '--fec', rel, '--as-of', AS_OF, '--format', 'json'], runs),
    await series('check', [node, BIN, 'check', '--fec', rel], runs),
  ];

  // Correctness, once, untimed: aging's total balance must equal the floor's 411 balance.
  let agreement = 'not checked (aging failed)';
  if (!results[1].failed) {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'dunning-bench-'));
    const out = path.join(tmp, 'aging.json');
    await measure([node, BIN, 'aging', '--fec', rel, '--as-of', AS_OF, '--format', 'json'], out);
    const floorTotals = await floor(file);
    try {
      const aging = JSON.parse(readFileSync(out, 'utf8'));
      const got = aging.totals?.balance;
      agreement = got === floorTotals.balance ? `aging total ${got} = floor's 411 balance` : `MISMATCH: aging total ${got}, floor's 411 balance ${floorTotals.balance}`;
    } catch (e) {
      agreement = `aging output is not JSON (${e.message})`;
    }
    rmSync(tmp, { recursive: true, force: true });
  }

  const base = results[0].failed ? null : results[0].median;
  const row = (cells) => `${cells[0].padEnd(22)}${cells[1].padStart(10)}${cells[2].padStart(10)}${cells[3].padStart(12)}\n`;
  let table = row(['', 'median', '× floor', 'peak RSS']);
  for (const r of results) {
    table += r.failed ? row([r.name, 'failed', '', '']) : row([r.name, `${r.median.toFixed(2)} s`, base ? (r.median / base).toFixed(2) : '', `${r.rss.toFixed(0)} MB`]);
  }
  process.stdout.write(table + '\n');
  const aging = results[1];
  const verdict = [];
  if (!aging.failed && base) {
    verdict.push(`aging ≤ ${TARGET_RATIO}× floor: ${aging.median / base <= TARGET_RATIO ? 'PASS' : 'FAIL'} (${(aging.median / base).toFixed(2)}×)`);
  }
  const worst = Math.max(...results.filter((r) => !r.failed).map((r) => r.rss));
  verdict.push(`peak RSS < ${TARGET_RSS_MB} MB: ${worst < TARGET_RSS_MB ? 'PASS' : 'FAIL'} (max ${worst.toFixed(0)} MB)`);
  verdict.push(agreement);
  process.stdout.write(verdict.map((v) => `  ${v}`).join('\n') + '\n');
  writeFileSync(path.join(path.dirname(file), 'ledger-results.json'), JSON.stringify({ file: rel, lines, runs, results, agreement, date: new Date().toISOString() }, null, 2));
  if (results.some((r) => r.failed) || agreement.startsWith('MISMATCH')) process.exitCode = 1;
}

if (process.argv[2] === '--floor') {
  floor(process.argv[3]).then((t) => process.stdout.write(JSON.stringify(t) + '\n'));
} else {
  main().catch((e) => {
    process.stderr.write(`${e.stack ?? e}\n`);
    process.exitCode = 1;
  });
}
