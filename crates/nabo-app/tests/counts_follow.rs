//! Counts stay true to their activity: whatever a volunteer does, in any order — record, move,
//! skip, cancel, mark, split a series, remove counts, addressing meetings as `ID@DATE` — no
//! counts are left on something that is not done in the month they are counted in.
//!
//! A property test over a real database file, checked after every step by reading the counts
//! table itself (not through the service that keeps the rule).

mod common;

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use nabo_app::{ActivityId, ActivityKind, ActivityStatus, Details, ErrorCode, Nabo, PlanRequest, Role, ZONE};
use proptest::prelude::*;

/// The clock: a Friday in the middle of the series below.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).single().expect("valid")
}

/// A one-off visit (id 1) and a weekly Tuesday series of eight meetings from 3 November (id 2).
fn scene() -> (tempfile::TempDir, Nabo) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut nabo =
        Nabo::init(&dir.path().join("nabo.db"), &nabo_app::KeySource::Key([7; 32]), Role::Volunteer, None, now())
            .expect("init");
    let visit = PlanRequest {
        details: Details { area: Some("Gellerup".into()), household: Some("H-17".into()), ..Details::default() },
        ..PlanRequest::new(ActivityKind::HomeVisit, "2026-11-12T10:00", 60)
    };
    assert_eq!(nabo.plan(visit, now()).expect("plan").id, 1);
    let series = PlanRequest {
        details: Details { venue: Some("Beboerhuset".into()), theme: Some("Sundhed".into()), ..Details::default() },
        rrule: Some("FREQ=WEEKLY;BYDAY=TU;COUNT=8".into()),
        ..PlanRequest::new(ActivityKind::GroupMeeting, "2026-11-03T17:00", 120)
    };
    assert_eq!(nabo.plan(series, now()).expect("plan").id, 2);
    (dir, nabo)
}

/// What a step acts on: the visit, or a meeting of the series named by a day.
#[derive(Debug, Clone, Copy)]
enum Target {
    Visit,
    Meeting(NaiveDate),
}

#[derive(Debug, Clone)]
enum Step {
    Record(Target),
    Move(Target, NaiveDate, u32),
    Mark(Target, ActivityStatus),
    Skip(NaiveDate),
    RemoveCounts(Target),
    MarkSeries(ActivityStatus),
    MoveSeries(NaiveDate, u32),
    SplitAt(NaiveDate, u32),
}

fn day(offset: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 27).expect("valid") + Duration::days(offset)
}

fn any_day() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        // Mostly the series' first four Tuesdays (3 to 24 November; three have taken place), so
        // that steps often meet the same meetings …
        4 => (1i64..5).prop_map(|week| day(7 * week)),
        // … and any day five weeks either side of the clock: before the series, during it, after it.
        1 => (0i64..70).prop_map(day),
    ]
}

/// Where a move goes: often across a month's edge (into October, or into next year).
fn move_day() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        2 => any_day(),
        // 30 October, 5 November (both have come), 2 December, 5 January (neither has).
        2 => prop_oneof![Just(day(3)), Just(day(9)), Just(day(36)), Just(day(70))],
    ]
}

fn any_target() -> impl Strategy<Value = Target> {
    prop_oneof![Just(Target::Visit), any_day().prop_map(Target::Meeting)]
}

fn any_status() -> impl Strategy<Value = ActivityStatus> {
    prop_oneof![
        Just(ActivityStatus::Planned),
        Just(ActivityStatus::Done),
        Just(ActivityStatus::Cancelled),
        Just(ActivityStatus::NoShow),
    ]
}

fn any_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => any_target().prop_map(Step::Record),
        3 => (any_target(), move_day(), 8u32..21).prop_map(|(t, d, h)| Step::Move(t, d, h)),
        2 => (any_target(), any_status()).prop_map(|(t, s)| Step::Mark(t, s)),
        2 => any_day().prop_map(Step::Skip),
        1 => any_target().prop_map(Step::RemoveCounts),
        1 => any_status().prop_map(Step::MarkSeries),
        1 => (any_day(), 8u32..21).prop_map(|(d, h)| Step::MoveSeries(d, h)),
        1 => (any_day(), 8u32..21).prop_map(|(d, h)| Step::SplitAt(d, h)),
    ]
}

/// The id and meeting (RFC 3339 original start) a target names, if it names one now.
fn resolve(nabo: &Nabo, target: Target) -> Option<(ActivityId, Option<String>)> {
    match target {
        Target::Visit => Some((ActivityId(1), None)),
        Target::Meeting(date) => nabo.occurrence_on(ActivityId(2), date).ok().map(|o| (ActivityId(2), Some(o))),
    }
}

fn at(date: NaiveDate, hour: u32) -> String {
    format!("{date}T{hour:02}:00")
}

