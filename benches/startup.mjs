// Start-up time and memory of Nabo against a minimal Tauri 2 app, in the same run.
//
//   node benches/startup.mjs --nabo PATH --minimal PATH --db SEEDED.db [--runs 10] [--json OUT]
//
// Run it on a display (benches/startup.sh wraps it in xvfb-run and builds everything).
// Each launch goes through tauri-driver + WebKitWebDriver, exactly like the e2e tests, and
// the apps take turns (Nabo first in even rounds, the minimal app first in odd ones), after
// one discarded warm-up launch of each. The WebDriver protocol is spoken directly over HTTP
// (no client library), so the client adds as little as possible.
//
// Measured per launch (all times from t0 = just before POST /session, which makes
// WebKitWebDriver start the app process):
//   session      POST /session answered (the app process is up and its automation attached)
//   first        the first screen is in the DOM, visible, and two animation frames have passed
//                (Nabo: the start screen with its agenda loaded, aria-busy=false; minimal: its page)
//   week         Nabo: after `first`, the page clicks "Kalender" at once; the week view with its
//                activities loaded, plus two frames. Minimal: the same moment as `first`.
//   fcp          the browser's own first-contentful-paint entry (Paint Timing API)
//   rss / pss    3 s after `week`: VmRSS (and Pss from smaps_rollup) of the app process plus
//                all of its descendants (WebKitWebProcess, WebKitNetworkProcess, bwrap helpers)
// Page times are epoch ms (performance.timeOrigin + performance.now()) on the same clock as t0.

import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const opts = { runs: 10, port: 4485 };
for (let i = 2; i < process.argv.length; i++) {
  const key = process.argv[i].replace(/^--/, '');
  opts[key] = process.argv[++i];
}
const runs = Number(opts.runs);
for (const key of ['nabo', 'minimal', 'db']) {
  if (!opts[key] || !existsSync(opts[key])) throw new Error(`--${key}: no such file: ${opts[key]}`);
}
const apps = {
  nabo: realpathSync(opts.nabo),
  minimal: realpathSync(opts.minimal),
};
const port = Number(opts.port);
const base = `http://127.0.0.1:${port}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.timeOrigin + performance.now();

// Every Nabo launch starts from a fresh copy of the seeded database (the app writes to it).
// --work DIR: always DIR/nabo.db, the path a key-store run kept the seed's key under (the key
// store names each database's key by its path); the folder is left for the caller.
const work = opts.work ?? mkdtempSync(path.join(tmpdir(), 'nabo-bench-'));
mkdirSync(work, { recursive: true });
const dbPath = path.join(work, 'nabo.db');
const freshDb = () => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  copyFileSync(opts.db, dbPath);
};

async function wd(method, url, body) {
  const res = await fetch(base + url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${url}: ${JSON.stringify(json.value ?? json)}`);
  return json.value;
}

