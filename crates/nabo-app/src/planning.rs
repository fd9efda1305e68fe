//! Planning and changing activities: plan, edit (a whole series or from one meeting on), move.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use nabo_core::{
    Activity, ActivityDraft, ActivityId, ActivityStatus, ExceptionChange, LocalDateTime, Minutes, OccurrenceException,
    PublicPlaces, Span, ValidActivity, ZONE,
};
use nabo_store::{
    get_activity, insert_activity, list_counted_occurrences, list_exceptions, move_counts, move_exceptions,
    rekey_occurrences, set_exception, update_activity, CountsMove, NewActivity,
};

use crate::dto::{ConflictView, NoticeView, PlanOutcome, PlanRequest};
use crate::error::AppError;
use crate::service::{has_counts, not_an_occurrence, Nabo};

/// What follows an activity whose time or rule changes.
enum Follow {
    /// Nothing recorded needs to move.
    Nothing,
    /// A one-off's counts: their key now and the month they count in from now on.
    Counts { from_start: DateTime<Utc>, period: String },
    /// A series' marked meetings: their original starts before and after.
    Meetings(Vec<(DateTime<Utc>, DateTime<Utc>)>),
}

impl Nabo {
    /// Plans a new activity or series; it is stored even when it clashes, and the clashes are returned.
    pub fn plan(&mut self, request: PlanRequest, now: DateTime<Utc>) -> Result<PlanOutcome, AppError> {
        let outcome = self.insert(validate(request, &self.public_places()?)?, false, now)?;
        Ok(self.after_change(outcome, now))
    }

    pub(crate) fn insert(
        &mut self,
        plan: ValidActivity,
        example: bool,
        now: DateTime<Utc>,
    ) -> Result<PlanOutcome, AppError> {
        let conflicts = self.conflicts_for(&plan, None)?;
        let uid = new_uid();
        let id = self.store.write(|tx| insert_activity(tx, &NewActivity { plan: &plan, uid: &uid, example }, now))?;
        Ok(outcome(id, &plan, conflicts))
    }

    /// Replaces an activity's (or a whole series') details; returns what it now clashes with.
    pub fn update(
        &mut self,
        id: ActivityId,
        request: PlanRequest,
        now: DateTime<Utc>,
    ) -> Result<PlanOutcome, AppError> {
        let current = get_activity(self.store.conn(), id)?;
        let plan = validate(request, &self.public_places()?)?;
        self.replace(&current, plan, now)
    }

    /// Replaces an activity's (or a whole series') details with `plan`; counts recorded on it
    /// follow it, or the change is refused when they could not (see [`nabo_core::may_keep_counts`]).
    fn replace(
        &mut self,
        current: &Activity,
        plan: ValidActivity,
        now: DateTime<Utc>,
    ) -> Result<PlanOutcome, AppError> {
        let id = current.id;
        let follow = self.what_follows(current, &plan, now)?;
        let conflicts = self.conflicts_for(&plan, Some(id))?;
        self.store.write(|tx| {
            update_activity(tx, id, &plan, now)?;
            match &follow {
                Follow::Nothing => {}
                Follow::Counts { from_start, period } => {
                    let to_start = plan.start().with_timezone(&Utc);
                    let change =
                        CountsMove { from: id, from_start: *from_start, to: id, to_start, period: Some(period) };
                    move_counts(tx, &change)?;
                }
                Follow::Meetings(pairs) => rekey_occurrences(tx, id, pairs)?,
            }
            Ok::<_, AppError>(())
        })?;
        Ok(self.after_change(outcome(id, &plan, conflicts), now))
    }

