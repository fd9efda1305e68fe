//! The service API against real database files: what both front ends rely on.

use chrono::{DateTime, TimeZone, Utc};
use nabo_app::{ActivityKind, ActivityStatus, ConflictKindView, Details, ErrorCode, Nabo, PlanRequest, Role};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).single().expect("valid")
}

fn date(s: &str) -> chrono::NaiveDate {
    nabo_app::parse_date("test", s).expect("date")
}

/// `request` with its details changed by `change`.
fn with(mut request: PlanRequest, change: impl FnOnce(&mut Details)) -> PlanRequest {
    change(&mut request.details);
    request
}

fn visit(start: &str, minutes: u32, area: &str) -> PlanRequest {
    PlanRequest {
        details: Details { area: Some(area.into()), household: Some("H-17".into()), ..Details::default() },
        ..PlanRequest::new(ActivityKind::HomeVisit, start, minutes)
    }
}

fn new_db() -> (tempfile::TempDir, Nabo) {
    let dir = tempfile::tempdir().expect("temp dir");
    let nabo =
        Nabo::init(&dir.path().join("nabo.db"), &nabo_app::KeySource::Key([7; 32]), Role::Volunteer, None, now())
            .expect("init");
    (dir, nabo)
}

#[test]
fn planned_visit_is_listed_with_copenhagen_offset() {
    let (_dir, mut nabo) = new_db();
    let out = nabo.plan(visit("2026-12-01T10:00", 60, "Gellerup"), now()).expect("plan");
    assert!(out.conflicts.is_empty() && out.notices.is_empty());
    let week = nabo.list(date("2026-12-01"), date("2026-12-07")).expect("list");
    assert_eq!(week.len(), 1);
    assert_eq!(week[0].id, out.id);
    assert_eq!(week[0].start, "2026-12-01T10:00:00+01:00");
    assert_eq!(week[0].end, "2026-12-01T11:00:00+01:00");
    assert_eq!(week[0].status, ActivityStatus::Planned);
    assert!(nabo.list(date("2026-12-02"), date("2026-12-07")).expect("list").is_empty());
}

#[test]
fn days_are_copenhagen_days() {
    let (_dir, mut nabo) = new_db();
    // 00:30 on 2 December in Copenhagen is still 1 December in UTC.
    nabo.plan(visit("2026-12-02T00:30", 30, "Vollsmose"), now()).expect("plan");
    assert!(nabo.list(date("2026-12-01"), date("2026-12-01")).expect("list").is_empty());
    assert_eq!(nabo.list(date("2026-12-02"), date("2026-12-02")).expect("list").len(), 1);
}

#[test]
fn a_clash_is_stored_and_reported_both_ways() {
    let (_dir, mut nabo) = new_db();
    let first = nabo.plan(visit("2026-12-01T10:00", 60, "Gellerup"), now()).expect("plan");
    let second = nabo.plan(visit("2026-12-01T11:10", 60, "Gellerup"), now()).expect("plan");
    assert_eq!(second.conflicts.len(), 1);
    assert_eq!(second.conflicts[0].with, first.id);
    assert_eq!(second.conflicts[0].kind, ConflictKindView::TooLittleTravelTime);
    assert_eq!(second.conflicts[0].gap_minutes, Some(10));
    let day = nabo.list(date("2026-12-01"), date("2026-12-01")).expect("list");
    assert_eq!(day[0].conflicts, vec![second.id]);
    assert_eq!(day[1].conflicts, vec![first.id]);
    let report = nabo.check(now()).expect("check");
    assert_eq!(report.upcoming_conflicts.len(), 1);
    assert!(report.problems.is_empty());
}

#[test]
fn a_clash_with_a_neighbour_outside_the_range_is_still_flagged() {
    let (_dir, mut nabo) = new_db();
    let late = nabo.plan(visit("2026-12-01T23:30", 20, "Gellerup"), now()).expect("plan");
    let early = nabo.plan(visit("2026-12-02T00:00", 30, "Gellerup"), now()).expect("plan");
    let day = nabo.list(date("2026-12-02"), date("2026-12-02")).expect("list");
    assert_eq!(day.len(), 1);
    assert_eq!(day[0].id, early.id);
    assert_eq!(day[0].conflicts, vec![late.id]);
}

#[test]
fn cancelling_frees_the_time() {
    let (_dir, mut nabo) = new_db();
    let first = nabo.plan(visit("2026-12-01T10:00", 60, "Gellerup"), now()).expect("plan");
    let cancelled = nabo.cancel(nabo_app::ActivityId(first.id), now()).expect("cancel");
    assert_eq!(cancelled.value.status, ActivityStatus::Cancelled);
    let second = nabo.plan(visit("2026-12-01T10:00", 60, "Gellerup"), now()).expect("plan");
    assert!(second.conflicts.is_empty());
}

#[test]
fn update_moves_and_does_not_clash_with_itself() {
    let (_dir, mut nabo) = new_db();
    let out = nabo.plan(visit("2026-12-01T10:00", 60, "Gellerup"), now()).expect("plan");
    let id = nabo_app::ActivityId(out.id);
    let moved = nabo.update(id, visit("2026-12-01T10:30", 60, "Gellerup"), now()).expect("update");
    assert!(moved.conflicts.is_empty());
    assert_eq!(nabo.get(id).expect("get").start, "2026-12-01T10:30:00+01:00");
    nabo.delete(id, now()).expect("delete");
    assert_eq!(nabo.get(id).expect_err("gone").code(), ErrorCode::NotFound);
}