// Runs in the page. arguments: [which, done]. Watches every animation frame (and DOM
// mutations) for the target, then waits two more frames so it has been painted.
const PAGE_SCRIPT = `
const [which, done] = arguments;
const clock = () => performance.timeOrigin + performance.now();
const scriptStart = clock();
const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
// How long the engine took to lay the page out for the first visible() that found the
// target (style and layout of everything rendered so far; the frame still has to paint it).
const layoutTime = {};
const visible = (el, name) => {
  const began = performance.now();
  const shown = !!el && el.getClientRects().length > 0;
  if (name && shown && !(name in layoutTime)) layoutTime[name] = performance.now() - began;
  return shown;
};
const waitFor = (test) => new Promise((resolve) => {
  if (test()) return resolve(true);
  const mo = new MutationObserver(() => { if (test()) { mo.disconnect(); resolve(false); } });
  mo.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
  const tick = () => { if (test()) { mo.disconnect(); resolve(false); } else requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
});
(async () => {
  const out = { scriptStart, timeOrigin: performance.timeOrigin };
  if (which === 'minimal') {
    out.presentAtStart = await waitFor(() => visible(document.querySelector('[data-testid="static-page"]')));
    await frames();
    out.first = out.week = clock();
  } else {
    const today = () => document.querySelector('[data-testid="today-screen"]');
    // Cheap checks first: visible() makes the engine lay the page out, and a test that
    // did that on every DOM mutation would slow down the very rendering it waits for.
    out.presentAtStart = await waitFor(() => today()?.getAttribute('aria-busy') === 'false' && visible(today(), 'first'));
    await frames();
    out.first = clock();
    out.agendaItems = document.querySelectorAll('[data-testid="agenda-item"]').length;
    out.click = clock();
    document.querySelector('[data-testid="nav-calendar"]').click();
    const week = () => document.querySelector('[data-testid="week-view"]');
    await waitFor(() => week()?.getAttribute('aria-busy') === 'false'
      && document.querySelector('[data-testid="activity"], [data-testid="empty-week"]') !== null && visible(week(), 'week'));
    await frames();
    out.week = clock();
    out.weekCards = document.querySelectorAll('[data-testid="activity"]').length;
  }
  const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
  out.fcp = fcp ? performance.timeOrigin + fcp.startTime : null;
  const nav = performance.getEntriesByType('navigation')[0];
  out.load = nav ? performance.timeOrigin + nav.loadEventEnd : null;
  const at = (ms) => (ms ? performance.timeOrigin + ms : null);
  out.nav = nav ? { responseEnd: at(nav.responseEnd), domInteractive: at(nav.domInteractive),
    domContentLoaded: at(nav.domContentLoadedEventStart), domContentLoadedEnd: at(nav.domContentLoadedEventEnd) } : {};
  // Nabo's own marks (ui/src/lib/perf.ts) and measures, e.g. the ARIA tidy of the calendar.
  out.marks = {};
  for (const m of performance.getEntriesByType('mark')) {
    if (m.name.startsWith('nabo:') && !(m.name.slice(5) in out.marks)) out.marks[m.name.slice(5)] = performance.timeOrigin + m.startTime;
  }
  out.measures = {};
  for (const m of performance.getEntriesByType('measure')) {
    if (!m.name.startsWith('nabo:')) continue;
    const k = m.name.slice(5);
    out.measures[k] = out.measures[k] || { count: 0, total: 0 };
    out.measures[k].count += 1;
    out.measures[k].total += m.duration;
  }
  out.layoutTime = layoutTime;
  out.resources = performance.getEntriesByType('resource').map((r) => ({ name: r.name.split('/').pop(),
    start: at(r.startTime), end: at(r.responseEnd), size: r.decodedBodySize }));
  done(out);
})().catch((e) => done({ error: String(e && e.stack || e) }));
`;

// Runs in Nabo's page after the memory sample: one switch to the next week, timed inside
// the page like the e2e test "week switching with 5,000 activities".
const SWITCH_SCRIPT = `
const [done] = arguments;
const week = document.querySelector('[data-testid="week-view"]');
const titleOf = () => document.querySelector('[data-testid="week-title"]').textContent;
const title = titleOf();
const t0 = performance.now();
document.querySelector('[data-testid="next-week"]').click();
const check = () => {
  if (week.getAttribute('aria-busy') === 'false' && titleOf() !== title) {
    requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
  } else requestAnimationFrame(check);
};
requestAnimationFrame(check);
`;

/** pid → { ppid, comm } for every process. */
function processTable() {
  const table = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      table.set(Number(entry), { ppid, comm });
    } catch {
      // gone meanwhile
    }
  }
  return table;
}

