// The app lock (issue 14, part 2) in the real window: turned on in Settings, locked with the
// header's button and with Ctrl+L over an open form, a neutral lock screen (nothing but Nabo:
// no label, area, count, date or time; the title "Nabo"), wrong PINs slowed down by the app
// itself (a try during the wait is refused even when it goes round the page), the right PIN
// back to the same form as it was typed; locked again after a minute without use; and a new
// window starts locked.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, screenshot, typeInto, completeWelcome, invokeIn, axeViolations } from './harness.mjs';

const folder = mkdtempSync(path.join(tmpdir(), 'nabo-e2e-lock-'));
const PIN = '2580';
let app;

after(async () => {
  await app?.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** The lines of text the window shows (hidden elements have none). */
async function shownLines(browser) {
  const text = await browser.execute(() => document.body.innerText);
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

/** The lock screen is up, and the window shows nothing else: its three lines, the title "Nabo". */
async function expectNeutral(browser, lines) {
  await browser.$('[data-testid="lock-screen"]').waitForDisplayed({ timeout: 10_000 });
  assert.deepEqual(await shownLines(browser), lines);
  assert.equal(await browser.getTitle(), 'Nabo');
}

async function tryPin(browser, pin) {
  await typeInto(browser, 'input[name="lock-secret"]', pin);
  await browser.keys('Enter');
}

const DA_LOCKED = ['Nabo er låst', 'Pinkode eller adgangsord', 'Lås op'];

test('on in Settings; locked by the button and by Ctrl+L over a form; neutral; wrong PINs slowed; back to the form', async () => {
  app = await startApp({ language: 'da', keepIn: folder });
  const { browser } = app;
  await completeWelcome(browser, { examples: true });
  // The start screen shows the examples' areas, dates and times: the lock screen must not.
  const before = (await shownLines(browser)).join('\n');
  assert.match(before, /Gellerup/);
  assert.match(before, /\d\d:\d\d/);

  // Off by default; turned on with the PIN twice and one idle minute.
  assert.equal(await (await browser.$('[data-testid="lock-now"]')).isExisting(), false);
  await (await browser.$('[data-testid="nav-settings"]')).click();
  const state = await browser.$('[data-testid="lock-settings-state"]');
  await state.waitForDisplayed({ timeout: 10_000 });
  assert.match(await state.getText(), /slået fra/);
  await typeInto(browser, 'input[name="lock-new"]', PIN);
  await typeInto(browser, 'input[name="lock-again"]', PIN);
  await typeInto(browser, 'input[name="lock-minutes"]', '1');
  await (await browser.$('[data-testid="lock-settings-save"]')).click();
  await browser.waitUntil(async () => /1 minut uden brug/.test(await state.getText()), { timeout: 10_000 });
  await (await browser.$('[data-testid="lock-settings"]')).scrollIntoView({ block: 'center' });
  await screenshot(browser, 'lock-settings-da');

  // The header's button.
  await (await browser.$('[data-testid="nav-today"]')).click();
  await browser.$('[data-testid="today-screen"]').waitForDisplayed();
  await (await browser.$('[data-testid="lock-now"]')).click();
  await expectNeutral(browser, DA_LOCKED);
  await screenshot(browser, 'lock-da');
  assert.deepEqual(await axeViolations(browser), [], 'axe on the lock screen');
  await tryPin(browser, PIN);
  await browser.$('[data-testid="lock-screen"]').waitForExist({ reverse: true, timeout: 10_000 });
  await browser.$('[data-testid="today-screen"]').waitForDisplayed();

  // Ctrl+L over a form being filled in.
  await (await browser.$('[data-testid="plan-visit"]')).click();
  await browser.$('[data-testid="plan-form"]').waitForDisplayed();
  await typeInto(browser, 'input[name="area"]', 'Gellerup');
  await typeInto(browser, 'input[name="household"]', 'H-41');
  await browser.keys(['Control', 'l']);
  await expectNeutral(browser, DA_LOCKED);

  // Three wrong tries are answered at once; after the third, the next waits 5 seconds.
  for (let n = 1; n <= 3; n++) {
    await tryPin(browser, '1111');
    await browser.waitUntil(
      async () => (await browser.$('[data-testid="lock-failure"]').isDisplayed()) && (await browser.$('input[name="lock-secret"]').getValue()) === '',
      { timeout: 10_000, timeoutMsg: `wrong try ${n} was not answered` },
    );
  }
  const wait = await browser.$('[data-testid="lock-wait"]');
  await wait.waitForDisplayed({ timeout: 5_000 });
  assert.match(await wait.getText(), /Prøv igen om [1-5] sekund/);
  await typeInto(browser, 'input[name="lock-secret"]', PIN);
  assert.equal(await (await browser.$('[data-testid="lock-unlock"]')).isEnabled(), false, 'no try during the wait');
  await screenshot(browser, 'lock-wait-da');
  // A fourth try that goes round the page, with the right PIN: refused unchecked, still locked.
  const refused = await invokeIn(browser, 'unlock_app', { secret: PIN });
  assert.equal(refused.failed?.code, 'lock_wait', JSON.stringify(refused));
  assert.ok(Number(refused.failed.args.seconds) >= 1);
  assert.equal(await browser.$('[data-testid="lock-screen"]').isDisplayed(), true);

  // After the wait, the right PIN: the same form, as it was typed.
  await wait.waitForExist({ reverse: true, timeout: 10_000 });
  await (await browser.$('[data-testid="lock-unlock"]')).click();
  await browser.$('[data-testid="lock-screen"]').waitForExist({ reverse: true, timeout: 10_000 });
  await browser.$('[data-testid="plan-form"]').waitForDisplayed();
  assert.equal(await (await browser.$('input[name="area"]')).getValue(), 'Gellerup');
  assert.equal(await (await browser.$('input[name="household"]')).getValue(), 'H-41');
  assert.equal(await browser.getTitle(), 'Nabo');
});

test('locked again after a minute without use, over the same form', async () => {
  const { browser } = app;
  const started = Date.now();
  // Nothing touches the window now: WebDriver's looking sends it no input.
  await browser.$('[data-testid="lock-screen"]').waitForDisplayed({ timeout: 100_000, interval: 1_000 });
  const seconds = (Date.now() - started) / 1000;
  assert.ok(seconds >= 50 && seconds <= 80, `locked after ${seconds} s without use (idle: 1 minute, checked every 5 s)`);
  await expectNeutral(browser, DA_LOCKED);
  await tryPin(browser, PIN);
  await browser.$('[data-testid="lock-screen"]').waitForExist({ reverse: true, timeout: 10_000 });
  assert.equal(await (await browser.$('input[name="area"]')).getValue(), 'Gellerup');
  await app.stop();
  app = null;
});

test('a new window starts locked (in English here)', async () => {
  await app?.stop();
  app = await startApp({ language: 'en', keepIn: folder });
  const { browser } = app;
  await expectNeutral(browser, ['Nabo is locked', 'PIN or passphrase', 'Unlock']);
  await screenshot(browser, 'lock-en');
  await tryPin(browser, '9999');
  await browser.$('[data-testid="lock-failure"]').waitForDisplayed({ timeout: 10_000 });
  assert.match(await browser.$('[data-testid="lock-failure"]').getText(), /not right/);
  await tryPin(browser, PIN);
  await browser.$('[data-testid="today-screen"]').waitForDisplayed({ timeout: 10_000 });
  assert.equal(await browser.$('[data-testid="lock-screen"]').isExisting(), false);
});
