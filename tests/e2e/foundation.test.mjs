// End-to-end tests of the foundation: creating a plan, Overblik and its
// matrix, Aktiviteter (editing, completing, filtering, adding, deleting,
// undo), saving and reloading, corrupt and unavailable storage, keyboard
// use and language. Each test uses a fresh browser context.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import {
  countLine,
  eventually,
  expectCount,
  expectText,
  gotoActivities,
  gotoOverview,
  newPlan,
  openApp,
  openEditor,
  planKeys,
  reload,
  row,
  rowInfo,
  startEnv,
  storedPlan,
  storedPlanText,
  text,
  typeDate,
  waitReady,
  withApp,
} from './helpers.mjs';

const TOTAL = 142;

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.stop();
});

/** Matrix footer "done / total" per phase. */
async function footerTotals(page) {
  const cells = await page.locator('table.matrix tfoot td.total').allTextContents();
  return cells.map((c) => {
    const m = c.trim().match(/^(\d+) \/ (\d+)$/);
    assert.ok(m, `footer cell "${c}" should read "done / total"`);
    return { done: Number(m[1]), total: Number(m[2]) };
  });
}

/** Every active matrix cell: task, phase, count, done. */
function matrixCells(page) {
  return page.locator('table.matrix button.cell-button').evaluateAll((buttons) =>
    buttons.map((b) => ({
      task: Number(b.dataset.task),
      phase: b.dataset.phase,
      count: Number(b.querySelector('.count').textContent),
      done: Number(b.querySelector('.done').textContent.match(/\d+/)[0]),
    })),
  );
}

function cell(page, task, phase) {
  return page.locator(`table.matrix button.cell-button[data-task="${task}"][data-phase="${phase}"]`);
}

/** The filter control labelled `label` in the filter bar of Aktiviteter. */
function filter(page, label) {
  return page.locator('form.filters > label', { hasText: label }).locator('select, input');
}

/** Parses "dd.mm.yyyy". */
function parseDanish(d) {
  const [day, month, year] = d.split('.').map(Number);
  return { day, month, year };
}

/** Facts about every row shown in Aktiviteter. */
function shownRows(page) {
  return page.locator('li.activity-row').evaluateAll((lis) =>
    lis.map((li) => ({
      id: li.dataset.id,
      title: li.querySelector('.activity-title').textContent.trim(),
      phase: li.querySelector('.phase-tag').textContent.trim(),
      task: Number(li.querySelector('.task-tag').textContent.replace('HO ', '')),
      status: li.querySelector('.status').textContent.trim(),
      responsible: li.querySelector('.responsible').textContent.trim(),
      group: li.closest('section.activity-group').dataset.group,
    })),
  );
}

test('the page is in Danish: html lang="da"', async () => {
  await withApp(env, async ({ page }) => {
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'da');
    assert.match(await page.title(), /Implan/);
    await page.getByRole('heading', { level: 1, name: 'Ny plan' }).waitFor();
    await page.getByRole('button', { name: 'Opret plan' }).waitFor();
  });
});

test('creating a plan lands on Overblik with the header and the phase × main task matrix', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page, { municipality: 'Vejle', solution: 'KY' });
    assert.match(page.url(), /#\/overblik$/);
    await expectText(page.locator('.topbar .plan-title'), /Vejle/);
    await expectText(page.locator('#plan-heading'), 'Vejle Kommune · KY');
    await expectText(page.locator('.plan-header .subtitle'), /^Kommunernes Ydelsessystem · Go-live: \d\d\.\d\d\.\d{4} \(uge \d+\)$/);
    assert.deepEqual(
      await page.locator('.plan-header .phases .phase-code').allTextContents(),
      ['F0', 'F1', 'F2', 'F3', 'F4'],
    );
    await expectText(page.locator('.plan-header .stats > div', { hasText: 'Aktiviteter' }).locator('dd'), String(TOTAL));
    await expectText(page.locator('.plan-header .stats > div', { hasText: 'Færdige' }).locator('dd'), '0');
    // The toast confirms the plan.
    await expectText(page.locator('.toast-area .toast span').first(), /142 aktiviteter/);

    // The matrix: 16 main tasks × 5 phases.
    const matrix = page.locator('table.matrix');
    await expectCount(matrix.locator('th.task-name'), 16);
    assert.deepEqual(
      (await matrix.locator('thead th').allTextContents()).slice(1).map((t) => t.slice(0, 2)),
      ['F0', 'F1', 'F2', 'F3', 'F4'],
    );
    await expectCount(matrix.locator('td.cell'), 16 * 5);
    const totals = await footerTotals(page);
    assert.equal(totals.length, 5);
    assert.equal(totals.reduce((s, t) => s + t.total, 0), TOTAL, 'footer totals sum to 142');
    assert.ok(totals.every((t) => t.done === 0), 'nothing is done yet');
    const cells = await matrixCells(page);
    assert.equal(cells.reduce((s, c) => s + c.count, 0), TOTAL, 'cell counts sum to 142');
    for (const phase of ['F0', 'F1', 'F2', 'F3', 'F4']) {
      const sum = cells.filter((c) => c.phase === phase).reduce((s, c) => s + c.count, 0);
      assert.equal(sum, totals[['F0', 'F1', 'F2', 'F3', 'F4'].indexOf(phase)].total, `column ${phase} sums to its footer`);
    }
    await page.screenshot({ path: '/tmp/e2e-overblik.png', fullPage: true });
  });
});

test('Aktiviteter lists all 142 activities, grouped by main task', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    assert.match(page.url(), /#\/aktiviteter$/);
    await expectText(countLine(page), `${TOTAL} aktiviteter`);
    await expectCount(page.locator('li.activity-row'), TOTAL);
    await expectCount(page.locator('section.activity-group'), 16);
    const groupSum = await page
      .locator('section.activity-group .group-count')
      .evaluateAll((els) => els.reduce((s, e) => s + Number(e.textContent.match(/\d+/)[0]), 0));
    assert.equal(groupSum, TOTAL);
  });
});

