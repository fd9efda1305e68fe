// Keeps a run of benches/latency.mjs in the repository (benches/results/), without the IPC
// calls of every sample: target/ is not kept, and a later session compares against these
// (`node benches/latency-table.mjs --compare 'LABEL=benches/results/….json' …`).
//
//   node benches/latency-keep.mjs target/bench/latency/latency-STAMP-LABEL.json [...]

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

for (const file of process.argv.slice(2)) {
  const run = JSON.parse(readFileSync(file, 'utf8'));
  const rows = run.rows.map(({ scenario, name, ms, median, p95, max, ipc }) => ({
    scenario,
    name,
    median,
    p95,
    max,
    ms: ms.map((x) => Math.round(x * 10) / 10),
    ipc,
  }));
  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', path.basename(file));
  writeFileSync(out, `${JSON.stringify({ ...run, rows }, null, 1)}\n`);
  console.log(out);
}
