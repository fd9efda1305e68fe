//! The benchmark calendar: 10,000 deterministic events, a third of them weekly series.
//!
//! Shared by the criterion bench (`benches/ical.rs`) and the whole-process driver
//! (`examples/ical_bench.rs`), which also writes it as JSON for the Python and ical.js
//! sides (`benches/ical/`), so all three build their model from the same records.
//! Times are Copenhagen wall-clock times between 07:00 and 20:00 (never in a DST gap).

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use nabo_core::calendar::{CalendarEvent, EventOverride, EventStatus};
use serde::{Deserialize, Serialize};

/// How many events (VEVENTs without RECURRENCE-ID) the calendar has.
pub const EVENTS: usize = 10_000;

/// The fixed "now" of the benchmark: the export's DTSTAMP and the centre of the read window.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).single().unwrap_or_default()
}

/// The zone of every event.
pub const ZONE: Tz = chrono_tz::Europe::Copenhagen;

/// One moved or cancelled meeting of a series.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OverrideSpec {
    /// Where the rule puts it (Copenhagen wall clock, `YYYY-MM-DDTHH:MM`).
    pub original: String,
    /// Where it is now (Copenhagen wall clock).
    pub start: String,
    /// Its length in minutes.
    pub minutes: i64,
    /// Called off.
    pub cancelled: bool,
}

/// One event as plain data, before any library's model.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EventSpec {
    /// UID.
    pub uid: String,
    /// SEQUENCE.
    pub sequence: u32,
    /// CREATED and LAST-MODIFIED (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
    pub created: String,
    /// Start (Copenhagen wall clock, `YYYY-MM-DDTHH:MM`).
    pub start: String,
    /// Length in minutes.
    pub minutes: i64,
    /// RRULE value (`FREQ=WEEKLY;COUNT=n` or `FREQ=WEEKLY;UNTIL=...Z`).
    pub rrule: Option<String>,
    /// EXDATEs (Copenhagen wall clock).
    pub exdates: Vec<String>,
    /// Moved or cancelled meetings.
    pub overrides: Vec<OverrideSpec>,
    /// SUMMARY.
    pub summary: String,
    /// LOCATION.
    pub location: Option<String>,
    /// DESCRIPTION.
    pub description: Option<String>,
    /// STATUS:CANCELLED.
    pub cancelled: bool,
    /// VALARM minutes before.
    pub alarm_minutes: Option<u32>,
}

/// A small deterministic generator (PCG-style LCG), so every run and every language sees the same file.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

fn local_text(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M").to_string()
}

/// The instant of a Copenhagen wall-clock time (never ambiguous here: 07:00–20:00).
pub fn instant(local: NaiveDateTime) -> DateTime<Tz> {
    ZONE.from_local_datetime(&local).earliest().unwrap_or_else(|| ZONE.from_utc_datetime(&local))
}

fn parse_local(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap_or_default()
}

