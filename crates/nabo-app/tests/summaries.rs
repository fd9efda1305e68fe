//! The volunteer's summary files against real database files: what a month's file holds,
//! that it is signed and encrypted to the coordinator's card, and that revisions grow.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use nabo_app::{parse_period, ActivityId, ActivityKind, Details, ErrorCode, Nabo, PlanRequest, Role, SummaryTo};
use nabo_core::exchange::MonthSummary;

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).single().expect("valid")
}

fn december() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).single().expect("valid")
}

fn init(dir: &Path, file: &str, role: Role, name: &str) -> (PathBuf, Nabo) {
    let path = dir.join(file);
    let nabo = Nabo::init(&path, &nabo_app::KeySource::Key([7; 32]), role, Some(name.into()), at(1, 8)).expect("init");
    (path, nabo)
}

/// Plans a visit in `area` on November `day` with `household` and a note, and records counts.
fn visit_with_counts(nabo: &mut Nabo, day: u32, area: &str, counts: &[(&str, u32)]) -> ActivityId {
    let request = PlanRequest {
        details: Details {
            area: Some(area.into()),
            household: Some("H-17".into()),
            note: Some("Talte om skolestart".into()),
            ..Details::default()
        },
        ..PlanRequest::new(ActivityKind::HomeVisit, format!("2026-11-{day:02}T10:00"), 60)
    };
    let id = ActivityId(nabo.plan(request, at(1, 8)).expect("plan").id);
    let given: BTreeMap<String, u32> = counts.iter().map(|(k, v)| (k.to_string(), *v)).collect();
    nabo.record(id, None, &given, at(day, 12)).expect("record");
    id
}

/// The coordinator's age identity, read from her database the way her Nabo will.
fn coordinator_identity(db: &Path) -> age::x25519::Identity {
    let conn = common::keyed(db);
    let key: String = conn.query_row("SELECT encryption_key FROM identity", [], |r| r.get(0)).expect("key");
    key.parse().expect("an age identity")
}

#[test]
fn a_month_goes_to_the_coordinator_signed_encrypted_and_with_the_right_totals() {
    let dir = tempfile::tempdir().expect("dir");
    let (coordinator_db, mut coordinator) = init(dir.path(), "hanne.db", Role::Coordinator, "Hanne");
    let card = dir.path().join("hanne.nabo-card");
    let hanne = coordinator.export_card(&card, at(1, 8)).expect("card");
    let (_, mut amina) = init(dir.path(), "amina.db", Role::Volunteer, "Amina Q");
    visit_with_counts(&mut amina, 3, "Gellerup", &[("reached", 3), ("new", 1)]);
    visit_with_counts(&mut amina, 10, "Hasle", &[("reached", 2), ("new", 2)]);
    visit_with_counts(&mut amina, 17, "Gellerup", &[("reached", 4)]);

    let out = dir.path().join("amina-2026-11.nabo-summary");
    let export = amina
        .export_summary(parse_period("2026-11").expect("month"), &out, SummaryTo::Card(&card), december())
        .expect("exported");
    assert_eq!((export.period.as_str(), export.revision, export.reached), ("2026-11", 1, 9));
    let who = export.encrypted_to.expect("encrypted");
    assert_eq!((who.name.as_str(), who.fingerprint.as_str()), ("Hanne", hanne.fingerprint.as_str()));

    let bytes = std::fs::read(&out).expect("file");
    let text = String::from_utf8_lossy(&bytes);
    for secret in ["Amina", "reached", "Gellerup", "H-17", "skolestart", "home_visit"] {
        assert!(!text.contains(secret), "the encrypted file shows '{secret}'");
    }
    let plain = age::decrypt(&coordinator_identity(&coordinator_db), &bytes).expect("the coordinator decrypts it");
    let summary = MonthSummary::read(&plain).expect("the signature verifies");
    assert_eq!(summary.volunteer.name, "Amina Q");
    assert_eq!(summary.volunteer.signing_key, amina.key_view().expect("key").public_key);
    assert_eq!((summary.totals["reached"], summary.totals["new"]), (9, 3));
    let visits = &summary.by_kind[&ActivityKind::HomeVisit];
    assert_eq!((visits.held, visits.cancelled, visits.totals["reached"]), (3, 0, 9));
    let areas: Vec<(Option<&str>, u64)> =
        summary.by_area.iter().map(|a| (a.area.as_deref(), a.totals["reached"])).collect();
    assert_eq!(areas, [(Some("Gellerup"), 7), (Some("Hasle"), 2)]);
    // An encrypted file another coordinator's key cannot open.
    let (other_db, _) = init(dir.path(), "other.db", Role::Coordinator, "Other");
    assert!(age::decrypt(&coordinator_identity(&other_db), &bytes).is_err());
}

