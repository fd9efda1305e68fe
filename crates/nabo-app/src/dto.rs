//! The shapes that cross to the front ends: CLI JSON and the desktop UI (TypeScript types via ts-rs).

use std::collections::BTreeMap;

use nabo_core::{Activity, ActivityKind, ActivityStatus, Conflict, ConflictKind, Details, Occurrence, TimeNotice};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One occurrence as the front ends show it: a one-off activity, or one meeting of a series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActivityView {
    /// The activity's id (for a series: the series' id, shared by its meetings).
    #[ts(type = "number")]
    pub id: i64,
    /// Unique in a list: the id, or for a meeting of a series `id@occurrence`.
    pub key: String,
    /// For a meeting of a series: where its rule puts it (RFC 3339), which names it in
    /// later calls even after it was moved; `null` for a one-off.
    pub occurrence: Option<String>,
    /// The series' repeat rule (RFC 5545 RRULE value); `null` for a one-off.
    pub rrule: Option<String>,
    /// Its kind.
    pub kind: ActivityKind,
    /// Where it stands.
    pub status: ActivityStatus,
    /// Start, RFC 3339 with the Copenhagen offset.
    pub start: String,
    /// End, RFC 3339 with the Copenhagen offset.
    pub end: String,
    /// What it is about.
    #[serde(flatten)]
    #[ts(flatten)]
    pub details: Details,
    /// Ids of the listed activities this one clashes with.
    #[ts(type = "Array<number>")]
    pub conflicts: Vec<i64>,
    /// Example data loaded to try Nabo out.
    pub example: bool,
    /// Keys of the busy time (from other calendars) it overlaps; left out when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub busy_conflicts: Vec<String>,
}

impl ActivityView {
    /// The view of a stored one-off activity (or a series as a whole), with the ids it clashes with.
    pub fn new(a: Activity, conflicts: Vec<i64>) -> Self {
        let occurrence =
            Occurrence { activity: a.id, original_start: None, start: a.start, end: a.end, status: a.status };
        Self::of_occurrence(a, &occurrence, conflicts)
    }

    /// The view of one occurrence of `a`.
    pub fn of_occurrence(a: Activity, o: &Occurrence, conflicts: Vec<i64>) -> Self {
        let occurrence = o.original_start.map(|t| t.to_rfc3339());
        let key = match &occurrence {
            Some(original) => format!("{}@{original}", a.id.0),
            None => a.id.0.to_string(),
        };
        Self {
            id: a.id.0,
            key,
            occurrence,
            rrule: a.rrule,
            kind: a.kind,
            status: o.status,
            start: o.start.to_rfc3339(),
            end: o.end.to_rfc3339(),
            details: a.details,
            conflicts,
            example: a.example,
            busy_conflicts: Vec::new(),
        }
    }
}

/// A request to plan (or re-plan) an activity, as a front end sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanRequest {
    /// The kind of activity.
    pub kind: ActivityKind,
    /// Start as Copenhagen wall-clock time, `YYYY-MM-DDTHH:MM`.
    pub start: String,
    /// How long it lasts, in minutes.
    pub duration_minutes: u32,
    /// An RFC 5545 RRULE value (e.g. `FREQ=WEEKLY;BYDAY=TU;COUNT=8`) that makes this a series.
    #[serde(default)]
    pub rrule: Option<String>,
    /// What it is about.
    #[serde(flatten)]
    #[ts(flatten)]
    pub details: Details,
}

impl PlanRequest {
    /// A request with only the required parts set.
    pub fn new(kind: ActivityKind, start: impl Into<String>, duration_minutes: u32) -> Self {
        Self { kind, start: start.into(), duration_minutes, rrule: None, details: Details::default() }
    }
}

/// How two activities clash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ConflictKindView {
    /// They overlap.
    Overlap,
    /// Two home visits too close to travel between.
    TooLittleTravelTime,
}

/// A clash between a plan and another activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConflictView {
    /// The other activity's id.
    #[ts(type = "number")]
    pub with: i64,
    /// How they clash.
    pub kind: ConflictKindView,
    /// When the other activity starts (RFC 3339).
    pub with_start: String,
    /// When the other activity ends (RFC 3339).
    pub with_end: String,
    /// Minutes between the two visits, for travel-time clashes.
    #[ts(type = "number | null")]
    pub gap_minutes: Option<i64>,
    /// Minutes of travel time asked for, for travel-time clashes.
    #[ts(type = "number | null")]
    pub needed_minutes: Option<i64>,
    /// When the clash is with busy time from another calendar (then `with` is 0): which.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub busy: Option<BusyConflictView>,
}

/// Busy time from another calendar that a plan overlaps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BusyConflictView {
    /// The calendar's name.
    pub source: String,
    /// The event's title there (may be empty).
    pub title: String,
    /// An all-day event.
    pub all_day: bool,
}

