// Issue 11: a change whose live calendar file could not be rewritten is still made, and the
// window says so. The live calendar is set in a folder that is then removed (a pulled USB
// stick); cancelling a visit in the edit form shows the notice naming the file.
// Modelled on journeys.test.mjs ("mark a visit done"): plan through the app's own command,
// open the visit by keyboard in the week, press a status button.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, screenshot, completeWelcome, openCalendar, invokeIn, todayIn } from './harness.mjs';

let app;
let browser;
let sync;

before(async () => {
  app = await startApp({ language: 'da' });
  browser = app.browser;
  await completeWelcome(browser);
  sync = fs.mkdtempSync(path.join(os.tmpdir(), 'nabo-e2e-sync-'));
});

after(async () => {
  await app?.stop();
  if (sync) fs.rmSync(sync, { recursive: true, force: true });
});

const invoke = (command, args) => invokeIn(browser, command, args);

test('with the live calendar folder gone, a cancelled visit is cancelled and the window names the file', async () => {
  const folder = path.join(sync, 'phone');
  fs.mkdirSync(folder);
  const live = path.join(folder, 'nabo.ics');
  const settings = await invoke('get_settings', {});
  const saved = await invoke('save_settings', { settings: { ...settings, live_calendar_path: live } });
  assert.equal(saved.failed, undefined, JSON.stringify(saved));
  assert.deepEqual(saved.notices, []);
  assert.ok(fs.existsSync(live), 'written as soon as it is set');

  const date = await todayIn(browser);
  const planned = await invoke('plan_activity', {
    request: { kind: 'home_visit', start: `${date}T23:00`, duration_minutes: 30, area: 'Vollsmose', household: 'H-41', venue: null, theme: null, title: null, note: null, programme: null, languages: [], rrule: null, expected_size: null },
  });
  assert.deepEqual(planned.notices, []);
  fs.rmSync(folder, { recursive: true });

  await openCalendar(browser);
  await browser.$(`[data-testid="activity"][data-id="${planned.id}"]`).waitForExist();
  await browser.execute((id) => document.querySelector(`[data-testid="activity"][data-id="${id}"]`).closest('[role="button"]').focus(), planned.id);
  await browser.keys('Enter');
  await browser.$('[data-testid="current-status"]').waitForDisplayed();
  await (await browser.$('[data-testid="status-cancelled"]')).click();

  const notice = await browser.$('[data-testid="change-notice"]');
  await notice.waitForDisplayed({ timeout: 10_000 });
  const text = await notice.getText();
  assert.match(text, /Ændringen er gemt, men kalenderfilen/);
  assert.ok(text.includes(live), `names the file: ${text}`);
  const stored = await invoke('get_activity', { id: planned.id });
  assert.equal(stored.status, 'cancelled', 'the change was made');
  await screenshot(browser, 'live-calendar-notice-da');
});
