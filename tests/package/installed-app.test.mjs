// Smoke test of the installed package: the app that `apt install ./nabo_*.deb` put in
// /usr/bin starts through WebDriver, passes the welcome and shows the week.
// Run by tests/package/deb-install.sh with NABO_APP=/usr/bin/nabo-desktop.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appPath, startApp, screenshot, completeWelcome, openCalendar } from '../e2e/harness.mjs';

let app;
let browser;

before(async () => {
  assert.match(appPath, /^\/usr\/bin\//, `NABO_APP should be the installed binary, not ${appPath}`);
  app = await startApp({ language: 'da' });
  browser = app.browser;
});

after(async () => {
  await app?.stop();
});

test('the installed app opens its window and shows the week view', async () => {
  assert.equal(await browser.getTitle(), 'Nabo');
  await completeWelcome(browser);
  await openCalendar(browser, 'week');
  const week = await browser.$('[data-testid="week-view"]');
  assert.ok(await week.isDisplayed(), 'the week view is shown');
  assert.equal((await browser.$$('[data-testid="day"]')).length, 7, 'seven days in the week');
  await screenshot(browser, 'installed-package-week');
});
