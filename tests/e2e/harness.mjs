// Starts the real Nabo desktop app through tauri-driver and WebKitWebDriver, on a fresh
// database of its own, and gives tests a WebdriverIO browser plus screenshot helpers.
//
// Environment:
//   NABO_APP          path of the built app (default: target/debug/nabo-desktop)
//   NABO_SCREENSHOTS  folder for screenshots (default: tests/e2e/screenshots)
//   NABO_E2E_PORT     tauri-driver port (default: a free port chosen for each window; the
//                     native WebKitWebDriver port is then free too, see `freePort`)
//   NABO_CLI          the `nabo` CLI, for `nabo` (default: target/debug/nabo)

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, existsSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

export const appPath = path.resolve(process.env.NABO_APP ?? path.join(root, 'target/debug/nabo-desktop'));
export const screenshotDir = path.resolve(process.env.NABO_SCREENSHOTS ?? path.join(here, 'screenshots'));
const fixedPort = process.env.NABO_E2E_PORT ? Number(process.env.NABO_E2E_PORT) : null;
const cliPath = path.resolve(process.env.NABO_CLI ?? path.join(root, 'target/debug/nabo'));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A TCP port on 127.0.0.1 that nothing listens on now, from the system. Two runs of the
 * suite on one machine (a CI run beside a developer's) once shared the fixed port 4455: the
 * second tauri-driver could not listen and the tests talked to the other run's window.
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Waits until tauri-driver answers its status endpoint on `port`. */
async function waitForDriver(driver, port) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) throw new Error(`tauri-driver exited with ${driver.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`tauri-driver did not answer on port ${port} within 30 s`);
}

/**
 * Starts the app on a new, empty database and returns { browser, dbPath, stop }.
 * `language` sets NABO_LANG for the app ("da" or "en"). With `osDataDir`, NABO_DB is
 * unset and the app finds its database in the OS data directory (XDG_DATA_HOME). `env` sets
 * (or, with null, removes) variables for this start only.
 */
export async function startApp({ language = 'da', osDataDir = false, keepIn = null, env: extraEnv = {} } = {}) {
  if (!existsSync(appPath)) throw new Error(`the app is not built: ${appPath}`);
  mkdirSync(screenshotDir, { recursive: true });
  // `keepIn`: a folder of the test's own whose database outlives this window (a second
  // window opens it again); otherwise a new folder, removed by `stop`.
  const dataDir = keepIn ?? mkdtempSync(path.join(tmpdir(), 'nabo-e2e-'));
  // tauri-driver starts WebKitWebDriver, which starts the app: all inherit this environment.
  const env = { ...process.env, NABO_LANG: language };
  // `env`: variables for this start (null removes one, e.g. NABO_PASSPHRASE).
  for (const [name, value] of Object.entries(extraEnv)) {
    if (value === null) delete env[name];
    else env[name] = value;
  }
  let dbPath;
  if (osDataDir) {
    delete env.NABO_DB;
    env.XDG_DATA_HOME = dataDir;
    dbPath = path.join(dataDir, 'dk.nabo.app', 'nabo.db');
  } else {
    dbPath = path.join(dataDir, 'nabo.db');
    env.NABO_DB = dbPath;
  }
  // NABO_E2E_APP_LOG: the driver's, WebKit's and the app's output at their most verbose,
  // appended to that file instead of the console (tests/offline/no-secrets-in-logs.sh then
  // looks in it for what the tests typed).
  let stdio = ['ignore', 'inherit', 'inherit'];
  if (process.env.NABO_E2E_APP_LOG) {
    const log = openSync(process.env.NABO_E2E_APP_LOG, 'a');
    stdio = ['ignore', log, log];
    Object.assign(env, { RUST_LOG: 'trace', RUST_BACKTRACE: '1', G_MESSAGES_DEBUG: 'all', WEBKIT_DEBUG: 'all' });
  }
  // In a process group of its own, with WebKitWebDriver and the app it starts: `stop` ends
  // all three, also when the app no longer answers.
  const port = fixedPort ?? (await freePort());
  let nativePort = fixedPort ? fixedPort + 1 : await freePort();
  while (nativePort === port) nativePort = await freePort();
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], {
    env,
    stdio,
    detached: true,
  });
  await waitForDriver(driver, port);
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    capabilities: {
      browserName: 'wry',
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application: appPath },
    },
  });
  const stop = async () => {
    try {
      // A session stuck under load (it happened once, for 14 minutes) must not hold up the run.
      const gaveUp = new Promise((resolve) => setTimeout(resolve, 15_000).unref());
      await Promise.race([browser.deleteSession().catch(() => {}), gaveUp]);
    } finally {
      try {
        process.kill(-driver.pid, 'SIGTERM');
      } catch {
        driver.kill();
      }
      if (!keepIn) rmSync(dataDir, { recursive: true, force: true });
    }
  };
  return { browser, dbPath, stop };
}

/** Saves a screenshot of the window as <name>.png in the screenshot folder. */
export async function screenshot(browser, name) {
  // Let the last change paint: a screenshot right after a DOM change can be stale.
  await browser.execute(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await sleep(300);
  const file = path.join(screenshotDir, `${name}.png`);
  // WebKitGTK's classic renderer (the app's default, see src-tauri/src/main.rs) answers a
  // WebDriver screenshot only after a rendering update; on a page that is at rest none
  // comes and the request hangs. A 1-pixel, nearly transparent element that changes every
  // few milliseconds while the screenshot is taken gives it one, and nothing visible.
  await browser.execute(() => {
    const tick = document.createElement('div');
    tick.id = 'e2e-paint-tick';
    Object.assign(tick.style, { position: 'fixed', top: '0', left: '0', width: '1px', height: '1px', opacity: '0.01', pointerEvents: 'none' });
    document.body.append(tick);
    let n = 0;
    window.__e2ePaintTick = setInterval(() => { tick.style.opacity = n++ % 2 ? '0.01' : '0.02'; }, 20);
  });
  try {
    await browser.saveScreenshot(file);
  } finally {
    await browser.execute(() => {
      clearInterval(window.__e2ePaintTick);
      document.getElementById('e2e-paint-tick')?.remove();
    });
  }
  return file;
}

/** Clears a text input and types `value` into it, key by key, as a person would. */
export async function typeInto(browser, selector, value) {
  const input = await browser.$(selector);
  await input.waitForDisplayed();
  await input.click();
  await input.clearValue();
  await input.addValue(value);
}

/** Passes the first-start welcome (keeping the language), optionally loading example data. */
export async function completeWelcome(browser, { examples = false } = {}) {
  const welcome = await browser.$('[data-testid="welcome"]');
  await welcome.waitForDisplayed({ timeout: 20_000 });
  if (examples) await (await browser.$('[data-testid="welcome-examples"]')).click();
  await (await browser.$('[data-testid="welcome-start"]')).click();
  await browser.$('[data-testid="today-screen"]').waitForDisplayed({ timeout: 10_000 });
}

/** Opens the calendar screen and waits until its activities are loaded. */
export async function openCalendar(browser, mode = 'week') {
  await (await browser.$('[data-testid="nav-calendar"]')).click();
  await (await browser.$(`[data-testid="mode-${mode}"]`)).click();
  await calendarSettled(browser);
}

/** Waits until the calendar has the lists of the period it shows (not busy). */
export async function calendarSettled(browser) {
  await browser.waitUntil(
    async () => (await browser.$('[data-testid="week-view"]').getAttribute('aria-busy')) === 'false',
    { timeout: 10_000 },
  );
}

/** Runs the real `nabo` CLI on the database `db` (in English, at the real time); returns its stdout. */
export function nabo(db, ...args) {
  const env = { ...process.env, NABO_LANG: 'en' };
  delete env.NABO_DB;
  delete env.NABO_NOW;
  return execFileSync(cliPath, ['--db', db, ...args], { env, encoding: 'utf8' });
}

/** Runs axe-core in the window; returns the serious and critical violations. */
export async function axeViolations(browser) {
  const { readFileSync } = await import('node:fs');
  const { createRequire } = await import('node:module');
  const require = createRequire(path.join(root, 'ui/package.json'));
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await browser.execute(source);
  const result = await browser.executeAsync((done) => {
    window.axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      done(
        r.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`),
      ),
    );
  });
  return result;
}