/** Opens the first activity, sets status, dates and responsible. Returns what was set. */
async function editFirstActivity(page) {
  const first = page.locator('li.activity-row').first();
  const before = await rowInfo(first);
  const editor = await openEditor(page, before.id);
  await expectText(editor.locator('h2'), 'Redigér aktivitet');
  assert.equal(await editor.locator('input[name="title"]').inputValue(), before.title);

  // Dates in the year after the activity's current start, so both are valid
  // whichever order they are committed in: due first, then start.
  const year = parseDanish(before.dates.split(' – ')[0]).year + 1;
  const start = `15.03.${year}`;
  const due = `30.04.${year}`;
  await editor.locator('select[name="status"]').selectOption('i-gang');
  await typeDate(editor.locator('input[name="due"]'), due);
  await typeDate(editor.locator('input[name="start"]'), start);
  await editor.locator('input[name="responsible"]').fill('Mette Hansen');
  return { id: before.id, title: before.title, start, due, responsible: 'Mette Hansen', status: 'I gang', editor };
}

test('editing an activity in the editor updates its row', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    const e = await editFirstActivity(page);
    const r = row(page, e.id);
    await expectText(r.locator('.status'), 'I gang');
    await expectText(r.locator('.dates'), `${e.start} – ${e.due}`);
    await expectText(r.locator('.responsible'), 'Mette Hansen');
    await expectCount(r.locator('.status.status-i-gang'), 1);
    // The editor shows the committed dates the Danish way, with weeks.
    assert.equal(await e.editor.locator('input[name="start"]').inputValue(), e.start);
    assert.equal(await e.editor.locator('input[name="due"]').inputValue(), e.due);
    await expectText(e.editor.locator('p.hint').first(), new RegExp(`^${e.start} – ${e.due} \\(uge \\d+ – uge \\d+\\)$`.replaceAll('.', '\\.')));
    await expectCount(e.editor.locator('[role="alert"]'), 0);
    assert.equal(await r.getAttribute('class').then((c) => c.includes('selected')), true, 'the edited row is selected');
    await page.screenshot({ path: '/tmp/e2e-aktiviteter-editor.png' });

    // The edit is saved as ISO dates.
    const saved = await eventually(
      async () => (await storedPlan(page)).plan.activities.find((a) => a.id === e.id),
      (a) => a.responsible === 'Mette Hansen',
    );
    const iso = (d) => d.split('.').reverse().join('-');
    assert.equal(saved.start, iso(e.start));
    assert.equal(saved.due, iso(e.due));
    assert.equal(saved.status, 'i-gang');

    // Closing the editor keeps the row as edited.
    await e.editor.getByRole('button', { name: 'Luk', exact: true }).click();
    await expectCount(page.locator('aside.editor'), 0);
    await expectText(r.locator('.dates'), `${e.start} – ${e.due}`);
  });
});

test('a refused phase change: its message goes when undo changes the activity, and the phase shows the saved one', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    const editor = await openEditor(page, 't12-01');
    await editor.locator('input[name="responsible"]').fill('Mette Hansen');
    await editor.locator('select[name="phase"]').selectOption('F0');
    const alert = editor.locator('.error[role="alert"]');
    await expectText(alert.locator('p'), 'Hovedopgave 12 er ikke aktiv i F0 Tilslutning. Vælg en anden fase, eller udvid hovedopgavens faser.');
    // Undo takes the responsible back: the message about F0 (and its
    // "Udvid" button) no longer belongs to what the editor shows.
    await page.locator('.topbar .history').getByRole('button', { name: '↶ Fortryd' }).click();
    await eventually(() => editor.locator('input[name="responsible"]').inputValue(), '');
    assert.equal(await editor.locator('select[name="phase"]').inputValue(), 'F2');
    await expectCount(alert, 0);
  });
});

// Bug: App's page closure tracks `app.plan` (src/ui/mod.rs, `app.plan.with(Option::is_some)`),
// so every plan change, even a refused edit, rebuilds the whole page and the
// editor: its error message is lost at once and focus jumps to the title field.
const REBUILD_BUG =
  'bug: every plan change (even a refused one) rebuilds the whole page (App tracks app.plan in src/ui/mod.rs), so the editor error is never shown and focus jumps to Titel';

test('a due date before the start date shows a Danish error and keeps the saved dates', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    const e = await editFirstActivity(page);
    const r = row(page, e.id);
    await expectText(r.locator('.dates'), `${e.start} – ${e.due}`);
    const savedBefore = await eventually(
      async () => (await storedPlan(page)).plan.activities.find((a) => a.id === e.id),
      (a) => a.responsible === 'Mette Hansen',
    );

    const year = parseDanish(e.start).year;
    const early = `01.03.${year}`;
    const editor = page.locator('aside.editor');
    await typeDate(editor.locator('input[name="due"]'), early);
    // Nothing changed: not the row, not the saved plan (even after the save delay).
    await page.waitForTimeout(500);
    await expectText(r.locator('.dates'), `${e.start} – ${e.due}`);
    const savedAfter = (await storedPlan(page)).plan.activities.find((a) => a.id === e.id);
    assert.equal(savedAfter.start, savedBefore.start);
    assert.equal(savedAfter.due, savedBefore.due);
    // The Danish message explains it.
    const alert = editor.locator('.error[role="alert"]');
    await expectText(
      alert,
      `Slutdatoen (${early}) ligger før startdatoen (${e.start}). Vælg en slutdato på eller efter startdatoen.`,
      { timeout: 2000 },
    );
    // A start date after the due date is refused the same way.
    await typeDate(editor.locator('input[name="start"]'), `15.05.${year}`);
    await expectText(alert, /^Slutdatoen \(30\.04\.\d{4}\) ligger før startdatoen \(15\.05\.\d{4}\)/);
    await expectText(r.locator('.dates'), `${e.start} – ${e.due}`);
    // A valid date clears the message.
    await typeDate(editor.locator('input[name="due"]'), `31.05.${year}`);
    await expectCount(alert, 0);
    await expectText(r.locator('.dates'), `${e.start} – 31.05.${year}`);
  });
});

test('a refused date keeps the saved dates; an unreadable date gets the field message', async () => {
  // The part of the test above that works today (the message itself is todo).
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    const e = await editFirstActivity(page);
    const r = row(page, e.id);
    const editor = page.locator('aside.editor');
    await expectText(r.locator('.dates'), `${e.start} – ${e.due}`);
    const year = parseDanish(e.start).year;
    await typeDate(editor.locator('input[name="due"]'), `01.03.${year}`);
    await page.waitForTimeout(500);
    await expectText(r.locator('.dates'), `${e.start} – ${e.due}`);
    const saved = (await storedPlan(page)).plan.activities.find((a) => a.id === e.id);
    const iso = (d) => d.split('.').reverse().join('-');
    assert.equal(saved.start, iso(e.start));
    assert.equal(saved.due, iso(e.due));
    await reload(page);
    await expectText(row(page, e.id).locator('.dates'), `${e.start} – ${e.due}`);
    // An unreadable date gets the field's own message and changes nothing.
    const ed = await openEditor(page, e.id);
    await typeDate(ed.locator('input[name="due"]'), '31.02.2027');
    await expectText(ed.locator('.field-error'), 'Ukendt dato. Skriv den som dd.mm.åååå, fx 24.12.2026.');
    assert.equal(await ed.locator('input[name="due"]').getAttribute('aria-invalid'), 'true');
    await expectText(row(page, e.id).locator('.dates'), `${e.start} – ${e.due}`);
  });
});

