// Letters benchmark: renders letters for 1,000 synthetic customers (separate PDFs plus the
// combined file) through the same path as `dunning letters` (templates → batches → split),
// three times, and prints the median letters/s and the browser's peak memory (sum of the PSS
// of Chromium's processes, sampled every 100 ms from /proc/<pid>/smaps_rollup). Timed: the
// letters' HTML, printing, splitting, the combined file and writing the files to a temp folder.
// Run after a build: `npx tsc -p tsconfig.json && node bench/letters.js [customers]`
// (or BENCH_LETTERS / BENCH_RUNS in the environment, as `npm run bench` passes them).
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileTemplates } from '../dist/letters/templates.js';
import { loadTemplateSet } from '../dist/letters/template-files.js';
import { resolveBrowser } from '../dist/letters/browser.js';
import { openPrinter } from '../dist/letters/pdf.js';
import { BATCH_SIZE, printAll, renderAll } from '../dist/letters/produce.js';
import { batchDocument } from '../dist/letters/render-html.js';
import { letterViews } from '../dist/letters/plan-letters.js';
import { Dec } from '../dist/model/money.js';

const N = Number(process.argv[2] ?? process.env.BENCH_LETTERS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Tabs printing at once (the CLI's default is DEFAULT_PAGES). */
const PAGES = process.env.BENCH_PAGES ? Number(process.env.BENCH_PAGES) : undefined;
const STEPS = ['reminder', 'registered_reminder', 'formal_notice'];

function synthetic(n) {
  const customers = new Map();
  const actions = [];
  for (let i = 0; i < n; i++) {
    const id = `C${String(i).padStart(5, '0')}`;
    customers.set(id, {
      id, name: `Société Numéro ${i} SARL`, address: [`${i} avenue de la République`], postcode: '75011', city: 'Paris',
      country: 'France', email: '', phone: '', contact: i % 3 ? 'Mme Lefèvre' : '', language: i % 10 === 0 ? 'en' : 'fr',
      termsDays: null, termsEndOfMonth: false, kind: i % 7 === 0 ? 'consumer' : 'business', status: 'active', source: null,
    });
    const count = 1 + (i % 4);
    const invoices = Array.from({ length: count }, (_, k) => {
      const amount = 10000 + ((i * 7919 + k * 104729) % 500000);
      const entry = { id: `b:${i}:${k}`, source: { file: 'b', line: i * 4 + k + 2 }, customer: id, customerName: id, account: '411',
        kind: 'invoice', side: 'debit', amount, ref: `F2026-${i}-${k}`, date: '2026-07-01', dueDate: '2026-07-31', label: '',
        journal: '', entryNum: '', letter: null, letterDate: null, explicitInvoice: null, opening: false, currency: 'EUR' };
      return { customer: id, number: entry.ref, key: `${id}|${entry.ref}`, entry, dueDate: '2026-07-31', daysLate: 114,
        residual: k === 0 ? Math.floor(amount / 2) : amount, lastStep: null, lastStepDate: null, nextStep: null, nextStepDate: null, blocked: null, explain: [] };
    });
    actions.push({ customer: id, step: STEPS[i % 3], invoices, amount: invoices.reduce((s, x) => s + x.residual, 0) });
  }
  // As the interest engine gives them: two periods (across 1 July) at the legal rate, so a
  // formal notice prints its period lines as a real one does.
  const rate = new Dec('12.15');
  const period = (from, to, days, base, interest) => ({ from, to, days, base, rate, interest });
  const charges = new Map(actions.flatMap((a) => a.invoices.map((x) => [x.entry.id, {
    interest: 1234, indemnity: 4000, basis: 'ecb_plus_10',
    periods: [period('2026-06-01', '2026-06-30', 30, x.residual, 600), period('2026-07-01', '2026-07-31', 31, x.residual, 634)],
  }])));
  return letterViews(actions, {
    customers, creditor: { name: 'Bench SAS', address: ['1 rue du Test'], postcode: '75001', city: 'Paris', country: 'France', siren: '123456789',
      phone: '01 00 00 00 00', email: 'a@b.example', iban: 'FR76 3000 6000 0112 3456 7890 189', bic: 'AGRIFRPPXXX' },
    logo: null, journal: [], charges, asOf: '2026-11-22', letters: { deadlineDays: 8, formalNoticeDeadlineDays: 15 }, indemnityPerInvoice: 4000,
  });
}

function pss(pid) {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch { return 0; }
}

/** The browser and every descendant process (renderers, GPU, utilities). */
function tree(root) {
  const children = new Map();
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(p));
    } catch { /* gone */ }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]) ?? []));
  return out;
}

const renderer = compileTemplates(loadTemplateSet(undefined));
const views = synthetic(N);
let executable;
try {
  executable = resolveBrowser({ env: process.env });
} catch (e) {
  // No browser (an environment error, exit 3) is the machine's state: its message, no stack.
  if (e?.exitCode !== 3) throw e;
  process.stderr.write(`letters benchmark skipped: ${e.message}\n`);
  process.exit(3);
}
const results = [];
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  const html = renderAll(renderer, views);
  const printer = await openPrinter(executable, { pages: PAGES });
  let peak = 0;
  const timer = setInterval(() => {
    if (printer.browserPid) peak = Math.max(peak, tree(printer.browserPid).reduce((s, p) => s + pss(p), 0));
  }, 100);
  const out = await printAll(renderer, html, printer, { combine: true });
  clearInterval(timer);
  await printer.close();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dunning-bench-'));
  out.letters.forEach((l, i) => writeFileSync(path.join(dir, `${i}.pdf`), l.bytes));
  writeFileSync(path.join(dir, 'combined.pdf'), out.combined);
  const s = (performance.now() - t0) / 1000;
  rmSync(dir, { recursive: true, force: true });
  const pages = out.letters.reduce((n, l) => n + l.pages, 0);
  results.push({ s, rate: N / s, peak, pages, combined: out.combined.length });
  console.error(`run ${run + 1}: ${N} letters (${pages} pages) in ${s.toFixed(1)} s = ${(N / s).toFixed(1)} letters/s, browser peak PSS ${(peak / 2 ** 20).toFixed(0)} MB`);
}
// The ceiling in the same conditions (the machine may be busy): the same batches printed to
// one PDF each by Chromium, no split, no combined file, nothing written.
const t1 = performance.now();
const html = renderAll(renderer, views);
const printer = await openPrinter(executable, { pages: PAGES });
const docs = [];
for (let i = 0; i < html.length; i += BATCH_SIZE) docs.push(batchDocument(renderer.css, html.slice(i, i + BATCH_SIZE)));
await Promise.all(docs.map((doc) => printer.print(doc)));
await printer.close();
const ceiling = N / ((performance.now() - t1) / 1000);
console.error(`print only (no split, no combine, no files): ${ceiling.toFixed(1)} letters/s`);

results.sort((a, b) => a.rate - b.rate);
const med = results[Math.floor(RUNS / 2)];
console.log(JSON.stringify({
  bench: 'letters', customers: N, runs: RUNS, tabs: PAGES ?? 'default', medianLettersPerSecond: Number(med.rate.toFixed(1)), medianSeconds: Number(med.s.toFixed(2)),
  printOnlyLettersPerSecond: Number(ceiling.toFixed(1)), peakBrowserPssMB: Math.round(Math.max(...results.map((r) => r.peak)) / 2 ** 20), pages: med.pages,
}));
