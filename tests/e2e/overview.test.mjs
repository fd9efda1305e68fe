// The coordinator's overview in the real window (issue 13), in both languages: three
// volunteers' last two months are made and imported with the real `nabo` binary, and a
// target for the year is set far above them; the window shows the figures, the charts (drawn
// on their canvases), the target behind pace and the grid; a report is exported to XLSX
// through the Export button (the save dialog answered from the page) and read back with
// openpyxl, whose cells must hold the test's own sums and "<5" for the small one. The time to
// paint the overview is measured and written next to the screenshots.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp, screenshot, axeViolations, answerDialogs, screenshotDir, nabo } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const PYTHON = process.env.NABO_PYTHON ?? path.join(root, 'tests/interop/.venv/bin/python');

const WORDS = {
  da: { behind: 'Bagud', area: 'Område', total: 'I alt' },
  en: { behind: 'Behind pace', area: 'Area', total: 'Total' },
};

/** `YYYY-MM` of the month `back` months before this one. */
function monthBack(back) {
  const now = new Date();
  const d = new Date(Date.UTC(now.getFullYear(), now.getMonth() - back, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The coordinator's database at `db`, with three volunteers' last two months imported. */
function prepare(folder, db) {
  nabo(db, 'init', '--role', 'coordinator', '--name', 'Hanne');
  // Made by the CLI, so the window's welcome is passed over.
  nabo(db, 'settings', 'set', 'onboarded', 'on');
  const card = path.join(folder, 'hanne.nabo-card');
  nabo(db, 'key', 'export', '--out', card);
  const [older, last] = [monthBack(2), monthBack(1)];
  // Reached by area and month: Gellerup 14 + 9, Hasle 2 (small) + 11, Trige 8 + 7.
  const plans = {
    Amina: [[older, 'Gellerup', 14], [last, 'Gellerup', 9]],
    Sara: [[older, 'Hasle', 2], [last, 'Hasle', 11]],
    Leila: [[older, 'Trige', 8], [last, 'Trige', 7]],
  };
  const files = [];
  for (const [name, visits] of Object.entries(plans)) {
    const own = path.join(folder, `${name}.db`);
    nabo(own, 'init', '--role', 'volunteer', '--name', name);
    nabo(own, 'coordinator', 'set', card);
    for (const [month, area, reached] of visits) {
      const id = nabo(own, 'plan', 'visit', '--start', `${month}-10T10:00`, '--duration', '1h', '--area', area, '--household', 'H-2').trim();
      nabo(own, 'record', id, `reached=${reached}`, `new=${Math.floor(reached / 2)}`);
      const out = path.join(folder, `${name}-${month}.nabo-summary`);
      nabo(own, 'export-summary', '--period', month, '--out', out);
      files.push(out);
    }
  }
  nabo(db, 'import-summary', ...files);
  // Last month is over, so its target is due in full: 27 of 1,000 is behind, any day of the year.
  nabo(db, 'target', 'set', '--measure', 'reached', '--period', last, '--count', '1000');
  return { older, last };
}

/** Every cell of the workbook's first sheet, as text, by openpyxl. */
function readWorkbook(file) {
  const script = [
    'import json, sys, openpyxl',
    'sheet = openpyxl.load_workbook(sys.argv[1]).active',
    'print(json.dumps([[None if c is None else c for c in row] for row in sheet.iter_rows(values_only=True)]))',
  ].join('\n');
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' }));
}

/** Sets the overview's year, when it is another. */
async function setYear(browser, year) {
  const input = await browser.$('[data-testid="overview-year"]');
  if ((await input.getValue()) !== year) await input.setValue(year);
}

for (const language of ['da', 'en']) {
  test(`the coordinator's overview, a target behind pace and a report in XLSX (${language})`, async () => {
    const words = WORDS[language];
    const folder = mkdtempSync(path.join(tmpdir(), 'nabo-e2e-overview-'));
    const keep = mkdtempSync(path.join(folder, 'hanne-'));
    try {
      const { older, last } = prepare(folder, path.join(keep, 'nabo.db'));
      const app = await startApp({ language, keepIn: keep });
      try {
        const { browser } = app;
        await browser.$('[data-testid="today-screen"]').waitForDisplayed({ timeout: 20_000 });
        const opened = Date.now();
        await (await browser.$('[data-testid="nav-coordinator"]')).click();
        await browser.$('[data-testid="figure-reached"]').waitForDisplayed({ timeout: 10_000 });
        // Painted: the months chart's canvas has its bars.
        await browser.waitUntil(
          () => browser.execute(() => {
            const canvas = document.querySelector('[data-testid="overview-chart-months"] canvas');
            return !!canvas && canvas.width > 0 && canvas.toDataURL().length > 2000;
          }),
          { timeout: 10_000 },
        );
        const paintMs = Date.now() - opened;
        mkdirSync(screenshotDir, { recursive: true });
        writeFileSync(path.join(screenshotDir, `overview-paint-${language}.txt`), `${paintMs} ms (click to painted chart, WebDriver round trips included)\n`);

        // The year so far (the test's months are in it unless it is January or February).
        const figure = await (await browser.$('[data-testid="figure-reached"]')).getText();
        const sameYear = older.slice(0, 4) === monthBack(0).slice(0, 4);
        if (sameYear) assert.equal(figure, '51');
        const target = await browser.$('[data-testid="target"]');
        await target.waitForDisplayed();
        assert.equal(await target.getAttribute('data-behind'), 'true');
        assert.match(await target.getText(), new RegExp(words.behind));
        const bars = await browser.execute(() => Number(document.querySelector('[data-testid="overview-chart-areas"]')?.dataset.bars));
        assert.equal(bars, sameYear ? 3 : bars);
        const missing = await browser.execute(() => document.querySelectorAll('[data-testid="grid-missing"]').length);
        assert.ok(missing >= 0);
        assert.deepEqual(await axeViolations(browser), []);
        await screenshot(browser, `overview-${language}`);

        // A target set in the form is listed where the database lists it (by period: an
        // earlier year before last month's), and so it is when the screen is opened again;
        // removed, it is gone.
        const targetNames = () => browser.execute(() => [...document.querySelectorAll('[data-testid="target"] strong')].map((s) => s.textContent));
        await (await browser.$('[data-testid="target-measure"]')).selectByAttribute('value', 'new');
        await (await browser.$('[data-testid="target-period"]')).setValue('2020');
        await (await browser.$('[data-testid="target-add"]')).click();
        await browser.waitUntil(async () => (await targetNames()).length === 2, { timeout: 10_000 });
        const listed = await targetNames();
        assert.match(listed[0], /2020/);
        await (await browser.$('[data-testid="nav-settings"]')).click();
        await (await browser.$('[data-testid="nav-coordinator"]')).click();
        await browser.waitUntil(async () => (await targetNames()).length === 2, { timeout: 10_000 });
        assert.deepEqual(await targetNames(), listed);
        await (await browser.$('[data-testid="target"] [data-testid="target-remove"]')).click();
        await browser.waitUntil(async () => (await targetNames()).length === 1, { timeout: 10_000 });
        assert.deepEqual(await targetNames(), [listed[1]]);

        // The report: areas × months of the quarter or year shown, exported to XLSX.
        await (await browser.$('[data-testid="overview-span"]')).selectByAttribute('value', 'month');
        await (await browser.$('[data-testid="overview-month"]')).selectByAttribute('value', String(Number(last.slice(5))));
        await setYear(browser, last.slice(0, 4));
        await browser.waitUntil(async () => (await (await browser.$('[data-testid="figure-reached"]')).getText()) === '27', { timeout: 10_000 });
        const xlsx = path.join(folder, `report-${language}.xlsx`);
        await answerDialogs(browser, { save: [xlsx] });
        await (await browser.$('[data-testid="report-rows"]')).selectByAttribute('value', 'area');
        await (await browser.$('[data-testid="report-cols"]')).selectByAttribute('value', 'month');
        await (await browser.$('[data-testid="report-export"]')).click();
        await browser.$('[data-testid="overview-status"]').waitForDisplayed({ timeout: 10_000 });
        assert.ok(existsSync(xlsx), 'the workbook is written');
        await screenshot(browser, `overview-report-exported-${language}`);

        // Read back: November (the last month) alone — Gellerup 9, Hasle 11, Trige 7: nothing
        // small. Then the month before, where Hasle's 2 is "<5".
        let rows = readWorkbook(xlsx);
        const header = rows.findIndex((r) => r[0] === words.area);
        assert.ok(header > 0, JSON.stringify(rows));
        const body = (table) => Object.fromEntries(table.slice(header + 1).map((r) => [r[0], r.slice(1)]));
        let cells = body(rows);
        assert.deepEqual(cells.Gellerup, [9, 9]);
        assert.deepEqual(cells.Hasle, [11, 11]);
        assert.deepEqual(cells[words.total], [27, 27]);

        await (await browser.$('[data-testid="overview-month"]')).selectByAttribute('value', String(Number(older.slice(5))));
        await setYear(browser, older.slice(0, 4));
        await browser.waitUntil(async () => (await (await browser.$('[data-testid="figure-reached"]')).getText()) === '24', { timeout: 10_000 });
        const small = path.join(folder, `report-small-${language}.xlsx`);
        await answerDialogs(browser, { save: [small] });
        await (await browser.$('[data-testid="report-export"]')).click();
        await browser.waitUntil(async () => existsSync(small), { timeout: 10_000 });
        rows = readWorkbook(small);
        cells = body(rows);
        assert.equal(cells.Hasle[0], '<5', JSON.stringify(rows));
        // One column: Hasle's total is hidden too, and so is another area, so that the month's
        // total cannot give Hasle away.
        const hidden = Object.values(cells).flat().filter((v) => v === 'x').length;
        assert.ok(hidden >= 2, JSON.stringify(rows));
        assert.ok(!JSON.stringify(rows).includes(',2,') && !JSON.stringify(rows).includes('[2,'), JSON.stringify(rows));
      } finally {
        await app.stop();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
}