/**
 * Drags an activity card in the week view by `dy` pixels, the way a hand does: press, a small
 * move to start the drag, then on in steps, and release. (One jump from press to release is
 * not seen as a drag by the week grid.)
 */
export async function dragActivity(browser, selector, dy) {
  const box = await browser.execute((selector) => {
    const r = document.querySelector(selector).closest('.wk-entry').getBoundingClientRect();
    return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + 10) };
  }, selector);
  const to = (y, duration) => ({ type: 'pointerMove', duration, x: box.x, y, origin: 'viewport' });
  await browser.performActions([
    {
      type: 'pointer',
      id: 'mouse',
      parameters: { pointerType: 'mouse' },
      actions: [
        to(box.y, 0),
        { type: 'pointerDown', button: 0 },
        { type: 'pause', duration: 150 },
        to(box.y + Math.sign(dy) * 5, 100),
        { type: 'pause', duration: 100 },
        to(box.y + Math.round(dy / 2), 300),
        { type: 'pause', duration: 100 },
        to(box.y + dy, 300),
        { type: 'pause', duration: 150 },
        { type: 'pointerUp', button: 0 },
      ],
    },
  ]);
  await browser.releaseActions();
}

/** Remembers from now on anything the page's CSP refuses (an inline style or script from a library). */
export function watchCsp(browser) {
  return browser.execute(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** What the CSP refused since `watchCsp`. */
export function cspViolations(browser) {
  return browser.execute(() => window.__cspViolations ?? ['the CSP was not watched']);
}

/**
 * Answers the app's next file dialogs (lib/exchange.ts): each open dialog takes the next list
 * of paths from `open`, each save dialog the next path from `save`. WebDriver cannot drive
 * GTK's dialog; everything before and after it — the button, the command, the file — is real.
 */
export function answerDialogs(browser, { open = [], save = [] } = {}) {
  return browser.execute((open, save) => (window.__naboE2eDialogs = { open, save }), open, save);
}

/** Calls one of the app's own commands from the page; a refusal comes back as `{ failed }`. */
export function invokeIn(browser, command, args) {
  return browser.executeAsync(
    (command, args, done) => window.__TAURI_INTERNALS__.invoke(command, args).then(done, (e) => done({ failed: e })),
    command,
    args,
  );
}

/** Today's date in Copenhagen as the app sees it, YYYY-MM-DD. */
export function todayIn(browser) {
  return browser.execute(() => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date()));
}

/** `date` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(date, days) {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week `date` (YYYY-MM-DD) is in. */
export function mondayOf(date) {
  const weekday = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}
