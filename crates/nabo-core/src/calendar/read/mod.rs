//! Reading other calendars' exports (Google, Outlook, Apple, Thunderbird) as busy time.
//!
//! [`read_busy`] turns the bytes of an `.ics` file into [`BusyEntry`] rows: one per event,
//! or per occurrence of a series inside a window, with times resolved to UTC (timed) or
//! kept as local dates (all-day). Only times, title, UID and the calendar's name are kept.
//!
//! How: [`lines`] unfolds and checks the file by hand (see there why), the `ical` crate
//! splits properties and parameters and builds the components, and this module reads the
//! values. Series are expanded by the `rrule` crate in the event's *wall-clock* time (a
//! naive local time dressed as UTC), then each occurrence is placed in its zone, so a
//! Tuesday 17:00 stays 17:00 across DST — in IANA zones, Windows-named zones and zones the
//! file defines itself alike.

mod lines;
mod windows_zones;
mod zone;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use ical::property::Property;
use rrule::RRuleSet;

use crate::time::ZONE;
use zone::{Observance, Zone, Zones};

/// The largest file Nabo reads (a ten-year Google calendar export is a few megabytes).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// At most this many occurrences of one series are imported.
pub const MAX_OCCURRENCES: usize = 2_000;
/// A series is followed at most this many rule steps (from its start) looking for the window.
const MAX_STEPS: u64 = 200_000;
/// At most this many notices of each kind are kept; the rest are only counted
/// (100,000 duplicate UIDs once printed 99,999 lines).
pub const MAX_NOTICES: usize = 10;

/// The work reading one whole file may do: a file is refused when it needs more.
///
/// The per-series caps ([`MAX_OCCURRENCES`], `MAX_STEPS`) cut one runaway series and say so;
/// they do not bound a file of many series (10,000 daily series took 1.4 GB, 1,000 series
/// of 1,000 meetings added a million rows, 1,000 rules that never match ran for minutes).
/// This budget does, and running out of it **refuses the file** instead of cutting it:
/// - the limits are far above any person's calendar (see [`ReadBudget::FILE`]), so a file
///   that reaches them is broken or hostile, not a volunteer's work calendar;
/// - importing replaces the calendar's rows, so a cut file would *remove* the events after
///   the cut that an earlier import had, and where it is cut depends on the file's order;
/// - a refusal names the limit and the UID and line where it ran out, and changes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadBudget {
    /// Busy entries (one-off events and occurrences inside the window) kept from the file.
    pub occurrences: usize,
    /// Rule steps across all series: one per period the `rrule` crate steps through
    /// (estimated from the gap between occurrences, see `expand`), weighted by what a step
    /// of that frequency costs.
    pub rule_steps: u64,
}

impl ReadBudget {
    /// The budget of every imported file.
    ///
    /// 100,000 entries: three years of 90 busy entries a day. The 10,000-event benchmark
    /// calendar (docs/BENCHMARKS.md, a deliberately heavy synthetic file) has 87,781 in its
    /// window and must still read; 100,000 rows are about 10 MB in the database (the issue
    /// measured 103 MB for a million). 10,000,000 rule steps: a step costs about 0.25 µs in
    /// a debug build (measured: 100,000 fruitless daily steps 24 ms, monthly 48 ms,
    /// hourly 36 ms), so the worst file stops after about 2.5 s in a debug build and well
    /// under that in release (docs/BENCHMARKS.md, "Import budget"); a ten-year calendar
    /// with 500 weekly series uses about 300,000.
    pub const FILE: ReadBudget = ReadBudget { occurrences: 100_000, rule_steps: 10_000_000 };
}
/// Titles are cut to this many characters.
const MAX_TITLE: usize = 200;
/// The longest event read (ten years): anything longer is a bad value, not busy time, and
/// no time read from a file is then near the end of what chrono can add to.
const MAX_LENGTH: Duration = Duration::days(3660);

/// What could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("the file is {bytes} bytes; at most {max} bytes are read")]
    TooLarge {
        /// Its size.
        bytes: u64,
        /// The limit.
        max: u64,
    },
    /// It does not begin with `BEGIN:VCALENDAR`.
    #[error("not an iCalendar file (it does not begin with BEGIN:VCALENDAR)")]
    NotICalendar,
    /// A line is not UTF-8 text.
    #[error("line {line} is not UTF-8 text")]
    NotUtf8 {
        /// Its number in the file.
        line: usize,
    },
    /// A line breaks the iCalendar syntax.
    #[error("line {line}: {reason}")]
    Malformed {
        /// Its number in the file.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// The file ends inside a component.
    #[error("the file ends inside {component} begun on line {line}")]
    Truncated {
        /// The component left open (e.g. `VEVENT`).
        component: String,
        /// Where it began.
        line: usize,
        /// Its UID, if it had one before the end.
        uid: Option<String>,
    },
    /// An event ends before it starts.
    #[error("event {uid} (line {line}) ends before it starts")]
    EndBeforeStart {
        /// Its UID.
        uid: String,
        /// Where it begins.
        line: usize,
    },
    /// A TZID that is neither a known zone name nor defined in the file.
    #[error("event {uid} (line {line}) uses the unknown time zone {tzid}")]
    UnknownZone {
        /// The TZID.
        tzid: String,
        /// The event's UID.
        uid: String,
        /// Where the event begins.
        line: usize,
    },
    /// A property's value cannot be read.
    #[error("event {uid} (line {line}): {property} has the unreadable value {value:?}")]
    BadValue {
        /// The property (e.g. `DTSTART`).
        property: String,
        /// Its value (cut to 80 characters).
        value: String,
        /// The event's UID.
        uid: String,
        /// Where the event begins.
        line: usize,
    },
    /// A RRULE that cannot be read.
    #[error("event {uid} (line {line}): its repeat rule cannot be read: {reason}")]
    BadRule {
        /// The event's UID.
        uid: String,
        /// Where the event begins.
        line: usize,
        /// Why.
        reason: String,
    },
    /// The file has more busy entries than [`ReadBudget::occurrences`].
    #[error("more than {max} events and occurrences; reading stopped at event {uid} (line {line})")]
    TooManyOccurrences {
        /// The limit.
        max: usize,
        /// The event being read when it ran out.
        uid: String,
        /// Where that event begins.
        line: usize,
    },
    /// Expanding the file's repeat rules needs more than [`ReadBudget::rule_steps`].
    #[error("its repeat rules need more than {max} steps; reading stopped at event {uid} (line {line})")]
    TooMuchRuleWork {
        /// The limit.
        max: u64,
        /// The series being expanded when it ran out.
        uid: String,
        /// Where that series begins.
        line: usize,
    },
}

/// When a piece of busy time is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BusyTime {
    /// From one instant to another.
    Timed {
        /// Start.
        start: DateTime<Utc>,
        /// End (equal to start for an event without length).
        end: DateTime<Utc>,
    },
    /// Whole days, wherever the user is.
    AllDay {
        /// The first day.
        first: NaiveDate,
        /// The day after the last (exclusive).
        until: NaiveDate,
    },
}

/// One event, or one occurrence of a series, from another calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusyEntry {
    /// The event's UID (shared by the occurrences of a series).
    pub uid: Arc<str>,
    /// Which occurrence of a series (its original start, `20260331T150000Z` or `20260331`); empty for a one-off.
    pub occurrence: String,
    /// Its title (SUMMARY), unescaped; may be empty.
    pub title: Arc<str>,
    /// When.
    pub time: BusyTime,
    /// `TRANSP:TRANSPARENT`: shown, but does not make the user busy.
    pub transparent: bool,
}

/// Something read but not imported in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadNotice {
    /// A series with more occurrences than Nabo imports; the first `kept` in the window were.
    Capped {
        /// The series' UID.
        uid: String,
        /// Where it begins.
        line: usize,
        /// How many occurrences were imported.
        kept: usize,
    },
    /// A second event with a UID already read; the first was kept.
    DuplicateUid {
        /// The UID.
        uid: String,
        /// Where the second begins.
        line: usize,
    },
    /// An event that cannot be read (its error says why), left out; the rest were read.
    Skipped {
        /// Why, naming the event's UID and line.
        reason: ReadError,
    },
    /// A TZID that names no zone Nabo knows and that the file does not define: the event's
    /// times were taken as local (Copenhagen) time, as other calendar apps do.
    FloatingZone {
        /// The TZID (cut to 80 characters).
        tzid: String,
        /// The event's UID.
        uid: String,
        /// Where the event begins.
        line: usize,
    },
    /// A line that is not part of the calendar (text after `END:VCALENDAR`, a line that is no
    /// content line), ignored.
    IgnoredLine {
        /// Its number in the file.
        line: usize,
    },
}

