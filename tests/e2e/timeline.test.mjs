// End-to-end tests of Tidslinje: bars for every dated activity, the editor
// and the chart agreeing, dragging and keyboard moves that are saved, the
// question when a move leaves the phase, filters, collapsing, undated
// activities, SVG and PNG downloads and the print layout.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { eventually, expectCount, expectText, newPlan, reload, startEnv, storedPlan, typeDate, withApp } from './helpers.mjs';

const TOTAL = 142;
let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.stop();
});

async function gotoTimeline(page) {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Tidslinje' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tidslinje' }).waitFor();
  await page.locator('g.tl-bar').first().waitFor();
}

/** Ids of every bar, scrolling the chart from top to bottom (rows are drawn only near the view). */
async function allBarIds(page) {
  const ids = new Set();
  const scroller = page.locator('.tl-scroll');
  await scroller.evaluate((el) => el.scrollTo(0, 0));
  for (let i = 0; i < 200; i++) {
    for (const id of await page.locator('g.tl-bar').evaluateAll((gs) => gs.map((g) => g.dataset.id))) ids.add(id);
    const done = await scroller.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop += el.clientHeight * 0.8;
      return el.scrollTop === before;
    });
    if (done) break;
    await page.waitForTimeout(30);
  }
  return ids;
}

function iso(d) {
  return d.toISOString().slice(0, 10);
}
function addDays(isoDate, n) {
  const d = new Date(isoDate + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}
function danish(isoDate) {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}
async function activity(page, id) {
  return (await storedPlan(page)).plan.activities.find((a) => a.id === id);
}

/** Shows only main task `n` (fewer rows, all drawn). */
async function onlyTask(page, n) {
  await page.locator('form.filters > label', { hasText: 'Hovedopgave' }).locator('select').selectOption(String(n));
}

/** An activity of the stored plan lying well inside phase F2 (room to move both ways). */
async function middleOfF2(page) {
  const plan = (await storedPlan(page)).plan;
  const f2 = plan.phases.find((p) => p.phase === 'F2');
  const a = plan.activities.find(
    (a) => a.phase === 'F2' && addDays(f2.start, 20) < a.start && a.due < addDays(f2.end, -20) && a.start < a.due,
  );
  assert.ok(a, 'the template has an activity inside F2');
  return a;
}

function bar(page, id) {
  return page.locator(`g.tl-bar[data-id="${id}"]`);
}

test('a new plan shows one bar per dated activity, with phases, milestones, week numbers and today', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoTimeline(page);
    await expectText(page.locator('p.count-line'), `${TOTAL} aktiviteter på tidslinjen`);
    const plan = (await storedPlan(page)).plan;
    const ids = await allBarIds(page);
    assert.equal(ids.size, TOTAL);
    assert.deepEqual([...ids].sort(), plan.activities.map((a) => a.id).sort());
    // Five phase bands, four transitions and go-live, and an axis with weeks.
    await expectCount(page.locator('.tl-head-svg g.tl-phase'), 5);
    await expectCount(page.locator('.tl-head-svg path.tl-milestone'), 5);
    await expectCount(page.locator('.tl-head-svg path.tl-milestone[data-kind="go-live"]'), 1);
    const units = await page.locator('.tl-head-svg g.tl-axis-row').evaluateAll((gs) => gs.map((g) => g.dataset.unit));
    assert.ok(units.includes('Uge') && units.includes('Måned'), units.join());
    // The four groups and sixteen main tasks (scrolled to the top).
    await page.locator('.tl-scroll').evaluate((el) => el.scrollTo(0, 0));
    await expectText(page.locator('.tl-label-group').first(), /^▾ Uafhængige opgaver \(\d+\)$/);
    // Hyper-care and idriftsættelse windows are drawn.
    assert.match(await page.locator('.tl-head-svg').innerHTML(), /Hyper-care[^<]*7–10 arbejdsdage/);
    assert.match(await page.locator('.tl-head-svg').innerHTML(), /Idriftsættelse[^<]*2–14 arbejdsdage/);
  });
});

