// End-to-end tests of hosting and plan links (issue 7): the release build
// served under a sub-path with the security headers of docs/HOSTING.md
// (scripts/security-headers.mjs, written into dist/ by the post-build
// hook), no CSP violation and no request to another origin; the web app
// manifest; a plan link opening the same plan in a fresh browser profile
// with a read-only preview and "Gem som min plan"; too long and damaged
// links refused in Danish; the app working with no network after one
// visit; and the "new version" banner after a deploy.

import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import {
  DIST,
  eventually,
  expectCount,
  expectText,
  gotoActivities,
  launch,
  newPlan,
  planKeys,
  reload,
  row,
  startServer,
  storedPlan,
  text,
  waitReady,
} from './helpers.mjs';

const PREFIX = '/kommune/implan/';
const MAX_PAYLOAD = 32 * 1024;

let server;
let browser;
before(async () => {
  server = await startServer(DIST, { prefix: PREFIX, securityHeaders: true });
  browser = await launch();
});
after(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
});

/**
 * A fresh browser profile on `url` that records CSP violations, console
 * errors and every request to another origin. `problems()` lists them.
 */
async function profile(url = server.url, { serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({
    baseURL: url,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    viewport: { width: 1280, height: 900 },
    serviceWorkers,
  });
  context.setDefaultTimeout(10_000);
  const origin = new URL(url).origin;
  const found = [];
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'blob:' && u.protocol !== 'data:' && u.origin !== origin) found.push(`request to ${r.url()}`);
  });
  await context.addInitScript(() => {
    // These tests are about hosting, not the introduction shown on a first
    // visit (documents without storage, e.g. about:blank, just skip this).
    try {
      localStorage.setItem('implan.tour-seen', '1');
    } catch {}
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`CSP ${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  const watch = (page) => {
    page.on('pageerror', (e) => found.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') found.push(`console.error: ${m.text()}`);
    });
  };
  context.on('page', watch);
  const pages = [];
  return {
    context,
    async page() {
      const page = await context.newPage();
      pages.push(page);
      return page;
    },
    async problems() {
      const out = [...found];
      for (const p of pages) {
        if (!p.isClosed()) out.push(...(await p.evaluate(() => window.__violations ?? []).catch(() => [])));
      }
      return out;
    },
    close: () => context.close().catch(() => {}),
  };
}

function menu(page) {
  return page.getByRole('navigation', { name: 'Hovedmenu' });
}

async function gotoPlans(page) {
  await menu(page).getByRole('link', { name: 'Mine planer' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mine planer' }).waitFor();
}

/** Clicks "Kopiér link" and returns the link from the field. */
async function copyLink(page) {
  await gotoPlans(page);
  await page.getByRole('button', { name: 'Kopiér link' }).click();
  const field = page.locator('input.link-field');
  await field.waitFor();
  return field.inputValue();
}

/** Waits until a service worker controls the page. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20_000 });
}

test('the release build works under a sub-path with the strict headers: no CSP violation, no request to another origin', async () => {
  const p = await profile();
  try {
    const page = await p.page();
    const response = await page.goto(server.url);
    const headers = response.headers();
    const csp = headers['content-security-policy'];
    assert.match(csp, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /'unsafe-eval'|https?:|script-src[^;]*'unsafe-inline'/, 'no eval, no inline script without hash, no other origins');
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.equal(headers['referrer-policy'], 'no-referrer');
    assert.ok(headers['permissions-policy']);
    await waitReady(page);
    await newPlan(page, { municipality: 'Vejle', solution: 'KY' });
    for (const name of ['Aktiviteter', 'Tidslinje', 'Opfølgning', 'Statusrapport', 'Gevinster', 'Indstillinger', 'Overblik']) {
      await menu(page).getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForTimeout(150);
    }
    await copyLink(page);

    // The service worker's scope is the sub-path; the manifest and its icons load.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, server.url);
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel=manifest]').href;
      const m = await (await fetch(href)).json();
      const icons = await Promise.all(m.icons.map(async (i) => (await fetch(new URL(i.src, href))).status));
      return { start: new URL(m.start_url, href).href, scope: new URL(m.scope, href).href, icons, name: m.short_name };
    });
    assert.deepEqual(manifest, { start: server.url, scope: server.url, icons: [200, 200, 200, 200], name: 'Implan' });
    assert.deepEqual(await p.problems(), []);
  } finally {
    await p.close();
  }
});

test('a plan link opens the same plan in a fresh browser profile: read-only preview, then "Gem som min plan"', async () => {
  const a = await profile();
  const b = await profile();
  try {
    // Profile A: the template plan with some edits, shared as a link.
    const page = await a.page();
    await page.goto(server.url);
    await waitReady(page);
    await newPlan(page, { municipality: 'Vejle', solution: 'KY' });
    await gotoActivities(page);
    for (const id of ['t03-01', 't03-02', 't01-01', 't05-01']) await row(page, id).locator('.done-box').check();
    await eventually(async () => (await storedPlan(page))?.plan.activities.filter((x) => x.status === 'faerdig').length, 4);
    const original = (await storedPlan(page)).plan;
    assert.equal(original.activities.length, 142);
    await a.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    const link = await copyLink(page);
    await expectText(page.locator('.link-status'), /Linket er kopieret/);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    const payload = link.slice((server.url + '#/del/').length);
    assert.ok(link.startsWith(server.url + '#/del/'), link.slice(0, 80));
    assert.ok(payload.length < MAX_PAYLOAD, `payload ${payload.length}`);
    console.log(`# plan link for the 142-activity template plan with 4 activities done: ${link.length} characters (payload ${payload.length})`);

    // Profile B: nothing stored; the preview shows the plan and stores nothing.
    const other = await b.page();
    await other.goto(link);
    await waitReady(other);
    await other.getByRole('heading', { level: 1, name: 'Plan fra et link' }).waitFor();
    await expectText(other.locator('.readonly-note'), /Skrivebeskyttet forhåndsvisning/);
    assert.match(await text(other.locator('dl.preview')), /KommuneVejle.*LøsningKY.*Aktiviteter142 \(4 færdige\)/);
    await expectCount(other.locator('table.shared-activities tr'), 143);
    assert.equal(await other.locator('.shared-plan input, .shared-plan textarea, .shared-plan select').count(), 0);
    assert.ok(!(await other.evaluate(() => location.hash)).includes('/del/'), 'the plan is taken out of the address');
    assert.deepEqual(await planKeys(other), []);
    // The main menu leaves the preview (here its current view, Ny plan); the link opens it again.
    await other.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Ny plan' }).click();
    await other.locator('form.new-plan-form').waitFor();
    await other.goto('about:blank');
    await other.goto(link);
    await waitReady(other);

    await other.getByRole('button', { name: 'Gem som min plan' }).click();
    await expectText(other.locator('#plan-heading'), 'Vejle Kommune · KY');
    await eventually(async () => (await planKeys(other)).length, 1);
    const saved = (await storedPlan(other)).plan;
    assert.equal(saved.id, original.id);
    assert.deepEqual(saved.activities, original.activities);

    // The same link again: the plan is already here, so the import choices come up.
    await other.goto(link);
    await waitReady(other);
    await other.getByRole('button', { name: 'Gem som min plan' }).click();
    const dialog = other.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Importér plan' }).waitFor();
    assert.ok(await dialog.locator('input[name="import-choice"]').nth(2).isChecked(), 'merge is offered for the same plan');
    await dialog.getByRole('button', { name: 'Annullér' }).click();
    assert.deepEqual(await planKeys(other), [`implan.plan.${original.id}`]);

    // In profile A: once the plan changes, the old link is not offered as
    // if it carried the plan as it is now.
    await page.locator('li.plan-row.open').getByRole('button', { name: 'Omdøb' }).click();
    await page.locator('li.plan-row.open input').fill('Vejle: ny organisering');
    await page.locator('li.plan-row.open input').press('Enter');
    await expectText(page.locator('.link-status'), 'Planen er ændret, siden linket blev lavet. Kopiér et nyt link for at dele planen, som den er nu.');
    await expectCount(page.locator('input.link-field'), 0);
    // A new link is offered as current again.
    await copyLink(page);
    await expectText(page.locator('.link-status'), /Linket er kopieret/);

    assert.deepEqual(await a.problems(), []);
    assert.deepEqual(await b.problems(), []);
  } finally {
    await a.close();
    await b.close();
  }
});

