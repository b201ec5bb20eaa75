// End-to-end tests of follow-up: phase-transition checklists and readiness,
// moving to the next phase (with a reason when the checklist is not
// complete) and the phase history; what is late and what comes next on
// Overblik; and the status report (figures against the plan, changes since a
// saved report, HTML download, print to A4). Each test uses a fresh context.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import {
  eventually,
  expectCount,
  expectText,
  gotoActivities,
  gotoOverview,
  newPlan,
  openEditor,
  reload,
  startEnv,
  storedPlan,
  text,
  typeDate,
  withApp,
} from './helpers.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.stop();
});

const nav = (page) => page.getByRole('navigation', { name: 'Hovedmenu' });

/** Opens Opfølgning and waits for the checklist. */
async function gotoFollowup(page) {
  await nav(page).getByRole('link', { name: 'Opfølgning' }).click();
  await page.getByRole('heading', { level: 1, name: 'Opfølgning' }).waitFor();
  await page.locator('.checklist li.check-item').first().waitFor();
}

/** Opens Statusrapport and waits for the report. */
async function gotoReport(page) {
  await nav(page).getByRole('link', { name: 'Statusrapport' }).click();
  await page.locator('article.report').waitFor();
}

/** Today in Copenhagen as { iso: "YYYY-MM-DD", danish: "dd.mm.yyyy" }, shifted by `days`. */
function day(days = 0) {
  const d = new Date(Date.now() + days * 86_400_000);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const [y, m, dd] = parts.split('-');
  return { iso: parts, danish: `${dd}.${m}.${y}` };
}

/** Makes the plan start in F0, whatever weekday the test runs on. */
async function startInF0(page) {
  await page.locator('details.start-stage summary').click();
  await page.locator('select[name=start-stage]').selectOption('F0');
  await expectText(page.locator('#stage-heading'), 'Aktuel fase: F0 Tilslutning');
  await page.locator('.tab[data-k="tab:F0"]').click();
  await expectText(page.locator('.tab[aria-pressed=true] .tab-label'), 'F0 → F1');
}

/** Types the name answering the checklist. */
async function setWho(page, name) {
  const who = page.locator('input[name=who]');
  await who.fill(name);
  await who.press('Tab');
}

/** The Copenhagen calendar date (YYYY-MM-DD) of an RFC 3339 timestamp. */
function localDate(timestamp) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(timestamp));
}

/**
 * Facts the plan file says, computed the way the issue defines them. A done
 * activity without a completion date counts as completed on the date of its
 * last change.
 */
function expectedFigures(plan, isoDate) {
  const counts = (a) => a.status !== 'udgaar';
  const doneBy = (a) => a.status === 'faerdig' && (a.completed ?? localDate(a.modified)) <= isoDate;
  const overdue = plan.activities
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => counts(a) && a.due && a.due < isoDate && !doneBy(a))
    .sort((x, y) => (x.a.due < y.a.due ? -1 : x.a.due > y.a.due ? 1 : x.i - y.i))
    .map(({ a }) => a.id);
  const progress = {};
  for (const a of plan.activities.filter(counts)) {
    const p = (progress[a.task] ??= { total: 0, done: 0, planned: 0 });
    p.total += 1;
    p.done += doneBy(a) ? 1 : 0;
    p.planned += a.due && a.due <= isoDate ? 1 : 0;
  }
  return { overdue, progress };
}

/** Sets an earlier start and due date of an activity in the editor on Aktiviteter. */
async function setDates(page, id, start, due) {
  const editor = await openEditor(page, id);
  // The start first: both dates move earlier, and the due date may not lie before the start.
  await typeDate(editor.locator('input[name=start]'), start);
  await typeDate(editor.locator('input[name=due]'), due);
  await eventually(async () => (await storedPlan(page))?.plan.activities.find((a) => a.id === id).due, (d) => d && d.split('-').reverse().join('.') === due);
  return editor;
}

/** "1 punkt", "3 punkter": the app's Danish number agreement. */
function punkter(n) {
  return `${n} ${n === 1 ? 'punkt' : 'punkter'}`;
}

