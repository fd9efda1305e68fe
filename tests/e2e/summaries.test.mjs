// Summary files in the real window (issue 12), in both languages: a coordinator starts on her
// own screen and saves her identity card; a volunteer opens that card in Settings, compares
// the fingerprint, confirms, and sends last month from Min måned (the file is written, locked
// to the coordinator); a second volunteer sends hers; the coordinator opens both files at once
// (the open dialog answered from the page: WebDriver cannot drive GTK's), sees the dry run,
// imports, and finds both volunteers with their totals. Screenshots of each screen.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, screenshot, typeInto, completeWelcome, axeViolations, invokeIn, todayIn, addDays, answerDialogs } from './harness.mjs';

const request = (fields) => ({
  household: null, venue: null, theme: null, title: null, note: null, programme: null, languages: [], rrule: null, expected_size: null,
  ...fields,
});

const WORDS = {
  da: { coordinator: 'Koordinator', newFile: 'Ny', reached: 'nået' },
  en: { coordinator: 'Coordinator', newFile: 'New', reached: 'reached' },
};

async function click(browser, testid) {
  const element = await browser.$(`[data-testid="${testid}"]`);
  await element.waitForDisplayed({ timeout: 10_000 });
  await element.click();
}

/** Waits for the status line `testid` of a section; its error line instead fails with its words. */
async function expectStatus(browser, testid, errorTestid) {
  await browser
    .waitUntil(
      async () => (await browser.$(`[data-testid="${testid}"]`).isExisting()) || (await browser.$(`[data-testid="${errorTestid}"]`).isExisting()),
      { timeout: 10_000 },
    )
    .catch(async (e) => {
      const shot = await screenshot(browser, `summaries-failed-${testid}`);
      throw new Error(`${testid}: neither it nor ${errorTestid} appeared (see ${shot}): ${e.message}`);
    });
  const error = await browser.$(`[data-testid="${errorTestid}"]`);
  if (await error.isExisting()) assert.fail(`${errorTestid}: ${await error.getText()}`);
  return browser.$(`[data-testid="${testid}"]`).getText();
}

async function saveName(browser, name) {
  await click(browser, 'nav-settings');
  await typeInto(browser, 'input[name="display-name"]', name);
  await click(browser, 'identity-save');
  await expectStatus(browser, 'identity-status', 'identity-action-error');
}

/** A past visit with counts in `month`'s 10th (a month already over). */
async function visitWithCounts(browser, day, reached, fresh) {
  const invoke = (command, args) => invokeIn(browser, command, args);
  const planned = await invoke('plan_activity', { request: request({ kind: 'home_visit', start: `${day}T10:00`, duration_minutes: 60, area: 'Gellerup', household: 'H-4' }) });
  assert.ok(planned.id, JSON.stringify(planned));
  const recorded = await invoke('record_counts', { id: planned.id, occurrence: null, counts: { reached, new: fresh } });
  assert.equal(recorded.value?.activity?.status, 'done', JSON.stringify(recorded));
}

