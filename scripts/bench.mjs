// Bench command: prints the release build's compressed size, the cold
// start time in headless Chromium (navigation to the painted overview of a
// plan with the full template), the timeline's figures on a generated
// plan of 2,000 activities (first render, zoom change, work per drag move)
// and the time to lay out and paint a benefit map of 200 nodes and 400
// arrows, medians of several runs. Figures are printed, and with --record
// written to docs/BENCHMARKS.md. Budgets are reported, never enforced: a
// busy machine must not fail anything.
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { startServer, launchChromium, DIST, ROOT } from './static-server.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 7);
// `--only=start,map,timeline,share` measures just those parts (for quick
// checks while working); a recorded run always measures everything.
const ONLY = (process.argv.find((a) => a.startsWith('--only=')) || '').slice('--only='.length).split(',').filter(Boolean);
if (ONLY.length && process.argv.includes('--record')) throw new Error('--record measures everything: drop --only');
const wanted = (part) => ONLY.length === 0 || ONLY.includes(part);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kib = (n) => (n / 1024).toFixed(1);


/** Writes `storage` into local storage before the app loads, unless a plan is there already. */
function seed(context, storage) {
  return context.addInitScript((items) => {
    if (!localStorage.getItem('implan.current')) {
      for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
    }
  }, storage);
}

/** A fresh browser context in which the first-visit introduction counts as seen. */
async function newContext(browser, options = {}) {
  const context = await browser.newContext(options);
  await context.addInitScript(() => {
    try {
      localStorage.setItem('implan.tour-seen', '1');
    } catch {}
  });
  return context;
}

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
  const context = await newContext(browser);
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
  const context = await newContext(browser);
  await seed(context, storage);
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

/**
 * A plan of `n` activities in the saved-plan format (src/schema/export.rs),
 * made from the saved template plan: its activities repeated with new ids,
 * random dates inside their phase window and random statuses.
 */
function bigPlan(storage, n) {
  const id = storage['implan.current'];
  const envelope = JSON.parse(storage[`implan.plan.${id}`]);
  const plan = envelope.plan;
  const windows = Object.fromEntries(plan.phases.map((p) => [p.phase, p]));
  const template = plan.activities;
  const statuses = ['ikke-startet', 'ikke-startet', 'i-gang', 'faerdig', 'blokeret', 'udgaar'];
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const day = 86_400_000;
  const iso = (t) => new Date(t).toISOString().slice(0, 10);
  plan.activities = Array.from({ length: n }, (_, i) => {
    const t = template[i % template.length];
    const w = windows[t.phase];
    const start = Date.parse(w.start), end = Date.parse(w.end);
    const s = start + Math.floor(random() * ((end - start) / day)) * day;
    const d = Math.min(end, s + Math.floor(1 + random() * 40) * day);
    const status = statuses[Math.floor(random() * statuses.length)];
    return {
      ...t,
      id: `b-${String(i).padStart(5, '0')}`,
      title: `${t.title} (${i + 1})`,
      templateKey: null,
      start: iso(s),
      due: iso(d),
      status,
      completed: status === 'faerdig' ? iso(d) : null,
      responsible: ['Mette Hansen', 'Jonas Berg', '', 'Aisha Khan'][i % 4],
    };
  });
  return { ...storage, [`implan.plan.${id}`]: JSON.stringify(envelope) };
}

/**
 * Waits until a freshly loaded page has settled as it would have for a
 * user who looks at it before clicking: the service worker (registered
 * after the first paint) has installed and cached the app, and the main
 * thread is idle. Interaction figures are taken after this.
 */
async function settled(page) {
  await page.evaluate(async () => {
    const sw = navigator.serviceWorker;
    if (sw && (await sw.getRegistration()) === undefined) {
      // Registration starts shortly after the first paint.
      await new Promise((r) => setTimeout(r, 300));
    }
    if (sw && (await sw.getRegistration())) {
      await Promise.race([sw.ready, new Promise((r) => setTimeout(r, 5000))]);
    }
    await new Promise((r) => requestIdleCallback(r, { timeout: 1000 }));
  });
}

