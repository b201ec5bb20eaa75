// End-to-end tests of sharing and keeping plans (issue 5): export and
// import (also into a fresh browser profile, by file picker and by drop),
// broken files, the import choices (new plan, replace, merge with conflict
// choices, undo), two tabs on one plan, full storage, user text that looks
// like HTML, "Mine planer" (rename, duplicate, delete with undo, open,
// snapshots), CSV and iCalendar exports, and the golden file of format
// version 1. Every exported plan file is validated against
// docs/implan-plan.schema.json.
//
// Golden file: IMPLAN_WRITE_GOLDEN=1 re-creates tests/golden/v1.implan.json
// through the app (see tests/golden/README.md).

import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';

import Ajv2020 from 'ajv/dist/2020.js';

import {
  ROOT,
  countLine,
  eventually,
  expectCount,
  expectText,
  gotoActivities,
  newPlan,
  openApp,
  openEditor,
  planKeys,
  row,
  rowInfo,
  startEnv,
  storedPlan,
  storedPlanText,
  text,
  typeDate,
  withApp,
} from './helpers.mjs';

const TOTAL = 142;
const SCHEMA_PATH = path.join(ROOT, 'docs', 'implan-plan.schema.json');
const GOLDEN_V1 = path.join(ROOT, 'tests', 'golden', 'v1.implan.json');

const schema = JSON.parse(await readFile(SCHEMA_PATH, 'utf8'));
// Strict mode: unknown keywords or loose types in the schema are errors.
const validatePlanFile = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

/** Fails unless `json` is a plan file as the schema describes it. */
function assertValidFile(json, what = 'the exported file') {
  const ok = validatePlanFile(json);
  assert.ok(ok, `${what} does not match docs/implan-plan.schema.json: ${JSON.stringify(validatePlanFile.errors, null, 1)}`);
}

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.stop();
});

// ---------------------------------------------------------------------------
// Steps a user takes

function menu(page) {
  return page.getByRole('navigation', { name: 'Hovedmenu' });
}

/** Opens "Mine planer" from the main menu. */
async function gotoPlans(page) {
  await menu(page).getByRole('link', { name: 'Mine planer' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mine planer' }).waitFor();
}

/** Clicks `click` and returns the download: file name and text. */
async function download(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await d.path();
  return { name: d.suggestedFilename(), text: await readFile(file, 'utf8'), bytes: await readFile(file) };
}

/**
 * Exports the open plan from "Mine planer"; checks the file against the
 * schema. Exporting marks the open plan as exchanged (an autosave a moment
 * later): this waits for that save, so later reads of storage are stable
 * (`saved: false` when storage is full and nothing can be saved).
 */
async function exportPlan(page, { saved = true } = {}) {
  await gotoPlans(page);
  const file = await download(page, () => page.getByRole('button', { name: 'Eksportér plan (.implan.json)' }).click());
  file.json = JSON.parse(file.text);
  assertValidFile(file.json);
  if (saved) {
    await storedWhen(page, (p) => p.plan.exchanged === file.json.plan.exchanged, 'the export is recorded as an exchange');
  }
  return file;
}

/** Picks a file with "Importér plan fra fil …" in "Mine planer". */
async function chooseFile(page, { name, text: content, buffer }) {
  await gotoPlans(page);
  await page.getByLabel('Importér plan fra fil …').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: buffer ?? Buffer.from(content, 'utf8'),
  }, { timeout: 90_000 }); // a 21 MB file takes a while to hand to a busy browser
}

function previewDialog(page) {
  return page.getByRole('dialog', { name: 'Importér plan' });
}

function refusalDialog(page) {
  return page.getByRole('alertdialog', { name: 'Filen kan ikke importeres' });
}

/** The preview's facts, label → value. */
function previewFacts(dialog) {
  return dialog.locator('dl.preview').evaluate((dl) => {
    const out = {};
    for (const dt of dl.querySelectorAll('dt')) {
      out[dt.textContent.trim()] = dt.nextElementSibling.textContent.replace(/\s+/g, ' ').trim();
    }
    return out;
  });
}

const CHOICES = {
  new: /^Åbn som en ny plan/,
  replace: /^Erstat den åbne plan/,
  merge: /^Flet ind i den åbne plan/,
};

/** Picks the file, chooses `choice` in the preview and clicks "Importér". */
async function importFile(page, file, choice) {
  await chooseFile(page, file);
  const dialog = previewDialog(page);
  await dialog.waitFor();
  await dialog.getByRole('radio', { name: CHOICES[choice] }).check();
  await dialog.getByRole('button', { name: 'Importér', exact: true }).click();
  await expectCount(dialog, 0);
}

/** Every key and value in localStorage. */
function allStorage(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
}

/** The rows of "Gemte planer". */
function planRows(page) {
  return page.locator('li.plan-row').evaluateAll((lis) =>
    lis.map((li) => ({
      id: li.dataset.plan,
      name: li.querySelector('.plan-name').textContent.trim(),
      open: !!li.querySelector('.open-tag'),
      meta: li.querySelector('.meta').textContent.replace(/\s+/g, ' ').trim(),
    })),
  );
}

/** The rows of "Øjebliksbilleder": time, plan, reason. */
function snapshotRows(page) {
  return page.locator('table.snapshots tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const [at, plan, reason] = [...tr.querySelectorAll('td')].map((td) => td.textContent.trim());
      return { at, plan, reason };
    }),
  );
}

function planRow(page, id) {
  return page.locator(`li.plan-row[data-plan="${id}"]`);
}

/** The last toast's message. */
function toast(page) {
  return page.locator('.toast-area .toast span').first();
}

/** A timestamp the way the app shows it: dd.mm.yyyy kl. hh.mm, Danish time. */
function danishTime(iso) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Copenhagen',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}.${parts.month}.${parts.year} kl. ${parts.hour}.${parts.minute}`;
}

const isoToDanish = (d) => d.split('-').reverse().join('.');
const danishToIso = (d) => d.split('.').reverse().join('-');

/** Adds a custom activity through "+ Tilføj aktivitet" in Aktiviteter; returns its id. */
async function addActivity(page, { title, task }) {
  await page.getByRole('button', { name: '+ Tilføj aktivitet' }).click();
  const form = page.locator('form.add-form');
  await form.getByLabel('Titel').fill(title);
  await form.locator('label', { hasText: 'Hovedopgave' }).locator('select').selectOption(String(task));
  await form.getByRole('button', { name: 'Tilføj', exact: true }).click();
  const r = page.locator(`section[data-group="t${task}"] li.activity-row`, { hasText: title });
  await expectCount(r, 1);
  return r.getAttribute('data-id');
}

/** Moves both dates of an activity a year later than they are (so the order stays valid). */
async function moveDatesAYear(page, id) {
  const info = await rowInfo(row(page, id));
  const [start] = info.dates.split(' – ');
  const year = Number(start.split('.')[2]) + 1;
  const editor = await openEditor(page, id);
  const dates = { start: `03.03.${year}`, due: `27.04.${year}` };
  await typeDate(editor.locator('input[name="due"]'), dates.due);
  await typeDate(editor.locator('input[name="start"]'), dates.start);
  await expectText(row(page, id).locator('.dates'), `${dates.start} – ${dates.due}`);
  return dates;
}

/** Waits until the stored plan satisfies `check`. */
function storedWhen(page, check, message) {
  return eventually(() => storedPlan(page), (p) => !!p && check(p), { message });
}

const activity = (plan, id) => plan.plan.activities.find((a) => a.id === id);

// ---------------------------------------------------------------------------

