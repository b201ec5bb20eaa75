// Keyboard-only use (WCAG 2.1.1, 2.1.2, 2.4.3, 2.4.7): what axe-core cannot
// see. A keyboard user must be able to do what a mouse user does, focus must
// go somewhere sensible after every action (never back to the page's body,
// where the next Tab starts over at the top), and a focused element must
// show.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startEnv,
  withApp,
  newPlan,
  gotoActivities,
  expectCount,
  eventually,
  storedPlan,
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

/** What has focus, in words: "body", or tag, class and accessible text. */
function focused(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'body';
    const label = a.getAttribute('aria-label') || (a.textContent || '').replace(/\s+/g, ' ').trim();
    return `${a.tagName.toLowerCase()}${a.classList.length ? '.' + [...a.classList].join('.') : ''} ${label}`.trim();
  });
}

/** Waits until the focused element (described by `focused`) matches `re`. */
async function expectFocus(page, re, message) {
  return eventually(() => focused(page), (f) => re.test(f), { message: message ?? `focus should match ${re}` });
}

/** Focuses the element and presses `key` on it. */
async function press(locator, key = 'Enter') {
  await locator.focus();
  await locator.press(key);
}


test('a page opened from inside another takes focus to its content', async () => {
  await withApp(env, async ({ page }) => {
    await page.locator('input[name=municipality]').focus();
    await page.keyboard.type('Vejle');
    await press(page.getByRole('button', { name: 'Opret plan' }));
    await page.locator('table.matrix').waitFor();
    await expectFocus(page, /^main/, 'after "Opret plan" focus is on the new page');
    await page.keyboard.press('Tab');
    assert.notEqual(await focused(page), 'body');
    assert.ok(await page.evaluate(() => document.querySelector('main').contains(document.activeElement)),
      'Tab goes on in the page, not from the top');

    await press(page.locator('table.matrix button.cell-button').first());
    await page.locator('p.count-line').waitFor();
    await expectFocus(page, /^main/, 'after a matrix cell focus is on Aktiviteter');
  });
});

test('Aktiviteter: deleting, closing the editor, undo and resetting filters keep focus', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    const rows = page.locator('li.activity-row');
    const ids = await rows.evaluateAll((lis) => lis.slice(0, 4).map((li) => li.dataset.id));
    const title = (id) => page.locator(`li.activity-row[data-id="${id}"] button.activity-title`);

    // Delete a row by keyboard: the next row's title takes focus.
    await press(page.locator(`li.activity-row[data-id="${ids[1]}"] button.delete`));
    await expectCount(page.locator(`li.activity-row[data-id="${ids[1]}"]`), 0);
    await expectFocus(page, /^button\.activity-title Redigér/);
    assert.equal(await page.evaluate(() => document.activeElement.closest('li').dataset.id), ids[2]);

    // "Fortryd" in the toast brings the row back and focus returns to
    // where the user came from; the toast stays while it has focus.
    await page.keyboard.press('Tab');
    const undo = page.locator('.toast button', { hasText: 'Fortryd' });
    await undo.focus();
    await press(undo);
    await expectCount(page.locator(`li.activity-row[data-id="${ids[1]}"]`), 1);
    await eventually(() => focused(page), (f) => f !== 'body', { message: 'focus after Fortryd' });

    // "Luk" in the editor returns focus to the row that opened it.
    await press(title(ids[0]));
    await page.locator('aside.editor').waitFor();
    await press(page.locator('aside.editor').getByRole('button', { name: 'Luk', exact: true }));
    await expectCount(page.locator('aside.editor'), 0);
    await expectFocus(page, /^button\.activity-title/);
    assert.equal(await page.evaluate(() => document.activeElement.closest('li').dataset.id), ids[0]);

    // So does ×.
    await press(title(ids[0]));
    await press(page.getByRole('button', { name: 'Luk redigering' }));
    await expectCount(page.locator('aside.editor'), 0);
    assert.equal(await page.evaluate(() => document.activeElement.closest('li')?.dataset.id), ids[0]);

    // "Slet aktivitet" in the editor: the next row takes focus.
    await press(title(ids[2]));
    await press(page.getByRole('button', { name: 'Slet aktivitet' }));
    await expectCount(page.locator(`li.activity-row[data-id="${ids[2]}"]`), 0);
    await expectFocus(page, /^button\.activity-title/);
    assert.equal(await page.evaluate(() => document.activeElement.closest('li').dataset.id), ids[3]);

    // "Nulstil filtre" is disabled once pressed: focus goes to the search.
    await page.locator('form.filters input[type=search]').fill('zzz');
    await press(page.getByRole('button', { name: 'Nulstil filtre' }));
    await expectFocus(page, /^input/);
    assert.equal(await page.evaluate(() => document.activeElement.type), 'search');
  });
});

