//! Example activities a newcomer can load to see what Nabo shows, and remove in one go.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use nabo_core::{ActivityKind, Details};
use nabo_store::delete_example_activities;

use crate::dto::PlanRequest;
use crate::error::AppError;
use crate::planning::validate;
use crate::service::{today_in_copenhagen, Nabo};

impl Nabo {
    /// Fills this and next week with clearly marked example activities; returns how many were made.
    pub fn load_examples(&mut self, now: DateTime<Utc>) -> Result<usize, AppError> {
        let today = today_in_copenhagen(now);
        let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
        let examples = example_plans(monday);
        let count = examples.len();
        for request in examples {
            self.insert(validate(request, &nabo_core::PublicPlaces::default())?, true, now)?;
        }
        Ok(count)
    }

    /// Removes all example activities; returns how many.
    pub fn remove_examples(&mut self) -> Result<usize, AppError> {
        Ok(self.store.write(delete_example_activities)?)
    }
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