test('a too long or damaged plan link is refused with a Danish message, and nothing is stored', async () => {
  const p = await profile();
  try {
    const page = await p.page();
    await page.goto(server.url + '#/del/' + 'A'.repeat(40_000));
    await waitReady(page);
    await page.getByRole('heading', { level: 1, name: 'Linket kan ikke åbnes' }).waitFor();
    const message = await text(page.getByRole('alert'));
    assert.match(message, /Linket er for langt \(40\.000 tegn; et plan-link må højst fylde 32\.768 tegn\)/);
    assert.match(message, /deles bedst som fil: eksportér planen/);

    await page.goto(server.url + '#/del/q1ZKzs8tyM9LTVWyMtBRyk0tSk1RsgJxdJRSQFxQLk1JBgA');
    await page.getByRole('heading', { level: 1, name: 'Linket kan ikke åbnes' }).waitFor();
    await expectText(page.getByRole('alert'), /beskadiget|kan ikke læses|ikke en Implan-plan/);
    await page.getByRole('button', { name: 'OK' }).click();
    await page.locator('form.new-plan-form').waitFor();
    assert.deepEqual(await planKeys(page), []);
    assert.deepEqual(await p.problems(), []);
  } finally {
    await p.close();
  }
});

test('after one visit the app starts and saves with the network switched off', async () => {
  const p = await profile();
  try {
    const page = await p.page();
    await page.goto(server.url);
    await waitReady(page);
    await newPlan(page, { municipality: 'Odense', solution: 'SAPA' });
    await controlled(page);

    await p.context.setOffline(true);
    await reload(page);
    await expectText(page.locator('#plan-heading'), 'Odense Kommune · SAPA');
    await gotoActivities(page);
    await row(page, 't03-01').locator('.done-box').check();
    await eventually(async () => (await storedPlan(page))?.plan.activities.find((x) => x.id === 't03-01').status, 'faerdig');
    await reload(page);
    await gotoActivities(page);
    assert.ok(await row(page, 't03-01').locator('.done-box').isChecked());
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Tidslinje' }).click();
    await page.locator('svg').first().waitFor();
    assert.deepEqual(await p.problems(), []);
  } finally {
    await p.context.setOffline(false).catch(() => {});
    await p.close();
  }
});

