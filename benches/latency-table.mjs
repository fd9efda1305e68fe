// The table of docs/BENCHMARKS.md "Interaction latency" from the bench's JSON results (written by
// benches/latency.sh into target/bench/latency/): one column per run (quiet, beside two busy
// loops, beside a build), each median / p95 / max, and whether the issue's targets hold
// (p95 ≤ 100 ms quiet, ≤ 150 ms under a load).
//
//   node benches/latency-table.mjs [--compare 'LABEL=EARLIER.json' ...] QUIET.json LOADED.json [BUILD.json]
//
// --compare: an earlier quiet run, shown as a column (median / p95) headed LABEL, to compare
// with; as many as given, in that order. (`--first FILE` is `--compare 'first measurement
// (quiet)=FILE'`.) An earlier run's JSON needs only `rows` of {scenario, name, median, p95}.

import { readFileSync } from 'node:fs';

const QUIET_TARGET = 100;
const LOADED_TARGET = 150;

const args = process.argv.slice(2);
const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
const key = (row) => `${row.scenario}\u0000${row.name}`;
/** The earlier runs to compare with: [label, rows by key]. */
const earlier = [];
for (let at; (at = args.findIndex((a) => a === '--compare' || a === '--first')) >= 0; ) {
  const [flag, value] = args.splice(at, 2);
  const equals = value?.indexOf('=') ?? -1;
  if (flag === '--compare' && equals <= 0) throw new Error(`--compare wants LABEL=FILE, not: ${value ?? '(nothing)'}`);
  const [label, file] = flag === '--first' ? ['first measurement (quiet)', value] : [value.slice(0, equals), value.slice(equals + 1)];
  earlier.push([label, new Map(read(file).rows.map((row) => [key(row), row]))]);
}
const runs = args.map(read);
if (runs.length < 2) throw new Error('usage: node benches/latency-table.mjs QUIET.json LOADED.json [BUILD.json]');
const [quiet, ...loads] = runs;
const byKey = runs.map((run) => new Map(run.rows.map((row) => [key(row), row])));
const ms = (x) => Math.round(x);
const cell = (row) => (row ? `${ms(row.median)} / ${ms(row.p95)} / ${ms(row.max)}` : '–');
const heads = { quiet: 'quiet', loaded: 'beside two busy loops', build: 'beside a cargo build' };

const lines = [];
const earlierHead = earlier.map(([label]) => ` ${label}: median / p95 |`).join('');
lines.push(`| interaction | ${runs.map((run) => `${heads[run.label] ?? run.label}: median / p95 / max (ms)`).join(' | ')} |${earlierHead} p95 ≤ ${QUIET_TARGET} quiet / ≤ ${LOADED_TARGET} loaded |`);
lines.push(`|---|${runs.map(() => '---|').join('')}${earlier.map(() => '---|').join('')}---|`);
const met = runs.map(() => 0);
for (const row of quiet.rows) {
  const found = byKey.map((rows) => rows.get(key(row)));
  const ok = found.map((r, i) => (r ? r.p95 <= (i === 0 ? QUIET_TARGET : LOADED_TARGET) : null));
  ok.forEach((yes, i) => (met[i] += yes ? 1 : 0));
  const name = row.scenario === 'coordinator' ? `*coordinator:* ${row.name}` : row.name;
  const earlierCells = earlier
    .map(([, rows]) => rows.get(key(row)))
    .map((then) => ` ${then ? `${ms(then.median)} / ${ms(then.p95)}` : '(not measured then)'} |`)
    .join('');
  lines.push(`| ${name} | ${found.map(cell).join(' | ')} |${earlierCells} ${ok.map((yes) => (yes === null ? '–' : yes ? 'yes' : '**no**')).join(' / ')} |`);
}
console.log(lines.join('\n'));
console.log(
  `\nMet: ${runs.map((run, i) => `${met[i]} of ${quiet.rows.length} ${heads[run.label] ?? run.label}`).join(', ')}.`,
);
for (const run of loads) {
  const over = run.rows.filter((row) => row.p95 > LOADED_TARGET).map((row) => `${row.name} (${Math.round(row.p95)})`);
  if (over.length > 0) console.log(`Over ${LOADED_TARGET} ms ${heads[run.label] ?? run.label}: ${over.join(', ')}.`);
}
const overQuiet = quiet.rows.filter((row) => row.p95 > QUIET_TARGET).map((row) => `${row.name} (${Math.round(row.p95)})`);
if (overQuiet.length > 0) console.log(`Over ${QUIET_TARGET} ms quiet: ${overQuiet.join(', ')}.`);