test('the JSON schema accepts a sound file and rejects broken ones', () => {
  const sound = {
    format: 'implan-plan',
    formatVersion: 1,
    appVersion: '0.1.0',
    savedAt: '2026-11-30T08:15:00.000Z',
    plan: {
      id: 'p-1',
      name: '',
      municipality: 'Ærø',
      solution: 'KY',
      created: '2026-11-30T08:00:00.000Z',
      modified: '2026-11-30T08:10:00.000Z',
      settingsModified: '2026-11-30T08:00:00.000Z',
      templateVersion: '2026.1',
      goLive: '2027-08-30',
      phases: ['F0', 'F1', 'F2', 'F3', 'F4'].map((phase, i) => ({ phase, start: `202${6 + (i > 2 ? 1 : 0)}-0${i + 1}-01`, end: `202${6 + (i > 2 ? 1 : 0)}-0${i + 1}-28` })),
      tasks: Array.from({ length: 16 }, (_, i) => ({ number: i + 1, phases: ['F2'], modified: '2026-11-30T08:00:00.000Z' })),
      activities: [
        {
          id: 't01-01', task: 1, phase: 'F2', title: 'Udpeg systemejer', description: '', start: '2027-02-06', due: '2027-03-09',
          responsible: 'Søren', role: '', status: 'faerdig', completed: '2027-03-01', notes: 'æøå', templateKey: 't01-01',
          modified: '2026-11-30T08:10:00.000Z',
        },
      ],
      tombstones: [{ id: 't01-02', deleted: '2026-11-30T08:05:00.000Z' }],
      exchanged: '1970-01-01T00:00:00.000Z',
      benefits: [
        {
          id: 'b-1', name: 'Frigjort tid', description: '', type: 'okonomisk-raderum', kind: 'gevinst', owner: 'Anne',
          accountable: 'Direktør', indicator: 'Lønudgift', unit: 'kr. pr. år', baseline: 1200000, baselineDate: '2026-01-01',
          target: 800000.5, targetDate: '2027-12-31', method: 'Lønsystem', frequency: 'kvartalsvis', tasks: [6], activities: ['t01-01'],
          measurements: [{ id: 'm-1', date: '2026-06-30', value: 1100000, comment: '', measuredBy: 'Controller', modified: '2026-11-30T08:10:00.000Z' }],
          modified: '2026-11-30T08:10:00.000Z',
        },
      ],
      benefitMap: {
        nodes: [
          { id: 'n-1', column: 'leverance', title: 'KY', description: '', tasks: [9], activities: ['t01-01'], benefit: null, modified: '2026-11-30T08:00:00.000Z' },
          { id: 'n-2', column: 'gevinst', title: 'Frigjort tid', description: '', tasks: [], activities: [], benefit: 'b-1', modified: '2026-11-30T08:00:00.000Z' },
        ],
        arrows: [{ id: 'r-1', from: 'n-1', to: 'n-2', modified: '2026-11-30T08:00:00.000Z' }],
      },
      benefitTombstones: [{ kind: 'measurement', id: 'm-0', deleted: '2026-11-30T08:05:00.000Z' }],
    },
  };
  assertValidFile(sound, 'the sound sample');
  const broken = (what, change) => {
    const copy = structuredClone(sound);
    change(copy);
    assert.equal(validatePlanFile(copy), false, `the schema should reject ${what}`);
  };
  broken('an unknown status', (f) => (f.plan.activities[0].status = 'done'));
  broken('a bad date', (f) => (f.plan.activities[0].due = '2027-02-30x'));
  broken('a Danish date', (f) => (f.plan.goLive = '30.08.2027'));
  broken('a phase F5', (f) => (f.plan.activities[0].phase = 'F5'));
  broken('task 17', (f) => (f.plan.activities[0].task = 17));
  broken('an extra field', (f) => (f.plan.activities[0].colour = 'red'));
  broken('a missing field', (f) => delete f.plan.activities[0].notes);
  broken('format version 2', (f) => (f.formatVersion = 2));
  broken('another format', (f) => (f.format = 'something'));
  broken('phases out of order', (f) => f.plan.phases.reverse());
  broken('a completion date on an unfinished activity', (f) => (f.plan.activities[0].status = 'i-gang'));
  broken('a blank title', (f) => (f.plan.activities[0].title = '  '));
  broken('a timestamp without milliseconds', (f) => (f.savedAt = '2026-11-30T08:15:00Z'));
  broken('an unknown benefit type', (f) => (f.plan.benefits[0].type = 'penge'));
  broken('a measurement value as Danish text', (f) => (f.plan.benefits[0].measurements[0].value = '1.100.000'));
  broken('an unknown map column', (f) => (f.plan.benefitMap.nodes[0].column = 'resultat'));
  broken('an arrow without its target', (f) => delete f.plan.benefitMap.arrows[0].to);
  broken('an unknown tombstone kind', (f) => (f.plan.benefitTombstones[0].kind = 'aktivitet'));
});

test('export, then import into a fresh browser profile: the same plan, edits and custom activity', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page, { municipality: 'Aarhus', solution: 'SAPA' });
    await gotoActivities(page);
    const rows = page.locator('li.activity-row');
    const edited = (await rowInfo(rows.nth(0))).id;
    const finished = (await rowInfo(rows.nth(4))).id;
    const deleted = await rowInfo(rows.nth(7));
    const dates = await moveDatesAYear(page, edited);
    const editor = page.locator('aside.editor');
    await editor.locator('select[name="status"]').selectOption('i-gang');
    await editor.locator('input[name="responsible"]').fill('Søren Ærbø');
    await editor.locator('input[name="role"]').fill('Projektleder');
    await editor.locator('textarea[name="notes"]').fill('Aftalt på styregruppemødet: økonomi & tidsplan «godkendt».');
    await editor.getByRole('button', { name: 'Luk', exact: true }).click();
    await row(page, finished).locator('input.done-box').click();
    const custom = await addActivity(page, { title: 'Egen aktivitet: møde med Ældrerådet', task: 5 });
    await row(page, deleted.id).locator('button.delete').click();
    await expectText(countLine(page), `${TOTAL} aktiviteter`);
    const local = await storedWhen(page, (p) => p.plan.tombstones.length === 1 && activity(p, edited).notes.includes('godkendt'));

    const file = await exportPlan(page);
    assert.match(file.name, /^aarhus-sapa-\d{4}-\d{2}-\d{2}\.implan\.json$/);
    await expectText(toast(page), `Planen er eksporteret som ${file.name}.`);
    const out = file.json.plan;
    assert.equal(file.json.formatVersion, 1);
    assert.equal(out.activities.length, TOTAL);
    assert.deepEqual(
      { ...activity(file.json, edited), modified: 0 },
      {
        ...activity(local, edited),
        modified: 0,
        status: 'i-gang',
        start: danishToIso(dates.start),
        due: danishToIso(dates.due),
        responsible: 'Søren Ærbø',
        role: 'Projektleder',
      },
    );
    assert.equal(activity(file.json, finished).status, 'faerdig');
    assert.equal(activity(file.json, custom).templateKey, null);
    assert.deepEqual(out.tombstones.map((t) => t.id), [deleted.id]);

    // A fresh browser profile: nothing stored, Ny plan is shown.
    await withApp(env, async ({ page: other }) => {
      await other.getByRole('heading', { level: 1, name: 'Ny plan' }).waitFor();
      assert.deepEqual(await planKeys(other), []);
      await chooseFile(other, file);
      const dialog = previewDialog(other);
      await dialog.waitFor();
      // Nothing is open: only "new plan" is possible, and it is chosen.
      assert.equal(await dialog.getByRole('radio', { name: CHOICES.new }).isChecked(), true);
      assert.equal(await dialog.getByRole('radio', { name: CHOICES.replace }).isDisabled(), true);
      assert.equal(await dialog.getByRole('radio', { name: CHOICES.merge }).isDisabled(), true);
      await dialog.getByRole('button', { name: 'Importér', exact: true }).click();
      await expectText(other.locator('#plan-heading'), 'Aarhus Kommune · SAPA');
      await expectText(toast(other), 'Planen er importeret og åbnet.');

      await gotoActivities(other);
      await expectText(countLine(other), `${TOTAL} aktiviteter`);
      const r = row(other, edited);
      await expectText(r.locator('.status'), 'I gang');
      await expectText(r.locator('.dates'), `${dates.start} – ${dates.due}`);
      await expectText(r.locator('.responsible'), 'Søren Ærbø');
      const ed = await openEditor(other, edited);
      assert.equal(await ed.locator('textarea[name="notes"]').inputValue(), 'Aftalt på styregruppemødet: økonomi & tidsplan «godkendt».');
      assert.equal(await ed.locator('input[name="role"]').inputValue(), 'Projektleder');
      assert.equal((await rowInfo(row(other, finished))).done, true);
      const mine = await rowInfo(row(other, custom));
      assert.equal(mine.title, 'Egen aktivitet: møde med Ældrerådet');
      assert.equal(mine.user, true, 'the custom activity is marked "Egen"');
      await expectCount(row(other, deleted.id), 0);

      // Stored in the new profile exactly as exported: same id, activities, tombstones.
      const there = await storedWhen(other, (p) => p.plan.id === out.id);
      assert.deepEqual(there.plan.activities, out.activities);
      assert.deepEqual(there.plan.tombstones, out.tombstones);
      assert.deepEqual(there.plan.phases, out.phases);
      assert.deepEqual(there.plan.tasks, out.tasks);
      assert.equal(there.plan.goLive, out.goLive);

      // Exporting it again gives the same plan.
      const again = await exportPlan(other);
      assert.deepEqual(again.json.plan.activities, out.activities);
      assert.deepEqual(again.json.plan.tombstones, out.tombstones);
    });
  });
});