test('absurd dates are refused in Danish; a missing start shows the deadline; go-live outside F3 is noted', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    const first = page.locator('li.activity-row').first();
    const e = await rowInfo(first);
    const [start, due] = e.dates.split(' – ');
    const editor = await openEditor(page, e.id);
    const alert = editor.locator('.error[role="alert"]');
    await typeDate(editor.locator('input[name="start"]'), '01.01.1900');
    await expectText(alert, 'Datoen 01.01.1900 ligger uden for årene 2000–2099. Skriv en dato i planens tidsrum.');
    await typeDate(editor.locator('input[name="due"]'), '31.12.2199');
    await expectText(alert, /^Datoen 31\.12\.2199 ligger uden for årene 2000–2099/);
    await expectText(row(page, e.id).locator('.dates'), `${start} – ${due}`);
    // Without a start date the row shows the deadline alone.
    await typeDate(editor.locator('input[name="start"]'), '');
    await expectText(row(page, e.id).locator('.dates'), `frist ${due}`);
    await expectCount(alert, 0);
    // The editor says the same, with the week, instead of "no dates yet".
    await expectText(editor.locator('p.hint').first(), /^Frist \d\d\.\d\d\.\d{4} \(uge \d+\)\.$/);
    assert.ok((await text(editor.locator('p.hint').first())).startsWith(`Frist ${due} (uge `));
    // An activity cannot have become done after today.
    await editor.locator('select[name="status"]').selectOption('faerdig');
    const nextYear = new Date().getFullYear() + 1;
    await typeDate(editor.locator('input[name="completed"]'), `01.01.${nextYear}`);
    await expectText(alert, `Færdig den (01.01.${nextYear}) ligger efter i dag. Skriv den dag, aktiviteten blev færdig.`);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
    await eventually(async () => (await storedPlan(page)).plan.activities.find((x) => x.id === e.id).completed, today);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Indstillinger' }).click();
    const goLive = page.locator('input[name="go-live"]');
    const before = await goLive.inputValue();
    await typeDate(goLive, '01.01.1900');
    await expectText(page.locator('.settings .error[role="alert"]'), /^Datoen 01\.01\.1900 ligger uden for årene 2000–2099/);
    assert.equal((await storedPlan(page)).plan.goLive, before.split('.').reverse().join('-'));
    await expectCount(page.locator('.go-live-note'), 0);
    await typeDate(goLive, '01.01.2020');
    await expectText(page.locator('.go-live-note'), /^Go-live \(01\.01\.2020\) ligger uden for F3 Ibrugtagning \(\d\d\.\d\d\.\d{4} – \d\d\.\d\d\.\d{4}\)\./);
    await typeDate(goLive, before);
    await expectCount(page.locator('.go-live-note'), 0);
  });
});

test('Ny plan without a municipality says so in Danish (no browser bubble)', async () => {
  await withApp(env, async ({ page }) => {
    const form = page.locator('form.new-plan-form');
    await form.waitFor();
    await form.locator('input[name="solution"][value="KY"]').check();
    await form.getByRole('button', { name: 'Opret plan' }).click();
    await expectText(form.locator('.error[role="alert"]'), 'Skriv kommunens navn.');
    assert.equal(await page.locator('#plan-heading').count(), 0, 'no plan was made');
  });
});

test('a municipality typed with "Kommune" is not called "… Kommune Kommune"', async () => {
  await withApp(env, async ({ page }) => {
    const form = page.locator('form.new-plan-form');
    await form.waitFor();
    await form.locator('input[name="municipality"]').fill('Aarhus Kommune');
    await form.locator('input[name="solution"][value="SAPA"]').check();
    await form.getByRole('button', { name: 'Opret plan' }).click();
    await expectText(page.locator('#plan-heading'), 'Aarhus Kommune · SAPA');
  });
});

test('a printed, filtered activity list says how many it shows and has no delete buttons', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    await filter(page, 'Fase').selectOption('F0');
    await expectText(countLine(page), `Viser 4 af ${TOTAL} aktiviteter`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await countLine(page).isVisible(), true, 'the count line is printed');
    assert.equal(await page.locator('li.activity-row button.delete').first().isVisible(), false, '"Slet" is not printed');
    await page.emulateMedia({ media: 'screen' });
  });
});

test('a plan without activities says so in Aktiviteter instead of blaming the filters', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await eventually(async () => (await storedPlan(page))?.plan.activities.length, TOTAL);
    await page.evaluate(() => {
      const key = 'implan.plan.' + localStorage.getItem('implan.current');
      const file = JSON.parse(localStorage.getItem(key));
      file.plan.activities = [];
      localStorage.setItem(key, JSON.stringify(file));
    });
    await reload(page);
    await gotoActivities(page);
    await expectText(countLine(page), '0 aktiviteter');
    await expectText(page.locator('.list-column p.empty'), 'Planen har ingen aktiviteter endnu. Tilføj den første med «+ Tilføj aktivitet».');
  });
});

test('København picked from the suggestions is called "Københavns Kommune", as officially', async () => {
  await withApp(env, async ({ page }) => {
    const form = page.locator('form.new-plan-form');
    await form.waitFor();
    await form.locator('input[name="municipality"]').fill('København');
    await form.locator('input[name="solution"][value="KY"]').check();
    await form.getByRole('button', { name: 'Opret plan' }).click();
    await expectText(page.locator('#plan-heading'), 'Københavns Kommune · KY');
  });
});