    /// What must follow `current` when it becomes `plan`: a one-off's counts (to its new time and
    /// month), or a series' marked meetings (to where the moved rule puts them, by the same shift
    /// on the wall clock). Refused when counts could not stay true.
    fn what_follows(&self, current: &Activity, plan: &ValidActivity, now: DateTime<Utc>) -> Result<Follow, AppError> {
        let counted = list_counted_occurrences(self.store.conn(), current.id)?;
        match (current.recurrence(), plan.recurrence()) {
            (None, _) if counted.is_empty() => Ok(Follow::Nothing),
            (None, None) => {
                nabo_core::may_keep_counts(current.status, plan.start(), now)
                    .map_err(|block| has_counts(current.id, None, block))?;
                let from_start = current.start.with_timezone(&Utc);
                Ok(Follow::Counts { from_start, period: nabo_core::counted_month(plan.start()) })
            }
            // A one-off with counts made a series: it would become a planned series.
            (None, Some(_)) => {
                Err(has_counts(current.id, None, nabo_core::CountsBlock::NotDone { status: ActivityStatus::Planned }))
            }
            (Some(_), Some(rule)) => {
                let shift = plan.start().naive_local() - current.start.naive_local();
                let renamed = |at: DateTime<Tz>| -> Option<DateTime<Tz>> {
                    nabo_core::resolve_local(nabo_core::LocalDateTime::new(at.naive_local() + shift)).ok().map(|r| r.at)
                };
                let has_meeting = |at: DateTime<Tz>| {
                    rule.starts_between(plan.start(), &[], at, at + Duration::seconds(1)).contains(&at)
                };
                // A series keeps its counted meetings only where its new rule still has them.
                for key in &counted {
                    let old = key.with_timezone(&ZONE);
                    if !renamed(old).is_some_and(has_meeting) {
                        return Err(AppError::SeriesDropsCounts {
                            id: current.id.0,
                            date: old.date_naive().to_string(),
                        });
                    }
                }
                if shift.is_zero() {
                    return Ok(Follow::Nothing);
                }
                let pairs = list_exceptions(self.store.conn(), current.id)?
                    .into_iter()
                    .filter_map(|e| renamed(e.original_start).map(|new| (e.original_start, new)))
                    .map(|(old, new)| (old.with_timezone(&Utc), new.with_timezone(&Utc)))
                    .collect();
                Ok(Follow::Meetings(pairs))
            }
            // A series made a one-off: its counted meetings would have nothing to belong to.
            (Some(_), None) => match counted.first() {
                None => Ok(Follow::Nothing),
                Some(first) => Err(AppError::SeriesDropsCounts {
                    id: current.id.0,
                    date: first.with_timezone(&ZONE).date_naive().to_string(),
                }),
            },
        }
    }