test('a broken file is refused with a message naming the problem, and nothing changes', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page, { municipality: 'Vejle', solution: 'KY' });
    await gotoActivities(page);
    const first = (await rowInfo(page.locator('li.activity-row').first())).id;
    await row(page, first).locator('input.done-box').click();
    await storedWhen(page, (p) => activity(p, first).status === 'faerdig');
    const good = await exportPlan(page);
    // A second stored plan, so there is more to keep intact.
    await newPlan(page, { municipality: 'Odense', solution: 'KSD' });
    await eventually(() => planKeys(page).then((k) => k.length), 2);
    await gotoPlans(page);
    await page.waitForTimeout(300); // past the save delay
    const before = await allStorage(page);

    const withChange = (change) => {
      const copy = structuredClone(good.json);
      change(copy);
      return JSON.stringify(copy, null, 2);
    };
    let deep = '0';
    for (let i = 0; i < 40; i++) deep = `[${deep}]`;
    const cases = [
      {
        what: 'invalid JSON',
        file: { name: 'ødelagt.implan.json', text: good.text.slice(0, 2000) },
        message: /^Filen er ikke en gyldig Implan-fil: den er ødelagt eller ikke JSON \(fejl i linje \d+, kolonne \d+\)\. /,
      },
      {
        what: 'an empty file',
        file: { name: 'tom.implan.json', text: '' },
        message: /^Filen er tom\. Den er måske ikke blevet gemt helt; bed afsenderen om at eksportere planen igen\.$/,
      },
      {
        what: 'JSON that is not an Implan plan',
        file: { name: 'indkøb.json', text: JSON.stringify({ title: 'Indkøbsliste', items: ['mælk', 'rugbrød'] }) },
        message: /^Filen er ikke en Implan-plan \(feltet "format" mangler eller er ikke "implan-plan"\)/,
      },
      {
        what: 'a newer format version',
        file: { name: 'fremtid.implan.json', text: withChange((f) => (f.formatVersion = 99)) },
        message: /^Filen er gemt i formatversion 99, men denne udgave af Implan kan kun læse op til version 1\./,
      },
      {
        what: 'an invalid date',
        file: { name: 'dato.implan.json', text: withChange((f) => (f.plan.activities[3].due = '2027-02-30')) },
        message: /^Feltet "plan\.activities\[3\]\.due" er ikke en gyldig dato \("2027-02-30"; forventet ÅÅÅÅ-MM-DD\)\. Filen er ikke indlæst\. Den er måske rettet uden for Implan; bed afsenderen om at eksportere planen igen\.$/,
      },
      {
        what: 'an unknown status',
        file: { name: 'status.implan.json', text: withChange((f) => (f.plan.activities[10].status = 'done')) },
        message: /^Feltet "plan\.activities\[10\]\.status" er ikke en kendt status \("done"/,
      },
      {
        what: 'a missing municipality',
        file: { name: 'kommune.implan.json', text: withChange((f) => delete f.plan.municipality) },
        message: /^Feltet "plan\.municipality" mangler eller er tomt\./,
      },
      {
        what: 'data nested too deep',
        file: { name: 'dyb.implan.json', text: `{"format":"implan-plan","formatVersion":1,"plan":{"x":${deep}}}` },
        message: /indlejret for dybt \(mere end 32 niveauer\)/,
      },
      {
        what: 'a file over 20 MB',
        file: { name: 'stor.implan.json', buffer: Buffer.alloc(21 * 1024 * 1024, 0x20) },
        message: /^Filen fylder 21[.,]0 MB; Implan kan højst læse 20 MB\./,
      },
    ];
    for (const c of cases) {
      await chooseFile(page, c.file);
      const dialog = refusalDialog(page);
      await dialog.waitFor();
      await expectText(dialog.locator('.file-name'), c.file.name);
      const message = await text(dialog.locator('.error'));
      assert.match(message, c.message, `${c.what}: ${message}`);
      await expectText(dialog.locator('p').last(), 'Intet er ændret: dine gemte planer er, som de var.');
      await expectCount(previewDialog(page), 0);
      await dialog.getByRole('button', { name: 'OK' }).click();
      await expectCount(dialog, 0);
      assert.deepEqual(await allStorage(page), before, `${c.what}: localStorage is unchanged, byte for byte`);
      await expectText(page.locator('.topbar .plan-title'), 'Odense · KSD');
    }
    await page.screenshot({ path: '/tmp/e2e-share-refused.png' });
    // Still unchanged after the save delay.
    await page.waitForTimeout(400);
    assert.deepEqual(await allStorage(page), before);
    assert.equal((await planRows(page)).length, 2);
  });
});

test('dropping a file on the window shows the preview; importing it adds a plan', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page, { municipality: 'Aalborg', solution: 'STS' });
    const file = await exportPlan(page);
    await gotoActivities(page);

    const transfer = await page.evaluateHandle(
      ({ name, text }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type: 'application/json' }));
        return dt;
      },
      { name: file.name, text: file.text },
    );
    const dispatch = (type) =>
      page.evaluate(
        ([type, dt]) => {
          const ev = new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true });
          document.querySelector('main').dispatchEvent(ev);
          return { prevented: ev.defaultPrevented, hint: document.body.classList.contains('dropping') };
        },
        [type, transfer],
      );
    // Dragging over the window accepts the file (default prevented) and shows a hint.
    assert.deepEqual(await dispatch('dragover'), { prevented: true, hint: true });
    // Dropping takes the file (the browser must not open it) and removes the hint.
    assert.deepEqual(await dispatch('drop'), { prevented: true, hint: false });

    const dialog = previewDialog(page);
    await dialog.waitFor();
    await expectText(dialog.locator('.file-name'), file.name);
    const facts = await previewFacts(dialog);
    assert.equal(facts.Kommune, 'Aalborg');
    assert.equal(facts['Løsning'], 'STS');
    await page.screenshot({ path: '/tmp/e2e-share-drop-preview.png' });
    await dialog.getByRole('radio', { name: CHOICES.new }).check();
    await dialog.getByRole('button', { name: 'Importér', exact: true }).click();
    await expectText(toast(page), 'Planen er importeret og åbnet.');
    await gotoPlans(page);
    await expectCount(page.locator('li.plan-row'), 2);
  });
});

test('the import button shows only its Danish label and is reached and marked by keyboard', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoPlans(page);
    const input = page.getByLabel('Importér plan fra fil …');
    const label = page.locator('label.file-button');
    // The browser's own "Choose File / No file chosen" is not shown.
    assert.equal(await input.evaluate((el) => getComputedStyle(el).opacity), '0');
    const box = await label.boundingBox();
    for (const [fx, fy] of [[0.05, 0.5], [0.5, 0.5], [0.95, 0.5]]) {
      const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.type, [box.x + box.width * fx, box.y + box.height * fy]);
      assert.equal(hit, 'file', 'a click anywhere on the label hits the file input');
    }
    await input.focus();
    assert.equal(await label.evaluate((el) => getComputedStyle(el).outlineStyle), 'solid', 'focus is visible');
    await label.screenshot({ path: '/tmp/e2e-share-import-button.png' });
  });
});

test('preview shows what the file holds; "Åbn som en ny plan" adds a second plan', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page, { municipality: 'Vejle', solution: 'KY' });
    await gotoActivities(page);
    for (const n of [1, 2]) await page.locator('li.activity-row input.done-box').nth(n).click();
    await addActivity(page, { title: 'Egen: test af snitflader', task: 9 });
    await storedWhen(page, (p) => p.plan.activities.length === TOTAL + 1);
    const file = await exportPlan(page);
    const [original] = await planRows(page);

    await chooseFile(page, file);
    const dialog = previewDialog(page);
    await dialog.waitFor();
    assert.deepEqual(await previewFacts(dialog), {
      Kommune: 'Vejle',
      'Løsning': 'KY',
      Aktiviteter: `${TOTAL + 1} (2 færdige)`,
      Gevinster: '0 gevinstprofiler, 0 målinger',
      'Senest ændret': danishTime(file.json.plan.modified),
      Formatversion: '1',
    });
    await expectText(dialog.locator('.file-name'), file.name);
    // The file is a copy of the open plan: merging is offered and chosen.
    assert.equal(await dialog.getByRole('radio', { name: CHOICES.merge }).isChecked(), true);
    assert.equal(await dialog.getByRole('radio', { name: /^Erstat den åbne plan \(Vejle · KY\)$/ }).isDisabled(), false);
    await page.screenshot({ path: '/tmp/e2e-share-preview.png' });
    // Cancelling changes nothing.
    const before = await allStorage(page);
    await dialog.getByRole('button', { name: 'Annullér' }).click();
    await expectCount(dialog, 0);
    assert.deepEqual(await allStorage(page), before);

    await importFile(page, file, 'new');
    await expectText(toast(page), 'Planen er importeret og åbnet.');
    await expectText(page.locator('#plan-heading'), 'Vejle Kommune · KY');
    await gotoPlans(page);
    const plans = await planRows(page);
    assert.equal(plans.length, 2, 'a second plan in Mine planer');
    const copy = plans.find((p) => p.id !== original.id);
    assert.ok(copy, 'the imported copy has its own id');
    assert.equal(copy.open, true, 'the imported plan is open');
    assert.equal(copy.name, 'Vejle · KY (importeret)', 'the copy is told apart from the original');
    assert.equal(plans.find((p) => p.id === original.id).name, 'Vejle · KY');
    assert.match(copy.meta, new RegExp(`· ${TOTAL + 1} aktiviteter ·`));
    assert.equal(plans.find((p) => p.id === original.id).open, false);
    assert.equal((await planKeys(page)).length, 2);
    const snaps = await snapshotRows(page);
    assert.ok(snaps.some((s) => s.reason === 'Før import' && s.plan === 'Vejle · KY'), JSON.stringify(snaps));
    // The copy holds the same activities.
    const stored = await storedPlan(page);
    assert.equal(stored.plan.id, copy.id);
    assert.deepEqual(stored.plan.activities, file.json.plan.activities);
  });
});

test('a file from a computer whose clock runs ahead: the preview says so, and its change times are set to now', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page, { municipality: 'Vejle', solution: 'KY' });
    const file = await exportPlan(page);
    const json = structuredClone(file.json);
    const id = json.plan.activities[0].id;
    json.plan.activities[0].title = 'Rettet hos kollegaen';
    json.plan.activities[0].modified = '2090-01-01T08:00:00.000Z';
    json.plan.modified = '2090-01-01T08:00:00.000Z';
    await chooseFile(page, { name: 'kollega.implan.json', text: JSON.stringify(json) });
    const dialog = previewDialog(page);
    await expectText(dialog.locator('.clock-note'),
      '2 ændringstider i planen lå ude i fremtiden (senest 01.01.2090): afsenderens ur gik nok forkert. De er sat til nu.');
    await page.screenshot({ path: '/tmp/e2e-share-clock-ahead.png' });
    await dialog.getByRole('radio', { name: CHOICES.merge }).check();
    await dialog.getByRole('button', { name: 'Importér', exact: true }).click();
    await expectCount(dialog, 0);
    const stored = await storedWhen(page, (p) => activity(p, id).title === 'Rettet hos kollegaen');
    const soon = Date.now() + 10 * 60 * 1000;
    assert.ok(Date.parse(activity(stored, id).modified) <= soon, activity(stored, id).modified);
    assert.ok(Date.parse(stored.plan.modified) <= soon, stored.plan.modified);
    // Mine planer does not say the plan was changed in 2090.
    await gotoPlans(page);
    assert.doesNotMatch(await page.locator('li.plan-row').first().textContent(), /2090/);
    // A file whose times are right gets no such note.
    await chooseFile(page, file);
    await previewDialog(page).waitFor();
    await expectCount(previewDialog(page).locator('.clock-note'), 0);
  });
});