test('a new deploy is announced: "En ny version er klar – genindlæs" switches to it', async () => {
  // A copy of the build that can be "deployed" again.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'implan-deploy-'));
  await cp(DIST, dir, { recursive: true });
  const own = await startServer(dir, { prefix: PREFIX, securityHeaders: true });
  const p = await profile(own.url);
  try {
    const page = await p.page();
    await page.goto(own.url);
    await waitReady(page);
    await newPlan(page, { municipality: 'Aarhus', solution: 'KY' });
    await controlled(page);
    assert.equal(await page.locator('.update-banner').count(), 0);

    const sw = path.join(dir, 'sw.js');
    await writeFile(sw, (await readFile(sw, 'utf8')).replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await expectText(page.locator('.update-banner strong'), 'En ny version er klar – genindlæs.', { timeout: 20_000 });
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Genindlæs' }).click()]);
    await waitReady(page);
    await expectText(page.locator('#plan-heading'), 'Aarhus Kommune · KY');
    assert.equal(await page.locator('.update-banner').count(), 0);
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.length, 1, `old caches are removed: ${caches}`);
    assert.ok(caches[0].endsWith('-next'));
    assert.deepEqual(await p.problems(), []);
  } finally {
    await p.close();
    await own.close();
    await rm(dir, { recursive: true, force: true });
  }
});
