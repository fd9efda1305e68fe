// Busy time from another calendar in the real window: a Google Calendar export is imported
// through the app's own command (WebDriver cannot drive the system's file dialog), shows in
// the week read-only and unlike the volunteer's activities, opens in a small popover, makes
// a visit planned over it a conflict that names the calendar, and is listed in Settings.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp, screenshot, typeInto, completeWelcome, openCalendar, axeViolations, invokeIn, todayIn, dragActivity, addDays, mondayOf, calendarSettled } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../fixtures/ics');
const GOOGLE = path.join(fixtures, 'good/google.ics');
const TRUNCATED = path.join(fixtures, 'bad/truncated.ics');
const CALENDAR = 'Søren – privat';

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

/** The week (its Monday) with the most timed busy time, the earliest on a tie. */
function busiestWeek(busy) {
  const weeks = new Map();
  for (const b of busy) {
    if (b.all_day || b.free) continue;
    const monday = mondayOf(b.start.slice(0, 10));
    weeks.set(monday, [...(weeks.get(monday) ?? []), b]);
  }
  const [monday, entries] = [...weeks].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0];
  return { monday, entries };
}

async function planVisit({ date, time, duration, area }) {
  await (await browser.$('[data-testid="plan-visit"]')).click();
  const form = await browser.$('[data-testid="plan-form"]');
  await form.waitForDisplayed();
  await typeInto(browser, 'input[name="date"]', date);
  await typeInto(browser, 'input[name="time"]', time);
  await typeInto(browser, 'input[name="duration"]', String(duration));
  await typeInto(browser, 'input[name="area"]', area);
  await (await form.$('button[type="submit"]')).click();
  await form.waitForExist({ reverse: true, timeout: 10_000 });
}

let week;

test('a dry run of a Google export changes nothing; the import brings its events in as busy time', async () => {
  const dry = await invoke('import_ics', { path: GOOGLE, name: null, dryRun: true });
  assert.equal(dry.failed, undefined, JSON.stringify(dry));
  assert.equal(dry.source, CALENDAR);
  assert.equal(dry.dry_run, true);
  assert.ok(dry.added > 0, JSON.stringify(dry));
  assert.deepEqual(await invoke('busy_sources', {}), [], 'a dry run writes nothing');

  const done = await invoke('import_ics', { path: GOOGLE, name: null, dryRun: false });
  assert.equal(done.added, dry.added);
  const [source] = await invoke('busy_sources', {});
  assert.equal(source.name, CALENDAR);
  assert.equal(source.entries, done.added);

  // A refused file names where it is broken and changes nothing.
  const refused = await invoke('import_ics', { path: TRUNCATED, name: CALENDAR, dryRun: false });
  assert.equal(refused.failed?.code, 'import_truncated', JSON.stringify(refused));
  assert.ok(refused.failed.args.line, 'the line is named');
  assert.deepEqual(await invoke('busy_sources', {}), [source]);

  const today = await todayIn(browser);
  const busy = await invoke('list_busy', { from: addDays(today, -366), to: addDays(today, 731) });
  assert.ok(busy.length > 0, 'busy time lies in the window around today');
  week = busiestWeek(busy);
});

test('the window may hear of files dropped on it, and no more than that', async () => {
  // What `getCurrentWebview().onDragDropEvent` asks for (WebDriver cannot drag a file from a
  // file manager): allowed by the capability. Sending events from the page is not.
  const listen = await browser.executeAsync((done) => {
    const internals = window.__TAURI_INTERNALS__;
    const handler = internals.transformCallback(() => {});
    internals
      .invoke('plugin:event|listen', { event: 'tauri://drag-drop', target: { kind: 'Webview', label: 'main' }, handler })
      .then((id) => done({ id }), (e) => done({ failed: String(e) }));
  });
  assert.equal(typeof listen.id, 'number', JSON.stringify(listen));
  const emit = await invoke('plugin:event|emit', { event: 'tauri://drag-drop', payload: { paths: [GOOGLE], position: { x: 0, y: 0 } } });
  assert.ok(emit?.failed, 'the page cannot emit events');
});

