//! The service: each use-case once, for both front ends.

use std::path::Path;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use nabo_core::{
    conflicts_among, expand_series, find_conflicts, start_of_day, Activity, ActivityDraft, ActivityId, ActivityKind,
    ActivityStatus, ConflictRules, Details, ExceptionChange, LocalDateTime, Minutes, Occurrence, OccurrenceException,
    Scheduled, Span, ValidActivity, ZONE,
};
use nabo_store::{
    delete_activity, delete_example_activities, get_activity, get_counts, get_identity, insert_activity,
    insert_identity, list_activities_overlapping, list_counted_occurrences, list_exceptions, move_counts,
    move_exceptions, purge_deleted_activities, recent_values, rekey_occurrences, restore_activity, set_activity_status,
    set_exception, update_activity, CountsMove, Identity, NewActivity, RememberedText, Store, StoreError,
};

pub use nabo_store::Role;

use crate::busy::{blocking, conflict_with, key_of};
use crate::dto::{
    ActivityView, Agenda, Changed, ConflictPairView, ConflictView, NoticeView, PlanOutcome, PlanRequest,
    SuggestionField,
};
use crate::error::AppError;
use crate::settings::Settings;

/// The longest range `list` accepts, in days (five years).
const MAX_RANGE_DAYS: i64 = 5 * 366;

/// How long a deleted activity can be brought back before it is removed for good.
const UNDO_WINDOW: Duration = Duration::minutes(10);

/// How far back the overdue list looks.
const OVERDUE_DAYS: i64 = 90;

/// How many suggestions a text field offers.
const SUGGESTIONS: usize = 10;

/// How far ahead a new or changed series is checked for clashes.
const SERIES_CONFLICT_DAYS: i64 = 366;

/// Nabo's use-cases over one open database.
#[derive(Debug)]
pub struct Nabo {
    store: Store,
    rules: ConflictRules,
    /// The computer's language as the front end read it ([`Nabo::start`]); Danish until then.
    pub(crate) computer_language: crate::i18n::Language,
}

/// What `check` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    /// Damage or broken references SQLite found; empty when the file is sound.
    pub problems: Vec<String>,
    /// How many activities (one-offs and series) are stored.
    pub activities: i64,
    /// The schema version.
    pub schema_version: i64,
    /// Clashes among planned activities from now on.
    pub upcoming_conflicts: Vec<ConflictPairView>,
    /// Stored text that looks like personal data (kept from before the guard, or edited by
    /// hand): activity id, field and kind — never the text itself.
    pub personal_data: Vec<(i64, &'static str, &'static str)>,
}

/// One occurrence in the calendar with the activity (or series) it belongs to.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) activity: Activity,
    pub(crate) occurrence: Occurrence,
}

impl Entry {
    pub(crate) fn view(self, conflicts: Vec<i64>) -> ActivityView {
        ActivityView::of_occurrence(self.activity, &self.occurrence, conflicts)
    }

    /// As conflict detection sees it, under a stand-in id (its index in a list) so that
    /// each meeting of a series is told apart from the others.
    fn scheduled(&self, index: usize) -> Scheduled {
        Scheduled {
            id: Some(ActivityId(i64::try_from(index).unwrap_or(i64::MAX))),
            kind: self.activity.kind,
            status: self.occurrence.status,
            start: self.occurrence.start,
            end: self.occurrence.end,
        }
    }
}

/// What follows an activity whose time or rule changes.
enum Follow {
    /// Nothing recorded needs to move.
    Nothing,
    /// A one-off's counts: their key now and the month they count in from now on.
    Counts { from_start: DateTime<Utc>, period: String },
    /// A series' marked meetings: their original starts before and after.
    Meetings(Vec<(DateTime<Utc>, DateTime<Utc>)>),
}

/// The index a stand-in id from [`Entry::scheduled`] stands for.
fn index_of(id: ActivityId) -> usize {
    usize::try_from(id.0).unwrap_or(usize::MAX)
}