#[test]
fn a_plain_file_holds_no_household_label_note_or_date_finer_than_the_month() {
    let dir = tempfile::tempdir().expect("dir");
    let (_, mut amina) = init(dir.path(), "amina.db", Role::Volunteer, "Amina");
    visit_with_counts(&mut amina, 3, "Gellerup", &[("reached", 3)]);
    let out = dir.path().join("amina.json");
    amina.export_summary(parse_period("2026-11").expect("month"), &out, SummaryTo::Plain, december()).expect("plain");
    let text = std::fs::read_to_string(&out).expect("file");
    assert!(MonthSummary::read(text.as_bytes()).is_ok());
    for private in ["H-17", "skolestart", "2026-11-03", "10:00"] {
        assert!(!text.contains(private), "the plain file shows '{private}'");
    }
}

#[test]
fn each_export_is_a_new_revision_and_a_month_changed_after_sending_is_marked() {
    let dir = tempfile::tempdir().expect("dir");
    let (_, mut amina) = init(dir.path(), "amina.db", Role::Volunteer, "Amina");
    let id = visit_with_counts(&mut amina, 3, "Gellerup", &[("reached", 3)]);
    let month = parse_period("2026-11").expect("month");
    let out = dir.path().join("s.json");
    assert_eq!(amina.export_summary(month, &out, SummaryTo::Plain, december()).expect("1").revision, 1);
    let sent = amina.sent_months().expect("sent");
    assert_eq!((sent[0].revision, sent[0].changed_since), (1, false));
    // A correction: the month's counts change, so it is marked to be sent again.
    amina.record(id, None, &BTreeMap::from([("reached".to_string(), 4)]), december()).expect("corrected");
    assert!(amina.sent_months().expect("sent")[0].changed_since);
    let again = amina.export_summary(month, &out, SummaryTo::Plain, december()).expect("2");
    assert_eq!((again.revision, again.reached), (2, 4));
    let sent = amina.sent_months().expect("sent");
    assert_eq!(
        (sent.len(), sent[0].revision, sent[0].changed_since, sent[0].sha256.as_str()),
        (1, 2, false, again.sha256.as_str())
    );
}

#[test]
fn a_card_that_is_not_a_coordinators_or_was_changed_is_refused_and_nothing_is_recorded() {
    let dir = tempfile::tempdir().expect("dir");
    let (_, mut amina) = init(dir.path(), "amina.db", Role::Volunteer, "Amina");
    visit_with_counts(&mut amina, 3, "Gellerup", &[("reached", 3)]);
    let own_card = dir.path().join("amina.card");
    amina.export_card(&own_card, at(1, 8)).expect("card");
    let month = parse_period("2026-11").expect("month");
    let out = dir.path().join("s.age");
    let err =
        amina.export_summary(month, &out, SummaryTo::Card(&own_card), december()).expect_err("a volunteer's card");
    assert_eq!(err.code(), ErrorCode::CardRefused);
    let (_, mut hanne) = init(dir.path(), "hanne.db", Role::Coordinator, "Hanne");
    let card = dir.path().join("hanne.card");
    hanne.export_card(&card, at(1, 8)).expect("card");
    let tampered = std::fs::read_to_string(&card).expect("card").replace("Hanne", "Hanna");
    std::fs::write(&card, tampered).expect("write");
    let err = amina.export_summary(month, &out, SummaryTo::Card(&card), december()).expect_err("tampered");
    assert_eq!((err.code(), err.args().get("reason").map(String::as_str)), (ErrorCode::CardRefused, Some("signature")));
    assert!(!out.exists());
    assert!(amina.sent_months().expect("sent").is_empty());
}