test('the toast with "Fortryd" stays while it has focus', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    // Toasts offering undo hide after 15 s: make that quick.
    await page.evaluate(() => {
      const later = window.setTimeout;
      window.setTimeout = (f, ms, ...rest) => later(f, ms >= 1000 ? 400 : ms, ...rest);
    });
    await press(page.locator('li.activity-row button.delete').first());
    const undo = page.locator('.toast button', { hasText: 'Fortryd' });
    await undo.focus();
    await page.waitForTimeout(600);
    await expectCount(undo, 1);
    await page.keyboard.press('Shift+Tab');
    await expectCount(undo, 0);
  });
});

test('the toast with "Fortryd" is the next Tab stop after a deletion, and Tab goes on from there', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    const ids = await page.locator('li.activity-row').evaluateAll((lis) => lis.slice(0, 3).map((li) => li.dataset.id));
    const inRow = (id) => page.evaluate(() => document.activeElement.closest('li.activity-row')?.dataset.id);
    await press(page.locator(`li.activity-row[data-id="${ids[1]}"] button.delete`));
    await expectCount(page.locator(`li.activity-row[data-id="${ids[1]}"]`), 0);
    // Focus stays where the deletion put it (the next row) ...
    await expectFocus(page, /^button\.activity-title/);
    assert.equal(await inRow(), ids[2]);
    // ... the toast says what happened and how to undo it ...
    const toast = page.locator('.toast-area[role=status] .toast');
    assert.match((await toast.textContent()).replace(/\s+/g, ' '), /er slettet\. Tryk Tab for at fortryde\./);
    // ... and one Tab reaches "Fortryd", not the rest of the page first.
    await page.keyboard.press('Tab');
    await expectFocus(page, /^button Fortryd$/);
    await page.keyboard.press('Tab');
    await expectFocus(page, /^button\.toast-close Luk besked/);
    // Past the toast Tab goes on after the row that had focus ...
    await page.keyboard.press('Tab');
    await expectFocus(page, /^button\.delete\.danger/);
    assert.equal(await inRow(), ids[2]);
    // ... and Shift+Tab goes back the same way.
    await page.keyboard.press('Shift+Tab');
    await expectFocus(page, /^button\.toast-close/);
    await page.keyboard.press('Shift+Tab');
    await expectFocus(page, /^button Fortryd$/);
    await page.keyboard.press('Shift+Tab');
    await expectFocus(page, /^button\.activity-title/);
    assert.equal(await inRow(), ids[2]);
    // Fortryd brings the row back; focus returns to the row it came from.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expectCount(page.locator(`li.activity-row[data-id="${ids[1]}"]`), 1);
    await expectFocus(page, /^button\.activity-title/);
    assert.equal(await inRow(), ids[2]);
    // Without a toast Tab is the page's own again.
    await expectCount(toast, 0);
    await page.keyboard.press('Tab');
    await expectFocus(page, /^button\.delete\.danger/);
    // Escape in the toast closes it, focus back where it came from.
    await press(page.locator(`li.activity-row[data-id="${ids[2]}"] button.delete`));
    await expectCount(toast, 1);
    const after = await expectFocus(page, /^button\.activity-title/);
    await page.keyboard.press('Tab');
    await expectFocus(page, /^button Fortryd$/);
    await page.keyboard.press('Escape');
    await expectCount(toast, 0);
    await eventually(() => focused(page), after, { message: 'focus back where it came from' });
    // Nor after a click elsewhere: the user has moved on from the action.
    await press(page.locator('li.activity-row button.delete').first());
    await expectCount(toast, 1);
    await page.locator('form.filters input[type=search]').click();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => !!document.activeElement.closest('.toast-area')), false,
      'Tab after a click in the search field goes on from there');
    // Nor after another key: here Enter opening a row's editor.
    await press(page.locator('li.activity-row button.delete').first());
    await expectCount(toast, 1);
    await press(page.locator('li.activity-row button.activity-title').first());
    await page.locator('aside.editor input[name=title]').waitFor();
    await expectFocus(page, /^input/);
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => !!document.activeElement.closest('aside.editor')),
      'Tab in the editor goes to its next field');
    await press(page.locator('aside.editor').getByRole('button', { name: 'Luk', exact: true }));
    // It is not the next Tab stop on another page opened while it shows.
    await press(page.locator('li.activity-row button.delete').first());
    await expectCount(toast, 1);
    await press(nav(page).getByRole('link', { name: 'Overblik' }));
    await page.locator('table.matrix').waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => !!document.activeElement.closest('.toast-area')), false,
      'Tab on Overblik does not jump to the toast of a deletion on Aktiviteter');
    await expectCount(toast, 1);
  });
});

