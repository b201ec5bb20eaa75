// Accessibility (WCAG 2.1 A and AA, as Danish public-sector sites must be):
// every page of the app, filled with a realistic example plan, and the
// states a user opens on top of a page (the activity editor, the benefit
// map, dialogs, banners, the presentation), checked by axe-core in real
// Chromium. A violation fails the test and names the rule, the element and
// what to fix.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import {
  startEnv,
  withApp,
  reload,
  planKeys,
  expectCount,
  gotoActivities,
  openEditor,
  gotoPage,
  openExample,
} from './helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** The rule sets of WCAG 2.0 and 2.1, levels A and AA. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.stop();
});

/** The violations axe-core finds on the page as it is now, one line each. */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    // One entry per rule: what is wrong, how many elements, the first few.
    return result.violations.map((v) => {
      const at = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
      const more = v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : '';
      return `${v.id} (${v.impact}, ${v.nodes.length}x): ${v.help}\n    at ${at}${more}\n    ${v.nodes[0].failureSummary.replace(/\n\s*/g, ' ')}`;
    });
  }, TAGS);
  return found;
}

/** Fails, listing every violation, unless the page as it is now has none. */
async function expectAccessible(page, where) {
  // Let transitions and the toast settle, as a user would see the page.
  await page.waitForTimeout(50);
  const found = await violations(page);
  assert.deepEqual(found, [], `${where}: ${found.length} WCAG 2.1 AA violation(s):\n  ${found.join('\n  ')}`);
}




test('every page of a filled plan meets WCAG 2.1 AA', async () => {
  await withApp(env, async ({ page }) => {
    await expectAccessible(page, 'Ny plan (first visit)');
    await gotoPage(page, 'Eksempler');
    await expectAccessible(page, 'Eksempler');
    await openExample(page);
    await expectAccessible(page, 'Overblik');

    await gotoActivities(page);
    await expectAccessible(page, 'Aktiviteter');
    await page.getByRole('radio', { name: 'Fase' }).check();
    await expectAccessible(page, 'Aktiviteter grouped by phase');

    await gotoPage(page, 'Tidslinje', /Tidslinje/);
    await page.locator('svg').first().waitFor();
    await expectAccessible(page, 'Tidslinje');

    await gotoPage(page, 'Opfølgning');
    await expectAccessible(page, 'Opfølgning');

    await gotoPage(page, 'Statusrapport');
    await expectAccessible(page, 'Statusrapport');

    await gotoPage(page, 'Gevinster');
    await expectAccessible(page, 'Gevinster (profiles)');
    await page.getByRole('tab', { name: 'Gevinstdiagram' }).click();
    await page.locator('.map-canvas svg').first().waitFor();
    await expectAccessible(page, 'Gevinster (benefit map)');

    await gotoPage(page, 'Indstillinger');
    await expectAccessible(page, 'Indstillinger');

    await gotoPage(page, 'Mine planer');
    await expectAccessible(page, 'Mine planer');

    await gotoPage(page, 'Ny plan');
    await expectAccessible(page, 'Ny plan (with a plan open)');
  });
});

test('the «i» explanation, the toast, the activity editor, the introduction and the presentation meet WCAG 2.1 AA', async () => {
  await withApp(env, async ({ page }) => {
    await openExample(page);
    await page.locator('table.matrix thead button.info-btn[data-info="F2"]').click();
    await page.locator('.info-panel').waitFor();
    await expectAccessible(page, 'Overblik with an «i» explanation open');
    await page.keyboard.press('Escape');
    await gotoActivities(page);
    await page.locator('li.activity-row button.delete').nth(1).click();
    await page.locator('.toast').getByRole('button', { name: 'Fortryd' }).waitFor();
    await expectAccessible(page, 'Aktiviteter with the toast offering Fortryd');
    const id = await page.locator('li.activity-row').first().getAttribute('data-id');
    await openEditor(page, id);
    await expectAccessible(page, 'Aktiviteter with the editor open');

    await page.locator('.help-menu summary').click();
    await expectAccessible(page, 'the Hjælp menu open');
    await page.getByRole('button', { name: 'Præsentationstilstand' }).click();
    await page.locator('.presentation').waitFor();
    await expectAccessible(page, 'Præsentationstilstand');
    await page.keyboard.press('Escape');
    await expectCount(page.locator('.presentation'), 0);
  });
  await withApp(env, async ({ page }) => {
    await page.locator('.tour').waitFor();
    await expectAccessible(page, 'the introduction on the first visit');
  }, { tour: true });
});

test('the banner for corrupt saved data meets WCAG 2.1 AA', async () => {
  await withApp(env, async ({ page }) => {
    await openExample(page);
    const [key] = await planKeys(page);
    await page.evaluate((k) => localStorage.setItem(k, '{"format":"implan-plan", broken'), key);
    await reload(page);
    await page.locator('.corrupt-banner').waitFor();
    await expectAccessible(page, 'corrupt-data banner');
  });
});
