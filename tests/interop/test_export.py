"""Interop tests of Nabo's iCalendar export (issue 5, items 2 and 6).

Scenario databases are built with the real `nabo` binary (env NABO_BIN, default
target/debug/nabo), exported with `nabo export-ics`, and the files are checked by
implementations Nabo did not write:

* Python `icalendar` (+ `recurring-ical-events` to expand series),
* the raw bytes (CRLF, 75-octet folding on UTF-8 boundaries),
* `khal` (import into a vdir, then `khal list` the days),
* a Radicale CalDAV server on 127.0.0.1 (PUT one resource per UID, GET, REPORT with
  <C:expand>), which validates with `vobject`.

Every export is also compared with `nabo list --json` taken at the same moment, so the
calendar app sees exactly the meetings Nabo itself shows.

Run with tests/interop/run.sh (it activates tests/interop/.venv from scripts/setup.sh).
"""

from __future__ import annotations

import base64
import datetime as dt
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

CPH = ZoneInfo("Europe/Copenhagen")
UTC = dt.timezone.utc
ROOT = Path(__file__).resolve().parents[2]
NABO_BIN = Path(os.environ.get("NABO_BIN", ROOT / "target" / "debug" / "nabo"))
VENV_BIN = Path(sys.executable).parent

# ---------------------------------------------------------------------------------------------
# The scenario
# ---------------------------------------------------------------------------------------------

SERIES_VENUE = "Beboerhuset, sal 2"
SERIES_THEME = "Sundhed; kost"
SERIES_START = dt.datetime(2026, 3, 3, 17, 0, tzinfo=CPH)
SERIES_RRULE = "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261110"
CANCELLED_DAY = dt.date(2026, 6, 16)
# Every Tuesday from 3 March to 10 November 2026 inclusive (UNTIL is inclusive): 37 meetings,
# across the spring change (29 March) and the autumn change (25 October).
TUESDAYS = [SERIES_START.date() + dt.timedelta(weeks=i) for i in range(37)]
assert TUESDAYS[-1] == dt.date(2026, 11, 10)

HOUSEHOLD = "H-17"
NOTE = "Privat note: mor taler bedst om formiddagen, ønsker tolk"
VISIT_START = dt.datetime(2026, 12, 1, 10, 0, tzinfo=CPH)

# A one-off summer meeting whose title and theme are long Danish text with commas and
# semicolons, so that SUMMARY/LOCATION/DESCRIPTION fold on multi-octet characters.
LONG_TITLE = (
    "Aftenmøde for mødre og fædre: søvn, skærmtid; trivsel — børnehave, skole og "
    "fritidsliv (Æ Ø Å æ ø å) \\ Gellerup"
)
LONG_THEME = "Søvn, skærmtid og trivsel; børn i skole og dagtilbud — råd fra sundhedsplejen"
LONG_VENUE = "Fælleshuset i Gellerupparken, lokale 3; indgang fra gården"
LONG_NOTE = "Husk nøgle til lokale 3 hos Åse"
LONG_START = dt.datetime(2026, 7, 8, 17, 0, tzinfo=CPH)  # a Wednesday

# The EXDATE / moved-meeting scenario (see build_exceptions_db).
EXC_START = dt.datetime(2026, 10, 1, 18, 0, tzinfo=CPH)  # Thursdays, COUNT=6: 1 Oct .. 5 Nov
EXC_SKIPPED = dt.datetime(2026, 10, 15, 18, 0, tzinfo=CPH)
EXC_MOVED_FROM = dt.datetime(2026, 10, 29, 18, 0, tzinfo=CPH)  # after the autumn change
EXC_MOVED_TO = dt.datetime(2026, 10, 30, 19, 0, tzinfo=CPH)
# Folded at 75 octets, the first line of this SUMMARY ends in a space: parsers that trim
# trailing whitespace before unfolding (the `ical` crate does) would lose it.
EXC_TITLE = "Jobcafé for fædre: CV, ansøgninger og samtale; lektiehjælpen for børn i Vollsmose"


