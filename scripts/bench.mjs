// Bench command: prints the release build's compressed size, the cold
// start time in headless Chromium (navigation to the painted overview of a
// plan with the full template) and the time to lay out and paint a benefit
// map of 200 nodes and 400 arrows, median of several runs. Figures are
// printed, and with --record written to docs/BENCHMARKS.md. Budgets are
// reported, never enforced: a busy machine must not fail anything.
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { serve, launchChromium, DIST, ROOT } from './static-server.mjs';

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

/** A deterministic benefit map: `n` nodes over the five columns, `m` forward arrows. */
function bigMap(n, m) {
  const columns = ['leverance', 'forandring', 'effekt', 'gevinst', 'maal'];
  let seed = 0x2545f491;
  const next = (k) => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % k;
  };
  const stamp = '2026-01-01T00:00:00.000Z';
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `n-b${i}`, column: columns[i % 5], title: `Knude ${i} med en titel der ombrydes`,
    description: '', tasks: [], activities: [], benefit: null, modified: stamp,
  }));
  const arrows = [];
  const seen = new Set();
  while (arrows.length < m) {
    const a = next(n);
    const b = next(n);
    if (a % 5 < b % 5 && !seen.has(`${a}-${b}`)) {
      seen.add(`${a}-${b}`);
      arrows.push({ id: `r-b${arrows.length}`, from: `n-b${a}`, to: `n-b${b}`, modified: stamp });
    }
  }
  return { nodes, arrows };
}

/** `storage` with the current plan's benefit map replaced by a big one. */
function withBigMap(storage) {
  const key = `implan.plan.${storage['implan.current']}`;
  const file = JSON.parse(storage[key]);
  file.plan.benefitMap = bigMap(200, 400);
  return { ...storage, [key]: JSON.stringify(file) };
}

async function mapPaint(browser, url, storage) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript((items) => {
    if (!localStorage.getItem('implan.current')) {
      for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
    }
  }, storage);
  const page = await context.newPage();
  await page.goto(`${url}#/gevinster`);
  await page.waitForFunction(() => performance.getEntriesByName('implan-ready').length > 0);
  await page.getByRole('tab', { name: 'Gevinstdiagram' }).click();
  await page.waitForFunction(() => performance.getEntriesByName('implan-map-painted').length > 0);
  const result = await page.evaluate(() => ({
    ms: performance.getEntriesByName('implan-map-painted')[0].startTime - performance.getEntriesByName('implan-map-start')[0].startTime,
    nodes: document.querySelectorAll('svg.map-svg g.gd-node').length,
    arrows: document.querySelectorAll('svg.map-svg path.gd-arrow').length,
  }));
  await context.close();
  if (result.nodes !== 200 || result.arrows !== 400) throw new Error(`the map drew ${result.nodes} nodes and ${result.arrows} arrows`);
  return result.ms;
}

const sizeRows = await sizes();
const totalGzip = sizeRows.reduce((s, r) => s + r.gzip, 0);
const server = await serve();
const browser = await launchChromium();
let starts;
let maps;
try {
  const storage = await savedPlan(browser, server.url);
  await coldStart(browser, server.url, storage); // warm-up (compiles nothing in later runs: each run has a fresh context)
  starts = [];
  for (let i = 0; i < RUNS; i++) starts.push(await coldStart(browser, server.url, storage));
  const big = withBigMap(storage);
  await mapPaint(browser, server.url, big); // warm-up
  maps = [];
  for (let i = 0; i < RUNS; i++) maps.push(await mapPaint(browser, server.url, big));
} finally {
  await browser.close();
  await server.close();
}
const painted = median(starts.map((s) => s.painted));
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
  `| benefit map of 200 nodes and 400 arrows, laid out and painted | ${median(maps).toFixed(0)} ms | ≤ 100 ms |`,
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
