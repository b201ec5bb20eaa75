// End-to-end tests of workshop and training: the built-in examples (open a
// copy, change it, "Nulstil"), the introduction on the first visit, the ⓘ
// explanations and the presentation mode.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  eventually,
  expectCount,
  expectText,
  gotoActivities,
  newPlan,
  planKeys,
  reload,
  row,
  startEnv,
  storedPlan,
  text,
  withApp,
  openExample,
} from './helpers.mjs';

let env;

before(async () => {
  env = await startEnv();
});

after(async () => {
  await env?.stop();
});

const nav = (page) => page.getByRole('navigation', { name: 'Hovedmenu' });

async function gotoExamples(page) {
  await nav(page).getByRole('link', { name: 'Eksempler' }).click();
  await page.getByRole('heading', { level: 1, name: 'Eksempler' }).waitFor();
}


/** The stored plan (without its envelope). */
const stored = async (page) => (await storedPlan(page))?.plan;

const statusOf = async (page, id) => (await stored(page))?.activities.find((a) => a.id === id)?.status;

test('an example opens as a copy; Nulstil brings the copy back and the example itself never changes', async () => {
  await withApp(env, async ({ page }) => {
    await gotoExamples(page);
    await expectCount(page.locator('li.example-card'), 2);
    await expectText(page.locator('li.example-card[data-example="aabakke-ky"] h2'), 'Åbakke Kommune · KY (eksempel)');
    await page.screenshot({ path: '/tmp/workshop-examples.png', fullPage: true });

    await openExample(page, 'aabakke-ky');
    const plan = await eventually(() => stored(page), (p) => p?.example === 'aabakke-ky');
    assert.equal(plan.stage, 'F2');
    assert.equal(plan.phaseHistory.length, 2);
    assert.ok(plan.benefits.length >= 4);
    assert.ok(plan.benefits.some((b) => b.measurements.length > 0));
    assert.ok(plan.benefitMap.arrows.length >= 10);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
    const overdue = plan.activities.filter((a) => a.due < today && !['faerdig', 'udgaar'].includes(a.status));
    assert.ok(overdue.length >= 3, `overdue: ${overdue.length}`);
    assert.equal(await statusOf(page, 't13-04'), 'blokeret');
    await expectText(page.locator('#plan-heading'), /Åbakke/);
    await page.screenshot({ path: '/tmp/workshop-overview.png', fullPage: false });

    // Change the copy: mark the blocked activity done.
    await gotoActivities(page);
    await row(page, 't13-04').locator('.done-box').check();
    await eventually(() => statusOf(page, 't13-04'), 'faerdig');

    // Nulstil returns it to the example's start, as one undo step.
    await gotoExamples(page);
    const open = page.locator('section.example-open');
    await expectText(open.locator('p').first(), 'Den åbne plan er en kopi af eksemplet «Åbakke Kommune · KY (eksempel)».');
    await open.getByRole('button', { name: 'Nulstil' }).click();
    await eventually(() => statusOf(page, 't13-04'), 'blokeret');
    assert.equal((await stored(page)).id, plan.id);
    await page.getByRole('button', { name: '↶ Fortryd' }).click();
    await eventually(() => statusOf(page, 't13-04'), 'faerdig');
    await page.getByRole('button', { name: '↷ Gentag' }).click();
    await eventually(() => statusOf(page, 't13-04'), 'blokeret');
    // A snapshot was taken before the reset.
    const snaps = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.reset')));
    assert.ok(snaps.length >= 1, JSON.stringify(snaps));

    // Overblik says the plan is an example copy and resets it too.
    await gotoActivities(page);
    await row(page, 't13-04').locator('.done-box').check();
    await eventually(() => statusOf(page, 't13-04'), 'faerdig');
    await nav(page).getByRole('link', { name: 'Overblik', exact: true }).click();
    const note = page.getByRole('complementary', { name: 'Eksempel' });
    await expectText(note.locator('p'), /^Planen er en kopi af eksemplet «Åbakke Kommune · KY \(eksempel\)» til undervisning\./);
    await note.getByRole('button', { name: 'Nulstil eksemplet' }).click();
    await eventually(() => statusOf(page, 't13-04'), 'blokeret');
    assert.equal((await stored(page)).id, plan.id, 'the same copy, reset in place');
    assert.equal((await planKeys(page)).length, 1, 'no second copy');

    // Change the copy again; the example opened afresh is unchanged.
    await gotoActivities(page);
    await row(page, 't13-04').locator('.done-box').check();
    await eventually(() => statusOf(page, 't13-04'), 'faerdig');
    await openExample(page, 'aabakke-ky');
    const second = await eventually(() => stored(page), (p) => p && p.id !== plan.id);
    assert.equal(second.example, 'aabakke-ky');
    assert.equal(await statusOf(page, 't13-04'), 'blokeret');
    assert.equal((await planKeys(page)).length, 2);

    // The other example is in F3.
    await openExample(page, 'lyngmose-sapa');
    const third = await eventually(() => stored(page), (p) => p?.example === 'lyngmose-sapa');
    assert.equal(third.stage, 'F3');
  });
});

