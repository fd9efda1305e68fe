// Where the page's script time goes in one interaction of the real window: WebKit's own
// sampling profiler (JavaScriptCore takes a stack every millisecond), read through the remote
// inspector that WebKitGTK serves when WEBKIT_INSPECTOR_HTTP_SERVER is set. No WebDriver: the
// clicks are the page's own `element.click()`, so this profiles the page, not the timing a
// person sees (that is benches/latency.mjs).
//
//   xvfb-run -a -s "-screen 0 1280x800x24" node --experimental-websocket benches/webkit-profile.mjs \
//     --app target/release/nabo-desktop --db target/bench/latency/volunteer.db \
//     [--open nav-calendar,mode-month] [--click next-week] [--back prev-week] [--rounds 20]
//
// `--open`: the buttons (data-testid) pressed once first, to reach the screen; `--click`: the
// interaction profiled, `--rounds` times; `--back`: pressed (not profiled) after each round,
// to come back (default: none, so a step goes on stepping). The database is copied first and
// opened with NABO_PASSPHRASE (default "latency-bench", as benches/latency.sh makes it).
//
// Build the UI unminified to read function names (`npx vite build --minify false` in ui/,
// then the release app again); minified, the names are the bundler's. WebKitGTK 2.50 reports
// every timeline record's time as 0, so only the samples are counted: a sample is about a
// millisecond of script.
//
// Prints the samples per round, the functions with the most samples of their own ("self") and
// in their stacks ("inclusive"), each per round. docs/BENCHMARKS.md says what it found.

import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../tests/e2e/harness.mjs';

const opts = { rounds: '20', open: '', back: '', click: 'next-week' };
for (let i = 2; i < process.argv.length; i += 2) opts[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const key of ['app', 'db']) {
  if (!opts[key] || !existsSync(opts[key])) throw new Error(`--${key}: no such file: ${opts[key]}`);
}
if (typeof WebSocket !== 'function') throw new Error('run with node --experimental-websocket (Node 20) or Node 22+');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const work = mkdtempSync(path.join(tmpdir(), 'nabo-profile-'));
const db = path.join(work, 'nabo.db');
copyFileSync(opts.db, db);
const port = await freePort();
const app = spawn(path.resolve(opts.app), [], {
  env: {
    ...process.env,
    NABO_DB: db,
    NABO_PASSPHRASE: process.env.NABO_PASSPHRASE ?? 'latency-bench',
    NABO_LANG: 'da',
    WEBKIT_INSPECTOR_HTTP_SERVER: `127.0.0.1:${port}`,
  },
  stdio: 'ignore',
});

try {
  // The inspector lists the page once the window is up; its socket is /socket/<connection>/<page>/WebPage.
  let socketPath = null;
  for (let i = 0; i < 120 && !socketPath; i++) {
    await sleep(250);
    const listing = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text()).catch(() => '');
    socketPath = /\/socket\/\d+\/\d+\/WebPage/.exec(listing)?.[0] ?? null;
  }
  if (!socketPath) throw new Error('the window did not offer its inspector within 30 s');
  const ws = new WebSocket(`ws://127.0.0.1:${port}${socketPath}`);
  let target = null;
  let nextId = 0;
  const pending = new Map();
  const events = [];
  ws.onmessage = ({ data }) => {
    const message = JSON.parse(data);
    if (message.method === 'Target.targetCreated') target = message.params.targetInfo.targetId;
    if (message.method !== 'Target.dispatchMessageFromTarget') return;
    const inner = JSON.parse(message.params.message);
    if (inner.id && pending.has(inner.id)) {
      pending.get(inner.id)(inner);
      pending.delete(inner.id);
    } else events.push(inner);
  };
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = () => reject(new Error('the inspector refused the connection'));
  });
  for (let i = 0; i < 40 && !target; i++) await sleep(50);
  if (!target) throw new Error('the inspector named no page');
  // Commands go to the page through the Target domain (WebKit's multiplexed inspector).
  const send = (method, params = {}) =>
    new Promise((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, method: 'Target.sendMessageToTarget', params: { targetId: target, message: JSON.stringify({ id, method, params }) } }));
    });
  const evaluate = async (expression) => {
    const answer = await send('Runtime.evaluate', { expression, returnByValue: true });
    if (answer.error || answer.result?.wasThrown) throw new Error(`in the page: ${expression}: ${JSON.stringify(answer).slice(0, 300)}`);
    return answer.result.result.value;
  };
  const press = (testid) => evaluate(`(() => { const b = document.querySelector('[data-testid="${testid}"]'); if (!b) throw new Error('no ${testid}'); b.click(); return true; })()`);

  for (let i = 0; i < 240; i++) {
    if (await evaluate(`!!document.querySelector('[data-testid="today-screen"]')`)) break;
    await sleep(250);
  }
  for (const testid of opts.open.split(',').filter(Boolean)) {
    await press(testid);
    await sleep(1500);
  }
  // Two rounds unprofiled: each screen's code loaded and compiled once.
  for (let i = 0; i < 2; i++) {
    await press(opts.click);
    await sleep(800);
    if (opts.back) await press(opts.back);
    await sleep(800);
  }

  const self = new Map();
  const inclusive = new Map();
  const perRound = [];
  const frameName = (f) => `${f.name || '(anonymous)'} ${f.url ? `${f.url.split('/').pop()}:${f.line}:${f.column}` : '(native)'}`;
  const rounds = Number(opts.rounds);
  for (let round = 0; round < rounds; round++) {
    events.length = 0;
    await send('ScriptProfiler.startTracking', { includeSamples: true });
    await sleep(100);
    await press(opts.click);
    await sleep(800);
    await send('ScriptProfiler.stopTracking');
    for (let i = 0; i < 40 && !events.some((e) => e.method === 'ScriptProfiler.trackingComplete'); i++) await sleep(50);
    const complete = events.find((e) => e.method === 'ScriptProfiler.trackingComplete');
    const traces = complete?.params.samples?.stackTraces ?? [];
    // Everything the page ran in the 0.9 s: the click (under the inspector's
    // evaluateWithScopeExtension, about a sample), what it set going, and anything idle.
    perRound.push(traces.length);
    for (const { stackFrames } of traces) {
      if (stackFrames.length === 0) continue;
      const top = frameName(stackFrames[0]);
      self.set(top, (self.get(top) ?? 0) + 1);
      for (const name of new Set(stackFrames.map(frameName))) inclusive.set(name, (inclusive.get(name) ?? 0) + 1);
    }
    if (opts.back) await press(opts.back);
    await sleep(800);
  }
  ws.close();

  const sorted = [...perRound].sort((a, b) => a - b);
  console.log(`${opts.click}: ${rounds} rounds, samples (≈ ms of script) median ${sorted[Math.floor(rounds / 2)]}, max ${sorted[rounds - 1]}`);
  const table = (map, count) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, n]) => `${(n / rounds).toFixed(1).padStart(7)}  ${name}`).join('\n');
  console.log(`\nself, per round:\n${table(self, 20)}`);
  console.log(`\ninclusive, per round:\n${table(inclusive, 40)}`);
} finally {
  app.kill();
  await sleep(500);
  rmSync(work, { recursive: true, force: true });
}
