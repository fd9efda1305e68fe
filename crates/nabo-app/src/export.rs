//! Calendar export: the plan as an RFC 5545 file for the calendar app a volunteer already uses.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use nabo_core::calendar::{write_calendar, CalendarEvent, EventOverride, EventStatus};
use nabo_core::{Activity, ActivityKind, ActivityStatus, ExceptionChange};
use nabo_store::{list_for_export, ExportRow};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dto::NoticeView;
use crate::error::AppError;
use crate::files::write_file;
use crate::i18n::Localizer;
use crate::service::{day_range, Nabo};

/// How much an exported calendar says about each activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Detail {
    /// Neutral titles ("Besøg", "Møde: Sundhed"), the area as location, no household, no note.
    #[default]
    Discreet,
    /// Everything but notes: household labels, venues, themes, languages.
    Full,
}

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExportOptions {
    /// How much to say.
    pub detail: Detail,
    /// Only activities on or after this Copenhagen day.
    pub from: Option<NaiveDate>,
    /// Only activities on or before this Copenhagen day.
    pub to: Option<NaiveDate>,
    /// A reminder this many minutes before each activity.
    pub alarm_minutes: Option<u32>,
}

impl Nabo {
    /// The calendar as RFC 5545 text, and how many activities (series count once) it holds.
    /// Example data and notes are never exported.
    pub fn export_ics(
        &self,
        options: &ExportOptions,
        l10n: &Localizer,
        now: DateTime<Utc>,
    ) -> Result<(String, usize), AppError> {
        let range = match (options.from, options.to) {
            (None, None) => None,
            (from, to) => {
                let from = from.unwrap_or(NaiveDate::MIN);
                let to = to.unwrap_or(NaiveDate::MAX - chrono::Duration::days(1));
                Some(day_range(from, to.max(from)).or_else(|_| open_range(from, to))?)
            }
        };
        let events: Vec<CalendarEvent> = list_for_export(self.store.conn())?
            .into_iter()
            .filter(|row| range.is_none_or(|(from, to)| touches(&row.activity, from, to)))
            .map(|row| event(row, options, l10n))
            .collect();
        let count = events.len();
        let name = l10n.message("ics-calendar-name", &BTreeMap::new());
        Ok((write_calendar(&name, &events, now), count))
    }

    /// Writes the calendar to `path` through [`crate::write_file`] (never onto the database, a
    /// reader never sees half a file); returns how many activities it holds.
    pub fn export_ics_to(
        &self,
        path: &Path,
        options: &ExportOptions,
        l10n: &Localizer,
        now: DateTime<Utc>,
    ) -> Result<usize, AppError> {
        let (text, count) = self.export_ics(options, l10n, now)?;
        write_file(path, text.as_bytes(), &self.protected_files())?;
        Ok(count)
    }
}

/// A range without the five-year limit of `list`, for exports "from" or "to" one day.
fn open_range(from: NaiveDate, to: NaiveDate) -> Result<(DateTime<Utc>, DateTime<Utc>), AppError> {
    let start = from.and_hms_opt(0, 0, 0).map(|t| t.and_utc()).unwrap_or(DateTime::<Utc>::MIN_UTC);
    let end = to.and_hms_opt(23, 59, 59).map(|t| t.and_utc()).unwrap_or(DateTime::<Utc>::MAX_UTC);
    if end < start {
        return Err(AppError::InvalidRange {
            from: from.to_string(),
            to: to.to_string(),
            reason: "the last day is before the first",
        });
    }
    Ok((start, end))
}

/// Whether `a` (or any meeting of a series) may fall in `[from, to)`.
fn touches(a: &Activity, from: DateTime<Utc>, to: DateTime<Utc>) -> bool {
    match a.recurrence() {
        None => a.start < to && a.end > from,
        Some(rule) => {
            let ends = rule.last_start(a.start).map(|last| last + (a.end - a.start));
            a.start < to && ends.is_none_or(|end| end > from)
        }
    }
}

fn status(s: ActivityStatus) -> EventStatus {
    match s {
        ActivityStatus::Cancelled => EventStatus::Cancelled,
        _ => EventStatus::Confirmed,
    }
}