for (const language of ['da', 'en']) {
  test(`a month travels from two volunteers to their coordinator (${language})`, async () => {
    const words = WORDS[language];
    const folder = mkdtempSync(path.join(tmpdir(), 'nabo-e2e-summaries-'));
    const coordinatorDir = mkdtempSync(path.join(folder, 'hanne-'));
    const card = path.join(folder, 'hanne.nabo-card');
    const files = [path.join(folder, 'amina.nabo-summary'), path.join(folder, 'sara.nabo-summary')];
    try {
      // The coordinator: the welcome's "Koordinator" leads to her screen; she saves her card.
      let app = await startApp({ language, keepIn: coordinatorDir });
      try {
        const { browser } = app;
        await (await browser.$('[data-testid="welcome"]')).waitForDisplayed({ timeout: 20_000 });
        await (await browser.$(`label=${words.coordinator}`)).click();
        await click(browser, 'welcome-start');
        await browser.$('[data-testid="coordinator-screen"]').waitForDisplayed({ timeout: 10_000 });
        await browser.$('[data-testid="volunteers-empty"]').waitForDisplayed({ timeout: 10_000 });
        await saveName(browser, 'Hanne');
        await answerDialogs(browser, { save: [card] });
        await click(browser, 'identity-export-card');
        await expectStatus(browser, 'identity-status', 'identity-action-error');
        assert.ok(existsSync(card), 'the card file is written');
        await screenshot(browser, `summaries-settings-coordinator-${language}`);
      } finally {
        await app.stop();
      }
      const hanne = JSON.parse(readFileSync(card, 'utf8'));
      assert.equal(hanne.name, 'Hanne');

      // Two volunteers send last month to her.
      for (const [i, name] of ['Amina', 'Sara'].entries()) {
        app = await startApp({ language });
        try {
          const { browser } = app;
          await completeWelcome(browser);
          const today = await todayIn(browser);
          const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
          await visitWithCounts(browser, `${lastMonth}-10`, 3 + i, 1 + i);
          await saveName(browser, name);
          // Her coordinator's card: opened, the fingerprint compared, then confirmed.
          await answerDialogs(browser, { open: [[card]], save: [files[i]] });
          await click(browser, 'coordinator-open');
          const compare = await browser.$('[data-testid="coordinator-compare"]');
          await compare.waitForDisplayed({ timeout: 10_000 });
          const shown = await compare.getText();
          const fingerprint = shown.match(/[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}/)?.[0];
          assert.ok(fingerprint, shown);
          if (i === 0) {
            assert.deepEqual(await axeViolations(browser), []);
            await screenshot(browser, `summaries-compare-fingerprint-${language}`);
          }
          await click(browser, 'coordinator-confirm');
          await browser.$('[data-testid="coordinator-current"]').waitForDisplayed({ timeout: 10_000 });

          await click(browser, 'nav-month');
          await click(browser, 'mymonth-prev');
          await click(browser, 'summary-send');
          assert.match(await expectStatus(browser, 'summary-status', 'summary-error'), /Hanne/);
          assert.ok(existsSync(files[i]), `${files[i]} is written`);
          const bytes = readFileSync(files[i]);
          assert.ok(bytes.subarray(0, 40).toString('latin1').startsWith('age-encryption.org/v1'), 'encrypted with age');
          for (const secret of [name, 'reached', 'Gellerup', 'H-4']) assert.ok(!bytes.includes(secret), `the file shows ${secret}`);
          if (i === 0) {
            await browser.$('[data-testid="summary-state"]').waitForDisplayed();
            assert.deepEqual(await axeViolations(browser), []);
            await screenshot(browser, `summaries-month-sent-${language}`);
          }
        } finally {
          await app.stop();
        }
      }

      // The coordinator opens both files at once: the dry run, then one click imports them.
      app = await startApp({ language, keepIn: coordinatorDir });
      try {
        const { browser } = app;
        await browser.$('[data-testid="today-screen"]').waitForDisplayed({ timeout: 20_000 });
        await click(browser, 'nav-coordinator');
        await answerDialogs(browser, { open: [files] });
        await click(browser, 'summaries-open');
        const dry = await browser.$('[data-testid="summaries-dry-run"]');
        await dry.waitForDisplayed({ timeout: 10_000 });
        const outcomes = await browser.execute(() =>
          [...document.querySelectorAll('[data-testid="summaries-dry-run"] [data-testid="summary-file"]')].map((r) => r.dataset.outcome),
        );
        assert.deepEqual(outcomes, ['new', 'new']);
        assert.match(await dry.getText(), new RegExp(`amina\\.nabo-summary.*Amina.*${words.newFile}`, 's'));
        assert.deepEqual(await axeViolations(browser), []);
        await screenshot(browser, `summaries-dry-run-${language}`);

        await click(browser, 'summaries-import');
        await browser.$('[data-testid="summaries-result"]').waitForDisplayed({ timeout: 10_000 });
        const table = await browser.$('[data-testid="volunteers-table"]');
        await table.waitForDisplayed({ timeout: 10_000 });
        const rows = await browser.execute(() =>
          [...document.querySelectorAll('[data-testid="volunteer-row"]')].map((r) => [r.dataset.name, r.innerText.replace(/\s+/g, ' ')]),
        );
        assert.deepEqual(rows.map(([n]) => n), ['Amina', 'Sara']);
        assert.match(rows[0][1], new RegExp(`3 ${words.reached}`));
        assert.match(rows[1][1], new RegExp(`4 ${words.reached}`));
        assert.deepEqual(await axeViolations(browser), []);
        await screenshot(browser, `summaries-volunteers-${language}`);
      } finally {
        await app.stop();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
}
