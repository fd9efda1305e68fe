// Moving by drag and drop in the week view: the stored time changes, and a drop next to
// another home visit says why it clashes.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, completeWelcome, openCalendar, dragActivity, screenshot, invokeIn, todayIn, watchCsp, cspViolations } from './harness.mjs';

let app;
let browser;

before(async () => {
  app = await startApp({ language: 'en' });
  browser = app.browser;
  await completeWelcome(browser);
  // The week grid places and drags its cards through the CSSOM, which the CSP allows.
  await watchCsp(browser);
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

/**
 * Plans a visit today at `time` behind the window's back, opens the calendar again to show
 * it, and returns it with its card's selector once the card is there.
 */
async function planAndShow(time) {
  const date = await today();
  const planned = await invoke('plan_activity', { request: visit(`${date}T${time}`) });
  assert.ok(planned.id, JSON.stringify(planned));
  await (await browser.$('[data-testid="nav-today"]')).click();
  await openCalendar(browser, 'week');
  const card = `[data-testid="activity"][data-id="${planned.id}"]`;
  await browser.$(card).waitForExist({ timeout: 10_000 });
  return { date, planned, card };
}

test('holding a dragged visit at the bottom edge scrolls the week, and it lands on the hour under the pointer', async () => {
  const { planned, card } = await planAndShow('08:00');
  await browser.$(card).waitForDisplayed({ timeout: 10_000 });
  const { x, y, bottom } = await browser.execute((selector) => {
    const grid = document.querySelector('[data-testid="week-grid"]');
    grid.scrollTop = 0;
    const r = document.querySelector(selector).closest('.wk-entry').getBoundingClientRect();
    return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + 10), bottom: Math.round(grid.getBoundingClientRect().bottom) };
  }, card);
  const to = (toY, duration) => ({ type: 'pointerMove', duration, x, y: toY, origin: 'viewport' });
  await browser.performActions([
    {
      type: 'pointer',
      id: 'mouse',
      parameters: { pointerType: 'mouse' },
      actions: [
        to(y, 0),
        { type: 'pointerDown', button: 0 },
        { type: 'pause', duration: 150 },
        to(y + 5, 100),
        to(bottom - 12, 400),
        // Held at the edge: the week scrolls on under the pointer.
        { type: 'pause', duration: 1500 },
        to(bottom - 11, 50),
        { type: 'pause', duration: 150 },
        { type: 'pointerUp', button: 0 },
      ],
    },
  ]);
  await browser.releaseActions();
  const scrolled = await browser.execute(() => document.querySelector('[data-testid="week-grid"]').scrollTop);
  assert.ok(scrolled > 200, `the week scrolled (${scrolled} px)`);
  await browser.waitUntil(async () => !/^\S+T08:00/.test((await invoke('get_activity', { id: planned.id })).start), {
    timeout: 10_000,
    timeoutMsg: 'the visit was moved',
  });
  const moved = await invoke('get_activity', { id: planned.id });
  // Without scrolling, the lowest hour in view was about 13:00; held at the edge it goes further.
  const hour = Number(moved.start.slice(11, 13));
  assert.ok(hour >= 15, `moved to ${moved.start}`);
  // And the card shows that time: it was dropped on the hour under the pointer.
  assert.match(await browser.$(card).getText(), new RegExp(moved.start.slice(11, 16)));
  assert.deepEqual(await cspViolations(browser), [], 'nothing the CSP refused while dragging');
});

test('a visit moves by keyboard too: Alt+↓ a quarter of an hour later, Alt+→ a day later, and keeps the focus', async () => {
  const { date, planned, card } = await planAndShow('14:00');
  await browser.execute((selector) => document.querySelector(selector).closest('.wk-entry').focus(), card);
  await browser.keys(['Alt', 'ArrowDown']);
  await browser.waitUntil(async () => /T14:15:00/.test((await invoke('get_activity', { id: planned.id })).start), {
    timeout: 10_000,
    timeoutMsg: 'Alt+ArrowDown moved the visit to 14:15',
  });
  await browser.waitUntil(
    () => browser.execute((selector) => document.activeElement === document.querySelector(selector)?.closest('.wk-entry'), card),
    { timeout: 5_000, timeoutMsg: 'the moved card has the focus' },
  );
  // A day later, unless today is Sunday (the next day is in the next week): then a day earlier.
  const sunday = new Date(`${date}T12:00:00Z`).getUTCDay() === 0;
  await browser.keys(['Alt', sunday ? 'ArrowLeft' : 'ArrowRight']);
  const other = new Date(`${date}T12:00:00Z`);
  other.setUTCDate(other.getUTCDate() + (sunday ? -1 : 1));
  const day = other.toISOString().slice(0, 10);
  await browser.waitUntil(async () => (await invoke('get_activity', { id: planned.id })).start.startsWith(`${day}T14:15`), {
    timeout: 10_000,
    timeoutMsg: `Alt+arrow moved the visit to ${day}`,
  });
  await browser.waitUntil(
    () => browser.execute((selector) => document.activeElement === document.querySelector(selector)?.closest('.wk-entry'), card),
    { timeout: 5_000, timeoutMsg: 'the card moved to another day has the focus' },
  );
  assert.equal(await browser.$(card).getAttribute('data-date'), day);
});