test('«i» explanations: the button says whether it is open, the panel is the next Tab stop, Escape gives focus back', async () => {
  await withApp(env, async ({ page }) => {
    await openExample(page);
    const f1 = page.locator('table.matrix thead button.info-btn[data-info="F1"]');
    const panel = page.locator('.info-panel');
    assert.equal(await f1.getAttribute('aria-expanded'), 'false');
    await press(f1);
    await panel.waitFor();
    // Focus stays on the button (a disclosure), which says it is open.
    await expectFocus(page, /^button\.info-btn Om F1/);
    assert.equal(await f1.getAttribute('aria-expanded'), 'true');
    assert.equal(await panel.getAttribute('role'), 'region');
    // The panel is drawn at the end of the page, yet Tab goes there next ...
    await page.keyboard.press('Tab');
    await expectFocus(page, /^button\.info-close Luk forklaring/);
    // ... and then on to what follows the button; Shift+Tab goes back.
    await page.keyboard.press('Tab');
    await expectFocus(page, /^button\.info-btn Om F2/);
    await page.keyboard.press('Shift+Tab');
    await expectFocus(page, /^button\.info-close/);
    await page.keyboard.press('Shift+Tab');
    await expectFocus(page, /^button\.info-btn Om F1/);
    // Escape in the panel closes it and gives focus back to its button.
    await page.keyboard.press('Tab');
    await expectFocus(page, /^button\.info-close/);
    await page.keyboard.press('Escape');
    await expectCount(panel, 0);
    await expectFocus(page, /^button\.info-btn Om F1/);
    assert.equal(await f1.getAttribute('aria-expanded'), 'false');
    // So does ×; and with the panel closed Tab is the page's own again.
    await page.keyboard.press('Enter');
    await panel.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expectCount(panel, 0);
    await expectFocus(page, /^button\.info-btn Om F1/);
    await page.keyboard.press('Tab');
    await expectFocus(page, /^button\.info-btn Om F2/);
  });
});