test('changing the due date in the editor moves the end of the bar', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoTimeline(page);
    const a = await middleOfF2(page);
    await onlyTask(page, a.task);
    const b = bar(page, a.id);
    await b.scrollIntoViewIfNeeded();
    await b.click();
    const editor = page.locator('aside.editor');
    await editor.waitFor();
    assert.equal(await editor.locator('input[name="title"]').inputValue(), a.title, 'a click opens the editor');
    await page.waitForTimeout(100);
    const box = await b.locator('rect.tl-bar-rect').boundingBox();
    await typeDate(editor.locator('input[name="due"]'), danish(addDays(a.due, 10)));
    await eventually(async () => (await activity(page, a.id)).due, addDays(a.due, 10));
    // Month zoom: 5 px per day.
    await eventually(async () => Math.round((await b.locator('rect.tl-bar-rect').boundingBox()).width - box.width), 50);
  });
});

test('one activity of one day: the count line and the tooltip use the singular', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoTimeline(page);
    const a = await middleOfF2(page);
    await page.locator('form.filters > label', { hasText: 'Søg' }).locator('input').fill(a.title);
    const plan = (await storedPlan(page)).plan;
    assert.equal(plan.activities.filter((x) => x.title.toLowerCase().includes(a.title.toLowerCase())).length, 1, 'the title is unique');
    await expectText(page.locator('p.count-line'), `1 aktivitet på tidslinjen (filtreret ud af ${TOTAL})`);
    const b = bar(page, a.id);
    await b.click();
    const editor = page.locator('aside.editor');
    await typeDate(editor.locator('input[name="due"]'), danish(a.start));
    await eventually(async () => (await activity(page, a.id)).due, a.start);
    await editor.getByRole('button', { name: 'Luk', exact: true }).click();
    await b.hover();
    await expectText(page.locator('.tl-tooltip span').first(), `${danish(a.start)} – ${danish(a.start)} (uge ${isoWeek(a.start)} – uge ${isoWeek(a.start)}, 1 dag)`);
  });
});

/** The ISO week number of a yyyy-mm-dd date. */
function isoWeek(isoDate) {
  const d = new Date(isoDate + 'T00:00:00Z');
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const jan4 = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  return 1 + Math.round(((d - jan4) / 86400000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
}

test('dragging a bar changes the dates in the editor, and they survive a reload', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoTimeline(page);
    const a = await middleOfF2(page);
    await onlyTask(page, a.task);
    const b = bar(page, a.id);
    await b.scrollIntoViewIfNeeded();
    await b.click();
    const editor = page.locator('aside.editor');
    await editor.waitFor();
    const box = await b.locator('rect.tl-bar-rect').boundingBox();
    const y = box.y + box.height / 2;
    const x = box.x + box.width / 2;
    // Move by 7 days (5 px a day), in small steps like a hand does.
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 7; i++) await page.mouse.move(x + i * 5, y);
    // While dragging the tooltip shows the new dates.
    await expectText(page.locator('.tl-tooltip span').first(), new RegExp(`^${danish(addDays(a.start, 7)).replace(/\./g, '\\.')} – `));
    await page.mouse.up();
    await eventually(() => editor.locator('input[name="start"]').inputValue(), danish(addDays(a.start, 7)));
    assert.equal(await editor.locator('input[name="due"]').inputValue(), danish(addDays(a.due, 7)));
    // Resizing: drag the end handle 3 days to the right.
    const after = await b.locator('rect.tl-bar-rect').boundingBox();
    const ex = after.x + after.width - 1;
    await page.mouse.move(ex, y);
    await page.mouse.down();
    await page.mouse.move(ex + 8, y);
    await page.mouse.move(ex + 15, y);
    await page.mouse.up();
    await eventually(() => editor.locator('input[name="due"]').inputValue(), danish(addDays(a.due, 10)));
    assert.equal(await editor.locator('input[name="start"]').inputValue(), danish(addDays(a.start, 7)));
    // One undo step per drag: undo takes back the resize only.
    await page.locator('h1.tl-title').click();
    await page.keyboard.press('Control+z');
    await eventually(async () => (await activity(page, a.id)).due, addDays(a.due, 7));
    await page.keyboard.press('Control+Shift+z');
    await eventually(async () => (await activity(page, a.id)).due, addDays(a.due, 10));
    await reload(page);
    await gotoTimeline(page);
    await onlyTask(page, a.task);
    await bar(page, a.id).click();
    await eventually(() => page.locator('aside.editor input[name="start"]').inputValue(), danish(addDays(a.start, 7)));
    assert.equal(await page.locator('aside.editor input[name="due"]').inputValue(), danish(addDays(a.due, 10)));
  });
});

