//! Recording anonymised counts on an activity that took place, and the volunteer's month.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use nabo_core::{
    ActivityId, ActivityStatus, CountsBlock, CountsWarning, ExceptionChange, GroupKind, OccurrenceException, Scheme,
};
use nabo_store::{
    count_one_offs_by_kind_status, get_activity, get_counts, get_identity, latest_counts_before, list_count_edits,
    list_series_overlapping, month_count_totals, record_counts, remove_counts, set_activity_status, set_exception,
    NewCounts,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dto::{ActivityView, Changed};
use crate::error::AppError;
use crate::service::{day_range, Entry, Nabo};

/// A group of the category scheme, as the front ends show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SchemeGroupView {
    /// Its key (`gender`).
    pub key: String,
    /// `total`, `breakdown` (adds up to the people reached) or `tally`.
    pub kind: String,
    /// Danish label.
    pub da: String,
    /// English label.
    pub en: String,
    /// Its buckets: full key (`gender.women`) and labels; empty for a total.
    pub buckets: Vec<SchemeBucketView>,
}

/// A bucket of a scheme group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SchemeBucketView {
    /// The full key (`gender.women`).
    pub key: String,
    /// Danish label.
    pub da: String,
    /// English label.
    pub en: String,
}

/// The category scheme new counts are recorded with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SchemeView {
    /// Its version (`v1`).
    pub version: String,
    /// Its groups in order.
    pub groups: Vec<SchemeGroupView>,
}

/// Something about recorded counts worth a second look.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CountsWarningView {
    /// `much_larger_than_usual`.
    pub code: String,
    /// People reached.
    pub reached: u32,
    /// The usual size.
    pub usual: u32,
}

/// What recording counts did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecordOutcome {
    /// The activity (or meeting), now marked done.
    pub activity: ActivityView,
    /// Counts were recorded before and were replaced (the edit is logged).
    pub edited: bool,
    /// Every key of the scheme with the value recorded (unknown buckets filled in).
    #[ts(type = "Record<string, number>")]
    pub values: BTreeMap<String, u32>,
    /// What is worth a second look.
    pub warnings: Vec<CountsWarningView>,
}

/// The counts of one occurrence for the form: what was recorded, or a suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CountsForm {
    /// What was recorded on this occurrence (current scheme), if anything.
    #[ts(type = "Record<string, number> | null")]
    pub recorded: Option<BTreeMap<String, u32>>,
    /// For a meeting of a series without counts: the last meeting's, to start from.
    #[ts(type = "Record<string, number> | null")]
    pub prefill: Option<BTreeMap<String, u32>>,
    /// How many times the recorded counts were edited.
    #[ts(type = "number")]
    pub edits: usize,
}

/// How many activities of a kind had a status in a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KindStatusCount {
    /// The kind.
    pub kind: String,
    /// The status.
    pub status: String,
    /// How many.
    #[ts(type = "number")]
    pub count: usize,
}

/// The volunteer's month: activities by kind and status, and the counts' totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MonthStats {
    /// `YYYY-MM`.
    pub period: String,
    /// Activities (meetings of series counted one by one), by kind and status.
    pub activities: Vec<KindStatusCount>,
    /// How many activities have counts.
    #[ts(type = "number")]
    pub recorded: usize,
    /// The sum of every key of the current scheme (older records migrated).
    #[ts(type = "Record<string, number>")]
    pub totals: BTreeMap<String, u64>,
}

/// Reads `key=value` arguments into counts (the CLI's form).
pub fn parse_counts<S: AsRef<str>>(args: &[S]) -> Result<BTreeMap<String, u32>, AppError> {
    Ok(nabo_core::parse_assignments(args)?)
}

/// Reads `YYYY-MM` into the first day of that month, in the planning years.
pub fn parse_period(input: &str) -> Result<NaiveDate, AppError> {
    let first = NaiveDate::parse_from_str(&format!("{}-01", input.trim()), "%Y-%m-%d")
        .ok()
        .filter(|_| input.trim().len() == 7)
        // Echoed in the message: tidied, so an ESC in it cannot reach the terminal.
        .ok_or_else(|| AppError::UnreadablePeriod { input: nabo_core::tidy_line(input.trim(), 20) })?;
    if !nabo_core::in_planning_years(first) {
        return Err(AppError::DateOutOfRange { field: "period" });
    }
    Ok(first)
}