test('filters, grouping and the timeline zoom survive a reload of the tab, but a new tab starts fresh', async () => {
  await withApp(env, async ({ page, context }) => {
    await newPlan(page);
    await gotoActivities(page);
    await filter(page, 'Status').selectOption('ikke-startet');
    await filter(page, 'Fase').selectOption('F2');
    await filter(page, 'Søg').fill('proces');
    await page.locator('input[name="grouping"]').nth(1).check();
    const shown = await text(countLine(page));
    assert.match(shown, /af 142/);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Tidslinje' }).click();
    await page.locator('button[data-zoom="0"]').click();
    await expectText(page.locator('button[aria-pressed="true"][data-zoom]'), 'Uge');

    await reload(page);
    await expectText(page.locator('button[aria-pressed="true"][data-zoom]'), 'Uge');
    await gotoActivities(page);
    assert.equal(await filter(page, 'Status').inputValue(), 'ikke-startet');
    assert.equal(await filter(page, 'Fase').inputValue(), 'F2');
    assert.equal(await filter(page, 'Søg').inputValue(), 'proces');
    assert.equal(await page.locator('input[name="grouping"]').nth(1).isChecked(), true);
    await expectText(countLine(page), shown);

    const other = await context.newPage();
    await other.goto(page.url());
    await waitReady(other);
    await gotoActivities(other);
    assert.equal(await filter(other, 'Status').inputValue(), '');
    await expectText(countLine(other), `${TOTAL} aktiviteter`);
    await other.close();
  });
});

test('typing in the editor keeps focus in the field being typed in', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    const a = await rowInfo(page.locator('li.activity-row').first());
    const editor = await openEditor(page, a.id);
    await editor.locator('input[name="responsible"]').click();
    await page.keyboard.type('Mette Hansen');
    await eventually(() => editor.locator('input[name="responsible"]').inputValue(), 'Mette Hansen', { timeout: 2000 });
    assert.equal(await editor.locator('input[name="title"]').inputValue(), a.title, 'the title is untouched');
    await expectText(row(page, a.id).locator('.responsible'), 'Mette Hansen');
  });
});

test('an edit keeps the page state: grouping, open add form, scroll position', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    await page.locator('form.filters fieldset.grouping label', { hasText: 'Fase' }).locator('input').check();
    await expectCount(page.locator('section.activity-group'), 5);
    await page.getByRole('button', { name: '+ Tilføj aktivitet' }).click();
    await page.locator('form.add-form').getByLabel('Titel').fill('Halvt skrevet');
    const target = row(page, await page.locator('li.activity-row').nth(100).getAttribute('data-id'));
    await target.scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => scrollY);
    await target.locator('input.done-box').click();
    await expectText(target.locator('.status'), 'Færdig');
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => scrollY), y, 'scroll position kept');
    await expectCount(page.locator('section.activity-group'), 5, { timeout: 1000 });
    assert.equal(await page.locator('form.add-form').getByLabel('Titel').inputValue(), 'Halvt skrevet');
  });
});

test('the row checkbox marks an activity done in one click; the matrix counts it', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    const before = await matrixCells(page);
    await gotoActivities(page);
    const target = await rowInfo(page.locator('li.activity-row').nth(2));
    const r = row(page, target.id);
    await r.locator('input.done-box').click();
    await expectText(r.locator('.status'), 'Færdig');
    assert.equal(await r.locator('input.done-box').isChecked(), true);
    assert.ok((await r.getAttribute('class')).includes('done'));

    await gotoOverview(page);
    const c = cell(page, target.task, target.phase);
    const was = before.find((x) => x.task === target.task && x.phase === target.phase);
    await expectText(c.locator('.done'), '1 færdig');
    await expectText(c.locator('.count'), String(was.count));
    // The button is named by what it shows, then the main task and phase.
    assert.match(await c.textContent(), new RegExp(`^${was.count} aktiviteter?, 1 færdig, hovedopgave ${target.task} .+, ${target.phase} `));
    const totals = await footerTotals(page);
    assert.equal(totals.reduce((s, t) => s + t.done, 0), 1);
    assert.equal(totals.reduce((s, t) => s + t.total, 0), TOTAL);
    await expectText(page.locator('.plan-header .stats > div', { hasText: 'Færdige' }).locator('dd'), '1');

    // Unchecking makes it not started again.
    await gotoActivities(page);
    await r.locator('input.done-box').click();
    await expectText(r.locator('.status'), 'Ikke startet');
    await gotoOverview(page);
    await expectText(cell(page, target.task, target.phase).locator('.done'), '0 færdige');
  });
});

test('a matrix cell opens Aktiviteter filtered to its main task and phase', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    const cells = (await matrixCells(page)).filter((c) => c.count > 0);
    // The fullest cell and one from another task and phase.
    const big = cells.reduce((a, b) => (b.count > a.count ? b : a));
    const other = cells.find((c) => c.task !== big.task && c.phase !== big.phase && c.count !== big.count);
    for (const c of [big, other]) {
      await gotoOverview(page);
      await cell(page, c.task, c.phase).click();
      await page.getByRole('heading', { level: 1, name: 'Aktiviteter' }).waitFor();
      await expectText(countLine(page), `Viser ${c.count} af ${TOTAL} aktiviteter`);
      const rows = await shownRows(page);
      assert.equal(rows.length, c.count);
      assert.ok(rows.every((r) => r.task === c.task && r.phase === c.phase), `all rows are HO ${c.task} in ${c.phase}`);
      assert.equal(await filter(page, 'Fase').inputValue(), c.phase);
      assert.equal(await page.locator('form.filters > label', { hasText: 'Hovedopgave' }).locator('select').inputValue(), String(c.task));
      // The new page starts at its top, where the filters and the count
      // say what is shown, not at the scroll position of the matrix.
      await eventually(() => page.evaluate(() => window.scrollY), 0, { message: 'Aktiviteter opens at its top' });
    }
    // The browser's Back returns to Overblik where the user left it, at the matrix.
    await gotoOverview(page);
    await cell(page, big.task, big.phase).scrollIntoViewIfNeeded();
    const atMatrix = await page.evaluate(() => window.scrollY);
    assert.ok(atMatrix > 300, `the matrix lies down the page (${atMatrix})`);
    await cell(page, big.task, big.phase).click();
    await page.getByRole('heading', { level: 1, name: 'Aktiviteter' }).waitFor();
    await page.goBack();
    await page.locator('table.matrix').waitFor();
    await eventually(() => page.evaluate(() => window.scrollY), (y) => y > 300, { message: 'Back keeps the place on Overblik' });
    await gotoActivities(page);
    await page.getByRole('button', { name: 'Nulstil filtre' }).click();
    await expectText(countLine(page), `${TOTAL} aktiviteter`);
  });
});

