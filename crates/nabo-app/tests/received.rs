//! The coordinator's import of summary files against real database files: three volunteers'
//! Novembers with a correction, a file sent twice, and files damaged, tampered with and
//! encrypted to someone else; dry runs, pinned keys and missing months.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use nabo_app::{
    parse_period, ActivityId, ActivityKind, Details, ErrorCode, Nabo, PlanRequest, Role, SummaryOutcome, SummaryTo,
};

fn at(month: u32, day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, month, day, hour, 0, 0).single().expect("valid")
}

fn now() -> DateTime<Utc> {
    at(12, 2, 9)
}

fn init(dir: &Path, file: &str, role: Role, name: &str) -> Nabo {
    Nabo::init(&dir.join(file), &nabo_app::KeySource::Key([7; 32]), role, Some(name.into()), at(10, 1, 8))
        .expect("init")
}

/// Plans a visit on `date` (`MM-DD` in 2026) in `area` and records `reached`; returns its id.
fn visit(nabo: &mut Nabo, date: &str, area: &str, reached: u32) -> ActivityId {
    let request = PlanRequest {
        details: Details { area: Some(area.into()), ..Details::default() },
        ..PlanRequest::new(ActivityKind::HomeVisit, format!("2026-{date}T10:00"), 60)
    };
    let id = ActivityId(nabo.plan(request, at(10, 1, 8)).expect("plan").id);
    nabo.record(id, None, &BTreeMap::from([("reached".to_string(), reached)]), now()).expect("record");
    id
}

fn export(nabo: &mut Nabo, month: &str, out: &Path, card: &Path) -> u32 {
    let first = parse_period(month).expect("month");
    nabo.export_summary(first, out, SummaryTo::Card(card), now()).expect("export").revision
}

struct World {
    dir: tempfile::TempDir,
    coordinator: Nabo,
    card: PathBuf,
}

fn world() -> World {
    let dir = tempfile::tempdir().expect("dir");
    let mut coordinator = init(dir.path(), "hanne.db", Role::Coordinator, "Hanne");
    let card = dir.path().join("hanne.card");
    coordinator.export_card(&card, at(10, 1, 8)).expect("card");
    World { dir, coordinator, card }
}

fn reached_by_volunteer(nabo: &Nabo) -> BTreeMap<(String, String), u64> {
    nabo.volunteers(now())
        .expect("volunteers")
        .into_iter()
        .flat_map(|v| v.months.into_iter().map(move |m| ((v.name.clone(), m.period), m.totals["reached"])))
        .collect()
}

#[test]
fn three_volunteers_novembers_are_counted_once_and_bad_files_are_refused_whole() {
    let mut w = world();
    let d = w.dir.path().to_path_buf();
    let (mut amina, mut bushra, mut carla) = (
        init(&d, "a.db", Role::Volunteer, "Amina"),
        init(&d, "b.db", Role::Volunteer, "Bushra"),
        init(&d, "c.db", Role::Volunteer, "Carla"),
    );
    visit(&mut amina, "11-03", "Gellerup", 3);
    visit(&mut amina, "11-10", "Hasle", 2);
    let b = visit(&mut bushra, "11-04", "Gellerup", 5);
    visit(&mut carla, "11-20", "Vollsmose", 7);
    let (fa, fb1, fb2, fc) = (d.join("a.age"), d.join("b1.age"), d.join("b2.age"), d.join("c.age"));
    export(&mut amina, "2026-11", &fa, &w.card);
    export(&mut bushra, "2026-11", &fb1, &w.card);
    // Bushra corrects her counts and sends the month again: revision 2.
    bushra.record(b, None, &BTreeMap::from([("reached".to_string(), 6)]), now()).expect("corrected");
    assert_eq!(export(&mut bushra, "2026-11", &fb2, &w.card), 2);
    export(&mut carla, "2026-11", &fc, &w.card);
    // Bad copies: one byte changed, cut in half, encrypted to another coordinator.
    let mut bytes = std::fs::read(&fc).expect("c");
    let tampered = d.join("c-tampered.age");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    std::fs::write(&tampered, &bytes).expect("write");
    let cut = d.join("c-cut.age");
    std::fs::write(&cut, &std::fs::read(&fc).expect("c")[..middle]).expect("write");
    let mut other = init(&d, "other.db", Role::Coordinator, "Other");
    let other_card = d.join("other.card");
    other.export_card(&other_card, at(10, 1, 8)).expect("card");
    let elsewhere = d.join("c-elsewhere.age");
    export(&mut carla, "2026-11", &elsewhere, &other_card);

    // The newer revision first and Amina's file twice: order does not matter.
    let files = vec![fb2.clone(), fa.clone(), fb1.clone(), fa.clone(), tampered, cut, elsewhere, fc];
    let dry = w.coordinator.import_summaries(&files, true, now()).expect("dry run");
    assert!(w.coordinator.volunteers(now()).expect("none").is_empty(), "a dry run stores nothing");
    let report = w.coordinator.import_summaries(&files, false, now()).expect("import");
    let outcomes: Vec<(SummaryOutcome, Option<&str>)> =
        report.files.iter().map(|f| (f.outcome, f.reason.as_deref())).collect();
    assert_eq!(
        outcomes,
        [
            (SummaryOutcome::Replaces, None),
            (SummaryOutcome::New, None),
            (SummaryOutcome::New, None),
            (SummaryOutcome::AlreadyImported, None),
            (SummaryOutcome::Refused, Some("damaged")),
            (SummaryOutcome::Refused, Some("damaged")),
            (SummaryOutcome::Refused, Some("not_for_you")),
            (SummaryOutcome::New, None),
        ]
    );
    assert_eq!(dry.files, report.files, "the dry run said what the import did");
    assert!(report.any_refused());
    let expected: BTreeMap<(String, String), u64> = [
        (("Amina".to_string(), "2026-11".to_string()), 5),
        (("Bushra".to_string(), "2026-11".to_string()), 6),
        (("Carla".to_string(), "2026-11".to_string()), 7),
    ]
    .into();
    assert_eq!(reached_by_volunteer(&w.coordinator), expected);
    // Importing everything again changes nothing.
    let again = w.coordinator.import_summaries(&files[..4], false, now()).expect("again");
    assert!(again.files.iter().all(|f| f.outcome == SummaryOutcome::AlreadyImported
        || (f.outcome == SummaryOutcome::Refused && f.reason.as_deref() == Some("older_revision"))));
    assert_eq!(reached_by_volunteer(&w.coordinator), expected);
}