/** Timeline figures for one fresh page with `storage`: first render, zoom changes, drag moves. */
async function timeline(browser, url, storage) {
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  await seed(context, storage);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('implan-painted').length > 0);
  await settled(page);
  const result = await page.evaluate(async () => {
    // Resolves after the next frame has been painted.
    const afterPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const waitFor = async (test) => {
      while (!test()) await new Promise((r) => setTimeout(r, 0));
    };
    // First render: from the click on "Tidslinje" to the painted chart.
    let t0 = performance.now();
    document.querySelector('nav a[href="#/tidslinje"]').click();
    await waitFor(() => document.querySelector('g.tl-bar'));
    await afterPaint();
    const first = performance.now() - t0;
    const bars = document.querySelectorAll('g.tl-bar').length;
    const shown = document.querySelector('p.count-line').textContent;
    // Zoom changes, each to the painted chart.
    const zooms = [];
    for (const z of ['2', '3', '0', '1', '2', '1']) {
      const before = document.querySelector('.tl-body-svg').getAttribute('width');
      t0 = performance.now();
      document.querySelector(`[data-zoom="${z}"]`).click();
      await waitFor(() => document.querySelector('.tl-body-svg').getAttribute('width') !== before);
      await afterPaint();
      zooms.push(performance.now() - t0);
    }
    // Drag moves: script and layout work from each pointer move to the moved bar.
    const scroller = document.querySelector('.tl-scroll');
    const bar = document.querySelector('g.tl-bar');
    const rect = bar.querySelector('rect.tl-bar-rect').getBoundingClientRect();
    const ppd = 5; // month zoom
    const hop = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    const at = (type, x) =>
      new PointerEvent(type, { bubbles: true, cancelable: true, pointerId: 1, button: 0, isPrimary: true, clientX: x, clientY: rect.y + rect.height / 2 });
    let x = rect.x + rect.width / 2;
    bar.querySelector('rect.tl-bar-rect').dispatchEvent(at('pointerdown', x));
    const moves = [];
    for (let i = 0; i < 40; i++) {
      x += ppd;
      const before = bar.getAttribute('transform');
      t0 = performance.now();
      scroller.dispatchEvent(at('pointermove', x));
      await hop();
      bar.getBoundingClientRect();
      moves.push(performance.now() - t0);
      if (bar.getAttribute('transform') === before) throw new Error('the bar did not move');
    }
    t0 = performance.now();
    scroller.dispatchEvent(at('pointerup', x));
    await afterPaint();
    const drop = performance.now() - t0;
    return { first, bars, shown, zooms, moves, drop };
  });
  await context.close();
  if (!/^2000 aktiviteter/.test(result.shown)) throw new Error(`the timeline shows "${result.shown}"`);
  return result;
}

// The machine is shared: the load average tells how far to trust the times.
const loadBefore = os.loadavg()[0];

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
  const context = await newContext(browser, { viewport: { width: 1400, height: 900 } });
  await seed(context, storage);
  const page = await context.newPage();
  await page.goto(`${url}#/gevinster`);
  await page.waitForFunction(() => performance.getEntriesByName('implan-ready').length > 0);
  await settled(page);
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
const server = await startServer();
const browser = await launchChromium();
let starts;
let maps;
const tl = [];
try {
  const storage = await savedPlan(browser, server.url);
  starts = [];
  if (wanted('start')) {
    await coldStart(browser, server.url, storage); // warm-up (compiles nothing in later runs: each run has a fresh context)
    for (let i = 0; i < RUNS; i++) starts.push(await coldStart(browser, server.url, storage));
  }
  maps = [];
  if (wanted('map')) {
    const bigMapStorage = withBigMap(storage);
    await mapPaint(browser, server.url, bigMapStorage); // warm-up
    for (let i = 0; i < RUNS; i++) maps.push(await mapPaint(browser, server.url, bigMapStorage));
  }
  if (wanted('timeline')) {
    const big = bigPlan(storage, 2000);
    await timeline(browser, server.url, big); // warm-up
    for (let i = 0; i < RUNS; i++) tl.push(await timeline(browser, server.url, big));
  }
} finally {
  await browser.close();
  await server.close();
}
const painted = median(starts.map((s) => s.painted));

// Sharing: export, import and autosave of a plan with 2,000 activities and 200 benefits.
const share = wanted('share') ? await shareBench() : null;

/** A copy of the stored template plan grown to `count` activities of about 1 kB each, and 200 benefits. */
function bigSharePlan(storage, count) {
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
  // 200 benefit profiles with four quarterly measurements each.
  const stamp = file.plan.modified;
  file.plan.benefits = Array.from({ length: 200 }, (_, i) => ({
    id: `b-bench-${i}`, name: `Gevinst ${i}: kortere sagsbehandlingstid`, description: notes.slice(0, 200),
    type: ['okonomisk-raderum', 'kvalitet', 'service', 'trivsel'][i % 4], kind: i % 10 === 9 ? 'ulempe' : 'gevinst',
    owner: `Leder ${i % 17}`, accountable: 'Direktør for Borgerservice', indicator: 'Timer pr. sag', unit: i % 4 === 0 ? 'kr. pr. år' : 'timer pr. måned',
    baseline: 1000 + i, baselineDate: '2026-01-01', target: 500 + i, targetDate: '2027-12-31', method: 'Udtræk fra fagsystemet',
    frequency: 'kvartalsvis', tasks: [6, 1 + (i % 16)], activities: [activities[i % activities.length].id],
    measurements: [1, 4, 7, 10].map((m, k) => ({ id: `m-bench-${i}-${k}`, date: `2026-${String(m).padStart(2, '0')}-15`, value: 1000 + i - 50 * k, comment: '', measuredBy: 'Controller', modified: stamp })),
    modified: stamp,
  }));
  return { key, text: JSON.stringify(file, null, 2), id: file.plan.id };
}