test('filters: by status, by responsible and by free text', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    const rows = page.locator('li.activity-row');
    const a = await rowInfo(rows.nth(5));
    const b = await rowInfo(rows.nth(40));
    // a: blocked, responsible Ole; b: responsible Ole too, status in progress.
    let editor = await openEditor(page, a.id);
    await editor.locator('select[name="status"]').selectOption('blokeret');
    await editor.locator('input[name="responsible"]').fill('Ole Jensen');
    editor = await openEditor(page, b.id);
    assert.equal(await editor.locator('input[name="title"]').inputValue(), b.title);
    await editor.locator('input[name="responsible"]').fill('ole jensen');
    await editor.locator('select[name="status"]').selectOption('i-gang');
    await expectText(row(page, b.id).locator('.status'), 'I gang');
    await editor.getByRole('button', { name: 'Luk', exact: true }).click();

    // Status.
    await filter(page, 'Status').selectOption('blokeret');
    await expectText(countLine(page), `Viser 1 af ${TOTAL} aktiviteter`);
    assert.deepEqual((await shownRows(page)).map((r) => r.id), [a.id]);
    await filter(page, 'Status').selectOption('i-gang');
    await expectText(countLine(page), `Viser 1 af ${TOTAL} aktiviteter`);
    assert.deepEqual((await shownRows(page)).map((r) => r.id), [b.id]);
    await filter(page, 'Status').selectOption('ikke-startet');
    await expectText(countLine(page), `Viser ${TOTAL - 2} af ${TOTAL} aktiviteter`);
    await filter(page, 'Status').selectOption('');
    await expectText(countLine(page), `${TOTAL} aktiviteter`);

    // Responsible (case-insensitive: "Ole Jensen" and "ole jensen").
    const options = await filter(page, 'Ansvarlig').locator('option').allTextContents();
    assert.ok(options.some((o) => o.toLowerCase() === 'ole jensen'), `"Ole Jensen" is offered: ${options}`);
    const value = await filter(page, 'Ansvarlig')
      .locator('option')
      .evaluateAll((os) => os.find((o) => o.textContent.toLowerCase() === 'ole jensen').value);
    await filter(page, 'Ansvarlig').selectOption(value);
    await expectText(countLine(page), `Viser 2 af ${TOTAL} aktiviteter`);
    assert.deepEqual((await shownRows(page)).map((r) => r.id).sort(), [a.id, b.id].sort());
    // Combined with status.
    await filter(page, 'Status').selectOption('blokeret');
    await expectText(countLine(page), `Viser 1 af ${TOTAL} aktiviteter`);
    await page.getByRole('button', { name: 'Nulstil filtre' }).click();
    await expectText(countLine(page), `${TOTAL} aktiviteter`);

    // Free text: a title, case-insensitively; a responsible; nonsense.
    const search = page.getByRole('searchbox');
    const word = a.title.split(' ')[0];
    await search.fill(word.toUpperCase());
    await expectText(countLine(page), /^Viser \d+ af 142 aktiviteter$/);
    const found = await shownRows(page);
    assert.ok(found.some((r) => r.id === a.id), `"${word}" finds "${a.title}"`);
    assert.ok(found.length < TOTAL);
    await search.fill('ole jen');
    await expectText(countLine(page), `Viser 2 af ${TOTAL} aktiviteter`);
    await search.fill('zzqxw ingen sådan aktivitet');
    await expectText(countLine(page), `Viser 0 af ${TOTAL} aktiviteter`);
    await expectText(page.locator('p.empty'), 'Ingen aktiviteter matcher filtrene.');
    await page.getByRole('button', { name: 'Nulstil filtre' }).click();
    await expectText(countLine(page), `${TOTAL} aktiviteter`);
    assert.equal(await search.inputValue(), '');
  });
});

test(
  'filter "Ingen ansvarlig" shows the activities without a responsible',
  async () => {
    await withApp(env, async ({ page }) => {
      await newPlan(page);
      await gotoActivities(page);
      const a = await rowInfo(page.locator('li.activity-row').first());
      const editor = await openEditor(page, a.id);
      await editor.locator('input[name="responsible"]').fill('Ole Jensen');
      await expectText(row(page, a.id).locator('.responsible'), 'Ole Jensen');
      await filter(page, 'Ansvarlig').selectOption({ label: 'Ingen ansvarlig' });
      await expectText(countLine(page), `Viser ${TOTAL - 1} af ${TOTAL} aktiviteter`, { timeout: 2000 });
      const rows = await shownRows(page);
      assert.ok(rows.every((r) => r.responsible === 'Ingen ansvarlig'));
    });
  },
);

/** Adds a custom activity through "+ Tilføj aktivitet"; returns its title, task and phase. */
async function addActivity(page, { title, task }) {
  await page.getByRole('button', { name: '+ Tilføj aktivitet' }).click();
  const form = page.locator('form.add-form');
  await form.getByLabel('Titel').fill(title);
  await form.locator('label', { hasText: 'Hovedopgave' }).locator('select').selectOption(String(task));
  const phaseSelect = form.locator('label', { hasText: 'Fase' }).locator('select');
  // Take the last phase the main task is active in.
  const phases = await phaseSelect.locator('option').evaluateAll((os) => os.map((o) => o.value));
  const phase = phases.at(-1);
  await phaseSelect.selectOption(phase);
  await form.getByRole('button', { name: 'Tilføj', exact: true }).click();
  return { title, task, phase };
}

test('adding a custom activity: count becomes 143 and it sits in its main task', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    const groupCount = () => text(page.locator('section[data-group="t5"] .group-count'));
    const before = Number((await groupCount()).match(/\d+/)[0]);
    const added = await addActivity(page, { title: 'Informér borgerservice om go-live', task: 5 });
    await expectText(countLine(page), `${TOTAL + 1} aktiviteter`);
    const r = page.locator('section[data-group="t5"] li.activity-row', { hasText: added.title });
    await expectCount(r, 1);
    const info = await rowInfo(r);
    assert.equal(info.task, 5);
    assert.equal(info.phase, added.phase);
    assert.equal(info.user, true, 'marked "Egen"');
    assert.equal(info.status, 'Ikke startet');
    assert.equal(await groupCount(), `(${before + 1})`);
    // The new activity opens in the editor.
    const editor = page.locator('aside.editor');
    assert.equal(await editor.locator('input[name="title"]').inputValue(), added.title);
    await expectText(editor.locator('p.origin'), 'Tilføjet af jer selv.');
    // The matrix counts it.
    await gotoOverview(page);
    const totals = await footerTotals(page);
    assert.equal(totals.reduce((s, t) => s + t.total, 0), TOTAL + 1);
    // An empty title is refused by the form.
    await gotoActivities(page);
    await page.getByRole('button', { name: '+ Tilføj aktivitet' }).click();
    await page.locator('form.add-form').getByRole('button', { name: 'Tilføj', exact: true }).click();
    await expectText(countLine(page), `${TOTAL + 1} aktiviteter`);
  });
});

