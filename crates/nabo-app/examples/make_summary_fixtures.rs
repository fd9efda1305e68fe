//! Writes the frozen example files of the summary formats (docs/FORMAT.md) into a folder:
//! a coordinator's identity card, a month's summary encrypted to her and the same month
//! readable, her receipt, and — for tests only — her keys, so a test database can import them.
//!
//! Run once: `cargo run -p nabo-app --example make_summary_fixtures -- tests/fixtures/summary`.
//! The files in tests/fixtures/summary were made so and are never made again: every later
//! Nabo must read them as they are.

// A tool run by hand: it reads its argument (the environment is the adapters' elsewhere).
#![allow(clippy::disallowed_methods)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use nabo_app::{parse_period, ActivityId, ActivityKind, Details, Nabo, PlanRequest, Role, SummaryTo};

/// A visit's start, area and counts.
type Visit = (&'static str, &'static str, &'static [(&'static str, u32)]);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(std::env::args().nth(1).ok_or("usage: make_summary_fixtures FOLDER")?);
    std::fs::create_dir_all(&out)?;
    let work = tempfile::tempdir()?;
    let now = Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).single().ok_or("time")?;

    let hanne_db = work.path().join("hanne.db");
    let mut hanne = Nabo::init(
        &hanne_db,
        &nabo_app::KeySource::from_passphrase(std::env::var(nabo_app::PASSPHRASE_VAR).ok()),
        Role::Coordinator,
        Some("Hanne".into()),
        now,
    )?;
    hanne.set_setting("programme", "bydelsmoedre", now)?;
    hanne.set_setting("group-areas", "Gellerup; Hasle", now)?;
    hanne.set_setting("group-venues", "Beboerhuset = Dortheavej 2", now)?;
    let card = out.join("hanne.nabo-card");
    hanne.export_card(&card, now)?;

    let mut amina = Nabo::init(
        &work.path().join("amina.db"),
        &nabo_app::KeySource::from_passphrase(std::env::var(nabo_app::PASSPHRASE_VAR).ok()),
        Role::Volunteer,
        Some("Amina".into()),
        now,
    )?;
    amina.set_coordinator(&card, now)?;
    let visits: [Visit; 2] = [
        ("2026-11-03T10:00", "Gellerup", &[("reached", 3), ("new", 1), ("gender.women", 3), ("topic.health", 2)]),
        ("2026-11-10T10:00", "Hasle", &[("reached", 2), ("new", 2), ("referral.municipal", 1)]),
    ];
    for (start, area, counts) in visits {
        let request = PlanRequest {
            details: Details { area: Some(area.into()), household: Some("H-4".into()), ..Details::default() },
            ..PlanRequest::new(ActivityKind::HomeVisit, start.to_string(), 60)
        };
        let id = ActivityId(amina.plan(request, now)?.id);
        let given: BTreeMap<String, u32> = counts.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        amina.record(id, None, &given, now)?;
    }
    let november = parse_period("2026-11")?;
    let encrypted = out.join("amina-2026-11.nabo-summary");
    amina.export_summary(november, &encrypted, SummaryTo::Coordinator, now)?;
    amina.export_summary(november, &out.join("amina-2026-11.plain.nabo-summary"), SummaryTo::Plain, now)?;
    hanne.import_summaries(&[encrypted], false, now)?;
    hanne.write_receipt("Amina", &out.join("amina.nabo-receipt"), now)?;
    write_keys(&hanne_db, &out)?;
    Ok(())
}

/// The coordinator's secret keys, for the tests that import the fixtures. TEST ONLY.
fn write_keys(db: &Path, out: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let conn = rusqlite::Connection::open(db)?;
    let (seed, age): (Vec<u8>, String) =
        conn.query_row("SELECT signing_key, encryption_key FROM identity", [], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let hex: String = seed.iter().map(|b| format!("{b:02x}")).collect();
    std::fs::write(out.join("TEST-ONLY-coordinator.ed25519-seed"), format!("{hex}\n"))?;
    std::fs::write(out.join("TEST-ONLY-coordinator.age-identity"), format!("{age}\n"))?;
    Ok(())
}
