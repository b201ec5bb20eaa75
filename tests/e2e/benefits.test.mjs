// End-to-end tests of Gevinster: benefit profiles with owner, baseline,
// target and measurements (progress, checks, summary in kr.), the benefit
// map (adding nodes and arrows by keyboard-usable forms, linking an
// activity, highlighting a chain, opening its activities), saving and
// reloading, and downloading the map as SVG and PNG.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { eventually, expectCount, expectText, gotoActivities, newPlan, openApp, reload, startEnv, storedPlan, text, withApp } from './helpers.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.stop();
});

const year = new Date().getFullYear();
/** dd.mm.yyyy in `offset` years from now. */
const date = (day, month, offset) => `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year + offset}`;

async function gotoBenefits(page) {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Gevinster' }).click();
  await page.getByRole('heading', { level: 1, name: 'Gevinster' }).waitFor();
}

async function gotoMap(page) {
  await page.getByRole('tab', { name: 'Gevinstdiagram' }).click();
  await page.locator('svg.map-svg').waitFor();
}

/** Types into a field and leaves it (commits Danish dates and numbers). */
async function commit(field, value) {
  await field.fill(value);
  await field.press('Tab');
}

function editor(page) {
  return page.locator('aside.benefit-editor');
}

/** Creates a benefit profile and returns its register row. */
async function createBenefit(page, name, type = 'okonomisk-raderum') {
  await page.getByRole('button', { name: '+ Ny gevinst' }).click();
  const form = page.getByRole('form', { name: 'Ny gevinst' });
  await form.locator('input[name="new-benefit-name"]').fill(name);
  await form.locator('select[name="new-benefit-type"]').selectOption(type);
  await form.getByRole('button', { name: 'Opret gevinst' }).click();
  await editor(page).waitFor();
  return page.locator('li.benefit-row', { hasText: name });
}

async function recordMeasurement(page, day, value, by) {
  const form = page.getByRole('form', { name: 'Registrér måling' });
  await form.locator('input[name="measurement-date"]').fill(day);
  await form.locator('input[name="measurement-value"]').fill(value);
  await form.locator('input[name="measurement-by"]').fill(by);
  await form.getByRole('button', { name: 'Registrér måling' }).click();
}