impl ReadError {
    /// True for an error of one event (a value, a time zone, a repeat rule, an end before its
    /// start): that event is left out and the rest of the file is read.
    pub fn is_one_event(&self) -> bool {
        matches!(
            self,
            ReadError::EndBeforeStart { .. }
                | ReadError::UnknownZone { .. }
                | ReadError::BadValue { .. }
                | ReadError::BadRule { .. }
        )
    }
}

/// What [`read_busy`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BusyCalendar {
    /// The calendar's own name (`X-WR-CALNAME` or `NAME`), if it has one.
    pub name: Option<String>,
    /// The busy time inside the window, sorted by UID and occurrence.
    pub entries: Vec<BusyEntry>,
    /// Events or occurrences outside the window (not imported).
    pub outside_window: usize,
    /// Cancelled events and occurrences (not imported).
    pub cancelled: usize,
    /// What was cut short: at most [`MAX_NOTICES`] of each kind, in file order.
    pub notices: Vec<ReadNotice>,
    /// How many series were cut short (all of them, not only those in `notices`).
    pub capped_series: usize,
    /// How many events were skipped for a UID already read (all of them).
    pub duplicate_uids: usize,
    /// How many events could not be read and were left out (all of them).
    pub skipped: usize,
    /// How many events had their times taken as local time for an unknown TZID.
    pub floating_zones: usize,
    /// How many lines were ignored.
    pub ignored_lines: usize,
}

impl BusyCalendar {
    /// Counts a notice, and keeps it if fewer than [`MAX_NOTICES`] of its kind are kept.
    fn notice(&mut self, notice: ReadNotice) {
        let seen = match notice {
            ReadNotice::Capped { .. } => &mut self.capped_series,
            ReadNotice::DuplicateUid { .. } => &mut self.duplicate_uids,
            ReadNotice::Skipped { .. } => &mut self.skipped,
            ReadNotice::FloatingZone { .. } => &mut self.floating_zones,
            ReadNotice::IgnoredLine { .. } => &mut self.ignored_lines,
        };
        *seen += 1;
        if *seen <= MAX_NOTICES {
            self.notices.push(notice);
        }
    }
}

/// Which busy time to read: occurrences that overlap `[from, to)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadWindow {
    /// Start of the window.
    pub from: DateTime<Utc>,
    /// End of the window.
    pub to: DateTime<Utc>,
}

impl ReadWindow {
    /// A year back and two years ahead of `now`: what the calendar and the conflict check look at.
    pub fn around(now: DateTime<Utc>) -> Self {
        Self { from: now - Duration::days(366), to: now + Duration::days(2 * 366) }
    }
}

/// Reads an iCalendar file as busy time inside `window`.
///
/// What cannot be read as a whole is refused, changing nothing: a file that is not a
/// calendar, one cut off inside a component (a truncated export would otherwise remove busy
/// times on re-import), one that needs more than [`ReadBudget::FILE`], or one in which no
/// event can be read. An event that cannot be read (a bad value, an end before its start, a
/// repeat rule that cannot be read) is left out and named in a [`ReadNotice::Skipped`]; a
/// TZID nobody defines is taken as local time, and lines outside the calendar are ignored,
/// each with a notice — as the calendar apps import what they can and say what they skipped.
pub fn read_busy(bytes: &[u8], window: ReadWindow) -> Result<BusyCalendar, ReadError> {
    read_busy_within(bytes, window, ReadBudget::FILE)
}

/// [`read_busy`] with another budget (tests use small ones).
pub fn read_busy_within(bytes: &[u8], window: ReadWindow, budget: ReadBudget) -> Result<BusyCalendar, ReadError> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { bytes: size, max: MAX_FILE_BYTES });
    }
    let normalized = lines::normalize(bytes)?;
    let origin = |line: usize| normalized.origin.get(line.saturating_sub(1)).copied().unwrap_or(line);
    let mut out = BusyCalendar::default();
    for &line in &normalized.ignored {
        out.notice(ReadNotice::IgnoredLine { line });
    }
    let mut first_skipped: Option<ReadError> = None;
    let mut raw = Vec::new();
    for calendar in ical::IcalParser::new(normalized.text.as_bytes()) {
        let calendar = calendar.map_err(|e| match e {
            ical::parser::ParserError::PropertyError(p) => {
                let line = match p {
                    ical::property::PropertyError::MissingName { line }
                    | ical::property::PropertyError::MissingClosingQuote { line }
                    | ical::property::PropertyError::MissingDelimiter { line, .. }
                    | ical::property::PropertyError::MissingContentAfter { line, .. }
                    | ical::property::PropertyError::MissingParamKey { line } => line,
                };
                let reason = p.to_string();
                let reason = reason.split_once(": ").map_or(reason.as_str(), |(_, r)| r).to_string();
                ReadError::Malformed { line: origin(line), reason }
            }
            other => ReadError::Malformed { line: 1, reason: other.to_string() },
        })?;
        if out.name.is_none() {
            out.name = ["X-WR-CALNAME", "NAME"]
                .iter()
                .find_map(|n| value(&calendar.properties, n))
                .map(|v| clean_title(&unescape(v)))
                .filter(|v| !v.is_empty());
        }
        let floating =
            value(&calendar.properties, "X-WR-TIMEZONE").and_then(zone::iana).map_or(Zone::Iana(ZONE), Zone::Iana);
        let mut zones = Zones::default();
        for tz in &calendar.timezones {
            let Some(tzid) = value(&tz.properties, "TZID") else { continue };
            let location = value(&tz.properties, "X-LIC-LOCATION").map(str::to_string);
            let observances = tz.transitions.iter().filter_map(|t| observance(&t.properties)).collect();
            zones.define(tzid.trim().to_string(), location, observances);
        }
        for event in &calendar.events {
            let mut floating_zones = Vec::new();
            match RawEvent::read(&event.properties, &mut zones, &floating, &mut floating_zones) {
                Ok(read) => {
                    for notice in floating_zones {
                        out.notice(notice);
                    }
                    raw.push(read);
                }
                Err(reason) if reason.is_one_event() => {
                    first_skipped.get_or_insert_with(|| reason.clone());
                    out.notice(ReadNotice::Skipped { reason });
                }
                Err(other) => return Err(other),
            }
        }
    }
    let read_any = !raw.is_empty();
    assemble(raw, window, &mut Work { budget, steps: 0 }, &mut out, &mut first_skipped)?;
    // Nothing readable at all: the file is refused with the first event's reason, as before.
    if let Some(reason) = first_skipped {
        if !read_any || (out.entries.is_empty() && out.outside_window == 0 && out.cancelled == 0) {
            return Err(reason);
        }
    }
    out.entries.sort_by(|a, b| (&a.uid, &a.occurrence).cmp(&(&b.uid, &b.occurrence)));
    // One row per occurrence, whatever the file says twice (an override moved onto another
    // occurrence's start): the store keeps one busy time per UID and occurrence.
    out.entries.dedup_by(|a, b| a.uid == b.uid && a.occurrence == b.occurrence);
    Ok(out)
}

fn value<'p>(properties: &'p [Property], name: &str) -> Option<&'p str> {
    properties.iter().find(|p| p.name == name).and_then(|p| p.value.as_deref()).map(str::trim)
}

fn param<'p>(property: &'p Property, name: &str) -> Option<&'p str> {
    property.params.as_ref()?.iter().find(|(n, _)| n == name).and_then(|(_, v)| v.first()).map(String::as_str)
}

/// Undoes RFC 5545 TEXT escaping (`\\`, `\,`, `\;`, `\n`).
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// A title through the text rule's lenient side (`text::tidy_line`: one line, controls
/// become spaces, direction-changing and invisible characters dropped, NFC, cut to
/// [`MAX_TITLE`] characters — not refused: it is not the user's typing); empty when it holds
/// personal data (the PII guard), so that a phone number in another calendar's event title
/// is not stored: the busy time is kept without its title.
fn clean_title(text: &str) -> String {
    let title = crate::text::tidy_line(text, MAX_TITLE);
    if crate::pii::find_personal_data(&title).is_some() {
        return String::new();
    }
    title
}

fn offset_seconds(text: &str) -> Option<i32> {
    let text = text.trim();
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let part = |range: std::ops::Range<usize>| digits.get(range).and_then(|d| d.parse::<i32>().ok()).unwrap_or(0);
    Some(sign * (part(0..2) * 3600 + part(2..4) * 60 + part(4..6)))
}