test('a checklist is answered, the score follows, advancing with unmet items asks for a reason, and the decision is in the history after reload', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoFollowup(page);
    await startInF0(page);
    // F0 has only its "succes forekommer når/hvis" statement from Tabel 2.
    await expectCount(page.locator('.checklist li.check-item'), 1);
    await expectText(page.locator('li.check-item[data-id="f0-naar"] .origin-tag'), 'Succes forekommer når/hvis');
    await expectText(page.locator('.score-value'), '0 %');

    // Answering without a name is refused.
    await page.locator('li.check-item[data-id="f0-naar"] label.answer-opfyldt').click();
    await expectText(page.locator('.checklist .error'), /hvem der besvarer punktet/);
    assert.equal(await page.locator('li.check-item[data-id="f0-naar"] input[value=opfyldt]').isChecked(), false);

    // Add an own item and answer both: (1 + ½) / 2 = 75 %.
    await setWho(page, 'Mette Hansen');
    await page.locator('input[name=new-item]').fill('Byrådet har godkendt tilslutningen');
    await page.locator('input[name=new-item]').press('Enter');
    await expectCount(page.locator('.checklist li.check-item'), 2);
    const own = page.locator('.checklist li.check-item').nth(1);
    await expectText(own.locator('.item-text'), 'Byrådet har godkendt tilslutningen');
    await expectText(own.locator('.origin-tag'), 'Eget punkt');
    await page.locator('li.check-item[data-id="f0-naar"] label.answer-delvist').click();
    await own.locator('label.answer-opfyldt').click();
    await expectText(page.locator('.score-value'), '75 %');
    await expectText(page.locator('.score-counts'), /^Opfyldt 1 · Delvist 1 · Ikke opfyldt 0 · Ikke relevant 0 · Ubesvaret 0 · Åbne aktiviteter \d+$/);
    await expectText(page.locator('.outstanding .unmet'), /^Delvist: Beslutning om tilslutning/);
    await expectText(page.locator('li.check-item[data-id="f0-naar"] .answered'), `Delvist · besvaret af Mette Hansen ${day().danish}`);
    await expectText(page.locator('.tab[data-k="tab:F0"] .tab-score'), '75 %');
    // A comment is kept.
    const comment = page.locator('li.check-item[data-id="f0-naar"] input.comment');
    await comment.fill('Mangler formel beslutning');
    await comment.press('Tab');
    await eventually(async () => (await storedPlan(page))?.plan.checklists[0].items[0].comment, 'Mangler formel beslutning');

    // Moving on is not allowed without a reason: the item is Delvist and F0's activities are open.
    const open = Number((await text(page.locator('.score-counts'))).match(/Åbne aktiviteter (\d+)/)[1]);
    assert.ok(open > 0, 'F0 has open activities');
    await page.getByRole('button', { name: 'Gå videre til F1 Initiering …' }).click();
    const form = page.locator('.advance-form');
    await expectText(form.locator('.warning'), /Tjeklisten er ikke komplet/);
    assert.equal(await form.locator('input[name=decided-by]').inputValue(), 'Mette Hansen');
    assert.equal(await form.locator('input[name=decision-date]').inputValue(), day().danish);
    await form.getByRole('button', { name: 'Registrér faseovergang' }).click();
    await expectText(form.locator('.error'), `Tjeklisten er ikke komplet (${punkter(open + 1)} mangler). Skriv en begrundelse for at gå videre alligevel.`);
    await expectText(page.locator('#stage-heading'), 'Aktuel fase: F0 Tilslutning');
    // A decision is recorded once it is made, not ahead of time.
    await form.locator('input[name=decision-date]').fill(day(30).danish);
    await form.getByRole('button', { name: 'Registrér faseovergang' }).click();
    await expectText(form.locator('.error'), `Beslutningsdatoen (${day(30).danish}) ligger efter i dag. Registrér faseovergangen, når den er besluttet.`);
    await expectText(page.locator('#stage-heading'), 'Aktuel fase: F0 Tilslutning');
    await form.locator('input[name=decision-date]').fill(day().danish);

    // With a reason it moves on.
    const reason = 'Byrådet har besluttet tilslutning; resten afsluttes i F1.';
    await form.locator('textarea[name=reason]').fill(reason);
    await form.getByRole('button', { name: 'Registrér faseovergang' }).click();
    await expectText(page.locator('#stage-heading'), 'Aktuel fase: F1 Initiering');
    await expectText(page.locator('.toast-area .toast span').first(), /Planen er nu i F1 Initiering/);

    // After reload the decision is in the phase history on Overblik.
    await eventually(async () => (await storedPlan(page))?.plan.stage, 'F1');
    await reload(page);
    await gotoOverview(page);
    const rows = page.locator('.phase-history tbody tr');
    await expectCount(rows, 1);
    const cells = await rows.first().locator('td').allTextContents();
    assert.deepEqual(cells, [
      day().danish,
      'F0 → F1',
      'Mette Hansen',
      `75 % · gået videre trods ${open + 1} manglende ${open + 1 === 1 ? 'punkt' : 'punkter'}`,
      reason,
    ]);
    await expectText(page.locator('.plan-header .stats > div', { hasText: 'Aktuel fase' }).locator('dd').first(), 'F1 Initiering');
    const stored = (await storedPlan(page)).plan;
    assert.equal(stored.phaseHistory.length, 1);
    assert.equal(stored.phaseHistory[0].overridden, true);
    assert.equal(stored.phaseHistory[0].score, 75);
    assert.equal(stored.phaseHistory[0].reason, reason);
  });
});

