//! The service: each use-case once, for both front ends.

use std::path::Path;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use nabo_core::{
    conflicts_among, find_conflicts, ActivityDraft, ActivityId, ActivityKind, ActivityStatus,
    ConflictRules, LocalDateTime, Minutes, Scheduled, Span, ValidActivity, ZONE,
};
use nabo_store::{
    delete_activity, delete_example_activities, get_activity, get_identity, insert_activity,
    insert_identity, list_activities_overlapping, purge_deleted_activities, recent_values,
    restore_activity, set_activity_status, update_activity, Identity, NewActivity, RememberedText,
    Store, StoreError,
};

pub use nabo_store::Role;

use crate::dto::{
    ActivityView, Agenda, ConflictPairView, ConflictView, NoticeView, PlanOutcome, PlanRequest,
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
        let settings = Settings::load(store.conn())?;
        Ok(Self {
            store,
            rules: rules_from(&settings),
        })
    }

    /// The database file in use.
    pub fn database_path(&self) -> &Path {
        self.store.path()
    }

    /// Who uses this database, if `init` recorded it.
    pub fn identity(&self) -> Result<Option<Identity>, AppError> {
        Ok(get_identity(self.store.conn())?)
    }

    /// The user's settings, with defaults for what was never set.
    pub fn settings(&self) -> Result<Settings, AppError> {
        Settings::load(self.store.conn())
    }

    /// Checks and saves all settings at once; conflict checks use them from now on.
    pub fn save_settings(
        &mut self,
        settings: Settings,
        now: DateTime<Utc>,
    ) -> Result<Settings, AppError> {
        settings.validate()?;
        self.store.write(|tx| settings.store(tx, now))?;
        self.rules = rules_from(&settings);
        self.settings()
    }

    /// Minutes needed between two home visits.
    pub fn travel_buffer_minutes(&self) -> i64 {
        self.rules.travel_buffer.num_minutes()
    }

    /// Sets the minutes needed between two home visits (0 to 240).
    pub fn set_travel_buffer(&mut self, minutes: i64, now: DateTime<Utc>) -> Result<(), AppError> {
        let settings = Settings {
            travel_buffer_minutes: minutes,
            ..self.settings()?
        };
        self.save_settings(settings, now).map(|_| ())
    }

    /// Plans a new activity; it is stored even when it clashes, and the clashes are returned.
    pub fn plan(
        &mut self,
        request: PlanRequest,
        now: DateTime<Utc>,
    ) -> Result<PlanOutcome, AppError> {
        self.insert(validate(request)?, false, now)
    }

    fn insert(
        &mut self,
        plan: ValidActivity,
        example: bool,
        now: DateTime<Utc>,
    ) -> Result<PlanOutcome, AppError> {
        let conflicts = self.conflicts_for(&plan, None)?;
        let uid = format!("{}@nabo", uuid::Uuid::new_v4());
        let id = self.store.write(|tx| {
            insert_activity(
                tx,
                &NewActivity {
                    plan: &plan,
                    uid: &uid,
                    example,
                },
                now,
            )
        })?;
        Ok(outcome(id, &plan, conflicts))
    }

    /// Replaces an activity's details; returns what it now clashes with.
    pub fn update(
        &mut self,
        id: ActivityId,
        request: PlanRequest,
        now: DateTime<Utc>,
    ) -> Result<PlanOutcome, AppError> {
        self.replace(id, validate(request)?, now)
    }

    /// Moves an activity to new Copenhagen wall-clock times (a drag in the calendar).
    pub fn move_to(
        &mut self,
        id: ActivityId,
        start: &str,
        end: &str,
        now: DateTime<Utc>,
    ) -> Result<PlanOutcome, AppError> {
        let current = get_activity(self.store.conn(), id)?;
        let start: LocalDateTime = start
            .parse()
            .map_err(|source| time_error(nabo_core::Field::Start, source))?;
        let end: LocalDateTime = end
            .parse()
            .map_err(|source| time_error(nabo_core::Field::End, source))?;
        let draft = ActivityDraft {
            start,
            span: Span::Until(end),
            ..current.to_draft()
        };
        self.replace(id, draft.validate()?, now)
    }

    fn replace(
        &mut self,
        id: ActivityId,
        plan: ValidActivity,
        now: DateTime<Utc>,
    ) -> Result<PlanOutcome, AppError> {
        get_activity(self.store.conn(), id)?;
        let conflicts = self.conflicts_for(&plan, Some(id))?;
        self.store.write(|tx| update_activity(tx, id, &plan, now))?;
        Ok(outcome(id, &plan, conflicts))
    }

    /// Marks an activity planned, done, cancelled or no-show.
    pub fn set_status(
        &mut self,
        id: ActivityId,
        status: ActivityStatus,
        now: DateTime<Utc>,
    ) -> Result<ActivityView, AppError> {
        self.store
            .write(|tx| set_activity_status(tx, id, status, now))?;
        self.get(id)
    }

    /// Cancels an activity; it stays in the calendar, marked cancelled.
    pub fn cancel(&mut self, id: ActivityId, now: DateTime<Utc>) -> Result<ActivityView, AppError> {
        self.set_status(id, ActivityStatus::Cancelled, now)
    }

    /// Deletes an activity; [`Nabo::restore`] brings it back for a few minutes, then it is gone for good.
    pub fn delete(&mut self, id: ActivityId, now: DateTime<Utc>) -> Result<(), AppError> {
        self.store.write(|tx| {
            delete_activity(tx, id, now)?;
            purge_deleted_activities(tx, now - UNDO_WINDOW)
        })?;
        Ok(())
    }

    /// Undoes a recent delete.
    pub fn restore(
        &mut self,
        id: ActivityId,
        now: DateTime<Utc>,
    ) -> Result<ActivityView, AppError> {
        self.store.write(|tx| restore_activity(tx, id, now))?;
        self.get(id)
    }

    /// Removes for good what was deleted longer ago than the undo window; returns how many.
    pub fn purge_deleted(&mut self, now: DateTime<Utc>) -> Result<usize, AppError> {
        Ok(self
            .store
            .write(|tx| purge_deleted_activities(tx, now - UNDO_WINDOW))?)
    }

    /// One activity.
    pub fn get(&self, id: ActivityId) -> Result<ActivityView, AppError> {
        Ok(ActivityView::new(
            get_activity(self.store.conn(), id)?,
            Vec::new(),
        ))
    }

    /// Values typed before in `field` starting with `prefix`, most recent first.
    pub fn suggestions(
        &self,
        field: SuggestionField,
        prefix: &str,
    ) -> Result<Vec<String>, AppError> {
        let column = match field {
            SuggestionField::Area => RememberedText::Area,
            SuggestionField::Venue => RememberedText::Venue,
            SuggestionField::Theme => RememberedText::Theme,
            SuggestionField::Household => RememberedText::Household,
        };
        let prefix: String = prefix.trim().chars().take(80).collect();
        Ok(recent_values(
            self.store.conn(),
            column,
            &prefix,
            SUGGESTIONS,
        )?)
    }

    /// A follow-up to `id`: same kind, place, household and length, the set number of days later.
    pub fn follow_up_draft(&self, id: ActivityId) -> Result<PlanRequest, AppError> {
        let a = get_activity(self.store.conn(), id)?;
        let days = self.settings()?.follow_up_days;
        let start = a.start.naive_local() + Duration::days(days);
        let minutes = u32::try_from((a.end - a.start).num_minutes()).unwrap_or(60);
        Ok(PlanRequest {
            area: a.area,
            household: a.household,
            venue: a.venue,
            theme: a.theme,
            programme: a.programme,
            languages: a.languages,
            ..PlanRequest::new(a.kind, start.format("%Y-%m-%dT%H:%M").to_string(), minutes)
        })
    }

    /// Overdue and upcoming planned activities at `now`.
    pub fn agenda(&self, now: DateTime<Utc>) -> Result<Agenda, AppError> {
        let today = today_in_copenhagen(now);
        // The rest of today and the seven days after it.
        let week_end = start_of_day(today + Duration::days(8));
        let past = now - Duration::days(OVERDUE_DAYS);
        let planned = |a: &nabo_core::Activity| a.status == ActivityStatus::Planned;
        let mut overdue: Vec<ActivityView> =
            list_activities_overlapping(self.store.conn(), past, now)?
                .into_iter()
                .filter(|a| planned(a) && a.end <= now)
                .map(|a| ActivityView::new(a, Vec::new()))
                .collect();
        overdue.reverse();
        let upcoming = list_activities_overlapping(self.store.conn(), now, week_end)?
            .into_iter()
            .filter(planned)
            .map(|a| ActivityView::new(a, Vec::new()))
            .collect();
        Ok(Agenda { overdue, upcoming })
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

    /// Fills this and next week with clearly marked example activities; returns how many.
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
        Ok(self.store.write(|tx| delete_example_activities(tx))?)
    }

    /// Checks the database and reports clashes among planned activities from `now` on.
    pub fn check(&self, now: DateTime<Utc>) -> Result<CheckReport, AppError> {
        let problems = self.store.check_integrity()?;
        let activities: i64 = self
            .store
            .conn()
            .query_row(
                "SELECT count(*) FROM activities WHERE deleted_utc IS NULL",
                [],
                |r| r.get(0),
            )
            .map_err(StoreError::from)?;
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

fn rules_from(settings: &Settings) -> ConflictRules {
    ConflictRules {
        travel_buffer: Duration::minutes(settings.travel_buffer_minutes),
    }
}

fn time_error(field: nabo_core::Field, source: nabo_core::TimeError) -> AppError {
    AppError::Invalid(nabo_core::ValidationError::Time { field, source })
}

fn validate(request: PlanRequest) -> Result<ValidActivity, AppError> {
    let start: LocalDateTime = request
        .start
        .parse()
        .map_err(|source| time_error(nabo_core::Field::Start, source))?;
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
        rrule: request.rrule,
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

/// Example activities for the week starting `monday` and the next: a bit of everything,
/// including one clash, so a newcomer sees what Nabo shows.
fn example_plans(monday: NaiveDate) -> Vec<PlanRequest> {
    let at = |day: i64, hour: u32, minute: u32| -> String {
        let t = NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default();
        (monday + Duration::days(day))
            .and_time(t)
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    };
    let visit = |day, hour, area: &str, household: &str| PlanRequest {
        area: Some(area.into()),
        household: Some(household.into()),
        ..PlanRequest::new(ActivityKind::HomeVisit, at(day, hour, 0), 60)
    };
    let meeting = |day, hour, venue: &str, theme: &str| PlanRequest {
        venue: Some(venue.into()),
        theme: Some(theme.into()),
        area: Some("Gellerup".into()),
        ..PlanRequest::new(ActivityKind::GroupMeeting, at(day, hour, 0), 120)
    };
    vec![
        visit(0, 10, "Gellerup", "H-1"),
        meeting(1, 17, "Beboerhuset", "Sundhed"),
        visit(2, 10, "Gellerup", "H-2"),
        // Too close to the visit before: shows the travel-time warning.
        PlanRequest {
            area: Some("Gellerup".into()),
            household: Some("H-3".into()),
            ..PlanRequest::new(ActivityKind::HomeVisit, at(2, 11, 10), 45)
        },
        PlanRequest {
            area: Some("Bazar Vest".into()),
            ..PlanRequest::new(ActivityKind::Outreach, at(3, 14, 0), 90)
        },
        PlanRequest {
            area: Some("Gellerup".into()),
            ..PlanRequest::new(ActivityKind::Accompaniment, at(4, 9, 30), 120)
        },
        meeting(8, 17, "Beboerhuset", "Børn og skole"),
        visit(9, 13, "Hasle", "H-4"),
        PlanRequest {
            venue: Some("Biblioteket".into()),
            area: Some("Gellerup".into()),
            ..PlanRequest::new(ActivityKind::NetworkMeeting, at(10, 9, 0), 90)
        },
    ]
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
