// The coordinator's overview painted with a national year (10,000 summaries) in the real
// window: from the click on "Koordinator" to the overview's figures and its first chart drawn,
// plus two animation frames, measured inside the page (performance.now(), no WebDriver round
// trip in the time); and to the volunteers × months grid (its first 40 of 834 rows), which
// is asked for after that first paint. Each launch starts the app afresh on a copy of the database, like the
// start-up benchmark; the first opening of the screen includes loading its code.
//
//   node benches/overview.mjs --app PATH --db OVERVIEW.db [--runs 7]

import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const opts = { runs: 7 };
for (let i = 2; i < process.argv.length; i++) opts[process.argv[i].replace(/^--/, '')] = process.argv[++i];
if (!opts.db || !existsSync(opts.db)) throw new Error(`--db: no such file: ${opts.db}`);
if (!opts.app || !existsSync(opts.app)) throw new Error(`--app: no such file: ${opts.app}`);
// The harness reads the app's path when it is loaded.
process.env.NABO_APP = path.resolve(opts.app);
const { startApp, appPath } = await import('../tests/e2e/harness.mjs');
console.error(`app: ${appPath}`);

const times = [];
const grids = [];
const firstRows = [];
for (let run = 0; run <= Number(opts.runs); run++) {
  const keep = mkdtempSync(path.join(tmpdir(), 'nabo-overview-bench-'));
  copyFileSync(opts.db, path.join(keep, 'nabo.db'));
  const app = await startApp({ language: 'da', keepIn: keep });
  try {
    const { browser } = app;
    await browser.$('[data-testid="today-screen"]').waitForDisplayed({ timeout: 30_000 });
    const ms = await browser.executeAsync((done) => {
      const t0 = performance.now();
      window.__naboOverviewT0 = t0;
      document.querySelector('[data-testid="nav-coordinator"]').click();
      const check = () => {
        const canvas = document.querySelector('[data-testid="overview-chart-months"] canvas');
        const figure = document.querySelector('[data-testid="figure-reached"]');
        if (canvas && figure && canvas.width > 0) requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    // Then the grid, which follows the first paint.
    const gridMs = await browser.executeAsync((done) => {
      const check = () => {
        if (document.querySelectorAll('[data-testid="grid-row"]').length > 0) {
          requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - window.__naboOverviewT0)));
        } else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    const rows = await browser.execute(() => document.querySelectorAll('[data-testid="grid-row"]').length);
    // The first launch warms the disk cache and is not counted.
    if (run > 0) {
      times.push(ms);
      grids.push(gridMs);
      firstRows.push(rows);
    }
    console.error(`run ${run}: painted ${ms.toFixed(0)} ms, grid of ${rows} rows at ${gridMs.toFixed(0)} ms${run === 0 ? ' — warm-up, not counted' : ''}`);
  } finally {
    await app.stop();
    rmSync(keep, { recursive: true, force: true });
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(JSON.stringify({
  runs: times.length,
  painted_median_ms: Math.round(median(times)),
  painted_min_ms: Math.round(Math.min(...times)),
  painted_max_ms: Math.round(Math.max(...times)),
  grid_median_ms: Math.round(median(grids)),
  grid_rows: firstRows[0],
}));