function findApp(exe) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/exe`) === exe) return Number(entry);
    } catch {
      // not ours to read, or gone
    }
  }
  return null;
}

function kib(file, field) {
  try {
    const m = readFileSync(file, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** RSS and PSS (KiB) of pid and all its descendants, with the processes counted. */
function memoryOf(pid) {
  const table = processTable();
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, info] of table) if (info.ppid === tree[i]) tree.push(child);
  }
  const procs = tree.map((p) => ({
    pid: p,
    comm: table.get(p)?.comm ?? '?',
    rss: kib(`/proc/${p}/status`, 'VmRSS'),
    pss: kib(`/proc/${p}/smaps_rollup`, 'Pss'),
  }));
  return {
    rss: procs.reduce((s, p) => s + p.rss, 0),
    pss: procs.reduce((s, p) => s + p.pss, 0),
    procs,
  };
}

async function launch(which) {
  if (which === 'nabo') freshDb();
  const exe = apps[which];
  const t0 = now();
  const session = await wd('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        browserName: 'wry',
        'tauri:options': { application: exe },
        timeouts: { script: 60_000 },
      },
    },
  });
  const tSession = now();
  const id = session.sessionId;
  try {
    let page;
    try {
      page = await wd('POST', `/session/${id}/execute/async`, { script: PAGE_SCRIPT, args: [which] });
      if (page.error) throw new Error(page.error);
    } catch (e) {
      const text = await wd('POST', `/session/${id}/execute/sync`, {
        script: 'return document.body.innerText.slice(0, 400)',
        args: [],
      }).catch(() => '?');
      throw new Error(`${which}: ${e.message}; the window shows: ${JSON.stringify(text)}`);
    }
    await sleep(3000);
    const pid = findApp(exe);
    if (!pid) throw new Error(`no process runs ${exe}`);
    const mem = memoryOf(pid);
    if (which === 'nabo') {
      page.weekSwitch = await wd('POST', `/session/${id}/execute/async`, { script: SWITCH_SCRIPT, args: [] });
    }
    return {
      app: which,
      session: tSession - t0,
      first: page.first - t0,
      week: page.week - t0,
      fcp: page.fcp === null ? null : page.fcp - t0,
      navStart: page.timeOrigin - t0,
      load: page.load === null ? null : page.load - t0,
      scriptStart: page.scriptStart - t0,
      click: page.click ? page.click - t0 : null,
      nav: Object.fromEntries(Object.entries(page.nav ?? {}).map(([k, v]) => [k, v === null ? null : v - t0])),
      marks: Object.fromEntries(Object.entries(page.marks ?? {}).map(([k, v]) => [k, v - t0])),
      measures: page.measures ?? {},
      layoutTime: page.layoutTime ?? {},
      resources: (page.resources ?? []).map((r) => ({ ...r, start: r.start === null ? null : r.start - t0, end: r.end === null ? null : r.end - t0 })),
      presentAtStart: page.presentAtStart,
      agendaItems: page.agendaItems,
      weekCards: page.weekCards,
      weekSwitch: page.weekSwitch ?? null,
      rssKiB: mem.rss,
      pssKiB: mem.pss,
      procs: mem.procs.map((p) => `${p.comm}:${Math.round(p.rss / 1024)}M`).join(' '),
      pid,
    };
  } finally {
    await wd('DELETE', `/session/${id}`).catch(() => {});
    // Wait until the app and its web processes are gone before the next launch.
    const deadline = Date.now() + 15_000;
    while (findApp(exe) && Date.now() < deadline) await sleep(100);
    const left = findApp(exe);
    if (left) process.kill(left, 'SIGKILL');
    await sleep(1000);
  }
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length / 2;
  const median = s.length % 2 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1] };
};

const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(port + 1)], {
  env: { ...process.env, NABO_DB: dbPath, NABO_LANG: 'da' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${base}/status`)).ok) break;
    } catch {
      // not yet listening
    }
    await sleep(200);
  }
  const results = [];
  process.stderr.write('warm-up: nabo, minimal\n');
  await launch('nabo');
  await launch('minimal');
  for (let round = 0; round < runs; round++) {
    const order = round % 2 === 0 ? ['nabo', 'minimal'] : ['minimal', 'nabo'];
    for (const which of order) {
      const r = await launch(which);
      results.push({ round, ...r });
      process.stderr.write(
        `round ${round + 1}/${runs} ${which.padEnd(7)} session ${r.session.toFixed(0)} ms, first ${r.first.toFixed(0)} ms, ` +
          `week ${r.week.toFixed(0)} ms, switch ${r.weekSwitch?.toFixed(0) ?? '-'} ms, fcp ${r.fcp?.toFixed(0)} ms, rss ${(r.rssKiB / 1024).toFixed(1)} MiB, ` +
          `pss ${(r.pssKiB / 1024).toFixed(1)} MiB${r.presentAtStart ? ' (already shown when observed)' : ''}\n` +
          `    ${r.procs}\n`,
      );
    }
  }

  const metrics = [
    ['session', 'POST /session answered', 'ms'],
    ['fcp', 'first contentful paint', 'ms'],
    ['first', 'first screen painted', 'ms'],
    ['week', 'week view painted (minimal: its page)', 'ms'],
    ['rssKiB', 'RSS, app + WebKit processes', 'MiB'],
    ['pssKiB', 'PSS, app + WebKit processes', 'MiB'],
  ];
  const summary = {};
  const lines = [];
  const fmt = (v, unit) => (unit === 'MiB' ? (v / 1024).toFixed(1) : v.toFixed(0));
  // The machine is shared: a burst of load slows a launch or two. Both apps take turns
  // within a round, so each round's Nabo ÷ minimal is a paired comparison; the median of
  // those is less sensitive to load that comes and goes than the ratio of the medians.
  const paired = (key) => {
    const ratios = [];
    for (let round = 0; round < runs; round++) {
      const n = results.find((r) => r.round === round && r.app === 'nabo');
      const m = results.find((r) => r.round === round && r.app === 'minimal');
      if (n && m && n[key] !== null && m[key] !== null) ratios.push(n[key] / m[key]);
    }
    return ratios.length ? stats(ratios).median : null;
  };
  lines.push(`| measure | Nabo median (min–max) | minimal median (min–max) | ratio of medians | median ratio per round |`);
  lines.push(`|---|---|---|---|---|`);
  for (const [key, label, unit] of metrics) {
    const of = (app) => results.filter((r) => r.app === app && r[key] !== null).map((r) => r[key]);
    if (!of('nabo').length || !of('minimal').length) continue;
    const n = stats(of('nabo'));
    const m = stats(of('minimal'));
    summary[key] = { nabo: n, minimal: m, ratio: n.median / m.median, pairedRatio: paired(key), unit };
    lines.push(
      `| ${label} (${unit}) | ${fmt(n.median, unit)} (${fmt(n.min, unit)}–${fmt(n.max, unit)}) | ` +
        `${fmt(m.median, unit)} (${fmt(m.min, unit)}–${fmt(m.max, unit)}) | ${summary[key].ratio.toFixed(2)}× | ` +
        `${summary[key].pairedRatio?.toFixed(2) ?? '–'}× |`,
    );
  }
  const switches = results.filter((r) => r.app === 'nabo' && r.weekSwitch !== null).map((r) => r.weekSwitch);
  if (switches.length) {
    const w = stats(switches);
    summary.weekSwitch = { nabo: w, unit: 'ms' };
    lines.push(`| Nabo only: switch to the next week, painted (ms) | ${w.median.toFixed(0)} (${w.min.toFixed(0)}–${w.max.toFixed(0)}) | – | – | – |`);
  }
  // Where Nabo's time goes: the median moment of each step (ms after t0), in order.
  const naboRuns = results.filter((r) => r.app === 'nabo');
  const steps = new Map();
  const add = (name, v) => { if (typeof v === 'number') { if (!steps.has(name)) steps.set(name, []); steps.get(name).push(v); } };
  for (const r of naboRuns) {
    add('navigation start', r.navStart);
    for (const [k, v] of Object.entries(r.nav)) add(`page ${k}`, v);
    for (const res of r.resources) add(`loaded ${res.name.replace(/-[\w-]{8}\./, '.')}`, res.end);
    for (const [k, v] of Object.entries(r.marks)) add(`mark ${k}`, v);
    add('fcp', r.fcp);
    add('first screen painted', r.first);
    add('click Kalender', r.click);
    add('week view painted', r.week);
  }
  const stepRows = [...steps].map(([name, xs]) => [name, stats(xs).median, xs.length]).sort((a, b) => a[1] - b[1]);
  const tidy = naboRuns.map((r) => r.measures.tidy).filter(Boolean);
  for (const which of ['first', 'week']) {
    const xs = naboRuns.map((r) => r.layoutTime[which]).filter((v) => typeof v === 'number');
    if (xs.length) console.log(`Layout forced by the paint test on the ${which === 'first' ? 'start screen' : 'week view'}: median ${stats(xs).median.toFixed(0)} ms.`);
  }
  console.log(`\nNabo, step by step (median ms after t0 over ${naboRuns.length} launches):\n`);
  console.log('| step | median (ms) |\n|---|---|');
  for (const [name, median, n] of stepRows) console.log(`| ${name}${n < naboRuns.length ? ` (${n} launches)` : ''} | ${median.toFixed(0)} |`);
  if (tidy.length) console.log(`\nARIA tidy of the calendar: median ${stats(tidy.map((m) => m.total)).median.toFixed(1)} ms in ${stats(tidy.map((m) => m.count)).median} calls per launch.`);
  const nabo0 = results.find((r) => r.app === 'nabo');
  const activities = opts.activities ?? '?';
  console.log(`\n${runs} launches of each app, alternating; Nabo with ${activities} activities ` +
    `(${nabo0?.agendaItems} items on its start screen, ${nabo0?.weekCards} cards in the week).\n`);
  console.log(lines.join('\n'));
  const late = results.filter((r) => r.presentAtStart).map((r) => r.app);
  if (late.length) console.log(`\nAlready on screen when the page script first looked: ${late.length} launches (${[...new Set(late)].join(', ')}).`);
  if (opts.json) {
    mkdirSync(path.dirname(opts.json), { recursive: true });
    writeFileSync(opts.json, JSON.stringify({ date: new Date().toISOString(), runs, apps, summary, results }, null, 2) + '\n');
    console.log(`\nAll launches: ${opts.json}`);
  }
} finally {
  driver.kill();
  if (!opts.work) rmSync(work, { recursive: true, force: true });
}
