//! The service: each use-case once, for both front ends.

use std::path::Path;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use nabo_core::{
    conflicts_among, find_conflicts, ActivityDraft, ActivityId, ActivityStatus, ConflictRules,
    LocalDateTime, Minutes, Scheduled, Span, ValidActivity, ZONE,
};
use nabo_store::{
    delete_activity, get_activity, get_identity, get_setting, insert_activity, insert_identity,
    list_activities_overlapping, set_activity_status, set_setting, update_activity, Identity,
    Store,
};

pub use nabo_store::Role;

use crate::dto::{
    ActivityView, ConflictPairView, ConflictView, NoticeView, PlanOutcome, PlanRequest,
};
use crate::error::AppError;

/// The setting that holds the travel buffer between home visits, in minutes.
const TRAVEL_BUFFER_SETTING: &str = "travel_buffer_minutes";

/// The travel buffer used until the user sets one, in minutes.
const DEFAULT_TRAVEL_BUFFER: i64 = 30;

/// The longest travel buffer that can be set, in minutes.
const MAX_TRAVEL_BUFFER: i64 = 240;

/// The longest range `list` accepts, in days (five years).
const MAX_RANGE_DAYS: i64 = 5 * 366;

/// Nabo's use-cases over one open database.
#[derive(Debug)]
pub struct Nabo {
    store: Store,
    rules: ConflictRules,
}

/// What `check` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    /// Damage or broken references SQLite found; empty when the file is sound.
    pub problems: Vec<String>,
    /// How many activities are stored.
    pub activities: i64,
    /// The schema version.
    pub schema_version: i64,
    /// Clashes among planned activities from now on.
    pub upcoming_conflicts: Vec<ConflictPairView>,
}

impl Nabo {
    /// Creates a new database for `role` and opens it.
    pub fn init(
        path: &Path,
        role: Role,
        display_name: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<Self, AppError> {
        let display_name = display_name
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty());
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
        // A stored value outside the range (edited by hand) falls back to the default.
        let buffer = get_setting(store.conn(), TRAVEL_BUFFER_SETTING)?
            .and_then(|v| v.parse::<i64>().ok())
            .filter(|m| (0..=MAX_TRAVEL_BUFFER).contains(m))
            .unwrap_or(DEFAULT_TRAVEL_BUFFER);
        Ok(Self {
            store,
            rules: ConflictRules {
                travel_buffer: Duration::minutes(buffer),
            },
        })
    }

    /// The database file in use.
    pub fn database_path(&self) -> &Path {
        self.store.path()
    }

    /// Minutes needed between two home visits.
    pub fn travel_buffer_minutes(&self) -> i64 {
        self.rules.travel_buffer.num_minutes()
    }

    /// Sets the minutes needed between two home visits (0 to 240), kept for later starts too.
    pub fn set_travel_buffer(&mut self, minutes: i64) -> Result<(), AppError> {
        if !(0..=MAX_TRAVEL_BUFFER).contains(&minutes) {
            return Err(AppError::InvalidSetting {
                key: TRAVEL_BUFFER_SETTING,
                value: minutes.to_string(),
                min: 0,
                max: MAX_TRAVEL_BUFFER,
            });
        }
        self.store
            .write(|tx| set_setting(tx, TRAVEL_BUFFER_SETTING, &minutes.to_string()))?;
        self.rules.travel_buffer = Duration::minutes(minutes);
        Ok(())
    }

    /// Who uses this database, if `init` recorded it.
    pub fn identity(&self) -> Result<Option<Identity>, AppError> {
        Ok(get_identity(self.store.conn())?)
    }

    /// Plans a new activity; it is stored even when it clashes, and the clashes are returned.
    pub fn plan(
        &mut self,
        request: PlanRequest,
        now: DateTime<Utc>,
    ) -> Result<PlanOutcome, AppError> {
        let plan = validate(request)?;
        let conflicts = self.conflicts_for(&plan, None)?;
        let uid = format!("{}@nabo", uuid::Uuid::new_v4());
        let id = self
            .store
            .write(|tx| insert_activity(tx, &plan, &uid, now))?;
        Ok(outcome(id, &plan, conflicts))
    }

    /// Replaces an activity's details; returns what it now clashes with.
    pub fn update(
        &mut self,
        id: ActivityId,
        request: PlanRequest,
        now: DateTime<Utc>,
    ) -> Result<PlanOutcome, AppError> {
        let plan = validate(request)?;
        get_activity(self.store.conn(), id)?;
        let conflicts = self.conflicts_for(&plan, Some(id))?;
        self.store.write(|tx| update_activity(tx, id, &plan, now))?;
        Ok(outcome(id, &plan, conflicts))
    }

    /// Cancels an activity; it stays in the calendar, marked cancelled.
    pub fn cancel(&mut self, id: ActivityId, now: DateTime<Utc>) -> Result<ActivityView, AppError> {
        self.store
            .write(|tx| set_activity_status(tx, id, ActivityStatus::Cancelled, now))?;
        Ok(ActivityView::new(
            get_activity(self.store.conn(), id)?,
            Vec::new(),
        ))
    }

    /// Deletes an activity and everything recorded on it.
    pub fn delete(&mut self, id: ActivityId) -> Result<(), AppError> {
        Ok(self.store.write(|tx| delete_activity(tx, id))?)
    }

    /// One activity.
    pub fn get(&self, id: ActivityId) -> Result<ActivityView, AppError> {
        Ok(ActivityView::new(
            get_activity(self.store.conn(), id)?,
            Vec::new(),
        ))
    }