/// Every file of the database (the file itself, its -wal and -shm) as one byte string.
fn database_bytes(dir: &std::path::Path) -> Vec<u8> {
    let mut bytes = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("nabo.db")) {
            bytes.extend(std::fs::read(&path).expect("read"));
        }
    }
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn personal_data_in_a_note_is_refused_naming_the_kind_and_never_stored() {
    let (dir, mut nabo) = new_db();
    let cases = [
        ("ring til Fatima på 22 33 44 55", "phone", "22 33 44 55"),
        ("cpr 010190-1234", "cpr", "010190-1234"),
        ("skriv til fatima.k@gmail.com", "email", "fatima.k@gmail.com"),
        ("bor på Nørrebrogade 3, 2. th.", "street_address", "Nørrebrogade 3"),
    ];
    for (note, kind, data) in cases {
        let request = with(visit("2026-12-01T10:00", 60, "Gellerup"), |d| d.note = Some(note.into()));
        let err = nabo.plan(request, now()).expect_err("refused");
        assert_eq!(err.code(), ErrorCode::PersonalData, "{note}");
        assert_eq!(err.field().as_deref(), Some("note"));
        assert_eq!(err.args().get("kind").map(String::as_str), Some(kind));
        let shown = format!("{err} {err:?} {:?}", err.to_user_error());
        assert!(!shown.contains(data), "the error repeats {data:?}: {shown}");
        assert!(!contains(&database_bytes(dir.path()), data), "{data:?} is in the database files");
    }
    // The other free-text fields are guarded too.
    let meeting = |venue: &str, theme: &str, title: Option<&str>| PlanRequest {
        details: Details {
            venue: Some(venue.into()),
            theme: Some(theme.into()),
            title: title.map(Into::into),
            ..Details::default()
        },
        ..PlanRequest::new(ActivityKind::GroupMeeting, "2026-12-02T10:00", 120)
    };
    for (request, field) in [
        (meeting("Søndergade 12", "Sundhed", None), "venue"),
        (meeting("Globus1", "ring 22334455", None), "theme"),
        (meeting("Globus1", "Sundhed", Some("Møde med 0101901234")), "title"),
        (visit("2026-12-01T10:00", 60, "a@b.dk"), "area"),
        (with(visit("2026-12-01T10:00", 60, "Gellerup"), |d| d.household = Some("22334455".into())), "household"),
    ] {
        let err = nabo.plan(request, now()).expect_err("refused");
        assert_eq!((err.code(), err.field().as_deref()), (ErrorCode::PersonalData, Some(field)));
    }
    assert!(nabo.list(date("2026-01-01"), date("2027-12-31")).expect("list").is_empty());
    for data in ["22334455", "0101901234", "a@b.dk", "Søndergade 12"] {
        assert!(!contains(&database_bytes(dir.path()), data), "{data:?} is in the database files");
    }
}

#[test]
fn an_update_with_personal_data_is_refused_and_keeps_the_old_note() {
    let (dir, mut nabo) = new_db();
    let id = nabo_app::ActivityId(
        nabo.plan(
            with(visit("2026-12-01T10:00", 60, "Gellerup"), |d| d.note = Some("Tal om skolestart".into())),
            now(),
        )
        .expect("plan")
        .id,
    );
    let update = with(visit("2026-12-01T11:00", 60, "Gellerup"), |d| d.note = Some("cpr 010190-1234".into()));
    let err = nabo.update(id, update, now()).expect_err("refused");
    assert_eq!((err.code(), err.args().get("kind").map(String::as_str)), (ErrorCode::PersonalData, Some("cpr")));
    let kept = nabo.get(id).expect("get");
    assert_eq!(kept.start, "2026-12-01T10:00:00+01:00");
    assert_eq!(kept.details.note.as_deref(), Some("Tal om skolestart"));
    assert!(!contains(&database_bytes(dir.path()), "010190"), "the CPR number is in the database files");
}

#[test]
fn refused_plans_store_nothing() {
    let (_dir, mut nabo) = new_db();
    let cases = [
        (visit("2027-03-28T02:30", 60, "Gellerup"), ErrorCode::DstGap, Some("start")),
        (visit("tomorrow-ish", 60, "Gellerup"), ErrorCode::UnreadableTime, Some("start")),
        (visit("2026-12-01T10:00", 0, "Gellerup"), ErrorCode::DurationNotPositive, Some("duration")),
        (visit("2026-12-01T10:00", 30 * 60, "Gellerup"), ErrorCode::TooLong, Some("duration")),
        (visit("2026-12-01T10:00", 60, " "), ErrorCode::MissingField, Some("area")),
        (
            with(visit("2026-12-01T10:00", 60, "Gellerup"), |d| d.household = Some("Fatima".into())),
            ErrorCode::NotAPseudonym,
            Some("household"),
        ),
        (
            with(visit("2026-12-01T10:00", 60, "Gellerup"), |d| d.household = Some("Fatima1".into())),
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
    assert!(nabo.list(date("2026-01-01"), date("2027-12-31")).expect("list").is_empty());
}

#[test]
fn an_ambiguous_autumn_time_is_planned_with_a_notice() {
    let (_dir, mut nabo) = new_db();
    let out = nabo.plan(visit("2027-10-31T02:30", 30, "Gellerup"), now()).expect("plan");
    assert_eq!(out.notices.len(), 1);
    assert_eq!(out.notices[0].code, "ambiguous_time_chose_first");
    assert_eq!(out.notices[0].args.get("offset").map(String::as_str), Some("+02:00"));
    let got = nabo.get(nabo_app::ActivityId(out.id)).expect("get");
    assert_eq!(got.start, "2027-10-31T02:30:00+02:00");
}

#[test]
fn ranges_are_checked() {
    let (_dir, nabo) = new_db();
    let err = nabo.list(date("2026-12-07"), date("2026-12-01")).expect_err("backwards");
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
            Nabo::init(&path, &nabo_app::KeySource::Key([7; 32]), Role::Coordinator, Some(" Aarhus ".into()), now())
                .expect("init");
        nabo.plan(visit("2026-12-01T10:00", 60, "Gellerup"), now()).expect("plan").id
    };
    let nabo = Nabo::open(&path, &nabo_app::KeySource::Key([7; 32])).expect("open");
    assert_eq!(nabo.get(nabo_app::ActivityId(id)).expect("get").details.area.as_deref(), Some("Gellerup"));
    let me = nabo.identity().expect("identity").expect("set");
    assert_eq!((me.role, me.display_name.as_deref()), (Role::Coordinator, Some("Aarhus")));
    assert_eq!(
        Nabo::init(&path, &nabo_app::KeySource::Key([7; 32]), Role::Volunteer, None, now()).expect_err("exists").code(),
        ErrorCode::DatabaseExists
    );
}

#[test]
fn the_travel_buffer_is_a_setting_that_lasts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nabo.db");
    let mut nabo = Nabo::init(&path, &nabo_app::KeySource::Key([7; 32]), Role::Volunteer, None, now()).expect("init");
    assert_eq!(nabo.travel_buffer_minutes(), 30);
    nabo.plan(visit("2026-12-01T10:00", 60, "Gellerup"), now()).expect("plan");
    let err = nabo.set_travel_buffer(-1, now()).expect_err("negative");
    assert_eq!(err.code(), ErrorCode::InvalidSetting);
    assert!(nabo.set_travel_buffer(241, now()).is_err());
    nabo.set_travel_buffer(5, now()).expect("set");
    drop(nabo);
    let mut nabo = Nabo::open(&path, &nabo_app::KeySource::Key([7; 32])).expect("open");
    assert_eq!(nabo.travel_buffer_minutes(), 5);
    let out = nabo.plan(visit("2026-12-01T11:10", 30, "Gellerup"), now()).expect("plan");
    assert!(out.conflicts.is_empty(), "10 minutes is enough with a 5-minute buffer");
}

