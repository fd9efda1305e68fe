#!/usr/bin/env python3
"""Independent oracle for Nabo's iCalendar *import* (`nabo import-ics FILE`).

Given one .ics file it prints, as JSON, the busy time an importer must take from it,
computed with implementations Nabo did not write: Python `icalendar` (parsing, time
zones from VTIMEZONE blocks, IANA and Windows zone names) and `recurring-ical-events`
(RRULE/RDATE/EXDATE expansion and RECURRENCE-ID overrides).

    tests/interop/.venv/bin/python tests/interop/oracle_import.py FILE [--from 2026-01-01] [--to 2027-01-01]

Output for a file that is accepted (exit 0):

    {"calendar_name": "Arbejde" | null,          # X-WR-CALNAME, null when absent
     "window": {"from": "2026-01-01", "to": "2027-01-01", "zone": "Europe/Copenhagen"},
     "occurrences": [                             # sorted by start, end, uid, title
        {"uid": "...", "title": "..." | null,     # SUMMARY unescaped, null when absent
         "start": "2026-03-31T15:00:00Z",         # timed: the UTC instant
         "end":   "2026-03-31T16:30:00Z",
         "all_day": false,
         "transparent": false},                   # true for TRANSP:TRANSPARENT
        {"uid": "...", "title": "...",
         "start": "2026-05-14", "end": "2026-05-15",   # all-day: dates, end exclusive
         "all_day": true, "transparent": false}]}

Rules (what the importer must do too):

* Only VEVENTs; VTODO/VJOURNAL/VFREEBUSY are ignored.
* STATUS:CANCELLED occurrences are left out (a cancelled master, or a cancelled
  RECURRENCE-ID override of one occurrence).
* Floating date-times (no Z, no TZID) are Europe/Copenhagen wall-clock time.
* No DTEND: DURATION if present; else a DATE start lasts one day and a DATE-TIME start
  has zero length (RFC 5545 3.6.1).
* A local time in the spring gap (02:00-03:00 on 29 March 2026) uses the offset before
  the gap; an ambiguous one (02:00-03:00 on 25 October 2026) is the first (summer-time)
  one (RFC 5545 3.3.5). The oracle asserts this rather than trusting the library.
* An occurrence is listed when it overlaps [from, to) in Europe/Copenhagen time.
  An open-ended series is therefore listed up to the end of the window only.

A file the importer must refuse gives exit 1 and a JSON object
{"refused": true, "reason": "...", "line": N | null, "uid": "..." | null} naming the
physical line (1-based) and the UID where there is one. The oracle refuses: an empty
or binary file, invalid UTF-8, a file that does not start with BEGIN:VCALENDAR, one
whose BEGIN/END do not match or that ends inside a component (truncated), a file in
which every event was skipped (below), and a series with more than MAX_OCCURRENCES
occurrences in the window. (Nabo's importer may cap the last case instead of refusing;
see tests/fixtures/ics/README.md.)

What the calendar apps tolerate, so does the importer (issue 15), and the accepted
output says so in "skipped" and "warnings":

* an event whose end is before its start is left out: {"uid", "line", "reason"} in
  "skipped" (the rest of the file is read);
* a TZID with neither a VTIMEZONE nor a known IANA or Windows name is read as floating
  (Europe/Copenhagen wall-clock) time: {"tzid", "uid", "line"} in "warnings";
* lines after END:VCALENDAR (other than another BEGIN:VCALENDAR) are ignored:
  {"ignored_line": N} in "warnings".

The oracle runs each file in its own process on purpose: `icalendar` caches time
zones built from VTIMEZONE blocks by TZID for the life of the process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import warnings
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
import recurring_ical_events
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

CPH = ZoneInfo("Europe/Copenhagen")
UTC = dt.timezone.utc
MAX_OCCURRENCES = 10_000  # per UID within the window


class Refused(Exception):
    def __init__(self, reason: str, line: int | None = None, uid: str | None = None):
        super().__init__(reason)
        self.reason, self.line, self.uid = reason, line, uid


# ---------------------------------------------------------------------------------------
# Content lines, with the physical line each one starts on
# ---------------------------------------------------------------------------------------


def content_lines(raw: bytes) -> list[tuple[int, str]]:
    """Unfold at the byte level (so a fold that splits a UTF-8 sequence still decodes),
    accept CRLF or LF, drop a UTF-8 BOM. Returns (physical line number, text)."""
    if not raw:
        raise Refused("empty file", None)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw:
        raise Refused("binary data (NUL byte), not iCalendar", raw[: raw.index(b"\x00")].count(b"\n") + 1)
    out: list[tuple[int, bytearray]] = []
    for number, physical in enumerate(raw.split(b"\n"), start=1):
        if physical.endswith(b"\r"):
            physical = physical[:-1]
        if physical[:1] in (b" ", b"\t") and out:
            out[-1][1].extend(physical[1:])
        elif physical:
            out.append((number, bytearray(physical)))
    lines = []
    for number, data in out:
        try:
            lines.append((number, data.decode("utf-8")))
        except UnicodeDecodeError as e:
            raise Refused(f"invalid UTF-8: {e}", number) from None
    return lines


def name_of(line: str) -> str:
    return re.split(r"[;:]", line, maxsplit=1)[0].upper()


def value_of(line: str) -> str:
    """The value after the first ':' that is not inside a quoted parameter."""
    quoted = False
    for i, c in enumerate(line):
        if c == '"':
            quoted = not quoted
        elif c == ":" and not quoted:
            return line[i + 1 :]
    return ""


def params_of(line: str) -> dict[str, str]:
    head = line[: len(line) - len(value_of(line)) - 1]
    params = {}
    for m in re.finditer(r';([A-Za-z0-9-]+)=("[^"]*"|[^;:]*)', head):
        params[m.group(1).upper()] = m.group(2).strip('"')
    return params


def known_zone(tzid: str) -> bool:
    cleaned = tzid.strip("/")
    if cleaned in WINDOWS_TO_OLSON:
        return True
    try:
        ZoneInfo(cleaned)
        return True
    except (ZoneInfoNotFoundError, ValueError):
        return False


def check_structure(lines: list[tuple[int, str]], warnings_out: list[dict]) -> list[tuple[str | None, list[tuple[int, str]]]]:
    """Refuse what is not a whole iCalendar object. Returns the VEVENTs in file order as
    (UID, content lines), for naming lines in later messages. Unknown TZIDs and ignored
    lines go to `warnings_out`; the lines after END:VCALENDAR are removed from `lines`."""
    if not lines or lines[0][1].strip().upper() != "BEGIN:VCALENDAR":
        first = lines[0] if lines else (1, "")
        raise Refused(f"not iCalendar: line {first[0]} is {first[1][:40]!r}, not BEGIN:VCALENDAR", first[0])
    stack: list[tuple[str, int]] = []
    tzids_defined = {value_of(t).strip() for _, t in lines if name_of(t) == "TZID"}
    events: list[tuple[str | None, list[tuple[int, str]]]] = []
    current: list[tuple[int, str]] | None = None
    for number, text in lines:
        n = name_of(text)
        if n == "BEGIN":
            stack.append((value_of(text).strip().upper(), number))
            if stack[-1][0] == "VEVENT":
                current = [(number, text)]
        elif n == "END":
            what = value_of(text).strip().upper()
            if not stack or stack[-1][0] != what:
                open_ = f"{stack[-1][0]} from line {stack[-1][1]}" if stack else "nothing"
                raise Refused(f"END:{what} but the open component is {open_}", number, uid_in(current))
            stack.pop()
            if what == "VEVENT" and current is not None:
                uid = uid_in(current)
                seen: set[str] = set()
                for at, t in current:
                    tzid = params_of(t).get("TZID")
                    if tzid is not None and tzid not in tzids_defined and not known_zone(tzid) and tzid not in seen:
                        seen.add(tzid)
                        warnings_out.append({"tzid": tzid, "uid": uid, "line": current[0][0]})
                events.append((uid, current))
                current = None
            if not stack and what == "VCALENDAR":
                rest = [t for t in lines if t[0] > number]
                if rest and not (name_of(rest[0][1]) == "BEGIN" and value_of(rest[0][1]).strip().upper() == "VCALENDAR"):
                    for at, _ in rest:
                        warnings_out.append({"ignored_line": at})
                    del lines[lines.index(rest[0]):]
                    break
        elif current is not None:
            current.append((number, text))
    if stack:
        what, number = stack[-1]
        raise Refused(f"truncated: BEGIN:{what} on line {number} is never closed (file ends at line {lines[-1][0]})",
                      lines[-1][0], uid_in(current))
    return events


def uid_in(block: list[tuple[int, str]] | None) -> str | None:
    for _, t in block or []:
        if name_of(t) == "UID":
            return value_of(t).strip()
    return None


# ---------------------------------------------------------------------------------------
# Times
# ---------------------------------------------------------------------------------------


def as_utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:  # floating: Copenhagen wall clock, fold=0 (RFC 5545 3.3.5)
        value = value.replace(tzinfo=CPH)
    instant = value.astimezone(UTC)
    if instant.astimezone(value.tzinfo).replace(tzinfo=None, fold=0) != value.replace(tzinfo=None, fold=0):
        # The wall-clock time does not exist (spring gap). RFC 5545 3.3.5: use the UTC
        # offset from before the gap. zoneinfo already does (fold=0), but icalendar's
        # zones built from VTIMEZONE blocks use the offset after the gap, an hour early
        # (icalendar 7.3.2; see tests/fixtures/ics/README.md), so do it here for all.
        before = value.replace(tzinfo=None) - dt.timedelta(hours=6)
        offset = before.replace(tzinfo=value.tzinfo).utcoffset()
        fixed = (value.replace(tzinfo=None) - offset).replace(tzinfo=UTC)
        if fixed != instant:
            print(f"oracle: {value.replace(tzinfo=None)} in {value.tzinfo} does not exist; "
                  f"RFC 5545 gives {fixed:%H:%MZ}, the library {instant:%H:%MZ}", file=sys.stderr)
        instant = fixed
    return instant


def iso(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return as_utc(value).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def line_of(block: list[tuple[int, str]], prop: str) -> int | None:
    for number, t in block:
        if name_of(t) == prop:
            return number
    return block[0][0] if block else None


def text(component, name):
    value = component.get(name)
    return None if value is None else str(value)


def floating(text: str, unknown: set[str]) -> str:
    """A content line with its TZID parameter removed when the zone is unknown: floating time."""
    tzid = params_of(text).get("TZID")
    if tzid is None or tzid not in unknown:
        return text
    head, _, value = text.partition(":")
    parts = [p for p in head.split(";") if not p.upper().startswith("TZID=")]
    return ";".join(parts) + ":" + value


def oracle(path: Path, start: dt.date, stop: dt.date) -> dict:
    lines = content_lines(path.read_bytes())
    warned: list[dict] = []
    events = check_structure(lines, warned)
    unknown = {w["tzid"] for w in warned if "tzid" in w}
    skipped: list[dict] = []
    # An event whose end is before its start is left out, as the importer leaves it out.
    dropped: set[int] = set()
    for uid, block in events:
        s_line = next((t for _, t in block if name_of(t) == "DTSTART"), None)
        e_line = next((t for _, t in block if name_of(t) == "DTEND"), None)
        if s_line is None or e_line is None:
            continue
        try:
            a = icalendar.prop.vDDDTypes.from_ical(value_of(floating(s_line, unknown)).strip(),
                                                   timezone=params_of(s_line).get("TZID") if params_of(s_line).get("TZID") not in unknown else None)
            b = icalendar.prop.vDDDTypes.from_ical(value_of(floating(e_line, unknown)).strip(),
                                                   timezone=params_of(e_line).get("TZID") if params_of(e_line).get("TZID") not in unknown else None)
        except Exception:  # noqa: BLE001 - left to the full parse below
            continue
        if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
            a, b = as_utc(a), as_utc(b)
        if type(a) is type(b) and b < a:
            skipped.append({"uid": uid, "line": block[0][0], "reason": "DTEND is before DTSTART"})
            dropped.add(block[0][0])
    if skipped and len(skipped) == len(events):
        first = skipped[0]
        raise Refused(f"every event was skipped; the first: {first['reason']}", first["line"], first["uid"])
    keep: list[tuple[int, str]] = []
    inside_dropped = False
    for number, t in lines:
        if name_of(t) == "BEGIN" and value_of(t).strip().upper() == "VEVENT" and number in dropped:
            inside_dropped = True
        if not inside_dropped:
            keep.append((number, floating(t, unknown)))
        if inside_dropped and name_of(t) == "END" and value_of(t).strip().upper() == "VEVENT":
            inside_dropped = False
    events = [(uid, block) for uid, block in events if block[0][0] not in dropped]
    lines = keep
    cleaned = "\r\n".join(t for _, t in lines) + "\r\n"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            calendar = icalendar.Calendar.from_ical(cleaned)
        except Exception as e:  # noqa: BLE001 - any parse error is a refusal
            raise Refused(f"icalendar cannot parse it: {e}") from None

    walked = calendar.walk("VEVENT")
    if len(walked) != len(events):
        raise Refused(f"icalendar found {len(walked)} VEVENTs, the line scan {len(events)}")
    rrule_line = {}
    for event, (_, block) in zip(walked, events):
        uid = text(event, "UID")
        if "RRULE" in event:
            rrule_line[uid or ""] = line_of(block, "RRULE")
        s, e = event.get("DTSTART"), event.get("DTEND")
        if s is None:
            raise Refused("VEVENT without DTSTART", line_of(block, "BEGIN"), uid)
        if e is not None:
            a, b = s.dt, e.dt
            if isinstance(a, dt.datetime) != isinstance(b, dt.datetime):
                raise Refused("DTSTART and DTEND of different types", line_of(block, "DTEND"), uid)
            if isinstance(a, dt.datetime):
                a, b = as_utc(a), as_utc(b)
            if b < a:
                raise Refused(f"DTEND {e.to_ical().decode()} is before DTSTART {s.to_ical().decode()}",
                              line_of(block, "DTEND"), uid)

    window_start = dt.datetime.combine(start, dt.time(), CPH)
    window_stop = dt.datetime.combine(stop, dt.time(), CPH)
    query = recurring_ical_events.of(calendar)
    out, per_uid = [], {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for occ in query.after(window_start):
            s = occ["DTSTART"].dt
            if (as_utc(s) if isinstance(s, dt.datetime) else dt.datetime.combine(s, dt.time(), CPH)) >= window_stop:
                break
            uid = text(occ, "UID") or ""
            per_uid[uid] = per_uid.get(uid, 0) + 1
            if per_uid[uid] > MAX_OCCURRENCES:
                raise Refused(f"series expands to more than {MAX_OCCURRENCES} occurrences in the window",
                              rrule_line.get(uid), uid)
            if str(occ.get("STATUS", "")).upper() == "CANCELLED":
                continue
            e = occ["DTEND"].dt if "DTEND" in occ else None
            if e is None:  # recurring_ical_events adds DTEND; keep the RFC rule explicit anyway
                e = s + (occ["DURATION"].dt if "DURATION" in occ else
                         dt.timedelta(days=1) if not isinstance(s, dt.datetime) else dt.timedelta(0))
            all_day = not isinstance(s, dt.datetime)
            out.append({
                "uid": uid,
                "title": text(occ, "SUMMARY"),
                "start": iso(s),
                "end": iso(e),
                "all_day": all_day,
                "transparent": str(occ.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT",
            })
    out.sort(key=lambda o: (o["start"], o["end"], o["uid"], o["title"] or ""))
    name = calendar.get("X-WR-CALNAME")
    return {
        "calendar_name": None if name is None else str(name),
        "window": {"from": start.isoformat(), "to": stop.isoformat(), "zone": "Europe/Copenhagen"},
        "occurrences": out,
        "skipped": skipped,
        "warnings": warned,
    }


def self_check() -> None:
    """The RFC 5545 3.3.5 rules the expected files rely on, checked on zoneinfo itself."""
    gap = dt.datetime(2026, 3, 29, 2, 30, tzinfo=CPH)  # does not exist: offset before the gap
    assert gap.utcoffset() == dt.timedelta(hours=1), gap.utcoffset()
    twice = dt.datetime(2026, 10, 25, 2, 30, tzinfo=CPH)  # exists twice: the first (summer)
    assert twice.utcoffset() == dt.timedelta(hours=2), twice.utcoffset()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--from", dest="start", type=dt.date.fromisoformat, default=dt.date(2026, 1, 1))
    parser.add_argument("--to", dest="stop", type=dt.date.fromisoformat, default=dt.date(2027, 1, 1))
    args = parser.parse_args(argv)
    self_check()
    try:
        result = oracle(args.file, args.start, args.stop)
    except Refused as r:
        print(json.dumps({"refused": True, "reason": r.reason, "line": r.line, "uid": r.uid}, ensure_ascii=False))
        return 1
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
