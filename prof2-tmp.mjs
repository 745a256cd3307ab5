import puppeteer from 'puppeteer';
import { PDFDocument, PDFName, PDFArray, PDFDict, PDFString } from 'pdf-lib';
const N = 200;
let body = '';
for (let i = 0; i < N; i++) {
  const rows = 3 + (i % 4);
  body += `<section style="break-before:page;position:relative"><a class="mk" href="https://letter.invalid/${i}">.</a><h2>Lettre ${i} éàç</h2>${'<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>'.repeat(8)}<table>${Array.from({length: rows * (i % 13 === 0 ? 20 : 1)}, (_, r) => `<tr><td>F-${i}-${r}</td><td>1 234,56 €</td></tr>`).join('')}</table></section>`;
}
const html = `<!doctype html><html><head><style>section:first-child{break-before:auto} .mk{position:absolute;top:0;left:0;font-size:1px;color:transparent;text-decoration:none}</style></head><body>${body}</body></html>`;
const b = await puppeteer.launch({ executablePath: '/usr/bin/chromium', ignoreDefaultArgs: true, pipe: true, args: ['--headless','--no-sandbox','--disable-gpu','--disable-dev-shm-usage','--no-first-run', `--user-data-dir=/tmp/exp/ud${Date.now()}`, 'about:blank'] });
const page = await b.newPage();
await page.setJavaScriptEnabled(false);
let t = Date.now();
await page.setContent(html);
console.log('setContent', Date.now() - t); t = Date.now();
const pdf = await page.pdf({ format: 'a4', printBackground: true, timeout: 0 });
console.log('pdf', Date.now() - t, pdf.length); t = Date.now();
const doc = await PDFDocument.load(pdf, { updateMetadata: false });
const starts = new Map();
doc.getPages().forEach((p, idx) => {
  const annots = p.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (!annots) return;
  for (let k = 0; k < annots.size(); k++) {
    const a = annots.lookup(k, PDFDict);
    const uri = a.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString);
    const m = uri && /^https:\/\/letter\.invalid\/(\d+)$/.exec(uri.decodeText());
    if (m && !starts.has(+m[1])) starts.set(+m[1], idx);
  }
});
console.log('find', Date.now() - t, starts.size, doc.getPageCount(), [...starts.entries()].slice(0, 16).join(' ')); t = Date.now();
const firsts = [...Array(N).keys()].map((i) => starts.get(i));
for (const [label, opts] of [['objstreams', {}], ['noobjstreams', { useObjectStreams: false }]]) {
  t = Date.now();
  for (let i = 0; i < N; i++) {
    const end = i + 1 < N ? firsts[i + 1] : doc.getPageCount();
    const one = await PDFDocument.create({ updateMetadata: false });
    for (const p of await one.copyPages(doc, Array.from({ length: end - firsts[i] }, (_, k) => firsts[i] + k))) { p.node.delete(PDFName.of('Annots')); one.addPage(p); }
    await one.save(opts);
  }
  console.log('split', label, Date.now() - t);
}
await b.close();