fn id(n: i64) -> nabo_app::ActivityId {
    nabo_app::ActivityId(n)
}

#[test]
fn moving_keeps_everything_but_the_time_and_checks_like_planning() {
    let (_dir, mut nabo) = new_db();
    let a = nabo.plan(visit("2026-12-01T10:00", 60, "Gellerup"), now()).expect("plan").id;
    let b = nabo.plan(visit("2026-12-01T14:00", 60, "Vollsmose"), now()).expect("plan").id;
    let moved = nabo.move_to(id(b), None, "2026-12-01T10:30", "2026-12-01T11:45", now()).expect("move");
    assert_eq!(moved.conflicts.len(), 1);
    assert_eq!(moved.conflicts[0].with, a);
    let got = nabo.get(id(b)).expect("get");
    assert_eq!((got.start.as_str(), got.end.as_str()), ("2026-12-01T10:30:00+01:00", "2026-12-01T11:45:00+01:00"));
    assert_eq!((got.details.area.as_deref(), got.details.household.as_deref()), (Some("Vollsmose"), Some("H-17")));

    let before = nabo.get(id(b)).expect("get");
    let err = nabo.move_to(id(b), None, "2027-03-28T02:15", "2027-03-28T04:00", now()).expect_err("gap");
    assert_eq!((err.code(), err.field().as_deref()), (ErrorCode::DstGap, Some("start")));
    let err = nabo.move_to(id(b), None, "2026-12-01T12:00", "2026-12-01T11:00", now()).expect_err("backwards");
    assert_eq!(err.code(), ErrorCode::EndNotAfterStart);
    assert_eq!(nabo.get(id(b)).expect("get"), before, "a refused move changes nothing");
    assert_eq!(
        nabo.move_to(id(999), None, "2026-12-01T12:00", "2026-12-01T13:00", now()).expect_err("").code(),
        ErrorCode::NotFound
    );
}

#[test]
fn status_changes_and_delete_with_undo() {
    let (_dir, mut nabo) = new_db();
    let a = id(nabo.plan(visit("2026-12-01T10:00", 60, "Gellerup"), now()).expect("plan").id);
    assert_eq!(nabo.set_status(a, None, ActivityStatus::Done, now()).expect("done").value.status, ActivityStatus::Done);
    assert_eq!(
        nabo.set_status(a, None, ActivityStatus::NoShow, now()).expect("no-show").value.status,
        ActivityStatus::NoShow
    );
    nabo.delete(a, now()).expect("delete");
    assert!(nabo.list(date("2026-12-01"), date("2026-12-01")).expect("list").is_empty());
    assert_eq!(nabo.get(a).expect_err("hidden").code(), ErrorCode::NotFound);
    assert_eq!(nabo.restore(a, now()).expect("undo").value.status, ActivityStatus::NoShow);
    assert_eq!(nabo.list(date("2026-12-01"), date("2026-12-01")).expect("list").len(), 1);

    nabo.delete(a, now()).expect("delete again");
    assert_eq!(nabo.purge_deleted(now() + chrono::Duration::minutes(5)).expect("purge"), 0, "still undoable");
    assert_eq!(nabo.purge_deleted(now() + chrono::Duration::minutes(11)).expect("purge"), 1);
    assert_eq!(nabo.restore(a, now()).expect_err("gone").code(), ErrorCode::NotFound);
}

#[test]
fn suggestions_offer_recent_values() {
    let (_dir, mut nabo) = new_db();
    for (i, area) in ["Gellerup", "Vollsmose", "Gellerupparken"].iter().enumerate() {
        let t = now() + chrono::Duration::minutes(i as i64);
        nabo.plan(visit(&format!("2026-12-0{}T10:00", i + 1), 60, area), t).expect("plan");
    }
    assert_eq!(nabo.suggestions(nabo_app::SuggestionField::Area, "gel").expect("s"), ["Gellerupparken", "Gellerup"]);
    assert_eq!(nabo.suggestions(nabo_app::SuggestionField::Household, "").expect("s"), ["H-17"]);
    assert!(nabo.suggestions(nabo_app::SuggestionField::Venue, "").expect("s").is_empty());
}

