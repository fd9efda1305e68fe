//! Busy time from other calendars: importing `.ics` files and showing what they block.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use nabo_core::calendar::{read_busy, BusyTime, ReadNotice, ReadWindow};
use nabo_core::{clean_text, find_personal_data, tidy_line, Field, ValidationError, ZONE};
use nabo_store::{
    delete_busy_source, diff_busy_source, list_busy_overlapping, list_busy_sources, replace_busy_source, BusyRow,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dto::{ActivityView, BusyConflictView, ConflictKindView, ConflictView};
use crate::error::AppError;
use crate::import_file::read_import_file;
use crate::service::{day_range, Nabo};

/// The kind of a [`BusyView`]: always `"busy"`, so a list of activities and busy time can be told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BusyKind {
    /// Time another calendar says the user is busy.
    Busy,
}

/// Busy time from another calendar, as the front ends show it (read-only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BusyView {
    /// Unique in a list: `busy:` + calendar + UID + occurrence.
    pub key: String,
    /// Always `"busy"`.
    pub kind: BusyKind,
    /// The name of the calendar it came from.
    pub source: String,
    /// The event's UID in that calendar.
    pub uid: String,
    /// Its title there (may be empty).
    pub title: String,
    /// Start, RFC 3339 with the Copenhagen offset (an all-day event: its first midnight).
    pub start: String,
    /// End, RFC 3339 with the Copenhagen offset (an all-day event: the midnight after its last day).
    pub end: String,
    /// An all-day event.
    pub all_day: bool,
    /// Shown but free (`TRANSP:TRANSPARENT`): it does not clash with anything.
    pub free: bool,
}

impl BusyView {
    fn of(row: BusyRow) -> Self {
        let (start, end) = instants(&row.entry.time);
        let key = key_of(&row);
        Self {
            key,
            kind: BusyKind::Busy,
            source: row.source,
            uid: row.entry.uid.to_string(),
            title: row.entry.title.to_string(),
            start: start.with_timezone(&ZONE).to_rfc3339(),
            end: end.with_timezone(&ZONE).to_rfc3339(),
            all_day: matches!(row.entry.time, BusyTime::AllDay { .. }),
            free: row.entry.transparent,
        }
    }
}

/// An item of the calendar: an activity or busy time (serialised as either, untagged).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(untagged)]
#[ts(export)]
pub enum CalendarItem {
    /// One of the user's own activities (or a meeting of a series).
    Activity(Box<ActivityView>),
    /// Busy time from another calendar.
    Busy(BusyView),
}

/// What an import did, or would do with `--dry-run`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportReport {
    /// The calendar's name in Nabo.
    pub source: String,
    /// Nothing was written.
    pub dry_run: bool,
    /// New events (or occurrences).
    pub added: usize,
    /// Events whose time or title changed.
    pub changed: usize,
    /// Events already imported as they are.
    pub unchanged: usize,
    /// Events imported before that the file no longer has.
    pub removed: usize,
    /// Events outside the year back and two years ahead that Nabo keeps.
    pub outside_window: usize,
    /// Cancelled events, not imported.
    pub cancelled: usize,
    /// Series cut short: UID, line and how many of their occurrences were imported
    /// (the first ten; `capped_total` counts them all).
    pub capped: Vec<CappedSeries>,
    /// How many series were cut short.
    pub capped_total: usize,
    /// Events skipped because an earlier one had the same UID: UID and line
    /// (the first ten; `duplicates_total` counts them all).
    pub duplicates: Vec<CappedSeries>,
    /// How many events were skipped for a UID already seen.
    pub duplicates_total: usize,
    /// What in the file was left out, guessed or ignored (issue 15): the first ten of each
    /// kind, in file order.
    pub warnings: Vec<ImportWarning>,
    /// How many warnings there were in all (`warnings` holds at most ten of each kind).
    #[ts(type = "number")]
    pub warnings_total: usize,
}