test('a benefit with owner, baseline and target: two measurements show progress, checks and kroner, and survive a reload', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page, { municipality: 'Vejle', solution: 'KY' });
    await gotoBenefits(page);
    await expectText(page.locator('.benefit-list-section .empty'), /Ingen gevinstprofiler endnu/);
    const row = await createBenefit(page, 'Frigjort tid i sagsbehandlingen');
    // A new profile lacks everything the checks look for.
    await expectText(page.locator('.check-owner h3'), 'Uden gevinstejer (1)');
    const ed = editor(page);
    await ed.locator('input[name="owner"]').fill('Anne Holm, ydelseschef');
    await ed.locator('input[name="accountable"]').fill('Direktør for Borgerservice');
    await ed.locator('input[name="indicator"]').fill('Lønudgift til sagsbehandling');
    await ed.locator('input[name="unit"]').fill('kr. pr. år');
    await commit(ed.locator('input[name="baseline"]'), '1.200.000');
    await commit(ed.locator('input[name="baseline-date"]'), date(1, 1, -1));
    await commit(ed.locator('input[name="target"]'), '800.000');
    await commit(ed.locator('input[name="target-date"]'), date(31, 12, 1));
    await ed.locator('select[name="frequency"]').selectOption('kvartalsvis');
    await expectCount(page.locator('.check-owner'), 0);
    await expectText(row.locator('.owner'), 'Gevinstejer: Anne Holm, ydelseschef');
    await expectText(row.locator('.progress-text'), 'Ingen fremdrift endnu');

    await recordMeasurement(page, date(1, 4, -1), '1.100.000', 'Controller');
    await expectText(row.locator('.progress-text'), '25 % af målet');
    await recordMeasurement(page, date(1, 7, -1), '1.000.000,5', 'Controller');
    await expectText(row.locator('.progress-text'), '50 % af målet');
    await expectText(ed.locator('.progress-summary'), /^50 % af vejen fra baseline \(1\.200\.000\) til mål \(800\.000\): seneste måling 1\.000\.000,5/);
    const values = await ed.locator('.measurement-table tbody td.number').allTextContents();
    assert.deepEqual(values, ['1.000.000,5', '1.100.000']);
    // The chart draws the baseline, both measurements and the target.
    await expectCount(ed.locator('svg.benefit-chart circle.chart-measurement'), 2);
    await expectCount(ed.locator('svg.benefit-chart .chart-target'), 1);
    await expectCount(ed.locator('svg.benefit-chart .chart-baseline'), 1);
    await ed.locator('svg.benefit-chart').screenshot({ path: '/tmp/e2e-benefits-chart.png' });
    // Quarterly after 1 July last year: a measurement is due.
    await expectText(page.locator('.check-due h3'), 'Forfaldne målinger (1)');
    await expectText(page.locator('.check-due li'), `Frigjort tid i sagsbehandlingen – forfalden ${date(1, 10, -1)}`);
    // Yearly amounts of Økonomisk råderum in Danish kroner.
    const money = page.locator('.summary-table tr[data-type="okonomisk-raderum"]');
    await expectText(money.locator('td.expected'), '400.000 kr.');
    await expectText(money.locator('td.measured'), '200.000 kr.');

    await eventually(async () => (await storedPlan(page))?.plan.benefits?.[0]?.measurements?.length, 2);
    const stored = (await storedPlan(page)).plan.benefits[0];
    assert.equal(stored.owner, 'Anne Holm, ydelseschef');
    assert.equal(stored.baseline, 1200000);
    assert.equal(stored.measurements[1].value, 1000000.5);

    await reload(page);
    await gotoBenefits(page);
    const again = page.locator('li.benefit-row', { hasText: 'Frigjort tid i sagsbehandlingen' });
    await expectText(again.locator('.progress-text'), '50 % af målet');
    await again.getByRole('button', { name: 'Redigér Frigjort tid i sagsbehandlingen' }).click();
    await expectCount(editor(page).locator('.measurement-table tbody tr'), 2);
    assert.equal(await editor(page).locator('input[name="baseline"]').inputValue(), '1.200.000');
    assert.equal(await editor(page).locator('input[name="target-date"]').inputValue(), date(31, 12, 1));

    // The status report for the steering group shows the benefit's status.
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Statusrapport' }).click();
    const section = page.locator('section[data-section=benefits]');
    await expectText(section.locator('h2'), 'Gevinster (1)');
    await expectText(section.locator('.lead'), /forfaldne målinger: 1\. Økonomisk råderum: forventet 400\.000 kr\. pr\. år, målt 200\.000 kr\. pr\. år\./);
    const cells = await section.locator('tbody tr td').allTextContents();
    assert.equal(cells[0], 'Frigjort tid i sagsbehandlingen (Økonomisk råderum)');
    assert.equal(cells[1], 'Anne Holm, ydelseschef');
    assert.match(cells[4], new RegExp(`^1\\.000\\.000,5 kr\\. pr\\. år \\(${date(1, 7, -1).replace(/\./g, '\\.')}\\); måling forfalden`));
    assert.equal(cells[5], '50 %');
  });
});

test('wrong numbers and dates are refused with Danish messages and nothing is lost', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoBenefits(page);
    await createBenefit(page, 'Kortere svartid', 'service');
    const ed = editor(page);
    await commit(ed.locator('input[name="baseline"]'), '12.5');
    await expectText(ed.locator('.commit-field .field-error:not([hidden])'), /brug komma som decimaltegn, fx 12,5/);
    assert.equal(await ed.locator('input[name="baseline"]').inputValue(), '12.5');
    await commit(ed.locator('input[name="baseline"]'), '12,5');
    await expectCount(ed.locator('.commit-field .field-error:not([hidden])'), 0);
    // A refused number corrected back to the saved one loses its message.
    await commit(ed.locator('input[name="baseline"]'), '100.000.000.000');
    await expectText(ed.locator('.commit-field .field-error:not([hidden])'), /for stort/);
    await commit(ed.locator('input[name="baseline"]'), '12,5');
    await expectCount(ed.locator('.commit-field .field-error:not([hidden])'), 0);
    await commit(ed.locator('input[name="baseline-date"]'), date(1, 6, 0));
    await commit(ed.locator('input[name="target-date"]'), date(1, 5, 0));
    await expectText(ed.locator('.editor-error'), `Måldatoen (${date(1, 5, 0)}) skal ligge efter baselinedatoen (${date(1, 6, 0)}).`);
    await eventually(async () => (await storedPlan(page))?.plan.benefits?.[0]?.baseline, 12.5);
    assert.equal((await storedPlan(page)).plan.benefits[0].targetDate, null);
    // A year outside 2000–2099 is a slip, as for an activity's dates.
    await commit(ed.locator('input[name="target-date"]'), '31.12.9999');
    await expectText(ed.locator('.editor-error'), 'Datoen 31.12.9999 ligger uden for årene 2000–2099. Skriv en dato i planens tidsrum.');
    assert.equal((await storedPlan(page)).plan.benefits[0].targetDate, null);
    // A measurement before the baseline is refused too.
    await recordMeasurement(page, date(1, 1, 0), '10', 'Borgerservice');
    await expectText(ed.locator('.measurement-error'), /ligger før baselinedatoen/);
    await recordMeasurement(page, date(1, 1, 0), 'ti', 'Borgerservice');
    await expectText(ed.locator('.measurement-error'), /Værdi: «ti» er ikke et tal/);
  });
});

