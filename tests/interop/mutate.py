#!/usr/bin/env python3
"""Checks that the interop suite catches broken exports (a manual self-test; not run by scripts/test.sh).

Used as NABO_BIN, this script runs the real binary and, after `export-ics`, breaks the written
file in the way named by NABO_MUTATION. `python mutate.py --all` runs the suite once per mutation
and reports any mutation the suite did not catch (exit 1 if one survives). Takes a few minutes.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REAL = Path(os.environ.get("NABO_REAL_BIN", HERE.parents[1] / "target" / "debug" / "nabo"))


def refold(text: str, by_octets_only: bool) -> str:
    """Unfolds, then folds again at 75 octets regardless of UTF-8 boundaries."""
    out = []
    for line in text.replace("\r\n ", "").split("\r\n"):
        raw = line.encode()
        parts = [raw[:75]] + [raw[i:i + 74] for i in range(75, len(raw), 74)]
        out.append(b"\r\n ".join(parts).decode("utf-8", errors="surrogateescape"))
    return "\r\n".join(out)


def sub(pattern, repl, count=0):
    return lambda t: re.sub(pattern, repl, t, count=count, flags=re.M)


MUTATIONS = {
    "lf-only": lambda t: t.replace("\r\n", "\n"),
    "unfolded": lambda t: t.replace("\r\n ", ""),
    "fold-splits-utf8": lambda t: refold(t, True),
    "until-local": sub(r"(UNTIL=\d{8}T\d{6})Z", r"\1"),
    "until-one-week-short": sub(r"UNTIL=20261110T225959Z", "UNTIL=20261103T225959Z"),
    "comma-unescaped": lambda t: t.replace("\\,", ","),
    "semicolon-unescaped": lambda t: t.replace("\\;", ";"),
    "floating-dtstart": sub(r"^(DTSTART|DTEND);TZID=Europe/Copenhagen:", r"\1:"),
    "dtstart-in-utc-as-local": sub(r"^DTSTART;TZID=Europe/Copenhagen:20260303T170000", "DTSTART;TZID=Europe/Copenhagen:20260303T160000"),
    "exdate-without-tzid": sub(r"^EXDATE;TZID=Europe/Copenhagen:", "EXDATE:"),
    "exdate-in-utc": sub(r"^EXDATE;TZID=Europe/Copenhagen:(\d{8})T180000", r"EXDATE:\1T160000Z"),
    "recurrence-id-wrong": sub(r"^RECURRENCE-ID;TZID=Europe/Copenhagen:20260616T170000", "RECURRENCE-ID;TZID=Europe/Copenhagen:20260616T150000"),
    "cancelled-lost": lambda t: t.replace("STATUS:CANCELLED", "STATUS:CONFIRMED"),
    "household-leaks": sub(r"^SUMMARY:Besøg\r", "SUMMARY:Besøg H-17\r"),
    "note-leaks": sub(r"^(SUMMARY:Besøg.*)\r$", r"\1\r\nCOMMENT:Privat note: mor taler bedst om formiddagen\\, ønsker tolk\r"),
    "uid-changes": sub(r"^UID:(.*)@nabo", lambda m: f"UID:{m.group(1)}-{os.getpid()}@nabo"),
    "sequence-not-bumped": sub(r"^SEQUENCE:1\r", "SEQUENCE:0\r"),
    "method-missing": sub(r"^METHOD:PUBLISH\r\n", ""),
    "vtimezone-wrong-offset": lambda t: t.replace("TZOFFSETTO:+0200", "TZOFFSETTO:+0300").replace("TZOFFSETFROM:+0200", "TZOFFSETFROM:+0300"),
    "vtimezone-missing": sub(r"^BEGIN:VTIMEZONE\r\n(.*\r\n)*?END:VTIMEZONE\r\n", ""),
    "dtstamp-local": sub(r"^DTSTAMP:(\d{8}T\d{6})Z", r"DTSTAMP:\1"),
    "alarm-wrong": lambda t: t.replace("TRIGGER:-PT30M", "TRIGGER:PT30M"),
    "invalid-property": sub(r"^TRANSP:OPAQUE\r", "TRANSP;:OPAQUE\r", count=1),
}


def wrap():
    proc = subprocess.run([str(REAL), *sys.argv[1:]])
    if proc.returncode == 0 and "export-ics" in sys.argv:
        out = Path(sys.argv[sys.argv.index("--out") + 1])
        text = out.read_bytes().decode("utf-8")
        broken = MUTATIONS[os.environ["NABO_MUTATION"]](text)
        out.write_bytes(broken.encode("utf-8", errors="surrogateescape"))
    sys.exit(proc.returncode)


def run_all():
    survivors = []
    for name in MUTATIONS:
        env = dict(os.environ, NABO_BIN=str(Path(__file__).resolve()), NABO_MUTATION=name, NABO_REAL_BIN=str(REAL))
        proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", "--no-header",
                               str(HERE / "test_export.py")], env=env, capture_output=True, text=True, cwd=HERE)
        last = (proc.stdout.strip().splitlines() or [""])[-1]
        caught = proc.returncode != 0
        print(f"{'caught  ' if caught else 'SURVIVED'} {name:28} {last}", flush=True)
        if not caught:
            survivors.append(name)
    sys.exit(1 if survivors else 0)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--all"]:
        if sys.argv[2:]:
            MUTATIONS = {k: v for k, v in MUTATIONS.items() if k in sys.argv[2:]}
        run_all()
    else:
        wrap()