impl Nabo {
    /// Creates a new database for `role` and opens it.
    pub fn init(path: &Path, role: Role, display_name: Option<String>, now: DateTime<Utc>) -> Result<Self, AppError> {
        // Checked before the file is made: a refused name leaves nothing behind.
        let display_name = nabo_core::clean_text(nabo_core::Field::DisplayName, display_name)
            .map_err(|e| AppError::Invalid(nabo_core::ValidationError::Text(e)))?;
        let mut store = Store::create(path)?;
        store.write(|tx| insert_identity(tx, &Identity { role, display_name }, now))?;
        Self::with_store(store)
    }

    /// Opens an existing database.
    pub fn open(path: &Path) -> Result<Self, AppError> {
        Self::with_store(Store::open(path)?)
    }

    /// Opens the database, creating it on first start (the desktop app's way).
    pub fn open_or_create(path: &Path) -> Result<Self, AppError> {
        Self::with_store(Store::open_or_create(path)?)
    }

    fn with_store(store: Store) -> Result<Self, AppError> {
        // The category scheme is loaded and checked at start, not at the first record.
        nabo_core::Scheme::current().map_err(AppError::Scheme)?;
        let settings = Settings::load(store.conn())?;
        Ok(Self { store, rules: rules_from(&settings), computer_language: Default::default() })
    }

    /// The start-up routine both front ends run after opening, with what only they may read:
    /// the computer's language (the fallback while none is chosen in settings) and the clock.
    /// Removes for good what was deleted longer ago than the undo window — only when there is
    /// something to remove (so a command that reads writes nothing, and a start with nothing to
    /// remove does not wait for the integrity check a write needs first), and not on a damaged
    /// database (it is read, never written). Returns how many activities were removed.
    pub fn start(&mut self, computer_language: crate::i18n::Language, now: DateTime<Utc>) -> Result<usize, AppError> {
        self.computer_language = computer_language;
        let cutoff = now - UNDO_WINDOW;
        if nabo_store::count_deleted_before(self.store.conn(), cutoff)? == 0 || self.store.is_damaged() {
            return Ok(0);
        }
        Ok(self.store.write(|tx| purge_deleted_activities(tx, cutoff))?)
    }

    /// Runs `f` in one transaction, for use-cases in sibling modules.
    pub(crate) fn store_write<T>(
        &mut self,
        f: impl FnOnce(nabo_store::Db<'_>) -> Result<T, StoreError>,
    ) -> Result<T, AppError> {
        Ok(self.store.write(f)?)
    }

    /// The connection, for read-only use-cases in sibling modules.
    pub(crate) fn store_conn(&self) -> nabo_store::Db<'_> {
        self.store.conn()
    }

    /// The database file in use.
    pub fn database_path(&self) -> &Path {
        self.store.path()
    }

    /// The database's own files, which no file Nabo writes may replace.
    pub fn protected_files(&self) -> crate::files::ProtectedFiles {
        crate::files::ProtectedFiles::of_database(self.store.path())
    }

    /// True when the database was found damaged at open: reading works as far as it can,
    /// every change is refused (`ErrorCode::DatabaseDamaged`).
    pub fn is_damaged(&self) -> bool {
        self.store.is_damaged()
    }

    /// How long a change waits for another Nabo that is writing (default 30 s).
    pub fn set_busy_timeout(&self, timeout: std::time::Duration) -> Result<(), AppError> {
        Ok(self.store.set_busy_timeout(timeout)?)
    }

    /// Who uses this database, if `init` recorded it.
    pub fn identity(&self) -> Result<Option<Identity>, AppError> {
        Ok(get_identity(self.store.conn())?)
    }

    /// The user's settings, with defaults for what was never set.
    pub fn settings(&self) -> Result<Settings, AppError> {
        Settings::load(self.store.conn())
    }

    /// The interface language: the one chosen in settings, else the computer's.
    pub fn language(&self) -> crate::i18n::Language {
        self.settings().map(|s| s.interface_language(self.computer_language)).unwrap_or(self.computer_language)
    }