test('Tidslinje: the row labels and the bars are one Tab stop each, arrows move within them', async () => {
  await withApp(env, async ({ page }) => {
    await openExample(page);
    await nav(page).getByRole('link', { name: 'Tidslinje' }).click();
    await page.locator('g.tl-bar').first().waitFor();
    const where = () => page.evaluate(() => {
      const a = document.activeElement;
      if (a.closest('.tl-labels')) return `label ${a.dataset.toggle ?? 'info ' + a.dataset.info}`;
      if (a.matches('g.tl-bar')) return `bar ${a.dataset.id}`;
      return a.closest('.tl-scroll') ? 'chart' : 'outside';
    });
    // From the toolbar: one Tab to the labels, one to the bars, one out.
    await page.locator('.tl-toolbar').locator('button, select').last().focus();
    await page.keyboard.press('Tab');
    const label = await where();
    assert.match(label, /^label g:/, 'Tab goes to the first row label');
    await page.keyboard.press('Tab');
    const bar = await where();
    assert.match(bar, /^bar /, 'the next Tab goes to a bar, past the other labels');
    const name = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
    assert.match(name, /: .* til .*, /, `the bar is named by its title, dates and status: ${name}`);
    await page.keyboard.press('Tab');
    assert.equal(await where(), 'outside', 'the next Tab leaves the chart, past the other bars');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await where(), bar);
    await page.keyboard.press('Shift+Tab');
    assert.equal(await where(), label);
    // ↓ and ↑ go through the groups and main tasks, → and ← between a main
    // task and its «i»; the label last focused is the Tab stop.
    await page.keyboard.press('ArrowDown');
    await eventually(where, 'label t:1');
    await page.keyboard.press('ArrowRight');
    await eventually(where, 'label info t1');
    // The «i» opens its explanation as the next Tab stop; the bars follow.
    await page.keyboard.press('Enter');
    await page.locator('.info-panel').waitFor();
    await page.keyboard.press('Tab');
    await expectFocus(page, /^button\.info-close/);
    await page.keyboard.press('Tab');
    assert.equal(await where(), bar);
    await page.keyboard.press('Shift+Tab');
    await expectFocus(page, /^button\.info-close/);
    await page.keyboard.press('Escape');
    await expectCount(page.locator('.info-panel'), 0);
    await eventually(where, 'label info t1');
    await page.keyboard.press('ArrowDown');
    await eventually(where, 'label info t2');
    await page.keyboard.press('ArrowLeft');
    await eventually(where, 'label t:2');
    await page.keyboard.press('ArrowUp');
    await eventually(where, 'label t:1');
    await page.keyboard.press('Tab');
    assert.equal(await where(), bar);
    // ↓ on a bar goes to the next one, which then is the Tab stop.
    await page.keyboard.press('ArrowDown');
    const next = await eventually(where, (w) => w.startsWith('bar ') && w !== bar, { message: '↓ goes to the next bar' });
    await page.keyboard.press('Shift+Tab');
    assert.equal(await where(), 'label t:1');
    await page.keyboard.press('Tab');
    assert.equal(await where(), next);
    // Enter on the label's toggle still collapses its main task.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await eventually(() => page.locator('.tl-labels [data-toggle="t:1"]').getAttribute('aria-expanded'), 'false');
  });
});

