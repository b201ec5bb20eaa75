// The visual WCAG 2.1 AA criteria that axe-core does not check, on the
// example plan: 1.4.10 Reflow (at 320 CSS px wide, i.e. 1280 px at 400 %
// zoom, no page scrolls sideways; wide graphics and data tables scroll in a
// box of their own), 1.4.11 Non-text contrast (field borders, the matrix's
// hatching of inactive cells, timeline bars and their focus ring,
// benefit-map nodes and arrows at 3:1) and 1.4.13 Content on hover or
// focus (the timeline's tooltip can be hovered and dismissed with Escape).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startEnv,
  withApp,
  reload,
  planKeys,
  expectCount,
  gotoActivities,
  openEditor,
  eventually,
  gotoPage,
  openExample,
} from './helpers.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.stop();
});




/**
 * What sticks out past the right edge of the window as the page is now: the
 * page's own sideways scroll, and any element (also in fixed layers such as
 * the toast and dialogs) beyond the edge that is not inside a box that
 * scrolls or clips on its own.
 */
function sideways(page) {
  return page.evaluate(() => {
    const se = document.scrollingElement;
    const width = se.clientWidth;
    const out = [];
    if (se.scrollWidth > width) out.push(`the page is ${se.scrollWidth} px wide`);
    const boxed = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 1 || boxed(el)) continue;
      if (getComputedStyle(el).visibility === 'hidden') continue;
      out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ends at ${Math.round(r.right)} px`);
      if (out.length > 6) break;
    }
    return out;
  });
}

async function expectReflows(page, where) {
  await page.waitForTimeout(50);
  const found = await sideways(page);
  assert.deepEqual(found, [], `${where}: ${found.join('; ')}`);
}

test('at 320 px wide (400 % zoom) no page scrolls sideways', async () => {
  await withApp(env, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await expectReflows(page, 'Ny plan (with its phase dates)');
    await gotoPage(page, 'Eksempler');
    await expectReflows(page, 'Eksempler');
    await openExample(page);
    await expectReflows(page, 'Overblik with the toast');
    await gotoActivities(page);
    const id = await page.locator('li.activity-row').first().getAttribute('data-id');
    await openEditor(page, id);
    await expectReflows(page, 'Aktiviteter with the editor open');
    await page.locator('li.activity-row').nth(2).locator('button.delete').click();
    await page.locator('.toast-area .toast').getByRole('button', { name: 'Fortryd' }).waitFor();
    await expectReflows(page, 'the toast with a long title and Fortryd');
    await gotoPage(page, 'Tidslinje', /Tidslinje/);
    await page.locator('g.tl-bar').first().waitFor();
    await expectReflows(page, 'Tidslinje');
    await gotoPage(page, 'Opfølgning');
    await expectReflows(page, 'Opfølgning');
    await gotoPage(page, 'Statusrapport');
    await expectReflows(page, 'Statusrapport');
    await gotoPage(page, 'Gevinster');
    await expectReflows(page, 'Gevinster');
    await page.locator('.benefit-name').first().click();
    await page.locator('aside.benefit-editor').waitFor();
    await expectReflows(page, 'Gevinster with a profile open');
    await page.getByRole('tab', { name: 'Gevinstdiagram' }).click();
    await page.locator('.map-canvas svg').first().waitFor();
    await expectReflows(page, 'Gevinstdiagram');
    await gotoPage(page, 'Indstillinger');
    await expectReflows(page, 'Indstillinger');
    await gotoPage(page, 'Mine planer');
    await expectReflows(page, 'Mine planer');

    // The import preview of the open plan's own file.
    const file = await page.evaluate(() => localStorage.getItem('implan.plan.' + localStorage.getItem('implan.current')));
    await page.getByLabel('Importér plan fra fil …').setInputFiles({
      name: 'aabakke-ky.implan.json', mimeType: 'application/json', buffer: Buffer.from(file, 'utf8'),
    });
    await page.getByRole('dialog', { name: 'Importér plan' }).waitFor();
    await expectReflows(page, 'the import preview');
    await page.keyboard.press('Escape');

    // The banner for saved data that cannot be read.
    const [key] = await planKeys(page);
    await page.evaluate((k) => localStorage.setItem(k, '{"format":"implan-plan", broken'), key);
    await reload(page);
    await page.locator('.corrupt-banner').waitFor();
    await expectReflows(page, 'the corrupt-data banner');
  });
});

test('at 320 px a presentation slide reads without sideways scrolling', async () => {
  await withApp(env, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.locator('.help-menu summary').click();
    await page.getByRole('button', { name: 'Præsentationstilstand' }).click();
    await page.locator('.presentation').waitFor();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    const slide = await page.locator('.presentation .slide').evaluate((s) => ({ scroll: s.scrollWidth, box: s.clientWidth }));
    assert.ok(slide.scroll <= slide.box, `the phase slide is ${slide.scroll} px wide in a ${slide.box} px window`);
    await page.keyboard.press('Escape');
    await expectCount(page.locator('.presentation'), 0);
  });
});

/** The middle of the part of the bar of `bar` that shows in the chart's box, near its right edge. */
async function visiblePointOf(page, bar) {
  await bar.evaluate((b) => b.scrollIntoView({ block: 'center', inline: 'end' }));
  const r = await bar.locator('rect.tl-bar-rect').boundingBox();
  const box = await page.locator('.tl-scroll').boundingBox();
  return { x: Math.min(r.x + r.width, box.x + box.width - 20) - 6, y: r.y + r.height / 2 };
}

test('at 320 px the timeline shows its bars beside the row labels', async () => {
  await withApp(env, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await openExample(page);
    await gotoPage(page, 'Tidslinje', /Tidslinje/);
    const bars = page.locator('g.tl-bar');
    await bars.first().waitFor();
    for (const i of [0, 3]) {
      const at = await visiblePointOf(page, bars.nth(i));
      const hit = await page.evaluate(({ x, y }) => {
        const el = document.elementFromPoint(x, y);
        return el?.closest('g.tl-bar') ? 'bar' : `${el?.tagName}.${el?.getAttribute('class')}`;
      }, at);
      assert.equal(hit, 'bar', `bar ${i} scrolled into the chart is visible, not under the labels`);
    }
    // Its tooltip shows inside the chart's box.
    const at = await visiblePointOf(page, bars.nth(3));
    await page.mouse.move(at.x, at.y);
    const tip = page.locator('.tl-tooltip');
    await eventually(() => tip.getAttribute('hidden'), null);
    const [t, box] = [await tip.boundingBox(), await page.locator('.tl-scroll').boundingBox()];
    assert.ok(t.x >= box.x - 1 && t.x + t.width <= box.x + box.width + 1, `the tooltip ${JSON.stringify(t)} is inside the chart ${JSON.stringify(box)}`);
  });
});

test('the timeline tooltip stays while the pointer moves onto it, and Escape hides it', async () => {
  await withApp(env, async ({ page }) => {
    await openExample(page);
    await gotoPage(page, 'Tidslinje', /Tidslinje/);
    const bar = page.locator('g.tl-bar').nth(3);
    await bar.waitFor();
    const at = await visiblePointOf(page, bar);
    await page.mouse.move(at.x, at.y);
    const tip = page.locator('.tl-tooltip');
    await eventually(() => tip.getAttribute('hidden'), null);
    const title = await tip.locator('strong').textContent();
    // Along the bar to above the tooltip, down onto it and across its text.
    const t = await tip.boundingBox();
    await page.mouse.move(t.x + 12, at.y, { steps: 6 });
    await page.mouse.move(t.x + 12, t.y + 4, { steps: 6 });
    await page.mouse.move(t.x + t.width / 2, t.y + t.height - 4, { steps: 6 });
    await page.waitForTimeout(100);
    assert.equal(await tip.getAttribute('hidden'), null, 'the tooltip stays while the pointer is on it');
    assert.equal(await tip.locator('strong').textContent(), title);
    // Escape hides it without moving the pointer; nothing else happens.
    await page.keyboard.press('Escape');
    await eventually(() => tip.getAttribute('hidden'), '');
    await page.waitForTimeout(100);
    assert.equal(await tip.getAttribute('hidden'), '', 'it stays hidden until another bar is hovered');
    // Focus shows it again, and Escape hides it again.
    await bar.focus();
    await eventually(() => tip.getAttribute('hidden'), null);
    await page.keyboard.press('Escape');
    await eventually(() => tip.getAttribute('hidden'), '');
  });
});

/** Contrast ratio of two CSS colours (rgb(), rgba() over white, or #rrggbb). */
function contrastFn() {
  return `(a, b) => {
    const parse = (c) => {
      c = c.trim();
      if (c.startsWith('#')) return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)).concat(1);
      const n = c.match(/[\\d.]+/g).map(Number);
      return [n[0], n[1], n[2], n[3] ?? 1];
    };
    const over = ([r, g, b, al]) => [r, g, b].map((v) => v * al + 255 * (1 - al));
    const lum = (c) => {
      const [r, g, b] = over(parse(c)).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  }`;
}

test('fields, inactive matrix cells, timeline bars, their focus ring and the benefit map have 3:1 non-text contrast', async () => {
  await withApp(env, async ({ page }) => {
    await page.evaluate(`window.contrast = ${contrastFn()}`);
    await openExample(page);
    const low = [];
    // Overblik's inactive cells: the hatching's darkest line against the
    // white cells beside them.
    const hatch = await page.locator('.matrix td.inactive').first().evaluate((td) => getComputedStyle(td).backgroundImage.match(/rgba?\([^)]*\)/g));
    const best = Math.max(...await Promise.all(hatch.map((c) => page.evaluate(([a]) => window.contrast(a, '#ffffff'), [c]))));
    if (best < 3) low.push(`inactive matrix cell hatching ${hatch.join(' ')} on white: ${best.toFixed(2)}`);

    await gotoActivities(page);
    const fields = await page.evaluate(() => [...document.querySelectorAll('.filters input, .filters select')].map((el) => [el.name || el.type, getComputedStyle(el).borderTopColor]));
    // Against the white field and the grey panels some fields sit on
    // (measurement form, phase decision).
    const panel = '#f6f8fa';
    for (const [name, border] of fields) {
      for (const bg of ['#ffffff', panel]) {
        const r = await page.evaluate(([c, b]) => window.contrast(c, b), [border, bg]);
        if (r < 3) low.push(`field ${name} border ${border} on ${bg}: ${r.toFixed(2)}`);
      }
    }

    await gotoPage(page, 'Tidslinje', /Tidslinje/);
    await page.locator('g.tl-bar').first().waitFor();
    // Every status colour (the bars and the legend use the same ones)
    // against the white rows, and the focus ring against each bar.
    const fills = await page.evaluate(() => [...new Set([...document.querySelectorAll('.tl-legend .tl-swatch-bar')]
      .map((s) => getComputedStyle(s).getPropertyValue('--c').trim()).filter((c) => c.startsWith('#')))]);
    assert.equal(fills.length, 5, `the legend lists the status colours: ${fills}`);
    // Focus by keyboard (↓ goes to the next bar), as the ring shows then.
    await page.locator('g.tl-bar').first().focus();
    await page.keyboard.press('ArrowDown');
    await eventually(() => page.evaluate(() => document.activeElement.matches('g.tl-bar:focus-visible')), true);
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement.querySelector('rect.tl-bar-rect')).stroke);
    for (const fill of fills) {
      const [onRow, ringOnBar] = await page.evaluate(([f, s]) => [window.contrast(f, '#ffffff'), window.contrast(s, f)], [fill, ring]);
      if (onRow < 3) low.push(`bar colour ${fill} on a white row: ${onRow.toFixed(2)}`);
      if (ringOnBar < 3) low.push(`focus ring ${ring} on a ${fill} bar: ${ringOnBar.toFixed(2)}`);
    }

    await gotoPage(page, 'Gevinster');
    await page.getByRole('tab', { name: 'Gevinstdiagram' }).click();
    await page.locator('.map-canvas svg .gd-node').first().waitFor();
    const map = await page.evaluate(() => {
      const band = getComputedStyle(document.querySelector('.map-canvas .gd-band')).fill;
      const nodes = [...document.querySelectorAll('.map-canvas .gd-node rect')].slice(0, 40).map((r) => getComputedStyle(r).stroke);
      const arrows = [...document.querySelectorAll('.map-canvas .gd-arrow')].slice(0, 5).map((a) => getComputedStyle(a).stroke);
      return { band, nodes: [...new Set(nodes)], arrows: [...new Set(arrows)] };
    });
    for (const c of [...map.nodes, ...map.arrows]) {
      const r = await page.evaluate(([a, b]) => window.contrast(a, b), [c, map.band]);
      if (r < 3) low.push(`benefit map stroke ${c} on ${map.band}: ${r.toFixed(2)}`);
    }
    assert.deepEqual(low, [], `below 3:1:\n  ${low.join('\n  ')}`);
  });
});

test('on a 1280 x 720 projector at 150 % zoom the editors open beside their lists and charts', async () => {
  await withApp(env, async ({ page }) => {
    await page.setViewportSize({ width: 853, height: 480 });
    await openExample(page);
    await gotoActivities(page);
    const row = page.locator('li.activity-row').nth(5);
    await openEditor(page, await row.getAttribute('data-id'));
    /** Whether part of the element shows in the window. */
    const inView = (locator) => locator.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    });
    const beside = async (list, editor) => {
      const [l, e] = [await list.boundingBox(), await editor.boundingBox()];
      return e.x >= l.x + l.width - 1 && e.y < l.y + l.height;
    };
    assert.ok(await beside(row, page.locator('aside.editor')), 'the activity editor is beside the list, not under its 142 rows');
    assert.ok(await row.isVisible());
    await expectReflows(page, 'Aktiviteter with the editor at 853 px');

    await gotoPage(page, 'Gevinster');
    const profile = page.locator('.benefit-row').first();
    await profile.locator('.benefit-name').click();
    await page.locator('aside.benefit-editor').waitFor();
    assert.ok(await beside(profile, page.locator('aside.benefit-editor')), 'the profile editor is beside the register');
    await expectReflows(page, 'Gevinster with the editor at 853 px');

    // The benefit map's node panel is beside the map, the node still in view.
    await page.getByRole('tab', { name: 'Gevinstdiagram' }).click();
    const node = page.locator('.map-canvas .gd-node').first();
    await node.click();
    const panel = page.locator('.panel-slot aside');
    await panel.waitFor();
    assert.ok(await beside(page.locator('.map-canvas'), panel), 'the node panel is beside the map, not under it');
    assert.ok(await inView(panel) && await inView(node), 'the node and its panel are both in the window');
    await expectReflows(page, 'Gevinstdiagram with a node open at 853 px');

    // The timeline's editor is beside the chart, the edited bar still in view.
    await gotoPage(page, 'Tidslinje', /Tidslinje/);
    const bar = page.locator('g.tl-bar').nth(3);
    await bar.waitFor();
    const at = await visiblePointOf(page, bar);
    await page.mouse.click(at.x, at.y);
    const editor = page.locator('aside.editor');
    await editor.waitFor();
    assert.ok(await beside(page.locator('.tl-scroll'), editor), 'the activity editor is beside the timeline, not under it');
    assert.ok(await inView(editor.locator('h2')) && await inView(bar.locator('rect.tl-bar-rect')),
      'the editor and the edited bar are both in the window');
    await expectReflows(page, 'Tidslinje with the editor at 853 px');
  });
});

test("the browser's own text size is followed, and forms grow with it (WCAG 1.4.4)", async () => {
  await withApp(env, async ({ page, context }) => {
    // A user who set the browser's text size to 200 % (32 px) without
    // zooming the page.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32 } });
    await reload(page);
    const form = page.locator('form.new-plan-form');
    await form.waitFor();
    const facts = await page.evaluate(() => {
      const form = document.querySelector('form.new-plan-form').getBoundingClientRect();
      const out = [...document.querySelectorAll('form.new-plan-form input, form.new-plan-form table')]
        .map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0 && r.right > form.right + 1).length;
      return { text: getComputedStyle(document.querySelector('main p')).fontSize, page: document.scrollingElement.scrollWidth, out };
    });
    assert.equal(facts.text, '32px', 'the text follows the browser setting');
    assert.equal(facts.out, 0, 'no field or table of Ny plan sticks out of the form');
    assert.ok(facts.page <= 1280, `no sideways scrolling: ${facts.page} px`);
  });
});

/** The text spacing of WCAG 1.4.12, as a user's style sheet sets it. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; }
p { margin-bottom: 2em !important; }`;

test('at 320 px with the text spacing of WCAG 1.4.12 no page scrolls sideways', async () => {
  await withApp(env, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.addStyleTag({ content: TEXT_SPACING });
    await expectReflows(page, 'Ny plan with text spacing');
    await openExample(page);
    await page.addStyleTag({ content: TEXT_SPACING });
    await gotoPage(page, 'Statusrapport');
    await expectReflows(page, 'Statusrapport with text spacing');
    await gotoPage(page, 'Gevinster');
    await expectReflows(page, 'Gevinster with text spacing');
    await gotoPage(page, 'Aktiviteter');
    await expectReflows(page, 'Aktiviteter with text spacing');
  });
});