test('Escape saves the number being typed and closes the profile editor; a refused number keeps it open once', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoBenefits(page);
    // Escape in the new-profile form cancels it.
    await page.getByRole('button', { name: '+ Ny gevinst' }).click();
    const form = page.getByRole('form', { name: 'Ny gevinst' });
    await form.locator('input[name="new-benefit-name"]').press('Escape');
    await expectCount(page.getByRole('form', { name: 'Ny gevinst' }), 0);
    await eventually(() => page.evaluate(() => document.activeElement?.textContent), '+ Ny gevinst');

    const row = await createBenefit(page, 'Kortere svartid', 'service');
    const ed = editor(page);
    await ed.locator('input[name="baseline"]').fill('12,5');
    await ed.locator('input[name="baseline"]').press('Escape');
    await expectCount(ed, 0);
    await eventually(async () => (await storedPlan(page))?.plan.benefits?.[0]?.baseline, 12.5);
    // Focus is back on the profile's name in the list.
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      return el?.closest('li.benefit-row') ? el.textContent : null;
    });
    await eventually(focused, 'Kortere svartid');

    await row.getByRole('button', { name: 'Redigér Kortere svartid' }).click();
    await ed.locator('input[name="target"]').fill('8.5');
    await ed.locator('input[name="target"]').press('Escape');
    await expectText(ed.locator('.commit-field .field-error:not([hidden])'), /brug komma som decimaltegn/);
    assert.equal(await ed.locator('input[name="target"]').inputValue(), '8.5');
    await ed.locator('input[name="target"]').press('Escape');
    await expectCount(ed, 0);
    assert.equal((await storedPlan(page)).plan.benefits[0].target, null);
    await eventually(focused, 'Kortere svartid');

    // "Luk" gives focus back to the row as Escape does, and "Annullér" in
    // the new-profile form to "+ Ny gevinst".
    await row.getByRole('button', { name: 'Redigér Kortere svartid' }).click();
    await ed.getByRole('button', { name: 'Luk', exact: true }).click();
    await expectCount(ed, 0);
    await eventually(focused, 'Kortere svartid');
    await page.getByRole('button', { name: '+ Ny gevinst' }).click();
    await page.getByRole('form', { name: 'Ny gevinst' }).getByRole('button', { name: 'Annullér' }).click();
    await expectCount(page.getByRole('form', { name: 'Ny gevinst' }), 0);
    await eventually(() => page.evaluate(() => document.activeElement?.textContent), '+ Ny gevinst');
  });
});

/**
 * The map node shown as e.g. "Forandring: Nye arbejdsgange". A node is named
 * by what it shows: its title, its badge if any, then its column
 * ("Nye arbejdsgange, HO 5 (Forandring)").
 */
function node(page, label) {
  const [, column, title] = label.match(/^(\S+): (.*)$/);
  return page.locator(`svg.map-svg g.gd-node[aria-label^="${title}"][aria-label$=" (${column})"]`);
}

async function addNode(page, column, title) {
  const form = page.getByRole('form', { name: 'Tilføj knude' });
  await form.locator('select[name="add-node-column"]').selectOption(column);
  const input = form.locator('input[name="add-node-title"]');
  await input.fill(title);
  // Enter submits: the form works without a mouse.
  await input.press('Enter');
  const label = `${{ leverance: 'Leverance', forandring: 'Forandring', effekt: 'Effekt', gevinst: 'Gevinst', maal: 'Mål' }[column]}: ${title}`;
  await expectCount(node(page, label), 1);
  return node(page, label);
}