#[test]
fn a_follow_up_is_drafted_two_weeks_later_at_the_same_time() {
    let (_dir, mut nabo) = new_db();
    let a = id(nabo.plan(visit("2026-10-20T10:00", 45, "Gellerup"), now()).expect("plan").id);
    let draft = nabo.follow_up_draft(a).expect("draft");
    // Two weeks later is after the autumn change: same wall-clock time, new offset.
    assert_eq!(draft.start, "2026-11-03T10:00");
    assert_eq!(draft.duration_minutes, 45);
    assert_eq!((draft.details.area.as_deref(), draft.details.household.as_deref()), (Some("Gellerup"), Some("H-17")));
    assert_eq!(draft.kind, ActivityKind::HomeVisit);
    assert!(draft.details.note.is_none(), "notes are not copied");
    let planned = nabo.plan(draft, now()).expect("plan the follow-up");
    assert_eq!(nabo.get(id(planned.id)).expect("get").start, "2026-11-03T10:00:00+01:00");
}

#[test]
fn the_agenda_lists_overdue_and_upcoming() {
    let (_dir, mut nabo) = new_db();
    // now() is 2026-11-25 13:00 in Copenhagen.
    let old = id(nabo.plan(visit("2026-11-20T10:00", 60, "A"), now()).expect("plan").id);
    let older = id(nabo.plan(visit("2026-11-18T10:00", 60, "B"), now()).expect("plan").id);
    let done = id(nabo.plan(visit("2026-11-19T10:00", 60, "C"), now()).expect("plan").id);
    nabo.set_status(done, None, ActivityStatus::Done, now()).expect("done");
    let soon = id(nabo.plan(visit("2026-11-26T10:00", 60, "D"), now()).expect("plan").id);
    let last_day = id(nabo.plan(visit("2026-12-02T22:00", 60, "E"), now()).expect("plan").id);
    nabo.plan(visit("2026-12-03T10:00", 60, "F"), now()).expect("beyond the week");
    let agenda = nabo.agenda(now(), None).expect("agenda");
    let ids = |v: &[nabo_app::ActivityView]| v.iter().map(|a| a.id).collect::<Vec<_>>();
    assert_eq!(ids(&agenda.overdue), vec![old.0, older.0]);
    assert_eq!(agenda.overdue_total, 2);
    assert_eq!(ids(&agenda.upcoming), vec![soon.0, last_day.0]);
    let capped = nabo.agenda(now(), Some(1)).expect("agenda");
    assert_eq!((ids(&capped.overdue), capped.overdue_total), (vec![old.0], 2), "the newest first, with the total");
}

#[test]
fn settings_are_validated_saved_and_used() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nabo.db");
    let mut nabo = Nabo::open_or_create(&path, &nabo_app::KeySource::Key([7; 32])).expect("first start");
    let defaults = nabo.settings().expect("settings");
    assert!(!defaults.onboarded);
    assert_eq!((defaults.travel_buffer_minutes, defaults.follow_up_days), (30, 14));
    assert_eq!(defaults.role, None);

    let bad = nabo_app::Settings { reminder_minutes: 5000, ..defaults.clone() };
    let err = nabo.save_settings(bad, now()).expect_err("too long");
    assert_eq!((err.code(), err.field().as_deref()), (ErrorCode::InvalidSetting, Some("reminder_minutes")));
    let mut bad = defaults.clone();
    bad.durations.home_visit = 1;
    assert_eq!(nabo.save_settings(bad, now()).expect_err("short").field().as_deref(), Some("durations.home_visit"));
    assert_eq!(nabo.settings().expect("settings"), defaults, "a refused save changes nothing");

    let chosen = nabo_app::Settings {
        language: Some(nabo_app::UiLanguage::En),
        role: Some(nabo_app::RoleView::Coordinator),
        programme: Some(nabo_app::Programme::Baba),
        travel_buffer_minutes: 0,
        discreet_mode: true,
        onboarded: true,
        ..defaults
    };
    assert_eq!(nabo.save_settings(chosen.clone(), now()).expect("save").value, chosen);
    drop(nabo);
    let mut nabo = Nabo::open(&path, &nabo_app::KeySource::Key([7; 32])).expect("reopen");
    assert_eq!(nabo.settings().expect("settings"), chosen);
    assert_eq!(nabo.identity().expect("identity").map(|i| i.role), Some(Role::Coordinator));
    nabo.plan(visit("2026-12-01T10:00", 60, "A"), now()).expect("plan");
    let next = nabo.plan(visit("2026-12-01T11:00", 60, "A"), now()).expect("plan");
    assert!(next.conflicts.is_empty(), "no travel buffer after saving 0");
}

#[test]
fn example_data_is_marked_and_removed_in_one_go() {
    let (_dir, mut nabo) = new_db();
    let mine = nabo.plan(visit("2026-11-27T08:00", 30, "Mit område"), now()).expect("plan").id;
    let loaded = nabo.load_examples(now()).expect("examples");
    assert!(loaded >= 8);
    let weeks = nabo.list(date("2026-11-23"), date("2026-12-06")).expect("list");
    let examples: std::collections::BTreeSet<i64> = weeks.iter().filter(|a| a.example).map(|a| a.id).collect();
    assert_eq!(examples.len(), loaded, "every example appears in the two weeks");
    assert!(weeks.iter().any(|a| a.example && a.rrule.is_some()), "the examples include a series");
    assert!(weeks.iter().any(|a| a.example && !a.conflicts.is_empty()), "the examples show a clash");
    assert_eq!(nabo.remove_examples().expect("remove"), loaded);
    let left = nabo.list(date("2026-11-23"), date("2026-12-06")).expect("list");
    assert_eq!(left.iter().map(|a| a.id).collect::<Vec<_>>(), vec![mine]);
}

