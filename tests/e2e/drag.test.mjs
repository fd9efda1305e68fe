// Moving by drag and drop in the week view: the stored time changes, and a drop next to
// another home visit says why it clashes.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, completeWelcome, openCalendar, dragActivity, screenshot, invokeIn, todayIn } from './harness.mjs';

let app;
let browser;

before(async () => {
  app = await startApp({ language: 'en' });
  browser = app.browser;
  await completeWelcome(browser);
});

after(async () => {
  await app?.stop();
});

const invoke = (command, args) => invokeIn(browser, command, args);

const today = () => todayIn(browser);

function visit(start) {
  return {
    kind: 'home_visit', start, duration_minutes: 60, area: 'Gellerup', household: null, venue: null, theme: null,
    title: null, note: null, programme: null, languages: [], rrule: null,
  };
}

test('dragging a visit an hour down moves it an hour later', async () => {
  const date = await today();
  const planned = await invoke('plan_activity', { request: visit(`${date}T10:00`) });
  const other = await invoke('plan_activity', { request: visit(`${date}T12:30`) });
  assert.ok(planned.id && other.id, JSON.stringify({ planned, other }));
  await openCalendar(browser, 'week');
  const card = `[data-testid="activity"][data-id="${planned.id}"]`;
  await browser.$(card).waitForDisplayed();
  // Half an hour is 40 px in the week view (`SLOT_PX` in WeekGrid.svelte).
  const slot = 40;
  // Two half-hour slots down: one hour.
  await dragActivity(browser, card, Math.round(slot * 2));
  await browser.waitUntil(async () => /11:00–12:00/.test(await browser.$(card).getText()), {
    timeout: 10_000,
    timeoutMsg: 'the card shows the new time',
  });
  const stored = await invoke('get_activity', { id: planned.id });
  assert.match(stored.start, /T11:00:00\+0[12]:00$/);

  // Half an hour further: right before the 12:30 visit, with no time to get there.
  await dragActivity(browser, card, Math.round(slot));
  const warning = await browser.$('[data-testid="conflict-warning"]');
  await warning.waitForDisplayed({ timeout: 10_000 });
  assert.match(await warning.getText(), /12:30/);
  assert.match((await invoke('get_activity', { id: planned.id })).start, /T11:30:00/);
  await screenshot(browser, 'week-drag-conflict');
});