/// The 10,000 events: one-offs spread over 2025-06 .. 2028-05, every third a weekly series
/// (half with COUNT, half with UNTIL, 4–52 meetings); a third of the series skip one or two
/// meetings (EXDATE), a tenth move or cancel one (RECURRENCE-ID).
pub fn events() -> Vec<EventSpec> {
    let mut rng = Lcg(0x4e41_424f);
    let first_day = NaiveDate::from_ymd_opt(2025, 6, 2).unwrap_or_default();
    let areas = ["Gellerup", "Vollsmose", "Tingbjerg", "Mjølnerparken", "Aldersro"];
    let mut out = Vec::with_capacity(EVENTS);
    for i in 0..EVENTS {
        let day = first_day + Duration::days(rng.below(1_060) as i64);
        let minute_of_day = 7 * 60 + 15 * rng.below(48) as i64; // 07:00 .. 18:45
        let start = day.and_hms_opt(0, 0, 0).unwrap_or_default() + Duration::minutes(minute_of_day);
        let minutes = 30 + 15 * rng.below(7) as i64;
        let area = areas[rng.below(areas.len() as u64) as usize];
        let series = i % 3 == 0;
        let (summary, location, description) = if series {
            (
                format!("Møde: Sundhed, kost; og motion #{i}"),
                Some(format!("Beboerhuset, {area}")),
                (i % 4 == 0).then(|| {
                    format!("Tema: mad og bevægelse\nTolk: arabisk, somali\nMedbring: madpakke; kaffe gives af foreningen ({i})")
                }),
            )
        } else {
            (format!("Hjemmebesøg H-{i}"), (i % 2 == 0).then(|| area.to_string()), None)
        };
        let mut rrule = None;
        let mut exdates = Vec::new();
        let mut overrides = Vec::new();
        if series {
            let meetings = 4 + rng.below(49) as i64;
            let last = start + Duration::weeks(meetings - 1);
            rrule = Some(if i % 2 == 0 {
                format!("FREQ=WEEKLY;COUNT={meetings}")
            } else {
                format!("FREQ=WEEKLY;UNTIL={}", instant(last).with_timezone(&Utc).format("%Y%m%dT%H%M%SZ"))
            });
            if i % 9 == 0 {
                for _ in 0..1 + rng.below(2) {
                    let k = 1 + rng.below(meetings as u64 - 1) as i64;
                    let skipped = local_text(start + Duration::weeks(k));
                    if !exdates.contains(&skipped) {
                        exdates.push(skipped);
                    }
                }
            }
            if i % 30 == 3 {
                let k = 1 + rng.below(meetings as u64 - 1) as i64;
                let original = start + Duration::weeks(k);
                if !exdates.contains(&local_text(original)) {
                    overrides.push(OverrideSpec {
                        original: local_text(original),
                        start: local_text(original + Duration::hours(25)),
                        minutes,
                        cancelled: i % 120 == 3,
                    });
                }
            }
        }
        let created = Utc.with_ymd_and_hms(2025, 1, 1, 9, 0, 0).single().unwrap_or_default()
            + Duration::minutes(rng.below(500_000) as i64);
        out.push(EventSpec {
            uid: format!("{i:05}-bench@nabo"),
            sequence: (i % 4) as u32,
            created: created.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            start: local_text(start),
            minutes,
            rrule,
            exdates,
            overrides,
            summary,
            location,
            description,
            cancelled: i % 50 == 7,
            alarm_minutes: (i % 2 == 1).then_some(30),
        });
    }
    out
}

fn status(cancelled: bool) -> EventStatus {
    if cancelled {
        EventStatus::Cancelled
    } else {
        EventStatus::Confirmed
    }
}

/// Nabo's model of one event (what `nabo_app::export` builds from a database row).
pub fn to_model(e: &EventSpec) -> CalendarEvent {
    let created = DateTime::parse_from_rfc3339(&e.created).map(|t| t.with_timezone(&Utc)).unwrap_or_default();
    let start = instant(parse_local(&e.start));
    CalendarEvent {
        uid: e.uid.clone(),
        sequence: e.sequence,
        created,
        last_modified: created,
        start,
        end: start + Duration::minutes(e.minutes),
        rrule: e.rrule.clone(),
        exdates: e.exdates.iter().map(|x| instant(parse_local(x))).collect(),
        overrides: e
            .overrides
            .iter()
            .map(|o| {
                let start = instant(parse_local(&o.start));
                EventOverride {
                    original_start: instant(parse_local(&o.original)),
                    start,
                    end: start + Duration::minutes(o.minutes),
                    status: status(o.cancelled),
                }
            })
            .collect(),
        summary: e.summary.clone(),
        location: e.location.clone(),
        description: e.description.clone(),
        status: status(e.cancelled),
        alarm_minutes: e.alarm_minutes,
        alarm_text: "Påmindelse".to_string(),
    }
}