test('presentation mode steps through the phases by keyboard and Escape leaves', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await page.locator('.help-menu summary').click();
    await page.getByRole('button', { name: 'Præsentationstilstand' }).click();
    const show = page.locator('.presentation');
    await expectCount(show, 1);
    await expectText(show.locator('#slide-heading'), 'Vejle · KY');
    const heading = () => text(show.locator('#slide-heading'), { timeout: 250 });
    await page.keyboard.press('ArrowRight');
    await eventually(heading, 'F0 Tilslutning');
    await page.keyboard.press('PageDown');
    await eventually(heading, 'F1 Initiering');
    await page.keyboard.press('ArrowRight');
    await eventually(heading, 'F2 Forberedelse');
    const slide = await text(show);
    for (const part of ['Hovedopgaver', 'Udbytte', 'Aktører', 'Succeskriterier', 'Konfiguration', 'Kompetente og erfarne it-specialister']) {
      assert.ok(slide.includes(part), `${part} in ${slide}`);
    }
    await page.screenshot({ path: '/tmp/workshop-presentation.png' });
    await page.keyboard.press('ArrowLeft');
    await eventually(heading, 'F1 Initiering');
    await page.keyboard.press('PageUp');
    await eventually(heading, 'F0 Tilslutning');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await eventually(heading, 'Vejle · KY');
    await page.keyboard.press('End');
    await eventually(heading, 'F4 Forankring');
    await page.keyboard.press('PageDown');
    await eventually(heading, 'F4 Forankring');
    await page.keyboard.press('Escape');
    await expectCount(show, 0);
    assert.equal(await page.evaluate(() => document.fullscreenElement), null);
    await page.locator('table.matrix').waitFor();
  });
});

test('every slide fits a projector screen, also at 150 % zoom, with its buttons in view', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    // A projector at 1920×1080 and 1280×720, and 1280×900 zoomed to 150 %.
    for (const [width, height] of [[1920, 1080], [1280, 720], [853, 600]]) {
      await page.setViewportSize({ width, height });
      await page.locator('.help-menu summary').click();
      await page.getByRole('button', { name: 'Præsentationstilstand' }).click();
      const show = page.locator('.presentation');
      await expectCount(show, 1);
      for (const slide of ['Vejle · KY', 'F0 Tilslutning', 'F1 Initiering', 'F2 Forberedelse', 'F3 Ibrugtagning', 'F4 Forankring']) {
        await expectText(show.locator('#slide-heading'), slide);
        const facts = await show.evaluate((el) => ({
          hidden: el.scrollHeight - el.clientHeight,
          slideHidden: el.querySelector('.slide').scrollHeight - el.querySelector('.slide').clientHeight,
          foot: Math.round(el.querySelector('.slide-foot').getBoundingClientRect().bottom - window.innerHeight),
        }));
        assert.ok(facts.hidden <= 0 && facts.slideHidden <= 0, `${slide} at ${width}×${height} is cut: ${JSON.stringify(facts)}`);
        assert.ok(facts.foot <= 0, `the buttons of ${slide} at ${width}×${height} are in view: ${JSON.stringify(facts)}`);
        if (slide === 'F4 Forankring') await page.screenshot({ path: `/tmp/workshop-slide-${width}x${height}.png` });
        await page.keyboard.press('ArrowRight');
      }
      await page.keyboard.press('Escape');
      await expectCount(show, 0);
    }
  });
});

