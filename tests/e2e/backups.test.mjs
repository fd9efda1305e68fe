// Backups, restore and "Erase everything" in the real window (issue 14, parts 3 and 7): a
// backup made with the button, the examples removed, the backup restored (the window reloads
// with them back, and the state before the restore kept as a backup of its own); a database
// damaged on disk, found by the quick check at start, with the newest backup offered and
// restored; and everything erased, with each file listed and gone from the disk.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, screenshot, typeInto, completeWelcome, invokeIn, todayIn, addDays } from './harness.mjs';

const folder = mkdtempSync(path.join(tmpdir(), 'nabo-e2e-backups-'));
let app;

after(async () => {
  await app?.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** How many activities the window's backend holds, a year either side of today. */
async function activities(browser) {
  const today = await todayIn(browser);
  const listed = await invokeIn(browser, 'list_activities', { from: addDays(today, -366), to: addDays(today, 366) });
  assert.ok(Array.isArray(listed), JSON.stringify(listed));
  return listed.length;
}

async function openSettingsAt(browser, testid) {
  await (await browser.$('[data-testid="nav-settings"]')).click();
  const section = await browser.$(`[data-testid="${testid}"]`);
  await section.waitForDisplayed({ timeout: 10_000 });
  await section.scrollIntoView({ block: 'start' });
  return section;
}

async function backupItems(browser) {
  return browser.$$('[data-testid="backup-item"]');
}

/** Confirms the open restore dialog and waits for the window to come back after its reload. */
async function confirmRestore(browser) {
  // The window starts again on the restored database (a reload of the page): wait for the new
  // page, not the start screen of the old one, which stays while the restore runs.
  await browser.execute(() => (window.__e2eBeforeRestore = true));
  await (await browser.$('[data-testid="restore-yes"]')).click();
  await browser.waitUntil(
    async () =>
      (await browser.execute(() => window.__e2eBeforeRestore !== true).catch(() => false)) &&
      (await browser.$('[data-testid="today-screen"]').isDisplayed().catch(() => false)),
    { timeout: 20_000, timeoutMsg: 'the window started again on the restored database' },
  );
}

test('a backup made with the button brings back what was removed; the state before is kept', async () => {
  app = await startApp({ language: 'da', keepIn: folder });
  const { browser } = app;
  await completeWelcome(browser, { examples: true });
  const examples = await activities(browser);
  assert.ok(examples > 0, 'the examples are there');

  await openSettingsAt(browser, 'backups');
  await (await browser.$('[data-testid="backups-empty"]')).waitForDisplayed();
  await (await browser.$('[data-testid="backups-now"]')).click();
  await browser.waitUntil(async () => (await backupItems(browser)).length === 1, { timeout: 10_000 });
  const backups = path.join(folder, 'backups');
  const files = readdirSync(backups);
  assert.equal(files.length, 1);
  assert.match(files[0], /^nabo-backup-\d{8}-\d{6}\.nabo$/);
  const bytes = readFileSync(path.join(backups, files[0]));
  assert.notEqual(bytes.subarray(0, 15).toString('latin1'), 'SQLite format 3', 'the backup is encrypted');
  assert.ok(!bytes.includes(Buffer.from('Gellerup')), 'no area readable in the backup');
  assert.equal(statSync(path.join(backups, files[0])).mode & 0o777, 0o600);
  await screenshot(browser, 'backups-da');

  assert.ok((await invokeIn(browser, 'remove_examples', {})) > 0);
  assert.equal(await activities(browser), 0);

  await openSettingsAt(browser, 'backups');
  const [newest] = await backupItems(browser);
  await (await newest.$('[data-testid="backup-restore"]')).click();
  await (await browser.$('[data-testid="restore-dialog"]')).waitForDisplayed();
  await (await browser.$('[data-testid="restore-copy-kept"]')).waitForDisplayed();
  await screenshot(browser, 'restore-dialog-da');
  await confirmRestore(browser);
  assert.equal(await activities(browser), examples, 'the examples are back');
  // The state before the restore (no examples) was kept first: two backups now.
  await openSettingsAt(browser, 'backups');
  await browser.waitUntil(async () => (await backupItems(browser)).length === 2, { timeout: 10_000 });
});

test('a database damaged on disk is found at start and the newest backup restores it', async () => {
  await app.stop();
  app = null;
  const db = path.join(folder, 'nabo.db');
  // The file is the restored backup, whole; the write-ahead log holds only what the window wrote
  // since (settings). It goes, then a byte in the middle of the file is changed.
  for (const suffix of ['-wal', '-shm']) rmSync(db + suffix, { force: true });
  const bytes = readFileSync(db);
  assert.ok(bytes.length >= 4 * 4096, `${bytes.length} bytes`);
  const at = Math.floor(bytes.length / 2 / 4096) * 4096 + 1000;
  bytes[at] ^= 0x55;
  writeFileSync(db, bytes);

  app = await startApp({ language: 'en', keepIn: folder });
  const { browser } = app;
  const banner = await browser.$('[data-testid="damaged-banner"]');
  await banner.waitForDisplayed({ timeout: 20_000 });
  assert.match(await banner.getText(), /damaged/i);
  await screenshot(browser, 'damaged-en');
  await (await browser.$('[data-testid="damaged-restore"]')).click();
  await (await browser.$('[data-testid="restore-dialog"]')).waitForDisplayed();
  await confirmRestore(browser);
  assert.equal(await browser.$('[data-testid="damaged-banner"]').isExisting(), false, 'no banner after the restore');
  const check = await invokeIn(browser, 'app_info', {});
  assert.equal(check.damaged, false);
});

test('Erase everything lists what it removed, and it is gone from the disk', async () => {
  const { browser } = app;
  await openSettingsAt(browser, 'erase');
  await (await browser.$('[data-testid="erase-open"]')).click();
  const yes = await browser.$('[data-testid="erase-yes"]');
  await yes.waitForDisplayed();
  assert.equal(await yes.isEnabled(), false, 'not before the word is typed');
  await typeInto(browser, '[data-testid="erase-word"]', 'ERASE');
  await browser.waitUntil(() => yes.isEnabled(), { timeout: 5_000 });
  await yes.click();
  const erased = await browser.$('[data-testid="erased-screen"]');
  await erased.waitForDisplayed({ timeout: 10_000 });
  const listed = await (await browser.$('[data-testid="erased-files"]')).getText();
  const db = path.join(folder, 'nabo.db');
  assert.ok(listed.includes(db), listed);
  assert.equal(existsSync(db), false, 'the database is gone');
  assert.deepEqual(existsSync(path.join(folder, 'backups')) ? readdirSync(path.join(folder, 'backups')) : [], []);
  await screenshot(browser, 'erased-en');
});
