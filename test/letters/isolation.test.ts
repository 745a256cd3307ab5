/**
 * A letter page loads nothing from the network and runs no script, whatever a user's template
 * asks for: a real Chromium prints a template override full of remote resources and scripts
 * while a local HTTP server counts the requests that reach it.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBrowser } from '../../src/letters/browser.js';
import { openPrinter } from '../../src/letters/pdf.js';
import { printAll, renderAll } from '../../src/letters/produce.js';
import { loadTemplateSet, shippedTemplatesDir } from '../../src/letters/template-files.js';
import { compileTemplates } from '../../src/letters/templates.js';
import { action, customer, invoice, views } from './builders.js';
import { flat, pdfPages } from './pdf-text.js';

let server: Server;
let base = '';
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': req.url?.endsWith('.css') ? 'text/css' : 'text/plain' });
    res.end(req.url?.endsWith('.css') ? 'p { color: red }' : 'x');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function overrides(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dunning-isolation-'));
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  const shippedCss = readFileSync(path.join(shippedTemplatesDir(), 'styles.css'), 'utf8');
  write(
    'styles.css',
    `@import url("${base}/import.css");\n${shippedCss}\n` +
      `@font-face { font-family: Remote; src: url("${base}/font.woff2"); }\n` +
      `.letter { background-image: url("${base}/background.png"); font-family: Remote, sans-serif; }\n`,
  );
  write(
    'fr/reminder.hbs',
    `<p id="probe">the script did not run</p>
<img src="${base}/image.png" alt="">
<link rel="stylesheet" href="${base}/link.css">
<link rel="prefetch" href="${base}/prefetch">
<iframe src="${base}/frame.html"></iframe>
<object data="${base}/object.pdf"></object>
<script src="${base}/script.js"></script>
<script>document.getElementById('probe').textContent = 'THE SCRIPT RAN'; new Image().src = '${base}/from-script';</script>
<p>{{customer.name}}</p>
`,
  );
  return dir;
}

describe('a letter page', () => {
  it('the server counts requests (the control)', async () => {
    await fetch(`${base}/control`);
    expect(hits).toEqual(['/control']);
    hits.length = 0;
  });

  it('makes no request for images, stylesheets, @import, fonts, frames or scripts, and runs no script', async () => {
    const renderer = compileTemplates(loadTemplateSet(overrides()));
    const letters = views([action('C1', 'reminder', [invoice('C1', 'F-1', 100, 100)])], [customer('C1', { name: 'Client Isolé' })]);
    const html = renderAll(renderer, letters);
    expect(html[0]!.html).toContain(`${base}/image.png`); // the template really asks for them
    const printer = await openPrinter(resolveBrowser({ env: process.env }));
    let text: string;
    try {
      const out = await printAll(renderer, html, printer, { combine: false });
      text = flat((await pdfPages(out.letters[0]!.bytes)).join(' '));
    } finally {
      await printer.close();
    }
    expect(text).toContain('Client Isolé');
    expect(text).toContain('the script did not run');
    expect(text).not.toContain('THE SCRIPT RAN');
    await new Promise((resolve) => setTimeout(resolve, 200)); // a late request would show by now
    expect(hits).toEqual([]);
  }, 60_000);
});
