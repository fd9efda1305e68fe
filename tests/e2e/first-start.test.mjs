// First start without NABO_DB: the app creates its database in the OS data directory,
// shows an empty week that says what to do, and speaks English when asked to.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { startApp, screenshot, completeWelcome, openCalendar } from './harness.mjs';

let app;

before(async () => {
  app = await startApp({ language: 'en', osDataDir: true });
});

after(async () => {
  await app?.stop();
});

test('the database is created in the OS data directory on first start', async () => {
  const { browser, dbPath } = app;
  await browser.$('[data-testid="welcome"]').waitForDisplayed({ timeout: 20_000 });
  assert.ok(existsSync(dbPath), `${dbPath} exists`);
  const info = await browser.execute(() => window.__TAURI_INTERNALS__.invoke('app_info'));
  assert.equal(info.database_path, dbPath);
  assert.equal(info.language, 'en');
});

test('the welcome asks for language, role and programme', async () => {
  const { browser } = app;
  const welcome = await browser.$('[data-testid="welcome"]');
  assert.match(await welcome.getText(), /Welcome to Nabo/);
  await screenshot(browser, 'welcome-en');
  await completeWelcome(browser);
});

test('an empty week says what to do next, in English', async () => {
  const { browser } = app;
  await openCalendar(browser);
  const empty = await browser.$('[data-testid="empty-week"]');
  await empty.waitForDisplayed();
  assert.match(await empty.getText(), /plan a visit/i);
  assert.match(await browser.$('[data-testid="week-title"]').getText(), /Week \d+/);
  await screenshot(browser, 'week-empty-en');
});