test('the introduction shows on the first visit, can be skipped, and reopens from Hjælp', async () => {
  await withApp(
    env,
    async ({ page }) => {
      const dialog = page.getByRole('dialog', { name: 'Velkommen til Implan' });
      await dialog.waitFor();
      await page.screenshot({ path: '/tmp/workshop-tour.png' });
      // The model's name as the rest of the app writes it after a genitive
      // ("KOMBITs Implementeringsmodel", not "… Implementeringsmodellen").
      assert.match(await text(dialog), /efter KOMBITs Implementeringsmodel\. /);
      await dialog.getByRole('button', { name: 'Næste' }).click();
      const tour = page.locator('.tour');
      await expectText(tour.locator('h2'), 'Fem faser');
      assert.match(await text(tour), /F2 Forberedelse/);
      await tour.getByRole('button', { name: 'Spring over' }).click();
      await expectCount(tour, 0);
      assert.equal(await page.evaluate(() => localStorage.getItem('implan.tour-seen')), '1');
      await reload(page);
      await page.getByRole('heading', { level: 1, name: 'Ny plan' }).waitFor();
      await expectCount(page.locator('.tour'), 0);
      await page.locator('.help-menu summary').click();
      await page.getByRole('button', { name: 'Introduktion' }).click();
      await expectText(page.locator('.tour h2'), 'Velkommen til Implan');
      for (let i = 0; i < 5; i++) await page.locator('.tour').getByRole('button', { name: 'Næste' }).click();
      await expectText(page.locator('.tour h2'), 'Kom i gang');
      await page.locator('.tour').getByRole('button', { name: 'Afslut' }).click();
      await expectCount(page.locator('.tour'), 0);
    },
    { tour: true },
  );
});

test('ⓘ next to phases and main tasks shows the model\'s explanation', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await page.getByRole('button', { name: 'Om F2 Forberedelse' }).click();
    const panel = page.locator('.info-panel');
    await expectText(panel.locator('h2'), 'F2 Forberedelse');
    assert.match(await text(panel), /Udbytte.*Aktører.*Succeskriterier/);
    await page.screenshot({ path: '/tmp/workshop-info.png' });
    await page.keyboard.press('Escape');
    await expectCount(panel, 0);
    await page.getByRole('button', { name: 'Om hovedopgave 6 Gevinstrealisering' }).click();
    await expectText(panel.locator('h2'), 'Hovedopgave 6 Gevinstrealisering');
    assert.match(await text(panel), /Formål/);
    // A click elsewhere closes it.
    await page.locator('#plan-heading').click();
    await expectCount(panel, 0);
    await gotoActivities(page);
    await page.getByRole('button', { name: 'Om 5. Kommunikation' }).click();
    await expectText(panel.locator('h2'), 'Hovedopgave 5 Kommunikation');
    await panel.getByRole('button', { name: 'Luk forklaring' }).click();
    await expectCount(panel, 0);
    // And on the timeline's main-task lanes, without folding the lane.
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Tidslinje' }).click();
    const lane = page.locator('.tl-label-task', { has: page.locator('[data-toggle="t:1"]') });
    await lane.getByRole('button', { name: /^Om hovedopgave 1 / }).click();
    await expectText(panel.locator('h2'), /^Hovedopgave 1 /);
    assert.equal(await lane.locator('[data-toggle]').getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Escape');
    await expectCount(panel, 0);
  });
});

test('the Hjælp menu closes on Escape, on a click outside, on choosing an item and on navigation', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    const menu = page.locator('details.help-menu');
    const summary = menu.locator('summary');
    const isOpen = () => menu.evaluate((d) => d.open);
    const openMenu = async () => {
      await summary.click();
      await eventually(isOpen, true);
      await page.getByRole('button', { name: 'Introduktion' }).waitFor();
    };

    // Escape closes it and gives focus back to "Hjælp".
    await openMenu();
    await page.screenshot({ path: '/tmp/uifix-help-open.png' });
    await page.keyboard.press('Escape');
    await eventually(isOpen, false);
    assert.equal(await summary.evaluate((s) => s === document.activeElement), true, 'focus returns to Hjælp');

    // A click outside closes it.
    await openMenu();
    await page.locator('#plan-heading').click();
    await eventually(isOpen, false);

    // Navigation closes it (here by the address, as a link or Back would),
    // and "Fortryd" under it can be clicked on the next page.
    await openMenu();
    await page.evaluate(() => {
      location.hash = '#/aktiviteter';
    });
    await page.getByRole('heading', { level: 1, name: 'Aktiviteter' }).waitFor();
    await eventually(isOpen, false);
    await row(page, 't01-01').locator('.done-box').check();
    await page.getByRole('button', { name: '↶ Fortryd' }).click({ timeout: 2000 });
    await eventually(() => row(page, 't01-01').locator('.done-box').isChecked(), false);

    // Choosing an item closes it.
    await openMenu();
    await page.getByRole('button', { name: 'Introduktion' }).click();
    await page.locator('.tour').waitFor();
    await eventually(isOpen, false);
    await page.keyboard.press('Escape');
    await expectCount(page.locator('.tour'), 0);
    await page.screenshot({ path: '/tmp/uifix-help-closed.png' });
  });
});
