// A weekly meeting planned with the series editor in the real window: the summary says what
// will happen, and its meetings stand in the week view at the same time, week after week.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshot, typeInto, completeWelcome, openCalendar, axeViolations, invokeIn, todayIn, addDays, calendarSettled } from './harness.mjs';

let app;
let browser;

before(async () => {
  app = await startApp({ language: 'da' });
  browser = app.browser;
  await completeWelcome(browser);
});

after(async () => {
  await app?.stop();
});

const invoke = (command, args) => invokeIn(browser, command, args);

const today = () => todayIn(browser);

/** The meeting cards at 17:00–19:00 in the week on screen, as their dates. */
async function meetingDates() {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="activity"][data-kind="group_meeting"]')]
      .filter((c) => c.textContent.includes('17:00–19:00') && c.querySelector('[data-testid="series-tag"]'))
      .map((c) => c.dataset.date),
  );
}

test('plan a weekly meeting with the series editor and see its meetings in the week view', async () => {
  const date = await today();
  await openCalendar(browser);
  await browser.keys('m');
  await browser.$('[data-testid="plan-form"]').waitForDisplayed();
  await typeInto(browser, 'input[name="date"]', date);
  await typeInto(browser, 'input[name="time"]', '17:00');
  await typeInto(browser, 'input[name="duration"]', '120');
  await typeInto(browser, 'input[name="venue"]', 'Beboerhuset');
  await typeInto(browser, 'input[name="theme"]', 'Sundhed');
  await (await browser.$('select[name="repeat"]')).selectByAttribute('value', 'weekly');
  await typeInto(browser, 'input[name="repeat-count"]', '3');

  const weekday = await browser.execute((date) => new Intl.DateTimeFormat('da-DK', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`)), date);
  const summary = await browser.$('[data-testid="repeat-summary"]');
  await summary.waitForDisplayed();
  assert.match(await summary.getText(), new RegExp(`Hver ${weekday} kl\\. 17:00–19:00, 3 gange`));
  const checked = await browser.execute(() => [...document.querySelectorAll('input[name="repeat-day"]:checked')].map((i) => i.value));
  assert.equal(checked.length, 1, 'the start weekday is chosen');
  await browser.execute(() => document.querySelector('[data-testid="repeat-summary"]').scrollIntoView({ block: 'center' }));
  await screenshot(browser, 'plan-form-series-da');
  assert.deepEqual(await axeViolations(browser), [], 'the form with the series editor is accessible');

  await (await browser.$('[data-testid="plan-submit"]')).click();
  await browser.$('[data-testid="plan-saved"]').waitForDisplayed({ timeout: 10_000 });
  await calendarSettled(browser);
  await browser.waitUntil(async () => (await meetingDates()).includes(date), {
    timeout: 10_000,
    timeoutMsg: 'the first meeting is in this week at 17:00–19:00, marked as a series',
  });
  assert.match(await browser.$('[data-testid="series-tag"]').getText(), /Serie/);
  await screenshot(browser, 'week-series-da');

  for (const week of [1, 2]) {
    await (await browser.$('[data-testid="next-week"]')).click();
    await calendarSettled(browser);
    await browser.waitUntil(async () => (await meetingDates()).includes(addDays(date, 7 * week)), {
      timeout: 10_000,
      timeoutMsg: `meeting ${week + 1} is ${7 * week} days later at 17:00–19:00`,
    });
  }
  // COUNT=3: nothing in the fourth week.
  await (await browser.$('[data-testid="next-week"]')).click();
  await calendarSettled(browser);
  assert.deepEqual(await meetingDates(), []);

  // The backend agrees: three meetings, each at 17:00 Copenhagen time.
  const listed = await invoke('list_activities', { from: date, to: addDays(date, 30) });
  const meetings = listed.filter((a) => a.kind === 'group_meeting');
  assert.equal(meetings.length, 3);
  for (const m of meetings) {
    assert.match(m.start, /T17:00:00\+0[12]:00$/);
    assert.deepEqual(m.rrule.split(';').sort(), ['BYDAY=' + checked[0], 'COUNT=3', 'FREQ=WEEKLY']);
  }

  // Edit the second meeting in the form: it and the third change, the series keeps three meetings.
  await (await browser.$('[data-testid="prev-week"]')).click();
  await (await browser.$('[data-testid="prev-week"]')).click();
  await calendarSettled(browser);
  const second = addDays(date, 7);
  await browser.waitUntil(async () => (await meetingDates()).includes(second), { timeout: 10_000 });
  await browser.execute(
    (second) => document.querySelector(`[data-testid="activity"][data-kind="group_meeting"][data-date="${second}"]`).closest('[role="button"]').focus(),
    second,
  );
  await browser.keys('Enter');
  await browser.$('[data-testid="series-note"]').waitForDisplayed();
  assert.match(await browser.$('[data-testid="repeat-summary"]').getText(), /3 gange/);
  await typeInto(browser, 'input[name="theme"]', 'Skole');
  await (await browser.$('[data-testid="plan-submit"]')).click();
  await browser.$('[data-testid="plan-form"]').waitForExist({ reverse: true, timeout: 10_000 });
  const after = (await invoke('list_activities', { from: date, to: addDays(date, 30) })).filter((a) => a.kind === 'group_meeting');
  assert.deepEqual(after.map((a) => [a.start.slice(0, 10), a.start.slice(11, 16), a.theme]), [
    [date, '17:00', 'Sundhed'],
    [second, '17:00', 'Skole'],
    [addDays(date, 14), '17:00', 'Skole'],
  ]);
});

test('the calendar file section in Settings: discreet by default, explained, accessible', async () => {
  await (await browser.$('[data-testid="nav-settings"]')).click();
  const section = await browser.$('[data-testid="calendar-file"]');
  await section.waitForDisplayed();
  await browser.execute(() => document.querySelector('[data-testid="calendar-file"]').scrollIntoView({ block: 'start' }));
  assert.equal(await browser.$('input[name="export-detail"][value="discreet"]').isSelected(), true);
  assert.match(await browser.$('[data-testid="export-detail-explain"]').getText(), /aldrig husstande/);
  await screenshot(browser, 'settings-calendar-file-da');
  assert.deepEqual(await axeViolations(browser), [], 'the calendar file section is accessible');
});