test('"Erstat den åbne plan" replaces the open plan; the snapshot restores it', async () => {
  let odense;
  await withApp(env, async ({ page }) => {
    await newPlan(page, { municipality: 'Odense', solution: 'KSD' });
    odense = await exportPlan(page);
  });
  await withApp(env, async ({ page }) => {
    await newPlan(page, { municipality: 'Vejle', solution: 'KY' });
    await gotoActivities(page);
    const done = (await rowInfo(page.locator('li.activity-row').nth(3))).id;
    await row(page, done).locator('input.done-box').click();
    const vejle = await storedWhen(page, (p) => activity(p, done).status === 'faerdig');

    await chooseFile(page, odense);
    const dialog = previewDialog(page);
    await dialog.waitFor();
    // Another plan: merging is not possible, "new plan" is chosen.
    assert.equal(await dialog.getByRole('radio', { name: CHOICES.merge }).isDisabled(), true);
    assert.equal(await dialog.getByRole('radio', { name: CHOICES.new }).isChecked(), true);
    await dialog.getByRole('radio', { name: 'Erstat den åbne plan (Vejle · KY)' }).check();
    await dialog.getByRole('button', { name: 'Importér', exact: true }).click();
    await expectText(toast(page), 'Den åbne plan er erstattet af filens plan. Den tidligere version ligger under øjebliksbilleder.');
    await expectText(page.locator('#plan-heading'), 'Odense Kommune · KSD');

    await gotoPlans(page);
    assert.deepEqual((await planRows(page)).map((p) => [p.id, p.open]), [[odense.json.plan.id, true]]);
    const snaps = await snapshotRows(page);
    assert.deepEqual(
      snaps.filter((s) => s.reason === 'Før planen blev erstattet').map((s) => s.plan),
      ['Vejle · KY (slettet)'],
      'one snapshot of the replaced plan (no longer stored)',
    );
    // Restore the replaced plan from its snapshot.
    await page.locator('table.snapshots tbody tr', { hasText: 'Før planen blev erstattet' }).first().getByRole('button', { name: 'Gendan' }).click();
    await expectText(toast(page), 'Øjebliksbilledet er gendannet og åbnet.');
    await expectText(page.locator('#plan-heading'), 'Vejle Kommune · KY');
    const back = await storedWhen(page, (p) => p.plan.id === vejle.plan.id);
    assert.equal(activity(back, done).status, 'faerdig');
    assert.deepEqual(back.plan.activities, vejle.plan.activities);
    await gotoPlans(page);
    assert.equal((await planRows(page)).length, 2);
  });
});

test('"Flet ind": changes from both sides are kept, a conflict is chosen, Ctrl+Z undoes the merge', async () => {
  await withApp(env, async ({ page: local }) => {
    await newPlan(local, { municipality: 'Vejle', solution: 'KY' });
    await gotoActivities(local);
    const ids = await local.locator('li.activity-row').evaluateAll((lis) => lis.slice(0, 3).map((li) => li.dataset.id));
    const [A, B, C] = ids;
    const titleC = (await rowInfo(row(local, C))).title;
    const shared = await exportPlan(local);

    // The colleague imports the file in their own browser, edits A and C, and sends it back.
    let back;
    await withApp(env, async ({ page: remote }) => {
      await importFile(remote, shared, 'new');
      await gotoActivities(remote);
      let ed = await openEditor(remote, A);
      await ed.locator('input[name="responsible"]').fill('Fra filen A');
      ed = await openEditor(remote, C);
      await ed.locator('input[name="responsible"]').fill('Filens C');
      await ed.locator('select[name="status"]').selectOption('blokeret');
      await storedWhen(remote, (p) => activity(p, C).status === 'blokeret' && activity(p, A).responsible === 'Fra filen A');
      back = await exportPlan(remote);
    });
    assert.equal(back.json.plan.id, shared.json.plan.id, 'the copy keeps the plan id');

    // Meanwhile, here: B and C change.
    await gotoActivities(local);
    let ed = await openEditor(local, B);
    await ed.locator('input[name="responsible"]').fill('Lokal B');
    ed = await openEditor(local, C);
    await ed.locator('input[name="responsible"]').fill('Lokal C');
    await ed.getByRole('button', { name: 'Luk', exact: true }).click();
    await storedWhen(local, (p) => activity(p, C).responsible === 'Lokal C' && activity(p, B).responsible === 'Lokal B');

    await chooseFile(local, back);
    const preview = previewDialog(local);
    await preview.waitFor();
    assert.equal(await preview.getByRole('radio', { name: CHOICES.merge }).isChecked(), true);
    await preview.getByRole('button', { name: 'Importér', exact: true }).click();

    const merge = local.getByRole('dialog', { name: 'Flet planer: vælg version' });
    await merge.waitFor();
    await expectText(merge.locator('p').first(), /^1 ændring fra filen flettes ind uden problemer\. 1 post er ændret både her og i filen/);
    const conflicts = merge.locator('fieldset.conflict');
    await expectCount(conflicts, 1);
    await expectText(conflicts.locator('legend'), `Aktivitet «${titleC}»`);
    const mine = conflicts.locator('label', { hasText: 'Min version' });
    const theirs = conflicts.locator('label', { hasText: 'Filens version' });
    await expectText(mine, /Ansvarlig: Lokal C/);
    await expectText(theirs, /Ansvarlig: Filens C/);
    await expectText(theirs, /Status: Blokeret/);
    assert.equal(await mine.locator('input[type="radio"]').isChecked(), true, '"Min version" is chosen at first');
    await local.screenshot({ path: '/tmp/e2e-share-merge.png' });
    // Nothing is stored before the choice.
    assert.equal(activity(await storedPlan(local), A).responsible, '');
    await theirs.locator('input[type="radio"]').check();
    await merge.getByRole('button', { name: 'Flet med mine valg' }).click();
    await expectCount(merge, 0);
    await expectText(toast(local), 'Filen er flettet ind i planen. Fortryd (Ctrl+Z) tager fletningen tilbage.');

    await gotoActivities(local);
    await expectText(row(local, A).locator('.responsible'), 'Fra filen A');
    await expectText(row(local, B).locator('.responsible'), 'Lokal B');
    await expectText(row(local, C).locator('.responsible'), 'Filens C');
    await expectText(row(local, C).locator('.status'), 'Blokeret');
    await storedWhen(
      local,
      (p) => activity(p, A).responsible === 'Fra filen A' && activity(p, B).responsible === 'Lokal B' && activity(p, C).responsible === 'Filens C',
      'the merged plan is saved',
    );
    await gotoPlans(local);
    assert.ok((await snapshotRows(local)).some((s) => s.reason === 'Før fletning'));

    // Ctrl+Z takes the whole merge back.
    await gotoActivities(local);
    await local.locator('h1').click();
    await local.keyboard.press('Control+z');
    await expectText(row(local, A).locator('.responsible'), 'Ingen ansvarlig');
    await expectText(row(local, C).locator('.responsible'), 'Lokal C');
    await expectText(row(local, C).locator('.status'), 'Ikke startet');
    await expectText(row(local, B).locator('.responsible'), 'Lokal B');
    await storedWhen(local, (p) => activity(p, A).responsible === '' && activity(p, C).responsible === 'Lokal C', 'the undo is saved');

    // Redo it, then restore the snapshot taken before the merge instead.
    await local.keyboard.press('Control+Shift+z');
    await expectText(row(local, A).locator('.responsible'), 'Fra filen A');
    await gotoPlans(local);
    await local.locator('table.snapshots tbody tr', { hasText: 'Før fletning' }).getByRole('button', { name: 'Gendan' }).click();
    await expectText(toast(local), 'Øjebliksbilledet er gendannet. Fortryd (Ctrl+Z) tager det tilbage.');
    const restored = await storedWhen(local, (p) => activity(p, A).responsible === '', 'the restored plan is saved');
    assert.equal(activity(restored, C).responsible, 'Lokal C');
    assert.equal(activity(restored, B).responsible, 'Lokal B');
  });
});