async function addArrow(page, from, to) {
  const form = page.getByRole('form', { name: 'Tilføj pil' });
  await form.locator('select[name="add-arrow-from"]').selectOption({ label: from });
  await form.locator('select[name="add-arrow-to"]').selectOption({ label: to });
  await form.getByRole('button', { name: 'Tilføj pil' }).click();
}

test('the benefit map: nodes in three columns, arrows, an activity link, reload, highlight, SVG and PNG', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page, { municipality: 'Ærø', solution: 'KY' });
    await gotoBenefits(page);
    await gotoMap(page);
    // The suggested map from the model: every column, the solution as deliverable.
    const headings = await page.locator('svg.map-svg text.gd-heading').allTextContents();
    assert.deepEqual(headings, ['Leverancer', 'Forandringer', 'Effekter', 'Gevinster', 'Mål']);
    await expectCount(node(page, 'Leverance: KY taget i brug'), 1);
    const suggested = await page.locator('svg.map-svg g.gd-node').count();
    const suggestedArrows = await page.locator('svg.map-svg path.gd-arrow').count();

    const lev = await addNode(page, 'leverance', 'Selvbetjeningsløsning til borgerne');
    const forandring = await addNode(page, 'forandring', 'Borgerne søger selv digitalt & <hurtigt>');
    const effekt = await addNode(page, 'effekt', 'Færre telefonopkald');
    await addArrow(page, 'Leverance: Selvbetjeningsløsning til borgerne', 'Forandring: Borgerne søger selv digitalt & <hurtigt>');
    await addArrow(page, 'Forandring: Borgerne søger selv digitalt & <hurtigt>', 'Effekt: Færre telefonopkald');
    await expectCount(page.locator('svg.map-svg path.gd-arrow'), suggestedArrows + 2);
    // Every arrow runs left to right.
    const backwards = await page.locator('svg.map-svg path.gd-arrow').evaluateAll((paths) =>
      paths.filter((p) => {
        const xs = [...p.getAttribute('d').matchAll(/[MLC]([\d.]+) /g)].map((m) => Number(m[1]));
        return xs[xs.length - 1] <= xs[0];
      }).length,
    );
    assert.equal(backwards, 0);
    // The same arrow twice is refused.
    await addArrow(page, 'Leverance: Selvbetjeningsløsning til borgerne', 'Forandring: Borgerne søger selv digitalt & <hurtigt>');
    await expectText(page.getByRole('form', { name: 'Tilføj pil' }).locator('.error'), 'Der er allerede en pil fra «Selvbetjeningsløsning til borgerne» til «Borgerne søger selv digitalt & <hurtigt>».');

    // Link the change to an activity from its panel.
    await forandring.click();
    const panel = page.locator('aside.node-panel');
    await expectText(panel.locator('h2'), 'Forandring: Borgerne søger selv digitalt & <hurtigt>');
    await panel.locator('select[name="link-activity"]').selectOption('t09-06');
    await expectCount(panel.locator('.linked-activities li[data-activity="t09-06"]'), 1);
    await expectText(forandring.locator('text.gd-badge'), '1 akt.');

    await reload(page);
    await gotoBenefits(page);
    await gotoMap(page);
    await expectCount(page.locator('svg.map-svg g.gd-node'), suggested + 3);
    await expectCount(page.locator('svg.map-svg path.gd-arrow'), suggestedArrows + 2);
    await expectText(node(page, 'Forandring: Borgerne søger selv digitalt & <hurtigt>').locator('text.gd-badge'), '1 akt.');

    // Selecting the effect highlights its chain (the change and the
    // deliverable before it), dims the rest.
    const eff = node(page, 'Effekt: Færre telefonopkald');
    // Selecting only restyles: the map is neither laid out nor drawn again.
    const redraws = () => page.evaluate(() => ['implan-map-layout', 'implan-map-draw'].map((n) => performance.getEntriesByName(n).length));
    // Counted once the map has settled (no layout or drawing for 200 ms).
    let before = await redraws();
    await eventually(async () => {
      await page.waitForTimeout(200);
      const now = await redraws();
      const stable = JSON.stringify(now) === JSON.stringify(before);
      before = now;
      return stable;
    }, true);
    assert.ok(before[0] > 0 && before[1] > 0, 'the map was laid out and drawn');
    await eff.focus();
    await page.keyboard.press('Enter');
    await expectText(page.locator('aside.node-panel h2'), 'Effekt: Færre telefonopkald');
    // Two frames later, still nothing laid out or drawn again.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(await redraws(), before);
    assert.equal(await eff.getAttribute('aria-pressed'), 'true');
    const lit = await page.locator('svg.map-svg g.gd-node.lit').evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')).sort());
    assert.equal(lit.length, 2, String(lit));
    assert.match(lit[0], /^Borgerne søger selv digitalt & <hurtigt>(, .+)? \(Forandring\)$/);
    assert.match(lit[1], /^Selvbetjeningsløsning til borgerne(, .+)? \(Leverance\)$/);
    await expectCount(page.locator('svg.map-svg path.gd-arrow.lit'), 2);
    await expectCount(page.locator('svg.map-svg g.gd-node.dim'), suggested);
    assert.ok(await node(page, 'Leverance: KY taget i brug').evaluate((g) => g.classList.contains('dim')));

    // The SVG download holds every title, escaped.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
    assert.equal(download.suggestedFilename(), 'gevinstdiagram-aeroe-ky.svg');
    const svg = await readFile(await download.path(), 'utf8');
    assert.match(svg, /^<\?xml/);
    for (const title of ['Selvbetjeningsløsning til borgerne', 'Færre telefonopkald', 'KY taget i brug', 'Kommunens business case']) {
      assert.ok(svg.includes(title), `the SVG holds «${title}»`);
    }
    assert.ok(svg.includes('&amp; &lt;hurtigt&gt;'), 'special characters are escaped');
    assert.ok(svg.includes('<style>'), 'styles are embedded');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PNG' }).click()]);
    assert.equal(png.suggestedFilename(), 'gevinstdiagram-aeroe-ky.png');
    const bytes = await readFile(await png.path());
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.ok(bytes.length > 10_000, `the PNG has content (${bytes.length} bytes)`);

    // Escape clears the highlight.
    await eff.focus();
    await page.keyboard.press('Escape');
    await expectCount(page.locator('svg.map-svg g.gd-node.dim'), 0);

    // The activities behind a chain open in Aktiviteter.
    await lev.click();
    const chain = page.locator('aside.node-panel .chain-activities');
    await chain.locator('li[data-activity="t09-06"] button').click();
    await page.getByRole('heading', { level: 1, name: 'Aktiviteter' }).waitFor();
    await expectText(page.locator('aside.editor h2'), 'Redigér aktivitet');
    assert.equal(await page.locator('aside.editor input[name="title"]').inputValue(), await text(page.locator('li.activity-row[data-id="t09-06"] .activity-title')));
  });
});