fn scheme() -> Result<&'static Scheme, AppError> {
    Scheme::current().map_err(AppError::Scheme)
}

impl Nabo {
    /// The category scheme new counts are recorded with.
    pub fn scheme(&self) -> Result<SchemeView, AppError> {
        let scheme = scheme()?;
        Ok(SchemeView {
            version: scheme.version.clone(),
            groups: scheme
                .groups
                .iter()
                .map(|g| SchemeGroupView {
                    key: g.key.clone(),
                    kind: match g.kind {
                        GroupKind::Total => "total",
                        GroupKind::Breakdown => "breakdown",
                        GroupKind::Tally => "tally",
                    }
                    .to_string(),
                    da: g.da.clone(),
                    en: g.en.clone(),
                    buckets: g
                        .buckets
                        .iter()
                        .map(|b| SchemeBucketView {
                            key: format!("{}.{}", g.key, b.key),
                            da: b.da.clone(),
                            en: b.en.clone(),
                        })
                        .collect(),
                })
                .collect(),
        })
    }

    /// The activity or meeting named by `id` and `occurrence` (RFC 3339, for a meeting of a series).
    fn counted_entry(&self, id: ActivityId, occurrence: Option<&str>) -> Result<Entry, AppError> {
        let activity = get_activity(self.store.conn(), id)?;
        match occurrence {
            Some(occurrence) => self.entry(&activity, occurrence),
            None if activity.rrule.is_some() => Err(AppError::OccurrenceRequired { id: id.0 }),
            None => {
                let occurrence = nabo_core::Occurrence {
                    activity: id,
                    original_start: None,
                    start: activity.start,
                    end: activity.end,
                    status: activity.status,
                };
                Ok(Entry { activity, occurrence })
            }
        }
    }

    /// Records counts on an activity (or one meeting of a series) that has started, and marks it done.
    ///
    /// Counts given before are replaced and the edit is logged (who and when).
    pub fn record(
        &mut self,
        id: ActivityId,
        occurrence: Option<&str>,
        given: &BTreeMap<String, u32>,
        now: DateTime<Utc>,
    ) -> Result<Changed<RecordOutcome>, AppError> {
        let entry = self.counted_entry(id, occurrence)?;
        let o = entry.occurrence;
        nabo_core::may_record(o.status, o.start, now).map_err(|block| AppError::CountsNotAllowed {
            id: id.0,
            reason: if block == CountsBlock::Future { "future" } else { "cancelled" },
        })?;
        let scheme = scheme()?;
        let valid = scheme.validate(entry.activity.kind, entry.activity.details.expected_size, given)?;
        // Counts are named by the occurrence (a meeting: where its rule put it) and count in
        // the month it took place.
        let key_start = o.original_start.unwrap_or(o.start).with_timezone(&Utc);
        let period = nabo_core::counted_month(o.start);
        let editor = self.editor()?;
        let counts = NewCounts {
            activity: id,
            occurrence_start: key_start,
            period: &period,
            scheme: &valid.scheme,
            values: &valid.values,
        };
        let series = o.original_start.is_some();
        let edited = self.store.write(|tx| {
            let edited = record_counts(tx, &counts, &editor, now)?;
            if series {
                let change = ExceptionChange::Changed { start: o.start, end: o.end, status: ActivityStatus::Done };
                let exception = OccurrenceException { original_start: o.original_start.unwrap_or(o.start), change };
                set_exception(tx, id, &exception, now)?;
            } else {
                set_activity_status(tx, id, ActivityStatus::Done, now)?;
            }
            Ok::<_, nabo_store::StoreError>(edited)
        })?;
        let notice = self.refresh_live_calendar(now);
        let activity = match occurrence {
            Some(occurrence) => self.occurrence_view(id, occurrence)?,
            None => self.get(id)?,
        };
        let warnings = valid
            .warnings
            .iter()
            .map(|w| match *w {
                CountsWarning::MuchLargerThanUsual { reached, usual } => {
                    CountsWarningView { code: "much_larger_than_usual".into(), reached, usual }
                }
            })
            .collect();
        Ok(Changed::new(RecordOutcome { activity, edited, values: valid.values, warnings }, notice))
    }

