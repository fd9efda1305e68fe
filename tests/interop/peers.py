#!/usr/bin/env python3
"""The peers' test suites as Nabo's import tests (issue 15, item 3).

Every calendar in tests/fixtures/ics/peers/ (the test calendars of Python `icalendar` and
`recurring-ical-events`, see the README there) is imported with the real binary, each into
a fresh database, and compared with the oracle (tests/interop/oracle_import.py):

    tests/interop/.venv/bin/python tests/interop/peers.py [-k TEXT] [-v] [-j N] [--report FILE]

tests/interop/run.sh runs it after the pytest suites (NABO_BIN: the binary, default
target/debug/nabo; NABO_PASSPHRASE as scripts/test.sh sets it, else the same default).
Per file:

1. `nabo import-ics FILE --dry-run`, then `nabo import-ics FILE`, each on a copy of one
   freshly initialised database, NABO_NOW=2026-06-01T12:00:00Z, NABO_LANG=en, at most
   20 s each. If it imports, `nabo list --json` over the window reads the busy time back
   (the dry run prints only counts).
2. The oracle over the same window: the Copenhagen days 2025-06-01 to 2028-06-01
   (exclusive), three years inside the year back and two ahead that Nabo imports.
3. Most of the peers' events lie years before that window, so a file Nabo imports is
   compared a second time in three years of its own: NABO_NOW at noon UTC on the median
   VEVENT DTSTART, the window from a year before that day to two years after (moved into
   2000-2100, the years `nabo list` shows); dry run, import and `list --json` on another
   fresh database, and the oracle over that window.

Acceptance (the issue's), any file:

* no panic (exit 101, or "panicked" on stderr) and no hang (20 s, then killed);
* a refusal is exactly one line on stderr: "nabo: ", one of Nabo's messages
  (i18n/en/errors.ftl), naming the file;
* the dry run changes nothing and a refused import changes nothing (the database's
  bytes), and the dry run says on stderr what the import says (exit and warning lines);

and for every file the oracle reads (exit 0; so it is a calendar and not cut off) with at
least one readable event (a VEVENT the oracle does not skip): Nabo imports it (exit 0)
and its busy times in each window are the oracle's, compared as multisets of (start,
end, all-day, free), give or take occurrences that start or end exactly on the window's
edge. One rule is Nabo's on purpose and compared as Nabo's: an all-day event whose DTEND
equals its DATE DTSTART (RFC 5545 wants it later) lasts its day, where the oracle keeps
zero days.

Files the oracle refuses, or that it cannot read at all (a Python exception, or no answer
in 120 s; some are the peers' fuzz corpus), are what "the peers treat as unreadable": for
those only the checks for any file apply.

Files that fail today are listed in tests/interop/peers_known.txt, one a line with the
reason. A failure not on that list fails the run; so does a listed file that now passes
(remove it from the list) or that no longer exists. Exit 0: all as expected; 1: not;
2: nothing to run (no binary, no calendars).
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PEERS = ROOT / "tests" / "fixtures" / "ics" / "peers"
KNOWN = HERE / "peers_known.txt"
ORACLE = HERE / "oracle_import.py"
MESSAGES = ROOT / "i18n" / "en" / "errors.ftl"
NABO_BIN = Path(os.environ.get("NABO_BIN", ROOT / "target" / "debug" / "nabo"))
PASSPHRASE = "the test suite's passphrase, nobody's own"  # scripts/test.sh's, when run alone

CPH = ZoneInfo("Europe/Copenhagen")
UTC = dt.timezone.utc
NOW = "2026-06-01T12:00:00Z"  # Nabo imports 2025-05-31T12:00Z .. 2028-06-02T12:00Z
FROM, TO = dt.date(2025, 6, 1), dt.date(2028, 6, 1)  # compared: Copenhagen days [FROM, TO)
NABO_TIMEOUT = 20
ORACLE_TIMEOUT = 120
NOT_FIXTURES = {"README.md", "LICENSE", "LICENSE.GPL-3.0", "refresh.py"}

# "N events outside the time Nabo keeps … were skipped": a count, not a warning about the file.
OUTSIDE = re.compile(r"outside the time Nabo keeps")


@dataclass
class Outcome:
    path: str  # relative to PEERS
    nabo: str = ""  # imported | refused | panic | hang
    nabo_line: str = ""  # the refusal
    reason: str = ""  # the refusal's message id (and detail), for grouping
    warnings: int = 0  # warning lines of an import
    oracle: str = ""  # read | refused | cannot read
    oracle_reason: str = ""
    must_import: bool = False
    matched: bool | None = None  # busy times as the oracle's (None: not compared)
    occurrences: int = 0  # the oracle's, in the window
    own_window: str = ""  # the second comparison's window, around the file's own events
    own_matched: bool | None = None
    own_occurrences: int = 0
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------
# Nabo's refusal messages: which one a line is (i18n/en/errors.ftl), to group them
# ---------------------------------------------------------------------------------------


def message_patterns() -> list[tuple[str, re.Pattern]]:
    out = []
    for line in MESSAGES.read_text(encoding="utf-8").splitlines():
        m = re.match(r"(error-[a-z_]+) = (.+)$", line)
        if not m or "->" in m.group(2):
            continue
        parts = re.split(r"\{ *\$([a-z_]+) *\}", m.group(2))
        rx = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.*)" for i, p in enumerate(parts))
        try:
            out.append((m.group(1).removeprefix("error-"), re.compile(rx + "$", re.S)))
        except re.error:  # a variable twice in one message
            rx = "".join(re.escape(p) if i % 2 == 0 else ".*" for i, p in enumerate(parts))
            out.append((m.group(1).removeprefix("error-"), re.compile(rx + "$", re.S)))
    return out


PATTERNS = message_patterns()


def reason_of(message: str) -> str:
    """`import_malformed: <reason with numbers as N>`, `import_bad_value: DTSTART`, …"""
    for code, rx in PATTERNS:
        m = rx.match(message)
        if not m:
            continue
        groups = m.groupdict()
        detail = groups.get("reason") or groups.get("property") or ""
        detail = re.sub(r'"[^"]*"|\'[^\']*\'', "…", detail)
        detail = re.sub(r"\d+", "N", detail)
        return f"{code}: {detail}" if detail else code
    return "unrecognised message"


# ---------------------------------------------------------------------------------------
# Running the two sides
# ---------------------------------------------------------------------------------------


def env(now: str = NOW) -> dict[str, str]:
    e = dict(os.environ, NABO_LANG="en", NABO_NOW=now, TZ="UTC")
    e.setdefault("NABO_PASSPHRASE", PASSPHRASE)
    e.pop("NABO_DB", None)
    return e


def nabo(db: Path, *args: str, now: str = NOW) -> subprocess.CompletedProcess | None:
    """None: it did not finish in NABO_TIMEOUT seconds (it is killed, with anything it started)."""
    argv = [str(NABO_BIN), "--db", str(db), *args]
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env(now),
                          start_new_session=True) as proc:
        try:
            stdout, stderr = proc.communicate(timeout=NABO_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            return None
    return subprocess.CompletedProcess(argv, proc.returncode, stdout, stderr)


def state(folder: Path) -> str:
    """The database folder's bytes (the database and any journal next to it)."""
    h = hashlib.sha256()
    for f in sorted(folder.iterdir()):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def stamp(value: str, all_day: bool) -> str:
    if all_day:
        return value[:10]
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def edges(start: dt.date, stop: dt.date) -> set[str]:
    """The window's edges as the two sides write them: UTC instants and (all-day) dates."""
    return {dt.datetime.combine(d, dt.time(), CPH).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            for d in (start, stop)} | {start.isoformat(), stop.isoformat()}