test('removing a node takes its arrows along, and undo brings both back', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoBenefits(page);
    await gotoMap(page);
    const arrows = await page.locator('svg.map-svg path.gd-arrow').count();
    await node(page, 'Forandring: Nye arbejdsgange').click();
    await page.locator('aside.node-panel').getByRole('button', { name: 'Fjern knude' }).click();
    await expectCount(node(page, 'Forandring: Nye arbejdsgange'), 0);
    await expectCount(page.locator('svg.map-svg path.gd-arrow'), arrows - 3);
    await page.locator('.toast').getByRole('button', { name: 'Fortryd' }).click();
    await expectCount(node(page, 'Forandring: Nye arbejdsgange'), 1);
    await expectCount(page.locator('svg.map-svg path.gd-arrow'), arrows);
  });
});

test('a Gevinst node creates its benefit profile and shows its progress', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoBenefits(page);
    await gotoMap(page);
    await node(page, 'Gevinst: Kortere svartid for borgerne').click();
    await page.locator('aside.node-panel').getByRole('button', { name: 'Opret gevinstprofil ud fra knuden' }).click();
    // The profile opens, named after the node, with the type of its description.
    await editor(page).waitFor();
    assert.equal(await editor(page).locator('input[name="name"]').inputValue(), 'Kortere svartid for borgerne');
    assert.equal(await editor(page).locator('select[name="type"]').inputValue(), 'service');
    await gotoMap(page);
    await expectText(node(page, 'Gevinst: Kortere svartid for borgerne').locator('text.gd-badge'), 'Gevinstprofil');
  });
});