impl From<Conflict> for ConflictView {
    fn from(c: Conflict) -> Self {
        let (kind, gap, needed) = match c.kind {
            ConflictKind::Overlap => (ConflictKindView::Overlap, None, None),
            ConflictKind::TooLittleTravelTime { gap_minutes, needed_minutes } => {
                (ConflictKindView::TooLittleTravelTime, Some(gap_minutes), Some(needed_minutes))
            }
        };
        Self {
            with: c.with.0,
            kind,
            with_start: c.with_start.to_rfc3339(),
            with_end: c.with_end.to_rfc3339(),
            gap_minutes: gap,
            needed_minutes: needed,
            busy: None,
        }
    }
}

/// A clash between two stored activities, as `check` reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConflictPairView {
    /// The earlier activity's id.
    #[ts(type = "number")]
    pub id: i64,
    /// When it starts (RFC 3339).
    pub start: String,
    /// The clash with the later one.
    pub conflict: ConflictView,
}

/// Something the user should know about how a request was read; `code` is a translation key suffix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NoticeView {
    /// What kind of notice (`notice-<code>` in the translation files).
    pub code: String,
    /// Values for the message.
    pub args: BTreeMap<String, String>,
}

impl From<TimeNotice> for NoticeView {
    fn from(n: TimeNotice) -> Self {
        match n {
            TimeNotice::AmbiguousChoseFirst { local, chosen_offset_secs } => Self {
                code: "ambiguous_time_chose_first".into(),
                args: BTreeMap::from([
                    ("time".into(), local.naive().format("%H:%M").to_string()),
                    ("date".into(), local.naive().format("%Y-%m-%d").to_string()),
                    ("offset".into(), format_offset(chosen_offset_secs)),
                ]),
            },
        }
    }
}

fn format_offset(secs: i32) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let secs = secs.unsigned_abs();
    format!("{sign}{:02}:{:02}", secs / 3600, (secs % 3600) / 60)
}

/// What planning did: the new id, what it clashes with, and notices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanOutcome {
    /// The id of the planned activity.
    #[ts(type = "number")]
    pub id: i64,
    /// Activities it clashes with; planning still happened.
    pub conflicts: Vec<ConflictView>,
    /// How the request was read, when that needs saying.
    pub notices: Vec<NoticeView>,
}

/// What a change did: its result, and what the user should know although the change was made
/// (e.g. the live calendar file could not be rewritten). Every use-case that changes something
/// returns one, except planning and moving, whose [`PlanOutcome`] carries `notices` itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Changed<T> {
    /// The use-case's own result.
    pub value: T,
    /// Worth telling the user; the change was still made.
    pub notices: Vec<NoticeView>,
}

impl<T> Changed<T> {
    /// `value` with the notices a change left (none or one today).
    pub fn new(value: T, notices: impl IntoIterator<Item = NoticeView>) -> Self {
        Self { value, notices: notices.into_iter().collect() }
    }
}

/// What needs attention: planned activities that ended unmarked, and the coming week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Agenda {
    /// Planned activities that ended before now and were never marked, newest first
    /// (at most the limit asked for).
    pub overdue: Vec<ActivityView>,
    /// How many overdue activities there are in all.
    #[ts(type = "number")]
    pub overdue_total: usize,
    /// Planned activities from now to the end of the seventh day after today, by start.
    pub upcoming: Vec<ActivityView>,
}

/// A text field that offers values typed before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SuggestionField {
    /// Areas.
    Area,
    /// Venues.
    Venue,
    /// Themes.
    Theme,
    /// Household labels.
    Household,
}

/// Facts the UI needs at start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AppInfo {
    /// The database file in use.
    pub database_path: String,
    /// Today's date in Copenhagen, `YYYY-MM-DD`.
    pub today: String,
    /// The UI language: "da" or "en".
    pub language: String,
    /// No database is there yet: a passphrase asked for is a new one (chosen, typed twice).
    pub new_database: bool,
    /// The database failed its quick check at start: it is shown as far as it can be read,
    /// nothing is saved, and the newest backup is offered.
    pub damaged: bool,
    /// What the start-up routine had to say (code names and notes erased), said once.
    pub notices: Vec<NoticeView>,
}

/// An error as the front ends receive it: a stable code, the field it concerns, and message values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UserError {
    /// What went wrong (`error-<code>` in the translation files).
    pub code: crate::error::ErrorCode,
    /// The input field it concerns, if one.
    pub field: Option<String>,
    /// Values for the message.
    pub args: BTreeMap<String, String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_format_like_rfc3339() {
        assert_eq!(format_offset(7200), "+02:00");
        assert_eq!(format_offset(-16200), "-04:30");
    }
}
