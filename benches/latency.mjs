// How long a person waits for each interaction in the real window (issue 16): from the click or
// key press to two animation frames after its result is in the DOM, measured inside the page
// (performance.now(); no WebDriver round trip is in the time).
//
//   node benches/latency.mjs --app PATH --volunteer VOLUNTEER.db --coordinator COORDINATOR.db \
//     [--runs 20] [--label quiet] [--json OUT.json] [--scenario volunteer|coordinator] [--timeline REGEX]
//     [--nabo PATH]
//
// Run it through benches/latency.sh, which builds the release app and the two databases and
// runs it quiet and beside two busy loops. The window is driven as a person drives it: real
// WebDriver clicks, key presses and pointer drags. Each round goes once through every
// interaction of a scenario in order (so slow moments of a shared machine fall on all of them
// alike), and the scenario is repeated `runs` times after one warm-up round that is not
// counted (it includes loading each screen's code the first time).
//
// The clock starts in a capturing listener on the window at the first pointerup, mouseup or
// keydown after the interaction is armed (input or change for a choice in a list; a click is
// timed from the button's release), and stops two animation frames after the interaction's `done` test, run
// on every DOM mutation and every frame, first holds. Each interaction also records the IPC
// calls the page made meanwhile (command names and their round-trip times), for the
// profile in docs/BENCHMARKS.md.
//
// The coordinator's import opens sixty real summary files: made before the rounds with the
// `nabo` CLI (--nabo, by default beside the app), one volunteer database each, encrypted to the
// coordinator's card exported from her database (see `makeSummaries`).

