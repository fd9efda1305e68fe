//! The service API against real database files: what both front ends rely on.

use chrono::{DateTime, TimeZone, Utc};
use nabo_app::{
    ActivityKind, ActivityStatus, ConflictKindView, ErrorCode, Nabo, PlanRequest, Role,
};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0)
        .single()
        .expect("valid")
}

fn date(s: &str) -> chrono::NaiveDate {
    nabo_app::parse_date("test", s).expect("date")
}

fn visit(start: &str, minutes: u32, area: &str) -> PlanRequest {
    PlanRequest {
        area: Some(area.into()),
        household: Some("H-17".into()),
        ..PlanRequest::new(ActivityKind::HomeVisit, start, minutes)
    }
}

fn new_db() -> (tempfile::TempDir, Nabo) {
    let dir = tempfile::tempdir().expect("temp dir");
    let nabo = Nabo::init(&dir.path().join("nabo.db"), Role::Volunteer, None, now()).expect("init");
    (dir, nabo)
}

#[test]
fn planned_visit_is_listed_with_copenhagen_offset() {
    let (_dir, mut nabo) = new_db();
    let out = nabo
        .plan(visit("2026-12-01T10:00", 60, "Gellerup"), now())
        .expect("plan");
    assert!(out.conflicts.is_empty() && out.notices.is_empty());
    let week = nabo
        .list(date("2026-12-01"), date("2026-12-07"))
        .expect("list");
    assert_eq!(week.len(), 1);
    assert_eq!(week[0].id, out.id);
    assert_eq!(week[0].start, "2026-12-01T10:00:00+01:00");
    assert_eq!(week[0].end, "2026-12-01T11:00:00+01:00");
    assert_eq!(week[0].status, ActivityStatus::Planned);
    assert!(nabo
        .list(date("2026-12-02"), date("2026-12-07"))
        .expect("list")
        .is_empty());
}

#[test]
fn days_are_copenhagen_days() {
    let (_dir, mut nabo) = new_db();
    // 00:30 on 2 December in Copenhagen is still 1 December in UTC.
    nabo.plan(visit("2026-12-02T00:30", 30, "Vollsmose"), now())
        .expect("plan");
    assert!(nabo
        .list(date("2026-12-01"), date("2026-12-01"))
        .expect("list")
        .is_empty());
    assert_eq!(
        nabo.list(date("2026-12-02"), date("2026-12-02"))
            .expect("list")
            .len(),
        1
    );
}

#[test]
fn a_clash_is_stored_and_reported_both_ways() {
    let (_dir, mut nabo) = new_db();
    let first = nabo
        .plan(visit("2026-12-01T10:00", 60, "Gellerup"), now())
        .expect("plan");
    let second = nabo
        .plan(visit("2026-12-01T11:10", 60, "Gellerup"), now())
        .expect("plan");
    assert_eq!(second.conflicts.len(), 1);
    assert_eq!(second.conflicts[0].with, first.id);
    assert_eq!(
        second.conflicts[0].kind,
        ConflictKindView::TooLittleTravelTime
    );
    assert_eq!(second.conflicts[0].gap_minutes, Some(10));
    let day = nabo
        .list(date("2026-12-01"), date("2026-12-01"))
        .expect("list");
    assert_eq!(day[0].conflicts, vec![second.id]);
    assert_eq!(day[1].conflicts, vec![first.id]);
    let report = nabo.check(now()).expect("check");
    assert_eq!(report.upcoming_conflicts.len(), 1);
    assert!(report.problems.is_empty());
}

#[test]
fn a_clash_with_a_neighbour_outside_the_range_is_still_flagged() {
    let (_dir, mut nabo) = new_db();
    let late = nabo
        .plan(visit("2026-12-01T23:30", 20, "Gellerup"), now())
        .expect("plan");
    let early = nabo
        .plan(visit("2026-12-02T00:00", 30, "Gellerup"), now())
        .expect("plan");
    let day = nabo
        .list(date("2026-12-02"), date("2026-12-02"))
        .expect("list");
    assert_eq!(day.len(), 1);
    assert_eq!(day[0].id, early.id);
    assert_eq!(day[0].conflicts, vec![late.id]);
}

#[test]
fn cancelling_frees_the_time() {
    let (_dir, mut nabo) = new_db();
    let first = nabo
        .plan(visit("2026-12-01T10:00", 60, "Gellerup"), now())
        .expect("plan");
    let cancelled = nabo
        .cancel(nabo_app::ActivityId(first.id), now())
        .expect("cancel");
    assert_eq!(cancelled.status, ActivityStatus::Cancelled);
    let second = nabo
        .plan(visit("2026-12-01T10:00", 60, "Gellerup"), now())
        .expect("plan");
    assert!(second.conflicts.is_empty());
}