test('deleting an activity: undo from the toast, with Ctrl+Z and with the header button; redo', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    const a = await rowInfo(page.locator('li.activity-row').nth(3));
    const r = row(page, a.id);
    const undoButton = page.locator('.topbar .history').getByRole('button', { name: '↶ Fortryd' });
    const redoButton = page.locator('.topbar .history').getByRole('button', { name: '↷ Gentag' });
    assert.equal(await undoButton.isDisabled(), true, 'nothing to undo in a new plan');

    // Delete, then "Fortryd" in the toast.
    await r.locator('button.delete').click();
    await expectText(countLine(page), `${TOTAL - 1} aktiviteter`);
    await expectCount(r, 0);
    const toast = page.locator('.toast-area .toast');
    await expectText(toast.locator('span').first(), `«${a.title}» er slettet.`);
    await toast.getByRole('button', { name: 'Fortryd' }).click();
    await expectText(countLine(page), `${TOTAL} aktiviteter`);
    await expectCount(r, 1);
    await expectCount(toast, 0);
    // It is back in its place.
    assert.equal(await page.locator('li.activity-row').nth(3).getAttribute('data-id'), a.id);

    // Delete, then Ctrl+Z.
    await r.locator('button.delete').click();
    await expectText(countLine(page), `${TOTAL - 1} aktiviteter`);
    await page.locator('h1').click();
    await page.keyboard.press('Control+z');
    await expectText(countLine(page), `${TOTAL} aktiviteter`);
    await expectCount(r, 1);
    // The toast no longer says it is deleted, nor offers a "Fortryd" that would do nothing.
    await expectCount(toast, 0);
    // Ctrl+Shift+Z redoes it, Ctrl+Z undoes again.
    await page.keyboard.press('Control+Shift+z');
    await expectText(countLine(page), `${TOTAL - 1} aktiviteter`);
    await page.keyboard.press('Control+z');
    await expectText(countLine(page), `${TOTAL} aktiviteter`);

    // Delete, then the header's "↶ Fortryd"; "↷ Gentag" deletes again.
    await r.locator('button.delete').click();
    await expectText(countLine(page), `${TOTAL - 1} aktiviteter`);
    await undoButton.click();
    await expectText(countLine(page), `${TOTAL} aktiviteter`);
    await expectCount(r, 1);
    await expectCount(toast, 0);
    await redoButton.click();
    await expectText(countLine(page), `${TOTAL - 1} aktiviteter`);
    await expectCount(r, 0);
    await undoButton.click();
    await expectCount(r, 1);
    assert.equal((await rowInfo(r)).title, a.title);
    // The restored activity is saved.
    await eventually(async () => (await storedPlan(page)).plan.activities.length, TOTAL);
  });
});

test('a reload finds edits, the custom activity and the deletion as they were', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page, { municipality: 'Aarhus', solution: 'SAPA' });
    await gotoActivities(page);
    const e = await editFirstActivity(page);
    await e.editor.locator('textarea[name="notes"]').fill('Aftalt på styregruppemøde');
    await e.editor.getByRole('button', { name: 'Luk', exact: true }).click();
    const added = await addActivity(page, { title: 'Egen testaktivitet', task: 7 });
    await expectText(countLine(page), `${TOTAL + 1} aktiviteter`);
    const gone = await rowInfo(page.locator('li.activity-row').nth(10));
    await row(page, gone.id).locator('button.delete').click();
    await expectText(countLine(page), `${TOTAL} aktiviteter`);
    const done = await rowInfo(page.locator('li.activity-row').nth(20));
    await row(page, done.id).locator('input.done-box').click();
    await expectText(row(page, done.id).locator('.status'), 'Færdig');

    await reload(page);
    await expectText(countLine(page), `${TOTAL} aktiviteter`);
    await expectText(page.locator('.topbar .plan-title'), /Aarhus/);
    const r = row(page, e.id);
    await expectText(r.locator('.dates'), `${e.start} – ${e.due}`);
    await expectText(r.locator('.responsible'), 'Mette Hansen');
    await expectText(r.locator('.status'), 'I gang');
    const editor = await openEditor(page, e.id);
    assert.equal(await editor.locator('textarea[name="notes"]').inputValue(), 'Aftalt på styregruppemøde');
    const mine = page.locator(`section[data-group="t${added.task}"] li.activity-row`, { hasText: added.title });
    await expectCount(mine, 1);
    assert.equal((await rowInfo(mine)).phase, added.phase);
    await expectCount(row(page, gone.id), 0);
    assert.equal((await rowInfo(row(page, done.id))).done, true);

    await gotoOverview(page);
    await expectText(page.locator('#plan-heading'), 'Aarhus Kommune · SAPA');
    const totals = await footerTotals(page);
    assert.equal(totals.reduce((s, t) => s + t.total, 0), TOTAL);
    assert.equal(totals.reduce((s, t) => s + t.done, 0), 1);
    assert.equal(await planKeys(page).then((k) => k.length), 1, 'one plan stored');
  });
});