import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const opts = { runs: 20, label: 'run' };
for (let i = 2; i < process.argv.length; i++) opts[process.argv[i].replace(/^--/, '')] = process.argv[++i];
for (const key of ['app', 'volunteer', 'coordinator']) {
  if (!opts[key] || !existsSync(opts[key])) throw new Error(`--${key}: no such file: ${opts[key]}`);
}
const runs = Number(opts.runs);
const naboCli = path.resolve(opts.nabo ?? path.join(path.dirname(opts.app), 'nabo'));
if (opts.scenario !== 'volunteer' && !existsSync(naboCli)) throw new Error(`--nabo: no such file: ${naboCli}`);
// --timeline REGEX: for the interactions whose name matches, print when the page changed the
// DOM, showed a frame and made each IPC call, from the trigger on (for profiling).
const timelineOf = opts.timeline ? new RegExp(opts.timeline) : null;
// The harness reads the app's path when it is loaded.
process.env.NABO_APP = path.resolve(opts.app);
const { startApp, answerDialogs, typeInto, dragActivity } = await import('../tests/e2e/harness.mjs');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A small calendar for the import dialog (its dry run reads it).
const work = mkdtempSync(path.join(tmpdir(), 'nabo-latency-'));
const icsPath = path.join(work, 'other.ics');
{
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//bench//latency//EN'];
  for (let i = 0; i < 20; i++) {
    const day = String(1 + i).padStart(2, '0');
    lines.push('BEGIN:VEVENT', `UID:bench-${i}@latency`, `DTSTAMP:20261201T090000Z`, `DTSTART:202612${day}T070000Z`,
      `DTEND:202612${day}T080000Z`, `SUMMARY:Arbejde ${i}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR', '');
  writeFileSync(icsPath, lines.join('\r\n'));
}

/** How many summary files the coordinator's import opens: a folder of last month's, one a volunteer. */
const SUMMARY_FILES = 60;
/** Their paths, made by `makeSummaries` before the coordinator's rounds. */
let summaryFiles = [];

/**
 * Sixty volunteers' summaries of last month, each as a volunteer makes hers: her own database
 * (her own signing key), a home visit with its counts, and `export-summary` signed and
 * encrypted to the coordinator's card, which is exported from `coordinatorDb` (the copy the
 * window opens; exporting the card only reads it). The names are new to the coordinator's
 * database, so the dry run shows each file as "Ny". Four volunteers at a time, on two cores:
 * a CLI call takes ~0.2 s, half of it stretching the passphrase (Argon2id) into the key.
 */
async function makeSummaries(coordinatorDb) {
  const started = performance.now();
  const env = { ...process.env, NABO_LANG: 'en' };
  delete env.NABO_DB;
  delete env.NABO_NOW;
  const nabo = async (db, ...args) => (await run(naboCli, ['--db', db, ...args], { env })).stdout.trim();
  const card = path.join(work, 'coordinator.nabo-card');
  await nabo(coordinatorDb, 'key', 'export', '--out', card);
  // The volunteers' databases apart from the folder the coordinator opens, which holds only summaries.
  const dbs = path.join(work, 'volunteers');
  const folder = path.join(work, 'summaries');
  mkdirSync(dbs);
  mkdirSync(folder);
  const now = new Date();
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const month = `${last.getUTCFullYear()}-${String(last.getUTCMonth() + 1).padStart(2, '0')}`;
  const one = async (i) => {
    const n = String(i + 1).padStart(2, '0');
    const db = path.join(dbs, `${n}.db`);
    await nabo(db, 'init', '--name', `Ny frivillig ${n}`);
    const id = await nabo(db, 'plan', 'visit', '--start', `${month}-${String(1 + (i % 28)).padStart(2, '0')}T10:00`,
      '--duration', '1h', '--area', `Område ${String(i % 40).padStart(2, '0')}`, '--household', `H-${n}`);
    await nabo(db, 'record', id, `reached=${3 + (i % 7)}`, `new=${i % 3}`);
    const file = path.join(folder, `ny-frivillig-${n}-${month}.nabo-summary`);
    await nabo(db, 'export-summary', '--period', month, '--to', card, '--out', file);
    return file;
  };
  const files = [];
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < SUMMARY_FILES) {
      const i = next++;
      files[i] = await one(i);
    }
  }));
  process.stderr.write(`${SUMMARY_FILES} summary files of ${month} made in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return files;
}

/** Asks the page to record each command's round trip (lib/backend.ts `call`) as a measure. */
const TRACE_IPC = `window.__naboTraceIpc = true; return true;`;

// What starts the clock: a click, a drag or a key by default; a choice in a list for `select`.
// Not `change` for a click: a field typed in before (the plan form's time) sends its change
// when the pointer goes down on the button and takes the focus, and WebDriver's release comes
// 30–50 ms later (a person's comes later still), which would time WebDriver, not the page.
const PRESS_TRIGGERS = ['pointerup', 'mouseup', 'keydown'];
const SELECT_TRIGGERS = ['input', 'change'];

/** The script that arms one measurement: `before` is evaluated now, `done` tested until it holds. */
function armScript(before, done, triggers, timeline = false) {
  return `
    const timeline = ${timeline};
    const $ = (s) => document.querySelector(s);
    const $$ = (s) => document.querySelectorAll(s);
    const shown = (s) => { const e = $(s); return !!e && e.getClientRects().length > 0; };
    const busy = (s) => $(s)?.getAttribute('aria-busy') === 'true';
    const before = (${before ?? 'null'});
    const ready = () => (${done});
    const state = (window.__lat = { t0: null, ms: null, error: null, trigger: null, calls: [], timeline: [] });
    // --timeline: when the page changed the DOM and when it showed a frame, from t0 on.
    const note = (what) => { if (timeline && state.t0 !== null) state.timeline.push([+(performance.now() - state.t0).toFixed(1), what]); };
    const triggers = ${JSON.stringify(triggers)};
    const watch = () => {
      let finished = false;
      const stop = (error) => {
        finished = true;
        mo.disconnect();
        if (error) { state.error = error; return; }
        requestAnimationFrame(() => requestAnimationFrame(() => {
          state.ms = performance.now() - state.t0;
          const ipc = performance.getEntriesByType('measure')
            .filter((m) => m.name.startsWith('nabo:ipc:') && m.startTime >= state.t0 - 1 && m.startTime <= state.t0 + state.ms);
          state.calls = ipc.map((m) => ({ cmd: m.name.slice(9), ms: m.duration }));
          if (timeline) {
            note('end');
            for (const m of ipc) {
              state.timeline.push([+(m.startTime - state.t0).toFixed(1), 'ipc> ' + m.name.slice(9)]);
              state.timeline.push([+(m.startTime + m.duration - state.t0).toFixed(1), 'ipc< ' + m.name.slice(9)]);
            }
            state.timeline.sort((a, c) => a[0] - c[0]);
          }
          performance.clearMeasures();
        }));
      };
      const check = () => {
        if (finished) return;
        let ok = false;
        try { ok = !!ready(); } catch (e) { ok = false; }
        if (ok) stop(null);
      };
      const mo = new MutationObserver((records) => {
        note('dom ×' + records.length);
        // A large change: how long its style and layout take, forced here (profiling only).
        if (timeline && records.length > 50) {
          const t = performance.now();
          void document.documentElement.getBoundingClientRect();
          void document.querySelector('[data-testid="week-view"]')?.offsetHeight;
          note('layout ' + (performance.now() - t).toFixed(1) + ' ms');
        }
        check();
      });
      mo.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
      const tick = () => {
        if (finished) return;
        note('frame');
        check();
        if (finished) return;
        if (performance.now() - state.t0 > 60000) stop('no result within 60 s: ' + ${JSON.stringify(done)});
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    };
    const start = (event) => {
      if (state.t0 !== null) return;
      state.t0 = performance.now();
      state.trigger = event.type;
      for (const t of triggers) window.removeEventListener(t, start, true);
      watch();
    };
    for (const t of triggers) window.addEventListener(t, start, true);
    if (timeline) for (const t of ['pointerdown', 'pointerup', 'mouseup', 'click', 'submit', 'focusout', 'keydown']) window.addEventListener(t, () => note(t), true);
    // For a scroll set by the bench (WebKitGTK animates a scroll by key or wheel over ~200 ms,
    // which would measure the animation, not the page).
    window.__latStart = () => start({ type: 'scroll' });
    let already = false;
    try { already = !!ready(); } catch (e) { already = false; }
    return { already };
  `;
}

const COLLECT = `
  const done = arguments[arguments.length - 1];
  const until = performance.now() + 65000;
  const poll = () => {
    const s = window.__lat;
    if (s && (s.ms !== null || s.error)) done({ ms: s.ms, failure: s.error, trigger: s.trigger, calls: s.calls, timeline: s.timeline });
    else if (performance.now() > until) done({ failure: s && s.t0 === null ? 'the action was not seen (no trigger event)' : 'no answer' });
    else setTimeout(poll, 10);
  };
  poll();
`;

// ── The interactions ──────────────────────────────────────────────────────────────────────
// Each: name; prepare (untimed, brings the window to where the interaction starts); before (a
// page expression kept for `done`); act (the timed action, through WebDriver); done (a page
// expression that holds once the result is in the DOM). `$`, `$$`, `shown`, `busy` and
// `before` are in scope.

/**
 * Brings the element into view. (WebKitWebDriver scrolls the window's nested scroll container
 * only part of the way, and its click then lands beside a button low on a long page; a person
 * scrolls first.) Scrolling starts no clock: only a release, a key or a choice does.
 */
const scrollTo = (b, selector) =>
  b.execute((s) => document.querySelector(s)?.scrollIntoView({ block: 'nearest', behavior: 'instant' }), selector);

/** Brings the element into view, then clicks it. */
async function clickOn(b, selector) {
  await scrollTo(b, selector);
  await (await b.$(selector)).click();
}
const click = (selector) => async (b) => clickOn(b, selector);
const keys = (...k) => async (b) => b.keys(k);
// Scrolled to first, as a button is (a list low on the coordinator's long screen).
const select = (selector, value) =>
  Object.assign(async (b) => {
    await scrollTo(b, selector);
    await (await b.$(selector)).selectByAttribute('value', value);
  }, { triggers: SELECT_TRIGGERS });
const weekReady = (mode) =>
  `$('[data-testid="week-view"]')?.dataset.mode === '${mode}' && !busy('[data-testid="week-view"]')`;
const titleChanged = `$('[data-testid="week-title"]')?.textContent !== before && !busy('[data-testid="week-view"]')`;
const formOpen = `shown('[data-testid="plan-form"]')`;
const formGone = `!$('[data-testid="plan-form"]')`;
const countsOpen = `shown('[data-testid="counts-form"]')`;
const countsGone = `!$('[data-testid="counts-form"]')`;
const todayReady = `!!$('[data-testid="today-screen"]') && !busy('[data-testid="today-screen"]')`;
const cardCount = `$$('[data-testid="activity"]').length`;
const weekTitle = `$('[data-testid="week-title"]')?.textContent`;

/** The card planned by "save a new plan" in this round (its id), for the drag and the delete. */
let planned = null;

/** The first not-yet-marked visit on the start screen (overdue or today) with a "Gennemført" button. */
async function markable(b) {
  return b.execute(() => {
    const item = [...document.querySelectorAll('[data-testid="agenda-item"]')].find((i) => i.querySelector('[data-testid="quick-done"]'));
    return item ? item.dataset.id : null;
  });
}

const volunteer = [
  { name: 'screen: I dag → Kalender (week)', act: click('[data-testid="nav-calendar"]'), done: `${weekReady('week')} && !!$('[data-testid="activity"]')` },
  { name: 'week: next week (button)', before: weekTitle, act: click('[data-testid="next-week"]'), done: titleChanged },
  { name: 'week: previous week (button)', before: weekTitle, act: click('[data-testid="prev-week"]'), done: titleChanged },
  { name: 'week: next week (→ key)', before: weekTitle, act: keys('ArrowRight'), done: titleChanged },
  { name: 'week: this week (T key)', before: weekTitle, act: keys('t'), done: titleChanged },
  {
    name: 'open an activity\'s form (click its card)',
    prepare: async (b) => {
      const id = await b.execute(() => document.querySelector('[data-testid="activity"]')?.dataset.id ?? null);
      if (!id) throw new Error('no card in the week');
      return `[data-testid="activity"][data-id="${id}"]`;
    },
    act: async (b, card) => clickOn(b, card),
    done: `${formOpen} && $('[data-testid="plan-form"]').dataset.mode === 'edit'`,
  },
  { name: 'close the form (Annuller)', act: click('[data-testid="plan-cancel"]'), done: formGone },
  { name: 'open the plan form (Planlæg besøg)', act: click('[data-testid="plan-visit"]'), done: formOpen },
  { name: 'close the form (Esc)', act: keys('Escape'), done: formGone },
  { name: 'open the plan form (N key)', act: keys('n'), done: formOpen },
  {
    name: 'save a new plan (Gem)',
    prepare: async (b) => {
      await typeInto(b, '[data-testid="plan-form"] input[name="time"]', '21:00');
      await typeInto(b, '[data-testid="plan-form"] input[name="area"]', 'Område 3');
    },
    before: cardCount,
    act: click('[data-testid="plan-submit"]'),
    done: `${formGone} && ${cardCount} > before && !busy('[data-testid="week-view"]')`,
    after: async (b) => {
      planned = await b.execute(() => Math.max(...[...document.querySelectorAll('[data-testid="activity"]')].map((c) => Number(c.dataset.id))));
    },
  },
  {
    name: 'drag-move a card half an hour earlier',
    prepare: async (b) => {
      const card = `[data-testid="activity"][data-id="${planned}"]`;
      await (await b.$(card)).waitForDisplayed({ timeout: 10_000 });
      await b.execute((c) => document.querySelector(c).scrollIntoView({ block: 'center' }), card);
      await sleep(100);
      return card;
    },
    before: `null`,
    act: async (b, card) => {
      await b.execute((id) => (window.__latPlanned = id), planned);
      await dragActivity(b, card, -40);
    },
    done: `/20:30/.test($('[data-testid="activity"][data-id="' + window.__latPlanned + '"]')?.textContent ?? '') && !busy('[data-testid="week-view"]')`,
  },
  {
    name: 'delete an activity (Slet, in its form)',
    prepare: async (b) => {
      await clickOn(b, `[data-testid="activity"][data-id="${planned}"]`);
      await (await b.$('[data-testid="delete"]')).waitForDisplayed({ timeout: 10_000 });
    },
    act: click('[data-testid="delete"]'),
    done: `${formGone} && !$('[data-testid="activity"][data-id="' + window.__latPlanned + '"]')`,
    after: async (b) => {
      // The undo toast is closed, as a person would once they see it.
      const close = await b.$('[data-testid="toast"] button[aria-label]');
      if (await close.isExisting()) await close.click();
    },
  },
  { name: 'mode: week → month', act: click('[data-testid="mode-month"]'), done: weekReady('month') + ` && !!$('[data-testid="day"]')` },
  { name: 'month: next month', before: weekTitle, act: click('[data-testid="next-week"]'), done: titleChanged },
  { name: 'month: previous month', before: weekTitle, act: click('[data-testid="prev-week"]'), done: titleChanged },
  { name: 'mode: month → agenda', act: click('[data-testid="mode-agenda"]'), done: weekReady('agenda') },
  { name: 'agenda: next', before: weekTitle, act: click('[data-testid="next-week"]'), done: titleChanged },
  { name: 'agenda: previous', before: weekTitle, act: click('[data-testid="prev-week"]'), done: titleChanged },
  { name: 'mode: agenda → week', act: click('[data-testid="mode-week"]'), done: `${weekReady('week')} && !!$('[data-testid="activity"]')` },
  { name: 'screen: Kalender → I dag', act: click('[data-testid="nav-today"]'), done: `${todayReady} && !!$('[data-testid="agenda-item"]')` },
  {
    name: 'mark done (Gennemført) → counts form',
    prepare: async (b) => {
      const id = await markable(b);
      if (!id) throw new Error('no visit left to mark done');
      return `[data-testid="agenda-item"][data-id="${id}"] [data-testid="quick-done"]`;
    },
    act: async (b, button) => clickOn(b, button),
    done: countsOpen,
  },
  {
    name: 'save counts (Gem)',
    prepare: async (b) => typeInto(b, '[data-testid="counts-form"] input[name="reached"]', '2'),
    act: click('[data-testid="counts-save"]'),
    done: `${countsGone} && !!$('[data-testid="toast"]')`,
    after: async (b) => {
      const decline = await b.$('[data-testid="follow-up-decline"]');
      if (await decline.isExisting()) await decline.click();
      const close = await b.$('[data-testid="toast"] button[aria-label]');
      if (await close.isExisting()) await close.click();
    },
  },
  {
    name: 'close the counts form (Senere)',
    prepare: async (b) => {
      const id = await markable(b);
      if (!id) throw new Error('no visit left to mark done');
      await clickOn(b, `[data-testid="agenda-item"][data-id="${id}"] [data-testid="quick-done"]`);
      await (await b.$('[data-testid="counts-form"]')).waitForDisplayed({ timeout: 10_000 });
    },
    act: click('[data-testid="counts-later"]'),
    done: countsGone,
    after: async (b) => {
      const decline = await b.$('[data-testid="follow-up-decline"]');
      if (await decline.isExisting()) await decline.click();
      const close = await b.$('[data-testid="toast"] button[aria-label]');
      if (await close.isExisting()) await close.click();
    },
  },
  { name: 'I dag: show all overdue', act: click('[data-testid="overdue-show-all"]'), done: `$$('[data-testid="overdue-list"] [data-testid="agenda-item"]').length > 10 && !!$('[data-testid="overdue-show-fewer"]')` },
  {
    name: 'I dag: show fewer',
    // Once the whole list is drawn (it grows a batch a frame, and the button with it).
    prepare: async (b) => {
      let last = -1;
      for (let same = 0; same < 3;) {
        const n = await b.execute(() => document.querySelectorAll('[data-testid="overdue-list"] [data-testid="agenda-item"]').length);
        same = n === last ? same + 1 : 0;
        last = n;
        await sleep(100);
      }
    },
    act: click('[data-testid="overdue-show-fewer"]'),
    done: `!!$('[data-testid="overdue-show-all"]')`,
  },
  { name: 'screen: I dag → Min måned', act: click('[data-testid="nav-month"]'), done: `!!$('[data-testid="month-screen"]') && !busy('[data-testid="month-screen"]')` },
  {
    name: 'Min måned: previous month',
    before: `$('[data-testid="mymonth-period"]')?.textContent`,
    act: click('[data-testid="mymonth-prev"]'),
    done: `$('[data-testid="mymonth-period"]')?.textContent !== before && !busy('[data-testid="month-screen"]')`,
  },
  {
    name: 'Min måned: this month',
    before: `$('[data-testid="mymonth-period"]')?.textContent`,
    act: click('[data-testid="mymonth-this"]'),
    done: `$('[data-testid="mymonth-period"]')?.textContent !== before && !busy('[data-testid="month-screen"]')`,
  },
  { name: 'screen: Min måned → Indstillinger', act: click('[data-testid="nav-settings"]'), done: `!!$('[data-testid="settings-form"]') && !!$('[data-testid="backups"]')` },
  {
    // The file dialog is answered by the page (lib/backend.ts `answered`), as in the e2e tests.
    name: 'open the import dialog (Importér) → its dry run shown',
    prepare: async (b) => answerDialogs(b, { open: [[icsPath]] }),
    act: click('[data-testid="busy-import"]'),
    done: `shown('[data-testid="import-dialog"]') && !!$('[data-testid="import-summary"]')`,
  },
  { name: 'close the import dialog', act: click('[data-testid="import-cancel"]'), done: `!$('[data-testid="import-dialog"]')` },
  { name: 'open the erase-everything dialog', act: click('[data-testid="erase-open"]'), done: `shown('[data-testid="erase-dialog"]')` },
  { name: 'close it (Nej)', act: click('[data-testid="erase-no"]'), done: `!$('[data-testid="erase-dialog"]')` },
  { name: 'screen: Indstillinger → I dag', act: click('[data-testid="nav-today"]'), done: `${todayReady} && !!$('[data-testid="agenda-item"]')` },
];

const figure = `$('[data-testid="figure-reached"]')?.textContent`;
const overviewPainted = `!!$('[data-testid="figure-reached"]') && ($('[data-testid="overview-chart-months"] canvas')?.width ?? 0) > 0`;
const targetCount = `$$('[data-testid="target"]').length`;
const dryRunRows = `$$('[data-testid="summaries-dry-run"] [data-testid="summary-file"]').length`;
/** The report "export it" writes (removed after each round, so each writes it anew). */
const reportPath = path.join(work, 'rapport.xlsx');
/** The grid is drawn after the overview's first paint: waited for, so that it falls in no later interaction. */
const gridShown = async (b) => (await b.$('[data-testid="grid-row"]')).waitForExist({ timeout: 20_000 });
const coordinator = [
  { name: 'screen: I dag → Koordinator (overview painted)', act: click('[data-testid="nav-coordinator"]'), done: overviewPainted, after: gridShown },
  { name: 'overview: year → quarter', before: figure, act: select('[data-testid="overview-span"]', 'quarter'), done: `${figure} !== before` },
  { name: 'overview: quarter → month', before: figure, act: select('[data-testid="overview-span"]', 'month'), done: `${figure} !== before` },
  { name: 'overview: month → year', before: figure, act: select('[data-testid="overview-span"]', 'year'), done: `${figure} !== before` },
  { name: 'grid: show all volunteers', act: click('[data-testid="grid-all"]'), done: `!!$('[data-testid="grid-box"] [data-testid="grid-row"]')` },
  {
    // Scrolled at once to the end (scrollTop set; see __latStart): the rows there drawn.
    name: 'grid: scroll to its last volunteer',
    before: `$('[data-testid="grid-box"] table').getAttribute('aria-rowcount')`,
    act: async (b) => b.execute(() => {
      window.__latStart();
      const box = document.querySelector('[data-testid="grid-box"]');
      box.scrollTop = box.scrollHeight;
    }),
    done: `!!$('[data-testid="grid-row"][aria-rowindex="' + before + '"]')`,
  },
  {
    name: 'grid: scroll back to its first',
    act: async (b) => b.execute(() => {
      window.__latStart();
      document.querySelector('[data-testid="grid-box"]').scrollTop = 0;
    }),
    done: `!!$('[data-testid="grid-row"][aria-rowindex="2"]')`,
  },
  {
    name: 'grid: open a volunteer',
    prepare: async (b) => {
      const name = await b.execute(() => document.querySelectorAll('[data-testid="grid-row"]')[3]?.dataset.name ?? null);
      return `[data-testid="grid-row"][data-name="${name}"] [data-testid="grid-volunteer"]`;
    },
    act: async (b, button) => clickOn(b, button),
    done: `shown('[data-testid="volunteer-drill"]')`,
  },
  {
    // Of new contacts in the period shown (the database's own target is of people reached).
    name: 'targets: add one (Tilføj mål)',
    prepare: async (b) => {
      await scrollTo(b, '[data-testid="target-measure"]');
      await (await b.$('[data-testid="target-measure"]')).selectByAttribute('value', 'new');
    },
    before: targetCount,
    act: click('[data-testid="target-add"]'),
    done: `${targetCount} > before`,
  },
  {
    // The one just added: the targets are listed by period, then in the order they were set.
    name: 'targets: remove it (Fjern)',
    before: targetCount,
    act: click('[data-testid="target"]:last-child [data-testid="target-remove"]'),
    done: `${targetCount} < before`,
  },
  // The report's form is always shown below the grid: a choice of its rows changes nothing
  // else on the screen, so the choice painted is its result.
  { name: 'report: rows area → kind', act: select('[data-testid="report-rows"]', 'kind'), done: `$('[data-testid="report-rows"]').value === 'kind'` },
  {
    // The save dialog answered from the page, as in the e2e tests.
    name: 'report: export it (Eksportér .xlsx) → saved',
    prepare: async (b) => answerDialogs(b, { save: [reportPath] }),
    act: click('[data-testid="report-export"]'),
    done: `!!$('[data-testid="overview-status"]')?.textContent.includes(${JSON.stringify(path.basename(reportPath))})`,
    after: async () => rmSync(reportPath),
  },
  {
    // The open dialog answered from the page with the sixty files at once, as a coordinator
    // picks every file of a folder.
    name: `import: open ${SUMMARY_FILES} summary files → their dry run shown`,
    prepare: async (b) => answerDialogs(b, { open: [summaryFiles] }),
    act: click('[data-testid="summaries-open"]'),
    done: `${dryRunRows} === ${SUMMARY_FILES}`,
    after: async (b) => {
      // Each a new month of a new volunteer: real summaries, for this coordinator.
      const notNew = await b.execute(
        () => [...document.querySelectorAll('[data-testid="summaries-dry-run"] [data-testid="summary-file"]:not([data-outcome="new"])')].map((r) => r.textContent),
      );
      if (notNew.length > 0) throw new Error(`the dry run did not take every summary as new: ${notNew.join(' | ')}`);
    },
  },
  {
    // Nothing imported, so that every round's dry run is the same.
    name: 'import: cancel it (Annuller)',
    act: click('[data-testid="summaries-cancel"]'),
    done: `!$('[data-testid="summaries-dry-run"]')`,
  },
  {
    name: 'screen: Koordinator → Indstillinger',
    act: click('[data-testid="nav-settings"]'),
    done: `!!$('[data-testid="settings-form"]') && !!$('[data-testid="identity-fingerprint"]') && !!$('[data-testid="backups-last"]')`,
  },
  { name: 'screen: Indstillinger → Koordinator (overview painted)', act: click('[data-testid="nav-coordinator"]'), done: overviewPainted, after: gridShown },
  { name: 'screen: Koordinator → I dag', act: click('[data-testid="nav-today"]'), done: todayReady },
];

/** Runs `steps` in a window on a copy of `db`; `setup`, if given, first gets the copy's path. */
async function runScenario(name, db, steps, setup) {
  const keep = mkdtempSync(path.join(tmpdir(), `nabo-latency-${name}-`));
  copyFileSync(db, path.join(keep, 'nabo.db'));
  if (setup) await setup(path.join(keep, 'nabo.db'));
  const app = await startApp({ language: 'da', keepIn: keep });
  const samples = new Map(steps.map((s) => [s.name, []]));
  const calls = new Map(steps.map((s) => [s.name, []]));
  try {
    const { browser: b } = app;
    await b.$('[data-testid="today-screen"]').waitForDisplayed({ timeout: 30_000 });
    await b.waitUntil(async () => (await b.$('[data-testid="today-screen"]').getAttribute('aria-busy')) === 'false', { timeout: 30_000 });
    await b.execute(TRACE_IPC);
    // Let the start's preloading (the week ahead, the screens' code) settle, as a person reading the start screen would.
    await sleep(2000);
    for (let round = 0; round <= runs; round++) {
      for (const step of steps) {
        const arg = step.prepare ? await step.prepare(b) : undefined;
        // A moment of rest, as between two things a person does.
        await sleep(150);
        const traced = timelineOf !== null && timelineOf.test(step.name);
        const armed = await b.execute(armScript(step.before, step.done, step.act.triggers ?? PRESS_TRIGGERS, traced));
        if (armed.already) throw new Error(`${name} / ${step.name}: done before the action (${step.done})`);
        await step.act(b, arg);
        const result = await b.executeAsync(COLLECT);
        if (result.failure) {
          const seen = await b.execute(() => ({ planned: window.__latPlanned, text: document.querySelector(`[data-testid="activity"][data-id="${window.__latPlanned}"]`)?.textContent, alerts: [...document.querySelectorAll('[role="alert"], [role="status"]')].map((e) => e.textContent).join(' | ') }));
          console.error(JSON.stringify(seen));
          if (process.env.NABO_LATENCY_DEBUG) await (await import('../tests/e2e/harness.mjs')).screenshot(b, 'latency-failure');
        }
        if (result.failure) throw new Error(`${name} / ${step.name} (round ${round}): ${result.failure}`);
        if (traced) {
          const line = result.timeline.map(([t, what]) => `${t} ${what}`).join(' · ');
          process.stderr.write(`timeline ${step.name} (round ${round}, ${result.ms.toFixed(0)} ms): ${line}\n`);
        }
        if (round > 0) {
          samples.get(step.name).push(result.ms);
          calls.get(step.name).push(result.calls);
        }
        if (step.after) await step.after(b);
      }
      process.stderr.write(`${opts.label} ${name}: round ${round}/${runs}${round === 0 ? ' (warm-up)' : ''}\n`);
    }
  } finally {
    await app.stop();
    rmSync(keep, { recursive: true, force: true });
    // Until the driver's port is free for the next window.
    await sleep(2000);
  }
  return steps.map((s) => ({ scenario: name, name: s.name, ms: samples.get(s.name), calls: calls.get(s.name) }));
}

const percentile = (xs, p) => {
  const s = [...xs].sort((a, c) => a - c);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
};

const results = [];
try {
  // --scenario volunteer|coordinator: only that one (while profiling).
  if (opts.scenario !== 'coordinator') results.push(...(await runScenario('volunteer', opts.volunteer, volunteer)));
  if (opts.scenario !== 'volunteer') {
    results.push(...(await runScenario('coordinator', opts.coordinator, coordinator, async (db) => (summaryFiles = await makeSummaries(db)))));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const rows = results.map((r) => {
  // The IPC calls of the median sample: how many, which, and their longest round trip.
  const order = r.ms.map((ms, i) => [ms, i]).sort((a, c) => a[0] - c[0]);
  const mid = order[Math.floor(order.length / 2)][1];
  const c = r.calls[mid] ?? [];
  return {
    ...r,
    median: percentile(r.ms, 50),
    p95: percentile(r.ms, 95),
    max: Math.max(...r.ms),
    ipc: c.map((x) => `${x.cmd}${x.ms === null ? '' : ` ${x.ms.toFixed(0)}`}`).join(', '),
  };
});
console.log(`\n${opts.label}: ${runs} rounds (+1 warm-up), load average ${process.env.NABO_LOAD_BEFORE ?? '?'} before\n`);
console.log('| interaction | median | p95 | max | IPC calls of the median sample (ms) |');
console.log('|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.scenario === 'coordinator' ? '(coordinator) ' : ''}${r.name} | ${r.median.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.max.toFixed(0)} | ${r.ipc || '–'} |`);
}
if (opts.json) {
  mkdirSync(path.dirname(opts.json), { recursive: true });
  writeFileSync(
    opts.json,
    JSON.stringify({ date: new Date().toISOString(), label: opts.label, runs, loadBefore: process.env.NABO_LOAD_BEFORE ?? null, loadAfter: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '), rows }, null, 2) + '\n',
  );
}