def nabo(db: Path, *args: str) -> str:
    """Runs the real binary; a non-zero exit fails the test with its stderr."""
    env = dict(os.environ, NABO_LANG="da", TZ="UTC")
    proc = subprocess.run([str(NABO_BIN), "--db", str(db), *args], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, f"nabo {' '.join(args)} exited {proc.returncode}: {proc.stderr.strip()}"
    return proc.stdout


@dataclass
class Export:
    """One exported file and what Nabo itself listed at the same moment."""

    name: str
    path: Path
    detail: str
    alarm: int | None
    list_range: tuple[str, str]
    listed: list[dict]
    exported_at: dt.datetime
    raw: bytes = field(repr=False, default=b"")

    @property
    def text(self) -> str:
        return self.raw.decode("utf-8")

    @property
    def unfolded(self) -> str:
        return self.text.replace("\r\n ", "").replace("\r\n\t", "")

    def calendar(self) -> icalendar.Calendar:
        return icalendar.Calendar.from_ical(self.raw)


def export(db: Path, out: Path, name: str, *, detail="discreet", alarm=None, frm=None, to=None) -> Export:
    args = ["export-ics", "--out", str(out), "--detail", detail]
    if alarm is not None:
        args += ["--alarm", str(alarm)]
    if frm:
        args += ["--from", frm]
    if to:
        args += ["--to", to]
    at = dt.datetime.now(UTC)
    nabo(db, *args)
    list_range = (frm or "2026-01-01", to or "2027-12-31")
    listed = json.loads(nabo(db, "list", "--json", "--from", list_range[0], "--to", list_range[1]))
    return Export(name, out, detail, alarm, list_range, listed, at, out.read_bytes())


def build_main(tmp: Path) -> dict[str, Export]:
    db = tmp / "main.db"
    nabo(db, "init")
    nabo(db, "plan", "meeting", "--start", "2026-03-03T17:00", "--duration", "2h", "--venue", SERIES_VENUE,
         "--theme", SERIES_THEME, "--area", "Gellerup", "--rrule", SERIES_RRULE)
    nabo(db, "plan", "visit", "--start", "2026-12-01T10:00", "--duration", "60m", "--area", "Gellerup",
         "--household", HOUSEHOLD, "--note", NOTE)
    nabo(db, "plan", "meeting", "--start", "2026-07-08T17:00", "--duration", "1h30m", "--venue", LONG_VENUE,
         "--theme", LONG_THEME, "--area", "Gellerup", "--title", LONG_TITLE, "--note", LONG_NOTE,
         "--language", "arabisk", "--language", "dansk")
    exports = {"before": export(db, tmp / "before.ics", "before")}
    time.sleep(1.1)  # so that LAST-MODIFIED of the changed series must be later (1 s resolution)
    nabo(db, "cancel", f"1@{CANCELLED_DAY.isoformat()}")
    exports["discreet"] = export(db, tmp / "discreet.ics", "discreet", alarm=30)
    exports["full"] = export(db, tmp / "full.ics", "full", detail="full")
    exports["again"] = export(db, tmp / "again.ics", "again", alarm=30)
    exports["december"] = export(db, tmp / "december.ics", "december", frm="2026-12-01", to="2026-12-31")
    return exports


def build_exceptions_db(tmp: Path) -> Export:
    """A series with one skipped meeting (EXDATE) and one moved meeting (RECURRENCE-ID override),
    made with `nabo skip` and `nabo move`."""
    db = tmp / "exceptions.db"
    nabo(db, "init")
    nabo(db, "plan", "meeting", "--start", "2026-10-01T18:00", "--duration", "2h", "--venue", "Foreningshuset",
         "--theme", "Job; uddannelse", "--area", "Vollsmose", "--rrule", "FREQ=WEEKLY;BYDAY=TH;COUNT=6",
         "--title", EXC_TITLE)
    nabo(db, "skip", f"1@{EXC_SKIPPED:%Y-%m-%d}")
    nabo(db, "move", f"1@{EXC_MOVED_FROM:%Y-%m-%d}", "--start", f"{EXC_MOVED_TO:%Y-%m-%dT%H:%M}", "--duration", "2h")
    starts = [dt.datetime.fromisoformat(o["start"]) for o in json.loads(
        nabo(db, "list", "--json", "--from", "2026-09-01", "--to", "2026-11-30"))]
    assert EXC_SKIPPED not in starts and EXC_MOVED_FROM not in starts and EXC_MOVED_TO in starts, (
        f"nabo skip/move did not do what the test expects: {starts}")
    return export(db, tmp / "exceptions.ics", "exceptions", detail="full")


@pytest.fixture(scope="session")
def exports(tmp_path_factory) -> dict[str, Export]:
    if not NABO_BIN.is_file():
        pytest.fail(f"{NABO_BIN} does not exist: run `cargo build -p nabo-cli` (or set NABO_BIN)")
    tmp = tmp_path_factory.mktemp("nabo")
    found = build_main(tmp)
    found["exceptions"] = build_exceptions_db(tmp)
    return found


# Every file a validator gate runs on ("every export passes all three validators").
ALL = ["before", "discreet", "full", "again", "december", "exceptions"]


@pytest.fixture(params=ALL)
def any_export(request, exports) -> Export:
    return exports[request.param]


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def escape(text: str) -> str:
    """RFC 5545 §3.3.11 TEXT escaping, written independently of Nabo's."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def vevents(cal: icalendar.Calendar) -> list[icalendar.Event]:
    return list(cal.walk("VEVENT"))


def masters(cal) -> list:
    return [e for e in vevents(cal) if "RECURRENCE-ID" not in e]


def by_start(cal, start: dt.datetime):
    found = [e for e in masters(cal) if e.decoded("DTSTART") == start]
    assert len(found) == 1, f"expected one VEVENT starting {start}, found {len(found)}"
    return found[0]


def overrides(cal) -> list:
    return [e for e in vevents(cal) if "RECURRENCE-ID" in e]


def expand(cal, start=dt.date(2026, 1, 1), end=dt.date(2028, 1, 1)) -> list:
    return list(recurring_ical_events.of(cal).between(start, end))


def occurrence_set(events) -> set[tuple]:
    """(start instant, Copenhagen wall clock, end instant, cancelled?) of expanded occurrences."""
    out = set()
    for e in events:
        s, en = e.decoded("DTSTART"), e.decoded("DTEND")
        cancelled = str(e.get("STATUS", "")).upper() == "CANCELLED"
        out.add((s.astimezone(UTC), s.astimezone(CPH).strftime("%Y-%m-%d %H:%M"), en.astimezone(UTC), cancelled))
    return out


def listed_set(listed: list[dict]) -> set[tuple]:
    out = set()
    for o in listed:
        s, en = dt.datetime.fromisoformat(o["start"]), dt.datetime.fromisoformat(o["end"])
        out.add((s.astimezone(UTC), s.astimezone(CPH).strftime("%Y-%m-%d %H:%M"), en.astimezone(UTC),
                 o["status"] == "cancelled"))
    return out


def param(e, name: str) -> str | None:
    return e[name].params.get("TZID")


# ---------------------------------------------------------------------------------------------
# Python icalendar: parse and compare every field
# ---------------------------------------------------------------------------------------------


def test_icalendar_parses_every_export_without_component_errors(any_export):
    cal = any_export.calendar()
    errors = [(c.name, c.errors) for c in cal.walk() if c.errors]
    assert errors == [], f"{any_export.name}: icalendar reported {errors}"
    assert len(vevents(cal)) >= 1


def test_calendar_header_has_version_prodid_calscale_and_method_publish(any_export):
    cal = any_export.calendar()
    assert str(cal["VERSION"]) == "2.0"
    assert re.fullmatch(r"-//Nabo//Nabo [0-9][^/]*//[A-Z]{2}", str(cal["PRODID"])), cal["PRODID"]
    assert str(cal["CALSCALE"]) == "GREGORIAN"
    assert str(cal["METHOD"]) == "PUBLISH"


def test_vtimezone_europe_copenhagen_gives_the_same_offsets_as_the_tz_database(any_export):
    cal = any_export.calendar()
    zones = cal.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/Copenhagen"]
    # Build the zone from the VTIMEZONE itself (not the TZID name) and compare hour by hour
    # around both changes in 2026-2030, plus mid-season days.
    own = zones[0].to_tz(lookup_tzid=False)
    for year in range(2026, 2031):
        for month, day in [(1, 15), (3, 25), (7, 1), (10, 22), (12, 31)]:
            base = dt.datetime(year, month, day, tzinfo=UTC)
            for hour in range(0, 24 * 10, 1 if month in (3, 10) else 24):
                at = base + dt.timedelta(hours=hour)
                assert at.astimezone(own).utcoffset() == at.astimezone(CPH).utcoffset(), f"offset at {at}"
    # Every TZID used by a property has its VTIMEZONE.
    used = set(re.findall(r";TZID=([^:;]+)[:;]", any_export.unfolded))
    assert used == {"Europe/Copenhagen"}


def test_every_vevent_has_uid_dtstamp_sequence_created_order_and_utc_stamps(any_export):
    cal = any_export.calendar()
    for e in vevents(cal):
        assert re.fullmatch(r"[0-9a-f-]{36}@nabo", str(e["UID"])), e["UID"]
        stamp = e.decoded("DTSTAMP")
        modified = e.decoded("LAST-MODIFIED")
        for name, value in [("DTSTAMP", stamp), ("LAST-MODIFIED", modified)]:
            assert value.utcoffset() == dt.timedelta(0), f"{name} must be UTC (RFC 5545 §3.8.7.2/§3.8.7.3)"
        assert abs(stamp - any_export.exported_at) < dt.timedelta(minutes=2), "DTSTAMP is the time of export"
        assert modified <= stamp + dt.timedelta(seconds=1)
        assert isinstance(e.decoded("SEQUENCE"), int) and e.decoded("SEQUENCE") >= 0
        if "CREATED" in e:
            assert e.decoded("CREATED") <= modified
        assert str(e["TRANSP"]) == "OPAQUE"
        assert str(e["STATUS"]) in {"CONFIRMED", "CANCELLED"}
    assert re.search(r"^DTSTAMP:\d{8}T\d{6}Z\r?$", any_export.unfolded, re.M)


def test_uid_of_each_activity_is_stable_across_exports_and_after_a_change(exports):
    def uids(name):
        cal = exports[name].calendar()
        return {e.decoded("DTSTART"): str(e["UID"]) for e in masters(cal)}

    before = uids("before")
    assert len(set(before.values())) == 3, "three activities, three distinct UIDs"
    for name in ["discreet", "full", "again"]:
        assert uids(name) == before, f"UIDs in {name} differ from the first export"
    assert set(uids("december").items()) <= set(before.items())
    # The override of the series shares the series' UID.
    [override] = overrides(exports["discreet"].calendar())
    assert str(override["UID"]) == before[SERIES_START]


def test_sequence_and_last_modified_grow_when_the_series_changes_and_not_otherwise(exports):
    old, new, again = (exports[n].calendar() for n in ["before", "discreet", "again"])
    s_old, s_new, s_again = (by_start(c, SERIES_START) for c in (old, new, again))
    assert s_new.decoded("SEQUENCE") > s_old.decoded("SEQUENCE"), "cancelling a meeting is a change (RFC 5546)"
    assert s_new.decoded("LAST-MODIFIED") > s_old.decoded("LAST-MODIFIED")
    assert s_again.decoded("SEQUENCE") == s_new.decoded("SEQUENCE"), "exporting again is no change"
    for start in (VISIT_START, LONG_START):
        a, b = by_start(old, start), by_start(new, start)
        assert a.decoded("SEQUENCE") == b.decoded("SEQUENCE"), f"{start}: untouched activity kept its SEQUENCE"
        assert a.decoded("LAST-MODIFIED") == b.decoded("LAST-MODIFIED")
        assert a.decoded("CREATED") == b.decoded("CREATED")


def test_dtstart_and_dtend_carry_tzid_and_are_copenhagen_wall_clock_with_the_right_offset(exports):
    cal = exports["discreet"].calendar()
    expected = {
        SERIES_START: (dt.datetime(2026, 3, 3, 19, 0, tzinfo=CPH), "+01:00"),
        VISIT_START: (dt.datetime(2026, 12, 1, 11, 0, tzinfo=CPH), "+01:00"),
        LONG_START: (dt.datetime(2026, 7, 8, 18, 30, tzinfo=CPH), "+02:00"),
    }
    for start, (end, offset) in expected.items():
        e = by_start(cal, start)
        assert param(e, "DTSTART") == "Europe/Copenhagen" and param(e, "DTEND") == "Europe/Copenhagen"
        s, en = e.decoded("DTSTART"), e.decoded("DTEND")
        assert s.tzinfo is not None and getattr(s.tzinfo, "key", str(s.tzinfo)) == "Europe/Copenhagen"
        assert (s.hour, s.minute) == (start.hour, start.minute), "wall clock"
        assert s.isoformat().endswith(offset) and en.isoformat().endswith(offset)
        assert en == end
    for name in ["DTSTART", "DTEND"]:
        assert not re.search(rf"^{name}[:;][^\r\n]*Z\r?$", exports["discreet"].unfolded, re.M), "local, not UTC"


def test_rrule_is_weekly_on_tuesday_with_until_in_utc_covering_the_last_tuesday(exports):
    cal = exports["discreet"].calendar()
    rule = by_start(cal, SERIES_START)["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["TU"]
    assert "COUNT" not in rule
    [until] = rule["UNTIL"]
    assert isinstance(until, dt.datetime) and until.utcoffset() == dt.timedelta(0), "RFC 5545 §3.3.10: UTC"
    last = dt.datetime.combine(TUESDAYS[-1], dt.time(17), CPH)
    assert last <= until < last + dt.timedelta(days=7), f"UNTIL {until} must keep 10 Nov and nothing later"
    assert re.search(r"^RRULE:[^\r\n]*UNTIL=\d{8}T\d{6}Z", exports["discreet"].unfolded, re.M)


def test_cancelled_meeting_is_a_recurrence_id_override_with_status_cancelled(exports):
    cal = exports["discreet"].calendar()
    assert overrides(exports["before"].calendar()) == [], "no override before the cancellation"
    [o] = overrides(cal)
    rid = o["RECURRENCE-ID"]
    assert rid.params.get("TZID") == "Europe/Copenhagen", "RECURRENCE-ID with the same TZID as DTSTART"
    assert rid.dt == dt.datetime.combine(CANCELLED_DAY, dt.time(17), CPH)
    assert o.decoded("DTSTART") == rid.dt
    assert o.decoded("DTEND") == dt.datetime.combine(CANCELLED_DAY, dt.time(19), CPH)
    assert str(o["STATUS"]) == "CANCELLED"
    assert o.decoded("SEQUENCE") >= by_start(cal, SERIES_START).decoded("SEQUENCE")
    assert str(by_start(cal, SERIES_START)["STATUS"]) == "CONFIRMED", "the rest of the series still takes place"


def test_series_expands_to_17_00_local_every_tuesday_across_29_march_and_25_october(exports):
    cal = exports["discreet"].calendar()
    uid = str(by_start(cal, SERIES_START)["UID"])
    got = sorted((e.decoded("DTSTART"), e) for e in expand(cal) if str(e["UID"]) == uid)
    assert [s.date() for s, _ in got] == TUESDAYS
    for s, e in got:
        local = s.astimezone(CPH)
        assert (local.hour, local.minute) == (17, 0), f"{s} is not 17:00 in Copenhagen"
        summer = dt.date(2026, 3, 29) < local.date() < dt.date(2026, 10, 25)
        assert local.utcoffset() == dt.timedelta(hours=2 if summer else 1), local
        assert e.decoded("DTEND").astimezone(CPH).hour == 19
    status = {s.date(): str(e.get("STATUS")) for s, e in got}
    assert status[CANCELLED_DAY] == "CANCELLED"
    assert [d for d, st in status.items() if st == "CANCELLED"] == [CANCELLED_DAY]


def test_expanded_export_matches_what_nabo_list_shows(any_export):
    cal = any_export.calendar()
    frm, to = (dt.date.fromisoformat(d) for d in any_export.list_range)
    got = occurrence_set(expand(cal, frm, to + dt.timedelta(days=1)))
    assert got == listed_set(any_export.listed), f"{any_export.name}: export and `nabo list` disagree"


def test_text_with_commas_semicolons_backslash_and_danish_letters_round_trips_exactly(exports):
    cal = exports["full"].calendar()
    series, visit, long = (by_start(cal, s) for s in (SERIES_START, VISIT_START, LONG_START))
    assert str(series["SUMMARY"]) == f"Møde: {SERIES_THEME}"
    assert str(series["LOCATION"]) == f"{SERIES_VENUE}, Gellerup"
    description = str(series["DESCRIPTION"]).split("\n")
    assert f"Tema: {SERIES_THEME}" in description and f"Sted: {SERIES_VENUE}" in description
    assert str(long["SUMMARY"]) == LONG_TITLE
    assert str(long["LOCATION"]) == f"{LONG_VENUE}, Gellerup"
    assert f"Tema: {LONG_THEME}" in str(long["DESCRIPTION"]).split("\n")
    assert "arabisk, dansk" in str(long["DESCRIPTION"])
    # and on the wire, escaped as RFC 5545 §3.3.11 says
    unfolded = exports["full"].unfolded
    assert f"\r\nSUMMARY:{escape(LONG_TITLE)}\r\n" in unfolded
    assert f"\r\nLOCATION:{escape(SERIES_VENUE + ', Gellerup')}\r\n" in unfolded


def test_discreet_export_has_neutral_titles_area_only_no_household_and_no_note(exports):
    for name in ["discreet", "again", "before", "december"]:
        ex = exports[name]
        cal = ex.calendar()
        for secret in [HOUSEHOLD, NOTE, LONG_NOTE, SERIES_VENUE, LONG_VENUE, LONG_TITLE, "Husstand"]:
            assert secret not in ex.unfolded and escape(secret) not in ex.unfolded, f"{name} leaks {secret!r}"
        for e in vevents(cal):
            assert "DESCRIPTION" not in e, f"{name}: a discreet event has no description"
            assert str(e["LOCATION"]) == "Gellerup"
            values = " ".join(str(v) for _, v in e.property_items())
            assert HOUSEHOLD not in values and "privat" not in values.lower()
    cal = exports["discreet"].calendar()
    assert str(by_start(cal, VISIT_START)["SUMMARY"]) == "Besøg"
    assert str(by_start(cal, SERIES_START)["SUMMARY"]) == f"Møde: {SERIES_THEME}"
    assert str(by_start(cal, LONG_START)["SUMMARY"]) == f"Møde: {LONG_THEME}"


def test_full_export_has_the_household_label_but_never_a_note(exports):
    ex = exports["full"]
    cal = ex.calendar()
    visit = by_start(cal, VISIT_START)
    assert HOUSEHOLD in str(visit["SUMMARY"]) and HOUSEHOLD in str(visit["DESCRIPTION"])
    for secret in [NOTE, LONG_NOTE, "Privat note", "nøgle til lokale"]:
        assert secret not in ex.unfolded and escape(secret) not in ex.unfolded, f"full export leaks {secret!r}"


def test_alarm_option_adds_one_display_valarm_the_given_minutes_before_each_event(exports):
    for e in vevents(exports["discreet"].calendar()):
        alarms = e.walk("VALARM")
        assert len(alarms) == 1, f"{e['UID']} {e.get('RECURRENCE-ID')}: one VALARM"
        [a] = alarms
        assert str(a["ACTION"]) == "DISPLAY"
        assert a["TRIGGER"].dt == dt.timedelta(minutes=-30)
        assert a["TRIGGER"].params.get("RELATED", "START") == "START"
        assert str(a["DESCRIPTION"]).strip(), "RFC 5545 §3.6.6: a DISPLAY alarm needs a DESCRIPTION"
        assert HOUSEHOLD not in str(a["DESCRIPTION"])
    for name in ["full", "before", "exceptions"]:
        assert "BEGIN:VALARM" not in exports[name].text, f"{name} was exported without --alarm"


def test_from_to_export_holds_only_activities_in_the_range(exports):
    cal = exports["december"].calendar()
    assert [e.decoded("DTSTART") for e in vevents(cal)] == [VISIT_START]


def test_skipped_meeting_is_an_exdate_with_tzid_and_moved_meeting_an_override(exports):
    ex = exports["exceptions"]
    cal = ex.calendar()
    [master] = masters(cal)
    exdates = [d.dt for prop in ([master["EXDATE"]] if not isinstance(master["EXDATE"], list)
                                 else master["EXDATE"]) for d in prop.dts]
    assert exdates == [EXC_SKIPPED]
    assert re.search(r"^EXDATE;TZID=Europe/Copenhagen:20261015T180000\r?$", ex.unfolded, re.M), \
        "EXDATE carries the same TZID as DTSTART"
    [o] = overrides(cal)
    assert o["RECURRENCE-ID"].params.get("TZID") == "Europe/Copenhagen"
    assert o["RECURRENCE-ID"].dt == EXC_MOVED_FROM
    assert o.decoded("DTSTART") == EXC_MOVED_TO and o.decoded("DTEND") == EXC_MOVED_TO + dt.timedelta(hours=2)
    assert str(o["STATUS"]) == "CONFIRMED" and str(o["UID"]) == str(master["UID"])
    starts = sorted(e.decoded("DTSTART") for e in expand(cal))
    assert starts == [dt.datetime(2026, 10, d, 18, 0, tzinfo=CPH) for d in (1, 8, 22)] + [
        EXC_MOVED_TO, dt.datetime(2026, 11, 5, 18, 0, tzinfo=CPH)]


# ---------------------------------------------------------------------------------------------
# Raw text: line ends and folding (RFC 5545 §3.1)
# ---------------------------------------------------------------------------------------------


def physical_lines(raw: bytes) -> list[bytes]:
    assert raw.endswith(b"\r\n"), "the file ends with CRLF"
    return raw[:-2].split(b"\r\n")


def test_lines_end_in_crlf_only(any_export):
    raw = any_export.raw
    assert raw.count(b"\n") == raw.count(b"\r\n"), "a bare LF"
    assert raw.count(b"\r") == raw.count(b"\r\n"), "a bare CR"
    assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM"
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert b"" not in physical_lines(raw), "no empty lines"


def test_no_physical_line_is_longer_than_75_octets(any_export):
    for n, line in enumerate(physical_lines(any_export.raw), 1):
        assert len(line) <= 75, f"{any_export.name} line {n} has {len(line)} octets: {line!r}"


def test_folding_never_splits_a_utf8_character(any_export):
    for n, line in enumerate(physical_lines(any_export.raw), 1):
        try:
            line.decode("utf-8", errors="strict")
        except UnicodeDecodeError as err:
            pytest.fail(f"{any_export.name} line {n} is not UTF-8 on its own ({err}): {line!r}")


def test_long_danish_title_folds_into_several_lines_and_unfolds_to_exactly_the_title(exports):
    for name, prop, value in [("full", "SUMMARY", LONG_TITLE), ("discreet", "SUMMARY", f"Møde: {LONG_THEME}"),
                              ("full", "LOCATION", f"{LONG_VENUE}, Gellerup")]:
        lines = exports[name].text.split("\r\n")
        first = next(i for i, ln in enumerate(lines) if ln.startswith(f"{prop}:") and
                     escape(value).startswith(ln[len(prop) + 1:]) and ln[len(prop) + 1:])
        logical = [lines[first]]
        for ln in lines[first + 1:]:
            if not ln.startswith(" "):
                break
            logical.append(ln)
        assert len(logical) >= 2, f"{name} {prop} should be folded: {logical}"
        unfolded = logical[0] + "".join(ln[1:] for ln in logical[1:])
        assert unfolded == f"{prop}:{escape(value)}", f"{name} {prop} does not unfold to the value"
        parsed = [str(e[prop]) for e in vevents(exports[name].calendar()) if prop in e]
        assert value in parsed


def test_title_folded_right_after_a_space_keeps_the_space(exports):
    ex = exports["exceptions"]
    lines = ex.text.split("\r\n")
    i = next(i for i, ln in enumerate(lines) if ln.startswith("SUMMARY:Jobcafé"))
    assert lines[i].endswith(" ") or lines[i + 1].startswith("  "), (
        "scenario precondition: the SUMMARY should fold next to a space "
        f"(the fold width changed? adjust EXC_TITLE): {lines[i:i + 2]}")
    assert [str(e["SUMMARY"]) for e in vevents(ex.calendar())] == [EXC_TITLE, EXC_TITLE]


def test_event_ending_in_the_repeated_autumn_hour_keeps_its_length(tmp_path):
    db = tmp_path / "autumn.db"
    nabo(db, "init")
    # 01:45 CEST + 90 min = 02:15 CET (the second 02:15 of 25 October 2026).
    nabo(db, "plan", "visit", "--start", "2026-10-25T01:45", "--duration", "90m", "--area", "Gellerup")
    ex = export(db, tmp_path / "autumn.ics", "autumn", frm="2026-10-25", to="2026-10-25")
    [listed] = ex.listed
    assert listed["end"] == "2026-10-25T02:15:00+01:00", "nabo itself keeps 90 minutes"
    [e] = vevents(ex.calendar())
    start, end = e.decoded("DTSTART"), e.decoded("DTEND")
    assert end - start == dt.timedelta(minutes=90), (
        f"DTEND {e['DTEND'].to_ical().decode()} reads as {end.isoformat()}; expected "
        f"{listed['end']} (write it in UTC, or use DURATION:PT1H30M)")


# ---------------------------------------------------------------------------------------------
# khal
# ---------------------------------------------------------------------------------------------

KHAL_FORMAT = "{start-date}\t{start-time}\t{end-time}\t{status}\t{title}"


class Khal:
    def __init__(self, home: Path):
        self.home = home
        (home / "cal").mkdir(parents=True)
        self.config = home / "config"
        self.config.write_text(
            f"""[calendars]
[[nabo]]
path = {home / 'cal'}
type = calendar
[locale]
local_timezone = Europe/Copenhagen
default_timezone = Europe/Copenhagen
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
firstweekday = 0
[default]
default_calendar = nabo
[sqlite]
path = {home / 'khal.db'}
""",
            encoding="utf-8",
        )

    def run(self, *args: str) -> subprocess.CompletedProcess:
        # TZ=UTC on the host: any 17:00 must come from the file's TZID and khal's zone settings.
        env = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8", LANG="C.UTF-8", XDG_CONFIG_HOME=str(self.home),
                   XDG_DATA_HOME=str(self.home), HOME=str(self.home))
        return subprocess.run([str(VENV_BIN / "khal"), "-c", str(self.config), *args],
                              capture_output=True, text=True, env=env, timeout=120)

    def list(self, frm: dt.date, to: dt.date) -> list[tuple[str, str, str, str, str]]:
        proc = self.run("list", "--format", KHAL_FORMAT, "--day-format", "", frm.isoformat(), to.isoformat())
        assert proc.returncode == 0, f"khal list exited {proc.returncode}: {proc.stderr}"
        rows = [tuple(ln.split("\t")) for ln in proc.stdout.splitlines() if ln.strip()]
        assert all(len(r) == 5 for r in rows), proc.stdout
        return [tuple(x.strip() for x in r) for r in rows]


@pytest.fixture(scope="session")
def khal_imports(exports, tmp_path_factory):
    """Each export imported into its own khal vdir: name -> (Khal, import result)."""
    out = {}
    for name, ex in exports.items():
        k = Khal(tmp_path_factory.mktemp(f"khal-{name}"))
        out[name] = (k, k.run("import", "--batch", "-a", "nabo", str(ex.path)))
    return out


def test_khal_imports_every_export_with_exit_code_zero(any_export, khal_imports):
    k, proc = khal_imports[any_export.name]
    assert proc.returncode == 0, f"khal import of {any_export.name} exited {proc.returncode}: {proc.stderr}"
    assert "error" not in proc.stderr.lower(), proc.stderr
    stored = list((k.home / "cal").glob("*.ics"))
    uids = {str(e["UID"]) for e in masters(any_export.calendar())}
    assert len(stored) == len(uids), f"khal stored {len(stored)} events for {len(uids)} UIDs"


def test_khal_lists_every_export_at_the_times_nabo_lists(any_export, khal_imports):
    k, _ = khal_imports[any_export.name]
    frm, to = (dt.date.fromisoformat(d) for d in any_export.list_range)
    got = sorted((r[0], r[1], r[2], r[3] == "CANCELLED") for r in k.list(frm, to))
    expected = sorted((dt.datetime.fromisoformat(o["start"]).astimezone(CPH).strftime("%Y-%m-%d"),
                       dt.datetime.fromisoformat(o["start"]).astimezone(CPH).strftime("%H:%M"),
                       dt.datetime.fromisoformat(o["end"]).astimezone(CPH).strftime("%H:%M"),
                       o["status"] == "cancelled") for o in any_export.listed)
    assert got == expected


def test_khal_shows_the_series_at_17_00_every_tuesday_of_both_dst_weeks(khal_imports):
    k, proc = khal_imports["discreet"]
    assert proc.returncode == 0, proc.stderr
    for frm, to, days in [(dt.date(2026, 3, 23), dt.date(2026, 4, 5), ["2026-03-24", "2026-03-31"]),
                          (dt.date(2026, 10, 19), dt.date(2026, 11, 1), ["2026-10-20", "2026-10-27"])]:
        rows = k.list(frm, to)
        assert [(r[0], r[1], r[2], r[4]) for r in rows] == [(d, "17:00", "19:00", f"Møde: {SERIES_THEME}")
                                                            for d in days]
    tuesdays = [r for r in k.list(dt.date(2026, 3, 1), dt.date(2026, 11, 30)) if r[4] == f"Møde: {SERIES_THEME}"]
    assert [dt.date.fromisoformat(r[0]) for r in tuesdays] == TUESDAYS
    assert {r[1] for r in tuesdays} == {"17:00"}


def test_khal_shows_the_cancelled_meeting_as_cancelled(khal_imports):
    k, _ = khal_imports["discreet"]
    rows = k.list(CANCELLED_DAY, CANCELLED_DAY + dt.timedelta(days=1))
    day = [r for r in rows if r[0] == CANCELLED_DAY.isoformat()]
    assert day == [] or [(r[1], r[3]) for r in day] == [("17:00", "CANCELLED")], rows
    before = khal_imports["before"][0].list(CANCELLED_DAY, CANCELLED_DAY + dt.timedelta(days=1))
    assert [(r[1], r[3]) for r in before] == [("17:00", "CONFIRMED")]


def test_khal_reads_the_long_danish_title_exactly(khal_imports):
    k, _ = khal_imports["full"]
    rows = k.list(LONG_START.date(), LONG_START.date() + dt.timedelta(days=1))
    assert [(r[1], r[2], r[4]) for r in rows] == [("17:00", "18:30", LONG_TITLE)]


def test_khal_shows_the_skipped_meeting_absent_and_the_moved_one_at_its_new_time(khal_imports):
    k, _ = khal_imports["exceptions"]
    rows = k.list(dt.date(2026, 9, 28), dt.date(2026, 11, 8))
    assert {r[4] for r in rows} == {EXC_TITLE}, "khal keeps the space at the fold"
    assert [(r[0], r[1]) for r in rows] == [("2026-10-01", "18:00"), ("2026-10-08", "18:00"),
                                            ("2026-10-22", "18:00"), ("2026-10-30", "19:00"),
                                            ("2026-11-05", "18:00")]


# ---------------------------------------------------------------------------------------------
# Radicale (CalDAV, validates with vobject)
# ---------------------------------------------------------------------------------------------

USER = "nabo"
AUTH = "Basic " + base64.b64encode(f"{USER}:any".encode()).decode()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Radicale:
    def __init__(self, home: Path):
        self.home = home
        self.port = free_port()
        self.log = home / "radicale.log"
        self._log = self.log.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", "", "--server-hosts", f"127.0.0.1:{self.port}",
             "--auth-type", "none", "--rights-type", "owner_only",
             "--storage-filesystem-folder", str(home / "collections"), "--logging-level", "info"],
            stdout=self._log, stderr=subprocess.STDOUT, env=dict(os.environ, TZ="UTC"),
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"Radicale did not start:\n{self.log_tail()}")
                time.sleep(0.1)

    def log_tail(self, lines: int = 40) -> str:
        self._log.flush()
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict | None = None) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers={"Authorization": AUTH, **(headers or {})})
            resp = conn.getresponse()
            return resp.status, resp.read()
        finally:
            conn.close()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()


@pytest.fixture(scope="session")
def radicale(tmp_path_factory):
    server = Radicale(tmp_path_factory.mktemp("radicale"))
    yield server
    server.stop()


def split_by_uid(raw: bytes) -> dict[str, bytes]:
    """One VCALENDAR per UID, cut from Nabo's own bytes (header and VTIMEZONE kept), since a
    CalDAV resource holds one UID (RFC 4791 §4.1). No re-serialisation: the server sees Nabo's text."""
    lines = raw.split(b"\r\n")
    first = lines.index(b"BEGIN:VEVENT")
    header, body = lines[:first], lines[first:]
    assert body[-2:] == [b"END:VCALENDAR", b""], "the file ends with END:VCALENDAR CRLF"
    body = body[:-2]
    groups: dict[str, list[bytes]] = {}
    block: list[bytes] = []
    for ln in body:
        block.append(ln)
        if ln == b"END:VEVENT":
            text = b"\r\n".join(block).replace(b"\r\n ", b"").decode()
            uid = re.search(r"^UID:(.*)$", text, re.M).group(1).strip()
            groups.setdefault(uid, []).extend(block)
            block = []
    assert block == [], "text after the last END:VEVENT"
    return {uid: b"\r\n".join(header + blk + [b"END:VCALENDAR", b""]) for uid, blk in groups.items()}


def href(collection: str, uid: str) -> str:
    return f"/{USER}/{collection}/{urllib.parse.quote(uid, safe='')}.ics"


def put_calendar(server: Radicale, collection: str, ex: Export, *, create=True) -> dict[str, int]:
    if create:
        status, body = server.request("MKCALENDAR", f"/{USER}/{collection}/")
        assert status == 201, f"MKCALENDAR {collection}: {status} {body[:300]!r}\n{server.log_tail()}"
    results = {}
    for uid, resource in split_by_uid(ex.raw).items():
        status, body = server.request("PUT", href(collection, uid), resource,
                                      {"Content-Type": "text/calendar; charset=utf-8"})
        results[uid] = status
        if status not in (201, 204):
            pytest.fail(f"Radicale refused PUT of {uid} from {ex.name}: {status} {body[:300]!r}\n"
                        f"--- Radicale log ---\n{server.log_tail()}")
    return results


class _Puts(dict):
    """name -> {uid: status}; a refused export fails only the tests that use it, with Radicale's log."""

    def __getitem__(self, name):
        value = super().__getitem__(name)
        if isinstance(value, str):
            pytest.fail(value)
        return value

    def __contains__(self, name):
        return bool(self[name])


@pytest.fixture(scope="session")
def radicale_calendars(radicale, exports):
    """Every export PUT into its own calendar collection."""
    out = _Puts()
    for name, ex in exports.items():
        try:
            dict.__setitem__(out, name, put_calendar(radicale, name, ex))
        except pytest.fail.Exception as failed:
            dict.__setitem__(out, name, str(failed))
    return out


def test_radicale_accepts_every_export_put_as_one_resource_per_uid(any_export, radicale_calendars):
    statuses = radicale_calendars[any_export.name]
    assert statuses and set(statuses.values()) == {201}, statuses


def test_radicale_returns_the_same_events_on_get(any_export, radicale, radicale_calendars):
    sent = any_export.calendar()
    for uid in radicale_calendars[any_export.name]:
        status, body = radicale.request("GET", href(any_export.name, uid))
        assert status == 200, body
        back = icalendar.Calendar.from_ical(body)
        assert [c.errors for c in back.walk() if c.errors] == []

        def fields(cal):
            return sorted(
                (str(e.get("RECURRENCE-ID").dt) if "RECURRENCE-ID" in e else "",
                 e.decoded("DTSTART"), e.decoded("DTEND"), str(e["SUMMARY"]), str(e.get("LOCATION")),
                 str(e.get("DESCRIPTION")), str(e["STATUS"]), e.decoded("SEQUENCE"),
                 e["RRULE"].to_ical() if "RRULE" in e else b"",
                 e["EXDATE"].to_ical() if "EXDATE" in e else b"")
                for e in vevents(cal) if str(e["UID"]) == uid)

        assert fields(back) == fields(sent), f"{uid} changed on the way through Radicale"


def caldav_expand(server: Radicale, collection: str, start: dt.datetime, end: dt.datetime) -> list:
    fmt = lambda d: d.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")  # noqa: E731
    body = f"""<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><C:calendar-data><C:expand start="{fmt(start)}" end="{fmt(end)}"/></C:calendar-data></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
    <C:time-range start="{fmt(start)}" end="{fmt(end)}"/>
  </C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>""".encode()
    status, reply = server.request("REPORT", f"/{USER}/{collection}/", body,
                                   {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"})
    assert status == 207, f"REPORT: {status} {reply[:300]!r}\n{server.log_tail()}"
    ns = {"D": "DAV:", "C": "urn:ietf:params:xml:ns:caldav"}
    events = []
    for data in ET.fromstring(reply).iterfind(".//C:calendar-data", ns):
        if data.text:
            cal = icalendar.Calendar.from_ical(data.text)
            assert [c.errors for c in cal.walk() if c.errors] == []
            events += vevents(cal)
    return events


def test_radicale_expands_the_series_to_17_00_local_in_both_dst_weeks(radicale, radicale_calendars):
    assert "discreet" in radicale_calendars
    for days in [(dt.date(2026, 3, 24), dt.date(2026, 3, 31)), (dt.date(2026, 10, 20), dt.date(2026, 10, 27))]:
        start = dt.datetime.combine(days[0] - dt.timedelta(days=2), dt.time(0), CPH)
        end = dt.datetime.combine(days[1] + dt.timedelta(days=2), dt.time(0), CPH)
        events = caldav_expand(radicale, "discreet", start, end)
        got = sorted(e.decoded("DTSTART").astimezone(CPH) for e in events)
        assert got == [dt.datetime.combine(d, dt.time(17), CPH) for d in days], got
        assert all(e.decoded("DTSTART").utcoffset() is not None for e in events)
        # Different UTC instants either side of the change: the wall clock is what is kept.
        utc_hours = sorted(e.decoded("DTSTART").astimezone(UTC).hour for e in events)
        assert utc_hours == [15, 16]


def test_radicale_expansion_of_the_whole_series_gives_17_00_local_and_the_cancelled_one_cancelled(
        radicale, radicale_calendars):
    assert "discreet" in radicale_calendars
    events = caldav_expand(radicale, "discreet", dt.datetime(2026, 3, 1, tzinfo=CPH),
                           dt.datetime(2026, 11, 30, tzinfo=CPH))
    series = sorted((e.decoded("DTSTART").astimezone(CPH), str(e.get("STATUS", ""))) for e in events
                    if e.decoded("DTSTART").astimezone(CPH).date() in TUESDAYS)
    assert [s.date() for s, _ in series] == TUESDAYS
    assert {(s.hour, s.minute) for s, _ in series} == {(17, 0)}
    assert [s.date() for s, st in series if st == "CANCELLED"] == [CANCELLED_DAY]


def test_radicale_expansion_drops_the_exdate_and_moves_the_override(radicale, radicale_calendars):
    assert "exceptions" in radicale_calendars
    events = caldav_expand(radicale, "exceptions", dt.datetime(2026, 9, 28, tzinfo=CPH),
                           dt.datetime(2026, 11, 8, tzinfo=CPH))
    got = sorted(e.decoded("DTSTART").astimezone(CPH) for e in events)
    assert got == [dt.datetime(2026, 10, d, 18, 0, tzinfo=CPH) for d in (1, 8, 22)] + [
        EXC_MOVED_TO, dt.datetime(2026, 11, 5, 18, 0, tzinfo=CPH)]


def test_radicale_accepts_a_re_export_as_an_update_of_the_same_resources(radicale, exports):
    put_calendar(radicale, "update", exports["before"])
    statuses = put_calendar(radicale, "update", exports["discreet"], create=False)
    assert set(statuses.values()) == {204}, f"same UIDs must overwrite, not add: {statuses}"
    series_uid = str(by_start(exports["discreet"].calendar(), SERIES_START)["UID"])
    status, body = radicale.request("GET", href("update", series_uid))
    back = icalendar.Calendar.from_ical(body)
    assert [str(o["STATUS"]) for o in overrides(back)] == ["CANCELLED"]
    assert by_start(back, SERIES_START).decoded("SEQUENCE") == by_start(
        exports["discreet"].calendar(), SERIES_START).decoded("SEQUENCE")