test('two tabs: a benefit added in one tab shows in the other and survives that tab\'s next edit', async () => {
  await withApp(env, async ({ page: one, context }) => {
    await newPlan(one, { municipality: 'Vejle', solution: 'KY' });
    const two = await context.newPage();
    await openApp(two, '#/gevinster');
    await two.getByRole('heading', { level: 1, name: 'Gevinster' }).waitFor();

    // Tab 1 adds a profile; tab 2 shows it without a reload.
    await gotoBenefits(one);
    await createBenefit(one, 'Kortere svartid på telefonen', 'service');
    await eventually(async () => (await storedPlan(one))?.plan.benefits.map((b) => b.name), ['Kortere svartid på telefonen']);
    await expectCount(two.locator('li.benefit-row', { hasText: 'Kortere svartid på telefonen' }), 1);

    // Tab 2's next edit (elsewhere in the plan) keeps the profile in storage.
    await gotoActivities(two);
    const id = await two.locator('li.activity-row').first().getAttribute('data-id');
    await two.locator(`li.activity-row[data-id="${id}"] input.done-box`).click();
    const stored = await eventually(
      () => storedPlan(two),
      (p) => p?.plan.activities.find((a) => a.id === id)?.status === 'faerdig',
      { message: 'tab 2 saved its edit' },
    );
    assert.deepEqual(stored.plan.benefits.map((b) => b.name), ['Kortere svartid på telefonen'], 'the profile from tab 1 is still stored');
    await two.close();
  });
});

test('the benefit map prints whole, from "Udskriv" and from the browser\'s own print', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoBenefits(page);
    await gotoMap(page);
    await page.emulateMedia({ media: 'print' });
    // A4 landscape with the browser's default margins, and portrait.
    for (const width of [1050, 718]) {
      await page.setViewportSize({ width, height: 700 });
      const facts = await page.evaluate(() => {
        const svg = document.querySelector('svg.map-svg').getBoundingClientRect();
        const canvas = document.querySelector('.map-canvas').getBoundingClientRect();
        return { svgRight: Math.round(svg.right), canvasRight: Math.round(canvas.right), view: window.innerWidth };
      });
      assert.ok(facts.svgRight <= facts.canvasRight && facts.svgRight <= facts.view, `the Mål column is cut at ${width} px: ${JSON.stringify(facts)}`);
    }
    // The tabs and tools are not printed.
    assert.equal(await page.getByRole('tab', { name: 'Gevinstdiagram' }).isVisible(), false);
    await page.screenshot({ path: '/tmp/e2e-benefit-map-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
});

test('the benefit register prints on an A4 page without cutting the summary or showing buttons', async () => {
  await withApp(env, async ({ page }) => {
    const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
    await nav.getByRole('link', { name: 'Eksempler' }).click();
    await page.locator('li.example-card[data-example="aabakke-ky"]').getByRole('button', { name: 'Åbn kopi' }).click();
    await page.locator('table.matrix').waitFor();
    await page.setViewportSize({ width: 718, height: 900 });
    await gotoBenefits(page);
    await expectText(page.locator('.summary-table tr[data-type="okonomisk-raderum"] td.expected'), /kr\.$/);
    await page.emulateMedia({ media: 'print' });
    const facts = await page.evaluate(() => ({
      table: Math.round(document.querySelector('.summary-table').getBoundingClientRect().width),
      room: Math.round(document.querySelector('.benefit-summary .table-scroll').getBoundingClientRect().width),
    }));
    assert.ok(facts.table <= facts.room, `"Målt pr. år" is cut: ${JSON.stringify(facts)}`);
    assert.equal(await page.getByRole('button', { name: '+ Ny gevinst' }).isVisible(), false);
    await page.locator('.benefit-summary').screenshot({ path: '/tmp/e2e-benefit-summary-print.png' });
    await page.emulateMedia({ media: 'screen' });
  });
});

test('a measurement far past the target shows its progress with Danish thousands ("1.234 %")', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoBenefits(page);
    const row = await createBenefit(page, 'Flere digitale ansøgninger', 'service');
    const ed = editor(page);
    await commit(ed.locator('input[name="baseline"]'), '0');
    await commit(ed.locator('input[name="baseline-date"]'), date(1, 1, -1));
    await commit(ed.locator('input[name="target"]'), '10');
    await commit(ed.locator('input[name="target-date"]'), date(31, 12, 1));
    await recordMeasurement(page, date(1, 2, -1), '123,4', 'Borgerservice');
    await expectText(row.locator('.progress-text'), '1.234 % af målet');
    await expectText(ed.locator('.measurement-summary, .progress-summary, p').filter({ hasText: 'af vejen fra baseline' }).first(), /^1\.234 % af vejen fra baseline \(0\) til mål \(10\)/);
  });
});
