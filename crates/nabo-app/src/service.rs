//! [`Nabo`], the service both front ends call: opening a database, the start-up routine, and
//! what the use-case modules beside it share (the occurrences in a range, clash checks, the
//! refusals they have in common). Each use-case lives in its own module: `planning`, `status`,
//! `views`, `check`, `examples`, `settings`, `counts`, `busy`, `export`.

use std::path::Path;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use nabo_core::{
    expand_series, find_conflicts, start_of_day, Activity, ActivityId, ActivityStatus, ConflictRules, ExceptionChange,
    Occurrence, Scheduled, ValidActivity, ZONE,
};
use nabo_store::{
    get_counts, get_identity, insert_identity, list_activities_overlapping, list_exceptions, purge_deleted_activities,
    Identity, Store,
};

pub use nabo_store::Role;

use crate::busy::{blocking, conflict_with};
use crate::db_key::KeySource;
use crate::dto::{ActivityView, ConflictView, PlanOutcome};
use crate::error::AppError;
use crate::settings::Settings;

/// The longest range `list` accepts, in days (five years).
pub(crate) const MAX_RANGE_DAYS: i64 = 5 * 366;

/// How long a deleted activity can be brought back before it is removed for good.
pub(crate) const UNDO_WINDOW: Duration = Duration::minutes(10);

/// How far ahead a new or changed series is checked for clashes.
const SERIES_CONFLICT_DAYS: i64 = 366;

/// Nabo's use-cases over one open database.
#[derive(Debug)]
pub struct Nabo {
    pub(crate) store: Store,
    pub(crate) rules: ConflictRules,
    /// The computer's language as the front end read it ([`Nabo::start`]); Danish until then.
    pub(crate) computer_language: crate::i18n::Language,
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
    pub(crate) fn scheduled(&self, index: usize) -> Scheduled {
        Scheduled {
            id: Some(ActivityId(i64::try_from(index).unwrap_or(i64::MAX))),
            kind: self.activity.kind,
            status: self.occurrence.status,
            start: self.occurrence.start,
            end: self.occurrence.end,
        }
    }
}

/// The index a stand-in id from [`Entry::scheduled`] stands for.
pub(crate) fn index_of(id: ActivityId) -> usize {
    usize::try_from(id.0).unwrap_or(usize::MAX)
}

impl Nabo {
    /// Creates a new database for `role`, encrypted with the key `keys` gives, and opens it.
    pub fn init(
        path: &Path,
        keys: &KeySource,
        role: Role,
        display_name: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<Self, AppError> {
        // Checked before the file is made: a refused name leaves nothing behind.
        let display_name = nabo_core::clean_text(nabo_core::Field::DisplayName, display_name)
            .map_err(|e| AppError::Invalid(nabo_core::ValidationError::Text(e)))?;
        if path.exists() && std::fs::metadata(path).is_ok_and(|m| m.len() > 0) {
            // Refused before a key is made for it.
            return Err(AppError::Store(nabo_store::StoreError::AlreadyExists { path: path.to_path_buf() }));
        }
        let mut store = Store::create(path, &keys.key_for(path)?)?;
        // The keys are made with the identity: files this Nabo signs later all carry the same key.
        let keys = crate::keys::new_keys(role)?;
        store.write(|tx| {
            insert_identity(tx, &Identity { role, display_name }, now)?;
            nabo_store::set_keys_once(tx, &keys)
        })?;
        Self::with_store(store)
    }

    /// Opens an existing database with the key `keys` gives (a plain one from before
    /// encryption is encrypted in place: [`Nabo::was_encrypted_now`]).
    pub fn open(path: &Path, keys: &KeySource) -> Result<Self, AppError> {
        if !path.exists() {
            return Err(AppError::Store(nabo_store::StoreError::Missing { path: path.to_path_buf() }));
        }
        Self::with_store(Store::open(path, &keys.key_for(path)?)?)
    }

    /// Opens the database, creating it on first start (the desktop app's way).
    pub fn open_or_create(path: &Path, keys: &KeySource) -> Result<Self, AppError> {
        Self::with_store(Store::open_or_create(path, &keys.key_for(path)?)?)
    }

    /// True when this open found a plain database from before encryption and encrypted it.
    pub fn was_encrypted_now(&self) -> bool {
        self.store.was_encrypted_now()
    }

    pub(crate) fn with_store(store: Store) -> Result<Self, AppError> {
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
    /// database (it is read, never written). Then, on the same terms, erases the household code
    /// names and notes whose time is up (Settings: `erase_after_months` after the household's
    /// last visit; `retention.rs`). Returns what it removed and erased, with the notices to show.
    pub fn start(
        &mut self,
        computer_language: crate::i18n::Language,
        now: DateTime<Utc>,
    ) -> Result<crate::StartReport, AppError> {
        self.computer_language = computer_language;
        let cutoff = now - UNDO_WINDOW;
        let purged = if nabo_store::count_deleted_before(self.store.conn(), cutoff)? == 0 || self.store.is_damaged() {
            0
        } else {
            self.store.write(|tx| purge_deleted_activities(tx, cutoff))?
        };
        let (erased, notices) = self.erase_expired(now)?;
        Ok(crate::StartReport { purged, erased_households: erased.households, erased_notes: erased.notes, notices })
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

    /// Rewrites the live calendar file after a change, adding a notice if that failed.
    pub(crate) fn after_change(&mut self, mut outcome: PlanOutcome, now: DateTime<Utc>) -> PlanOutcome {
        outcome.notices.extend(self.refresh_live_calendar(now));
        outcome
    }

    /// The key of the counts recorded on this occurrence, if it has any.
    pub(crate) fn counted_key(&self, entry: &Entry) -> Result<Option<DateTime<Utc>>, AppError> {
        let o = &entry.occurrence;
        let key = o.original_start.unwrap_or(o.start).with_timezone(&Utc);
        Ok(get_counts(self.store.conn(), entry.activity.id, key)?.map(|_| key))
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
    pub(crate) fn occurrence_of(&self, series: &Activity, occurrence: &str) -> Result<DateTime<Tz>, AppError> {
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
    pub(crate) fn conflicts_for(
        &self,
        plan: &ValidActivity,
        id: Option<ActivityId>,
    ) -> Result<Vec<ConflictView>, AppError> {
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

/// Refuses a change that would leave counts on something that is not done where they count.
pub(crate) fn has_counts(id: ActivityId, original: Option<DateTime<Tz>>, block: nabo_core::CountsBlock) -> AppError {
    let target = match original {
        Some(at) => format!("{}@{}", id.0, at.date_naive()),
        None => id.0.to_string(),
    };
    AppError::HasCounts { target, block }
}

pub(crate) fn not_an_occurrence(id: ActivityId, occurrence: &str) -> AppError {
    AppError::NotAnOccurrence { id: id.0, occurrence: occurrence.chars().take(40).collect() }
}

pub(crate) fn rules_from(settings: &Settings) -> ConflictRules {
    ConflictRules { travel_buffer: Duration::minutes(settings.travel_buffer_minutes) }
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