test('keyboard: Shift+arrow moves a bar, Ctrl+arrow changes its end, one undo takes both back', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoTimeline(page);
    const a = await middleOfF2(page);
    await onlyTask(page, a.task);
    const b = bar(page, a.id);
    await b.scrollIntoViewIfNeeded();
    await b.focus();
    assert.match(await b.getAttribute('aria-label'), new RegExp(`${danish(a.start).replace(/\./g, '\\.')} til`));
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+ArrowRight');
    await page.keyboard.press('Shift+ArrowLeft');
    await eventually(async () => {
      const s = await activity(page, a.id);
      return [s.start, s.due];
    }, [addDays(a.start, 1), addDays(a.due, 2)]);
    // Focus stays on the bar, and its label tells the new dates.
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.id), a.id);
    assert.match(await b.getAttribute('aria-label'), new RegExp(`${danish(addDays(a.start, 1)).replace(/\./g, '\\.')} til`));
    // Arrow down goes to the next bar.
    await page.keyboard.press('ArrowDown');
    await eventually(() => page.evaluate(() => document.activeElement?.classList.contains('tl-bar') && document.activeElement.dataset.id), (v) => v && v !== a.id);
    await page.keyboard.press('ArrowUp');
    await eventually(() => page.evaluate(() => document.activeElement?.dataset.id), a.id);
    // Enter opens the editor.
    await page.keyboard.press('Enter');
    await eventually(() => page.locator('aside.editor input[name="title"]').inputValue(), a.title);
    // Ctrl+Z undoes the keyboard moves as one step.
    await page.locator('h1.tl-title').click();
    await page.keyboard.press('Control+z');
    await eventually(async () => {
      const s = await activity(page, a.id);
      return [s.start, s.due];
    }, [a.start, a.due]);
  });
});

test('moving a bar out of its phase asks: extend the phase (one undo) or keep it inside', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoTimeline(page);
    const plan = (await storedPlan(page)).plan;
    const f2 = plan.phases.find((p) => p.phase === 'F2');
    const a = plan.activities.find((x) => x.phase === 'F2' && x.due === f2.end);
    assert.ok(a, 'an activity ends with F2');
    await onlyTask(page, a.task);
    const b = bar(page, a.id);
    await b.scrollIntoViewIfNeeded();
    await b.focus();
    await page.keyboard.press('Shift+ArrowRight');
    const dialog = page.locator('dialog.tl-question');
    await expectText(dialog.locator('h2'), 'Uden for fasen');
    await expectText(dialog.locator('p').first(), new RegExp(`uden for F2 Forberedelse`));
    // Keep inside: nothing moves past the phase end.
    await dialog.getByRole('button', { name: /^Hold aktiviteten i fasen/ }).click();
    await expectCount(page.locator('dialog.tl-question[open]'), 0);
    assert.equal((await activity(page, a.id)).due, f2.end);
    // Extend: the phase and the activity change together.
    await b.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await dialog.getByRole('button', { name: `Udvid F2 til ${danish(f2.start)} – ${danish(addDays(f2.end, 1))}` }).click();
    await eventually(async () => (await storedPlan(page)).plan.phases.find((p) => p.phase === 'F2').end, addDays(f2.end, 1));
    assert.equal((await activity(page, a.id)).due, addDays(f2.end, 1));
    await page.locator('h1.tl-title').click();
    await page.keyboard.press('Control+z');
    await eventually(async () => {
      const p = (await storedPlan(page)).plan;
      return [p.phases.find((x) => x.phase === 'F2').end, p.activities.find((x) => x.id === a.id).due];
    }, [f2.end, f2.end]);
    // Cancel leaves everything.
    await b.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await dialog.getByRole('button', { name: 'Annullér' }).click();
    assert.equal((await activity(page, a.id)).due, f2.end);
  });
});

test('filters shared with Aktiviteter apply to the chart; collapsing shows a summary bar', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoTimeline(page);
    const plan = (await storedPlan(page)).plan;
    await page.locator('form.filters > label', { hasText: 'Fase' }).locator('select').selectOption('F3');
    const f3 = plan.activities.filter((a) => a.phase === 'F3').map((a) => a.id).sort();
    await expectText(page.locator('p.count-line'), `${f3.length} aktiviteter på tidslinjen (filtreret ud af ${TOTAL})`);
    assert.deepEqual([...(await allBarIds(page))].sort(), f3);
    // The filter is the same as in Aktiviteter.
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Aktiviteter', exact: true }).click();
    await expectText(page.locator('p.count-line'), `Viser ${f3.length} af ${TOTAL} aktiviteter`);
    await page.getByRole('button', { name: 'Nulstil filtre' }).click();
    await gotoTimeline(page);
    // Collapse main task 10: its bars give way to one summary bar.
    await onlyTask(page, 10);
    const n10 = plan.activities.filter((a) => a.task === 10).length;
    await expectCount(page.locator('g.tl-bar'), n10);
    const toggle = page.locator('.tl-label-task button.tl-toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await toggle.click();
    await expectCount(page.locator('g.tl-bar'), 0);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await expectText(toggle, `▸ 10. Go-live (${n10})`);
    await expectCount(page.locator('.tl-lanes g.tl-row-task[data-key="10"] g.tl-summary'), 1);
    assert.match(await page.locator('.tl-lanes g.tl-summary text').textContent(), /^0 %$/);
    await toggle.click();
    await expectCount(page.locator('g.tl-bar'), n10);
  });
});