test('an edit is saved within the save delay, and a reload right after an edit keeps it', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    const a = await rowInfo(page.locator('li.activity-row').first());
    const editor = await openEditor(page, a.id);

    // Saved shortly after the edit, without leaving the page.
    await editor.locator('input[name="responsible"]').fill('Lise Berg');
    const t0 = Date.now();
    await eventually(() => storedPlanText(page), (t) => t.includes('"responsible":"Lise Berg"'), {
      timeout: 1000,
      interval: 20,
      message: 'saved within 1 s',
    });
    assert.ok(Date.now() - t0 < 1000);

    // A reload at once after an edit keeps it: the page saves when it is
    // hidden. Edit and reload in one script turn, so the reload surely
    // falls inside the save delay.
    const reloadRightAfter = async (action, arg) => {
      const loaded = page.waitForEvent('load');
      const savedBefore = await page.evaluate(
        ([src, arg]) => {
          new Function('arg', src)(arg);
          const id = localStorage.getItem('implan.current');
          const text = localStorage.getItem('implan.plan.' + id);
          setTimeout(() => location.reload(), 0);
          return text;
        },
        [`(${action})(arg)`, arg],
      );
      await loaded;
      await waitReady(page);
      return savedBefore;
    };
    const before = await reloadRightAfter((name) => {
      const input = document.querySelector('aside.editor input[name="responsible"]');
      input.value = name;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, 'Lise Berg Nielsen');
    assert.ok(!before.includes('Lise Berg Nielsen'), 'not saved before the reload (inside the save delay)');
    await expectText(row(page, a.id).locator('.responsible'), 'Lise Berg Nielsen');

    // Same for a deletion.
    const b = await rowInfo(page.locator('li.activity-row').nth(1));
    const beforeDelete = await reloadRightAfter((id) => {
      document.querySelector(`li.activity-row[data-id="${id}"] button.delete`).click();
    }, b.id);
    assert.ok(beforeDelete.includes(`"id":"${b.id}"`), 'not saved before the reload');
    await expectText(countLine(page), `${TOTAL - 1} aktiviteter`);
    await expectCount(row(page, b.id), 0);

    // And as a user does it: change, then reload at once.
    const editor2 = await openEditor(page, a.id);
    await editor2.locator('select[name="status"]').selectOption('blokeret');
    await reload(page);
    await expectText(row(page, a.id).locator('.status'), 'Blokeret');
  });
});

test('corrupt saved data: banner, kept byte for byte, downloadable', async () => {
  const CORRUPT = '{"format":"implan-plan", broken';
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    const [key] = await planKeys(page);
    assert.ok(key, 'the plan is stored under implan.plan.<id>');
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, CORRUPT]);
    await reload(page);

    const banner = page.locator('.corrupt-banner');
    await expectText(banner.locator('p').first(), /^Gemte data kunne ikke læses: \S/);
    assert.equal(await banner.getAttribute('role'), 'alert');
    // Without a readable plan the app offers a new one.
    await page.getByRole('heading', { level: 1, name: 'Ny plan' }).waitFor();
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), CORRUPT, 'left as it was');
    await page.screenshot({ path: '/tmp/e2e-corrupt-banner.png', fullPage: true });

    // The download holds exactly the stored text.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      banner.getByRole('button', { name: 'Download beskadigede data' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /beskadiget\.json$/);
    assert.equal(await readFile(await download.path(), 'utf8'), CORRUPT);

    // A new plan is stored beside it; the corrupt text stays untouched.
    await newPlan(page, { municipality: 'Odense', solution: 'KSD' });
    const keys = await planKeys(page);
    assert.equal(keys.length, 2);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), CORRUPT);
    await expectCount(banner, 1);
    // Edits and a reload still leave it alone.
    await gotoActivities(page);
    await page.locator('li.activity-row input.done-box').first().click();
    await reload(page);
    await expectText(page.locator('.topbar .plan-title'), /Odense/);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), CORRUPT);
    await expectCount(page.locator('.corrupt-banner'), 1);

    // "Kassér" asks first; cancelling keeps the data, confirming removes it.
    const kassér = page.locator('.corrupt-banner').getByRole('button', { name: 'Kassér' });
    page.once('dialog', (d) => d.dismiss());
    await kassér.click();
    await expectCount(page.locator('.corrupt-banner'), 1);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), CORRUPT);
    page.once('dialog', (d) => d.accept());
    await kassér.click();
    await expectCount(page.locator('.corrupt-banner'), 0);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), null);
    assert.equal((await planKeys(page)).length, 1);
  });
});

test('storage unavailable: the app works in memory and says so', async () => {
  const blockStorage = () => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  };
  await withApp(
    env,
    async ({ page }) => {
      const banner = page.locator('.banner', { hasText: 'Lokal lagring er ikke tilgængelig' });
      await expectCount(banner, 1);
      await expectText(banner, /^Lokal lagring er ikke tilgængelig\. Browseren giver ikke adgang til lokal lagring/);
      await newPlan(page, { municipality: 'Vejle' });
      await gotoActivities(page);
      await expectText(countLine(page), `${TOTAL} aktiviteter`);
      const a = await rowInfo(page.locator('li.activity-row').first());
      await row(page, a.id).locator('input.done-box').click();
      await expectText(row(page, a.id).locator('.status'), 'Færdig');
      await page.waitForTimeout(400); // past the save delay: saving must not raise an error
      await expectCount(banner, 1);
      await expectCount(page.locator('.banner', { hasText: 'Planen er ikke gemt' }), 0);
    },
    { initScript: blockStorage },
  );
});

test('keyboard: the skip link comes first, and Ny plan can be filled in and sent with the keyboard', async () => {
  await withApp(env, async ({ page }) => {
    await page.getByRole('heading', { level: 1, name: 'Ny plan' }).waitFor();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return {
          tag: el?.tagName,
          name: el?.getAttribute('name'),
          type: el?.getAttribute('type'),
          value: el?.value,
          text: el?.textContent?.trim(),
          cls: el?.className,
        };
      });
    await page.keyboard.press('Tab');
    const first = await focused();
    assert.equal(first.tag, 'A');
    assert.equal(first.text, 'Spring til indhold');
    assert.ok(await page.locator('a.skip-link').isVisible(), 'the skip link shows when focused');
    // The skip link moves focus to main.
    await page.keyboard.press('Enter');
    await eventually(() => page.evaluate(() => document.activeElement?.id), 'main');

    // Tab to the municipality field and type.
    const tabTo = async (want, what) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const f = await focused();
        if (want(f)) return f;
      }
      assert.fail(`Tab never reached ${what}`);
    };
    await tabTo((f) => f.name === 'municipality', 'the municipality field');
    await page.keyboard.type('Vejle');
    // The solution radios: KY is chosen; the arrow key picks the next one.
    const radio = await tabTo((f) => f.name === 'solution', 'the solution radios');
    assert.equal(radio.value, 'KY');
    await page.keyboard.press('ArrowRight');
    await eventually(() => focused().then((f) => f.value), 'KSD');
    await tabTo((f) => f.tag === 'BUTTON' && f.text === 'Opret plan', 'the Opret plan button');
    await page.keyboard.press('Enter');
    await expectText(page.locator('#plan-heading'), 'Vejle Kommune · KSD');
    await expectCount(page.locator('table.matrix button.cell-button').first(), 1);
  });
});