fn meeting_series(start: &str, rule: &str) -> PlanRequest {
    PlanRequest {
        details: Details { venue: Some("Beboerhuset".into()), theme: Some("Sundhed".into()), ..Details::default() },
        rrule: Some(rule.into()),
        ..PlanRequest::new(ActivityKind::GroupMeeting, start, 120)
    }
}

#[test]
fn a_series_is_listed_as_its_meetings_at_the_same_wall_clock_time() {
    let (_dir, mut nabo) = new_db();
    let id =
        nabo.plan(meeting_series("2026-03-03T17:00", "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261110"), now()).expect("plan").id;
    let all = nabo.list(date("2026-01-01"), date("2026-12-31")).expect("list");
    assert_eq!(all.len(), 37, "every Tuesday from 3 March to 10 November");
    assert!(all.iter().all(|v| v.id == id && v.start.get(11..16) == Some("17:00")), "17:00 local every week");
    assert!(all.iter().any(|v| v.start == "2026-03-24T17:00:00+01:00"));
    assert!(all.iter().any(|v| v.start == "2026-03-31T17:00:00+02:00"));
    assert!(all.iter().any(|v| v.start == "2026-10-27T17:00:00+01:00"));
    let keys: std::collections::BTreeSet<_> = all.iter().map(|v| v.key.clone()).collect();
    assert_eq!(keys.len(), all.len(), "each meeting has its own key");
    assert_eq!(all[0].occurrence.as_deref(), Some("2026-03-03T17:00:00+01:00"));
    assert_eq!(all[0].rrule.as_deref(), Some("FREQ=WEEKLY;UNTIL=20261110T225959Z;BYDAY=TU"));
}

#[test]
fn one_meeting_is_moved_marked_or_skipped_without_touching_the_others() {
    let (_dir, mut nabo) = new_db();
    let id = id(nabo.plan(meeting_series("2026-12-01T17:00", "FREQ=WEEKLY;COUNT=4"), now()).expect("plan").id);
    let second = "2026-12-08T17:00:00+01:00";
    nabo.move_to(id, Some(second), "2026-12-09T18:00", "2026-12-09T20:00", now()).expect("move one");
    let done = nabo.set_status(id, Some(second), ActivityStatus::Done, now()).expect("mark one");
    assert_eq!((done.value.start.as_str(), done.value.status), ("2026-12-09T18:00:00+01:00", ActivityStatus::Done));
    nabo.skip_occurrence(id, "2026-12-15T17:00:00+01:00", now()).expect("skip");
    let all = nabo.list(date("2026-12-01"), date("2026-12-31")).expect("list");
    let seen: Vec<(&str, ActivityStatus)> = all.iter().map(|v| (v.start.as_str(), v.status)).collect();
    assert_eq!(
        seen,
        vec![
            ("2026-12-01T17:00:00+01:00", ActivityStatus::Planned),
            ("2026-12-09T18:00:00+01:00", ActivityStatus::Done),
            ("2026-12-22T17:00:00+01:00", ActivityStatus::Planned),
        ]
    );
    assert_eq!(all[1].occurrence.as_deref(), Some(second), "a moved meeting keeps its name");
    let err = nabo.set_status(id, Some("2026-12-10T17:00:00+01:00"), ActivityStatus::Done, now()).expect_err("none");
    assert_eq!(err.code(), ErrorCode::NotAnOccurrence);
    let err = nabo.move_to(id, Some(second), "2027-03-28T02:30", "2027-03-28T04:00", now()).expect_err("gap");
    assert_eq!(err.code(), ErrorCode::DstGap);
    assert_eq!(nabo.list(date("2026-12-01"), date("2026-12-31")).expect("list"), all, "refusals change nothing");
    assert_eq!(nabo.occurrence_on(id, date("2026-12-22")).expect("on"), "2026-12-22T17:00:00+01:00");
    assert_eq!(nabo.occurrence_on(id, date("2026-12-23")).expect_err("none").code(), ErrorCode::NotAnOccurrence);
}

#[test]
fn this_and_following_splits_the_series() {
    let (_dir, mut nabo) = new_db();
    let first = id(nabo.plan(meeting_series("2026-12-01T17:00", "FREQ=WEEKLY;COUNT=6"), now()).expect("plan").id);
    nabo.skip_occurrence(first, "2026-12-29T17:00:00+01:00", now()).expect("skip a later one");
    let changed = with(meeting_series("2026-12-15T18:00", ""), |d| d.venue = Some("Biblioteket".into()));
    let changed = PlanRequest { rrule: None, ..changed };
    let rest = nabo.update_following(first, "2026-12-15T17:00:00+01:00", changed, now()).expect("split");
    assert_ne!(rest.id, first.0);
    let all = nabo.list(date("2026-12-01"), date("2027-01-31")).expect("list");
    let seen: Vec<(i64, &str, Option<&str>)> =
        all.iter().map(|v| (v.id, v.start.as_str(), v.details.venue.as_deref())).collect();
    assert_eq!(
        seen,
        vec![
            (first.0, "2026-12-01T17:00:00+01:00", Some("Beboerhuset")),
            (first.0, "2026-12-08T17:00:00+01:00", Some("Beboerhuset")),
            (rest.id, "2026-12-15T18:00:00+01:00", Some("Biblioteket")),
            (rest.id, "2026-12-22T18:00:00+01:00", Some("Biblioteket")),
            (rest.id, "2027-01-05T18:00:00+01:00", Some("Biblioteket")),
        ],
        "six meetings, one skipped: two before the split, three after"
    );
}

#[test]
fn a_new_series_is_warned_about_clashes_in_its_first_year() {
    let (_dir, mut nabo) = new_db();
    let visit_id = nabo.plan(visit("2027-02-16T17:30", 60, "Gellerup"), now()).expect("plan").id;
    let out = nabo.plan(meeting_series("2026-12-01T17:00", "FREQ=WEEKLY;BYDAY=TU"), now()).expect("plan");
    assert_eq!(out.conflicts.len(), 1);
    assert_eq!(out.conflicts[0].with, visit_id);
    let day = nabo.list(date("2027-02-16"), date("2027-02-16")).expect("list");
    assert_eq!(day.len(), 2);
    assert!(day.iter().all(|v| !v.conflicts.is_empty()), "both are flagged in the calendar");
}