test('a plan exported from its row in "Mine planer" while another is open comes back without false conflicts', async () => {
  await withApp(env, async ({ page: local }) => {
    await newPlan(local, { municipality: 'Vejle', solution: 'KY' });
    await gotoActivities(local);
    const id = (await rowInfo(local.locator('li.activity-row').first())).id;
    // The project leader fills in who is responsible before sending the plan.
    const ed = await openEditor(local, id);
    await ed.locator('input[name="responsible"]').fill('Mette');
    await storedWhen(local, (p) => activity(p, id).responsible === 'Mette');
    const vejle = (await storedPlan(local)).plan.id;
    await newPlan(local, { municipality: 'Odense', solution: 'SAPA' });
    await gotoPlans(local);
    const shared = await download(local, () => planRow(local, vejle).getByRole('button', { name: 'Eksportér' }).click());
    shared.json = JSON.parse(shared.text);

    // The colleague marks the activity done and sends the plan back.
    let back;
    await withApp(env, async ({ page: remote }) => {
      await importFile(remote, shared, 'new');
      await gotoActivities(remote);
      await row(remote, id).locator('input.done-box').click();
      await storedWhen(remote, (p) => activity(p, id).status === 'faerdig');
      back = await exportPlan(remote);
    });

    // Back home: the colleague's change merges in; nothing was changed on both sides.
    await gotoPlans(local);
    await planRow(local, vejle).getByRole('button', { name: 'Åbn' }).click();
    await expectText(local.locator('#plan-heading'), 'Vejle Kommune · KY');
    await chooseFile(local, back);
    const preview = previewDialog(local);
    await preview.waitFor();
    await preview.getByRole('radio', { name: CHOICES.merge }).check();
    await preview.getByRole('button', { name: 'Importér', exact: true }).click();
    await expectCount(preview, 0);
    await expectCount(local.getByRole('dialog', { name: 'Flet planer: vælg version' }), 0);
    await expectText(toast(local), /^Filen er flettet ind i planen/);
    await storedWhen(local, (p) => activity(p, id).status === 'faerdig' && activity(p, id).responsible === 'Mette');
  });
});

test('two tabs: an edit shows in the other tab at once; a stale tab merges different records', async () => {
  await withApp(env, async ({ page: one, context }) => {
    await newPlan(one, { municipality: 'Vejle', solution: 'KY' });
    await gotoActivities(one);
    const ids = await one.locator('li.activity-row').evaluateAll((lis) => lis.slice(0, 4).map((li) => li.dataset.id));
    const two = await context.newPage();
    await openApp(two, '#/aktiviteter');
    await expectText(countLine(two), `${TOTAL} aktiviteter`);
    await two.evaluate(() => (window.__sameDocument = true));

    // An edit in tab 1 shows in tab 2 within a second, without a reload.
    await row(one, ids[0]).locator('input.done-box').click();
    await expectText(row(two, ids[0]).locator('.status'), 'Færdig', { timeout: 1000 });
    assert.equal(await two.evaluate(() => window.__sameDocument), true, 'tab 2 was not reloaded');

    // Tab 2 edits while tab 1 has just saved a newer revision (of another record).
    const check = (page, id) => page.evaluate((id) => document.querySelector(`li.activity-row[data-id="${id}"] input.done-box`).click(), id);
    await check(one, ids[1]);
    await new Promise((r) => setTimeout(r, 100)); // tab 1 saves 200 ms after its edit
    await check(two, ids[2]);
    // Both edits are kept, in both tabs and in storage.
    for (const page of [one, two]) {
      for (const id of ids.slice(0, 3)) await expectText(row(page, id).locator('.status'), 'Færdig', { timeout: 2000 });
    }
    const stored = await storedWhen(one, (p) => ids.slice(0, 3).every((id) => activity(p, id).status === 'faerdig'));
    assert.equal(activity(stored, ids[3]).status, 'ikke-startet');
    await expectCount(two.getByRole('dialog', { name: 'Planen er også ændret i en anden fane' }), 0);
    await expectCount(one.getByRole('dialog', { name: 'Planen er også ændret i en anden fane' }), 0);
    // Settled: a later reload of either tab shows the same.
    await one.waitForTimeout(400);
    const after = await storedPlan(one);
    assert.ok(ids.slice(0, 3).every((id) => activity(after, id).status === 'faerdig'));
    await two.close();
  });
});

test('two tabs: a stale tab that changed the same record asks "Planen er også ændret i en anden fane"', async () => {
  await withApp(env, async ({ page: one, context }) => {
    await newPlan(one, { municipality: 'Vejle', solution: 'KY' });
    await gotoActivities(one);
    const id = (await rowInfo(one.locator('li.activity-row').nth(5))).id;
    const two = await context.newPage();
    await openApp(two, '#/aktiviteter');
    const edOne = await openEditor(one, id);
    const edTwo = await openEditor(two, id);
    const type = (page, value) =>
      page.evaluate((value) => {
        const input = document.querySelector('aside.editor input[name="responsible"]');
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, value);
    const stale = async (first, second) => {
      await type(one, first);
      await new Promise((r) => setTimeout(r, 100)); // tab 1 saves 200 ms after its edit
      await type(two, second);
      const dialog = two.getByRole('dialog', { name: 'Planen er også ændret i en anden fane' });
      await dialog.waitFor();
      // Nothing from tab 2 is saved before the choice.
      await one.waitForTimeout(400);
      assert.equal(activity(await storedPlan(one), id).responsible, first);
      await expectText(dialog.locator('fieldset.conflict legend'), /^Aktivitet «/);
      await expectText(dialog.locator('label', { hasText: 'Min version' }), new RegExp(`Ansvarlig: ${second}`));
      await expectText(dialog.locator('label', { hasText: 'Den anden fanes version' }), new RegExp(`Ansvarlig: ${first}`));
      return dialog;
    };

    // Round 1: take the other tab's version.
    let dialog = await stale('Anne fra fane 1', 'Bo fra fane 2');
    await two.screenshot({ path: '/tmp/e2e-share-tab-conflict.png' });
    await dialog.locator('label', { hasText: 'Den anden fanes version' }).locator('input').check();
    await dialog.getByRole('button', { name: 'Gem med mine valg' }).click();
    await expectCount(dialog, 0);
    await eventually(() => edTwo.locator('input[name="responsible"]').inputValue(), 'Anne fra fane 1');
    await storedWhen(one, (p) => activity(p, id).responsible === 'Anne fra fane 1');
    await expectText(row(one, id).locator('.responsible'), 'Anne fra fane 1');

    // Round 2: keep this tab's version; tab 1 follows.
    dialog = await stale('Anne igen', 'Bo igen');
    await dialog.getByRole('button', { name: 'Gem med mine valg' }).click();
    await expectCount(dialog, 0);
    await storedWhen(one, (p) => activity(p, id).responsible === 'Bo igen');
    await expectText(row(one, id).locator('.responsible'), 'Bo igen', { timeout: 1000 });
    await eventually(() => edOne.locator('input[name="responsible"]').inputValue(), 'Bo igen');

    // Round 3: discard this tab's change and load the stored plan.
    dialog = await stale('Cecilie', 'Dorte');
    await dialog.getByRole('button', { name: 'Kassér mine ændringer og hent den gemte plan' }).click();
    await expectCount(dialog, 0);
    await expectText(row(two, id).locator('.responsible'), 'Cecilie');
    await two.waitForTimeout(400);
    assert.equal(activity(await storedPlan(two), id).responsible, 'Cecilie');
    await two.close();
  });
});

test('two tabs: undoing a deletion in one tab brings the activity back in the other, without asking', async () => {
  await withApp(env, async ({ page: one, context }) => {
    await newPlan(one, { municipality: 'Vejle', solution: 'KY' });
    await gotoActivities(one);
    const id = (await rowInfo(one.locator('li.activity-row').nth(1))).id;
    const two = await context.newPage();
    await openApp(two, '#/aktiviteter');
    await expectText(countLine(two), `${TOTAL} aktiviteter`);
    const editor = await openEditor(one, id);
    await editor.getByRole('button', { name: 'Slet aktivitet' }).click();
    await expectText(countLine(two), `${TOTAL - 1} aktiviteter`);
    await one.locator('.topbar .history').getByRole('button', { name: '↶ Fortryd' }).click();
    await expectText(countLine(one), `${TOTAL} aktiviteter`);
    // Tab 2 changed nothing: it takes the undo, and has nothing to ask.
    await expectText(countLine(two), `${TOTAL} aktiviteter`);
    await expectCount(row(two, id), 1);
    await two.waitForTimeout(400);
    await expectCount(two.getByRole('dialog', { name: 'Planen er også ændret i en anden fane' }), 0);
    await storedWhen(one, (p) => !!activity(p, id) && !p.plan.tombstones.some((t) => t.id === id));
    await two.close();
  });
});

test('two tabs: a snapshot restored in one tab is kept, and the idle other tab shows it', async () => {
  await withApp(env, async ({ page: one, context }) => {
    await newPlan(one, { municipality: 'Vejle', solution: 'KY' });
    await gotoActivities(one);
    const ids = await one.locator('li.activity-row').evaluateAll((lis) => lis.slice(0, 3).map((li) => li.dataset.id));
    const two = await context.newPage();
    await openApp(two, '#/aktiviteter');
    await expectText(countLine(two), `${TOTAL} aktiviteter`);
    for (const id of ids) await row(one, id).locator('input.done-box').click();
    await expectText(row(two, ids[2]).locator('.status'), 'Færdig');
    await storedWhen(one, (p) => ids.every((id) => activity(p, id).status === 'faerdig'));
    // Restore the day's first snapshot (the new plan, nothing done).
    await gotoPlans(one);
    const first = one.locator('table.snapshots tbody tr', { hasText: 'Dagens første ændring' });
    await first.getByRole('button', { name: 'Gendan' }).click();
    await expectText(toast(one), /Øjebliksbilledet er gendannet/);
    for (const id of ids) await expectText(row(two, id).locator('.status'), 'Ikke startet');
    // Tab 2 does not write its older-looking version back.
    await one.waitForTimeout(800);
    const stored = await storedPlan(one);
    assert.deepEqual(ids.map((id) => activity(stored, id).status), ['ikke-startet', 'ikke-startet', 'ikke-startet']);
    await gotoActivities(one);
    for (const id of ids) await expectText(row(one, id).locator('.status'), 'Ikke startet');
    await expectCount(two.getByRole('dialog'), 0);
    await two.close();
  });
});

// Bug: Store::save_checked (src/storage/store.rs) reads the revision and
// writes revision + 1 as two separate steps, and revisions are plain
// counters: two tabs saving within the same few milliseconds (each before
// it sees the other's write) both write revision N + 1, and each then
// ignores the other's storage event (`stored <= BASE_REV` in
// install_tab_sync, src/ui/persist.rs). One edit is silently lost from
// storage and the tabs disagree until reloaded.
const SIMULTANEOUS_BUG =
  'bug: two tabs saving at the same moment both write the same revision number; one edit is lost from storage and each tab keeps only its own (src/storage/store.rs save_checked, src/ui/persist.rs install_tab_sync)';

test('two tabs: edits made at the same moment in both tabs are both kept', async () => {
  await withApp(env, async ({ page: one, context }) => {
    await newPlan(one, { municipality: 'Vejle', solution: 'KY' });
    await gotoActivities(one);
    const ids = await one.locator('li.activity-row').evaluateAll((lis) => lis.slice(0, 8).map((li) => li.dataset.id));
    const two = await context.newPage();
    await openApp(two, '#/aktiviteter');
    await expectText(countLine(two), `${TOTAL} aktiviteter`);
    const check = (page, id) => page.evaluate((id) => document.querySelector(`li.activity-row[data-id="${id}"] input.done-box`).click(), id);
    const shown = (page) => page.locator('li.activity-row.done').evaluateAll((lis) => lis.map((li) => li.dataset.id).sort());
    // A few rounds: each tab checks off another activity at the same moment.
    const done = [];
    for (let round = 0; round < 4; round++) {
      const [a, b] = [ids[2 * round], ids[2 * round + 1]];
      await Promise.all([check(one, a), check(two, b)]);
      done.push(a, b);
      // Saves, storage events and merges settle (a lost edit never does).
      const storedDone = async () => (await storedPlan(one)).plan.activities.filter((x) => x.status === 'faerdig').map((x) => x.id).sort();
      await eventually(storedDone, [...done].sort(), { message: `round ${round + 1}: both edits are stored` });
      await eventually(() => shown(one), [...done].sort(), { message: `round ${round + 1}: tab 1 shows both edits` });
      await eventually(() => shown(two), [...done].sort(), { message: `round ${round + 1}: tab 2 shows both edits` });
    }
    await two.close();
  });
});

test('full storage: "Planen er ikke gemt", the warning, the last saved plan intact, export still works', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page, { municipality: 'Vejle', solution: 'KY' });
    await gotoActivities(page);
    const id = (await rowInfo(page.locator('li.activity-row').first())).id;
    const savedText = await storedPlanText(page);
    const planKey = (await planKeys(page))[0];

    // Other data on the site fills the storage to the brim.
    const junk = await page.evaluate(() => {
      let size = 1 << 20;
      let n = 0;
      while (size >= 1) {
        try {
          localStorage.setItem(`junk.${n}`, 'x'.repeat(size));
          n++;
        } catch {
          size = Math.floor(size / 2);
        }
      }
      return n;
    });
    assert.ok(junk > 3);

    const editor = await openEditor(page, id);
    await editor.locator('input[name="responsible"]').fill('Mette Hansen');
    const banner = page.locator('.banner-error', { hasText: 'Planen er ikke gemt' });
    await expectText(
      banner,
      'Planen er ikke gemt. Browserens lokale lager er fuldt, så den seneste ændring er ikke gemt. Eksportér planen til en fil, og slet planer eller data, du ikke bruger.',
    );
    assert.equal(await banner.getAttribute('role'), 'alert');
    const warning = page.locator('.banner', { hasText: /Browserens lager er \d+ % fuldt/ });
    const percent = Number((await text(warning)).match(/er (\d+) % fuldt/)[1]);
    assert.ok(percent >= 80, `warning at ${percent} %`);
    await page.screenshot({ path: '/tmp/e2e-share-full.png' });
    // The last saved plan is intact.
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), planKey), savedText);
    await expectText(row(page, id).locator('.responsible'), 'Mette Hansen');

    // Export still works and holds the unsaved edit.
    const file = await exportPlan(page, { saved: false });
    assert.equal(activity(file.json, id).responsible, 'Mette Hansen');
    await gotoPlans(page);
    await expectText(page.locator('.storage-meter .warning'), /^Lageret er næsten fuldt\./);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), planKey), savedText);

    // Once there is room again, the next edit saves and the banner goes.
    await page.evaluate((n) => {
      for (let i = 0; i < n; i++) localStorage.removeItem(`junk.${i}`);
    }, junk);
    await gotoActivities(page);
    await row(page, id).locator('input.done-box').click();
    await expectCount(banner, 0);
    await storedWhen(page, (p) => activity(p, id).responsible === 'Mette Hansen' && activity(p, id).status === 'faerdig');
    await expectCount(warning, 0);
  });
});