    /// Checks and saves all settings at once; conflict checks use them from now on.
    pub fn save_settings(&mut self, settings: Settings, now: DateTime<Utc>) -> Result<Changed<Settings>, AppError> {
        let stored = self.settings()?;
        settings.validate_change(&stored)?;
        // The target is checked only when it changes: a live calendar whose folder vanished must
        // not block every other setting; the rewrite below says the file could not be written.
        let new_path =
            settings.live_calendar_path.as_deref().filter(|p| Some(*p) != stored.live_calendar_path.as_deref());
        if let Some(path) = new_path {
            // Refused when saved, not only at the first rewrite: a live calendar path onto the
            // database would otherwise replace it after the next change (issue 10).
            crate::files::check_target(Path::new(path), &self.protected_files()).map_err(|e| match e {
                AppError::ProtectedTarget { path } => AppError::InvalidLiveCalendar { path, reason: "database" },
                AppError::UnusableTarget { path, reason } => AppError::InvalidLiveCalendar { path, reason },
                other => other,
            })?;
        }
        self.store.write(|tx| settings.store(tx, now))?;
        self.rules = rules_from(&settings);
        let notice = self.refresh_live_calendar(now);
        Ok(Changed::new(self.settings()?, notice))
    }

    /// Minutes needed between two home visits.
    pub fn travel_buffer_minutes(&self) -> i64 {
        self.rules.travel_buffer.num_minutes()
    }

    /// Sets the minutes needed between two home visits (0 to 240).
    pub fn set_travel_buffer(&mut self, minutes: i64, now: DateTime<Utc>) -> Result<Changed<()>, AppError> {
        let settings = Settings { travel_buffer_minutes: minutes, ..self.settings()? };
        let saved = self.save_settings(settings, now)?;
        Ok(Changed::new((), saved.notices))
    }

    /// Plans a new activity or series; it is stored even when it clashes, and the clashes are returned.
    pub fn plan(&mut self, request: PlanRequest, now: DateTime<Utc>) -> Result<PlanOutcome, AppError> {
        let outcome = self.insert(validate(request)?, false, now)?;
        Ok(self.after_change(outcome, now))
    }

    /// Rewrites the live calendar file after a change, adding a notice if that failed.
    fn after_change(&mut self, mut outcome: PlanOutcome, now: DateTime<Utc>) -> PlanOutcome {
        outcome.notices.extend(self.refresh_live_calendar(now));
        outcome
    }

