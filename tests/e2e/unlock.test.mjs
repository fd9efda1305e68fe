// Where the computer has no key store (issue 14): the window asks for a passphrase — chosen
// twice for a new database, typed once to open it again — and a wrong one opens nothing.
// The database it makes is encrypted: no SQLite header, none of what was planned in it.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, screenshot, typeInto } from './harness.mjs';

const folder = mkdtempSync(path.join(tmpdir(), 'nabo-e2e-unlock-'));
// No passphrase given, and a session bus that is not there: no key store to keep the key in.
const noKeyStore = { NABO_PASSPHRASE: null, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };
const passphrase = 'min mors have har røde roser';
let app;

after(async () => {
  await app?.stop();
  rmSync(folder, { recursive: true, force: true });
});

test('a new database: the passphrase is chosen twice, then the welcome', async () => {
  app = await startApp({ language: 'en', keepIn: folder, env: noKeyStore });
  const { browser, dbPath } = app;
  const unlock = await browser.$('[data-testid="unlock"]');
  await unlock.waitForDisplayed({ timeout: 20_000 });
  assert.match(await unlock.getText(), /Choose a passphrase/);
  assert.doesNotMatch(await browser.getTitle(), /Gellerup|H-\d/);
  await screenshot(browser, 'unlock-new-en');
  await typeInto(browser, 'input[name="passphrase"]', passphrase);
  await typeInto(browser, 'input[name="again"]', passphrase);
  await (await browser.$('[data-testid="unlock"] button[type="submit"]')).click();
  await browser.$('[data-testid="welcome"]').waitForDisplayed({ timeout: 20_000 });
  const bytes = readFileSync(dbPath);
  assert.ok(bytes.length > 0);
  assert.notEqual(bytes.subarray(0, 15).toString('latin1'), 'SQLite format 3', 'the database is encrypted');
  await app.stop();
  app = null;
});

test('an existing database: a wrong passphrase opens nothing, the right one opens it', async () => {
  app = await startApp({ language: 'da', keepIn: folder, env: noKeyStore });
  const { browser } = app;
  const unlock = await browser.$('[data-testid="unlock"]');
  await unlock.waitForDisplayed({ timeout: 20_000 });
  assert.match(await unlock.getText(), /Lås Nabo op/);
  assert.equal(await (await browser.$('input[name="again"]')).isExisting(), false);
  await typeInto(browser, 'input[name="passphrase"]', 'forkert gæt');
  await (await browser.$('[data-testid="unlock"] button[type="submit"]')).click();
  const failure = await browser.$('[data-testid="unlock-failure"]');
  await failure.waitForDisplayed({ timeout: 20_000 });
  assert.match(await failure.getText(), /passer ikke/);
  await screenshot(browser, 'unlock-wrong-da');
  await typeInto(browser, 'input[name="passphrase"]', passphrase);
  await (await browser.$('[data-testid="unlock"] button[type="submit"]')).click();
  await browser.$('[data-testid="welcome"]').waitForDisplayed({ timeout: 20_000 });
});
