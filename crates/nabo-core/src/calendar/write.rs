//! An RFC 5545 writer for Nabo's export.
//!
//! Written here rather than with a crate: the content-line rules are few
//! (escape TEXT, quote parameters, fold at 75 *octets* on a UTF-8 boundary,
//! CRLF) and getting exactly them right is the point — `ical`'s generator
//! folds at 75 characters and does not escape TEXT (see docs/ARCHITECTURE.md).
//! The output is checked by independent parsers in `tests/interop`.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::time::ZONE;

/// Whether an event takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventStatus {
    /// It takes place.
    Confirmed,
    /// It was called off.
    Cancelled,
}

impl EventStatus {
    fn as_str(self) -> &'static str {
        match self {
            EventStatus::Confirmed => "CONFIRMED",
            EventStatus::Cancelled => "CANCELLED",
        }
    }
}

/// One meeting of a series that differs from the rule (written as a VEVENT with RECURRENCE-ID).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventOverride {
    /// Where the rule puts it.
    pub original_start: DateTime<Tz>,
    /// When it starts now.
    pub start: DateTime<Tz>,
    /// When it ends now.
    pub end: DateTime<Tz>,
    /// Whether it takes place.
    pub status: EventStatus,
}

/// One VEVENT (with its overrides), already worded for the chosen level of detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// The UID that never changes for this activity.
    pub uid: String,
    /// Grows with each change.
    pub sequence: u32,
    /// When the activity was created.
    pub created: DateTime<Utc>,
    /// When the activity last changed.
    pub last_modified: DateTime<Utc>,
    /// Start (for a series: of the first meeting).
    pub start: DateTime<Tz>,
    /// End (for a series: of the first meeting).
    pub end: DateTime<Tz>,
    /// The series' RRULE value, with UNTIL in UTC.
    pub rrule: Option<String>,
    /// Meetings of the series that do not take place.
    pub exdates: Vec<DateTime<Tz>>,
    /// Meetings of the series that were moved or cancelled.
    pub overrides: Vec<EventOverride>,
    /// The title.
    pub summary: String,
    /// Where, if it may be said.
    pub location: Option<String>,
    /// More words, if they may be said.
    pub description: Option<String>,
    /// Whether it takes place.
    pub status: EventStatus,
    /// A reminder this many minutes before, if wanted.
    pub alarm_minutes: Option<u32>,
    /// The reminder's words.
    pub alarm_text: String,
}

/// Europe/Copenhagen as a VTIMEZONE: the EU rule in force since 1996.
const VTIMEZONE: &[&str] = &[
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
];

/// Writes a complete VCALENDAR with `events`, stamped `now`.
pub fn write_calendar(name: &str, events: &[CalendarEvent], now: DateTime<Utc>) -> String {
    let mut out = Writer::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line(&format!("PRODID:-//Nabo//Nabo {}//DA", env!("CARGO_PKG_VERSION")));
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    out.line(&format!("X-WR-CALNAME:{}", escape_text(name)));
    out.line("X-WR-TIMEZONE:Europe/Copenhagen");
    for line in VTIMEZONE {
        out.line(line);
    }
    let stamp = utc(now);
    for event in events {
        write_event(&mut out, event, &stamp);
    }
    out.line("END:VCALENDAR");
    out.text
}

fn write_event(out: &mut Writer, e: &CalendarEvent, stamp: &str) {
    out.line("BEGIN:VEVENT");
    out.line(&format!("UID:{}", escape_text(&e.uid)));
    out.line(&format!("DTSTAMP:{stamp}"));
    out.line(&format!("CREATED:{}", utc(e.created)));
    out.line(&format!("LAST-MODIFIED:{}", utc(e.last_modified)));
    out.line(&format!("SEQUENCE:{}", e.sequence));
    out.line(&zoned("DTSTART", e.start));
    out.line(&zoned("DTEND", e.end));
    if let Some(rule) = &e.rrule {
        out.line(&format!("RRULE:{rule}"));
        for ex in &e.exdates {
            out.line(&zoned("EXDATE", *ex));
        }
    }
    write_words(out, e);
    out.line(&format!("STATUS:{}", e.status.as_str()));
    out.line("TRANSP:OPAQUE");
    write_alarm(out, e);
    out.line("END:VEVENT");
    for o in &e.overrides {
        out.line("BEGIN:VEVENT");
        out.line(&format!("UID:{}", escape_text(&e.uid)));
        out.line(&format!("DTSTAMP:{stamp}"));
        out.line(&format!("LAST-MODIFIED:{}", utc(e.last_modified)));
        out.line(&format!("SEQUENCE:{}", e.sequence));
        out.line(&zoned("RECURRENCE-ID", o.original_start));
        out.line(&zoned("DTSTART", o.start));
        out.line(&zoned("DTEND", o.end));
        write_words(out, e);
        out.line(&format!("STATUS:{}", o.status.as_str()));
        out.line("TRANSP:OPAQUE");
        write_alarm(out, e);
        out.line("END:VEVENT");
    }
}