#[test]
fn a_new_key_under_a_known_name_is_refused_until_accepted() {
    let mut w = world();
    let d = w.dir.path().to_path_buf();
    let mut amina = init(&d, "a.db", Role::Volunteer, "Amina");
    visit(&mut amina, "11-03", "Gellerup", 3);
    let november = d.join("nov.age");
    export(&mut amina, "2026-11", &november, &w.card);
    w.coordinator.import_summaries(&[november], false, now()).expect("import");
    // A new laptop: a new Nabo under the same name, another key.
    let mut laptop = init(&d, "a2.db", Role::Volunteer, "Amina");
    visit(&mut laptop, "12-01", "Gellerup", 4);
    let december = d.join("dec.age");
    export(&mut laptop, "2026-12", &december, &w.card);
    let refused = w.coordinator.import_summaries(std::slice::from_ref(&december), false, now()).expect("import");
    let file = &refused.files[0];
    let new_fingerprint = laptop.key_view().expect("key").fingerprint;
    assert_eq!((file.outcome, file.reason.as_deref()), (SummaryOutcome::Refused, Some("key_changed")));
    assert_eq!(file.detail.as_deref(), Some(new_fingerprint.as_str()), "the refusal names the new fingerprint");
    let listed = w.coordinator.volunteers(now()).expect("volunteers");
    assert_eq!(listed[0].offered_fingerprint.as_deref(), Some(new_fingerprint.as_str()));
    assert_eq!(reached_by_volunteer(&w.coordinator).len(), 1, "nothing of December stored");
    assert_eq!(w.coordinator.accept_volunteer_key("Amina").expect("accepted"), new_fingerprint);
    let taken = w.coordinator.import_summaries(&[december], false, now()).expect("import");
    assert_eq!(taken.files[0].outcome, SummaryOutcome::New);
    let volunteers = w.coordinator.volunteers(now()).expect("volunteers");
    let months: Vec<&str> = volunteers[0].months.iter().map(|m| m.period.as_str()).collect();
    assert_eq!((volunteers.len(), months), (1, vec!["2026-11", "2026-12"]), "her November moved with her");
    // The window's list and the overview's grid read the reports' lines: they moved too.
    let rows = w.coordinator.volunteer_rows(now()).expect("rows");
    assert_eq!(rows[0].months.iter().map(|m| m.period.as_str()).collect::<Vec<_>>(), ["2026-11", "2026-12"]);
    let grid = w.coordinator.volunteer_grid("2026-Q4", now()).expect("grid");
    assert_eq!((grid.len(), grid[0].months.len()), (1, 2));
    assert_eq!(w.coordinator.accept_volunteer_key("Amina").map_err(|e| e.code()), Err(ErrorCode::NoOfferedKey));
    assert_eq!(w.coordinator.accept_volunteer_key("Nobody").map_err(|e| e.code()), Err(ErrorCode::UnknownVolunteer));
}

#[test]
fn missing_months_are_listed_and_a_future_month_or_a_volunteer_importing_is_refused() {
    let mut w = world();
    let d = w.dir.path().to_path_buf();
    let mut amina = init(&d, "a.db", Role::Volunteer, "Amina");
    visit(&mut amina, "09-03", "Gellerup", 3);
    let september = d.join("sep.json");
    amina.export_summary(parse_period("2026-09").expect("m"), &september, SummaryTo::Plain, now()).expect("plain");
    w.coordinator.import_summaries(std::slice::from_ref(&september), false, now()).expect("import");
    let listed = w.coordinator.volunteers(now()).expect("volunteers");
    assert_eq!(listed[0].missing, ["2026-10", "2026-11"], "October and November are missing on 2 December");
    // A summary of a month that has not begun (the coordinator's clock is a month behind).
    let early = w.coordinator.import_summaries(std::slice::from_ref(&september), false, at(8, 15, 9)).expect("import");
    assert_eq!(early.files[0].reason.as_deref(), Some("future_period"));
    assert_eq!(
        amina.import_summaries(&[september], false, now()).map_err(|e| e.code()),
        Err(ErrorCode::NotACoordinator)
    );
}
