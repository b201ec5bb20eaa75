// Shared set-up for the end-to-end tests: a static server for dist/, the
// Chromium launcher, one fresh browser context per test with error
// collection, and small steps a user takes (create a plan, open a view).

import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (two levels above this file). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The release build served to the browser. */
export { DIST } from '../../scripts/static-server.mjs';

export { startServer, launchChromium as launch } from '../../scripts/static-server.mjs';
import { startServer, launchChromium as launch } from '../../scripts/static-server.mjs';

/** Console messages that are not app errors. */
const HARMLESS = [/integrity/i];

/**
 * Starts the server and browser once for a test file. Call in `before`;
 * `env.stop()` in `after`.
 */
export async function startEnv() {
  const server = await startServer();
  const browser = await launch();
  return {
    server,
    browser,
    baseURL: server.url,
    async stop() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/**
 * Runs `fn({ page, context, errors, open })` in a fresh browser context
 * (fresh localStorage), with the app already opened unless `open: false`.
 * Fails if the page threw or logged an error.
 * Options: initScript (function run before the app in every page); tour
 * (leave the introduction to show on the first visit; by default every
 * page starts with it marked as seen).
 */
export async function withApp(env, fn, { initScript, open = true, tour = false } = {}) {
  const context = await env.browser.newContext({
    baseURL: env.baseURL,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    // The release build registers a service worker; these tests are about
    // the app, not its offline copy (tests/e2e/hosting.test.mjs is).
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(10_000);
  if (!tour) await context.addInitScript(markTourSeen);
  if (initScript) await context.addInitScript(initScript);
  const errors = [];
  const watch = (page) => {
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !HARMLESS.some((re) => re.test(m.text()))) {
        errors.push(`console.error: ${m.text()}`);
      }
    });
    page.on('crash', () => errors.push('page crashed'));
  };
  context.on('page', watch);
  const page = await context.newPage();
  try {
    if (open) await openApp(page);
    await fn({ page, context, errors });
    assert.deepEqual(errors, [], 'the page reported errors');
  } finally {
    await context.close().catch(() => {});
  }
}

/** Marks the introduction (shown on a first visit) as seen. */
function markTourSeen() {
  try {
    localStorage.setItem('implan.tour-seen', '1');
  } catch {
    // Storage blocked: the app does not show the introduction then.
  }
}

/** Waits until the app has mounted (it sets the performance mark "implan-ready"). */
export async function waitReady(page) {
  await page.waitForFunction(() => performance.getEntriesByName('implan-ready').length > 0);
}

/** Opens the app at `hash` (e.g. "#/ny") and waits for it to start. */
export async function openApp(page, hash = '') {
  await page.goto('./' + hash);
  await waitReady(page);
}

/** Reloads the page and waits for the app to start again. */
export async function reload(page) {
  await page.reload();
  await waitReady(page);
}

/**
 * Polls `read()` until `check(value)` holds (default: deep-equals `expected`),
 * up to `timeout` ms. Fails with the last value read.
 */
export async function eventually(read, expected, { timeout = 5000, interval = 50, message } = {}) {
  const check = typeof expected === 'function' ? expected : (v) => isDeepEqual(v, expected);
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await read();
      if (check(last)) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, interval));
  }
  if (typeof expected === 'function') {
    assert.fail(`${message ?? 'condition not met'}; last value: ${JSON.stringify(last instanceof Error ? String(last) : last)}`);
  }
  assert.deepEqual(last, expected, message);
  return last;
}