test('Escape leaves editing a checklist item\'s text unsaved and closes the form for moving on', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoFollowup(page);
    await startInF0(page);
    const item = page.locator('li.check-item[data-id="f0-naar"]');
    const before = await text(item.locator('.item-text'));
    await item.getByRole('button', { name: 'Redigér tekst' }).click();
    const field = item.locator('textarea.item-text-input');
    await field.fill('Skrevet, men fortrudt');
    await field.press('Escape');
    await expectCount(item.locator('textarea'), 0);
    await expectText(item.locator('.item-text'), before);
    await page.waitForTimeout(300); // past the save delay: nothing is saved
    assert.equal((await storedPlan(page)).plan.checklists[0].items.find((i) => i.id === 'f0-naar').text, before);
    await eventually(() => page.evaluate(() => document.activeElement !== document.body), true);

    await page.getByRole('button', { name: 'Gå videre til F1 Initiering …' }).click();
    const form = page.locator('.advance-form');
    await form.locator('input[name=decided-by]').press('Escape');
    await expectCount(form, 0);
    await expectText(page.locator('#stage-heading'), 'Aktuel fase: F0 Tilslutning');
    await eventually(() => page.evaluate(() => document.activeElement?.textContent), 'Gå videre til F1 Initiering …');
  });
});

test('Ikke relevant leaves an item out, and a complete checklist moves on without a reason', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoFollowup(page);
    await startInF0(page);
    await setWho(page, 'Anders');
    await page.locator('li.check-item[data-id="f0-naar"] label.answer-ikke-relevant').click();
    // No item counts: no score.
    await expectText(page.locator('.score-value'), '–');
    await page.locator('li.check-item[data-id="f0-naar"] label.answer-opfyldt').click();
    await expectText(page.locator('.score-value'), '100 %');
    // The phase's open activities keep the checklist incomplete until they are done.
    const openList = page.locator('.checklist .list-col, .checklist').locator('ul.activity-links li');
    const ids = await openList.evaluateAll((lis) => lis.map((li) => li.dataset.id));
    assert.ok(ids.length > 0);
    await expectText(page.locator('.score-state'), `Tjeklisten er ikke komplet: ${punkter(ids.length)} mangler.`);
    await gotoActivities(page);
    for (const id of ids) {
      await page.locator(`li.activity-row[data-id="${id}"] input.done-box`).check();
    }
    await gotoFollowup(page);
    await page.locator('.tab[data-k="tab:F0"]').click();
    await expectText(page.locator('.score-state'), 'Tjeklisten er komplet.');
    await page.getByRole('button', { name: 'Gå videre til F1 Initiering …' }).click();
    const form = page.locator('.advance-form');
    await expectText(form.locator('.note'), /Tjeklisten er komplet/);
    await expectText(form.locator('label', { has: page.locator('textarea') }), /^Kommentar \(valgfri\)/);
    await form.getByRole('button', { name: 'Registrér faseovergang' }).click();
    await expectText(page.locator('#stage-heading'), 'Aktuel fase: F1 Initiering');
    await gotoOverview(page);
    await expectText(page.locator('.phase-history tbody tr td').nth(3), '100 % · tjeklisten var komplet');
  });
});