test('dialogs: the introduction keeps focus and gives it back to Hjælp', async () => {
  await withApp(env, async ({ page }) => {
    await page.locator('.tour').waitFor();
    await expectFocus(page, /Næste/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await expectFocus(page, /Forrige/);
    // Back on the first step "Forrige" is disabled: focus moves to "Næste".
    await page.keyboard.press('Enter');
    await expectFocus(page, /Næste/);
    await page.keyboard.press('Escape');
    await expectCount(page.locator('.tour'), 0);

    // Opened from the Hjælp menu, it gives focus back to "Hjælp".
    await press(page.locator('.help-menu summary'));
    await page.keyboard.press('Tab');
    await expectFocus(page, /Introduktion/);
    await page.keyboard.press('Enter');
    await page.locator('.tour').waitFor();
    await expectFocus(page, /Næste/);
    await page.keyboard.press('Escape');
    await expectCount(page.locator('.tour'), 0);
    await expectFocus(page, /^summary Hjælp/);
  }, { tour: true });
});

test('the presentation takes focus, keeps Tab inside and gives it back', async () => {
  await withApp(env, async ({ page }) => {
    await openExample(page);
    await press(page.locator('.help-menu summary'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expectFocus(page, /Præsentationstilstand/);
    await page.keyboard.press('Enter');
    await page.locator('.presentation').waitFor();
    await expectFocus(page, /Næste/);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      assert.ok(await page.evaluate(() => !!document.activeElement.closest('.presentation')),
        `Tab ${i + 1} stays on the slides, not on the page behind them`);
    }
    // "Næste" to the last slide, where it is disabled: focus goes on to "Afslut".
    await press(page.locator('.presentation [data-act=next]'));
    for (let i = 0; i < 4; i++) {
      await expectFocus(page, /Næste/);
      await page.keyboard.press('Enter');
    }
    await eventually(() => page.locator('.presentation').getAttribute('data-slide'), '5');
    await expectFocus(page, /^button\.slide-close Afslut/);
    // Space on "Forrige" goes back, as pressing it does.
    await press(page.locator('.presentation [data-act=prev]'), 'Space');
    await eventually(() => page.locator('.presentation').getAttribute('data-slide'), '4');
    await page.keyboard.press('Escape');
    await expectCount(page.locator('.presentation'), 0);
    await expectFocus(page, /^summary Hjælp/);
  });
});

test('Tidslinje: ↓ brings the focused bar into view', async () => {
  await withApp(env, async ({ page }) => {
    await openExample(page);
    await nav(page).getByRole('link', { name: 'Tidslinje' }).click();
    await page.locator('g.tl-bar').first().waitFor();
    await page.locator('g.tl-bar').first().focus();
    /** How many pixels of the focused bar show beside the labels and above the scroll bar. */
    const shown = () => page.evaluate(() => {
      const bar = document.activeElement.querySelector('.tl-bar-rect') ?? document.activeElement;
      const r = bar.getBoundingClientRect();
      const sc = document.querySelector('.tl-scroll');
      const s = sc.getBoundingClientRect();
      const labels = document.querySelector('.tl-labels').getBoundingClientRect();
      return Math.min(r.right, s.left + sc.clientWidth) - Math.max(r.left, labels.right);
    });
    const focusedBar = () => page.evaluate(() => document.activeElement.dataset.id);
    for (let i = 0; i < 40; i++) {
      const was = await focusedBar();
      await page.keyboard.press('ArrowDown');
      const id = await eventually(focusedBar, (now) => now !== was, { message: '↓ goes to the next bar' });
      await eventually(shown, (px) => px >= 5, { message: `bar ${id} (${i + 1}× ↓) shows` });
    }
    // Enter opens the editor; Escape returns focus to the bar.
    const id = await page.evaluate(() => document.activeElement.dataset.id);
    await page.keyboard.press('Enter');
    await page.locator('aside.editor').waitFor();
    await page.keyboard.press('Escape');
    await expectFocus(page, /^g\.tl-bar/);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.id), id);
    // Shift+→ moves the bar a day; out of its phase it asks first, with
    // focus in the question, and Escape gives focus back to the bar.
    const before = (await storedPlan(page)).plan.activities.find((a) => a.id === id);
    await page.keyboard.press('Shift+ArrowRight');
    const question = page.locator('dialog[open]');
    await question.waitFor();
    await expectFocus(page, /^button\.primary Udvid/);
    await page.keyboard.press('Escape');
    await expectCount(question, 0);
    await expectFocus(page, /^g\.tl-bar/);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.id), id);
    await page.keyboard.press('Shift+ArrowLeft');
    await eventually(async () => (await storedPlan(page)).plan.activities.find((a) => a.id === id).start,
      (s) => s < before.start, { message: 'Shift+← moved the bar a day earlier' });
  });
});