fn event(row: ExportRow, options: &ExportOptions, l10n: &Localizer) -> CalendarEvent {
    let ExportRow { activity: a, uid, sequence, created, updated, exceptions } = row;
    let mut exdates = Vec::new();
    let mut overrides = Vec::new();
    for e in exceptions {
        match e.change {
            ExceptionChange::Skipped => exdates.push(e.original_start),
            ExceptionChange::Changed { start, end, status: s } => {
                overrides.push(EventOverride { original_start: e.original_start, start, end, status: status(s) })
            }
        }
    }
    let (summary, location, description) = words(&a, options.detail, l10n);
    CalendarEvent {
        uid,
        sequence,
        created,
        last_modified: updated,
        start: a.start,
        end: a.end,
        rrule: a.rrule.clone(),
        exdates,
        overrides,
        summary,
        location,
        description,
        status: status(a.status),
        alarm_minutes: options.alarm_minutes,
        alarm_text: l10n.message("ics-alarm", &BTreeMap::new()),
    }
}

/// Title, location and description at the chosen level of detail. Notes never leave.
fn words(a: &Activity, detail: Detail, l10n: &Localizer) -> (String, Option<String>, Option<String>) {
    let none = BTreeMap::new();
    let neutral = match (a.kind, &a.details.theme) {
        (ActivityKind::HomeVisit, _) => l10n.message("ics-title-visit", &none),
        (ActivityKind::GroupMeeting, Some(theme)) => {
            l10n.message("ics-title-meeting-theme", &BTreeMap::from([("theme".to_string(), theme.clone())]))
        }
        (ActivityKind::GroupMeeting, None) => l10n.message("ics-title-meeting", &none),
        (kind, _) => l10n.message(&format!("kind-{kind}"), &none),
    };
    match detail {
        Detail::Discreet => (neutral, a.details.area.clone(), None),
        Detail::Full => {
            let title = match (&a.details.title, &a.details.household) {
                (Some(title), _) => title.clone(),
                (None, Some(household)) => format!("{neutral} {household}"),
                (None, None) => neutral,
            };
            let location = match (&a.details.venue, &a.details.area) {
                (Some(venue), Some(area)) => Some(format!("{venue}, {area}")),
                (venue, area) => venue.clone().or_else(|| area.clone()),
            };
            let mut lines = Vec::new();
            let mut add = |key: &str, value: &str| {
                lines.push(format!("{}: {value}", l10n.message(key, &none)));
            };
            if let Some(h) = &a.details.household {
                add("ics-label-household", h);
            }
            if let Some(t) = &a.details.theme {
                add("ics-label-theme", t);
            }
            if let Some(v) = &a.details.venue {
                add("ics-label-venue", v);
            }
            if !a.details.languages.is_empty() {
                add("ics-label-languages", &a.details.languages.join(", "));
            }
            let description = (!lines.is_empty()).then(|| lines.join("\n"));
            (title, location, description)
        }
    }
}

impl Nabo {
    /// Rewrites the live calendar file, if one is set, after a change. A failure does not undo
    /// the change: it is returned as a notice naming the file, which every mutating use-case
    /// hands back to its front end ([`crate::Changed`], `PlanOutcome::notices`).
    pub(crate) fn refresh_live_calendar(&mut self, now: DateTime<Utc>) -> Option<NoticeView> {
        let settings = match self.settings() {
            Ok(s) => s,
            Err(e) => return Some(live_notice(&e)),
        };
        let path = settings.live_calendar_path.as_deref()?;
        let options = ExportOptions { detail: settings.live_calendar_detail, ..ExportOptions::default() };
        let l10n = Localizer::new(settings.interface_language(self.computer_language));
        let result = self.export_ics_to(Path::new(path), &options, &l10n, now);
        // A refused target (its folder gone with a pulled USB stick, a folder or a read-only
        // file put in its place) is reported like a failed write: the notice names the file
        // and says, in the refusal's own words, what is wrong.
        result
            .map_err(|e| match e {
                AppError::ProtectedTarget { .. } | AppError::UnusableTarget { .. } => {
                    AppError::WriteFailed { path: path.to_string(), reason: l10n.error(&e) }
                }
                other => other,
            })
            .err()
            .map(|e| live_notice(&e))
    }
}

/// The notice for a live calendar file that could not be written: `path` and `detail`.
fn live_notice(e: &AppError) -> NoticeView {
    NoticeView { code: "live_calendar_failed".into(), args: e.args() }
}