def run_oracle(file: Path, start: dt.date, stop: dt.date) -> tuple[str, str, dict | None]:
    try:
        p = subprocess.run([sys.executable, str(ORACLE), str(file), "--from", start.isoformat(), "--to", stop.isoformat()],
                           capture_output=True, timeout=ORACLE_TIMEOUT, text=True)
    except subprocess.TimeoutExpired:
        return "cannot read", f"no answer in {ORACLE_TIMEOUT} s", None
    if p.returncode == 0:
        return "read", "", json.loads(p.stdout)
    if p.returncode == 1:
        try:
            return "refused", " ".join(json.loads(p.stdout)["reason"].split()), None
        except (ValueError, KeyError):
            pass
    last = (p.stderr.strip().splitlines() or [f"exit {p.returncode}"])[-1]
    return "cannot read", last[:200], None


def unfolded(raw: bytes) -> list[str]:
    text = raw.decode("utf-8", "replace").replace("\r\n", "\n")
    return re.sub(r"\n[ \t]", "", text).split("\n")


def vevents(raw: bytes) -> int:
    return sum(line.strip().upper() == "BEGIN:VEVENT" for line in unfolded(raw))


def own_years(raw: bytes) -> tuple[str, dt.date, dt.date] | None:
    """NABO_NOW and a window of three years around the file's own events: from a year before
    the median event's DTSTART (a VEVENT's, not a VTIMEZONE's) to two years after it. Inside
    Nabo's own window (a year back, two ahead of NABO_NOW, which is that DTSTART at noon UTC)."""
    days, inside = [], False
    for line in unfolded(raw):
        upper = line.strip().upper()
        inside = {"BEGIN:VEVENT": True, "END:VEVENT": False}.get(upper, inside)
        if not (inside and re.match(r"DTSTART[;:]", upper)):
            continue
        value = re.sub(r'"[^"]*"', "", upper).partition(":")[2].strip()  # after the first unquoted ':'
        m = re.match(r"(\d{4})(\d{2})(\d{2})", value)
        try:
            days.append(dt.date(*map(int, m.groups())))
        except (AttributeError, ValueError):
            continue
    if not days:
        return None
    # `nabo list` shows the years 2000 to 2100 only: a window outside them is moved inside.
    middle = min(max(sorted(days)[len(days) // 2], dt.date(2001, 1, 1)), dt.date(2097, 1, 1))
    start = middle - dt.timedelta(days=365)
    stop = start + dt.timedelta(days=3 * 365)
    now = dt.datetime.combine(middle, dt.time(12), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return now, start, stop


def busy_times(items: list[dict], *, oracle: bool) -> collections.Counter:
    free = "transparent" if oracle else "free"
    out = collections.Counter()
    for i in items:
        start, end = stamp(i["start"], i["all_day"]), stamp(i["end"], i["all_day"])
        if oracle and i["all_day"] and end <= start:
            # DTEND equal to a DATE DTSTART (RFC 5545 wants it later): the oracle keeps zero
            # days, Nabo one, on purpose (an all-day event lasts at least its day, as the
            # calendar apps show it; crates/nabo-core/src/calendar/read/mod.rs).
            end = (dt.date.fromisoformat(start) + dt.timedelta(days=1)).isoformat()
        out[(start, end, i["all_day"], i[free])] += 1
    return out


def compare(listed: list[dict], expected: dict, start: dt.date, stop: dt.date) -> tuple[bool, str, bool]:
    """(same busy times give or take the edge, what differs, whether only the edge differs)."""
    ours, theirs = busy_times(listed, oracle=False), busy_times(expected["occurrences"], oracle=True)
    edge = edges(start, stop)
    at_edge = lambda o: o[0] in edge or o[1] in edge  # noqa: E731
    only_ours = [o for o in (ours - theirs).elements() if not at_edge(o)]
    only_theirs = [o for o in (theirs - ours).elements() if not at_edge(o)]
    if not only_ours and not only_theirs:
        return True, "", ours != theirs
    show = lambda xs: ", ".join(f"{s}..{e}{' free' if f else ''}" for s, e, _, f in sorted(xs)[:3]) + (  # noqa: E731
        f" (+{len(xs) - 3})" if len(xs) > 3 else "")
    text = f"Nabo {sum(ours.values())}, oracle {sum(theirs.values())}"
    if only_ours:
        text += f"; only Nabo: {show(only_ours)}"
    if only_theirs:
        text += f"; only the oracle: {show(only_theirs)}"
    return False, text, False


def listed_busy(db: Path, start: dt.date, stop: dt.date, now: str) -> list[dict] | str:
    """`nabo list --json` over the Copenhagen days [start, stop): the busy entries, or what went wrong."""
    p = nabo(db, "list", "--json", "--from", start.isoformat(), "--to", (stop - dt.timedelta(days=1)).isoformat(),
             now=now)
    if p is None or p.returncode != 0:
        return f"list --json after the import failed: {p and p.stderr.decode(errors='replace')[:200]}"
    return [i for i in json.loads(p.stdout) if i.get("kind") == "busy"]


def failed_badly(p: subprocess.CompletedProcess | None, kind: str, out: Outcome) -> bool:
    """A hang or a panic: recorded in `out`."""
    if p is None:
        out.nabo = "hang"
        out.failures.append(f"{kind}: no answer in {NABO_TIMEOUT} s (a hang)")
        return True
    stderr = p.stderr.decode("utf-8", "replace")
    if p.returncode == 101 or "panicked" in stderr:
        out.nabo = "panic"
        first = next((l for l in stderr.splitlines() if "panicked" in l), stderr.strip()[:200])
        out.failures.append(f"{kind}: panic (exit {p.returncode}): {first.strip()[:200]}")
        return True
    return False


def check(file: Path, template: Path) -> Outcome:
    out = Outcome(str(file.relative_to(PEERS)))
    shown = str(file)
    raw = file.read_bytes()
    listed: list[dict] | str | None = None
    with tempfile.TemporaryDirectory(prefix="nabo-peers-") as tmp:
        folder = Path(tmp) / "db"
        folder.mkdir()
        db = folder / "nabo.db"
        shutil.copyfile(template, db)
        fresh = state(folder)

        runs = {}
        for kind, args in (("dry run", ["--dry-run"]), ("import", [])):
            p = nabo(db, "import-ics", shown, *args)
            runs[kind] = p
            if failed_badly(p, kind, out):
                break
            lines = [l for l in p.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
            if p.returncode != 0:
                out.nabo = "refused"
                out.nabo_line = lines[0] if lines else ""
                if len(lines) != 1:
                    out.failures.append(f"{kind}: refused (exit {p.returncode}) with {len(lines)} lines on stderr, not one")
                elif not lines[0].startswith("nabo: ") or shown not in lines[0]:
                    out.failures.append(f"{kind}: refusal does not name the file: {lines[0][:200]}")
                out.reason = reason_of(out.nabo_line.removeprefix("nabo: "))
                if out.reason == "unrecognised message":
                    out.failures.append(f"{kind}: refusal is not one of Nabo's messages: {out.nabo_line[:200]}")
                if state(folder) != fresh:
                    out.failures.append(f"{kind}: refused, but the database changed")
            else:
                out.nabo = "imported"
                out.warnings = sum(not OUTSIDE.search(l) for l in lines)
                if kind == "dry run" and state(folder) != fresh:
                    out.failures.append("dry run: the database changed")
        else:
            a, b = runs["dry run"], runs["import"]
            if (a.returncode == 0) != (b.returncode == 0):
                out.failures.append(f"the dry run exits {a.returncode}, the import {b.returncode}")
            elif a.stderr != b.stderr:
                out.failures.append("the dry run's stderr is not the import's (warnings or refusal differ)")
        if out.nabo == "imported":
            listed = listed_busy(db, FROM, TO, NOW)

    out.oracle, out.oracle_reason, expected = run_oracle(file, FROM, TO)
    if out.oracle != "read":
        if out.nabo == "imported" and out.oracle_reason.startswith(("truncated", "not iCalendar")):
            out.notes.append(f"imported, but the oracle refuses it: {out.oracle_reason[:120]}")
        return out
    readable = vevents(raw) - len(expected.get("skipped", []))
    out.occurrences = len(expected["occurrences"])
    out.must_import = readable > 0
    if not out.must_import:
        return out
    if out.nabo == "refused":
        out.failures.append(f"refused, though the oracle reads {readable} event(s) "
                            f"({out.occurrences} occurrence(s) in the window): {out.nabo_line[:300]}")
    if isinstance(listed, str):
        out.failures.append(listed)
    elif listed is not None:
        out.matched, differs, edge_only = compare(listed, expected, FROM, TO)
        if edge_only:
            out.notes.append(f"{FROM} to {TO}: differs from the oracle only on the window's edge")
        if not out.matched:
            out.failures.append(f"{FROM} to {TO}: busy times differ: {differs}")
    if out.nabo == "imported":
        own(file, template, out)
    return out


def own(file: Path, template: Path, out: Outcome) -> None:
    """The second comparison, in the three years around the file's own events."""
    years = own_years(file.read_bytes())
    if years is None:
        out.notes.append("no VEVENT DTSTART to place a window of its own on")
        return
    now, start, stop = years
    out.own_window = f"{start} to {stop}"
    state_, reason, expected = run_oracle(file, start, stop)
    if state_ != "read":
        out.notes.append(f"{out.own_window}: the oracle does not read it there: {reason[:120]}")
        return
    out.own_occurrences = len(expected["occurrences"])
    with tempfile.TemporaryDirectory(prefix="nabo-peers-") as tmp:
        db = Path(tmp) / "nabo.db"
        shutil.copyfile(template, db)
        dry = nabo(db, "import-ics", str(file), "--dry-run", now=now)
        if failed_badly(dry, f"dry run at {now}", out):
            return
        p = nabo(db, "import-ics", str(file), now=now)
        if failed_badly(p, f"import at {now}", out):
            return
        if p.returncode != 0:
            line = p.stderr.decode("utf-8", "replace").strip()
            out.failures.append(f"{out.own_window}: refused with NABO_NOW={now}"
                                f"{', after a dry run that exits 0' if dry.returncode == 0 else ''}: {line[:300]}")
            return
        if dry.returncode != 0 or dry.stderr != p.stderr:
            out.failures.append(f"{out.own_window}: with NABO_NOW={now} the dry run's exit or stderr is not the import's")
        listed = listed_busy(db, start, stop, now)
    if isinstance(listed, str):
        out.failures.append(listed)
        return
    out.own_matched, differs, edge_only = compare(listed, expected, start, stop)
    if edge_only:
        out.notes.append(f"{out.own_window}: differs from the oracle only on the window's edge")
    if not out.own_matched:
        out.failures.append(f"{out.own_window} (NABO_NOW={now}): busy times differ: {differs}")


# ---------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------


def fixtures() -> list[Path]:
    return sorted(p for p in PEERS.rglob("*") if p.is_file() and p.name not in NOT_FIXTURES)


def read_known() -> dict[str, str]:
    known = {}
    for number, line in enumerate(KNOWN.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        path, _, why = line.partition(" ")
        if not why.strip():
            sys.exit(f"{KNOWN}:{number}: give the reason after the file: {line}")
        known[path] = why.strip()
    return known


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-k", dest="only", help="only the files whose path contains this")
    parser.add_argument("-v", "--verbose", action="store_true", help="a line for every file")
    parser.add_argument("-j", "--jobs", type=int, default=min(4, os.cpu_count() or 1))
    parser.add_argument("--report", type=Path, help="write every file's outcome here as JSON")
    args = parser.parse_args(argv)
    if not NABO_BIN.is_file():
        print(f"{NABO_BIN} is missing: run cargo build -p nabo-cli first", file=sys.stderr)
        return 2
    files = [f for f in fixtures() if not args.only or args.only in str(f.relative_to(PEERS))]
    if not files:
        print(f"no calendars in {PEERS}", file=sys.stderr)
        return 2
    known = read_known()

    with tempfile.TemporaryDirectory(prefix="nabo-peers-") as tmp:
        template = Path(tmp) / "fresh.db"
        p = subprocess.run([str(NABO_BIN), "--db", str(template), "init"], capture_output=True, env=env())
        if p.returncode != 0:
            print(f"nabo init failed: {p.stderr.decode(errors='replace')}", file=sys.stderr)
            return 2
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            outcomes = list(pool.map(lambda f: check(f, template), files))

    if args.report:
        args.report.write_text(json.dumps([o.__dict__ for o in outcomes], indent=1, ensure_ascii=False) + "\n")

    failing = {o.path: o for o in outcomes if o.failures}
    for o in outcomes:
        if args.verbose:
            cmp = {True: "same busy times", False: "DIFFERENT", None: ""}[o.matched]
            own = {True: "same", False: "DIFFERENT", None: "-"}[o.own_matched]
            print(f"{o.path}: nabo {o.nabo}{' ' + o.reason if o.reason else ''}; oracle {o.oracle}"
                  f"{' (' + o.oracle_reason[:80] + ')' if o.oracle_reason else ''}; {o.occurrences} in window; {cmp}"
                  f"{f'; {o.own_window}: {o.own_occurrences}, {own}' if o.own_window else ''}")
        for n in o.notes:
            print(f"note: {o.path}: {n}")

    # The table.
    by = collections.Counter(o.nabo for o in outcomes)
    oracle = collections.Counter(o.oracle for o in outcomes)
    must = [o for o in outcomes if o.must_import]
    print()
    print(f"peer calendars (tests/fixtures/ics/peers, window {FROM} to {TO}, NABO_NOW={NOW})")
    print(f"  files                                   {len(outcomes)}")
    for project in sorted({o.path.split('/')[0] for o in outcomes}):
        print(f"    {project:<38}{sum(o.path.startswith(project + '/') for o in outcomes)}")
    print(f"  Nabo imports                            {by['imported']}"
          f"  ({sum(o.warnings > 0 for o in outcomes if o.nabo == 'imported')} with warnings)")
    print(f"  Nabo refuses                            {by['refused']}")
    for reason, n in collections.Counter(o.reason for o in outcomes if o.nabo == "refused").most_common():
        print(f"    {n:>4}  {reason}")
    print(f"  Nabo panics                             {by['panic']}")
    print(f"  Nabo hangs                              {by['hang']}")
    print(f"  the oracle reads / refuses / cannot     {oracle['read']} / {oracle['refused']} / {oracle['cannot read']}")
    print(f"  must be imported (oracle reads, >= 1 readable event)  {len(must)}")
    print(f"    imported                              {sum(o.nabo == 'imported' for o in must)}")
    print(f"    same busy times as the oracle         {sum(o.matched is True for o in must)}"
          f"  ({sum(o.matched is True and o.occurrences > 0 for o in must)} with occurrences in the window)")
    own = [o for o in must if o.own_window]
    print(f"    and in the years of their own events  {sum(o.own_matched is True for o in own)} of {len(own)}"
          f"  ({sum(o.own_matched is True and o.own_occurrences > 0 for o in own)} with occurrences there)")
    print(f"  files failing the acceptance            {len(failing)}  (known: {len(set(failing) & set(known))})")

    unexpected = sorted(set(failing) - set(known))
    fixed = sorted(p for p in known if p not in failing and any(o.path == p for o in outcomes))
    missing = sorted(p for p in known if not (PEERS / p).is_file())
    if failing:
        print()
        print("failing the acceptance (peers_known.txt format):")
        for path in sorted(failing):
            mark = "" if path in known else "   <- NEW"
            print(f"{path}  {' | '.join(failing[path].failures)}{mark}")
    bad = False
    if unexpected:
        bad = True
        print(f"\nFAIL: {len(unexpected)} file(s) fail the acceptance and are not in {KNOWN.relative_to(ROOT)}:")
        for path in unexpected:
            print(f"  {path}")
    if fixed:
        bad = True
        print(f"\nFAIL: {len(fixed)} file(s) in {KNOWN.relative_to(ROOT)} now pass: remove them from the list:")
        for path in fixed:
            print(f"  {path}")
    if missing:
        bad = True
        print(f"\nFAIL: {len(missing)} file(s) in {KNOWN.relative_to(ROOT)} do not exist:")
        for path in missing:
            print(f"  {path}")
    if not bad:
        print(f"\nOK: no acceptance failure beyond the {len(set(failing) & set(known))} known ones")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