/// Something in an imported file that was not taken as it stands (issue 15).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum ImportWarning {
    /// An event that cannot be read, left out; the rest of the file was read. `error` is the
    /// reason as a refusal would give it (`error-<code>`; the front ends say it with
    /// `skipped-<code>`): the event's UID and line, and what is wrong.
    Skipped {
        /// Why.
        error: crate::dto::UserError,
    },
    /// A TZID that names no zone and that the file does not define: the event's times were
    /// taken as Copenhagen time, as other calendar apps do.
    FloatingZone {
        /// The TZID.
        tzid: String,
        /// The event's UID.
        uid: String,
        /// Where the event begins.
        #[ts(type = "number")]
        line: usize,
    },
    /// A line that is not part of the calendar (text after `END:VCALENDAR`), ignored.
    IgnoredLine {
        /// Its number in the file.
        #[ts(type = "number")]
        line: usize,
    },
}

/// A series (or event) named by UID and line, with a count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CappedSeries {
    /// Its UID.
    pub uid: String,
    /// Where it begins in the file.
    #[ts(type = "number")]
    pub line: usize,
    /// How many occurrences were imported (0 for a duplicate).
    #[ts(type = "number")]
    pub kept: usize,
}

/// An imported calendar, as the front ends list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BusySourceView {
    /// Its name.
    pub name: String,
    /// When it was last imported (RFC 3339, Copenhagen).
    pub imported: String,
    /// How many pieces of busy time it has.
    #[ts(type = "number")]
    pub entries: usize,
}

/// The instants a piece of busy time covers (all-day: Copenhagen midnights).
pub(crate) fn instants(time: &BusyTime) -> (DateTime<Utc>, DateTime<Utc>) {
    nabo_core::busy_span(time)
}

/// The name an imported calendar gets: `given` (the user's `--name`, already through the text
/// rule), else its own (`X-WR-CALNAME`), else the file's. The latter two are not the user's
/// typing: they are tidied (`tidy_line`: controls, invisible and direction-changing characters
/// dropped, cut to the field's 80 characters), not refused, and passed over when they hold
/// personal data.
fn source_name(given: Option<String>, own: Option<&str>, file: &Path) -> String {
    if let Some(given) = given {
        return given;
    }
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned());
    [own.map(str::to_string), stem]
        .into_iter()
        .flatten()
        .map(|n| tidy_line(&n, Field::CalendarName.max_chars()))
        .find(|n| !n.is_empty() && find_personal_data(n).is_none())
        .unwrap_or_else(|| "iCalendar".to_string())
}