test('activities without dates are listed and can be given dates', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Aktiviteter', exact: true }).click();
    await page.getByRole('button', { name: '+ Tilføj aktivitet' }).click();
    await page.locator('form.add-form input[type="text"]').fill('Workshop om nye arbejdsgange');
    await page.locator('form.add-form').getByRole('button', { name: 'Tilføj', exact: true }).click();
    await gotoTimeline(page);
    await expectText(page.locator('p.count-line'), `${TOTAL} aktiviteter på tidslinjen · 1 uden datoer`);
    const section = page.locator('section.tl-undated');
    await expectText(section.locator('h2'), 'Uden datoer (1)');
    const item = section.locator('li', { hasText: 'Workshop om nye arbejdsgange' });
    await expectText(item.locator('.meta'), /mangler start og slut$/);
    await item.getByRole('button', { name: 'Giv datoer' }).click();
    await expectText(page.locator('aside.editor h2'), 'Redigér aktivitet');
    assert.equal(await page.locator('aside.editor input[name="title"]').inputValue(), 'Workshop om nye arbejdsgange');
    await item.getByRole('button', { name: /^Placér i starten af F\d$/ }).click();
    // The list goes away, and the activity gets a bar.
    await expectCount(page.locator('section.tl-undated:not([hidden])'), 0);
    await expectText(page.locator('p.count-line'), `${TOTAL + 1} aktiviteter på tidslinjen`);
    const added = await eventually(
      async () => (await storedPlan(page)).plan.activities.find((a) => a.title === 'Workshop om nye arbejdsgange'),
      (a) => a.start && a.due,
      { message: 'dates given and saved' },
    );
    const plan = (await storedPlan(page)).plan;
    await onlyTask(page, added.task);
    await expectCount(bar(page, added.id), 1);
    assert.equal(added.start, plan.phases.find((p) => p.phase === added.phase).start);
  });
});

test('Download SVG gives a well-formed standalone SVG with every title; Download PNG a PNG', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page, { municipality: 'Ærø', solution: 'KY' });
    await gotoTimeline(page);
    const plan = (await storedPlan(page)).plan;
    let [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
    assert.match(download.suggestedFilename(), /^tidslinje-aeroe-ky-\d{4}-\d\d-\d\d\.svg$/);
    const svg = await readFile(await download.path(), 'utf8');
    assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    // The font is inside the file (regular and bold), and colours are written out.
    assert.equal((svg.match(/@font-face\{font-family:'Implan Sans';font-weight:(400|700);src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{5000,}\) format\('woff2'\);\}/g) ?? []).length, 2);
    assert.ok(!svg.includes('var(--'), 'no CSS variables');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const error = doc.querySelector('parsererror');
      return {
        error: error ? error.textContent : null,
        root: doc.documentElement.localName,
        width: doc.documentElement.getAttribute('width'),
        text: doc.documentElement.textContent,
        external: [...doc.querySelectorAll('[href], image, link')].length,
      };
    }, svg);
    assert.equal(parsed.error, null, 'the SVG parses');
    assert.equal(parsed.root, 'svg');
    assert.ok(Number(parsed.width) > 500);
    assert.equal(parsed.external, 0, 'nothing outside the file is needed');
    for (const a of plan.activities) assert.ok(parsed.text.includes(a.title), `the SVG holds «${a.title}»`);
    assert.ok(parsed.text.includes('Tidslinje · Ærø Kommune · KY'));
    // It displays as an image with its size.
    const size = await page.evaluate(async (text) => {
      const img = new Image();
      img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, svg);
    assert.ok(size[0] > 500 && size[1] > 1000, String(size));

    [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PNG' }).click()]);
    assert.match(download.suggestedFilename(), /\.png$/);
    const png = await readFile(await download.path());
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(w >= size[0] && h >= size[1], `PNG ${w}×${h} at least as big as the SVG`);
    assert.ok(png.length > 20_000, `a real picture (${png.length} bytes)`);
  });
});