fn observance(properties: &[Property]) -> Option<Observance> {
    // A date alone (`DTSTART:19700101`, seen in the peers' files) is its midnight.
    let start = value(properties, "DTSTART").and_then(|v| {
        let v = v.trim_end_matches(['Z', 'z']);
        parse_local(v).or_else(|| parse_date(v).map(|d| d.and_time(NaiveTime::MIN)))
    })?;
    let from = value(properties, "TZOFFSETFROM").and_then(offset_seconds)?;
    let to = value(properties, "TZOFFSETTO").and_then(offset_seconds)?;
    let rule = value(properties, "RRULE").map(str::to_string);
    let dates = properties
        .iter()
        .filter(|p| p.name == "RDATE")
        .filter_map(|p| p.value.as_deref())
        .flat_map(|v| v.split(','))
        .filter_map(|v| parse_local(v.trim().trim_end_matches(['Z', 'z'])))
        .collect();
    Some(Observance { start, from, to, rule, dates })
}

/// `YYYYMMDDTHHMMSS`, read by hand (chrono's `parse_from_str` interprets its pattern on
/// every call, which showed in reading large calendars).
fn parse_local(text: &str) -> Option<NaiveDateTime> {
    let (date, time) = text.split_once(['T', 't'])?;
    let date = parse_date(date)?;
    if time.len() != 6 {
        return None;
    }
    let n = |range: std::ops::Range<usize>| number(time.get(range)?);
    date.and_hms_opt(n(0..2)?, n(2..4)?, n(4..6)?)
}

fn number(digits: &str) -> Option<u32> {
    digits.bytes().try_fold(0u32, |acc, b| b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0')))
}

/// `YYYYMMDD`, read by hand.
fn parse_date(text: &str) -> Option<NaiveDate> {
    if text.len() != 8 {
        return None;
    }
    let n = |range: std::ops::Range<usize>| number(text.get(range)?);
    NaiveDate::from_ymd_opt(i32::try_from(n(0..4)?).ok()?, n(4..6)?, n(6..8)?)
}

/// RFC 5545 §3.3.6 duration: `[+-]P[nW]` or `[+-]P[nD][T[nH][nM][nS]]`.
fn parse_duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    let (negative, rest) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let rest = rest.strip_prefix(['P', 'p'])?;
    let mut total = Duration::zero();
    let mut number = String::new();
    let mut in_time = false;
    let mut any = false;
    for c in rest.chars() {
        match c.to_ascii_uppercase() {
            d if d.is_ascii_digit() => number.push(d),
            'T' if number.is_empty() => in_time = true,
            unit => {
                let n: i64 = number.parse().ok()?;
                number.clear();
                any = true;
                // Checked: a value from a file (`P999999999999999999W`) must not panic in chrono.
                let part = match (unit, in_time) {
                    ('W', false) => Duration::try_weeks(n),
                    ('D', false) => Duration::try_days(n),
                    ('H', true) => Duration::try_hours(n),
                    ('M', true) => Duration::try_minutes(n),
                    ('S', true) => Duration::try_seconds(n),
                    _ => return None,
                }?;
                total = total.checked_add(&part)?;
            }
        }
    }
    (any && number.is_empty()).then_some(if negative { -total } else { total })
}

/// A DTSTART/DTEND/EXDATE/RECURRENCE-ID value.
#[derive(Debug, Clone)]
enum When {
    Date(NaiveDate),
    Time(NaiveDateTime, Zone),
}

impl When {
    /// The wall-clock time in `zone` (a date is its midnight).
    fn local_in(&self, zone: Option<&Zone>) -> NaiveDateTime {
        match (self, zone) {
            (When::Date(d), _) => d.and_time(NaiveTime::MIN),
            (When::Time(t, own), Some(zone)) => zone.local(own.instant(*t)),
            (When::Time(t, _), None) => *t,
        }
    }
}

/// An event as written, before series are expanded and overrides applied.
struct RawEvent {
    uid: Arc<str>,
    line: usize,
    title: Arc<str>,
    start: When,
    /// Its length in wall-clock time of its start's zone.
    length: Duration,
    rule: Option<String>,
    rdates: Vec<When>,
    exdates: Vec<When>,
    recurrence_id: Option<When>,
    cancelled: bool,
    transparent: bool,
    /// `SEQUENCE`: of two versions of one event in a file, the higher is the newer.
    sequence: i64,
    /// `RECURRENCE-ID;RANGE=THISANDFUTURE`: this override changes every later occurrence too.
    this_and_future: bool,
}

impl RawEvent {
    /// Reads one VEVENT; a TZID nobody defines is taken as `floating` and said in `notices`.
    fn read(
        properties: &[Property],
        zones: &mut Zones,
        floating: &Zone,
        notices: &mut Vec<ReadNotice>,
    ) -> Result<Self, ReadError> {
        let line = value(properties, lines::LINE_PROPERTY).and_then(|v| v.parse().ok()).unwrap_or(0);
        let title = value(properties, "SUMMARY").map(|v| clean_title(&unescape(v))).unwrap_or_default();
        let uid = match value(properties, "UID").filter(|u| !u.is_empty()) {
            Some(uid) => uid.to_string(),
            None => synthetic_uid(properties),
        };
        let bad = |property: &Property| ReadError::BadValue {
            property: property.name.clone(),
            value: property.value.as_deref().unwrap_or("").chars().take(80).collect(),
            uid: uid.clone(),
            line,
        };
        let mut when = |property: &Property, text: &str| -> Result<When, ReadError> {
            let text = text.trim();
            if param(property, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE")) || text.len() == 8 {
                return parse_date(text).map(When::Date).ok_or_else(|| bad(property));
            }
            if let Some(utc) = text.strip_suffix(['Z', 'z']) {
                return parse_local(utc).map(|t| When::Time(t, Zone::Utc)).ok_or_else(|| bad(property));
            }
            let local = parse_local(text).ok_or_else(|| bad(property))?;
            let zone = match param(property, "TZID") {
                None => floating.clone(),
                Some(tzid) => match zones.get(tzid.trim()) {
                    Some(zone) => zone,
                    None => {
                        let tzid: String = tzid.chars().take(80).collect();
                        if !notices.iter().any(|n| matches!(n, ReadNotice::FloatingZone { tzid: t, .. } if *t == tzid))
                        {
                            notices.push(ReadNotice::FloatingZone { tzid, uid: uid.clone(), line });
                        }
                        floating.clone()
                    }
                },
            };
            Ok(When::Time(local, zone))
        };
        let find = |name: &str| properties.iter().find(|p| p.name == name);
        let Some(dtstart) = find("DTSTART") else {
            return Err(ReadError::BadValue { property: "DTSTART".into(), value: String::new(), uid, line });
        };
        let start = when(dtstart, dtstart.value.as_deref().unwrap_or(""))?;
        let start_zone = match &start {
            When::Time(_, zone) => Some(zone.clone()),
            When::Date(_) => None,
        };
        let start_local = start.local_in(None);
        let length = if let Some(dtend) = find("DTEND") {
            let end = when(dtend, dtend.value.as_deref().unwrap_or(""))?;
            if matches!(start, When::Date(_)) != matches!(end, When::Date(_)) {
                return Err(bad(dtend));
            }
            end.local_in(start_zone.as_ref()) - start_local
        } else if let Some(duration) = find("DURATION") {
            parse_duration(duration.value.as_deref().unwrap_or("")).ok_or_else(|| bad(duration))?
        } else if matches!(start, When::Date(_)) {
            Duration::days(1)
        } else {
            Duration::zero()
        };
        if length < Duration::zero() {
            return Err(ReadError::EndBeforeStart { uid, line });
        }
        if length > MAX_LENGTH {
            let property = find("DTEND").or_else(|| find("DURATION")).unwrap_or(dtstart);
            return Err(bad(property));
        }
        let mut list = |name: &str| -> Result<Vec<When>, ReadError> {
            let mut out = Vec::new();
            for p in properties.iter().filter(|p| p.name == name) {
                if param(p, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("PERIOD")) {
                    continue;
                }
                for part in p.value.as_deref().unwrap_or("").split(',').filter(|s| !s.trim().is_empty()) {
                    out.push(when(p, part)?);
                }
            }
            Ok(out)
        };
        let rdates = list("RDATE")?;
        let exdates = list("EXDATE")?;
        let recurrence_id = list("RECURRENCE-ID")?.into_iter().next();
        let this_and_future = find("RECURRENCE-ID")
            .and_then(|p| param(p, "RANGE"))
            .is_some_and(|range| range.eq_ignore_ascii_case("THISANDFUTURE"));
        let is = |name: &str, expected: &str| value(properties, name).is_some_and(|v| v.eq_ignore_ascii_case(expected));
        Ok(Self {
            line,
            title: title.into(),
            start,
            length,
            rule: value(properties, "RRULE").map(str::to_string),
            rdates,
            exdates,
            recurrence_id,
            this_and_future,
            cancelled: is("STATUS", "CANCELLED"),
            transparent: is("TRANSP", "TRANSPARENT"),
            sequence: value(properties, "SEQUENCE").and_then(|v| v.parse().ok()).unwrap_or(0),
            uid: uid.into(),
        })
    }