const XSS = '<img src=x onerror=alert(1)>';
const XSS_NAME = '<script>alert(2)</script><img src=y onerror=alert(3)>';

test('names that look like HTML are shown as text: header, plan list, import preview; no script runs', async () => {
  const watchElements = () => {
    window.__created = [];
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n.nodeType !== 1) continue;
          for (const el of [n, ...n.querySelectorAll('*')]) {
            if (el.tagName === 'IMG' || (el.tagName === 'SCRIPT' && /alert/.test(el.textContent))) {
              window.__created.push(el.outerHTML);
            }
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
  };
  await withApp(
    env,
    async ({ page }) => {
      const dialogs = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        d.dismiss().catch(() => {});
      });
      await newPlan(page, { municipality: XSS, solution: 'KY' });
      await expectText(page.locator('.topbar .plan-title'), `${XSS} · KY`);
      await gotoPlans(page);
      const [plan] = await planRows(page);
      assert.equal(plan.name, `${XSS} · KY`);
      assert.match(plan.meta, new RegExp(`^${XSS.replace(/[()]/g, '\\$&')} Kommune · KY`));

      // Rename the plan to another such text.
      await planRow(page, plan.id).getByRole('button', { name: 'Omdøb' }).click();
      await page.getByLabel('Planens navn (tomt: kommune og løsning)').fill(XSS_NAME);
      await page.getByRole('button', { name: 'Gem navn' }).click();
      await expectText(planRow(page, plan.id).locator('.plan-name'), XSS_NAME);
      await expectText(page.locator('.topbar .plan-title'), XSS_NAME);

      // Export, then import the file: the preview shows the text as it is.
      const file = await exportPlan(page);
      assert.equal(file.json.plan.municipality, XSS);
      assert.equal(file.json.plan.name, XSS_NAME);
      await chooseFile(page, file);
      const dialog = previewDialog(page);
      await dialog.waitFor();
      assert.equal((await previewFacts(dialog)).Kommune, XSS);
      await expectText(dialog.getByRole('radio', { name: CHOICES.replace }).locator('..'), `Erstat den åbne plan (${XSS_NAME})`);
      await dialog.getByRole('radio', { name: CHOICES.new }).check();
      await dialog.getByRole('button', { name: 'Importér', exact: true }).click();
      await gotoPlans(page);
      await expectCount(page.locator('li.plan-row'), 2);
      // A refused file's name is shown as text too.
      await chooseFile(page, { name: `${XSS}.json`, text: '{"format": ' });
      await expectText(refusalDialog(page).locator('.file-name'), `${XSS}.json`);
      await refusalDialog(page).getByRole('button', { name: 'OK' }).click();
      // Deleting shows the name in the toast, as text.
      const copy = (await planRows(page)).find((p) => p.id !== plan.id);
      await planRow(page, copy.id).getByRole('button', { name: 'Slet' }).click();
      await expectText(toast(page), `«${XSS_NAME} (importeret)» er slettet.`);
      await expectText(page.locator('#main'), /Før sletning/);
      await page.screenshot({ path: '/tmp/e2e-share-xss.png', fullPage: true });

      await page.waitForTimeout(300);
      assert.deepEqual(dialogs, [], 'no alert or other dialog');
      assert.deepEqual(await page.evaluate(() => window.__created), [], 'no <img> or <script> element was created');
      assert.equal(await page.locator('img').count(), 0);
    },
    { initScript: watchElements },
  );
});

