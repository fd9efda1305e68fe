//! Marking what happened and taking things out: status, skipping a meeting, cancel, delete and undo, and naming a meeting of a series by its day.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use nabo_core::{ActivityId, ActivityStatus, ExceptionChange, OccurrenceException, ZONE};
use nabo_store::{
    delete_activity, get_activity, get_counts, list_exceptions, purge_deleted_activities, restore_activity,
    set_activity_status, set_exception,
};

use crate::dto::{ActivityView, Changed, NoticeView};
use crate::error::AppError;
use crate::service::{day_range, has_counts, not_an_occurrence, Entry, Nabo, UNDO_WINDOW};

impl Nabo {
    /// Marks an activity, a whole series, or one meeting of a series planned, done, cancelled or no-show.
    pub fn set_status(
        &mut self,
        id: ActivityId,
        occurrence: Option<&str>,
        status: ActivityStatus,
        now: DateTime<Utc>,
    ) -> Result<Changed<ActivityView>, AppError> {
        match occurrence {
            None => {
                let activity = get_activity(self.store.conn(), id)?;
                // A one-off with counts stays done; a series' meetings with counts keep their own mark.
                if activity.rrule.is_none()
                    && get_counts(self.store.conn(), id, activity.start.with_timezone(&Utc))?.is_some()
                {
                    nabo_core::may_keep_counts(status, activity.start, now)
                        .map_err(|block| has_counts(id, None, block))?;
                }
                self.store.write(|tx| set_activity_status(tx, id, status, now))?;
                let notice = self.refresh_live_calendar(now);
                Ok(Changed::new(self.get(id)?, notice))
            }
            Some(occurrence) => {
                let series = get_activity(self.store.conn(), id)?;
                let entry = self.entry(&series, occurrence)?;
                let o = entry.occurrence;
                if self.counted_key(&entry)?.is_some() {
                    nabo_core::may_keep_counts(status, o.start, now)
                        .map_err(|block| has_counts(id, o.original_start, block))?;
                }
                let change = ExceptionChange::Changed { start: o.start, end: o.end, status };
                let notices = self.set_exception(id, &entry, change, now)?;
                Ok(Changed::new(self.entry(&series, occurrence)?.view(Vec::new()), notices))
            }
        }
    }

    /// One meeting of a series as it is now (moved or marked, if it was).
    pub fn occurrence_view(&self, id: ActivityId, occurrence: &str) -> Result<ActivityView, AppError> {
        let series = get_activity(self.store.conn(), id)?;
        Ok(self.entry(&series, occurrence)?.view(Vec::new()))
    }

    /// Takes one meeting out of a series (it will not take place).
    pub fn skip_occurrence(
        &mut self,
        id: ActivityId,
        occurrence: &str,
        now: DateTime<Utc>,
    ) -> Result<Changed<()>, AppError> {
        let series = get_activity(self.store.conn(), id)?;
        let entry = self.entry(&series, occurrence)?;
        if self.counted_key(&entry)?.is_some() {
            return Err(has_counts(id, entry.occurrence.original_start, nabo_core::CountsBlock::Skipped));
        }
        let notices = self.set_exception(id, &entry, ExceptionChange::Skipped, now)?;
        Ok(Changed::new((), notices))
    }

    fn set_exception(
        &mut self,
        id: ActivityId,
        entry: &Entry,
        change: ExceptionChange,
        now: DateTime<Utc>,
    ) -> Result<Option<NoticeView>, AppError> {
        let original_start = entry.occurrence.original_start.ok_or_else(|| not_an_occurrence(id, "?"))?;
        let exception = OccurrenceException { original_start, change };
        self.store.write(|tx| set_exception(tx, id, &exception, now))?;
        Ok(self.refresh_live_calendar(now))
    }

    /// Cancels an activity or a whole series; it stays in the calendar, marked cancelled.
    pub fn cancel(&mut self, id: ActivityId, now: DateTime<Utc>) -> Result<Changed<ActivityView>, AppError> {
        self.set_status(id, None, ActivityStatus::Cancelled, now)
    }

    /// The meeting of series `id` that `ID@DATE` names (its original start, RFC 3339).
    ///
    /// `DATE` is the Copenhagen day the series' rule put the meeting on, whether or not it was
    /// moved since: a meeting keeps its name. Only when the rule has no meeting that day (or it
    /// was skipped) does `DATE` name a meeting moved onto that day, and then only if exactly one was.
    pub fn occurrence_on(&self, id: ActivityId, date: NaiveDate) -> Result<String, AppError> {
        let series = get_activity(self.store.conn(), id)?;
        let rule = series.recurrence().ok_or_else(|| not_an_occurrence(id, &date.to_string()))?;
        let (from, to) = day_range(date, date)?;
        let (from, to) = (from.with_timezone(&ZONE), to.with_timezone(&ZONE));
        let exceptions = list_exceptions(self.store.conn(), id)?;
        let skipped: Vec<DateTime<Tz>> =
            exceptions.iter().filter(|e| e.change == ExceptionChange::Skipped).map(|e| e.original_start).collect();
        if let Some(original) = rule.starts_between(series.start, &skipped, from, to).into_iter().find(|t| *t >= from) {
            return Ok(original.to_rfc3339());
        }
        let moved_here: Vec<DateTime<Tz>> = exceptions
            .iter()
            .filter_map(|e| match e.change {
                ExceptionChange::Changed { start, .. } if start >= from && start < to => Some(e.original_start),
                _ => None,
            })
            .collect();
        match moved_here.as_slice() {
            [one] => Ok(one.to_rfc3339()),
            [] => Err(not_an_occurrence(id, &date.to_string())),
            several => Err(AppError::AmbiguousOccurrence {
                id: id.0,
                date: date.to_string(),
                originals: several.iter().map(|t| t.date_naive().to_string()).collect::<Vec<_>>().join(", "),
            }),
        }
    }

    /// Deletes an activity or series; [`Nabo::restore`] brings it back for a few minutes, then it is gone.
    pub fn delete(&mut self, id: ActivityId, now: DateTime<Utc>) -> Result<Changed<()>, AppError> {
        self.store.write(|tx| {
            delete_activity(tx, id, now)?;
            purge_deleted_activities(tx, now - UNDO_WINDOW)
        })?;
        let notice = self.refresh_live_calendar(now);
        Ok(Changed::new((), notice))
    }

    /// Undoes a recent delete.
    pub fn restore(&mut self, id: ActivityId, now: DateTime<Utc>) -> Result<Changed<ActivityView>, AppError> {
        self.store.write(|tx| restore_activity(tx, id, now))?;
        let notice = self.refresh_live_calendar(now);
        Ok(Changed::new(self.get(id)?, notice))
    }

    /// Removes for good what was deleted longer ago than the undo window; returns how many.
    pub fn purge_deleted(&mut self, now: DateTime<Utc>) -> Result<usize, AppError> {
        Ok(self.store.write(|tx| purge_deleted_activities(tx, now - UNDO_WINDOW))?)
    }
}