test('opening the app at #/aktiviteter without a plan shows Ny plan', async () => {
  await withApp(
    env,
    async ({ page }) => {
      await openApp(page, '#/aktiviteter');
      await page.getByRole('heading', { level: 1, name: 'Ny plan' }).waitFor();
      // Without a plan only "Mine planer", "Ny plan" and "Eksempler" are offered.
      const links = page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link');
      await expectCount(links, 3);
      assert.deepEqual(await links.allTextContents(), ['Mine planer', 'Ny plan', 'Eksempler']);
    },
    { open: false },
  );
});

test('Escape closes the activity editor, keeps what was typed and gives focus back to the row', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    const a = await rowInfo(page.locator('li.activity-row').first());
    const r = row(page, a.id);
    const opener = r.locator('button.activity-title');
    const isFocused = (l) => l.evaluate((el) => el === document.activeElement);

    // Escape while typing in a text field: the text is kept, focus goes back to the row.
    let editor = await openEditor(page, a.id);
    await editor.locator('input[name="responsible"]').fill('Mette Hansen');
    await page.keyboard.press('Escape');
    await expectCount(page.locator('aside.editor'), 0);
    await expectText(r.locator('.responsible'), 'Mette Hansen');
    await eventually(() => isFocused(opener), true, { message: 'focus returns to the row' });

    // A date typed but not yet committed is committed by Escape.
    const year = parseDanish(a.dates.split(' – ')[0]).year + 1;
    editor = await openEditor(page, a.id);
    await editor.locator('input[name="due"]').fill(`30.04.${year}`);
    await editor.locator('input[name="due"]').press('Escape');
    await expectCount(page.locator('aside.editor'), 0);
    await expectText(r.locator('.dates'), new RegExp(`– 30\\.04\\.${year}$`));

    // An unreadable date: the first Escape shows its message and keeps the
    // editor open, a second one closes it without saving the text.
    editor = await openEditor(page, a.id);
    await editor.locator('input[name="due"]').fill('31.02.2027');
    await editor.locator('input[name="due"]').press('Escape');
    await expectText(editor.locator('.field-error'), 'Ukendt dato. Skriv den som dd.mm.åååå, fx 24.12.2026.');
    await expectCount(page.locator('aside.editor'), 1);
    await page.screenshot({ path: '/tmp/uifix-editor-invalid-date.png' });
    await page.keyboard.press('Escape');
    await expectCount(page.locator('aside.editor'), 0);
    await expectText(r.locator('.dates'), new RegExp(`– 30\\.04\\.${year}$`));

    // Escape on a (closed) select closes the editor after its value was chosen.
    editor = await openEditor(page, a.id);
    await editor.locator('select[name="status"]').selectOption('i-gang');
    await editor.locator('select[name="status"]').press('Escape');
    await expectCount(page.locator('aside.editor'), 0);
    await expectText(r.locator('.status'), 'I gang');
    await eventually(() => isFocused(opener), true, { message: 'focus returns to the row' });
    const saved = await eventually(
      async () => (await storedPlan(page)).plan.activities.find((x) => x.id === a.id),
      (x) => x.status === 'i-gang',
    );
    assert.equal(saved.responsible, 'Mette Hansen');
    assert.equal(saved.due, `${year}-04-30`);
  });
});

test('Ny plan: an error from the last submit goes when the form is changed and comes back on the next submit', async () => {
  await withApp(env, async ({ page }) => {
    const form = page.locator('form.new-plan-form');
    await form.waitFor();
    const error = form.locator(':scope > p.error[role="alert"]');
    await form.locator('input[name="municipality"]').fill('Vejle');
    await form.locator('input[name="solution"][value="other"]').check();
    await form.getByRole('button', { name: 'Opret plan' }).click();
    await expectText(error, 'Vælg eller skriv løsningens navn.');
    // Choosing SAPA answers it: the message goes.
    await form.locator('input[name="solution"][value="SAPA"]').check();
    await expectCount(error, 0);
    await page.screenshot({ path: '/tmp/uifix-new-plan.png' });
    // Wrong again: it shows only on the next submit.
    await form.locator('input[name="solution"][value="other"]').check();
    await page.waitForTimeout(200);
    await expectCount(error, 0);
    await form.getByRole('button', { name: 'Opret plan' }).click();
    await expectText(error, 'Vælg eller skriv løsningens navn.');
    // Typing the name clears it too, and the plan is created.
    await form.locator('input[name="other-solution"]').fill('Nyt system');
    await expectCount(error, 0);
    await form.getByRole('button', { name: 'Opret plan' }).click();
    await expectText(page.locator('#plan-heading'), 'Vejle Kommune · Nyt system');
  });
});

test('a long responsible, e-mail address or title wraps inside its row: no sideways scrolling at 1280 and 390 px', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    const a = await rowInfo(page.locator('li.activity-row').first());
    const long = 'A'.repeat(120);
    const mail = `${'fornavn.efternavn'.repeat(4)}@${'forvaltning'.repeat(4)}.dk`;
    const editor = await openEditor(page, a.id);
    await editor.locator('input[name="responsible"]').fill(long);
    await editor.locator('input[name="title"]').fill(`Titel${'X'.repeat(110)}`);
    await editor.getByRole('button', { name: 'Luk', exact: true }).click();
    const b = await rowInfo(page.locator('li.activity-row').nth(1));
    await openEditor(page, b.id);
    await page.locator('aside.editor input[name="responsible"]').fill(mail);
    const r = row(page, a.id);
    await expectText(r.locator('.responsible'), long);
    await expectText(row(page, b.id).locator('.responsible'), mail);

    const check = async (width) => {
      await page.setViewportSize({ width, height: 900 });
      const facts = await page.evaluate((id) => {
        const li = document.querySelector(`li.activity-row[data-id="${id}"]`);
        const del = li.querySelector('button.delete').getBoundingClientRect();
        const right = Math.max(...[...li.querySelectorAll('.activity-title, .meta > *')].map((e) => e.getBoundingClientRect().right));
        return {
          page: document.documentElement.scrollWidth,
          view: window.innerWidth,
          insideRow: right <= li.getBoundingClientRect().right,
          beforeDelete: right <= del.left,
        };
      }, a.id);
      assert.ok(facts.page <= facts.view, `no sideways scrolling at ${width} px: ${JSON.stringify(facts)}`);
      assert.ok(facts.insideRow && facts.beforeDelete, `the row's text stays left of Slet at ${width} px: ${JSON.stringify(facts)}`);
    };
    await check(1280);
    await page.screenshot({ path: '/tmp/uifix-long-1280.png' });
    await page.getByRole('button', { name: 'Luk redigering' }).click();
    await check(1280);
    await check(390);
    await r.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/uifix-long-390.png' });
  });
});
