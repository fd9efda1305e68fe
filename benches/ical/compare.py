#!/usr/bin/env python3
"""Runs Nabo, Python icalendar and ical.js on the same 10,000-event calendar and prints the ratios.

Called by benches/ical/run.sh (which installs and builds what it needs); see docs/BENCHMARKS.md,
section "iCalendar export and parse". Standard library only.

1. The records: `ical_bench spec` writes the 10,000 events (deterministic) as JSON.
2. The file: Nabo exports them; that file (4.1 MB) is what all three parse.
3. A check, untimed: all three expand the file to the same occurrences (UID, start, end in UTC),
   and Nabo reads Python's and ical.js's exports to the same occurrences as its own.
4. Rounds: in each round every tool runs every step twice, the tools in a rotating order:
   - in one process, the step `--repeat R` times: the first time is "cold", the others "warm";
   - in a fresh process once, timed from outside: "whole process" (start-up, imports, reading
     the input, the step, writing the output).
5. Medians over all rounds; ratio = reference time / Nabo time (above 1: Nabo is faster).
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

TOOLS = ["nabo", "python-icalendar", "ical.js"]
TARGETS = {"python-icalendar": 100.0, "ical.js": 2.0}


def command(tool, args, paths):
    if tool == "nabo":
        return [paths.nabo, *args]
    if tool == "python-icalendar":
        return [paths.python, str(HERE / "py_bench.py"), *args]
    return [paths.node, str(HERE / "js_bench.mjs"), *args]


def run(cmd):
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = (time.perf_counter() - t0) * 1000
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(map(str, cmd))}\n{done.stderr}")
    lines = done.stdout.strip().splitlines()
    return (json.loads(lines[-1]) if lines else None), wall


def step_args(tool, step, out, repeat):
    """The arguments of `step` for `tool`; all read or write the same files."""
    ics = str(out / "nabo-10k.ics")
    if step == "export":
        return ["export", str(out / "events.json"), str(out / f"{tool}-export.ics"), "--repeat", str(repeat)]
    if step == "parse":
        # Nabo cannot parse without expanding; a window in 1990 (before every event) leaves only
        # the parse, the zones and the rules' validation.
        extra = ["--empty-window"] if tool == "nabo" else []
        return ["parse", ics, "--repeat", str(repeat), *extra]
    extra = [] if tool == "nabo" else ["--expand"]
    return ["parse", ics, "--repeat", str(repeat), *extra]


def times_of(result, step):
    if step == "export":
        return result["model_serialise_ms"], result["serialise_ms"]
    return result["ms"], None


def versions(paths):
    def out(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()
        except OSError:
            return "?"

    ical_js = json.loads((HERE / "node_modules/ical.js/package.json").read_text())["version"]
    py = out(
        [
            paths.python,
            "-c",
            "import sys; from importlib.metadata import version as v; "
            "print(sys.version.split()[0], v('icalendar'), v('recurring-ical-events'))",
        ]
    ).split()
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if "model name" in line),
        platform.processor(),
    )
    return {
        "machine": f"{os.cpu_count()} CPU, {cpu}",
        "kernel": platform.release(),
        "rustc": out(["rustc", "--version"]),
        "commit": out(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]),
        "python": py[0] if py else "?",
        "icalendar": py[1] if len(py) > 1 else "?",
        "recurring_ical_events": py[2] if len(py) > 2 else "?",
        "node": out([paths.node, "--version"]),
        "ical.js": ical_js,
    }


def check(paths, out):
    """All three expand Nabo's file to the same occurrences; Nabo reads the others' exports the same."""
    dumps = {}
    for tool in TOOLS:
        dump = out / f"{tool}-occurrences.txt"
        run(command(tool, [*step_args(tool, "parse_expand", out, 1), "--dump", str(dump)], paths))
        dumps[tool] = dump.read_bytes()
    reference = dumps["nabo"]
    count = reference.count(b"\n")
    for tool, data in dumps.items():
        if data != reference:
            sys.exit(f"{tool} expands the file differently from Nabo: compare {out}/*-occurrences.txt")
    for tool in TOOLS[1:]:
        run(command(tool, step_args(tool, "export", out, 1), paths))
        dump = out / f"nabo-reads-{tool}.txt"
        run([paths.nabo, "parse", str(out / f"{tool}-export.ics"), "--dump", str(dump)])
        if dump.read_bytes() != reference:
            sys.exit(f"Nabo reads {tool}'s export differently from its own: compare {dump}")
    return count


def median(values):
    return statistics.median(values) if values else float("nan")


def fmt(ms):
    return f"{ms:,.0f}" if ms >= 100 else f"{ms:.1f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3, help="runs of a step inside one process (first is cold)")
    parser.add_argument("--out", type=Path, default=ROOT / "target/bench/ical")
    parser.add_argument("--nabo", default=str(ROOT / "target/release/examples/ical_bench"))
    parser.add_argument("--python", default=str(ROOT / "tests/interop/.venv/bin/python"))
    parser.add_argument("--node", default="node")
    paths = parser.parse_args()
    out = paths.out
    out.mkdir(parents=True, exist_ok=True)

    info = versions(paths)
    load_before = os.getloadavg()
    run([paths.nabo, "spec", str(out / "events.json")])
    run([paths.nabo, "export", str(out / "events.json"), str(out / "nabo-10k.ics")])
    occurrences = check(paths, out)
    ics = (out / "nabo-10k.ics").read_bytes()
    print(
        f"calendar: {ics.count(b'BEGIN:VEVENT')} VEVENTs (10,000 events, {ics.count(b'RRULE:FREQ=WEEKLY')} weekly series, "
        f"{ics.count(b'RECURRENCE-ID')} overrides, {ics.count(b'EXDATE')} EXDATEs), {len(ics):,} bytes; "
        f"all three expand it to the same {occurrences:,} occurrences",
        flush=True,
    )

    steps = ["export", "parse", "parse_expand"]
    samples = {(t, s, k): [] for t in TOOLS for s in steps for k in ("cold", "warm", "serialise", "process")}
    for r in range(paths.rounds):
        order = TOOLS[r % 3 :] + TOOLS[: r % 3]
        for step in steps:
            for tool in order:
                result, _ = run(command(tool, step_args(tool, step, out, paths.repeat), paths))
                total, serialise = times_of(result, step)
                samples[(tool, step, "cold")].append(total[0])
                samples[(tool, step, "warm")].extend(total[1:])
                if serialise:
                    samples[(tool, step, "serialise")].extend(serialise[1:])
                _, wall = run(command(tool, step_args(tool, step, out, 1), paths))
                samples[(tool, step, "process")].append(wall)
        print(f"round {r + 1}/{paths.rounds} done (load {os.getloadavg()[0]:.2f})", flush=True)
    load_after = os.getloadavg()
    med = {key: median(v) for key, v in samples.items()}

    titles = {
        "export": "export: model + serialise",
        "parse": "parse, zones resolved, no expansion",
        "parse_expand": "parse + expand series in the window",
    }
    kinds = [("warm", "in process"), ("cold", "first in process"), ("process", "whole process")]
    print()
    print("| step | measure | Nabo (ms) | Python icalendar (ms) | ical.js (ms) | Python ÷ Nabo | ical.js ÷ Nabo |")
    print("|---|---|---|---|---|---|---|")
    rows = []
    for step in steps:
        measures = kinds[:1] + ([("serialise", "serialise only, in process")] if step == "export" else []) + kinds[1:]
        for kind, label in measures:
            n, p, j = (med[(t, step, kind)] for t in TOOLS)
            rows.append({"step": step, "kind": kind, "nabo": n, "python": p, "icaljs": j})
            print(f"| {titles[step]} | {label} | {fmt(n)} | {fmt(p)} | {fmt(j)} | {p / n:,.0f}× | {j / n:.1f}× |")
    cross = (
        med[("python-icalendar", "parse", "warm")] / med[("nabo", "parse_expand", "warm")],
        med[("ical.js", "parse", "warm")] / med[("nabo", "parse_expand", "warm")],
    )
    print(
        f"| Nabo parse + expand vs the others' parse without expansion | in process | "
        f"{fmt(med[('nabo', 'parse_expand', 'warm')])} | {fmt(med[('python-icalendar', 'parse', 'warm')])} | "
        f"{fmt(med[('ical.js', 'parse', 'warm')])} | {cross[0]:,.0f}× | {cross[1]:.1f}× |"
    )

    def verdict(label, step, kind):
        n = med[("nabo", step, kind)]
        parts = []
        for tool, goal in TARGETS.items():
            ratio = med[(tool, step, kind)] / n
            parts.append(f"{ratio:,.1f}× {tool} (target ≥ {goal:g}×: {'met' if ratio >= goal else 'NOT met'})")
        print(f"{label}: " + "; ".join(parts))

    print()
    verdict("export, model + serialise, in process", "export", "warm")
    verdict("parse into busy time (parse + zones + expansion), in process", "parse_expand", "warm")
    verdict("export, whole process", "export", "process")
    verdict("parse + expansion, whole process", "parse_expand", "process")
    print(
        f"(Nabo's read_busy against the others' parse *without* expansion: {cross[0]:,.0f}× Python icalendar, "
        f"{cross[1]:.1f}× ical.js)"
    )
    print()
    print("; ".join(f"{k} {v}" for k, v in info.items()))
    print(
        f"rounds {paths.rounds}, {paths.repeat} runs per process; load average {load_before[0]:.2f} before, "
        f"{load_after[0]:.2f} after"
    )
    (out / "results.json").write_text(
        json.dumps(
            {
                "info": info,
                "load": [load_before, load_after],
                "occurrences": occurrences,
                "samples": {"/".join(k): v for k, v in samples.items()},
                "medians": rows,
            },
            indent=1,
        )
    )
    print(f"raw samples: {out / 'results.json'}")


if __name__ == "__main__":
    main()
