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
use rrule::{RRule, RRuleSet, Unvalidated};

use crate::time::ZONE;
use zone::{Observance, Zone, Zones};

/// The largest file Nabo reads (a ten-year Google calendar export is a few megabytes).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// At most this many occurrences of one series are imported.
pub const MAX_OCCURRENCES: usize = 2_000;
/// A series is followed at most this many steps (from its first occurrence) looking for the window.
const MAX_STEPS: usize = 200_000;
/// Titles are cut to this many characters.
const MAX_TITLE: usize = 200;

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
    /// What was cut short.
    pub notices: Vec<ReadNotice>,
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

/// Reads an iCalendar file as busy time inside `window`; refuses the whole file on the first error.
pub fn read_busy(bytes: &[u8], window: ReadWindow) -> Result<BusyCalendar, ReadError> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { bytes: size, max: MAX_FILE_BYTES });
    }
    let normalized = lines::normalize(bytes)?;
    let origin = |line: usize| normalized.origin.get(line.saturating_sub(1)).copied().unwrap_or(line);
    let mut out = BusyCalendar::default();
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
            raw.push(RawEvent::read(&event.properties, &mut zones, &floating)?);
        }
    }
    assemble(raw, window, &mut out)?;
    out.entries.sort_by(|a, b| (&a.uid, &a.occurrence).cmp(&(&b.uid, &b.occurrence)));
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
    let start = value(properties, "DTSTART").and_then(|v| parse_local(v.trim_end_matches(['Z', 'z'])))?;
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
                total += match (unit, in_time) {
                    ('W', false) => Duration::weeks(n),
                    ('D', false) => Duration::days(n),
                    ('H', true) => Duration::hours(n),
                    ('M', true) => Duration::minutes(n),
                    ('S', true) => Duration::seconds(n),
                    _ => return None,
                };
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
}