test('Mine planer: rename, duplicate, delete with undo, open another plan, snapshots restore and download', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page, { municipality: 'Vejle', solution: 'KY' });
    await gotoActivities(page);
    const done = (await rowInfo(page.locator('li.activity-row').nth(2))).id;
    await row(page, done).locator('input.done-box').click();
    await storedWhen(page, (p) => activity(p, done).status === 'faerdig');
    await gotoPlans(page);
    const [plan] = await planRows(page);
    assert.equal(plan.open, true);
    assert.match(plan.meta, /^Vejle Kommune · KY · F\d \S+ · 142 aktiviteter · Senest ændret \d\d\.\d\d\.\d{4} kl\. \d\d\.\d\d$/);

    // Rename.
    await planRow(page, plan.id).getByRole('button', { name: 'Omdøb' }).click();
    const field = page.getByLabel('Planens navn (tomt: kommune og løsning)');
    assert.equal(await field.inputValue(), '');
    await field.fill('Budget 2027');
    await page.getByRole('button', { name: 'Gem navn' }).click();
    await expectText(planRow(page, plan.id).locator('.plan-name'), 'Budget 2027');
    await expectText(page.locator('.topbar .plan-title'), 'Budget 2027');
    await storedWhen(page, (p) => p.plan.name === 'Budget 2027');

    // Duplicate: a copy with its own id; the original stays open.
    await planRow(page, plan.id).getByRole('button', { name: 'Duplikér' }).click();
    await expectText(toast(page), '«Budget 2027 (kopi)» er oprettet.');
    await expectCount(page.locator('li.plan-row'), 2);
    const copy = (await planRows(page)).find((p) => p.id !== plan.id);
    assert.equal(copy.name, 'Budget 2027 (kopi)');
    assert.equal(copy.open, false);
    assert.equal(await page.evaluate(() => localStorage.getItem('implan.current')), plan.id);

    // Delete the copy, then "Fortryd" in the toast.
    await planRow(page, copy.id).getByRole('button', { name: 'Slet' }).click();
    await expectText(toast(page), '«Budget 2027 (kopi)» er slettet.');
    await expectCount(page.locator('li.plan-row'), 1);
    assert.equal(await page.evaluate((id) => localStorage.getItem(`implan.plan.${id}`), copy.id), null);
    await page.locator('.toast-area .toast').getByRole('button', { name: 'Fortryd' }).click();
    await expectCount(page.locator('li.plan-row'), 2);
    await expectCount(planRow(page, copy.id), 1);
    assert.equal(await page.evaluate(() => localStorage.getItem('implan.current')), plan.id, 'the open plan stays open');

    // Open the copy.
    await planRow(page, copy.id).getByRole('button', { name: 'Åbn' }).click();
    await expectText(page.locator('.topbar .plan-title'), 'Budget 2027 (kopi)');
    await page.locator('table.matrix').waitFor();
    await gotoActivities(page);
    assert.equal((await rowInfo(row(page, done))).done, true, 'the copy has the original\'s edits');
    await gotoPlans(page);
    assert.equal((await planRows(page)).find((p) => p.id === copy.id).open, true);

    // Delete the original for good: a snapshot "Før sletning" keeps it.
    await planRow(page, plan.id).getByRole('button', { name: 'Slet' }).click();
    await expectCount(page.locator('li.plan-row'), 1);
    // (The copy's deletion above took one too; the copy is stored again.)
    await expectCount(page.locator('table.snapshots tbody tr', { hasText: 'Før sletning' }), 2);
    // The deleted plan's snapshot still says which plan it was.
    const snap = page.locator('table.snapshots tbody tr', { hasText: 'Før sletning' }).filter({ hasText: '(slettet)' });
    await expectCount(snap, 1);
    await expectText(snap.locator('td').nth(1), 'Budget 2027 (slettet)');
    await expectText(snap.locator('td').first(), /^\d\d\.\d\d\.\d{4} kl\. \d\d\.\d\d$/);

    // "Download" gives the snapshot as a plan file.
    const file = await download(page, () => snap.getByRole('button', { name: 'Download' }).click());
    assert.match(file.name, /^vejle-ky-\d{4}-\d{2}-\d{2}\.snapshot\.implan\.json$/);
    const json = JSON.parse(file.text);
    assertValidFile(json, 'the snapshot download');
    assert.equal(json.plan.id, plan.id);
    assert.equal(json.plan.name, 'Budget 2027');

    // "Eksportér" in a row exports that plan, open or not.
    const rowFile = await download(page, () => planRow(page, copy.id).getByRole('button', { name: 'Eksportér' }).click());
    const rowJson = JSON.parse(rowFile.text);
    assertValidFile(rowJson, 'the export from the plan list');
    assert.equal(rowJson.plan.id, copy.id);
    assert.equal(rowJson.plan.name, 'Budget 2027 (kopi)');

    // "Gendan" brings it back and opens it.
    await snap.getByRole('button', { name: 'Gendan' }).click();
    await expectText(toast(page), 'Øjebliksbilledet er gendannet og åbnet.');
    await expectText(page.locator('.topbar .plan-title'), 'Budget 2027');
    await gotoPlans(page);
    assert.deepEqual((await planRows(page)).map((p) => p.id).sort(), [plan.id, copy.id].sort());
    const restored = await storedPlan(page);
    assert.equal(restored.plan.id, plan.id);
    assert.equal(activity(restored, done).status, 'faerdig');
  });
});

// Bug: the daily snapshot is stored under noon UTC of the day
// (Store::daily_snapshot in src/storage/store.rs), not the time it was
// taken: before 13.00 Danish time "Øjebliksbilleder" shows a time that has
// not come yet ("kl. 13.00") and lists it above newer snapshots.
const DAILY_SNAPSHOT_TIME_BUG =
  'bug: the daily snapshot is stamped 12:00 UTC of the day, so in the morning it shows a future time ("kl. 13.00") and sorts above newer snapshots (src/storage/store.rs daily_snapshot)';

test('snapshots show when they were taken, newest first', async () => {
  await withApp(
    env,
    async ({ page, context }) => {
      // 08.00 Danish time.
      await context.clock.install({ time: new Date('2026-11-30T07:00:00Z') });
      await context.clock.resume();
      // (The fake clock also fakes `performance`, so openApp's ready mark is not seen.)
      await page.goto('./');
      await page.getByRole('heading', { level: 1, name: 'Ny plan' }).waitFor();
      await newPlan(page, { municipality: 'Vejle', solution: 'KY' });
      await gotoActivities(page);
      const id = (await rowInfo(page.locator('li.activity-row').first())).id;
      await row(page, id).locator('input.done-box').click(); // the day's first change
      await storedWhen(page, (p) => activity(p, id).status === 'faerdig');
      await gotoPlans(page);
      const [plan] = await planRows(page);
      await planRow(page, plan.id).getByRole('button', { name: 'Duplikér' }).click();
      await expectCount(page.locator('li.plan-row'), 2);
      const copy = (await planRows(page)).find((p) => p.id !== plan.id);
      await planRow(page, copy.id).getByRole('button', { name: 'Slet' }).click();
      await expectCount(page.locator('table.snapshots tbody tr'), 2);
      const snaps = await snapshotRows(page);
      assert.deepEqual(snaps.map((s) => s.reason), ['Før sletning', 'Dagens første ændring'], 'newest first');
      const now = await page.evaluate(() => Date.now());
      const shownNow = danishTime(new Date(now).toISOString());
      const minutes = (s) => Number(s.match(/kl\. (\d\d)\.(\d\d)$/).slice(1).reduce((h, m) => h * 60 + Number(m), 0));
      for (const s of snaps) assert.ok(minutes(s.at) <= minutes(shownNow), `snapshot "${s.reason}" at ${s.at} is not after now (${shownNow})`);
    },
    { open: false },
  );
});

// Bug: ImportError::TooLarge formats the size with Rust's "{:.1}", a decimal
// point, where Danish text uses a decimal comma (src/schema/import.rs).
test('a file over 20 MB is refused with the size written the Danish way', async () => {
  await withApp(env, async ({ page }) => {
    await chooseFile(page, { name: 'stor.implan.json', buffer: Buffer.alloc(21 * 1024 * 1024, 0x20) });
    await expectText(refusalDialog(page).locator('.error'), /^Filen fylder 21,0 MB; Implan kan højst læse 20 MB\./);
  });
});