#[test]
fn bad_repeat_rules_are_refused_and_store_nothing() {
    let (_dir, mut nabo) = new_db();
    for (rule, code) in [
        ("every tuesday", ErrorCode::InvalidRepeat),
        ("FREQ=HOURLY;BYMINUTE=0", ErrorCode::InvalidRepeat),
        ("FREQ=DAILY;COUNT=100000", ErrorCode::RepeatTooMany),
        ("FREQ=DAILY;UNTIL=20600101", ErrorCode::RepeatTooLong),
        ("FREQ=WEEKLY;UNTIL=20260101", ErrorCode::RepeatEmpty),
    ] {
        let err = nabo.plan(meeting_series("2026-12-01T17:00", rule), now()).expect_err(rule);
        assert_eq!((err.code(), err.field().as_deref()), (code, Some("repeat")), "{rule}");
    }
    assert!(nabo.list(date("2026-01-01"), date("2027-12-31")).expect("list").is_empty());
}

#[test]
fn the_live_calendar_file_follows_every_change() {
    let (dir, mut nabo) = new_db();
    let live = dir.path().join("sync").join("nabo.ics");
    std::fs::create_dir(live.parent().expect("folder")).expect("mkdir");
    let settings =
        nabo_app::Settings { live_calendar_path: Some(live.display().to_string()), ..nabo.settings().expect("s") };
    nabo.save_settings(settings.clone(), now()).expect("save");
    assert!(live.exists(), "written as soon as it is set");
    let read = || std::fs::read_to_string(&live).expect("read");

    let out = nabo.plan(visit("2026-12-01T10:00", 60, "Gellerup"), now()).expect("plan");
    assert!(out.notices.is_empty(), "{:?}", out.notices);
    assert!(read().contains("DTSTART;TZID=Europe/Copenhagen:20261201T100000"));
    assert!(!read().contains("H-17"), "discreet by default");
    nabo.move_to(id(out.id), None, "2026-12-01T12:00", "2026-12-01T13:00", now()).expect("move");
    assert!(read().contains("DTSTART;TZID=Europe/Copenhagen:20261201T120000"));
    assert!(read().contains("SEQUENCE:1"));
    nabo.delete(id(out.id), now()).expect("delete");
    assert!(!read().contains("BEGIN:VEVENT"), "a deleted visit leaves the file");
    nabo.restore(id(out.id), now()).expect("undo");
    assert!(read().contains("BEGIN:VEVENT"));
    let leftovers: Vec<_> = std::fs::read_dir(live.parent().expect("folder"))
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(leftovers, ["nabo.ics"], "no temporary files are left behind");

    // The folder disappears (a USB stick is pulled): the plan is still made, and the user is told.
    std::fs::remove_dir_all(live.parent().expect("folder")).expect("rm");
    let out = nabo.plan(visit("2026-12-02T10:00", 60, "Gellerup"), now()).expect("plan still works");
    assert_eq!(out.notices.len(), 1);
    assert_eq!(out.notices[0].code, "live_calendar_failed");
    assert_eq!(nabo.list(date("2026-12-02"), date("2026-12-02")).expect("list").len(), 1);

    for (path, field) in [("relative/nabo.ics", "live_calendar_path"), ("/tmp/nabo.txt", "live_calendar_path")] {
        let bad = nabo_app::Settings { live_calendar_path: Some(path.into()), ..settings.clone() };
        let err = nabo.save_settings(bad, now()).expect_err(path);
        assert_eq!((err.code(), err.field().as_deref()), (ErrorCode::InvalidLiveCalendar, Some(field)));
    }
}

#[test]
fn a_group_meeting_keeps_its_expected_size_within_limits() {
    let (_dir, mut nabo) = new_db();
    let meeting = with(meeting_series("2026-12-01T17:00", "FREQ=WEEKLY;COUNT=2"), |d| d.expected_size = Some(15));
    let id = nabo.plan(meeting.clone(), now()).expect("plan").id;
    assert_eq!(nabo.list(date("2026-12-01"), date("2026-12-01")).expect("list")[0].details.expected_size, Some(15));
    for size in [0, 501] {
        let err = nabo.plan(with(meeting.clone(), |d| d.expected_size = Some(size)), now()).expect_err("size");
        assert_eq!((err.code(), err.field().as_deref()), (ErrorCode::ExpectedSizeOutOfRange, Some("expected_size")));
    }
    let err =
        nabo.plan(with(visit("2026-12-02T10:00", 60, "A"), |d| d.expected_size = Some(3)), now()).expect_err("visit");
    assert_eq!(err.code(), ErrorCode::NotForKind);
    assert_eq!(
        nabo.list(date("2026-12-01"), date("2026-12-31")).expect("list").iter().filter(|v| v.id != id).count(),
        0
    );
}

