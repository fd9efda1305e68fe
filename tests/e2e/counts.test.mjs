// Counts in the real window: a past visit is marked done, the counts form is filled in by
// keyboard alone, and the numbers appear on "Min måned" with its charts (Chart.js on a
// canvas, under the app's strict CSP). Screenshots of both in Danish and English.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshot, completeWelcome, axeViolations, invokeIn, todayIn, addDays, mondayOf, watchCsp, cspViolations, calendarSettled } from './harness.mjs';

let app;
let browser;

before(async () => {
  app = await startApp({ language: 'da' });
  browser = app.browser;
  await completeWelcome(browser);
  await watchCsp(browser);
});

after(async () => {
  await app?.stop();
});

const invoke = (command, args) => invokeIn(browser, command, args);

const request = (fields) => ({
  household: null, venue: null, theme: null, title: null, note: null, programme: null, languages: [], rrule: null, expected_size: null,
  ...fields,
});

let today;
let yesterday;
let visit;

async function expectAccessible(name) {
  assert.deepEqual(await axeViolations(browser), [], `${name}: axe found serious or critical violations`);
}

/** The name of the focused element: what the next key goes to. */
const focused = () => browser.execute(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.getAttribute('aria-label'));

/** Presses the keys one after the other (one WebDriver action each: several in one action
 * can reach WebKit out of order). */
async function press(...keys) {
  for (const key of keys) await browser.keys([key]);
}

/** Presses Tab until the field `name` has the focus (at most `max` times); the keys, as a person would. */
async function tabTo(name, max = 8) {
  const path = [];
  for (let i = 0; i < max && (await focused()) !== name; i++) {
    await press('Tab');
    path.push(await focused());
  }
  assert.equal(await focused(), name, `Tab went through ${path.join(' → ')}`);
  return path.length;
}

async function showMonth() {
  await (await browser.$('[data-testid="nav-month"]')).click();
  await browser.$('[data-testid="month-screen"]').waitForDisplayed({ timeout: 10_000 });
  if (yesterday.slice(0, 7) !== today.slice(0, 7)) await (await browser.$('[data-testid="mymonth-prev"]')).click();
  await browser.waitUntil(async () => (await browser.$('[data-testid="month-screen"]').getAttribute('aria-busy')) === 'false', { timeout: 10_000 });
  await browser.$('[data-testid="mymonth-topic-chart"]').waitForDisplayed({ timeout: 10_000 });
}

