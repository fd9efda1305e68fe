// The first journey: the week view opens, a visit is planned in the form and appears in the
// week, and a second visit at the same time is planned with a conflict warning.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshot, typeInto, completeWelcome, openCalendar, todayIn, watchCsp, cspViolations, calendarSettled, nabo } from './harness.mjs';

let app;
let browser;

before(async () => {
  app = await startApp({ language: 'da' });
  browser = app.browser;
  await completeWelcome(browser);
  await watchCsp(browser);
  await openCalendar(browser);
});

after(async () => {
  await app?.stop();
});

const today = () => todayIn(browser);

async function planVisit({ date, time, duration, area, household }) {
  await (await browser.$('[data-testid="plan-visit"]')).click();
  const form = await browser.$('[data-testid="plan-form"]');
  await form.waitForDisplayed();
  await typeInto(browser, 'input[name="date"]', date);
  await typeInto(browser, 'input[name="time"]', time);
  await typeInto(browser, 'input[name="duration"]', String(duration));
  await typeInto(browser, 'input[name="area"]', area);
  if (household) await typeInto(browser, 'input[name="household"]', household);
  await (await form.$('button[type="submit"]')).click();
  await form.waitForExist({ reverse: true, timeout: 10_000 });
}

test('the window is titled Nabo and shows this week', async () => {
  assert.equal(await browser.getTitle(), 'Nabo');
  const week = await browser.$('[data-testid="week-view"]');
  await week.waitForDisplayed({ timeout: 20_000 });
  const days = await browser.$$('[data-testid="day"]');
  assert.equal(days.length, 7);
  const date = await today();
  const todayHead = await browser.$(`[data-testid="day"][data-date="${date}"]`);
  assert.ok(await todayHead.isExisting(), `today's column ${date} is in the week`);
  assert.ok(await todayHead.$('[data-testid="today-label"]').isExisting(), 'today is marked in words');
  await browser.$('[data-testid="empty-week"]').waitForDisplayed();
  await screenshot(browser, 'week-empty');
});

test('a visit planned in the form appears in the week view', async () => {
  const date = await today();
  await (await browser.$('[data-testid="plan-visit"]')).click();
  await browser.$('[data-testid="plan-form"]').waitForDisplayed();
  await screenshot(browser, 'plan-form');
  await (await browser.$('[data-testid="plan-cancel"]')).click();
  await browser.$('[data-testid="plan-form"]').waitForExist({ reverse: true });

  await planVisit({ date, time: '10:00', duration: 60, area: 'Gellerup', household: 'H-17' });

  const card = await browser.$(`[data-testid="activity"][data-date="${date}"]`);
  await card.waitForDisplayed({ timeout: 10_000 });
  const text = await card.getText();
  assert.match(text, /10:00/);
  assert.match(text, /11:00/);
  assert.match(text, /Besøg/);
  assert.match(text, /Gellerup/);
  assert.doesNotMatch(text, /H-17/, 'the household label is not shown in the week');
  await screenshot(browser, 'week-with-visit');
});

test('planning over another visit warns about the conflict', async () => {
  const date = await today();
  await planVisit({ date, time: '10:30', duration: 30, area: 'Gellerup' });
  const warning = await browser.$('[data-testid="conflict-warning"]');
  await warning.waitForDisplayed({ timeout: 10_000 });
  assert.match(await warning.getText(), /10:00/);
  const badges = await browser.$$(`[data-testid="activity"][data-date="${date}"] [data-testid="conflict-badge"]`);
  assert.equal(badges.length, 2, 'both clashing visits are flagged');
  await screenshot(browser, 'week-conflict');
  // The week grid places its cards (side by side here) through the CSSOM, which the CSP allows.
  assert.deepEqual(await cspViolations(browser), [], 'nothing the CSP refused');
});

test('a time in the spring-forward gap is refused next to the field, keeping what was typed', async () => {
  await (await browser.$('[data-testid="plan-visit"]')).click();
  const form = await browser.$('[data-testid="plan-form"]');
  await form.waitForDisplayed();
  await typeInto(browser, 'input[name="date"]', '2027-03-28');
  await typeInto(browser, 'input[name="time"]', '02:30');
  await typeInto(browser, 'input[name="area"]', 'Vollsmose');
  await (await form.$('button[type="submit"]')).click();
  const error = await browser.$('[data-testid="field-error"][data-field="start"]');
  await error.waitForDisplayed({ timeout: 10_000 });
  assert.match(await error.getText(), /02:00 til 03:00/);
  assert.equal(await (await browser.$('input[name="area"]')).getValue(), 'Vollsmose');
  await screenshot(browser, 'plan-form-dst-error');
  // Closing a form with typed text asks first; discarding leaves nothing planned.
  await (await browser.$('[data-testid="plan-cancel"]')).click();
  await (await browser.$('[data-testid="discard-yes"]')).click();
  await form.waitForExist({ reverse: true });
});

test('a visit deleted in its form leaves the week, and "Fortryd" brings it back', async () => {
  const date = await today();
  await planVisit({ date, time: '14:00', duration: 45, area: 'Bispehaven' });
  /** The id of the card at 14:00 today, or null. */
  const at14 = () =>
    browser.execute(
      (d) => [...document.querySelectorAll(`[data-testid="activity"][data-date="${d}"]`)].find((c) => c.textContent.includes('14:00'))?.dataset.id ?? null,
      date,
    );
  await browser.waitUntil(async () => (await at14()) !== null, { timeout: 10_000, timeoutMsg: 'the visit at 14:00 is in the week' });
  const id = await at14();
  const selector = `[data-testid="activity"][data-id="${id}"]`;
  await (await browser.$(selector)).click();
  const form = await browser.$('[data-testid="plan-form"]');
  await form.waitForDisplayed();
  await (await browser.$('[data-testid="delete"]')).click();
  await form.waitForExist({ reverse: true, timeout: 10_000 });
  await browser.$(selector).waitForExist({ reverse: true, timeout: 10_000 });
  await browser.$('[data-testid="toast-undo"]').waitForDisplayed();
  await screenshot(browser, 'week-deleted-undo');
  /** The ids stored for today, read by the CLI from the window's database. */
  const stored = () => JSON.parse(nabo(app.dbPath, 'list', '--from', date, '--to', date, '--json')).map((a) => String(a.id));
  assert.ok(!stored().includes(id), 'the visit is gone from the database, not only from the window');
  // Another week and back asks for the lists again: it stays gone.
  await (await browser.$('[data-testid="next-week"]')).click();
  await (await browser.$('[data-testid="prev-week"]')).click();
  await calendarSettled(browser);
  assert.equal(await at14(), null, 'the deleted visit stays gone');
  await (await browser.$('[data-testid="toast-undo"]')).click();
  await browser.waitUntil(async () => (await at14()) !== null, { timeout: 10_000, timeoutMsg: 'the visit is back after Fortryd' });
  assert.ok(stored().includes(await at14()), 'Fortryd stored it again');
  assert.match(await (await browser.$(`[data-testid="activity"][data-id="${await at14()}"]`)).getText(), /Bispehaven/);
});