function isDeepEqual(a, b) {
  try {
    assert.deepEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

/** Normalised visible text of a locator (whitespace collapsed). */
export async function text(locator, { timeout } = {}) {
  return ((await locator.textContent({ timeout })) ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until the locator's text equals `expected` (or matches a RegExp). */
export async function expectText(locator, expected, opts) {
  const check = expected instanceof RegExp ? (t) => expected.test(t) : (t) => t === expected;
  return eventually(() => text(locator, { timeout: 250 }), check, { message: `text should be ${expected}`, ...opts });
}

/** Waits until the locator matches `n` elements. */
export async function expectCount(locator, n, opts) {
  return eventually(() => locator.count(), n, { message: `element count should be ${n}`, ...opts });
}

/**
 * Fills in "Ny plan" and submits it; waits for Overblik.
 * Options: municipality, solution ("KY", "SAPA", … or any other name).
 */
export async function newPlan(page, { municipality = 'Vejle', solution = 'KY' } = {}) {
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  if (!(await page.locator('form.new-plan-form').isVisible())) {
    await nav.getByRole('link', { name: 'Ny plan' }).click();
  }
  const form = page.locator('form.new-plan-form');
  await form.waitFor();
  await form.locator('input[name="municipality"]').fill(municipality);
  const known = ['SAPA', 'KY', 'KSD', 'STS'];
  if (known.includes(solution)) {
    await form.locator(`input[name="solution"][value="${solution}"]`).check();
  } else {
    await form.locator('input[name="solution"][value="other"]').check();
    await form.locator('input[name="other-solution"]').fill(solution);
  }
  await form.getByRole('button', { name: 'Opret plan' }).click();
  await expectText(page.locator('#plan-heading'), `${municipality} Kommune · ${solution}`);
  await expectCount(page.locator('table.matrix'), 1);
}

/** Opens page `name` from the main menu and waits for its heading. */
export async function gotoPage(page, name, heading = name) {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
}

/** Opens a copy of built-in example `key` (Åbakke, half-way through F2, by default) on Overblik. */
export async function openExample(page, key = 'aabakke-ky') {
  await gotoPage(page, 'Eksempler');
  await page.locator(`li.example-card[data-example="${key}"]`).getByRole('button', { name: 'Åbn kopi' }).click();
  await page.locator('table.matrix').waitFor();
}

/** Opens Aktiviteter from the main menu and waits for its count line. */
export async function gotoActivities(page) {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Aktiviteter', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Aktiviteter' }).waitFor();
  await page.locator('p.count-line').waitFor();
}

/** Opens Overblik from the main menu and waits for the matrix. */
export async function gotoOverview(page) {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Overblik' }).click();
  await page.locator('table.matrix').waitFor();
}

/** The count line of Aktiviteter. */
export function countLine(page) {
  return page.locator('p.count-line');
}

/** The list row of the activity with `id`. */
export function row(page, id) {
  return page.locator(`li.activity-row[data-id="${id}"]`);
}

/** Facts about a row: id, title, phase code, task number, dates, responsible, status label. */
export async function rowInfo(locator) {
  return locator.evaluate((li) => {
    const t = (sel) => (li.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return {
      id: li.dataset.id,
      title: t('.activity-title'),
      phase: t('.phase-tag'),
      task: Number(t('.task-tag').replace('HO ', '')),
      dates: t('.dates'),
      responsible: t('.responsible'),
      status: t('.status'),
      done: li.querySelector('.done-box').checked,
      user: !!li.querySelector('.user-tag'),
    };
  });
}

/** Opens the editor of the row and returns the editor panel. */
export async function openEditor(page, id) {
  await row(page, id).locator('button.activity-title').click();
  const editor = page.locator('aside.editor');
  await editor.waitFor();
  return editor;
}

/** Types a Danish date into a date field and commits it with Tab. */
export async function typeDate(field, value) {
  await field.fill(value);
  await field.press('Tab');
}

/** Storage keys holding plans. */
export function planKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('implan.plan.')).sort());
}

/** The JSON stored for the current plan (parsed). */
export function storedPlan(page) {
  return page.evaluate(() => {
    const id = localStorage.getItem('implan.current');
    const text = id && localStorage.getItem('implan.plan.' + id);
    return text ? JSON.parse(text) : null;
  });
}

/** The raw text stored for the current plan. */
export function storedPlanText(page) {
  return page.evaluate(() => {
    const id = localStorage.getItem('implan.current');
    return (id && localStorage.getItem('implan.plan.' + id)) || '';
  });
}

/** A Danish date (dd.mm.yyyy) in the year after this one, so edits stay clear of template dates. */
export function nextYearDate(day, month) {
  const y = new Date().getFullYear() + 1;
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${y}`;
}