/// Runs a step; refusals are fine (that is the rule at work), other failures are not.
fn run(nabo: &mut Nabo, step: &Step) {
    let counts = BTreeMap::from([("reached".to_string(), 2)]);
    let result = match *step {
        Step::Record(t) => resolve(nabo, t).map(|(id, o)| nabo.record(id, o.as_deref(), &counts, now()).map(|_| ())),
        Step::Move(t, date, hour) => resolve(nabo, t).map(|(id, o)| {
            nabo.move_for(id, o.as_deref(), &at(date, hour), "60m".parse().expect("minutes"), now()).map(|_| ())
        }),
        Step::Mark(t, status) => {
            resolve(nabo, t).map(|(id, o)| nabo.set_status(id, o.as_deref(), status, now()).map(|_| ()))
        }
        Step::Skip(date) => resolve(nabo, Target::Meeting(date))
            .map(|(id, o)| nabo.skip_occurrence(id, o.as_deref().unwrap_or_default(), now()).map(|_| ())),
        Step::RemoveCounts(t) => {
            resolve(nabo, t).map(|(id, o)| nabo.remove_counts(id, o.as_deref(), now()).map(|_| ()))
        }
        Step::MarkSeries(status) => Some(nabo.set_status(ActivityId(2), None, status, now()).map(|_| ())),
        Step::MoveSeries(date, hour) => Some(
            nabo.move_for(ActivityId(2), None, &at(date, hour), "120m".parse().expect("minutes"), now()).map(|_| ()),
        ),
        Step::SplitAt(date, hour) => resolve(nabo, Target::Meeting(date)).map(|(id, o)| {
            let request = PlanRequest {
                details: Details {
                    venue: Some("Biblioteket".into()),
                    theme: Some("Sundhed".into()),
                    ..Details::default()
                },
                ..PlanRequest::new(ActivityKind::GroupMeeting, at(date, hour), 90)
            };
            nabo.update_following(id, o.as_deref().unwrap_or_default(), request, now()).map(|_| ())
        }),
    };
    if let Some(Err(e)) = result {
        let refusal = e.is_refused_input() || e.code() == ErrorCode::NotFound;
        assert!(refusal, "{step:?} failed instead of being refused: {e}");
    }
}

/// Every counts row as stored: activity, occurrence key, month.
fn stored_counts(path: &std::path::Path) -> Vec<(i64, i64, String)> {
    let conn = common::keyed(path);
    let mut stmt = conn
        .prepare("SELECT DISTINCT activity_id, occurrence_start_utc, period FROM counts ORDER BY 1, 2")
        .expect("query");
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).expect("rows");
    rows.collect::<Result<_, _>>().expect("read")
}