    fn insert(&mut self, plan: ValidActivity, example: bool, now: DateTime<Utc>) -> Result<PlanOutcome, AppError> {
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
        let plan = validate(request)?;
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
        let rest = validate(PlanRequest { rrule: Some(rest_rule), ..request })?;
        let before =
            ActivityDraft { rrule: Some(rule.ending_before(original).to_string()), ..series.to_draft() }.validate()?;
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
        match occurrence {
            None => {
                let plan = ActivityDraft { start, span, ..current.to_draft() }.validate()?;
                self.replace(&current, plan, now)
            }
            Some(occurrence) => {
                let entry = self.entry(&current, occurrence)?;
                // The meeting alone, checked like any plan (DST gap, length), without its rule.
                let single = ActivityDraft { start, span, rrule: None, ..current.to_draft() }.validate()?;
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

    /// The key of the counts recorded on this occurrence, if it has any.
    pub(crate) fn counted_key(&self, entry: &Entry) -> Result<Option<DateTime<Utc>>, AppError> {
        let o = &entry.occurrence;
        let key = o.original_start.unwrap_or(o.start).with_timezone(&Utc);
        Ok(get_counts(self.store.conn(), entry.activity.id, key)?.map(|_| key))
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

    /// One activity (a series as a whole: its first meeting's times).
    pub fn get(&self, id: ActivityId) -> Result<ActivityView, AppError> {
        Ok(ActivityView::new(get_activity(self.store.conn(), id)?, Vec::new()))
    }

    /// Values typed before in `field` starting with `prefix`, most recent first.
    pub fn suggestions(&self, field: SuggestionField, prefix: &str) -> Result<Vec<String>, AppError> {
        let column = match field {
            SuggestionField::Area => RememberedText::Area,
            SuggestionField::Venue => RememberedText::Venue,
            SuggestionField::Theme => RememberedText::Theme,
            SuggestionField::Household => RememberedText::Household,
        };
        let prefix: String = prefix.trim().chars().take(80).collect();
        Ok(recent_values(self.store.conn(), column, &prefix, SUGGESTIONS)?)
    }

    /// A follow-up to `id`: same kind, place, household and length, the set number of days later.
    pub fn follow_up_draft(&self, id: ActivityId) -> Result<PlanRequest, AppError> {
        let a = get_activity(self.store.conn(), id)?;
        let days = self.settings()?.follow_up_days;
        let start = a.start.naive_local() + Duration::days(days);
        let minutes = u32::try_from((a.end - a.start).num_minutes()).unwrap_or(60);
        // Everything but the volunteer's own title and note, which were about that visit.
        Ok(PlanRequest {
            details: Details { title: None, note: None, ..a.details },
            ..PlanRequest::new(a.kind, start.format("%Y-%m-%dT%H:%M").to_string(), minutes)
        })
    }

    /// Overdue and upcoming planned activities at `now`; at most `overdue_limit` overdue ones
    /// (the newest), with the total.
    pub fn agenda(&self, now: DateTime<Utc>, overdue_limit: Option<usize>) -> Result<Agenda, AppError> {
        let today = today_in_copenhagen(now);
        // The rest of today and the seven days after it.
        let week_end = start_of_day(today + Duration::days(8));
        let past = now - Duration::days(OVERDUE_DAYS);
        let planned = |e: &Entry| e.occurrence.status == ActivityStatus::Planned;
        let mut overdue: Vec<Entry> =
            self.entries(past, now)?.into_iter().filter(|e| planned(e) && e.occurrence.end <= now).collect();
        let overdue_total = overdue.len();
        overdue.reverse();
        overdue.truncate(overdue_limit.unwrap_or(usize::MAX));
        let upcoming = self
            .entries(now, week_end)?
            .into_iter()
            .filter(|e| planned(e) && e.occurrence.end > now)
            .map(|e| e.view(Vec::new()))
            .collect();
        Ok(Agenda { overdue: overdue.into_iter().map(|e| e.view(Vec::new())).collect(), overdue_total, upcoming })
    }

    /// Occurrences on the Copenhagen days `from` to `to` (both included), series expanded,
    /// in start order, each with the ids of the activities it clashes with.
    pub fn list(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<ActivityView>, AppError> {
        let (start, end) = day_range(from, to)?;
        // Look a travel buffer beyond both edges so clashes with neighbours are seen.
        let margin = self.rules.travel_buffer;
        let nearby = self.entries(start - margin, end + margin)?;
        let scheduled: Vec<Scheduled> = nearby.iter().enumerate().map(|(i, e)| e.scheduled(i)).collect();
        let pairs = conflicts_among(&scheduled, &self.rules);
        let mut partners: Vec<Vec<i64>> = vec![Vec::new(); nearby.len()];
        for (a, c) in &pairs {
            let (a, b) = (index_of(*a), index_of(c.with));
            if let (Some(ea), Some(eb)) = (nearby.get(a), nearby.get(b)) {
                let (ida, idb) = (ea.activity.id.0, eb.activity.id.0);
                partners[a].push(idb);
                partners[b].push(ida);
            }
        }
        let busy = self.busy_between(start, end)?;
        Ok(nearby
            .into_iter()
            .zip(partners)
            .filter(|(e, _)| e.occurrence.start < end && e.occurrence.end > start)
            .map(|(e, mut with)| {
                with.sort_unstable();
                with.dedup();
                let plan = e.scheduled(0);
                let busy_keys = blocking(&busy, &plan, &self.rules).map(key_of).collect();
                ActivityView { busy_conflicts: busy_keys, ..e.view(with) }
            })
            .collect())
    }

    /// Fills this and next week with clearly marked example activities; returns how many were made.
    pub fn load_examples(&mut self, now: DateTime<Utc>) -> Result<usize, AppError> {
        let today = today_in_copenhagen(now);
        let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
        let examples = example_plans(monday);
        let count = examples.len();
        for request in examples {
            self.insert(validate(request)?, true, now)?;
        }
        Ok(count)
    }

    /// Removes all example activities; returns how many.
    pub fn remove_examples(&mut self) -> Result<usize, AppError> {
        Ok(self.store.write(delete_example_activities)?)
    }

    /// Checks the database and reports clashes among planned activities from `now` on.
    pub fn check(&self, now: DateTime<Utc>) -> Result<CheckReport, AppError> {
        let mut problems = self.store.check_integrity()?;
        if problems.is_empty() && self.store.is_damaged() {
            // A header SQLite reads but no SQLite writes (see nabo-store's `read_header`):
            // integrity_check passes, and still nothing may be written.
            problems.push("the file header is damaged (unknown file format version)".to_string());
        }
        if !problems.is_empty() {
            // The damage is the report: conflicts and stored text are read from rows that may
            // sit on the damaged pages, and a failure there would hide what SQLite found.
            return Ok(CheckReport {
                problems,
                activities: 0,
                schema_version: self.store.schema_version().unwrap_or(0),
                upcoming_conflicts: Vec::new(),
                personal_data: Vec::new(),
            });
        }
        let activities = nabo_store::count_activities(self.store.conn())?;
        let far = now + Duration::days(MAX_RANGE_DAYS);
        let upcoming: Vec<Entry> =
            self.entries(now, far)?.into_iter().filter(|e| e.occurrence.status == ActivityStatus::Planned).collect();
        let scheduled: Vec<Scheduled> = upcoming.iter().enumerate().map(|(i, e)| e.scheduled(i)).collect();
        let upcoming_conflicts = conflicts_among(&scheduled, &self.rules)
            .into_iter()
            .filter_map(|(a, c)| {
                let (ea, eb) = (upcoming.get(index_of(a))?, upcoming.get(index_of(c.with))?);
                Some(ConflictPairView {
                    id: ea.activity.id.0,
                    start: ea.occurrence.start.to_rfc3339(),
                    conflict: ConflictView::from(nabo_core::Conflict { with: eb.activity.id, ..c }),
                })
            })
            .collect();
        let personal_data = self.stored_personal_data()?;
        Ok(CheckReport {
            problems,
            activities,
            schema_version: self.store.schema_version()?,
            upcoming_conflicts,
            personal_data,
        })
    }

    /// Every stored text field that the personal-data guard would refuse today, and household
    /// labels that are not pseudonyms (kind `name`), e.g. from before the rule was stricter.
    fn stored_personal_data(&self) -> Result<Vec<(i64, &'static str, &'static str)>, AppError> {
        let mut found = Vec::new();
        for stored in nabo_store::list_activity_texts(self.store.conn())? {
            for (field, text) in &stored.texts {
                let Some(text) = text.as_deref() else { continue };
                if let Some(hit) = nabo_core::find_personal_data(text) {
                    found.push((stored.id.0, field.as_str(), hit.kind.as_str()));
                } else if *field == nabo_core::Field::Household && !nabo_core::is_pseudonym(text.trim()) {
                    found.push((stored.id.0, field.as_str(), "name"));
                }
            }
        }
        Ok(found)
    }

    /// Every occurrence overlapping `[from, to)`: one-offs as they are, series expanded with
    /// their exceptions, in start order.
    pub(crate) fn entries(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<Entry>, AppError> {
        let mut entries = Vec::new();
        for activity in list_activities_overlapping(self.store.conn(), from, to)? {
            entries.extend(self.entries_of(&activity, from, to)?);
        }
        entries.sort_by_key(|e| (e.occurrence.start, e.activity.id));
        Ok(entries)
    }

    pub(crate) fn entries_of(
        &self,
        activity: &Activity,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Entry>, AppError> {
        let Some(rule) = activity.recurrence() else {
            let occurrence = Occurrence {
                activity: activity.id,
                original_start: None,
                start: activity.start,
                end: activity.end,
                status: activity.status,
            };
            let overlaps = activity.start < to && activity.end > from;
            return Ok(if overlaps { vec![Entry { activity: activity.clone(), occurrence }] } else { Vec::new() });
        };
        let exceptions = list_exceptions(self.store.conn(), activity.id)?;
        Ok(expand_series(
            activity.id,
            &rule,
            activity.start,
            activity.end - activity.start,
            activity.status,
            &exceptions,
            from.with_timezone(&ZONE),
            to.with_timezone(&ZONE),
        )
        .into_iter()
        .map(|occurrence| Entry { activity: activity.clone(), occurrence })
        .collect())
    }

    /// The original start named by `occurrence` (RFC 3339), if the series' rule has a meeting there.
    fn occurrence_of(&self, series: &Activity, occurrence: &str) -> Result<DateTime<Tz>, AppError> {
        let not_one = || not_an_occurrence(series.id, occurrence);
        let at = DateTime::parse_from_rfc3339(occurrence.trim()).map_err(|_| not_one())?.with_timezone(&ZONE);
        let rule = series.recurrence().ok_or_else(not_one)?;
        if rule.starts_between(series.start, &[], at, at + Duration::seconds(1)).contains(&at) {
            Ok(at)
        } else {
            Err(not_one())
        }
    }

    /// The current state of one meeting of a series (moved or marked, if it was).
    pub(crate) fn entry(&self, series: &Activity, occurrence: &str) -> Result<Entry, AppError> {
        let original = self.occurrence_of(series, occurrence)?;
        let exceptions = list_exceptions(self.store.conn(), series.id)?;
        let change = exceptions.iter().find(|e| e.original_start == original).map(|e| e.change);
        let (start, end, status) = match change {
            Some(ExceptionChange::Changed { start, end, status }) => {
                (start, end, nabo_core::occurrence_status(series.status, Some(status)))
            }
            Some(ExceptionChange::Skipped) => return Err(not_an_occurrence(series.id, occurrence)),
            None => (original, original + (series.end - series.start), series.status),
        };
        let occurrence = Occurrence { activity: series.id, original_start: Some(original), start, end, status };
        Ok(Entry { activity: series.clone(), occurrence })
    }

    /// What `plan` would clash with (for a series: over its first year), leaving out activity `id` itself.
    fn conflicts_for(&self, plan: &ValidActivity, id: Option<ActivityId>) -> Result<Vec<ConflictView>, AppError> {
        let length = plan.end() - plan.start();
        let starts: Vec<DateTime<Tz>> = match plan.recurrence() {
            Some(rule) => rule.starts_between(
                plan.start(),
                &[],
                plan.start(),
                plan.start() + Duration::days(SERIES_CONFLICT_DAYS),
            ),
            None => vec![plan.start()],
        };
        let (Some(first), Some(last)) = (starts.first(), starts.last()) else { return Ok(Vec::new()) };
        let margin = self.rules.travel_buffer;
        let others: Vec<Entry> = self
            .entries(first.with_timezone(&Utc) - margin, (*last + length).with_timezone(&Utc) + margin)?
            .into_iter()
            .filter(|e| Some(e.activity.id) != id)
            .collect();
        let scheduled: Vec<Scheduled> = others.iter().enumerate().map(|(i, e)| e.scheduled(i)).collect();
        let busy = self.busy_between(first.with_timezone(&Utc), (*last + length).with_timezone(&Utc))?;
        let mut found: Vec<ConflictView> = Vec::new();
        for start in starts {
            let candidate =
                Scheduled { id: None, kind: plan.kind(), status: ActivityStatus::Planned, start, end: start + length };
            for row in blocking(&busy, &candidate, &self.rules) {
                let view = conflict_with(row);
                if !found.contains(&view) {
                    found.push(view);
                }
            }
            for c in find_conflicts(&candidate, &scheduled, &self.rules) {
                if let Some(other) = others.get(index_of(c.with)) {
                    let view = ConflictView::from(nabo_core::Conflict { with: other.activity.id, ..c });
                    if !found.contains(&view) {
                        found.push(view);
                    }
                }
            }
        }
        Ok(found)
    }
}

fn new_uid() -> String {
    format!("{}@nabo", uuid::Uuid::new_v4())
}

/// Refuses a change that would leave counts on something that is not done where they count.
pub(crate) fn has_counts(id: ActivityId, original: Option<DateTime<Tz>>, block: nabo_core::CountsBlock) -> AppError {
    let target = match original {
        Some(at) => format!("{}@{}", id.0, at.date_naive()),
        None => id.0.to_string(),
    };
    AppError::HasCounts { target, block }
}

fn not_an_occurrence(id: ActivityId, occurrence: &str) -> AppError {
    AppError::NotAnOccurrence { id: id.0, occurrence: occurrence.chars().take(40).collect() }
}

fn rules_from(settings: &Settings) -> ConflictRules {
    ConflictRules { travel_buffer: Duration::minutes(settings.travel_buffer_minutes) }
}

fn time_error(field: nabo_core::Field, source: nabo_core::TimeError) -> AppError {
    AppError::Invalid(nabo_core::ValidationError::Time { field, source })
}

fn validate(request: PlanRequest) -> Result<ValidActivity, AppError> {
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
    .validate()?)
}

fn outcome(id: ActivityId, plan: &ValidActivity, conflicts: Vec<ConflictView>) -> PlanOutcome {
    PlanOutcome { id: id.0, conflicts, notices: plan.notice().into_iter().map(NoticeView::from).collect() }
}

/// Example activities for the week starting `monday` and the next: a bit of everything,
/// including a weekly series and one clash, so a newcomer sees what Nabo shows.
fn example_plans(monday: NaiveDate) -> Vec<PlanRequest> {
    let at = |day: i64, hour: u32, minute: u32| -> String {
        let t = NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default();
        (monday + Duration::days(day)).and_time(t).format("%Y-%m-%dT%H:%M").to_string()
    };
    let plan = |kind, start, minutes, details| PlanRequest { details, ..PlanRequest::new(kind, start, minutes) };
    let visit = |day, hour, area: &str, household: &str| {
        let details = Details { area: Some(area.into()), household: Some(household.into()), ..Details::default() };
        plan(ActivityKind::HomeVisit, at(day, hour, 0), 60, details)
    };
    vec![
        visit(0, 10, "Gellerup", "H-1"),
        // A weekly group meeting, eight Tuesdays.
        PlanRequest {
            rrule: Some("FREQ=WEEKLY;BYDAY=TU;COUNT=8".into()),
            ..plan(
                ActivityKind::GroupMeeting,
                at(1, 17, 0),
                120,
                Details {
                    venue: Some("Beboerhuset".into()),
                    theme: Some("Sundhed".into()),
                    area: Some("Gellerup".into()),
                    expected_size: Some(12),
                    ..Details::default()
                },
            )
        },
        visit(2, 10, "Gellerup", "H-2"),
        // Too close to the visit before: shows the travel-time warning.
        plan(
            ActivityKind::HomeVisit,
            at(2, 11, 10),
            45,
            Details { area: Some("Gellerup".into()), household: Some("H-3".into()), ..Details::default() },
        ),
        plan(
            ActivityKind::Outreach,
            at(3, 14, 0),
            90,
            Details { area: Some("Bazar Vest".into()), ..Details::default() },
        ),
        plan(
            ActivityKind::Accompaniment,
            at(4, 9, 30),
            120,
            Details { area: Some("Gellerup".into()), ..Details::default() },
        ),
        visit(9, 13, "Hasle", "H-4"),
        plan(
            ActivityKind::NetworkMeeting,
            at(10, 9, 0),
            90,
            Details { venue: Some("Biblioteket".into()), area: Some("Gellerup".into()), ..Details::default() },
        ),
    ]
}

/// Reads a `YYYY-MM-DD` date given for `field` (an option or input name), in the planning years.
pub fn parse_date(field: &'static str, input: &str) -> Result<NaiveDate, AppError> {
    let date = NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d")
        // Echoed in the message: tidied, so an ESC in it cannot reach the terminal.
        .map_err(|_| AppError::UnreadableDate { field, input: nabo_core::tidy_line(input.trim(), 40) })?;
    if !nabo_core::in_planning_years(date) {
        return Err(AppError::DateOutOfRange { field });
    }
    Ok(date)
}

/// Today's date in Copenhagen at `now`.
pub fn today_in_copenhagen(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&ZONE).date_naive()
}

/// The instants from the start of `from` to the end of `to`, Copenhagen days.
pub(crate) fn day_range(from: NaiveDate, to: NaiveDate) -> Result<(DateTime<Utc>, DateTime<Utc>), AppError> {
    let invalid = |reason| AppError::InvalidRange { from: from.to_string(), to: to.to_string(), reason };
    if to < from {
        return Err(invalid("the last day is before the first"));
    }
    if (to - from).num_days() > MAX_RANGE_DAYS {
        return Err(invalid("longer than five years"));
    }
    let after = to.succ_opt().ok_or_else(|| invalid("the last day is out of range"))?;
    Ok((start_of_day(from), start_of_day(after)))
}
