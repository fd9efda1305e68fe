"""Python icalendar's side of Nabo's iCalendar benchmark (run by benches/ical/run.sh).

    python py_bench.py export SPEC.json OUT.ics [--repeat N]
    python py_bench.py parse FILE [--repeat N] [--expand] [--dump OUT.txt]

export: builds icalendar's own model (Calendar, Timezone, Event, Alarm objects with
zoneinfo-aware datetimes and vRecur rules) from the same plain records Nabo's driver
uses (SPEC.json, read before timing) and serialises it with to_ical(). Timed: model +
serialise, and serialise alone.

parse: Calendar.from_ical, then every VEVENT's DTSTART/DTEND (and its EXDATEs and
RECURRENCE-ID) as aware datetimes converted to UTC: parsing with time zones resolved,
no expansion. With --expand, recurring_ical_events expands every series inside the
same window as Nabo's read_busy (1 year before to 2 years after 2026-06-01T00:00Z) and
each occurrence's start and end are converted to UTC.

Prints one JSON line with the in-process times in milliseconds.
"""

import json
import sys
import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

UTC = timezone.utc
ZONE = ZoneInfo("Europe/Copenhagen")
NOW = datetime(2026, 6, 1, tzinfo=UTC)
WINDOW = (NOW - timedelta(days=366), NOW + timedelta(days=2 * 366))

# The same VTIMEZONE text Nabo writes.
VTIMEZONE = "\r\n".join(
    [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Copenhagen",
        "X-LIC-LOCATION:Europe/Copenhagen",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
        "",
    ]
)


def local(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M").replace(tzinfo=ZONE)


def alarm(minutes):
    a = icalendar.Alarm()
    a.add("action", "DISPLAY")
    a.add("description", "Påmindelse")
    a.add("trigger", timedelta(minutes=-minutes))
    return a


def words(event, spec):
    event.add("summary", spec["summary"])
    if spec["location"] is not None:
        event.add("location", spec["location"])
    if spec["description"] is not None:
        event.add("description", spec["description"])


def build(specs):
    cal = icalendar.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", "-//Nabo//Nabo benchmark//DA")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Nabo benchmark")
    cal.add("x-wr-timezone", "Europe/Copenhagen")
    cal.add_component(icalendar.Timezone.from_ical(VTIMEZONE))
    for spec in specs:
        created = datetime.strptime(spec["created"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        start = local(spec["start"])
        status = "CANCELLED" if spec["cancelled"] else "CONFIRMED"
        e = icalendar.Event()
        e.add("uid", spec["uid"])
        e.add("dtstamp", NOW)
        e.add("created", created)
        e.add("last-modified", created)
        e.add("sequence", spec["sequence"])
        e.add("dtstart", start)
        e.add("dtend", start + timedelta(minutes=spec["minutes"]))
        if spec["rrule"] is not None:
            e.add("rrule", icalendar.vRecur.from_ical(spec["rrule"]))
            for x in spec["exdates"]:
                e.add("exdate", local(x))
        words(e, spec)
        e.add("status", status)
        e.add("transp", "OPAQUE")
        if spec["alarm_minutes"] is not None:
            e.add_component(alarm(spec["alarm_minutes"]))
        cal.add_component(e)
        for o in spec["overrides"]:
            moved = local(o["start"])
            v = icalendar.Event()
            v.add("uid", spec["uid"])
            v.add("dtstamp", NOW)
            v.add("last-modified", created)
            v.add("sequence", spec["sequence"])
            v.add("recurrence-id", local(o["original"]))
            v.add("dtstart", moved)
            v.add("dtend", moved + timedelta(minutes=o["minutes"]))
            words(v, spec)
            v.add("status", "CANCELLED" if o["cancelled"] else "CONFIRMED")
            v.add("transp", "OPAQUE")
            if spec["alarm_minutes"] is not None:
                v.add_component(alarm(spec["alarm_minutes"]))
            cal.add_component(v)
    return cal


def ms(t0):
    return round((time.perf_counter() - t0) * 1000, 3)


def export(spec_path, out_path, repeat):
    with open(spec_path, encoding="utf-8") as f:
        specs = json.load(f)
    total, serialise = [], []
    data = b""
    for _ in range(repeat):
        t0 = time.perf_counter()
        cal = build(specs)
        t1 = time.perf_counter()
        data = cal.to_ical()
        serialise.append(ms(t1))
        total.append(ms(t0))
    with open(out_path, "wb") as f:
        f.write(data)
    return {"events": len(specs), "bytes": len(data), "model_serialise_ms": total, "serialise_ms": serialise}


def utc(value):
    dt = value.dt
    if isinstance(dt, datetime):
        return dt.astimezone(UTC)
    return dt  # a date: all-day, no zone


def parse_only(data):
    cal = icalendar.Calendar.from_ical(data)
    rows = []
    for ev in cal.walk("VEVENT"):
        start = utc(ev["DTSTART"])
        end = utc(ev["DTEND"]) if "DTEND" in ev else start
        exdates = ev.get("EXDATE", [])
        if not isinstance(exdates, list):
            exdates = [exdates]
        skipped = [d.dt.astimezone(UTC) for group in exdates for d in group.dts]
        rid = utc(ev["RECURRENCE-ID"]) if "RECURRENCE-ID" in ev else None
        rows.append((str(ev["UID"]), start, end, skipped, rid, str(ev.get("STATUS", ""))))
    return rows


def parse_expand(data):
    cal = icalendar.Calendar.from_ical(data)
    rows = []
    for ev in recurring_ical_events.of(cal).between(*WINDOW):
        start = utc(ev["DTSTART"])
        end = utc(ev["DTEND"]) if "DTEND" in ev else start
        rows.append((str(ev["UID"]), start, end, str(ev.get("STATUS", ""))))
    return rows


def parse(path, repeat, expand, dump):
    with open(path, "rb") as f:
        data = f.read()
    times, rows = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        rows = parse_expand(data) if expand else parse_only(data)
        times.append(ms(t0))
    if dump:
        # Untimed: the occurrences that take place, as "UID start end" in UTC seconds, to check
        # that all three read the same thing.
        kept = sorted(f"{r[0]} {int(r[1].timestamp())} {int(r[2].timestamp())}" for r in rows if r[-1] != "CANCELLED")
        with open(dump, "w", encoding="utf-8") as f:
            f.write("".join(line + "\n" for line in kept))
    key = "occurrences" if expand else "vevents"
    return {"step": "parse_expand" if expand else "parse", key: len(rows), "ms": times}


def main(argv):
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 1
    if argv[0] == "export":
        result = {"step": "export", **export(argv[1], argv[2], repeat)}
    elif argv[0] == "parse":
        dump = argv[argv.index("--dump") + 1] if "--dump" in argv else None
        result = parse(argv[1], repeat, "--expand" in argv, dump)
    else:
        raise SystemExit(f"unknown command {argv[0]}")
    print(json.dumps({"tool": "python-icalendar", **result}))


if __name__ == "__main__":
    main(sys.argv[1:])