/// The invariant: each counted occurrence exists, is done, has started, and is in the counted month.
fn check_counts(nabo: &Nabo, path: &std::path::Path, history: &[Step]) {
    for (id, key, period) in stored_counts(path) {
        let key_time = Utc.timestamp_opt(key, 0).single().expect("time").with_timezone(&ZONE);
        let view = match nabo.get(ActivityId(id)) {
            Ok(a) if a.rrule.is_none() => {
                assert_eq!(
                    a.start,
                    key_time.to_rfc3339(),
                    "one-off {id}'s counts are keyed by its start after {history:?}"
                );
                a
            }
            Ok(_) => nabo
                .occurrence_view(ActivityId(id), &key_time.to_rfc3339())
                .unwrap_or_else(|e| panic!("counts on {id}@{key_time}, which is no meeting ({e}), after {history:?}")),
            Err(e) => panic!("counts on activity {id}, which is gone ({e}), after {history:?}"),
        };
        assert_eq!(view.status, ActivityStatus::Done, "counts on {id}@{key_time}, not done, after {history:?}");
        let start = DateTime::parse_from_rfc3339(&view.start).expect("RFC 3339");
        assert!(start <= now(), "counts on {id}@{key_time}, which starts at {start} in the future, after {history:?}");
        let month = start.with_timezone(&ZONE).format("%Y-%m").to_string();
        assert_eq!(
            month, period,
            "counts of {id}@{key_time} count in {period}, but it took place in {month}, after {history:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn counts_never_stay_on_what_is_not_done_in_their_month(steps in proptest::collection::vec(any_step(), 1..20)) {
        let (dir, mut nabo) = scene();
        let path = dir.path().join("nabo.db");
        for (i, step) in steps.iter().enumerate() {
            run(&mut nabo, step);
            check_counts(&nabo, &path, &steps[..=i]);
        }
    }
}

/// The cases the issue found, as they were reported.
#[test]
fn a_done_visit_moved_into_next_year_is_refused_and_its_counts_stay_in_their_month() {
    let (dir, mut nabo) = scene();
    nabo.record(ActivityId(1), None, &BTreeMap::from([("reached".to_string(), 3)]), now()).expect("record");
    let err = nabo
        .move_for(ActivityId(1), None, "2027-01-12T10:00", "60m".parse().expect("minutes"), now())
        .expect_err("a visit with counts cannot move into the future");
    assert_eq!(err.code(), ErrorCode::HasCounts);
    // Moved to another day that has come, it takes its counts to that month.
    nabo.move_for(ActivityId(1), None, "2026-10-30T10:00", "60m".parse().expect("minutes"), now()).expect("move");
    assert_eq!(stored_counts(&dir.path().join("nabo.db"))[0].2, "2026-10");
    let october = nabo.month_stats(NaiveDate::from_ymd_opt(2026, 10, 1).expect("date")).expect("stats");
    assert_eq!(october.totals["reached"], 3);
    let november = nabo.month_stats(NaiveDate::from_ymd_opt(2026, 11, 1).expect("date")).expect("stats");
    assert_eq!(november.totals["reached"], 0);
    let form = nabo.counts_form(ActivityId(1), None).expect("form");
    assert_eq!(form.recorded.expect("still recorded")["reached"], 3);
}

#[test]
fn a_moved_meeting_keeps_its_name_and_the_meeting_of_its_new_day_can_still_be_addressed() {
    let (_dir, mut nabo) = scene();
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    // The meeting of 10 November took place on 17 November, before that day's own meeting.
    let tenth = nabo.occurrence_on(ActivityId(2), day("2026-11-10")).expect("meeting");
    nabo.move_for(ActivityId(2), Some(&tenth), "2026-11-17T10:00", "60m".parse().expect("minutes"), now())
        .expect("move");
    nabo.record(ActivityId(2), Some(&tenth), &BTreeMap::from([("reached".to_string(), 4)]), now()).expect("record");
    // 2@2026-11-17 is the 17 November meeting, not the one moved there.
    let seventeenth = nabo.occurrence_on(ActivityId(2), day("2026-11-17")).expect("meeting");
    assert_ne!(seventeenth, tenth);
    nabo.skip_occurrence(ActivityId(2), &seventeenth, now()).expect("the 17 November meeting is skipped");
    // The moved one is still reachable by its own day and keeps its counts; skipping it is refused.
    assert_eq!(nabo.occurrence_on(ActivityId(2), day("2026-11-10")).expect("meeting"), tenth);
    let err = nabo.skip_occurrence(ActivityId(2), &tenth, now()).expect_err("has counts");
    assert_eq!(err.code(), ErrorCode::HasCounts);
    // With the 17th's own meeting skipped, its day names the meeting moved there.
    assert_eq!(nabo.occurrence_on(ActivityId(2), day("2026-11-17")).expect("meeting"), tenth);
    let form = nabo.counts_form(ActivityId(2), Some(&tenth)).expect("form");
    assert_eq!(form.recorded.expect("recorded")["reached"], 4);
}

#[test]
fn cancelling_a_series_leaves_its_done_meetings_done() {
    let (_dir, mut nabo) = scene();
    let third = nabo.occurrence_on(ActivityId(2), NaiveDate::from_ymd_opt(2026, 11, 3).expect("date")).expect("m");
    nabo.record(ActivityId(2), Some(&third), &BTreeMap::from([("reached".to_string(), 5)]), now()).expect("record");
    nabo.cancel(ActivityId(2), now()).expect("cancel the series");
    assert_eq!(nabo.occurrence_view(ActivityId(2), &third).expect("meeting").status, ActivityStatus::Done);
    let later = nabo.occurrence_on(ActivityId(2), NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")).expect("m");
    assert_eq!(nabo.occurrence_view(ActivityId(2), &later).expect("meeting").status, ActivityStatus::Cancelled);
}

#[test]
fn a_counted_meeting_moved_into_the_month_before_takes_its_counts_there() {
    let (dir, mut nabo) = scene();
    let first = nabo.occurrence_on(ActivityId(2), NaiveDate::from_ymd_opt(2026, 11, 3).expect("date")).expect("m");
    nabo.record(ActivityId(2), Some(&first), &BTreeMap::from([("reached".to_string(), 6)]), now()).expect("record");
    nabo.move_for(ActivityId(2), Some(&first), "2026-10-30T17:00", "120m".parse().expect("minutes"), now())
        .expect("moved to a day that has come");
    check_counts(&nabo, &dir.path().join("nabo.db"), &[]);
    let october = nabo.month_stats(NaiveDate::from_ymd_opt(2026, 10, 1).expect("date")).expect("stats");
    assert_eq!(october.totals["reached"], 6);
}