/** Splits CSV text (semicolons, double quotes, CRLF) into rows of fields. */
function parseCsv(textIn) {
  const rows = [];
  let fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < textIn.length; i++) {
    const c = textIn[i];
    if (quoted) {
      if (c === '"' && textIn[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ';') {
      fields.push(field);
      field = '';
    } else if (c === '\r' && textIn[i + 1] === '\n') {
      fields.push(field);
      rows.push(fields);
      fields = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  assert.equal(quoted, false, 'no unterminated quote');
  assert.equal(field + fields.join(''), '', 'the last row ends with CRLF');
  return rows;
}

test('CSV export: BOM, semicolons, Danish headers, dd-mm-yyyy dates, one row per activity', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page, { municipality: 'Vejle', solution: 'KY' });
    await gotoActivities(page);
    const id = (await rowInfo(page.locator('li.activity-row').nth(1))).id;
    await row(page, id).locator('input.done-box').click();
    const ed = await openEditor(page, id);
    await ed.locator('input[name="responsible"]').fill('Hansen; "Ole" Ærø');
    await ed.locator('textarea[name="notes"]').fill('Linje 1\nLinje 2 med æøå');
    const formula = (await rowInfo(page.locator('li.activity-row').nth(2))).id;
    const ed2 = await openEditor(page, formula);
    await ed2.locator('input[name="responsible"]').fill('=1+1');
    const stored = await storedWhen(
      page,
      (p) => activity(p, id).notes === 'Linje 1\nLinje 2 med æøå' && activity(p, formula).responsible === '=1+1',
    );
    await gotoPlans(page);
    const file = await download(page, () => page.getByRole('button', { name: 'Aktiviteter til Excel (.csv)' }).click());
    assert.match(file.name, /^vejle-ky-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.deepEqual([...file.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 BOM');
    const body = file.text.replace(/^\uFEFF/, '');
    const rows = parseCsv(body);
    assert.deepEqual(rows[0], [
      'Hovedopgave',
      'Hovedopgavens navn',
      'Fase',
      'Titel',
      'Beskrivelse',
      'Start',
      'Frist',
      'Ansvarlig',
      'Rolle',
      'Status',
      'Færdig den',
      'Noter',
      'Kilde',
      'Id',
    ]);
    const data = rows.slice(1);
    assert.equal(data.length, TOTAL, '142 data rows');
    assert.ok(data.every((r) => r.length === 14), 'every row has 14 fields');
    assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(body.replace(/"[^"]*"/g, '')), 'line ends are CRLF outside quoted fields');
    const DATE = /^(\d{2}-\d{2}-\d{4})?$/;
    const toCsvDate = (iso) => (iso ? iso.split('-').reverse().join('-') : '');
    for (const r of data) {
      const a = activity(stored, r[13]);
      assert.ok(a, `row for ${r[13]} is an activity of the plan`);
      assert.ok(DATE.test(r[5]) && DATE.test(r[6]) && DATE.test(r[10]), `dates dd-mm-yyyy: ${r.slice(5, 7)}`);
      assert.equal(r[5], toCsvDate(a.start));
      assert.equal(r[6], toCsvDate(a.due));
      assert.equal(r[0], String(a.task));
      assert.match(r[2], new RegExp(`^${a.phase} \\S+$`));
      assert.equal(r[3], a.title);
      assert.equal(r[12], 'Skabelon');
    }
    assert.deepEqual(data.map((r) => r[13]), stored.plan.activities.map((a) => a.id), 'in plan order');
    const mine = data.find((r) => r[13] === id);
    assert.equal(mine[7], 'Hansen; "Ole" Ærø');
    assert.equal(mine[9], 'Færdig');
    assert.equal(mine[10], toCsvDate(activity(stored, id).completed));
    assert.equal(mine[11], 'Linje 1\nLinje 2 med æøå');
    assert.deepEqual(new Set(data.map((r) => r[9])), new Set(['Ikke startet', 'Færdig']));
    // Text a spreadsheet would run as a formula is defused.
    assert.equal(data.find((r) => r[13] === formula)[7], "'=1+1");
  });
});

test('iCalendar export: one event per dated activity plus milestones, CRLF, lines of at most 75 octets', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page, { municipality: 'Vejle', solution: 'KY' });
    await gotoActivities(page);
    // One activity dropped (Udgår: no deadline), one long Danish custom title with a due date.
    const dropped = (await rowInfo(page.locator('li.activity-row').nth(3))).id;
    let ed = await openEditor(page, dropped);
    await ed.locator('select[name="status"]').selectOption('udgaar');
    const title = 'Forbered go-live-kommunikation til borgerservice, jobcenter og ydelseskontoret i Ærøskøbing; også «SMS»';
    const custom = await addActivity(page, { title, task: 5 });
    ed = await openEditor(page, custom);
    await typeDate(ed.locator('input[name="due"]'), '24.12.2027');
    const stored = await storedWhen(page, (p) => activity(p, custom)?.due === '2027-12-24' && activity(p, dropped).status === 'udgaar');
    await gotoPlans(page);
    const file = await download(page, () => page.getByRole('button', { name: 'Frister til kalender (.ics)' }).click());
    assert.match(file.name, /^vejle-ky-\d{4}-\d{2}-\d{2}\.ics$/);
    const ics = file.text;
    assert.ok(ics.endsWith('\r\n'));
    assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(ics), 'every line ends with CRLF');
    const lines = ics.slice(0, -2).split('\r\n');
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    assert.equal(lines.at(-1), 'END:VCALENDAR');
    for (const l of lines) assert.ok(Buffer.byteLength(l, 'utf8') <= 75, `line of ${Buffer.byteLength(l, 'utf8')} octets: ${l}`);
    const unfolded = ics.replace(/\r\n /g, '').slice(0, -2).split('\r\n');
    assert.ok(unfolded.includes('VERSION:2.0'));
    const events = unfolded.filter((l) => l === 'BEGIN:VEVENT').length;
    assert.equal(unfolded.filter((l) => l === 'END:VEVENT').length, events);
    const dated = stored.plan.activities.filter((a) => a.due && a.status !== 'udgaar').length;
    assert.ok(dated > 100);
    assert.equal(events, dated + 6, 'one event per dated activity, the five phase starts and go-live');
    const uids = unfolded.filter((l) => l.startsWith('UID:'));
    assert.equal(new Set(uids).size, events, 'unique UIDs');
    assert.ok(!uids.some((u) => u.startsWith(`UID:${dropped}@`)), 'no event for a dropped activity');
    // The custom activity: folded, and whole again when unfolded, escaped.
    const escaped = title.replace(/[;,]/g, '\\$&');
    const at = unfolded.indexOf(`SUMMARY:Frist: ${escaped}`);
    assert.ok(at > 0, 'the long summary unfolds to the title');
    assert.ok(lines.filter((l) => l.startsWith(' ')).length > 0, 'long lines are folded');
    const event = unfolded.slice(unfolded.lastIndexOf('BEGIN:VEVENT', at), unfolded.indexOf('END:VEVENT', at));
    assert.ok(event.includes('DTSTART;VALUE=DATE:20271224'));
    assert.ok(event.includes('DTEND;VALUE=DATE:20271225'));
    assert.ok(unfolded.includes(`DTSTART;VALUE=DATE:${stored.plan.goLive.replaceAll('-', '')}`), 'go-live is a milestone');
  });
});

/** Builds the realistic plan of the golden file through the UI. */
async function makeGoldenPlan(page) {
  await newPlan(page, { municipality: 'Ærø', solution: 'KY' });
  await gotoActivities(page);
  const rows = page.locator('li.activity-row');
  const ids = await rows.evaluateAll((lis) => lis.map((li) => li.dataset.id));
  for (const n of [0, 1, 2, 5]) await row(page, ids[n]).locator('input.done-box').click();
  let ed = await openEditor(page, ids[3]);
  await ed.locator('select[name="status"]').selectOption('i-gang');
  await ed.locator('input[name="responsible"]').fill('Søren Ærbø');
  await ed.locator('input[name="role"]').fill('Projektleder');
  await ed.locator('textarea[name="notes"]').fill('Aftalt på styregruppemødet: økonomi og tidsplan er godkendt. Næste skridt: få Åse med.');
  ed = await openEditor(page, ids[4]);
  await ed.locator('select[name="status"]').selectOption('blokeret');
  await ed.locator('textarea[name="notes"]').fill('Venter på leverandøren («KOMBIT»).');
  ed = await openEditor(page, ids[6]);
  await ed.locator('select[name="status"]').selectOption('udgaar');
  const custom = await addActivity(page, { title: 'Informér borgerservice på Ærø om go-live', task: 5 });
  ed = await openEditor(page, custom);
  await ed.locator('textarea[name="notes"]').fill('Husk plakater til ekspeditionen i Ærøskøbing og Marstal.');
  await ed.getByRole('button', { name: 'Luk', exact: true }).click();
  await row(page, ids[7]).locator('button.delete').click();
  await storedWhen(page, (p) => p.plan.tombstones.length === 1 && activity(p, custom)?.notes.includes('Marstal'));
  await gotoPlans(page);
  const [plan] = await planRows(page);
  await planRow(page, plan.id).getByRole('button', { name: 'Omdøb' }).click();
  await page.getByLabel('Planens navn (tomt: kommune og løsning)').fill('KY på Ærø – hovedplan');
  await page.getByRole('button', { name: 'Gem navn' }).click();
  await storedWhen(page, (p) => p.plan.name === 'KY på Ærø – hovedplan');
}

test('golden file of format version 1: valid, and it imports with all its content', async () => {
  if (process.env.IMPLAN_WRITE_GOLDEN === '1') {
    await withApp(env, async ({ page }) => {
      await makeGoldenPlan(page);
      const file = await exportPlan(page);
      await writeFile(GOLDEN_V1, file.text);
    });
  }
  const goldenText = await readFile(GOLDEN_V1, 'utf8');
  const golden = JSON.parse(goldenText);
  assertValidFile(golden, 'tests/golden/v1.implan.json');
  assert.equal(golden.formatVersion, 1);
  const acts = golden.plan.activities;
  // What the golden file is meant to hold.
  assert.ok(acts.filter((a) => a.status === 'faerdig').length >= 3, 'done activities');
  assert.ok(acts.some((a) => a.templateKey === null), 'a custom activity');
  assert.ok(acts.some((a) => /[æøåÆØÅ]/.test(a.notes)), 'notes with Danish letters');
  assert.ok(golden.plan.tombstones.length >= 1, 'a tombstone');
  assert.ok(golden.plan.name.length > 0, 'a plan name');

  await withApp(env, async ({ page }) => {
    await chooseFile(page, { name: 'v1.implan.json', text: goldenText });
    const dialog = previewDialog(page);
    await dialog.waitFor();
    const facts = await previewFacts(dialog);
    assert.equal(facts.Kommune, golden.plan.municipality);
    assert.equal(facts.Formatversion, '1');
    const done = acts.filter((a) => a.status === 'faerdig').length;
    assert.equal(facts.Aktiviteter, `${acts.length} (${done} færdige)`);
    await dialog.getByRole('button', { name: 'Importér', exact: true }).click();
    await expectText(page.locator('#plan-heading'), `${golden.plan.municipality} Kommune · ${golden.plan.solution}`);
    const stored = await storedWhen(page, (p) => p.plan.id === golden.plan.id);
    assert.deepEqual(stored.plan.activities, acts);
    assert.deepEqual(stored.plan.tombstones, golden.plan.tombstones);
    assert.deepEqual(stored.plan.phases, golden.plan.phases);
    assert.deepEqual(stored.plan.tasks, golden.plan.tasks);
  });
});