    /// Changes one meeting of a series and all after it: the series is split at `occurrence`,
    /// the part before keeps the old details, the part from it on gets `request`.
    pub fn update_following(
        &mut self,
        id: ActivityId,
        occurrence: &str,
        request: PlanRequest,
        now: DateTime<Utc>,
    ) -> Result<PlanOutcome, AppError> {
        let series = get_activity(self.store.conn(), id)?;
        let original = self.occurrence_of(&series, occurrence)?;
        let rule = series.recurrence().ok_or_else(|| not_an_occurrence(id, occurrence))?;
        if original == series.start {
            return self.update(id, request, now);
        }
        // The series' own rule sent back unchanged (as an edit form does) continues the series:
        // its COUNT then counts only the meetings from the split on. A new rule is taken as given.
        let unchanged =
            |given: &str| nabo_core::Recurrence::parse(given, series.start).is_ok_and(|r| r.as_str() == rule.as_str());
        let rest_rule = match request.rrule.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            Some(given) if !unchanged(given) => given.to_string(),
            _ => rule.from_occurrence(series.start, original).to_string(),
        };
        let places = self.public_places()?;
        let rest = validate(PlanRequest { rrule: Some(rest_rule), ..request }, &places)?;
        let before = ActivityDraft { rrule: Some(rule.ending_before(original).to_string()), ..series.to_draft() }
            .validate_among(&places)?;
        let conflicts = self.conflicts_for(&rest, Some(id))?;
        // Counted meetings from the split on go to the new series, named where its rule puts them;
        // refused if the new rule has no meeting there (the counts would belong to nothing).
        let shift = rest.start() - original;
        let split = original.with_timezone(&Utc);
        let counted: Vec<DateTime<Utc>> =
            list_counted_occurrences(self.store.conn(), id)?.into_iter().filter(|k| *k >= split).collect();
        if let Some(rule) = rest.recurrence() {
            for key in &counted {
                let at = (*key + shift).with_timezone(&ZONE);
                if !rule.starts_between(rest.start(), &[], at, at + Duration::seconds(1)).contains(&at) {
                    let date = key.with_timezone(&ZONE).date_naive().to_string();
                    return Err(AppError::SeriesDropsCounts { id: id.0, date });
                }
            }
        }
        let uid = new_uid();
        let new_id = self.store.write(|tx| {
            update_activity(tx, id, &before, now)?;
            let new_id = insert_activity(tx, &NewActivity { plan: &rest, uid: &uid, example: series.example }, now)?;
            // Meetings after the split keep their exceptions, at the new series' time of day.
            move_exceptions(tx, id, new_id, split, shift)?;
            for key in &counted {
                let change =
                    CountsMove { from: id, from_start: *key, to: new_id, to_start: *key + shift, period: None };
                move_counts(tx, &change)?;
            }
            Ok::<_, AppError>(new_id)
        })?;
        Ok(self.after_change(outcome(new_id, &rest, conflicts), now))
    }

    /// Moves an activity, or one meeting of a series, to new Copenhagen wall-clock times
    /// (`YYYY-MM-DDTHH:MM`), as a drag in the calendar does.
    pub fn move_to(
        &mut self,
        id: ActivityId,
        occurrence: Option<&str>,
        start: &str,
        end: &str,
        now: DateTime<Utc>,
    ) -> Result<PlanOutcome, AppError> {
        let end: LocalDateTime = end.parse().map_err(|source| time_error(nabo_core::Field::End, source))?;
        self.move_with(id, occurrence, start, Span::Until(end), now)
    }

    /// Moves an activity, or one meeting of a series, to start at `start` and last `length`.
    pub fn move_for(
        &mut self,
        id: ActivityId,
        occurrence: Option<&str>,
        start: &str,
        length: Minutes,
        now: DateTime<Utc>,
    ) -> Result<PlanOutcome, AppError> {
        self.move_with(id, occurrence, start, Span::For(length), now)
    }

    fn move_with(
        &mut self,
        id: ActivityId,
        occurrence: Option<&str>,
        start: &str,
        span: Span,
        now: DateTime<Utc>,
    ) -> Result<PlanOutcome, AppError> {
        let current = get_activity(self.store.conn(), id)?;
        let start: LocalDateTime = start.parse().map_err(|source| time_error(nabo_core::Field::Start, source))?;
        let places = self.public_places()?;
        match occurrence {
            None => {
                let plan = ActivityDraft { start, span, ..current.to_draft() }.validate_among(&places)?;
                self.replace(&current, plan, now)
            }
            Some(occurrence) => {
                let entry = self.entry(&current, occurrence)?;
                // The meeting alone, checked like any plan (DST gap, length), without its rule.
                let single =
                    ActivityDraft { start, span, rrule: None, ..current.to_draft() }.validate_among(&places)?;
                // Its counts stay with it (named by its original start) and count in its new month.
                let counted = self.counted_key(&entry)?;
                if counted.is_some() {
                    nabo_core::may_keep_counts(entry.occurrence.status, single.start(), now)
                        .map_err(|block| has_counts(id, entry.occurrence.original_start, block))?;
                }
                let conflicts = self.conflicts_for(&single, Some(id))?;
                let change = ExceptionChange::Changed {
                    start: single.start(),
                    end: single.end(),
                    status: entry.occurrence.status,
                };
                let period = nabo_core::counted_month(single.start());
                let original_start =
                    entry.occurrence.original_start.ok_or_else(|| not_an_occurrence(id, occurrence))?;
                let exception = OccurrenceException { original_start, change };
                self.store.write(|tx| {
                    set_exception(tx, id, &exception, now)?;
                    if let Some(key) = counted {
                        let change =
                            CountsMove { from: id, from_start: key, to: id, to_start: key, period: Some(&period) };
                        move_counts(tx, &change)?;
                    }
                    Ok::<_, AppError>(())
                })?;
                Ok(self.after_change(outcome(id, &single, conflicts), now))
            }
        }
    }
}

fn new_uid() -> String {
    format!("{}@nabo", uuid::Uuid::new_v4())
}

fn time_error(field: nabo_core::Field, source: nabo_core::TimeError) -> AppError {
    AppError::Invalid(nabo_core::ValidationError::Time { field, source })
}

/// The request checked and its times resolved; a venue may name one of `places` with its address.
pub(crate) fn validate(request: PlanRequest, places: &PublicPlaces) -> Result<ValidActivity, AppError> {
    let start: LocalDateTime = request.start.parse().map_err(|source| time_error(nabo_core::Field::Start, source))?;
    let duration = Minutes::new(request.duration_minutes)
        .ok_or(nabo_core::DurationError::NotPositive { input: format!("{}m", request.duration_minutes) })?;
    Ok(ActivityDraft {
        kind: request.kind,
        start,
        span: Span::For(duration),
        rrule: request.rrule,
        details: request.details,
    }
    .validate_among(places)?)
}

/// What a plan or change did: the id, its clashes, and how its time was read.
pub(crate) fn outcome(id: ActivityId, plan: &ValidActivity, conflicts: Vec<ConflictView>) -> PlanOutcome {
    PlanOutcome { id: id.0, conflicts, notices: plan.notice().into_iter().map(NoticeView::from).collect() }
}