test('a past visit marked done: the counts form filled by keyboard, then the numbers on Min måned', async () => {
  today = await todayIn(browser);
  yesterday = addDays(today, -1);
  visit = await invoke('plan_activity', { request: request({ kind: 'home_visit', start: `${yesterday}T10:00`, duration_minutes: 60, area: 'Gellerup', household: 'H-12', note: 'Bekymret for datteren Qx7' }) });
  // A meeting the same day with counts already recorded, so that the month has more to show.
  const meeting = await invoke('plan_activity', {
    request: request({ kind: 'group_meeting', start: `${yesterday}T17:00`, duration_minutes: 120, venue: 'Beboerhuset', theme: 'Sundhed', expected_size: 10 }),
  });
  const recorded = await invoke('record_counts', {
    id: meeting.id,
    occurrence: null,
    counts: {
      reached: 9, new: 2, 'gender.women': 9, 'age.30_49': 5, 'age.50_64': 2, 'age.unknown': 2,
      'topic.health': 5, 'topic.wellbeing_loneliness': 4, 'topic.rights_social_control': 3, 'topic.language_digital': 2, 'topic.children_school': 1,
      'referral.municipal': 2, 'referral.soestre_mod_vold': 1, 'referral.health': 1,
    },
  });
  assert.equal(recorded.value?.activity?.status, 'done', `${JSON.stringify(meeting)} ${JSON.stringify(recorded)}`);

  // The start screen lists the visit as not marked; its "Gennemført" button, by keyboard.
  await (await browser.$('[data-testid="nav-calendar"]')).click();
  await (await browser.$('[data-testid="nav-today"]')).click();
  const item = await browser.$(`[data-testid="agenda-item"][data-id="${visit.id}"]`);
  await item.waitForDisplayed({ timeout: 10_000 });
  await browser.execute((id) => document.querySelector(`[data-testid="agenda-item"][data-id="${id}"] [data-testid="quick-done"]`).focus(), visit.id);
  await browser.keys('Enter');

  const form = await browser.$('[data-testid="counts-form"]');
  await form.waitForDisplayed({ timeout: 10_000 });
  assert.doesNotMatch(await browser.$('[data-testid="counts-about"]').getText(), /H-12/, 'the household label is not shown');
  await browser.waitUntil(async () => (await focused()) === 'reached', { timeout: 5_000, timeoutMsg: 'people reached has the focus' });

  // People reached: typed. New contacts: arrow keys. Then the gender breakdown.
  await press('4');
  await tabTo('new');
  await press('ArrowUp', 'ArrowUp', 'ArrowUp', 'ArrowDown');
  assert.equal(await (await browser.$('input[name="new"]')).getValue(), '2');
  await tabTo('gender.women');
  await press('3');
  const rest = () => browser.$('[data-testid="counts-remainder"][data-key="gender.unknown"] output').getText();
  assert.equal(await rest(), '1', 'the unknown bucket is the live remainder');
  await tabTo('gender.men');
  await press('2');
  assert.equal(await rest(), '-1');
  assert.match(await browser.$('[data-testid="counts-group"][data-key="gender"] [data-testid="counts-error"]').getText(), /tallene giver 5, men I nåede 4/);
  await press('Backspace', '1');
  assert.equal(await rest(), '0');
  // On to the topics: other gender, five age bands, then health.
  // On past the other gender and the five age bands (the remainder takes no Tab stop).
  assert.equal(await tabTo('topic.health'), 7);
  await press('ArrowUp', 'ArrowUp');
  await tabTo('topic.education_work');
  await press('1');
  const totals = await browser.$('[data-testid="counts-totals"]').getText();
  assert.match(totals, /Personer nået\s*4/);
  assert.match(totals, /Emner talt om\s*3/);
  // The dialog from its top (the title), as it opened.
  await browser.execute(() => document.querySelector('[role="dialog"]').scrollTo(0, 0));
  await screenshot(browser, 'counts-form-da');
  await expectAccessible('counts form da');

  // Enter in a field saves: the counts are recorded and the visit is done.
  await press('Enter');
  await form.waitForExist({ reverse: true, timeout: 10_000 });
  const offer = await browser.$('[data-testid="follow-up-offer"]');
  await offer.waitForDisplayed();
  assert.match(await browser.$('[data-testid="toast"]').getText(), /Tallene er gemt/);
  await (await browser.$('[data-testid="follow-up-decline"]')).click();
  await (await browser.$('[data-testid="toast"] button[aria-label]')).click();
  const stored = await invoke('counts_form', { id: visit.id, occurrence: null });
  assert.deepEqual(
    { reached: stored.recorded.reached, new: stored.recorded.new, women: stored.recorded['gender.women'], men: stored.recorded['gender.men'], unknown: stored.recorded['gender.unknown'] ?? 0, age: stored.recorded['age.unknown'], health: stored.recorded['topic.health'] },
    { reached: 4, new: 2, women: 3, men: 1, unknown: 0, age: 4, health: 2 },
  );

  // Min måned: the visit's numbers added to the meeting's.
  await showMonth();
  assert.match(await browser.$('[data-testid="mymonth-reached"]').getText(), /^13\b/);
  assert.match(await browser.$('[data-testid="mymonth-new"]').getText(), /^4\b/);
  assert.match(await browser.$('[data-testid="mymonth-recorded"]').getText(), /Tal fra 2 aftaler/);
  const visits = await browser.$('[data-testid="mymonth-activities"] tr[data-kind="home_visit"] td[data-status="done"]').getText();
  assert.equal(visits, '1');
  // The charts were drawn: pixels on the canvas, and nothing refused by the CSP.
  const drawn = await browser.execute(() =>
    ['topic', 'referral'].map((key) => {
      const canvas = document.querySelector(`[data-testid="mymonth-${key}-chart"] canvas`);
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted += 1;
      return { width: canvas.clientWidth, height: canvas.clientHeight, painted };
    }),
  );
  for (const chart of drawn) {
    assert.ok(chart.width > 200 && chart.height > 60 && chart.painted > 1000, `chart drawn: ${JSON.stringify(chart)}`);
  }
  assert.deepEqual(await cspViolations(browser), []);
  const health = await browser.execute(() => document.querySelector('[data-testid="mymonth-topic-chart-table"] tbody tr').textContent);
  assert.match(health, /Sundhed\s*7/);
  await screenshot(browser, 'my-month-da');
  await expectAccessible('my month da');
});