test('Opfølgning: deleting a checklist item or resetting its answer keeps focus in the checklist', async () => {
  await withApp(env, async ({ page }) => {
    await openExample(page);
    await nav(page).getByRole('link', { name: 'Opfølgning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Opfølgning' }).waitFor();
    const deletes = page.locator('main button.danger', { hasText: 'Slet' });
    const n = await deletes.count();
    await press(deletes.first());
    await expectCount(deletes, n - 1);
    await expectFocus(page, /^button/, 'focus stays on a button of the checklist');
    const inMain = () => page.evaluate(() => document.querySelector('main').contains(document.activeElement));
    assert.ok(await inMain());

    const resets = page.locator('main button', { hasText: 'Nulstil svar' });
    const r = await resets.count();
    await press(resets.first());
    await expectCount(resets, r - 1);
    await expectFocus(page, /^(button|input)/, 'focus moves on in the checklist');
    assert.ok(await inMain());
  });
});

test('Gevinstdiagram: the selected node\'s panel is the next Tab stop after the node', async () => {
  await withApp(env, async ({ page }) => {
    await openExample(page);
    await nav(page).getByRole('link', { name: 'Gevinster' }).click();
    await page.getByRole('tab', { name: 'Gevinstdiagram' }).click();
    const nodes = page.locator('.map-canvas .gd-node');
    await nodes.first().waitFor();
    const [first, second] = await nodes.evaluateAll((gs) => gs.slice(0, 2).map((g) => g.dataset.id));
    const on = () => page.evaluate(() => {
      const a = document.activeElement;
      if (a.closest('.panel-slot aside')) return 'panel';
      return a.matches('.gd-node') ? `node ${a.dataset.id}` : a.tagName;
    });
    await press(nodes.first());
    await page.locator('.panel-slot aside').waitFor();
    assert.equal(await on(), `node ${first}`, 'selecting keeps focus on the node');
    // Tab goes into the panel, not through every later node first ...
    await page.keyboard.press('Tab');
    assert.equal(await on(), 'panel');
    // ... Shift+Tab goes back to the node, and past the panel Tab goes on
    // to the next node.
    await page.keyboard.press('Shift+Tab');
    assert.equal(await on(), `node ${first}`);
    await page.keyboard.press('Tab');
    for (let i = 0; i < 60 && (await on()) === 'panel'; i++) await page.keyboard.press('Tab');
    assert.equal(await on(), `node ${second}`);
    // Escape in the panel closes it and gives focus back to its node.
    await nodes.first().focus();
    await page.keyboard.press('Tab');
    assert.equal(await on(), 'panel');
    await page.keyboard.press('Escape');
    await expectCount(page.locator('.panel-slot aside'), 0);
    await eventually(on, `node ${first}`, { message: 'focus back on the node' });
    // With nothing selected Tab is the map's own.
    await page.keyboard.press('Escape');
    await expectCount(page.locator('.panel-slot aside'), 0);
    await press(nodes.first(), 'Tab');
    assert.equal(await on(), `node ${second}`);
  });
});

test('Gevinster: deleting a profile by keyboard focuses the next profile', async () => {
  await withApp(env, async ({ page }) => {
    await openExample(page);
    await nav(page).getByRole('link', { name: 'Gevinster' }).click();
    const rows = page.locator('li.benefit-row');
    await rows.first().waitFor();
    const ids = await rows.evaluateAll((lis) => lis.slice(0, 2).map((li) => li.dataset.id));
    await press(page.locator(`li.benefit-row[data-id="${ids[0]}"] button.delete`));
    await expectCount(page.locator(`li.benefit-row[data-id="${ids[0]}"]`), 0);
    await expectFocus(page, /^button\.benefit-name/);
    assert.equal(await page.evaluate(() => document.activeElement.closest('li').dataset.id), ids[1]);
  });
});