test('an overdue activity is listed on Overblik and opens in the editor; due soon, blocked and progress follow the plan', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    const lastYear = new Date().getFullYear() - 1;
    await setDates(page, 't03-01', `01.01.${lastYear}`, `15.01.${lastYear}`);
    const soon = day(3).danish;
    await setDates(page, 't03-02', day(-2).danish, soon);
    await page.locator('aside.editor').getByRole('button', { name: 'Luk', exact: true }).click();
    await gotoOverview(page);

    const plan = (await storedPlan(page)).plan;
    const { overdue, progress } = expectedFigures(plan, day().iso);
    assert.equal(overdue[0], 't03-01', 'the earliest due date comes first');
    const list = page.locator('[data-list=overdue]');
    await expectText(list.locator('.count-badge'), String(overdue.length));
    await expectText(page.locator('.plan-header .stats > div', { hasText: 'Forsinkede' }).locator('dd'), String(overdue.length));
    const shown = await list.locator('li').evaluateAll((lis) => lis.map((li) => li.dataset.id));
    assert.deepEqual(shown, overdue.slice(0, 8));
    await expectText(list.locator('li[data-id="t03-01"] .meta'), `Frist 15.01.${lastYear} · HO 3 · Ingen ansvarlig`);
    await page.locator('[data-list=soon] li[data-id="t03-02"]').waitFor();
    await expectText(page.locator('[data-list=soon] li[data-id="t03-02"] .meta'), new RegExp(`^Frist ${soon.replace(/\./g, '\\.')}`));

    // Per main task: share done and share planned done by today.
    for (const [task, p] of Object.entries(progress)) {
      const cells = await page.locator(`.progress tr[data-id="${task}"] td`).allTextContents();
      assert.deepEqual(cells.slice(1, 4), [String(p.total), String(p.done), String(p.planned)], `main task ${task}`);
    }
    const pct = (n, d) => `${Math.round((n * 100) / d)} %`;
    const row3 = await page.locator('.progress tr[data-id="3"] td').allTextContents();
    assert.equal(row3[5], pct(progress[3].planned, progress[3].total));

    // The entry opens the activity in the editor; Escape closes it and gives focus back to the entry.
    const title = (id) => plan.activities.find((a) => a.id === id).title;
    const editor = page.locator('.drawer.open aside.editor');
    const opener = list.locator('li[data-id="t03-01"] button');
    await opener.click();
    await editor.waitFor();
    assert.equal(await editor.locator('input[name=title]').inputValue(), title('t03-01'));
    await page.keyboard.press('Escape');
    await expectCount(page.locator('.drawer.open'), 0);
    assert.equal(await opener.evaluate((b) => b === document.activeElement), true, 'focus returns to the entry');
    // The entries due soon open their activity too, and Escape closes it even with focus outside the drawer.
    await page.locator('[data-list=soon] li[data-id="t03-02"] button').click();
    await editor.waitFor();
    assert.equal(await editor.locator('input[name=title]').inputValue(), title('t03-02'));
    await page.locator('#late-heading').click();
    await page.keyboard.press('Escape');
    await expectCount(page.locator('.drawer.open'), 0);

    // Making it blocked lists it as blocked; the blocked entry opens it.
    await opener.click();
    await editor.waitFor();
    await editor.locator('select[name=status]').selectOption('blokeret');
    await page.locator('[data-list=blocked] li[data-id="t03-01"]').waitFor();
    await expectText(page.locator('[data-list=blocked] .count-badge'), '1');
    await editor.locator('select[name=status]').press('Escape');
    await expectCount(page.locator('.drawer.open'), 0);
    await page.locator('[data-list=blocked] li[data-id="t03-01"] button').click();
    await editor.waitFor();
    assert.equal(await editor.locator('input[name=title]').inputValue(), title('t03-01'));
    assert.equal(await editor.locator('select[name=status]').inputValue(), 'blokeret');
    // Done: it leaves the overdue list and counts as done for main task 3.
    await editor.locator('select[name=status]').selectOption('faerdig');
    await expectCount(list.locator('li[data-id="t03-01"]'), 0);
    await expectText(list.locator('.count-badge'), String(overdue.length - 1));
    await expectText(page.locator('.progress tr[data-id="3"] td').nth(2), String(progress[3].done + 1));
    await editor.getByRole('button', { name: 'Luk redigering' }).click();
    await expectCount(page.locator('.drawer.open'), 0);
  });
});