test('in English: the recorded counts opened again from the visit, and Min måned', async () => {
  await (await browser.$('[data-testid="nav-settings"]')).click();
  await (await browser.$('input[name="language"][value="en"]')).click();
  await (await browser.$('[data-testid="settings-save"]')).click();
  await browser.waitUntil(async () => (await browser.$('[data-testid="nav-month"]').getText()) === 'My month', { timeout: 10_000 });

  await (await browser.$('[data-testid="nav-calendar"]')).click();
  await (await browser.$('[data-testid="mode-week"]')).click();
  if (mondayOf(yesterday) !== mondayOf(today)) await (await browser.$('[data-testid="prev-week"]')).click();
  const card = await browser.$(`[data-testid="activity"][data-id="${visit.id}"]`);
  await card.waitForExist({ timeout: 10_000 });
  await browser.execute((id) => document.querySelector(`[data-testid="activity"][data-id="${id}"]`).closest('[role="button"]').focus(), visit.id);
  await browser.keys('Enter');
  await browser.$('[data-testid="counts-state"]').waitForDisplayed();
  await browser.waitUntil(async () => /Counts are recorded/.test(await browser.$('[data-testid="counts-state"]').getText()), { timeout: 5_000 });
  await (await browser.$('[data-testid="open-counts"]')).click();
  const form = await browser.$('[data-testid="counts-form"]');
  await form.waitForDisplayed({ timeout: 10_000 });
  await browser.waitUntil(async () => (await (await browser.$('input[name="reached"]')).getValue()) === '4', { timeout: 5_000 });
  assert.equal(await form.getAttribute('data-source'), 'recorded');
  await screenshot(browser, 'counts-form-en');
  await expectAccessible('counts form en');
  // A correction is logged (who and when, not what).
  await press('ArrowUp');
  await press('Enter');
  await form.waitForExist({ reverse: true, timeout: 10_000 });
  assert.match(await browser.$('[data-testid="toast"]').getText(), /The counts are corrected/);
  assert.equal((await invoke('counts_form', { id: visit.id, occurrence: null })).edits, 1);
  await (await browser.$('[data-testid="toast"] button[aria-label]')).click();

  await showMonth();
  assert.match(await browser.$('[data-testid="mymonth-reached"]').getText(), /^14\b/);
  assert.match(await browser.$('[data-testid="mymonth-period"]').getText(), /\d{4}/);
  await screenshot(browser, 'my-month-en');
  await expectAccessible('my month en');
  assert.deepEqual(await cspViolations(browser), []);
});

test('counts removed from the window when the visit did not take place after all, after asking', async () => {
  await (await browser.$('[data-testid="nav-calendar"]')).click();
  await (await browser.$('[data-testid="mode-week"]')).click();
  const card = await browser.$(`[data-testid="activity"][data-id="${visit.id}"]`);
  await calendarSettled(browser);
  if (mondayOf(yesterday) !== mondayOf(today) && !(await card.isExisting())) await (await browser.$('[data-testid="prev-week"]')).click();
  await card.waitForExist({ timeout: 10_000 });
  await browser.execute((id) => document.querySelector(`[data-testid="activity"][data-id="${id}"]`).closest('[role="button"]').focus(), visit.id);
  await browser.keys('Enter');
  await (await browser.$('[data-testid="open-counts"]')).click();
  await (await browser.$('[data-testid="counts-remove"]')).click();
  const question = await browser.$('[data-testid="counts-remove-confirm"]');
  await question.waitForDisplayed({ timeout: 5_000 });
  assert.match(await question.getText(), /Remove the counts\? Only do this if the appointment did not take place\./);
  // The safe answer has the focus: Enter keeps the counts.
  assert.equal(await browser.execute(() => document.activeElement?.dataset.testid), 'counts-remove-no');
  await screenshot(browser, 'counts-remove-en');
  await (await browser.$('[data-testid="counts-remove-yes"]')).click();
  await browser.$('[data-testid="counts-form"]').waitForExist({ reverse: true, timeout: 10_000 });
  assert.match(await browser.$('[data-testid="toast"]').getText(), /The counts were removed/);
  assert.equal((await invoke('counts_form', { id: visit.id, occurrence: null })).recorded, null);
  assert.deepEqual(await cspViolations(browser), []);
});