    fn zone(&self) -> Option<&Zone> {
        match &self.start {
            When::Time(_, zone) => Some(zone),
            When::Date(_) => None,
        }
    }

    /// Busy time for an occurrence starting at `local` (wall clock of the start's zone).
    fn time_at(&self, local: NaiveDateTime) -> BusyTime {
        self.time_for(local, self.length)
    }

    /// Busy time of `length` from `local` (wall clock of this event's start's zone).
    fn time_for(&self, local: NaiveDateTime, length: Duration) -> BusyTime {
        match self.zone() {
            Some(zone) => BusyTime::Timed { start: zone.instant(local), end: zone.instant(local + length) },
            None => {
                let first = local.date();
                let until = (local + length).date().max(first + Duration::days(1));
                BusyTime::AllDay { first, until }
            }
        }
    }

    /// The key of the occurrence the rule puts at `local` (`20260331T150000Z`, or `20260331` all day).
    fn key_at(&self, local: NaiveDateTime) -> String {
        key_of(&self.time_at(local))
    }

    fn entry_at(&self, occurrence: String, time: BusyTime) -> BusyEntry {
        BusyEntry { uid: self.uid.clone(), occurrence, title: self.title.clone(), time, transparent: self.transparent }
    }

    fn entry(&self, occurrence: String, local: NaiveDateTime) -> BusyEntry {
        self.entry_at(occurrence, self.time_at(local))
    }

    /// The wall-clock starts of a series inside `[from, to)` (wall clock), and whether it was
    /// cut short; its steps are charged to `work`.
    fn expand(
        &self,
        rule: &str,
        from: NaiveDateTime,
        to: NaiveDateTime,
        work: &mut Work,
    ) -> Result<(Vec<NaiveDateTime>, bool), ReadError> {
        let bad = |reason: String| ReadError::BadRule { uid: self.uid.to_string(), line: self.line, reason };
        let utc = |t: NaiveDateTime| rrule::Tz::UTC.from_utc_datetime(&t);
        let text = zone::until_as_utc(rule, self.zone().unwrap_or(&Zone::Utc));
        let start = self.start.local_in(None);
        // An UNTIL before the start ends the series before it begins: no occurrence, as the
        // peers (`recurring-ical-events`) read it, instead of a rule refused.
        if until_in(&text).is_some_and(|until| until < start) {
            return Ok((Vec::new(), false));
        }
        let parsed = crate::recurrence::parse_rule(&text).map_err(bad)?;
        let valid = parsed.validate(utc(start)).map_err(|e| bad(e.to_string()))?;
        let (period, weight) = step_of(valid.get_freq(), valid.get_interval());
        let local = |w: &When| self.on_series_clock(w);
        let set = self.rdates.iter().fold(RRuleSet::new(utc(start)).rrule(valid), |s, d| s.rdate(utc(local(d))));
        // `limit()`: the crate gives up after 100,000 periods without an occurrence instead of
        // stepping on to the year 10,000 (FREQ=HOURLY;BYSETPOS=2 ran 26 s, MINUTELY would run
        // for hours; limited, each is about 40 ms in a debug build).
        let set = self.exdates.iter().fold(set, |s, d| s.exdate(utc(local(d)))).limit();
        // Each EXDATE may cost the crate a step skipping it.
        work.charge(self.exdates.len() as u64, self)?;
        let mut starts = Vec::new();
        let mut capped = false;
        let mut spent: u64 = 0;
        let (mut last, mut widest, mut yielded, mut ran_dry) = (start, 0u64, false, true);
        for at in &set {
            let at = at.naive_utc();
            // The crate steps one period at a time, so the steps behind this occurrence are
            // the periods since the last one (at least one): a rule that matches once in four
            // years on a daily frequency pays for the 1,461 days it stepped through.
            let periods = u64::try_from((at - last).num_seconds()).unwrap_or(0) / period;
            let steps = periods.max(1) * weight;
            work.charge(steps, self)?;
            (spent, widest, yielded, last) = (spent + steps, widest.max(steps), true, at);
            if at >= to {
                ran_dry = false;
                break;
            }
            if spent >= MAX_STEPS || starts.len() >= MAX_OCCURRENCES {
                (capped, ran_dry) = (true, false);
                break;
            }
            if at + self.length >= from {
                starts.push(at);
            }
        }
        if ran_dry {
            // The crate's last search found nothing. A rule that never gave an occurrence
            // searched until its limit (100,000 periods, or to the year 10,000): charged as
            // FRUITLESS_SEARCH. One that did ended by UNTIL or COUNT at about one gap further.
            work.charge(if yielded { widest } else { FRUITLESS_SEARCH }, self)?;
        }
        // An RDATE on a day the rule gives too is one occurrence (two rows of one key broke
        // the import: peers' rdate.ics).
        starts.dedup();
        Ok((starts, capped))
    }

    /// A RECURRENCE-ID/EXDATE/RDATE value on this series' wall clock (a date keeps the series' time of day).
    fn on_series_clock(&self, when: &When) -> NaiveDateTime {
        match when {
            When::Date(d) => d.and_time(self.start.local_in(None).time()),
            other => other.local_in(self.zone()),
        }
    }
}

/// The UNTIL of a rule as `zone::until_as_utc` wrote it (the series' wall clock), if it has one.
fn until_in(rule: &str) -> Option<NaiveDateTime> {
    rule.split(';').find_map(|part| {
        let (key, value) = part.split_once('=')?;
        key.eq_ignore_ascii_case("UNTIL").then(|| parse_local(value.trim_end_matches(['Z', 'z'])))?
    })
}

/// The key of an occurrence at `time`: `20260331T150000Z`, or `20260331` all day.
fn key_of(time: &BusyTime) -> String {
    let mut key = String::with_capacity(16);
    match *time {
        BusyTime::Timed { start, .. } => super::push_basic(&mut key, start.date_naive(), Some(start.time()), true),
        BusyTime::AllDay { first, .. } => super::push_basic(&mut key, first, None, false),
    }
    key
}

