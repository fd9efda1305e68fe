//! What the screens read: one activity, the agenda, a range of days, suggestions, a follow-up's draft.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use nabo_core::{conflicts_among, start_of_day, ActivityId, ActivityStatus, Details, Scheduled};
use nabo_store::{get_activity, recent_values, RememberedText};

use crate::busy::{blocking, key_of};
use crate::dto::{ActivityView, Agenda, PlanRequest, SuggestionField};
use crate::error::AppError;
use crate::service::{day_range, index_of, today_in_copenhagen, Entry, Nabo};

/// How far back the overdue list looks.
const OVERDUE_DAYS: i64 = 90;

/// How many suggestions a text field offers.
const SUGGESTIONS: usize = 10;

impl Nabo {
    /// One activity (a series as a whole: its first meeting's times).
    pub fn get(&self, id: ActivityId) -> Result<ActivityView, AppError> {
        Ok(ActivityView::new(get_activity(self.store.conn(), id)?, Vec::new()))
    }

    /// Values typed before in `field` starting with `prefix`, most recent first, then the
    /// coordinator's areas or public places (with their address) not typed yet.
    pub fn suggestions(&self, field: SuggestionField, prefix: &str) -> Result<Vec<String>, AppError> {
        let column = match field {
            SuggestionField::Area => RememberedText::Area,
            SuggestionField::Venue => RememberedText::Venue,
            SuggestionField::Theme => RememberedText::Theme,
            SuggestionField::Household => RememberedText::Household,
        };
        let prefix: String = prefix.trim().chars().take(80).collect();
        let mut values = recent_values(self.store.conn(), column, &prefix, SUGGESTIONS)?;
        let group = match (field, self.coordinator()?) {
            (SuggestionField::Area, Some(c)) => c.areas,
            (SuggestionField::Venue, Some(c)) => c.places,
            _ => Vec::new(),
        };
        let lower = prefix.to_lowercase();
        for value in group {
            if values.len() >= SUGGESTIONS {
                break;
            }
            let known = values.iter().any(|v| v.to_lowercase() == value.to_lowercase());
            if !known && value.to_lowercase().starts_with(&lower) {
                values.push(value);
            }
        }
        Ok(values)
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
}