fn write_words(out: &mut Writer, e: &CalendarEvent) {
    out.line(&format!("SUMMARY:{}", escape_text(&e.summary)));
    if let Some(location) = &e.location {
        out.line(&format!("LOCATION:{}", escape_text(location)));
    }
    if let Some(description) = &e.description {
        out.line(&format!("DESCRIPTION:{}", escape_text(description)));
    }
}

fn write_alarm(out: &mut Writer, e: &CalendarEvent) {
    if let Some(minutes) = e.alarm_minutes {
        out.line("BEGIN:VALARM");
        out.line("ACTION:DISPLAY");
        out.line(&format!("DESCRIPTION:{}", escape_text(&e.alarm_text)));
        out.line(&format!("TRIGGER:-PT{minutes}M"));
        out.line("END:VALARM");
    }
}

/// A UTC DATE-TIME value.
fn utc(at: DateTime<Utc>) -> String {
    let mut out = String::with_capacity(16);
    super::push_basic(&mut out, at.date_naive(), Some(at.time()), true);
    out
}

/// A DATE-TIME property in Copenhagen time: `NAME;TZID=Europe/Copenhagen:YYYYMMDDTHHMMSS`.
///
/// A wall-clock time that occurs twice (the autumn hour) means its first occurrence
/// (RFC 5545 §3.3.5), so the second one is written in UTC instead: `NAME:YYYYMMDDTHHMMSSZ`.
fn zoned(name: &str, at: DateTime<Tz>) -> String {
    use chrono::TimeZone;
    let at = at.with_timezone(&ZONE);
    let wall = at.naive_local();
    let first = ZONE.from_local_datetime(&wall).earliest();
    if first.is_some_and(|first| first != at) {
        format!("{name}:{}", utc(at.with_timezone(&Utc)))
    } else {
        let mut out = format!("{name};TZID=Europe/Copenhagen:");
        super::push_basic(&mut out, wall.date(), Some(wall.time()), false);
        out
    }
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines.
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Accumulates content lines, folded and CRLF-terminated.
#[derive(Default)]
struct Writer {
    text: String,
}

impl Writer {
    /// Appends one content line, folded so that no physical line exceeds 75 octets
    /// (RFC 5545 §3.1) and no UTF-8 character is split.
    fn line(&mut self, line: &str) {
        if line.len() <= 75 {
            // Most lines: nothing to fold.
            self.text.push_str(line);
            self.text.push_str("\r\n");
            return;
        }
        let mut budget = 75;
        let mut used = 0;
        for c in line.chars() {
            let len = c.len_utf8();
            if used + len > budget {
                self.text.push_str("\r\n ");
                // The leading space of a continuation line counts towards its 75 octets.
                budget = 74;
                used = 0;
            }
            self.text.push(c);
            used += len;
        }
        self.text.push_str("\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{resolve_local, LocalDateTime};

    fn at(s: &str) -> DateTime<Tz> {
        resolve_local(s.parse::<LocalDateTime>().expect("parses")).expect("exists").at
    }

    fn stamp() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-25T12:00:00Z").expect("valid").with_timezone(&Utc)
    }

    fn event() -> CalendarEvent {
        CalendarEvent {
            uid: "abc@nabo".into(),
            sequence: 2,
            created: stamp(),
            last_modified: stamp(),
            start: at("2026-12-01T17:00"),
            end: at("2026-12-01T19:00"),
            rrule: Some("FREQ=WEEKLY;UNTIL=20261222T225959Z".into()),
            exdates: vec![at("2026-12-08T17:00")],
            overrides: vec![EventOverride {
                original_start: at("2026-12-15T17:00"),
                start: at("2026-12-16T18:00"),
                end: at("2026-12-16T20:00"),
                status: EventStatus::Cancelled,
            }],
            summary: "Møde: Sundhed, kost; og motion".into(),
            location: Some("Gellerup".into()),
            description: None,
            status: EventStatus::Confirmed,
            alarm_minutes: Some(30),
            alarm_text: "Aftale".into(),
        }
    }

    #[test]
    fn lines_end_in_crlf_and_fold_at_75_octets_on_character_boundaries() {
        let long = "Møde om æbler, øl og ål — ".repeat(10);
        let text = write_calendar("Nabo", &[CalendarEvent { summary: long.clone(), ..event() }], stamp());
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "only CRLF line ends");
        for physical in text.split("\r\n") {
            assert!(physical.len() <= 75, "{} octets: {physical}", physical.len());
        }
        let unfolded = text.replace("\r\n ", "");
        let expected = format!("SUMMARY:{}", escape_text(&long));
        assert!(unfolded.contains(&expected));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let text = write_calendar("Nabo", &[event()], stamp());
        assert!(text.contains("SUMMARY:Møde: Sundhed\\, kost\\; og motion\r\n"));
    }

    #[test]
    fn series_carry_tzid_on_every_time_and_utc_until() {
        let text = write_calendar("Nabo", &[event()], stamp());
        for line in [
            "DTSTART;TZID=Europe/Copenhagen:20261201T170000",
            "DTEND;TZID=Europe/Copenhagen:20261201T190000",
            "RRULE:FREQ=WEEKLY;UNTIL=20261222T225959Z",
            "EXDATE;TZID=Europe/Copenhagen:20261208T170000",
            "RECURRENCE-ID;TZID=Europe/Copenhagen:20261215T170000",
            "DTSTART;TZID=Europe/Copenhagen:20261216T180000",
            "STATUS:CANCELLED",
            "TRIGGER:-PT30M",
            "METHOD:PUBLISH",
            "TZID:Europe/Copenhagen",
            "SEQUENCE:2",
            "DTSTAMP:20261125T120000Z",
        ] {
            assert!(text.contains(&format!("{line}\r\n")), "missing {line}");
        }
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 2, "the series and its override");
        assert_eq!(text.matches("UID:abc@nabo").count(), 2, "the override shares the UID");
    }

    #[test]
    fn the_second_of_two_autumn_times_is_written_in_utc() {
        // 01:45 + 90 minutes ends at the second 02:15 (+01:00); as a wall-clock time it
        // would read as the first 02:15 (+02:00), an hour too early.
        let start = at("2026-10-25T01:45");
        let e = CalendarEvent {
            start,
            end: start + chrono::Duration::minutes(90),
            rrule: None,
            overrides: vec![],
            ..event()
        };
        let text = write_calendar("Nabo", &[e], stamp());
        assert!(text.contains("DTSTART;TZID=Europe/Copenhagen:20261025T014500\r\n"), "{text}");
        assert!(text.contains("DTEND:20261025T011500Z\r\n"), "{text}");
        // The first 02:15 stays a wall-clock time.
        let first = at("2026-10-25T02:15");
        let e = CalendarEvent {
            start: first,
            end: first + chrono::Duration::minutes(30),
            rrule: None,
            overrides: vec![],
            ..event()
        };
        assert!(write_calendar("Nabo", &[e], stamp()).contains("DTSTART;TZID=Europe/Copenhagen:20261025T021500\r\n"));
    }

    #[test]
    fn summer_times_are_written_as_wall_clock() {
        let summer = CalendarEvent {
            start: at("2027-06-15T17:00"),
            end: at("2027-06-15T19:00"),
            rrule: None,
            overrides: vec![],
            ..event()
        };
        let text = write_calendar("Nabo", &[summer], stamp());
        assert!(text.contains("DTSTART;TZID=Europe/Copenhagen:20270615T170000\r\n"));
        assert!(!text.contains("EXDATE"), "no EXDATE without a rule");
    }
}