#[test]
fn update_moves_and_does_not_clash_with_itself() {
    let (_dir, mut nabo) = new_db();
    let out = nabo
        .plan(visit("2026-12-01T10:00", 60, "Gellerup"), now())
        .expect("plan");
    let id = nabo_app::ActivityId(out.id);
    let moved = nabo
        .update(id, visit("2026-12-01T10:30", 60, "Gellerup"), now())
        .expect("update");
    assert!(moved.conflicts.is_empty());
    assert_eq!(
        nabo.get(id).expect("get").start,
        "2026-12-01T10:30:00+01:00"
    );
    nabo.delete(id).expect("delete");
    assert_eq!(nabo.get(id).expect_err("gone").code(), ErrorCode::NotFound);
}

#[test]
fn refused_plans_store_nothing() {
    let (_dir, mut nabo) = new_db();
    let cases = [
        (
            visit("2027-03-28T02:30", 60, "Gellerup"),
            ErrorCode::DstGap,
            Some("start"),
        ),
        (
            visit("tomorrow-ish", 60, "Gellerup"),
            ErrorCode::UnreadableTime,
            Some("start"),
        ),
        (
            visit("2026-12-01T10:00", 0, "Gellerup"),
            ErrorCode::DurationNotPositive,
            Some("duration"),
        ),
        (
            visit("2026-12-01T10:00", 30 * 60, "Gellerup"),
            ErrorCode::TooLong,
            Some("duration"),
        ),
        (
            visit("2026-12-01T10:00", 60, " "),
            ErrorCode::MissingField,
            Some("area"),
        ),
        (
            PlanRequest {
                household: Some("Fatima".into()),
                ..visit("2026-12-01T10:00", 60, "Gellerup")
            },
            ErrorCode::NotAPseudonym,
            Some("household"),
        ),
    ];
    for (request, code, field) in cases {
        let err = nabo.plan(request.clone(), now()).expect_err("refused");
        assert_eq!(err.code(), code, "{request:?}");
        assert_eq!(err.field().as_deref(), field, "{request:?}");
        assert!(err.is_refused_input());
    }
    assert!(nabo
        .list(date("2026-01-01"), date("2027-12-31"))
        .expect("list")
        .is_empty());
}

#[test]
fn an_ambiguous_autumn_time_is_planned_with_a_notice() {
    let (_dir, mut nabo) = new_db();
    let out = nabo
        .plan(visit("2027-10-31T02:30", 30, "Gellerup"), now())
        .expect("plan");
    assert_eq!(out.notices.len(), 1);
    assert_eq!(out.notices[0].code, "ambiguous_time_chose_first");
    assert_eq!(
        out.notices[0].args.get("offset").map(String::as_str),
        Some("+02:00")
    );
    let got = nabo.get(nabo_app::ActivityId(out.id)).expect("get");
    assert_eq!(got.start, "2027-10-31T02:30:00+02:00");
}

#[test]
fn ranges_are_checked() {
    let (_dir, nabo) = new_db();
    let err = nabo
        .list(date("2026-12-07"), date("2026-12-01"))
        .expect_err("backwards");
    assert_eq!(err.code(), ErrorCode::InvalidRange);
    let err = nabo_app::parse_date("from", "next week").expect_err("not a date");
    assert_eq!(err.code(), ErrorCode::UnreadableDate);
    assert_eq!(err.field().as_deref(), Some("from"));
}

#[test]
fn the_database_survives_reopening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nabo.db");
    let id = {
        let mut nabo =
            Nabo::init(&path, Role::Coordinator, Some(" Aarhus ".into()), now()).expect("init");
        nabo.plan(visit("2026-12-01T10:00", 60, "Gellerup"), now())
            .expect("plan")
            .id
    };
    let nabo = Nabo::open(&path).expect("open");
    assert_eq!(
        nabo.get(nabo_app::ActivityId(id))
            .expect("get")
            .area
            .as_deref(),
        Some("Gellerup")
    );
    let me = nabo.identity().expect("identity").expect("set");
    assert_eq!(
        (me.role, me.display_name.as_deref()),
        (Role::Coordinator, Some("Aarhus"))
    );
    assert_eq!(
        Nabo::init(&path, Role::Volunteer, None, now())
            .expect_err("exists")
            .code(),
        ErrorCode::DatabaseExists
    );
}

#[test]
fn the_travel_buffer_is_a_setting_that_lasts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nabo.db");
    let mut nabo = Nabo::init(&path, Role::Volunteer, None, now()).expect("init");
    assert_eq!(nabo.travel_buffer_minutes(), 30);
    nabo.plan(visit("2026-12-01T10:00", 60, "Gellerup"), now())
        .expect("plan");
    let err = nabo.set_travel_buffer(-1).expect_err("negative");
    assert_eq!(err.code(), ErrorCode::InvalidSetting);
    assert!(nabo.set_travel_buffer(241).is_err());
    nabo.set_travel_buffer(5).expect("set");
    drop(nabo);
    let mut nabo = Nabo::open(&path).expect("open");
    assert_eq!(nabo.travel_buffer_minutes(), 5);
    let out = nabo
        .plan(visit("2026-12-01T11:10", 30, "Gellerup"), now())
        .expect("plan");
    assert!(
        out.conflicts.is_empty(),
        "10 minutes is enough with a 5-minute buffer"
    );
}