test('the week shows the busy time read-only, and a visit over it is a conflict naming the calendar', async () => {
  await openCalendar(browser, 'week');
  const target = week.entries[0];
  const date = target.start.slice(0, 10);
  const busyStart = target.start.slice(11, 16);
  // A visit that starts half an hour before the busy time: it overlaps. Saving it shows its
  // week, the busiest week of the file.
  const earlier = (start, minutes) => {
    const [h, m] = start.slice(11, 16).split(':').map(Number);
    const at = Math.max(h * 60 + m - minutes, 7 * 60);
    return `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
  };
  await planVisit({ date, time: earlier(target.start, 30), duration: 60, area: 'Gellerup' });
  const warning = await browser.$('[data-testid="conflict-warning"]');
  await warning.waitForDisplayed({ timeout: 10_000 });
  assert.match(await warning.getText(), new RegExp(`overlapper optaget tid i kalenderen «${CALENDAR}»`));
  assert.doesNotMatch(await warning.getText(), /aftale 0/);

  // A visit elsewhere in the week, not over busy time, for comparison.
  const other = week.entries[1] ?? target;
  await planVisit({ date: other.start.slice(0, 10), time: earlier(other.start, 150), duration: 60, area: 'Hasle' });
  await calendarSettled(browser);

  const head = await browser.$(`[data-testid="day"][data-date="${week.monday}"]`);
  await head.waitForExist({ timeout: 10_000 });
  const card = await browser.$(`[data-testid="busy"][data-key="${target.key}"]`);
  await card.waitForDisplayed({ timeout: 10_000 });
  // Its text as read out (a narrow card shows the padlock and hides the word on screen).
  const text = await card.getProperty('textContent');
  assert.match(text, /Optaget/);
  assert.match(text, new RegExp(CALENDAR));
  assert.match(text, new RegExp(busyStart));
  assert.equal(
    await browser.$$(`[data-testid="busy"]`).length,
    (await invoke('list_busy', { from: week.monday, to: addDays(week.monday, 6) })).length,
    'every piece of busy time of the week is shown',
  );
  const entryClass = await browser.execute(
    (key) => document.querySelector(`[data-testid="busy"][data-key="${key}"]`).closest('.wk-entry').className,
    target.key,
  );
  assert.match(entryClass, /nabo-busy/);
  assert.doesNotMatch(entryClass, /is-editable/, 'busy time cannot be dragged');

  const visit = await browser.$(`[data-testid="activity"][data-date="${date}"]`);
  assert.ok(await visit.$('[data-testid="conflict-badge"]').isExisting(), 'the visit over busy time is flagged');

  assert.deepEqual(await axeViolations(browser), [], 'axe: week with busy time');
  // Room for the week: the "planned" message closed, the busy time scrolled into view.
  await (await browser.$('[data-testid="plan-saved"] .icon-button')).click();
  await browser.execute((key) => {
    document.querySelector(`[data-testid="busy"][data-key="${key}"]`).closest('.wk-entry').scrollIntoView({ block: 'center' });
  }, target.key);
  await screenshot(browser, 'week-busy');

  // Opened, it is a small read-only card: title, time, calendar. (The calendar entry is
  // clicked, not the card inside it, whose overflow a short entry clips.)
  await (await card.$('./ancestor::*[contains(@class, "wk-entry")][1]')).click();
  const popover = await browser.$('[data-testid="busy-popover"]');
  await popover.waitForDisplayed({ timeout: 5_000 });
  assert.equal(await (await browser.$('[data-testid="busy-popover-calendar"]')).getText(), CALENDAR);
  assert.match(await (await browser.$('[data-testid="busy-popover-when"]')).getText(), new RegExp(busyStart));
  assert.equal(await browser.$('[data-testid="plan-form"]').isExisting(), false, 'no edit form for busy time');
  assert.deepEqual(await axeViolations(browser), [], 'axe: busy time popover');
  await screenshot(browser, 'week-busy-popover');
  await browser.keys('Escape');
  await popover.waitForExist({ reverse: true, timeout: 5_000 });

  // Dragging it does nothing: it stays where it is, and nothing opens.
  const selector = `[data-testid="busy"][data-key="${target.key}"]`;
  const before = await browser.execute((s) => document.querySelector(s).closest('.wk-entry').getBoundingClientRect().top, selector);
  await dragActivity(browser, selector, 80);
  await browser.pause(500);
  const after = await browser.execute((s) => document.querySelector(s).closest('.wk-entry').getBoundingClientRect().top, selector);
  assert.equal(after, before, 'the busy time did not move on screen');
  const stored = await invoke('list_busy', { from: date, to: date });
  assert.ok(stored.some((b) => b.key === target.key && b.start === target.start), 'nor in the database');
  if (await browser.$('[data-testid="busy-popover"]').isExisting()) await browser.keys('Escape');
  assert.equal(await browser.$('[data-testid="plan-form"]').isExisting(), false, 'a drag on busy time plans nothing');

  // The month shows it too (perhaps further down the grid, which scrolls).
  await openCalendar(browser, 'month');
  await browser.$(`[data-testid="busy"][data-key="${target.key}"]`).waitForExist({ timeout: 10_000 });
  await browser.$('[data-testid="busy"]').waitForDisplayed({ timeout: 10_000 });
  await screenshot(browser, 'month-busy');
});

test('all-day busy time is in the week\'s all-day row', async () => {
  const today = await todayIn(browser);
  const busy = await invoke('list_busy', { from: addDays(today, -366), to: addDays(today, 731) });
  const allDay = busy.find((b) => b.all_day && !b.free);
  assert.ok(allDay, 'the export has an all-day event');
  await openCalendar(browser, 'week');
  await (await browser.$('[data-testid="this-week"]')).click();
  // Week by week with the arrow keys, as a person would.
  const weeks = Math.round((Date.parse(mondayOf(allDay.start.slice(0, 10))) - Date.parse(mondayOf(today))) / (7 * 86_400_000));
  for (let i = 0; i < Math.abs(weeks); i++) await browser.keys(weeks < 0 ? 'ArrowLeft' : 'ArrowRight');
  const selector = `[data-testid="busy"][data-key="${allDay.key}"]`;
  await browser.$(selector).waitForDisplayed({ timeout: 10_000 });
  const inAllDayRow = await browser.execute((s) => document.querySelector(s).closest('[data-testid="all-day-row"]') !== null, selector);
  assert.ok(inAllDayRow, 'in the all-day row');
  assert.match(await browser.$(selector).getProperty('textContent'), /Optaget/);
  await screenshot(browser, 'week-busy-all-day');
});

test('Settings lists the imported calendar; removing it asks first and takes its busy time away', async () => {
  await (await browser.$('[data-testid="nav-settings"]')).click();
  const row = await browser.$(`[data-testid="busy-source"][data-name="${CALENDAR}"]`);
  await row.waitForDisplayed({ timeout: 10_000 });
  await row.scrollIntoView({ block: 'center' });
  const text = await row.getText();
  assert.match(text, /aftaler, importeret/);
  assert.deepEqual(await axeViolations(browser), [], 'axe: settings with another calendar');
  await screenshot(browser, 'settings-other-calendars');

  await (await row.$('[data-testid="busy-remove"]')).click();
  await (await browser.$('[data-testid="busy-remove-yes"]')).waitForDisplayed();
  await screenshot(browser, 'settings-other-calendars-remove');
  await (await browser.$('[data-testid="busy-remove-yes"]')).click();
  await (await browser.$('[data-testid="busy-sources-empty"]')).waitForDisplayed({ timeout: 10_000 });
  assert.deepEqual(await invoke('busy_sources', {}), []);
  assert.deepEqual(await invoke('list_busy', { from: week.monday, to: addDays(week.monday, 6) }), []);
});