/// A stable UID for an event that has none (some exporters omit it): from its start and title.
fn synthetic_uid(properties: &[Property]) -> String {
    // FNV-1a: stable across runs and platforms (std's hasher is not).
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for name in ["DTSTART", "DTEND", "SUMMARY", "RRULE"] {
        for b in value(properties, name).unwrap_or("").bytes().chain([0]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("nabo-no-uid-{hash:016x}")
}

/// What a fruitless search by the `rrule` crate costs, in rule steps: measured in a debug
/// build, 100,000 fruitless monthly periods took 48 ms and the yearly ones to the year 10,000
/// 36 ms, about what 200,000 daily steps cost.
const FRUITLESS_SEARCH: u64 = 200_000;

/// The seconds of one period of a rule, at least, and the weight of a step of it: a yearly
/// step builds a whole year of days and costs about 16 daily ones (4.5 µs against 0.28 µs
/// measured), a monthly one two.
fn step_of(freq: rrule::Frequency, interval: u16) -> (u64, u64) {
    use rrule::Frequency as F;
    let (seconds, weight) = match freq {
        F::Secondly => (1, 1),
        F::Minutely => (60, 1),
        F::Hourly => (3_600, 1),
        F::Daily => (86_400, 1),
        F::Weekly => (7 * 86_400, 1),
        F::Monthly => (28 * 86_400, 2),
        F::Yearly => (365 * 86_400, 16),
    };
    (seconds * u64::from(interval.max(1)), weight)
}

/// The budget of one file and what has been spent of it.
struct Work {
    budget: ReadBudget,
    steps: u64,
}

impl Work {
    /// Spends `steps` expanding `event`'s rule; refuses the file when the budget runs out.
    fn charge(&mut self, steps: u64, event: &RawEvent) -> Result<(), ReadError> {
        self.steps = self.steps.saturating_add(steps);
        if self.steps > self.budget.rule_steps {
            return Err(ReadError::TooMuchRuleWork {
                max: self.budget.rule_steps,
                uid: event.uid.to_string(),
                line: event.line,
            });
        }
        Ok(())
    }

    /// Keeps `entry` if it overlaps the window, else counts it; refuses the file past the budget.
    fn keep(&self, entry: BusyEntry, line: usize, window: ReadWindow, out: &mut BusyCalendar) -> Result<(), ReadError> {
        let overlaps = match entry.time {
            BusyTime::Timed { start, end } => end >= window.from && start < window.to,
            BusyTime::AllDay { first, until } => {
                let (from, to) = (window.from.date_naive(), window.to.date_naive());
                until > from && first <= to
            }
        };
        if !overlaps {
            out.outside_window += 1;
            return Ok(());
        }
        if out.entries.len() >= self.budget.occurrences {
            let max = self.budget.occurrences;
            return Err(ReadError::TooManyOccurrences { max, uid: entry.uid.to_string(), line });
        }
        out.entries.push(entry);
        Ok(())
    }
}

/// Expands series, applies overrides and cancellations, and keeps what overlaps the window.
/// Expands the series and applies their overrides; a series whose repeat rule cannot be read
/// is left out (with its overrides) and named in a notice, its reason kept in `first_skipped`
/// if none is yet.
fn assemble(
    raw: Vec<RawEvent>,
    window: ReadWindow,
    work: &mut Work,
    out: &mut BusyCalendar,
    first_skipped: &mut Option<ReadError>,
) -> Result<(), ReadError> {
    let mut masters: Vec<RawEvent> = Vec::new();
    let mut by_uid: HashMap<Arc<str>, usize> = HashMap::new();
    let mut overrides: HashMap<Arc<str>, Vec<RawEvent>> = HashMap::new();
    for event in raw {
        if event.recurrence_id.is_some() {
            overrides.entry(event.uid.clone()).or_default().push(event);
        } else if let Some(&at) = by_uid.get(&event.uid) {
            // Two versions of one event (an update mailed after the first): the higher
            // SEQUENCE is the newer and is kept, as the peers keep it; on a tie the first.
            match masters.get_mut(at) {
                Some(kept) if event.sequence > kept.sequence => {
                    let older = std::mem::replace(kept, event);
                    out.notice(ReadNotice::DuplicateUid { uid: older.uid.to_string(), line: older.line });
                }
                _ => out.notice(ReadNotice::DuplicateUid { uid: event.uid.to_string(), line: event.line }),
            }
        } else {
            by_uid.insert(event.uid.clone(), masters.len());
            masters.push(event);
        }
    }
    for master in &masters {
        let mut changed: HashMap<NaiveDateTime, &RawEvent> = HashMap::new();
        for o in overrides.get(&master.uid).into_iter().flatten() {
            if let Some(id) = &o.recurrence_id {
                changed.insert(master.on_series_clock(id), o);
            }
        }
        let starts = match &master.rule {
            // RDATEs without a rule: the start and each date, less the EXDATEs.
            None if !master.rdates.is_empty() => {
                let excluded: Vec<NaiveDateTime> = master.exdates.iter().map(|d| master.on_series_clock(d)).collect();
                let mut starts: Vec<NaiveDateTime> = std::iter::once(master.start.local_in(None))
                    .chain(master.rdates.iter().map(|d| master.on_series_clock(d)))
                    .filter(|t| !excluded.contains(t))
                    .collect();
                starts.sort();
                starts.dedup();
                starts
            }
            None => vec![master.start.local_in(None)],
            Some(rule) => {
                let margin = Duration::days(2);
                let clock = |t: DateTime<Utc>| master.zone().map_or(t.naive_utc(), |z| z.local(t));
                let (starts, capped) =
                    match master.expand(rule, clock(window.from) - margin, clock(window.to) + margin, work) {
                        Ok(expanded) => expanded,
                        Err(reason) if reason.is_one_event() => {
                            first_skipped.get_or_insert_with(|| reason.clone());
                            out.notice(ReadNotice::Skipped { reason });
                            continue;
                        }
                        Err(other) => return Err(other),
                    };
                if capped {
                    out.notice(ReadNotice::Capped {
                        uid: master.uid.to_string(),
                        line: master.line,
                        kept: starts.len(),
                    });
                }
                starts
            }
        };
        if master.cancelled {
            out.cancelled += starts.len().max(1);
            continue;
        }
        let series = master.rule.is_some() || !master.rdates.is_empty();
        // RANGE=THISANDFUTURE overrides (RFC 5545 §3.8.4.4), by the occurrence they begin at:
        // each later occurrence is moved as that one was (on the series' clock) and takes its
        // length and title.
        let mut futures: Vec<(NaiveDateTime, &RawEvent)> = overrides
            .get(&master.uid)
            .into_iter()
            .flatten()
            .filter(|o| o.this_and_future && !o.cancelled)
            .filter_map(|o| Some((master.on_series_clock(o.recurrence_id.as_ref()?), o)))
            .collect();
        futures.sort_by_key(|(id, _)| *id);
        // A moved occurrence past the rule's UNTIL is gone, as the peers move and bound them.
        let until = master
            .rule
            .as_deref()
            .and_then(|rule| until_in(&zone::until_as_utc(rule, master.zone().unwrap_or(&Zone::Utc))));
        for local in starts {
            let time = master.time_at(local);
            let key = if series { key_of(&time) } else { String::new() };
            match if changed.is_empty() { None } else { changed.remove(&local) } {
                Some(o) if o.cancelled => out.cancelled += 1,
                Some(o) => work.keep(o.entry(key, o.start.local_in(None)), o.line, window, out)?,
                None => match futures.iter().rev().find(|(id, _)| *id <= local) {
                    Some((id, o)) => {
                        let moved = local + (master.on_series_clock(&o.start) - *id);
                        if until.is_none_or(|until| moved <= until) {
                            work.keep(o.entry_at(key, master.time_for(moved, o.length)), o.line, window, out)?
                        }
                    }
                    None => work.keep(master.entry_at(key, time), master.line, window, out)?,
                },
            }
        }
        // Overrides that moved an occurrence from outside the expanded range into view.
        for o in changed.into_values().filter(|o| !o.cancelled && series) {
            let key = master.key_at(master.on_series_clock(o.recurrence_id.as_ref().unwrap_or(&o.start)));
            work.keep(o.entry(key, o.start.local_in(None)), o.line, window, out)?;
        }
    }
    // Overrides whose series is not in the file (an invitation to one meeting of a series).
    for (uid, list) in overrides {
        if by_uid.contains_key(&uid) {
            continue;
        }
        for o in list {
            if o.cancelled {
                out.cancelled += 1;
                continue;
            }
            let key = o.recurrence_id.as_ref().map_or_else(String::new, |id| o.key_at(o.on_series_clock(id)));
            work.keep(o.entry(key, o.start.local_in(None)), o.line, window, out)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window() -> ReadWindow {
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap_or_default();
        ReadWindow { from: at("2026-01-01T00:00:00Z"), to: at("2027-01-01T00:00:00Z") }
    }

    fn read(events: &str) -> Result<BusyCalendar, ReadError> {
        let file = format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Arbejde\r\n{events}END:VCALENDAR\r\n");
        read_busy(file.as_bytes(), window())
    }

    fn timed(entry: &BusyEntry) -> (String, String) {
        match entry.time {
            BusyTime::Timed { start, end } => (start.format("%FT%RZ").to_string(), end.format("%FT%RZ").to_string()),
            BusyTime::AllDay { first, until } => (first.to_string(), until.to_string()),
        }
    }

    fn copenhagen(entry: &BusyEntry) -> String {
        match entry.time {
            BusyTime::Timed { start, .. } => start.with_timezone(&ZONE).format("%a %F %R").to_string(),
            BusyTime::AllDay { first, .. } => first.to_string(),
        }
    }

    #[test]
    fn a_tuesday_series_stays_at_17_00_across_both_dst_changes() {
        let got = read(
            "BEGIN:VEVENT\r\nUID:tue\r\nSUMMARY:Kor\r\nDTSTART;TZID=Europe/Copenhagen:20260317T170000\r\n\
             DTEND;TZID=Europe/Copenhagen:20260317T190000\r\nRRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20261103T160000Z\r\nEND:VEVENT\r\n",
        )
        .unwrap_or_default();
        assert_eq!(got.name.as_deref(), Some("Arbejde"));
        assert_eq!(got.entries.len(), 34, "17 March .. 3 November");
        assert!(got.entries.iter().all(|e| copenhagen(e).ends_with("17:00")), "{:?}", got.entries);
        assert_eq!(timed(&got.entries[1]), ("2026-03-24T16:00Z".into(), "2026-03-24T18:00Z".into()));
        assert_eq!(timed(&got.entries[2]), ("2026-03-31T15:00Z".into(), "2026-03-31T17:00Z".into()));
        assert_eq!(got.entries[2].occurrence, "20260331T150000Z");
        assert_eq!(timed(&got.entries[33]), ("2026-11-03T16:00Z".into(), "2026-11-03T18:00Z".into()));
    }

    #[test]
    fn windows_zone_names_and_a_files_own_zone_are_placed_right() {
        let got = read(
            "BEGIN:VTIMEZONE\r\nTZID:Customized Time Zone\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\n\
             TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\n\
             BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n\
             RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n\
             BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Romance Standard Time:20260330T090000\r\n\
             DTEND;TZID=Romance Standard Time:20260330T100000\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=\"Customized Time Zone\":20260323T090000\r\nDURATION:PT30M\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:c\r\nDTSTART;TZID=Customized Time Zone:20260330T090000\r\nDURATION:PT30M\r\nEND:VEVENT\r\n",
        )
        .unwrap_or_default();
        let times: Vec<_> = got.entries.iter().map(timed).collect();
        assert_eq!(
            times,
            [
                ("2026-03-30T07:00Z".into(), "2026-03-30T08:00Z".into()),
                ("2026-03-23T08:00Z".into(), "2026-03-23T08:30Z".into()),
                ("2026-03-30T07:00Z".into(), "2026-03-30T07:30Z".into()),
            ]
        );
    }

    #[test]
    fn all_day_events_stay_on_their_days() {
        let got = read(
            "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20261225\r\nDTEND;VALUE=DATE:20261227\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:b\r\nDTSTART;VALUE=DATE:20260329\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:c\r\nDTSTART;VALUE=DATE:20260105\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nEXDATE;VALUE=DATE:20260112\r\nEND:VEVENT\r\n",
        )
        .unwrap_or_default();
        let days: Vec<_> = got.entries.iter().map(|e| (e.occurrence.clone(), timed(e))).collect();
        assert_eq!(
            days,
            [
                (String::new(), ("2026-12-25".into(), "2026-12-27".into())),
                (String::new(), ("2026-03-29".into(), "2026-03-30".into())),
                ("20260105".into(), ("2026-01-05".into(), "2026-01-06".into())),
                ("20260119".into(), ("2026-01-19".into(), "2026-01-20".into())),
            ]
        );
    }

    #[test]
    fn exdates_overrides_and_cancellations_apply_to_their_occurrences() {
        let got = read(
            "BEGIN:VEVENT\r\nUID:s\r\nSUMMARY:Holdmøde\r\nDTSTART;TZID=Europe/Copenhagen:20261006T100000\r\nDURATION:PT1H\r\n\
             RRULE:FREQ=WEEKLY;COUNT=5\r\nEXDATE;TZID=Europe/Copenhagen:20261013T100000\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:s\r\nSUMMARY:Holdmøde (flyttet)\r\nRECURRENCE-ID:20261020T080000Z\r\n\
             DTSTART;TZID=Europe/Copenhagen:20261021T140000\r\nDTEND;TZID=Europe/Copenhagen:20261021T150000\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID;TZID=Europe/Copenhagen:20261027T100000\r\nSTATUS:CANCELLED\r\n\
             DTSTART;TZID=Europe/Copenhagen:20261027T100000\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:gone\r\nSTATUS:CANCELLED\r\nDTSTART:20261001T100000Z\r\nEND:VEVENT\r\n",
        )
        .unwrap_or_default();
        let seen: Vec<_> = got.entries.iter().map(|e| (copenhagen(e), e.title.clone())).collect();
        assert_eq!(
            seen,
            [
                ("Tue 2026-10-06 10:00".into(), "Holdmøde".into()),
                ("Wed 2026-10-21 14:00".into(), "Holdmøde (flyttet)".into()),
                ("Tue 2026-11-03 10:00".into(), "Holdmøde".into()),
            ]
        );
        assert_eq!(got.entries[1].occurrence, "20261020T080000Z", "the override keeps the occurrence it replaces");
        assert_eq!(got.cancelled, 2);
    }

    #[test]
    fn utc_floating_durations_and_escaped_titles() {
        let got = read(
            "BEGIN:VEVENT\r\nUID:u\r\nDTSTART:20260701T080000Z\r\nDTEND:20260701T090000Z\r\nSUMMARY:Læge\\, tand\\; kontrol\\nog mere\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:f\r\nDTSTART:20260701T120000\r\nDURATION:P1DT2H\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:z\r\nDTSTART:20260702T120000Z\r\nEND:VEVENT\r\n",
        )
        .unwrap_or_default();
        let times: Vec<_> = got.entries.iter().map(timed).collect();
        assert_eq!(
            times,
            [
                ("2026-07-01T10:00Z".into(), "2026-07-02T12:00Z".into()),
                ("2026-07-01T08:00Z".into(), "2026-07-01T09:00Z".into()),
                ("2026-07-02T12:00Z".into(), "2026-07-02T12:00Z".into()),
            ]
        );
        assert_eq!(&*got.entries[1].title, "Læge, tand; kontrol og mere");
    }

    #[test]
    fn titles_with_personal_data_are_dropped_and_the_busy_time_kept() {
        let got = read(
            "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260701T080000Z\r\nDTEND:20260701T090000Z\r\nSUMMARY:Ring Fatima 22 33 44 55\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20260702T080000Z\r\nDTEND:20260702T090000Z\r\nSUMMARY:Tandlæge kl. 10.30\r\nEND:VEVENT\r\n",
        )
        .unwrap_or_default();
        let titles: Vec<_> = got.entries.iter().map(|e| &*e.title).collect();
        assert_eq!(titles, ["", "Tandlæge kl. 10.30"]);
    }

    #[test]
    fn a_file_whose_only_event_is_bad_is_refused_naming_uid_and_line() {
        let end_first =
            read("BEGIN:VEVENT\r\nUID:x1\r\nDTSTART:20260701T100000Z\r\nDTEND:20260701T090000Z\r\nEND:VEVENT\r\n");
        assert_eq!(end_first, Err(ReadError::EndBeforeStart { uid: "x1".into(), line: 4 }));
        let garbage = read("BEGIN:VEVENT\r\nUID:g\r\nDTSTART:2026-07-01 10:00\r\nEND:VEVENT\r\n");
        assert!(matches!(garbage, Err(ReadError::BadValue { ref property, line: 4, .. }) if property == "DTSTART"));
        let rule = read("BEGIN:VEVENT\r\nUID:r\r\nDTSTART:20260701T100000Z\r\nRRULE:FREQ=SOMETIMES\r\nEND:VEVENT\r\n");
        assert!(matches!(rule, Err(ReadError::BadRule { line: 4, .. })), "{rule:?}");
    }

    /// Issue 15: "Western/Central Europe" (an Outlook name nobody defines) in a file without
    /// its VTIMEZONE: the times are local, as the peers read them, and it is said.
    #[test]
    fn an_unknown_tzid_is_taken_as_local_time_and_said_once() {
        let got = read(
            "BEGIN:VEVENT\r\nUID:m\r\nDTSTART;TZID=Mars/Olympus_Mons:20260701T100000\r\n\
             DTEND;TZID=Mars/Olympus_Mons:20260701T113000\r\nEND:VEVENT\r\n",
        )
        .expect("read");
        assert_eq!(got.entries.len(), 1);
        assert_eq!(copenhagen(&got.entries[0]), "Wed 2026-07-01 10:00");
        assert_eq!(
            got.notices,
            [ReadNotice::FloatingZone { tzid: "Mars/Olympus_Mons".into(), uid: "m".into(), line: 4 }]
        );
    }

    /// Issue 15: one bad event no longer refuses a work calendar; the others are read, each
    /// bad one is named with its UID, line and reason.
    #[test]
    fn bad_events_are_left_out_named_and_the_rest_is_read() {
        let got = read(
            "BEGIN:VEVENT\r\nUID:good\r\nDTSTART:20260701T100000Z\r\nDTEND:20260701T110000Z\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:backwards\r\nDTSTART:20260702T100000Z\r\nDTEND:20260702T090000Z\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:huge\r\nDTSTART:20260703T100000Z\r\nDURATION:P999999999999999999W\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:rule\r\nDTSTART:20260704T100000Z\r\nRRULE:FREQ=SOMETIMES\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:rule\r\nRECURRENCE-ID:20260711T100000Z\r\nDTSTART:20260711T120000Z\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:long\r\nDTSTART:20260705T100000Z\r\nDTEND:20990705T100000Z\r\nEND:VEVENT\r\n",
        )
        .expect("the good event is read");
        assert_eq!(got.entries.iter().map(|e| &*e.uid).collect::<Vec<_>>(), ["good"]);
        let skipped: Vec<(String, usize)> = got
            .notices
            .iter()
            .filter_map(|n| match n {
                ReadNotice::Skipped { reason: ReadError::EndBeforeStart { uid, line } } => Some((uid.clone(), *line)),
                ReadNotice::Skipped { reason: ReadError::BadValue { uid, line, .. } } => Some((uid.clone(), *line)),
                ReadNotice::Skipped { reason: ReadError::BadRule { uid, line, .. } } => Some((uid.clone(), *line)),
                _ => None,
            })
            .collect();
        assert_eq!(
            skipped,
            [("backwards".into(), 9), ("huge".into(), 14), ("long".into(), 29), ("rule".into(), 19)],
            "{:?}",
            got.notices
        );
        assert_eq!(got.skipped, 4);
    }

    /// Issue 15, from the peers' suites: RDATEs without a rule are a series (hackerpublicradio's
    /// twelve dates), and an RDATE the rule gives too is one occurrence (`rdate.ics` broke the
    /// import with two rows of one key).
    #[test]
    fn rdates_alone_are_a_series_and_an_rdate_the_rule_gives_too_counts_once() {
        let alone = read(
            "BEGIN:VEVENT\r\nUID:hpr\r\nDTSTART:20260103T190000Z\r\nDTEND:20260103T210000Z\r\n\
             RDATE;VALUE=DATE-TIME:20260103T190000Z\r\nRDATE:20260131T190000Z,20260307T190000Z\r\n\
             RDATE:20260404T190000Z\r\nEXDATE:20260307T190000Z\r\nEND:VEVENT\r\n",
        )
        .expect("read");
        let starts: Vec<String> = alone.entries.iter().map(|e| timed(e).0).collect();
        assert_eq!(starts, ["2026-01-03T19:00Z", "2026-01-31T19:00Z", "2026-04-04T19:00Z"]);
        let both = read(
            "BEGIN:VEVENT\r\nUID:d\r\nDTSTART:20260701T190000Z\r\nRRULE:FREQ=DAILY;COUNT=5\r\n\
             RDATE:20260703T190000Z\r\nEND:VEVENT\r\n",
        )
        .expect("read");
        assert_eq!(both.entries.len(), 5, "{:?}", both.entries);
    }

    /// Issue 15: rules the peers read although they break RFC 5545.
    #[test]
    fn a_part_given_twice_a_negative_count_and_an_until_before_the_start_are_read_as_the_peers_read_them() {
        let rule = |rule: &str| {
            read(&format!("BEGIN:VEVENT\r\nUID:r\r\nDTSTART:20260701T100000Z\r\nRRULE:{rule}\r\nEND:VEVENT\r\n"))
                .map(|c| c.entries.len())
        };
        assert_eq!(rule("FREQ=DAILY;UNTIL=20260705T100000Z;FREQ=WEEKLY"), Ok(5), "the first FREQ");
        assert_eq!(rule("FREQ=DAILY;COUNT=-1;UNTIL=20260703T100000Z"), Ok(3), "COUNT=-1 left out");
        assert_eq!(rule("FREQ=DAILY;UNTIL=20260601T100000Z"), Ok(0), "UNTIL before DTSTART: no occurrence");
    }

    /// Issue 15: two versions of one event (an update mailed after the first): the higher
    /// SEQUENCE is kept, whichever comes first in the file.
    #[test]
    fn of_two_versions_of_one_event_the_higher_sequence_is_kept() {
        // Version 0 is on 2 July, version 1 on 1 July.
        let version = |n: u32| {
            format!("BEGIN:VEVENT\r\nUID:v\r\nSEQUENCE:{n}\r\nDTSTART:2026070{}T100000Z\r\nEND:VEVENT\r\n", 2 - n)
        };
        for (first, second) in [(0, 1), (1, 0)] {
            let got = read(&format!("{}{}", version(first), version(second))).expect("read");
            assert_eq!(got.entries.len(), 1);
            assert_eq!(timed(&got.entries[0]).0, "2026-07-01T10:00Z", "SEQUENCE 1 is 1 July");
            assert_eq!(got.duplicate_uids, 1);
        }
    }

    /// Issue 15, recurring-ical-events' `issue_75`: RECURRENCE-ID;RANGE=THISANDFUTURE moves
    /// that occurrence and every later one as it moved that one (time, length, title), and a
    /// moved occurrence past the rule's UNTIL is gone.
    #[test]
    fn an_override_of_this_and_future_moves_every_later_occurrence() {
        let got = read(
            "BEGIN:VEVENT\r\nUID:s\r\nSUMMARY:Kor\r\nDTSTART:20260701T120000Z\r\nDTEND:20260701T140000Z\r\n\
             RRULE:FREQ=DAILY;UNTIL=20260706T120000Z\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:s\r\nSUMMARY:Kor flyttet\r\nRECURRENCE-ID;RANGE=THISANDFUTURE:20260703T120000Z\r\n\
             DTSTART:20260704T090000Z\r\nDTEND:20260704T100000Z\r\nEND:VEVENT\r\n",
        )
        .expect("read");
        let got: Vec<(String, String, String)> =
            got.entries.iter().map(|e| (timed(e).0, timed(e).1, e.title.to_string())).collect();
        let row = |s: &str, e: &str, t: &str| (s.to_string(), e.to_string(), t.to_string());
        assert_eq!(
            got,
            [
                row("2026-07-01T12:00Z", "2026-07-01T14:00Z", "Kor"),
                row("2026-07-02T12:00Z", "2026-07-02T14:00Z", "Kor"),
                row("2026-07-04T09:00Z", "2026-07-04T10:00Z", "Kor flyttet"),
                row("2026-07-05T09:00Z", "2026-07-05T10:00Z", "Kor flyttet"),
                row("2026-07-06T09:00Z", "2026-07-06T10:00Z", "Kor flyttet"),
            ],
            "the 6 July meeting moves to the 7th, past UNTIL"
        );
    }

    /// Issue 15, icalendar's `issue_218_bad_tzid.ics`: an observance whose DTSTART is a date.
    #[test]
    fn a_zone_whose_observance_starts_on_a_date_is_read() {
        let got = read(
            "BEGIN:VTIMEZONE\r\nTZID:UTC+11\r\nBEGIN:STANDARD\r\nDTSTART;VALUE=DATE:20170101\r\n\
             TZOFFSETFROM:+1100\r\nTZOFFSETTO:+1100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n\
             BEGIN:VEVENT\r\nUID:z\r\nDTSTART;TZID=UTC+11:20260701T230000\r\nEND:VEVENT\r\n",
        )
        .expect("read");
        assert!(got.notices.is_empty(), "{:?}", got.notices);
        assert_eq!(timed(&got.entries[0]).0, "2026-07-01T12:00Z");
    }

    /// Issue 15, from icalendar's `invalid_duration.ics`: chrono panicked on this duration.
    #[test]
    fn a_duration_past_what_chrono_holds_is_a_bad_value_not_a_panic() {
        for duration in ["P999999999999999999W", "P99999999999999D", "PT9999999999999999H", "P1W99999999999999999D"] {
            let got = read(&format!(
                "BEGIN:VEVENT\r\nUID:d\r\nDTSTART:20260701T100000Z\r\nDURATION:{duration}\r\nEND:VEVENT\r\n"
            ));
            assert!(matches!(got, Err(ReadError::BadValue { ref property, .. }) if property == "DURATION"), "{got:?}");
        }
    }

    /// Issue 15: text after END:VCALENDAR and a stray line inside it are ignored and said; a
    /// file cut off inside a component is still refused.
    #[test]
    fn stray_lines_are_ignored_and_said_and_a_cut_file_is_still_refused() {
        let file = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nthis line is broken\r\nBEGIN:VEVENT\r\nUID:a\r\n\
                    DTSTART:20260701T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n-- \r\nSent from my phone\r\n";
        let got = read_busy(file.as_bytes(), window()).expect("read");
        assert_eq!(got.entries.len(), 1);
        assert_eq!(
            got.notices,
            [
                ReadNotice::IgnoredLine { line: 3 },
                ReadNotice::IgnoredLine { line: 9 },
                ReadNotice::IgnoredLine { line: 10 }
            ]
        );
        let cut = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260701T100000Z\r\nEND:VEVENT\r\nBEGIN:VEV";
        assert!(matches!(read_busy(cut.as_bytes(), window()), Err(ReadError::Truncated { .. })));
    }

    #[test]
    fn more_than_ten_bad_events_are_counted_and_ten_named() {
        let bad = many(25, |i| format!("BEGIN:VEVENT\r\nUID:b{i}\r\nDTSTART:2026-07-01\r\nEND:VEVENT\r\n"));
        let got =
            read(&format!("{bad}BEGIN:VEVENT\r\nUID:ok\r\nDTSTART:20260701T100000Z\r\nEND:VEVENT\r\n")).expect("read");
        assert_eq!((got.skipped, got.notices.len(), got.entries.len()), (25, MAX_NOTICES, 1));
    }

    /// Found by the `cli_rrule` fuzz target: the `rrule` crate (0.14) slices a BYDAY value two
    /// bytes from its end, and panicked ("not a char boundary") on a non-ASCII one, so a hostile
    /// .ics stopped `nabo import-ics`. Not ASCII is refused before `rrule` sees it, as is a rule
    /// whose non-ASCII letters `rrule` upper-cases into a part name (`ı` to `I`, `ſ` to `S`).
    #[test]
    fn a_rule_that_is_not_ascii_refuses_the_file_without_a_panic() {
        for rule in ["FREQ=MONTHLY;BYDAY=MO,\u{438}O", "FREQ=WEEKLY;BYDAY=\u{17f}U", "FREQ=WEEKLY;\u{131}NTERVAL=2"] {
            let got =
                read(&format!("BEGIN:VEVENT\r\nUID:u\r\nDTSTART:20260701T100000Z\r\nRRULE:{rule}\r\nEND:VEVENT\r\n"));
            assert!(matches!(got, Err(ReadError::BadRule { line: 4, .. })), "{rule}: {got:?}");
        }
    }

    #[test]
    fn a_rule_with_millions_of_occurrences_is_capped_and_said() {
        let got = read("BEGIN:VEVENT\r\nUID:sec\r\nDTSTART:20000101T000000Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\n")
            .unwrap_or_default();
        assert_eq!(got.notices, [ReadNotice::Capped { uid: "sec".into(), line: 4, kept: 0 }]);
        let got = read("BEGIN:VEVENT\r\nUID:min\r\nDTSTART:20260101T000000Z\r\nRRULE:FREQ=MINUTELY\r\nEND:VEVENT\r\n")
            .unwrap_or_default();
        assert_eq!(got.entries.len(), MAX_OCCURRENCES);
        assert_eq!(got.notices, [ReadNotice::Capped { uid: "min".into(), line: 4, kept: MAX_OCCURRENCES }]);
    }

    /// `count` events made by `event(i)` in one calendar.
    fn many(count: usize, event: impl Fn(usize) -> String) -> String {
        (0..count).map(event).collect()
    }

    fn read_within(events: &str, budget: ReadBudget) -> Result<BusyCalendar, ReadError> {
        let file = format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{events}END:VCALENDAR\r\n");
        read_busy_within(file.as_bytes(), window(), budget)
    }

    fn daily(i: usize) -> String {
        format!("BEGIN:VEVENT\r\nUID:d{i}\r\nDTSTART:20260101T080000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n")
    }

    #[test]
    fn the_occurrence_budget_is_for_the_whole_file_and_names_where_it_ran_out() {
        let budget = ReadBudget { occurrences: 1_000, ..ReadBudget::FILE };
        // Two daily series of 365 days fit; the third runs out, on its own UID and line.
        let fits = read_within(&many(2, daily), budget).map(|c| c.entries.len());
        assert_eq!(fits, Ok(730));
        let over = read_within(&many(3, daily), budget);
        assert_eq!(over, Err(ReadError::TooManyOccurrences { max: 1_000, uid: "d2".into(), line: 15 }));
        // One-off events count too.
        let one_offs = many(1_001, |i| {
            format!("BEGIN:VEVENT\r\nUID:o{i}\r\nDTSTART:20260301T080000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\n")
        });
        assert!(
            matches!(read_within(&one_offs, budget), Err(ReadError::TooManyOccurrences { ref uid, .. }) if uid == "o1000")
        );
        // The real budget takes ten thousand daily series no further than 100,000 entries.
        let flood = read_within(&many(10_000, daily), ReadBudget::FILE);
        assert!(
            matches!(flood, Err(ReadError::TooManyOccurrences { max: 100_000, ref uid, .. }) if uid == "d273"),
            "{flood:?}"
        );
    }

    #[test]
    fn rules_that_never_match_spend_the_step_budget_and_the_file_is_refused() {
        let never = |i: usize| {
            format!(
                "BEGIN:VEVENT\r\nUID:n{i}\r\nDTSTART:20260101T080000Z\r\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\r\nEND:VEVENT\r\n"
            )
        };
        let budget = ReadBudget { rule_steps: 3 * FRUITLESS_SEARCH, ..ReadBudget::FILE };
        let three = read_within(&many(3, never), budget);
        assert_eq!(three.map(|c| c.entries.len()), Ok(0), "three fruitless searches fit");
        let four = read_within(&many(4, never), budget);
        assert_eq!(four, Err(ReadError::TooMuchRuleWork { max: 3 * FRUITLESS_SEARCH, uid: "n3".into(), line: 18 }));
    }

    #[test]
    fn a_sparse_rule_pays_for_the_periods_between_its_occurrences() {
        // 29 February on a daily rule from the year 1004: 248 occurrences, but 373,000 days
        // stepped through; the series is capped at its own step limit, before the window.
        let got = read("BEGIN:VEVENT\r\nUID:leap\r\nDTSTART:10040229T080000Z\r\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29\r\nEND:VEVENT\r\n")
            .unwrap_or_default();
        assert_eq!(got.notices, [ReadNotice::Capped { uid: "leap".into(), line: 4, kept: 0 }]);
        // Monthly from 2000: 312 steps of two, far inside every limit.
        let got = read("BEGIN:VEVENT\r\nUID:m\r\nDTSTART:20000115T080000Z\r\nRRULE:FREQ=MONTHLY\r\nEND:VEVENT\r\n")
            .unwrap_or_default();
        assert_eq!((got.entries.len(), got.notices.len()), (12, 0));
    }

    #[test]
    fn repeated_notices_keep_the_first_ten_of_each_kind_and_count_all() {
        let twice =
            many(25, |i| format!("BEGIN:VEVENT\r\nUID:same\r\nDTSTART:20260301T{:02}0000Z\r\nEND:VEVENT\r\n", i % 24));
        let busy = many(12, |i| {
            format!("BEGIN:VEVENT\r\nUID:min{i}\r\nDTSTART:20260101T000000Z\r\nRRULE:FREQ=MINUTELY\r\nEND:VEVENT\r\n")
        });
        let budget = ReadBudget { occurrences: 30_000, ..ReadBudget::FILE };
        let got = read_within(&format!("{twice}{busy}"), budget).unwrap_or_default();
        assert_eq!((got.duplicate_uids, got.capped_series), (24, 12));
        let kept =
            |capped: bool| got.notices.iter().filter(|n| matches!(n, ReadNotice::Capped { .. }) == capped).count();
        assert_eq!((kept(false), kept(true)), (MAX_NOTICES, MAX_NOTICES));
        assert_eq!(
            got.notices[0],
            ReadNotice::DuplicateUid { uid: "same".into(), line: 7 },
            "the first, in file order"
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_reading() {
        let big = vec![b'A'; (MAX_FILE_BYTES + 1) as usize];
        assert!(matches!(read_busy(&big, window()), Err(ReadError::TooLarge { .. })));
    }
}

#[cfg(test)]
mod value_tests {
    use super::*;

    #[test]
    fn dates_and_times_are_read_exactly() {
        let at = |s: &str| parse_local(s).map(|t| t.to_string());
        assert_eq!(at("20260331T170000"), Some("2026-03-31 17:00:00".into()));
        assert_eq!(at("20261231t235959"), Some("2026-12-31 23:59:59".into()));
        for bad in [
            "20260231T100000",
            "20260331T250000",
            "2026033T1700000",
            "20260331T1700",
            "2026-3-31T170000",
            "20260331 170000",
            "+0260331T170000",
        ] {
            assert_eq!(at(bad), None, "{bad}");
        }
        assert_eq!(parse_date("20240229").map(|d| d.to_string()), Some("2024-02-29".into()));
        assert_eq!(parse_date("20250229"), None);
        assert_eq!(parse_date("2025022"), None);
    }
}
