//! The frozen example files of the summary formats (tests/fixtures/summary, made once): every
//! build must read them. A coordinator database with the fixtures' keys imports both summaries
//! and holds exactly their totals; the card and the receipt read and say what they said.

mod common;

use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use nabo_app::{Nabo, Role, SummaryOutcome};
use nabo_core::exchange::{CardRole, IdentityCard, MonthSummary, Receipt};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/summary")
}

fn read(name: &str) -> Vec<u8> {
    let path = fixtures().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn text(name: &str) -> String {
    String::from_utf8(read(name)).expect("utf-8").trim().to_string()
}

/// A coordinator database holding the fixtures' coordinator keys (the test-only ones).
fn hanne(dir: &Path) -> Nabo {
    let now = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).single().expect("time");
    let db = dir.join("hanne.db");
    drop(
        Nabo::init(&db, &nabo_app::KeySource::Key([7; 32]), Role::Coordinator, Some("Hanne".into()), now)
            .expect("init"),
    );
    let seed: Vec<u8> = (0..32)
        .map(|i| u8::from_str_radix(&text("TEST-ONLY-coordinator.ed25519-seed")[i * 2..i * 2 + 2], 16).expect("hex"))
        .collect();
    let conn = common::keyed(&db);
    conn.execute(
        "UPDATE identity SET signing_key = ?1, encryption_key = ?2",
        rusqlite::params![seed, text("TEST-ONLY-coordinator.age-identity")],
    )
    .expect("keys");
    drop(conn);
    Nabo::open(&db, &nabo_app::KeySource::Key([7; 32])).expect("reopen")
}

#[test]
fn the_v1_card_and_receipt_read_as_made() {
    let card = IdentityCard::read(&read("hanne.nabo-card")).expect("the v1 card reads");
    assert_eq!((card.version, card.role, card.name.as_str()), (1, CardRole::Coordinator, "Hanne"));
    assert_eq!(card.areas, ["Gellerup", "Hasle"]);
    assert_eq!(card.venues.len(), 1);
    let receipt = Receipt::read(&read("amina.nabo-receipt")).expect("the v1 receipt reads");
    assert_eq!(receipt.coordinator.signing_key, card.signing_key, "signed by the card's key");
    assert_eq!(receipt.volunteer.name, "Amina");
    let months: Vec<(&str, u32)> = receipt.months.iter().map(|m| (m.period.as_str(), m.revision)).collect();
    assert_eq!(months, [("2026-11", 1)]);
    assert_eq!(receipt.months[0].totals["reached"], 5);
}

#[test]
fn a_coordinator_imports_the_v1_summaries_and_holds_their_totals() {
    let dir = tempfile::tempdir().expect("dir");
    let mut hanne = hanne(dir.path());
    let now = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).single().expect("time");
    let files = [fixtures().join("amina-2026-11.nabo-summary"), fixtures().join("amina-2026-11.plain.nabo-summary")];
    let report = hanne.import_summaries(&files, false, now).expect("import");
    let outcomes: Vec<SummaryOutcome> = report.files.iter().map(|f| f.outcome).collect();
    assert_eq!(outcomes, [SummaryOutcome::New, SummaryOutcome::Replaces], "{report:?}");

    let plain = MonthSummary::read(&read("amina-2026-11.plain.nabo-summary")).expect("the v1 summary reads");
    assert_eq!((plain.version, plain.revision, plain.period.as_str()), (1, 2, "2026-11"));
    let volunteers = hanne.volunteers(now).expect("volunteers");
    assert_eq!(volunteers.len(), 1);
    let month = &volunteers[0].months[0];
    assert_eq!((volunteers[0].name.as_str(), month.revision), ("Amina", 2));
    assert_eq!(month.totals, plain.totals);
    assert_eq!((plain.totals["reached"], plain.totals["new"], plain.totals["gender.women"]), (5, 3, 3));
}