#[test]
fn a_split_with_the_rule_sent_back_unchanged_keeps_the_number_of_meetings() {
    let (_dir, mut nabo) = new_db();
    let first =
        id(nabo.plan(meeting_series("2026-12-01T17:00", "FREQ=WEEKLY;BYDAY=TU;COUNT=6"), now()).expect("plan").id);
    // An edit form sends the series' rule as it received it, in another order.
    let edited = with(meeting_series("2026-12-15T17:00", "FREQ=WEEKLY;COUNT=6;BYDAY=TU"), |d| {
        d.venue = Some("Biblioteket".into())
    });
    nabo.update_following(first, "2026-12-15T17:00:00+01:00", edited, now()).expect("split");
    let all = nabo.list(date("2026-12-01"), date("2027-03-31")).expect("list");
    assert_eq!(all.len(), 6, "still six meetings: {:?}", all.iter().map(|v| &v.start).collect::<Vec<_>>());
    // A changed rule is taken as given: from the split on, every other week, three times.
    let again =
        PlanRequest { rrule: Some("FREQ=WEEKLY;INTERVAL=2;COUNT=3".into()), ..meeting_series("2026-12-22T17:00", "") };
    let rest = all.iter().find(|v| v.start.starts_with("2026-12-22")).expect("meeting").clone();
    nabo.update_following(id(rest.id), rest.occurrence.as_deref().expect("occurrence"), again, now())
        .expect("split again");
    let starts: Vec<String> =
        nabo.list(date("2026-12-01"), date("2027-03-31")).expect("list").into_iter().map(|v| v.start).collect();
    assert_eq!(
        starts,
        [
            "2026-12-01T17:00:00+01:00",
            "2026-12-08T17:00:00+01:00",
            "2026-12-15T17:00:00+01:00",
            "2026-12-22T17:00:00+01:00",
            "2027-01-05T17:00:00+01:00",
            "2027-01-19T17:00:00+01:00",
        ]
    );
}

#[test]
fn a_live_calendar_onto_the_database_or_an_unusable_file_is_refused_when_saved() {
    let (dir, mut nabo) = new_db();
    let db = dir.path().join("nabo.db");
    let link = dir.path().join("link.ics");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&db, &link).expect("symlink");
    let folder = dir.path().join("folder.ics");
    std::fs::create_dir(&folder).expect("folder");
    let before = std::fs::read(&db).expect("db");
    let settings = nabo.settings().expect("settings");
    let mut cases = vec![(dir.path().join("nabo.db.ics"), "database"), (folder, "folder")];
    if cfg!(unix) {
        cases.push((link, "database"));
    }
    for (path, reason) in cases {
        let bad = nabo_app::Settings { live_calendar_path: Some(path.display().to_string()), ..settings.clone() };
        let err = nabo.save_settings(bad, now()).expect_err(reason);
        assert_eq!(err.code(), ErrorCode::InvalidLiveCalendar, "{path:?}");
        assert_eq!(err.args().get("reason").map(String::as_str), Some(reason), "{path:?}");
        assert_eq!(err.field().as_deref(), Some("live_calendar_path"));
    }
    assert_eq!(nabo.settings().expect("settings").live_calendar_path, None, "nothing saved");
    assert_eq!(std::fs::read(&db).expect("db"), before, "the database is not replaced");
}

/// A database whose live calendar file is set, and then its folder removed (a pulled USB stick).
fn live_folder_gone() -> (tempfile::TempDir, Nabo, String) {
    let (dir, mut nabo) = new_db();
    let live = dir.path().join("sync").join("nabo.ics");
    std::fs::create_dir(live.parent().expect("folder")).expect("mkdir");
    let path = live.display().to_string();
    let settings = nabo_app::Settings { live_calendar_path: Some(path.clone()), ..nabo.settings().expect("s") };
    let saved = nabo.save_settings(settings, now()).expect("save");
    assert!(saved.notices.is_empty(), "{:?}", saved.notices);
    std::fs::remove_dir_all(live.parent().expect("folder")).expect("rm");
    (dir, nabo, path)
}

/// The one notice a change left: the live calendar file could not be written, and which file.
#[track_caller]
fn assert_live_notice(what: &str, notices: &[nabo_app::NoticeView], path: &str) {
    assert_eq!(notices.len(), 1, "{what}: {notices:?}");
    assert_eq!(notices[0].code, "live_calendar_failed", "{what}");
    assert_eq!(notices[0].args.get("path").map(String::as_str), Some(path), "{what}: names the file");
    for language in [nabo_app::Language::Danish, nabo_app::Language::English] {
        let text = nabo_app::Localizer::new(language).notice(&notices[0]);
        assert!(text.contains(path), "{what}: the words name the file: {text}");
    }
}