test('the status report matches the plan, shows changes since the saved report, downloads as escaped HTML and prints to A4', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    const lastYear = new Date().getFullYear() - 1;
    const editor = await setDates(page, 't03-01', `01.02.${lastYear}`, `20.02.${lastYear}`);
    const evil = '<b>Anders & Co</b>';
    await editor.locator('input[name=responsible]').fill(evil);
    await page.locator('li.activity-row[data-id="t03-02"] input.done-box').check();
    // Done without a completion date: it counts from the date of its last change (today).
    const done = await openEditor(page, 't03-02');
    await typeDate(done.locator('input[name=completed]'), '');
    await gotoReport(page);

    // Edits are saved a moment later: wait until the stored plan has them before computing what to expect.
    const plan = (await eventually(
      () => storedPlan(page),
      (p) => {
        const a = (id) => p?.plan.activities.find((x) => x.id === id);
        return a('t03-02')?.status === 'faerdig' && a('t03-02')?.completed === null && a('t03-01')?.responsible === evil;
      },
    )).plan;
    const { overdue, progress } = expectedFigures(plan, day().iso);
    const overdueRows = page.locator('section[data-section=overdue] tbody tr');
    assert.deepEqual(await overdueRows.evaluateAll((trs) => trs.map((tr) => tr.dataset.id)), overdue);
    await expectText(page.locator('section[data-section=overdue] h2'), `Forsinkede aktiviteter (${overdue.length})`);
    await expectText(page.locator('section[data-section=overdue] tr[data-id="t03-01"] td').last(), evil);
    for (const [task, p] of Object.entries(progress)) {
      const cells = await page.locator(`section[data-section=progress] tr[data-id="${task}"] td`).allTextContents();
      assert.deepEqual(cells.slice(1, 4), [String(p.total), String(p.done), String(p.planned)], `main task ${task}`);
    }
    const facts = await page.locator('.report .facts').textContent();
    assert.match(facts, /KommuneVejle Kommune/);
    assert.match(facts, /LøsningKY \(Kommunernes Ydelsessystem\)/);
    assert.match(facts, /Aktuel faseF[01] /);
    await expectText(page.locator('section[data-section=changes] .lead'), /ingen tidligere gemt rapport/);
    await page.locator('section[data-section=milestones] tr', { hasText: 'Go-live' }).waitFor();

    // Blocked is today's status: on a past reporting date the report says so.
    const blocked = page.locator('section[data-section=blocked]');
    await expectText(blocked.locator('h2'), 'Blokerede aktiviteter (0)');
    await typeDate(page.locator('input[name=report-date]'), day(-7).danish);
    await expectText(blocked.locator('h2'), 'Blokeret nu (0)');
    // A week ago t03-02 was not done yet.
    const weekAgo = expectedFigures(plan, day(-7).iso).progress;
    assert.equal(weekAgo[3].done, progress[3].done - 1);
    await expectText(page.locator('section[data-section=progress] tr[data-id="3"] td').nth(2), String(weekAgo[3].done));
    for (const [task, p] of Object.entries(weekAgo)) {
      const cells = await page.locator(`section[data-section=progress] tr[data-id="${task}"] td`).allTextContents();
      assert.deepEqual(cells.slice(1, 4), [String(p.total), String(p.done), String(p.planned)], `main task ${task} a week ago`);
    }
    await expectText(blocked.locator('p.lead'), `Status i dag ${day().danish}, ikke pr. rapportdatoen ${day(-7).danish}: Implan gemmer ikke, hvornår en aktivitet blev blokeret eller frigjort.`);
    await typeDate(page.locator('input[name=report-date]'), day().danish);
    await expectText(blocked.locator('h2'), 'Blokerede aktiviteter (0)');

    // Save the report, change the plan, and report as of tomorrow.
    await page.getByRole('button', { name: 'Gem rapporten i planen' }).click();
    await expectCount(page.locator('.saved-reports tbody tr'), 1);
    // Saved reports are told apart by the time they were saved, also in "Sammenlign med".
    const saved = new RegExp(`^${day().danish.replaceAll('.', '\\.')} kl\\. \\d\\d\\.\\d\\d$`);
    await expectText(page.locator('.saved-reports tbody tr td').nth(1), saved);
    const options = await page.locator('select[name=compare] option').allTextContents();
    const option = new RegExp(`^Rapporten ${day().danish.replaceAll('.', '\\.')} \\(gemt \\d\\d\\.\\d\\d\\.\\d{4} kl\\. \\d\\d\\.\\d\\d\\)$`);
    assert.ok(options.some((o) => option.test(o)), options.join(' | '));
    await gotoActivities(page);
    await page.locator('li.activity-row[data-id="t03-03"] input.done-box').check();
    const moved = plan.activities.find((a) => a.id === 't03-04');
    const shift = (iso, days) => {
      const d = new Date(`${iso}T12:00:00Z`);
      d.setUTCDate(d.getUTCDate() + days);
      const [y, m, dd] = d.toISOString().slice(0, 10).split('-');
      return `${dd}.${m}.${y}`;
    };
    const ed = await openEditor(page, 't03-04');
    await typeDate(ed.locator('input[name=due]'), shift(moved.due, 7));
    await typeDate(ed.locator('input[name=start]'), shift(moved.start, 7));
    await eventually(async () => (await storedPlan(page))?.plan.activities.find((a) => a.id === 't03-04').start, (s) => s !== moved.start);
    await gotoReport(page);
    await typeDate(page.locator('input[name=report-date]'), day(1).danish);
    const changes = page.locator('section[data-section=changes]');
    await expectText(changes.locator('h2'), `Ændringer siden rapporten ${day().danish}`);
    await expectText(changes.locator('caption').first(), 'Færdiggjort siden (1)');
    await changes.locator('tr[data-id="t03-03"]').waitFor();
    await expectText(changes.locator('tr[data-id="t03-04"] td').last(), '+7 dage');

    // Download as a standalone HTML file: user text is escaped.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Hent som HTML-fil' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^statusrapport-vejle-ky-\d{4}-\d\d-\d\d\.html$/);
    const html = await readFile(await download.path(), 'utf8');
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.match(html, /<style>[\s\S]*@page \{ size: A4;/);
    assert.ok(html.includes('&lt;b&gt;Anders &amp; Co&lt;/b&gt;'), 'the responsible is escaped');
    assert.ok(!html.includes('<b>Anders'), 'no user markup');
    assert.ok(!/<script/i.test(html));
    assert.ok(html.includes('data-id="t03-01"'));

    // Printing shows only the report, on A4 pages.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.report-controls').isVisible(), false);
    assert.equal(await page.locator('.topbar').isVisible(), false);
    assert.equal(await page.locator('.saved-reports').isVisible(), false);
    assert.equal(await page.locator('article.report').isVisible(), true);
    await page.screenshot({ path: '/tmp/implan-report-print.png', fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pdfText = pdf.toString('latin1');
    assert.ok(pdfText.startsWith('%PDF'));
    const boxes = [...pdfText.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    assert.ok(boxes.length >= 1);
    for (const [w, h] of boxes) {
      assert.ok(Math.abs(w - 595.3) < 2 && Math.abs(h - 841.9) < 2, `A4 page, got ${w}×${h}`);
    }
    await page.emulateMedia({ media: 'screen' });
  });
});

test('a long responsible name keeps "Åbne aktiviteter pr. ansvarlig" inside the page at 1280 and 390 px', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    const id = await page.locator('li.activity-row').first().getAttribute('data-id');
    const editor = await openEditor(page, id);
    const long = 'B'.repeat(120);
    await editor.locator('input[name="responsible"]').fill(long);
    await editor.getByRole('button', { name: 'Luk', exact: true }).click();
    await gotoFollowup(page);
    const table = page.locator('section.responsible table.doc');
    await expectCount(table.locator('tbody td', { hasText: long }), 1);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const facts = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        view: window.innerWidth,
        table: document.querySelector('section.responsible table.doc').getBoundingClientRect().width,
      }));
      assert.ok(facts.page <= facts.view, `no sideways scrolling at ${width} px: ${JSON.stringify(facts)}`);
      assert.ok(facts.table <= facts.view, `the table fits at ${width} px: ${JSON.stringify(facts)}`);
      await table.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/uifix-followup-${width}.png` });
      // The date beside it stays on one line while there is room.
      if (width < 600) continue;
      const dateLines = await table.locator('tbody tr', { hasText: long }).locator('td').nth(3).evaluate((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return range.getClientRects().length;
      });
      assert.equal(dateLines, 1, `"Næste frist" is not broken at ${width} px`);
    }
  });
});

/**
 * Words in the first column of the report's tables (main tasks, activities,
 * benefits) that the browser broke across lines; a break after "/" or "-"
 * is a proper one.
 */
function brokenWords(page, selector = 'article.report table.doc td:first-child') {
  return page.evaluate((selector) => {
    const broken = [];
    for (const td of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const m of n.data.matchAll(/[^\s/-]+/g)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  }, selector);
}

test('the status report keeps the words of main tasks whole on screen and on an A4 page', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoReport(page);
    await expectCount(page.locator('section[data-section=progress] tbody tr'), 17);
    assert.deepEqual(await brokenWords(page), [], 'no word broken at 1280 px');
    await page.setViewportSize({ width: 768, height: 900 });
    assert.deepEqual(await brokenWords(page), [], 'no word broken at 768 px (a tablet)');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('section[data-section=progress] table').screenshot({ path: '/tmp/qa-report-progress.png' });
    // Printed on A4 with the browser's default margins (190 mm of width).
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 718, height: 900 });
    assert.deepEqual(await brokenWords(page), [], 'no word broken on A4');
    const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(over <= 0, `the report is ${over} px wider than the A4 page`);
    await page.screenshot({ path: '/tmp/qa-report-print-a4.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
});

test('a printed status report keeps the texts of its empty sections ("Ingen blokerede aktiviteter.")', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoReport(page);
    const empty = page.locator('article.report section[data-section=blocked] p.empty');
    await expectText(empty, 'Ingen blokerede aktiviteter.');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await empty.isVisible(), true, 'the empty text is printed under its heading');
    await page.emulateMedia({ media: 'screen' });
  });
});

test('an activity due on the reporting date and not done is among the report\'s deadlines, as on Overblik', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoActivities(page);
    const id = await page.locator('li.activity-row').nth(2).getAttribute('data-id');
    const editor = await openEditor(page, id);
    await typeDate(editor.locator('input[name="start"]'), day(-3).danish);
    await typeDate(editor.locator('input[name="due"]'), day().danish);
    await eventually(async () => (await storedPlan(page)).plan.activities.find((a) => a.id === id).due, day().iso);
    await gotoReport(page);
    const upcoming = page.locator('section[data-section=upcoming]');
    await upcoming.locator(`tr[data-id="${id}"]`).waitFor();
    await expectCount(page.locator(`section[data-section=overdue] tr[data-id="${id}"]`), 0);
  });
});

test('a phase transition registered by mistake can be taken back after a reload, and the toast brings it back', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoFollowup(page);
    await startInF0(page);
    await page.getByRole('button', { name: 'Gå videre til F1 Initiering …' }).click();
    const form = page.locator('.advance-form');
    await form.locator('input[name=decided-by]').fill('Mette Hansen');
    await form.locator('textarea[name=reason]').fill('Klikket ved en fejl');
    await form.getByRole('button', { name: 'Registrér faseovergang' }).click();
    await expectText(page.locator('#stage-heading'), 'Aktuel fase: F1 Initiering');
    await eventually(async () => (await storedPlan(page))?.plan.stage, 'F1');
    // Undo history is gone after a reload; the latest transition can still be taken back.
    await reload(page);
    await gotoFollowup(page);
    await page.locator('details.revert-decision summary').click();
    await page.getByRole('button', { name: `Fortryd faseovergangen F0 → F1 (${day().danish})` }).click();
    await expectText(page.locator('#stage-heading'), 'Aktuel fase: F0 Tilslutning');
    await expectText(page.locator('.toast-area .toast span').first(), 'Faseovergangen F0 → F1 er fortrudt; planen er igen i F0 Tilslutning.');
    await eventually(async () => (await storedPlan(page))?.plan.phaseHistory.length, 0);
    await page.locator('.toast-area .toast').getByRole('button', { name: 'Fortryd' }).click();
    await expectText(page.locator('#stage-heading'), 'Aktuel fase: F1 Initiering');
    await eventually(async () => (await storedPlan(page))?.plan.phaseHistory.length, 1);
  });
});

test('Overblik\'s progress per main task keeps the words of main tasks whole on a tablet and on an A4 page', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    const cells = 'section.progress table.doc td:first-child';
    await expectCount(page.locator('section.progress tbody tr'), 17);
    assert.deepEqual(await brokenWords(page, cells), [], 'no word broken at 1280 px');
    await page.setViewportSize({ width: 768, height: 900 });
    assert.deepEqual(await brokenWords(page, cells), [], 'no word broken at 768 px');
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 718, height: 900 });
    assert.deepEqual(await brokenWords(page, cells), [], 'no word broken on A4');
    await page.emulateMedia({ media: 'screen' });
  });
});

test('what is typed in "Gå videre" survives answering a checklist item meanwhile', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoFollowup(page);
    await startInF0(page);
    await setWho(page, 'Mette Hansen');
    await page.getByRole('button', { name: 'Gå videre til F1 Initiering …' }).click();
    const form = page.locator('.advance-form');
    await form.locator('input[name=decided-by]').fill('Styregruppen v. Mette Hansen');
    await form.locator('textarea[name=reason]').fill('Byrådet har besluttet tilslutning.');
    // The readiness changes while the form is open: the panel is redrawn.
    await page.locator('li.check-item[data-id="f0-naar"] label.answer-opfyldt').click();
    await expectText(page.locator('.score-counts'), /^Opfyldt 1 /);
    assert.equal(await form.locator('input[name=decided-by]').inputValue(), 'Styregruppen v. Mette Hansen');
    assert.equal(await form.locator('textarea[name=reason]').inputValue(), 'Byrådet har besluttet tilslutning.');
  });
});

test('a new checklist item being typed survives answering another item, and is cleared once added', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoFollowup(page);
    await startInF0(page);
    await setWho(page, 'Mette Hansen');
    const input = page.locator('input[name=new-item]');
    await input.fill('Styregruppen har godkendt tidsplanen');
    await page.locator('li.check-item[data-id="f0-naar"] label.answer-opfyldt').click();
    await expectText(page.locator('.score-counts'), /^Opfyldt 1 /);
    assert.equal(await input.inputValue(), 'Styregruppen har godkendt tidsplanen');
    await page.getByRole('button', { name: 'Tilføj punkt' }).click();
    await expectCount(page.locator('li.check-item'), 2);
    assert.equal(await input.inputValue(), '');
  });
});
