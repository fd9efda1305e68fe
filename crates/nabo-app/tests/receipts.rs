//! Receipts against real database files: the coordinator signs what she received, and the
//! volunteer sees per month whether it arrived as sent; a changed or foreign receipt is refused.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use nabo_app::{
    parse_period, ActivityId, ActivityKind, Details, ErrorCode, Nabo, PlanRequest, ReceiptState, Role, SummaryTo,
};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).single().expect("valid")
}

fn init(dir: &Path, file: &str, role: Role, name: &str) -> Nabo {
    Nabo::init(&dir.join(file), &nabo_app::KeySource::Key([7; 32]), role, Some(name.into()), now()).expect("init")
}

fn card(nabo: &mut Nabo, dir: &Path, file: &str) -> PathBuf {
    let path = dir.join(file);
    nabo.export_card(&path, now()).expect("card");
    path
}

fn visit(nabo: &mut Nabo, date: &str, reached: u32) {
    let request = PlanRequest {
        details: Details { area: Some("Gellerup".into()), household: Some("H-3".into()), ..Details::default() },
        ..PlanRequest::new(ActivityKind::HomeVisit, format!("{date}T10:00"), 60)
    };
    let id = ActivityId(nabo.plan(request, now()).expect("plan").id);
    nabo.record(id, None, &BTreeMap::from([("reached".to_string(), reached)]), now()).expect("record");
}

fn send(nabo: &mut Nabo, month: &str, out: &Path) {
    nabo.export_summary(parse_period(month).expect("month"), out, SummaryTo::Coordinator, now()).expect("export");
}

fn states(nabo: &mut Nabo, receipt: &Path) -> Vec<(String, ReceiptState, Option<u32>, Option<u32>)> {
    let report = nabo.check_receipt(receipt).expect("a receipt from her coordinator");
    report.months.into_iter().map(|m| (m.period, m.state, m.sent_revision, m.received_revision)).collect()
}

#[test]
fn the_receipt_says_per_month_arrived_older_revision_or_not_arrived() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    let mut hanne = init(d, "hanne.db", Role::Coordinator, "Hanne");
    let hanne_card = card(&mut hanne, d, "hanne.card");
    let mut amina = init(d, "amina.db", Role::Volunteer, "Amina");
    amina.set_coordinator(&hanne_card, now()).expect("set");
    visit(&mut amina, "2026-10-06", 2);
    visit(&mut amina, "2026-11-03", 3);
    let (oct, nov1, nov2) = (d.join("oct"), d.join("nov-1"), d.join("nov-2"));
    send(&mut amina, "2026-10", &oct);
    send(&mut amina, "2026-11", &nov1);
    visit(&mut amina, "2026-11-10", 4);
    send(&mut amina, "2026-11", &nov2);
    // Only the first November arrived.
    assert!(!hanne.import_summaries(&[nov1], false, now()).expect("import").any_refused());

    let receipt = d.join("amina.receipt");
    let written = hanne.write_receipt("Amina", &receipt, now()).expect("receipt");
    assert_eq!((written.volunteer.as_str(), written.months), ("Amina", 1));
    assert_eq!(
        states(&mut amina, &receipt),
        [
            ("2026-10".into(), ReceiptState::NotArrived, Some(1), None),
            ("2026-11".into(), ReceiptState::OlderRevision, Some(2), Some(1)),
        ]
    );

    assert!(!hanne.import_summaries(&[oct, nov2], false, now()).expect("import").any_refused());
    hanne.write_receipt("Amina", &receipt, now()).expect("receipt");
    let report = amina.check_receipt(&receipt).expect("receipt");
    assert_eq!(report.coordinator.fingerprint, hanne.key_view().expect("key").fingerprint);
    let seen: Vec<_> = report.months.iter().map(|m| (m.period.as_str(), m.state, m.totals.get("reached"))).collect();
    assert_eq!(seen, [("2026-10", ReceiptState::Arrived, Some(&2)), ("2026-11", ReceiptState::Arrived, Some(&7))]);
}

#[test]
fn a_changed_foreign_or_misaddressed_receipt_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    let mut hanne = init(d, "hanne.db", Role::Coordinator, "Hanne");
    let hanne_card = card(&mut hanne, d, "hanne.card");
    let mut other = init(d, "other.db", Role::Coordinator, "Hanne");
    let mut amina = init(d, "amina.db", Role::Volunteer, "Amina");
    let mut sara = init(d, "sara.db", Role::Volunteer, "Sara");
    for v in [&mut amina, &mut sara] {
        v.set_coordinator(&hanne_card, now()).expect("set");
        visit(v, "2026-11-03", 3);
    }
    let other_card = card(&mut other, d, "other.card");
    let (a, s) = (d.join("a"), d.join("s"));
    send(&mut amina, "2026-11", &a);
    send(&mut sara, "2026-11", &s);
    hanne.import_summaries(&[a.clone(), s], false, now()).expect("import");
    // The same file also reaches a second coordinator of the same name.
    amina.set_coordinator(&other_card, now()).expect("set");
    let a2 = d.join("a2");
    send(&mut amina, "2026-11", &a2);
    other.import_summaries(&[a2], false, now()).expect("import");
    amina.set_coordinator(&hanne_card, now()).expect("back to Hanne");

    let receipt = d.join("amina.receipt");
    hanne.write_receipt("Amina", &receipt, now()).expect("receipt");
    // One digit changed: the signature no longer matches.
    let text = std::fs::read_to_string(&receipt).expect("read");
    let changed = d.join("changed.receipt");
    std::fs::write(&changed, text.replacen("\"reached\": 3", "\"reached\": 8", 1)).expect("write");
    assert_ne!(std::fs::read(&changed).expect("read"), text.as_bytes(), "the test changed a digit");
    let err = amina.check_receipt(&changed).expect_err("tampered");
    assert_eq!(err.code(), ErrorCode::CardRefused);
    // Signed by another coordinator (same name, other key).
    let foreign = d.join("foreign.receipt");
    other.write_receipt("Amina", &foreign, now()).expect("receipt");
    assert_eq!(amina.check_receipt(&foreign).expect_err("foreign").code(), ErrorCode::ReceiptRefused);
    // Sara's receipt is not Amina's.
    let saras = d.join("sara.receipt");
    hanne.write_receipt("Sara", &saras, now()).expect("receipt");
    assert_eq!(amina.check_receipt(&saras).expect_err("not hers").code(), ErrorCode::ReceiptRefused);
    // A volunteer writes no receipts; an unknown name has none.
    assert_eq!(
        amina.write_receipt("Sara", &d.join("x"), now()).expect_err("volunteer").code(),
        ErrorCode::NotACoordinator
    );
    assert_eq!(
        hanne.write_receipt("Nadia", &d.join("y"), now()).expect_err("unknown").code(),
        ErrorCode::UnknownVolunteer
    );
    assert!(!d.join("x").exists() && !d.join("y").exists());
}