async function shareBench() {
  const server2 = await startServer();
  const browser2 = await launchChromium();
  try {
    const storage = await savedPlan(browser2, server2.url);
    const big = bigSharePlan(storage, 2000);
    const file = path.join(os.tmpdir(), 'implan-bench-2000.implan.json');
    await fs.writeFile(file, big.text);
    const context = await newContext(browser2, { acceptDownloads: true });
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
      // The steps (serialize, prepare, the day's first snapshot, write) run as
      // separate tasks: the page is blocked by the longest one.
      const steps = ['implan-save-serialize', 'implan-save-prepare', 'implan-save-snapshot', 'implan-save-write'];
      saves.push(Math.max(...(await Promise.all(steps.map(measure))).map((d) => d ?? 0)));
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
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
const tlFirst = median(tl.map((r) => r.first));
const tlZoom = median(tl.map((r) => median(r.zooms)));
const tlZoomMax = median(tl.map((r) => Math.max(...r.zooms)));
const tlMove = median(tl.map((r) => median(r.moves)));
const tlMoveP95 = median(tl.map((r) => p95(r.moves)));
const tlDrop = median(tl.map((r) => r.drop));

const allLines = [
  `Implan bench (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, load ${loadBefore.toFixed(1)}–${os.loadavg()[0].toFixed(1)}, ${RUNS} runs, median)`,
  '',
  '| figure | value | budget |',
  '|---|---|---|',
  ...sizeRows.map((r) => `| ${r.file.replace(/-[0-9a-f]{16}/, '')} (gzip / raw) | ${kib(r.gzip)} KiB / ${kib(r.raw)} KiB | |`),
  `| wasm + js + css, gzip | ${kib(totalGzip)} KiB | ≤ 300 KiB |`,
  `| cold start to overview painted (142 activities) | ${painted.toFixed(0)} ms | ≤ 500 ms |`,
  `| cold start to app mounted | ${ready.toFixed(0)} ms | |`,
  `| export of a plan with 2,000 activities and 200 benefits (${((share?.bytes ?? NaN) / 1e6).toFixed(1)} MB) | ${(share?.export ?? NaN).toFixed(1)} ms | ≤ 150 ms |`,
  `| import (read and validate) of that file | ${(share?.import ?? NaN).toFixed(1)} ms | ≤ 150 ms |`,
  `| autosave of that plan (longest block) | ${(share?.save ?? NaN).toFixed(1)} ms | ≤ 20 ms |`,
  `| timeline first render, 2,000 activities (click to painted) | ${tlFirst.toFixed(0)} ms | ≤ 100 ms |`,
  `| timeline zoom change, 2,000 activities (median / slowest of 6) | ${tlZoom.toFixed(0)} ms / ${tlZoomMax.toFixed(0)} ms | ≤ 50 ms |`,
  `| timeline drag, work per pointer move (median / p95 of 40) | ${tlMove.toFixed(1)} ms / ${tlMoveP95.toFixed(1)} ms | ≤ 16 ms |`,
  `| timeline drop (one edit, save scheduled, painted) | ${tlDrop.toFixed(0)} ms | |`,
  `| benefit map of 200 nodes and 400 arrows, laid out and painted | ${median(maps).toFixed(0)} ms | ≤ 100 ms |`,
];
// With --only, the rows of parts not measured are left out.
const measured = (line) =>
  !/^\| (cold start|export|import|autosave|timeline|benefit map)/.test(line) ||
  (/^\| cold start/.test(line) && wanted('start')) ||
  (/^\| (export|import|autosave)/.test(line) && wanted('share')) ||
  (/^\| timeline/.test(line) && wanted('timeline')) ||
  (/^\| benefit map/.test(line) && wanted('map'));
const lines = allLines.filter(measured);
console.log(lines.join('\n'));
if (process.argv.includes('--record')) {
  const file = path.join(ROOT, 'docs', 'BENCHMARKS.md');
  const old = await fs.readFile(file, 'utf8').catch(() => '# Benchmarks\n');
  const marker = '<!-- latest -->';
  const head = old.includes(marker) ? old.slice(0, old.indexOf(marker)) : `${old.trimEnd()}\n\n`;
  await fs.writeFile(file, `${head}${marker}\n${lines.join('\n')}\n`);
  console.log(`\nrecorded in ${path.relative(ROOT, file)}`);
}