/** Number of pages of a PDF made by Chromium. */
function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}

const MM = 96 / 25.4;

test('printing fits every row on one landscape page, with a header and a legend', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page, { municipality: 'Vejle', solution: 'KY' });
    await gotoTimeline(page);
    await page.locator('.tl-paper select').selectOption('A3');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expectCount(page.locator('g.tl-bar'), TOTAL);
    await expectText(page.locator('.tl-print-header h1'), 'Tidslinje · Vejle Kommune · KY');
    await expectText(page.locator('.tl-print-header p'), /^Udskrevet \d\d\.\d\d\.\d{4}$/);
    assert.ok(await page.locator('.tl-legend').isVisible());
    assert.equal(await page.locator('.tl-toolbar').isVisible(), false);
    assert.equal(await page.locator('.topbar').isVisible(), false);
    // The whole chart (shrunk to fit) lies within A3 landscape inside its 10 mm margins.
    const box = await page.locator('.tl-grid').evaluate((el) => el.getBoundingClientRect().toJSON());
    assert.ok(box.width <= 400 * MM + 1, `chart ${box.width}px wide fits A3`);
    assert.ok(box.bottom <= 277 * MM + 1, `chart ends at ${box.bottom}px, within one A3 page`);
    assert.ok(box.width >= 390 * MM, `chart ${box.width}px uses the page's width`);
    assert.match(await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.textContent).join()), /size: A3 landscape/);
    await page.screenshot({ path: '/tmp/timeline-print.png', fullPage: true });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    // Back to no emulation (media 'screen' would apply to the PDF too).
    await page.emulateMedia({ media: null });
    await eventually(() => page.locator('g.tl-bar').count(), (n) => n < TOTAL);
    // Printing for real (Chromium fires beforeprint and afterprint) gives one page on either paper.
    for (const paper of ['A3', 'A4']) {
      await page.locator('.tl-paper select').selectOption(paper);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      assert.equal(pdfPages(pdf), 1, `one ${paper} page`);
    }
    await eventually(() => page.locator('g.tl-bar').count(), (n) => n < TOTAL);
  });
});

test('an activity with only one date is a marker on that date that moves by keyboard and drag', async () => {
  await withApp(env, async ({ page }) => {
    await newPlan(page);
    await gotoTimeline(page);
    const a = await middleOfF2(page);
    await onlyTask(page, a.task);
    const b = bar(page, a.id);
    await b.scrollIntoViewIfNeeded();
    await b.click();
    const editor = page.locator('aside.editor');
    await editor.waitFor();
    await typeDate(editor.locator('input[name="due"]'), '');
    await eventually(async () => (await activity(page, a.id)).due, null);
    // Still on the timeline, as a diamond centred on its start date.
    await expectCount(b.locator('path.tl-marker'), 1);
    await expectCount(page.locator('section.tl-undated:not([hidden])'), 0);
    assert.match(await b.getAttribute('class'), /\bmarker\b/);
    assert.match(await b.getAttribute('aria-label'), new RegExp(`${danish(a.start).replace(/\./g, '\\.')}, kun startdato`));
    const dayX = (box) => box.x + box.width / 2;
    const before = await b.locator('path.tl-marker').boundingBox();
    // Keyboard: Shift+arrow (and Ctrl+arrow) move its one date; no due date appears.
    await b.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+ArrowRight');
    await eventually(async () => {
      const s = await activity(page, a.id);
      return [s.start, s.due];
    }, [addDays(a.start, 2), null]);
    await eventually(async () => Math.round(dayX(await b.locator('path.tl-marker').boundingBox()) - dayX(before)), 10);
    // Drag: 3 days to the right (5 px a day at month zoom).
    const box = await b.locator('path.tl-marker').boundingBox();
    const [x, y] = [dayX(box), box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 3; i++) await page.mouse.move(x + i * 5, y);
    await expectText(page.locator('.tl-tooltip span').first(), new RegExp(`^${danish(addDays(a.start, 5)).replace(/\./g, '\\.')}, kun startdato`));
    await page.mouse.up();
    await eventually(async () => {
      const s = await activity(page, a.id);
      return [s.start, s.due];
    }, [addDays(a.start, 5), null]);
  });
});