#[test]
fn with_the_live_calendars_folder_gone_every_change_is_made_and_says_so() {
    let (_dir, mut nabo, path) = live_folder_gone();
    let past = |day: u32| format!("2026-11-{day:02}T10:00");

    let out = nabo.plan(visit(&past(23), 60, "Gellerup"), now()).expect("plan");
    assert_live_notice("plan", &out.notices, &path);
    let a = id(out.id);
    let out = nabo.update(a, visit(&past(24), 60, "Hasle"), now()).expect("update");
    assert_live_notice("update", &out.notices, &path);
    assert_eq!(nabo.get(a).expect("get").details.area.as_deref(), Some("Hasle"));
    let out = nabo.move_to(a, None, "2026-11-24T11:00", "2026-11-24T12:00", now()).expect("move_to");
    assert_live_notice("move_to", &out.notices, &path);
    let out = nabo.move_for(a, None, "2026-11-24T09:00", "60m".parse().expect("minutes"), now()).expect("move_for");
    assert_live_notice("move_for", &out.notices, &path);
    assert!(nabo.get(a).expect("get").start.starts_with("2026-11-24T09:00"));

    let counts = std::collections::BTreeMap::from([("reached".to_string(), 2)]);
    let recorded = nabo.record(a, None, &counts, now()).expect("record");
    assert_live_notice("record", &recorded.notices, &path);
    assert_eq!(recorded.value.activity.status, ActivityStatus::Done);
    let removed = nabo.remove_counts(a, None, now()).expect("remove counts");
    assert_live_notice("remove_counts", &removed.notices, &path);
    assert!(removed.value, "the counts were removed");

    let marked = nabo.set_status(a, None, ActivityStatus::NoShow, now()).expect("set_status");
    assert_live_notice("set_status", &marked.notices, &path);
    assert_eq!(marked.value.status, ActivityStatus::NoShow);
    let cancelled = nabo.cancel(a, now()).expect("cancel");
    assert_live_notice("cancel", &cancelled.notices, &path);
    assert_eq!(cancelled.value.status, ActivityStatus::Cancelled);
    assert_live_notice("delete", &nabo.delete(a, now()).expect("delete").notices, &path);
    assert!(nabo.get(a).is_err(), "deleted");
    assert_live_notice("restore", &nabo.restore(a, now()).expect("restore").notices, &path);

    // A series: one meeting marked, moved, skipped; the rest changed from a meeting on.
    let s = id(nabo.plan(meeting_series("2026-12-01T17:00", "FREQ=WEEKLY;COUNT=4"), now()).expect("plan").id);
    let second = "2026-12-08T17:00:00+01:00";
    let out = nabo.set_status(s, Some(second), ActivityStatus::Cancelled, now()).expect("mark a meeting");
    assert_live_notice("set_status of a meeting", &out.notices, &path);
    let out = nabo.move_to(s, Some(second), "2026-12-09T17:00", "2026-12-09T19:00", now()).expect("move a meeting");
    assert_live_notice("move_to of a meeting", &out.notices, &path);
    let out = nabo.skip_occurrence(s, "2026-12-15T17:00:00+01:00", now()).expect("skip");
    assert_live_notice("skip_occurrence", &out.notices, &path);
    let rest = with(meeting_series("2026-12-22T17:00", ""), |d| d.venue = Some("Biblioteket".into()));
    let out = nabo.update_following(s, "2026-12-22T17:00:00+01:00", rest, now()).expect("update_following");
    assert_live_notice("update_following", &out.notices, &path);
    let meetings = nabo.list(date("2026-12-01"), date("2026-12-31")).expect("list");
    assert_eq!(meetings.len(), 3, "one skipped: {:?}", meetings.iter().map(|m| &m.start).collect::<Vec<_>>());

    // Settings: every other setting can still be saved (the vanished folder is not a refusal);
    // the live calendar itself is rewritten and reports the same.
    let out = nabo.set_travel_buffer(45, now()).expect("set_travel_buffer");
    assert_live_notice("set_travel_buffer", &out.notices, &path);
    assert_eq!(nabo.travel_buffer_minutes(), 45);
    let out = nabo.set_setting("reminder-minutes", "15", now()).expect("set_setting");
    assert_live_notice("set_setting", &out.notices, &path);
    assert_eq!(out.value.reminder_minutes, 15);

    // Turning the file off ends the notices.
    let out = nabo.set_setting("live-calendar", "off", now()).expect("off");
    assert!(out.notices.is_empty(), "{:?}", out.notices);
    assert!(nabo.cancel(s, now()).expect("cancel").notices.is_empty());
}

#[test]
fn a_new_live_calendar_in_a_missing_folder_is_still_refused() {
    let (dir, mut nabo, path) = live_folder_gone();
    let elsewhere = dir.path().join("gone-too").join("nabo.ics").display().to_string();
    let err = nabo.set_setting("live-calendar", &elsewhere, now()).expect_err("no folder");
    assert_eq!((err.code(), err.field().as_deref()), (ErrorCode::InvalidLiveCalendar, Some("live_calendar_path")));
    assert_eq!(nabo.settings().expect("settings").live_calendar_path.as_deref(), Some(path.as_str()), "unchanged");
}

#[test]
fn settings_set_from_text_checks_like_the_window_and_changes_nothing_when_refused() {
    let (_dir, mut nabo) = new_db();
    let before = nabo.settings().expect("settings");
    for (key, value, code) in [
        ("travel-buffer-minutes", "241", ErrorCode::InvalidSetting),
        ("follow-up-days", "0", ErrorCode::InvalidSetting),
        ("durations.group-meeting", "721", ErrorCode::InvalidSetting),
        ("reminder-minutes", "soon", ErrorCode::UnreadableSetting),
        ("live-calendar", "relative/nabo.ics", ErrorCode::InvalidLiveCalendar),
        ("live-calendar", "/tmp/nabo.txt", ErrorCode::InvalidLiveCalendar),
        ("live-calendar-detail", "everything", ErrorCode::UnreadableSetting),
        ("travel_buffer_minutes", "20", ErrorCode::UnknownSetting),
    ] {
        let err = nabo.set_setting(key, value, now()).expect_err(key);
        assert_eq!(err.code(), code, "{key} {value}");
        assert!(err.is_refused_input(), "{key}");
    }
    assert_eq!(nabo.settings().expect("settings"), before, "nothing changed");
    let saved = nabo.set_setting("durations.home-visit", "45", now()).expect("set");
    assert_eq!(saved.value.durations.home_visit, 45);
    let saved = nabo.set_setting("discreet-mode", "on", now()).expect("set");
    assert!(saved.value.discreet_mode && saved.notices.is_empty());
}

#[test]
fn the_start_up_routine_purges_past_the_undo_window_and_takes_the_computers_language() {
    let (_dir, mut nabo) = new_db();
    let a = id(nabo.plan(visit("2026-12-01T10:00", 60, "Gellerup"), now()).expect("plan").id);
    nabo.delete(a, now()).expect("delete");
    let start = |nabo: &mut Nabo, language, minutes| {
        nabo.start(language, now() + chrono::Duration::minutes(minutes)).map(|report| report.purged)
    };
    assert_eq!(start(&mut nabo, nabo_app::Language::English, 5).expect("start"), 0, "still undoable");
    assert_eq!(nabo.language(), nabo_app::Language::English, "none chosen in settings: the computer's");
    assert_eq!(nabo.restore(a, now()).expect("undo").value.id, a.0);
    nabo.delete(a, now()).expect("delete again");
    assert_eq!(start(&mut nabo, nabo_app::Language::Danish, 11).expect("start"), 1);
    assert_eq!(nabo.language(), nabo_app::Language::Danish);
    assert_eq!(nabo.restore(a, now()).expect_err("gone").code(), ErrorCode::NotFound);
}
