// Bench command: prints the release build's compressed size and the cold
// start time in headless Chromium (navigation to the painted overview of a
// plan with the full template), median of several runs. Figures are
// printed, and with --record written to docs/BENCHMARKS.md. Budgets are
// reported, never enforced: a busy machine must not fail anything.
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { startServer, launchChromium, DIST, ROOT } from './static-server.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 7);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kib = (n) => (n / 1024).toFixed(1);

async function sizes() {
  const files = await fs.readdir(DIST);
  const rows = [];
  for (const f of files.filter((f) => /\.(wasm|js|css)$/.test(f))) {
    const body = await fs.readFile(path.join(DIST, f));
    rows.push({ file: f, raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
  }
  return rows;
}

async function savedPlan(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.fill('input[name=municipality]', 'Benchby');
  await page.click('button[type=submit]');
  await page.waitForSelector('table.matrix');
  await page.waitForTimeout(400);
  const storage = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  await context.close();
  return storage;
}

async function coldStart(browser, url, storage) {
  const context = await browser.newContext();
  await context.addInitScript((items) => {
    if (!localStorage.getItem('implan.current')) {
      for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
    }
  }, storage);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('implan-painted').length > 0);
  const result = await page.evaluate(() => ({
    painted: performance.getEntriesByName('implan-painted')[0].startTime,
    ready: performance.getEntriesByName('implan-ready')[0].startTime,
    cells: document.querySelectorAll('table.matrix button[data-task]').length,
  }));
  await context.close();
  if (result.cells === 0) throw new Error('the overview matrix was not painted');
  return result;
}

const sizeRows = await sizes();
const totalGzip = sizeRows.reduce((s, r) => s + r.gzip, 0);
const server = await startServer();
const browser = await launchChromium();
let starts;
try {
  const storage = await savedPlan(browser, server.url);
  await coldStart(browser, server.url, storage); // warm-up (compiles nothing in later runs: each run has a fresh context)
  starts = [];
  for (let i = 0; i < RUNS; i++) starts.push(await coldStart(browser, server.url, storage));
} finally {
  await browser.close();
  await server.close();
}
const painted = median(starts.map((s) => s.painted));

// Sharing: export, import and autosave of a plan with 2,000 activities.
const share = await shareBench();

/** A copy of the stored template plan grown to `count` activities of about 1 kB each. */
function bigPlan(storage, count) {
  const key = Object.keys(storage).find((k) => k.startsWith('implan.plan.'));
  const file = JSON.parse(storage[key]);
  const template = file.plan.activities;
  const notes = 'Aftalt på styregruppemødet: opgaven løses i samarbejde med fagområdet, og status følges op hver uge. '.repeat(6);
  const activities = [];
  for (let i = 0; i < count; i++) {
    const t = template[i % template.length];
    activities.push({ ...t, id: i < template.length ? t.id : `a-bench-${i}`, templateKey: i < template.length ? t.templateKey : null, notes, responsible: `Medarbejder ${i % 37}` });
  }
  file.plan.activities = activities;
  return { key, text: JSON.stringify(file, null, 2), id: file.plan.id };
}

async function shareBench() {
  const server2 = await startServer();
  const browser2 = await launchChromium();
  try {
    const storage = await savedPlan(browser2, server2.url);
    const big = bigPlan(storage, 2000);
    const file = path.join(os.tmpdir(), 'implan-bench-2000.implan.json');
    await fs.writeFile(file, big.text);
    const context = await browser2.newContext({ acceptDownloads: true });
    await context.addInitScript(([key, text, id]) => {
      if (!localStorage.getItem('implan.current')) {
        localStorage.setItem(key, text);
        localStorage.setItem('implan.current', id);
      }
    }, [big.key, big.text, big.id]);
    const page = await context.newPage();
    await page.goto(server2.url + '#/indstillinger');
    await page.waitForSelector('input[name=municipality]');
    const measure = (name) => page.evaluate((n) => {
      const all = performance.getEntriesByName(n, 'measure');
      return all.length ? all[all.length - 1].duration : null;
    }, name);
    const clear = () => page.evaluate(() => performance.clearMeasures());
    const saves = [];
    for (let i = 0; i < RUNS; i++) {
      await clear();
      await page.fill('input[name=municipality]', `Benchby ${i}`);
      await page.press('input[name=municipality]', 'Tab');
      await page.waitForFunction(() => performance.getEntriesByName('implan-save-write', 'measure').length > 0);
      // The two steps run as separate tasks: the page is blocked by the longer one.
      saves.push(Math.max(await measure('implan-save-serialize'), await measure('implan-save-write')));
    }
    await page.goto(server2.url + '#/planer');
    await page.waitForSelector('text=Eksportér plan (.implan.json)');
    const exports = [];
    for (let i = 0; i < RUNS; i++) {
      await clear();
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Eksportér plan (.implan.json)')]);
      await download.path();
      exports.push(await measure('implan-export'));
    }
    const imports = [];
    for (let i = 0; i < RUNS; i++) {
      await clear();
      await page.setInputFiles('input[type=file]', file);
      await page.waitForSelector('[role=dialog] >> text=Importér plan');
      imports.push(await measure('implan-import'));
      await page.click('[role=dialog] >> text=Annullér');
    }
    await context.close();
    return { bytes: Buffer.byteLength(big.text), save: median(saves), export: median(exports), import: median(imports) };
  } finally {
    await browser2.close();
    await server2.close();
  }
}
const ready = median(starts.map((s) => s.ready));

const lines = [
  `Implan bench (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, ${RUNS} runs, median)`,
  '',
  '| figure | value | budget |',
  '|---|---|---|',
  ...sizeRows.map((r) => `| ${r.file.replace(/-[0-9a-f]{16}/, '')} (gzip / raw) | ${kib(r.gzip)} KiB / ${kib(r.raw)} KiB | |`),
  `| wasm + js + css, gzip | ${kib(totalGzip)} KiB | ≤ 300 KiB |`,
  `| cold start to overview painted (142 activities) | ${painted.toFixed(0)} ms | ≤ 500 ms |`,
  `| cold start to app mounted | ${ready.toFixed(0)} ms | |`,
  `| export of a plan with 2,000 activities (${(share.bytes / 1e6).toFixed(1)} MB) | ${share.export.toFixed(1)} ms | ≤ 150 ms |`,
  `| import (read and validate) of that file | ${share.import.toFixed(1)} ms | ≤ 150 ms |`,
  `| autosave of that plan (longest block) | ${share.save.toFixed(1)} ms | ≤ 20 ms |`,
];
console.log(lines.join('\n'));
if (process.argv.includes('--record')) {
  const file = path.join(ROOT, 'docs', 'BENCHMARKS.md');
  const old = await fs.readFile(file, 'utf8').catch(() => '# Benchmarks\n');
  const marker = '<!-- latest -->';
  const head = old.includes(marker) ? old.slice(0, old.indexOf(marker)) : `${old.trimEnd()}\n\n`;
  await fs.writeFile(file, `${head}${marker}\n${lines.join('\n')}\n`);
  console.log(`\nrecorded in ${path.relative(ROOT, file)}`);
}