    /// Who is logged as changing counts: this database's user, by name or role.
    fn editor(&self) -> Result<String, AppError> {
        Ok(match get_identity(self.store.conn())? {
            Some(identity) => identity.display_name.unwrap_or_else(|| identity.role.as_str().to_string()),
            None => "volunteer".to_string(),
        })
    }

    /// Removes the counts recorded on an activity (or one meeting of a series), e.g. when it did
    /// not take place after all; it stays done until marked otherwise. Returns whether it had any.
    pub fn remove_counts(
        &mut self,
        id: ActivityId,
        occurrence: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Changed<bool>, AppError> {
        let entry = self.counted_entry(id, occurrence)?;
        let o = entry.occurrence;
        let key_start = o.original_start.unwrap_or(o.start).with_timezone(&Utc);
        let editor = self.editor()?;
        let removed = self.store.write(|tx| remove_counts(tx, id, key_start, &editor, now))?;
        // The file shows no counts, but it is rewritten like after every change: a volunteer
        // whose file stopped updating learns it at her next change, whichever that is.
        let notice = if removed { self.refresh_live_calendar(now) } else { None };
        Ok(Changed::new(removed, notice))
    }

    /// What the counts form of an activity (or meeting) starts from.
    pub fn counts_form(&self, id: ActivityId, occurrence: Option<&str>) -> Result<CountsForm, AppError> {
        let entry = self.counted_entry(id, occurrence)?;
        let o = entry.occurrence;
        let key_start = o.original_start.unwrap_or(o.start).with_timezone(&Utc);
        let current = scheme()?;
        let migrate = |c: nabo_store::RecordedCounts| current.migrate(&c.scheme, &c.values).map_err(AppError::Scheme);
        let recorded = get_counts(self.store.conn(), id, key_start)?.map(migrate).transpose()?;
        let prefill = if recorded.is_none() && o.original_start.is_some() {
            latest_counts_before(self.store.conn(), id, key_start)?.map(migrate).transpose()?
        } else {
            None
        };
        let edits = list_count_edits(self.store.conn(), id, key_start)?.len();
        Ok(CountsForm { recorded, prefill, edits })
    }

    /// The month starting on `first` (a first of the month): activities by kind and status, and count totals.
    pub fn month_stats(&self, first: NaiveDate) -> Result<MonthStats, AppError> {
        let last = first.checked_add_months(Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(first);
        let (from, to) = day_range(first, last)?;
        // One-offs are counted by SQL on the start index; only series are expanded.
        let mut by: BTreeMap<(String, String), usize> = BTreeMap::new();
        for (kind, status, n) in count_one_offs_by_kind_status(self.store.conn(), from, to)? {
            *by.entry((kind, status)).or_insert(0) += n;
        }
        for series in list_series_overlapping(self.store.conn(), from, to)? {
            for e in self.entries_of(&series, from, to)? {
                if e.occurrence.start.with_timezone(&Utc) >= from {
                    let key = (e.activity.kind.as_str().to_string(), e.occurrence.status.as_str().to_string());
                    *by.entry(key).or_insert(0) += 1;
                }
            }
        }
        let period = format!("{:04}-{:02}", first.year(), first.month());
        let month = month_count_totals(self.store.conn(), &period)?;
        let current = scheme()?;
        let mut totals: BTreeMap<String, u64> = current.keys().into_iter().map(|k| (k, 0)).collect();
        let mut per_scheme: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
        for ((version, key), sum) in month.totals {
            per_scheme.entry(version).or_default().insert(key, u32::try_from(sum).unwrap_or(u32::MAX));
        }
        for (version, values) in per_scheme {
            for (key, value) in current.migrate(&version, &values).map_err(AppError::Scheme)? {
                *totals.entry(key).or_insert(0) += u64::from(value);
            }
        }
        Ok(MonthStats {
            period,
            activities: by.into_iter().map(|((kind, status), count)| KindStatusCount { kind, status, count }).collect(),
            recorded: month.records,
            totals,
        })
    }
}