    /// Activities on the Copenhagen days `from` to `to` (both included), in start order,
    /// each with the ids of activities it clashes with.
    pub fn list(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<ActivityView>, AppError> {
        let (start, end) = day_range(from, to)?;
        // Look a travel buffer beyond both edges so clashes with neighbours are seen.
        let margin = self.rules.travel_buffer;
        let nearby = list_activities_overlapping(self.store.conn(), start - margin, end + margin)?;
        let scheduled: Vec<Scheduled> = nearby.iter().map(Scheduled::from).collect();
        let pairs = conflicts_among(&scheduled, &self.rules);
        Ok(nearby
            .into_iter()
            .filter(|a| a.start < end && a.end > start)
            .map(|a| {
                let mut with: Vec<i64> = pairs
                    .iter()
                    .filter_map(|(first, c)| {
                        if *first == a.id {
                            Some(c.with.0)
                        } else if c.with == a.id {
                            Some(first.0)
                        } else {
                            None
                        }
                    })
                    .collect();
                with.sort_unstable();
                with.dedup();
                ActivityView::new(a, with)
            })
            .collect())
    }

    /// Checks the database and reports clashes among planned activities from `now` on.
    pub fn check(&self, now: DateTime<Utc>) -> Result<CheckReport, AppError> {
        let problems = self.store.check_integrity()?;
        let activities: i64 = self
            .store
            .conn()
            .query_row("SELECT count(*) FROM activities", [], |r| r.get(0))
            .map_err(nabo_store::StoreError::from)?;
        let far = now + Duration::days(MAX_RANGE_DAYS);
        let upcoming: Vec<_> = list_activities_overlapping(self.store.conn(), now, far)?
            .into_iter()
            .filter(|a| a.status == ActivityStatus::Planned)
            .collect();
        let scheduled: Vec<Scheduled> = upcoming.iter().map(Scheduled::from).collect();
        let upcoming_conflicts = conflicts_among(&scheduled, &self.rules)
            .into_iter()
            .map(|(id, c)| ConflictPairView {
                id: id.0,
                start: upcoming
                    .iter()
                    .find(|a| a.id == id)
                    .map(|a| a.start.to_rfc3339())
                    .unwrap_or_default(),
                conflict: ConflictView::from(c),
            })
            .collect();
        Ok(CheckReport {
            problems,
            activities,
            schema_version: self.store.schema_version()?,
            upcoming_conflicts,
        })
    }

    fn conflicts_for(
        &self,
        plan: &ValidActivity,
        id: Option<ActivityId>,
    ) -> Result<Vec<ConflictView>, AppError> {
        let margin = self.rules.travel_buffer;
        let start = plan.start().with_timezone(&Utc);
        let end = plan.end().with_timezone(&Utc);
        let nearby = list_activities_overlapping(self.store.conn(), start - margin, end + margin)?;
        let others: Vec<Scheduled> = nearby.iter().map(Scheduled::from).collect();
        let candidate = Scheduled {
            id,
            kind: plan.kind(),
            status: ActivityStatus::Planned,
            start: plan.start(),
            end: plan.end(),
        };
        Ok(find_conflicts(&candidate, &others, &self.rules)
            .into_iter()
            .map(ConflictView::from)
            .collect())
    }
}

fn validate(request: PlanRequest) -> Result<ValidActivity, AppError> {
    let start: LocalDateTime =
        request
            .start
            .parse()
            .map_err(|source| nabo_core::ValidationError::Time {
                field: nabo_core::Field::Start,
                source,
            })?;
    let duration =
        Minutes::new(request.duration_minutes).ok_or(nabo_core::DurationError::NotPositive {
            input: format!("{}m", request.duration_minutes),
        })?;
    Ok(ActivityDraft {
        kind: request.kind,
        start,
        span: Span::For(duration),
        area: request.area,
        household: request.household,
        venue: request.venue,
        theme: request.theme,
        title: request.title,
        note: request.note,
        programme: request.programme,
        languages: request.languages,
    }
    .validate()?)
}

fn outcome(id: ActivityId, plan: &ValidActivity, conflicts: Vec<ConflictView>) -> PlanOutcome {
    PlanOutcome {
        id: id.0,
        conflicts,
        notices: plan.notice().into_iter().map(NoticeView::from).collect(),
    }
}

/// Reads a `YYYY-MM-DD` date given for `field` (an option or input name).
pub fn parse_date(field: &'static str, input: &str) -> Result<NaiveDate, AppError> {
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d").map_err(|_| AppError::UnreadableDate {
        field,
        input: input.trim().chars().take(40).collect(),
    })
}

/// Today's date in Copenhagen at `now`.
pub fn today_in_copenhagen(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&ZONE).date_naive()
}

/// The instants from the start of `from` to the end of `to`, Copenhagen days.
fn day_range(from: NaiveDate, to: NaiveDate) -> Result<(DateTime<Utc>, DateTime<Utc>), AppError> {
    let invalid = |reason| AppError::InvalidRange {
        from: from.to_string(),
        to: to.to_string(),
        reason,
    };
    if to < from {
        return Err(invalid("the last day is before the first"));
    }
    if (to - from).num_days() > MAX_RANGE_DAYS {
        return Err(invalid("longer than five years"));
    }
    let after = to
        .succ_opt()
        .ok_or_else(|| invalid("the last day is out of range"))?;
    Ok((start_of_day(from), start_of_day(after)))
}

/// Midnight in Copenhagen (which always exists there: clocks change at 02:00 and 03:00).
fn start_of_day(day: NaiveDate) -> DateTime<Utc> {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    let local: DateTime<Tz> = ZONE
        .from_local_datetime(&midnight)
        .earliest()
        .unwrap_or_else(|| ZONE.from_utc_datetime(&midnight));
    local.with_timezone(&Utc)
}