impl Nabo {
    /// Imports (or with `dry_run` only compares) an `.ics` file as read-only busy time.
    ///
    /// Events are matched by UID within the calendar, so importing the same or an updated
    /// file again updates instead of duplicating. A refused file changes nothing.
    pub fn import_ics(
        &mut self,
        file: &Path,
        name: Option<&str>,
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> Result<ImportReport, AppError> {
        // `--name` is typed by the user: the one text rule refuses it (nothing imported) before the file is read.
        let name = clean_text(Field::CalendarName, name.map(str::to_string))
            .map_err(|e| AppError::Invalid(ValidationError::Text(e)))?;
        let shown = file.display().to_string();
        let bytes = read_import_file(file)?;
        let calendar = read_busy(&bytes, ReadWindow::around(now))
            .map_err(|source| AppError::Import { file: shown.clone(), source })?;
        let source = source_name(name, calendar.name.as_deref(), file);
        let diff = if dry_run {
            diff_busy_source(self.store.conn(), &source, &calendar.entries)?
        } else {
            self.store.write(|tx| replace_busy_source(tx, &source, &calendar.entries, now))?
        };
        let named = |uid: &String, line: usize, kept: usize| CappedSeries { uid: uid.clone(), line, kept };
        let warnings = calendar
            .notices
            .iter()
            .filter_map(|n| match n {
                ReadNotice::Skipped { reason } => Some(ImportWarning::Skipped {
                    error: AppError::Import { file: shown.clone(), source: reason.clone() }.to_user_error(),
                }),
                ReadNotice::FloatingZone { tzid, uid, line } => {
                    Some(ImportWarning::FloatingZone { tzid: tzid.clone(), uid: uid.clone(), line: *line })
                }
                ReadNotice::IgnoredLine { line } => Some(ImportWarning::IgnoredLine { line: *line }),
                ReadNotice::Capped { .. } | ReadNotice::DuplicateUid { .. } => None,
            })
            .collect();
        Ok(ImportReport {
            source,
            dry_run,
            added: diff.added,
            changed: diff.changed,
            unchanged: diff.unchanged,
            removed: diff.removed,
            outside_window: calendar.outside_window,
            cancelled: calendar.cancelled,
            capped: calendar
                .notices
                .iter()
                .filter_map(|n| match n {
                    ReadNotice::Capped { uid, line, kept } => Some(named(uid, *line, *kept)),
                    _ => None,
                })
                .collect(),
            capped_total: calendar.capped_series,
            duplicates: calendar
                .notices
                .iter()
                .filter_map(|n| match n {
                    ReadNotice::DuplicateUid { uid, line } => Some(named(uid, *line, 0)),
                    _ => None,
                })
                .collect(),
            duplicates_total: calendar.duplicate_uids,
            warnings,
            warnings_total: calendar.skipped + calendar.floating_zones + calendar.ignored_lines,
        })
    }

    /// Busy time on the Copenhagen days `from` to `to` (both included), by start.
    pub fn busy(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<BusyView>, AppError> {
        let (start, end) = day_range(from, to)?;
        Ok(self.busy_between(start, end)?.into_iter().map(BusyView::of).collect())
    }

    /// Activities and busy time on the days `from` to `to`, by start.
    pub fn calendar(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<CalendarItem>, AppError> {
        let mut items: Vec<(DateTime<chrono::FixedOffset>, CalendarItem)> = Vec::new();
        for a in self.list(from, to)? {
            items.push((parse_start(&a.start), CalendarItem::Activity(Box::new(a))));
        }
        for b in self.busy(from, to)? {
            items.push((parse_start(&b.start), CalendarItem::Busy(b)));
        }
        items.sort_by_key(|(start, _)| *start);
        Ok(items.into_iter().map(|(_, item)| item).collect())
    }

    /// The imported calendars.
    pub fn busy_sources(&self) -> Result<Vec<BusySourceView>, AppError> {
        Ok(list_busy_sources(self.store.conn())?
            .into_iter()
            .map(|s| BusySourceView {
                name: s.name,
                imported: s.imported.with_timezone(&ZONE).to_rfc3339(),
                entries: s.entries,
            })
            .collect())
    }

    /// Removes an imported calendar and its busy time; false if none had that name.
    pub fn remove_busy_source(&mut self, name: &str) -> Result<bool, AppError> {
        Ok(self.store.write(|tx| delete_busy_source(tx, name))?)
    }

    /// Stored busy time overlapping `[from, to)`.
    pub(crate) fn busy_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<BusyRow>, AppError> {
        Ok(list_busy_overlapping(self.store.conn(), from, to)?)
    }
}

/// Busy rows that block `[start, end)` (not free, overlapping).
pub(crate) fn blocking<'a>(
    rows: &'a [BusyRow],
    plan: &'a nabo_core::Scheduled,
    rules: &'a nabo_core::ConflictRules,
) -> impl Iterator<Item = &'a BusyRow> + 'a {
    rows.iter().filter(move |r| rules.busy_clashes(plan, &r.entry))
}

/// The key a [`BusyView`] of this row has.
pub(crate) fn key_of(row: &BusyRow) -> String {
    format!("busy:{}:{}@{}", row.source, row.entry.uid, row.entry.occurrence)
}

/// A plan's clash with busy time, as the front ends show it.
pub(crate) fn conflict_with(row: &BusyRow) -> ConflictView {
    let (start, end) = instants(&row.entry.time);
    ConflictView {
        with: 0,
        kind: ConflictKindView::Overlap,
        with_start: start.with_timezone(&ZONE).to_rfc3339(),
        with_end: end.with_timezone(&ZONE).to_rfc3339(),
        gap_minutes: None,
        needed_minutes: None,
        busy: Some(BusyConflictView {
            source: row.source.clone(),
            title: row.entry.title.to_string(),
            all_day: matches!(row.entry.time, BusyTime::AllDay { .. }),
        }),
    }
}

fn parse_start(text: &str) -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap_or_default()
}