impl RawEvent {
    fn read(properties: &[Property], zones: &mut Zones, floating: &Zone) -> Result<Self, ReadError> {
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
                Some(tzid) => zones.get(tzid.trim()).ok_or_else(|| ReadError::UnknownZone {
                    tzid: tzid.chars().take(80).collect(),
                    uid: uid.clone(),
                    line,
                })?,
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
            cancelled: is("STATUS", "CANCELLED"),
            transparent: is("TRANSP", "TRANSPARENT"),
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
        match self.zone() {
            Some(zone) => BusyTime::Timed { start: zone.instant(local), end: zone.instant(local + self.length) },
            None => {
                let first = local.date();
                let until = (local + self.length).date().max(first + Duration::days(1));
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

    /// The wall-clock starts of a series inside `[from, to)` (wall clock), and whether it was cut short.
    fn expand(
        &self,
        rule: &str,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> Result<(Vec<NaiveDateTime>, bool), ReadError> {
        let bad = |reason: String| ReadError::BadRule { uid: self.uid.to_string(), line: self.line, reason };
        let utc = |t: NaiveDateTime| rrule::Tz::UTC.from_utc_datetime(&t);
        let text = zone::until_as_utc(rule, self.zone().unwrap_or(&Zone::Utc));
        let parsed: RRule<Unvalidated> = text.parse().map_err(|e: rrule::RRuleError| bad(e.to_string()))?;
        let start = self.start.local_in(None);
        let valid = parsed.validate(utc(start)).map_err(|e| bad(e.to_string()))?;
        let local = |w: &When| self.on_series_clock(w);
        let set = self.rdates.iter().fold(RRuleSet::new(utc(start)).rrule(valid), |s, d| s.rdate(utc(local(d))));
        let set = self.exdates.iter().fold(set, |s, d| s.exdate(utc(local(d))));
        let mut starts = Vec::new();
        let mut capped = false;
        for (step, at) in (&set).into_iter().enumerate() {
            let at = at.naive_utc();
            if at >= to {
                break;
            }
            if step >= MAX_STEPS || starts.len() >= MAX_OCCURRENCES {
                capped = true;
                break;
            }
            if at + self.length >= from {
                starts.push(at);
            }
        }
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

/// Expands series, applies overrides and cancellations, and keeps what overlaps the window.
fn assemble(raw: Vec<RawEvent>, window: ReadWindow, out: &mut BusyCalendar) -> Result<(), ReadError> {
    let mut masters: Vec<RawEvent> = Vec::new();
    let mut by_uid: HashMap<Arc<str>, usize> = HashMap::new();
    let mut overrides: HashMap<Arc<str>, Vec<RawEvent>> = HashMap::new();
    for event in raw {
        if event.recurrence_id.is_some() {
            overrides.entry(event.uid.clone()).or_default().push(event);
        } else if by_uid.contains_key(&event.uid) {
            out.notices.push(ReadNotice::DuplicateUid { uid: event.uid.to_string(), line: event.line });
        } else {
            by_uid.insert(event.uid.clone(), masters.len());
            masters.push(event);
        }
    }
    let overlaps = |time: &BusyTime| match *time {
        BusyTime::Timed { start, end } => end >= window.from && start < window.to,
        BusyTime::AllDay { first, until } => {
            let (from, to) = (window.from.date_naive(), window.to.date_naive());
            until > from && first <= to
        }
    };
    let keep = |entry: BusyEntry, out: &mut BusyCalendar| {
        if overlaps(&entry.time) {
            out.entries.push(entry);
        } else {
            out.outside_window += 1;
        }
    };
    for master in &masters {
        let mut changed: HashMap<NaiveDateTime, &RawEvent> = HashMap::new();
        for o in overrides.get(&master.uid).into_iter().flatten() {
            if let Some(id) = &o.recurrence_id {
                changed.insert(master.on_series_clock(id), o);
            }
        }
        let starts = match &master.rule {
            None => vec![master.start.local_in(None)],
            Some(rule) => {
                let margin = Duration::days(2);
                let clock = |t: DateTime<Utc>| master.zone().map_or(t.naive_utc(), |z| z.local(t));
                let (starts, capped) = master.expand(rule, clock(window.from) - margin, clock(window.to) + margin)?;
                if capped {
                    out.notices.push(ReadNotice::Capped {
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
        let series = master.rule.is_some();
        for local in starts {
            let time = master.time_at(local);
            let key = if series { key_of(&time) } else { String::new() };
            match if changed.is_empty() { None } else { changed.remove(&local) } {
                Some(o) if o.cancelled => out.cancelled += 1,
                Some(o) => keep(o.entry(key, o.start.local_in(None)), out),
                None => keep(master.entry_at(key, time), out),
            }
        }
        // Overrides that moved an occurrence from outside the expanded range into view.
        for o in changed.into_values().filter(|o| !o.cancelled && series) {
            let key = master.key_at(master.on_series_clock(o.recurrence_id.as_ref().unwrap_or(&o.start)));
            keep(o.entry(key, o.start.local_in(None)), out);
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
            keep(o.entry(key, o.start.local_in(None)), out);
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
    fn bad_events_refuse_the_file_naming_uid_and_line() {
        let end_first =
            read("BEGIN:VEVENT\r\nUID:x1\r\nDTSTART:20260701T100000Z\r\nDTEND:20260701T090000Z\r\nEND:VEVENT\r\n");
        assert_eq!(end_first, Err(ReadError::EndBeforeStart { uid: "x1".into(), line: 4 }));
        let mars = read("BEGIN:VEVENT\r\nUID:m\r\nDTSTART;TZID=Mars/Olympus_Mons:20260701T100000\r\nEND:VEVENT\r\n");
        assert_eq!(mars, Err(ReadError::UnknownZone { tzid: "Mars/Olympus_Mons".into(), uid: "m".into(), line: 4 }));
        let garbage = read("BEGIN:VEVENT\r\nUID:g\r\nDTSTART:2026-07-01 10:00\r\nEND:VEVENT\r\n");
        assert!(matches!(garbage, Err(ReadError::BadValue { ref property, line: 4, .. }) if property == "DTSTART"));
        let rule = read("BEGIN:VEVENT\r\nUID:r\r\nDTSTART:20260701T100000Z\r\nRRULE:FREQ=SOMETIMES\r\nEND:VEVENT\r\n");
        assert!(matches!(rule, Err(ReadError::BadRule { line: 4, .. })), "{rule:?}");
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
