//! The readers of the files people hand each other, against damage: real files made by Nabo
//! (an identity card, a plain and an encrypted summary, a receipt), cut anywhere or with bytes
//! overwritten anywhere, are read or refused — never a panic — and whatever still reads is
//! exactly what was signed (a change that survives can only be in the JSON's spacing, which
//! the canonical encoding leaves out of the signature).

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use chrono::{DateTime, TimeZone, Utc};
use nabo_app::{parse_period, ActivityId, ActivityKind, Details, Nabo, PlanRequest, Role, SummaryTo};
use nabo_core::exchange::{IdentityCard, MonthSummary, Receipt};

/// The files, and the coordinator's age identity to decrypt the encrypted summary with.
struct Samples {
    card: Vec<u8>,
    plain: Vec<u8>,
    encrypted: Vec<u8>,
    receipt: Vec<u8>,
    identity: age::x25519::Identity,
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).single().expect("valid")
}

fn make(dir: &Path) -> Samples {
    let mut hanne = Nabo::init(
        &dir.join("hanne.db"),
        &nabo_app::KeySource::Key([7; 32]),
        Role::Coordinator,
        Some("Hanne".into()),
        now(),
    )
    .expect("init");
    hanne.set_setting("group-venues", "Beboerhuset = Dortheavej 2", now()).expect("venue");
    let card = dir.join("card");
    hanne.export_card(&card, now()).expect("card");
    let mut amina = Nabo::init(
        &dir.join("amina.db"),
        &nabo_app::KeySource::Key([7; 32]),
        Role::Volunteer,
        Some("Amina".into()),
        now(),
    )
    .expect("init");
    let request = PlanRequest {
        details: Details { area: Some("Gellerup".into()), household: Some("H-2".into()), ..Details::default() },
        ..PlanRequest::new(ActivityKind::HomeVisit, "2026-11-04T10:00".to_string(), 60)
    };
    let id = ActivityId(amina.plan(request, now()).expect("plan").id);
    let counts = BTreeMap::from([("reached".to_string(), 4), ("new".to_string(), 1)]);
    amina.record(id, None, &counts, now()).expect("record");
    amina.set_coordinator(&card, now()).expect("coordinator");
    let november = parse_period("2026-11").expect("month");
    let (plain, encrypted, receipt) = (dir.join("plain"), dir.join("encrypted"), dir.join("receipt"));
    amina.export_summary(november, &plain, SummaryTo::Plain, now()).expect("plain");
    amina.export_summary(november, &encrypted, SummaryTo::Coordinator, now()).expect("encrypted");
    hanne.import_summaries(std::slice::from_ref(&encrypted), false, now()).expect("import");
    hanne.write_receipt("Amina", &receipt, now()).expect("receipt");
    let conn = common::keyed(&dir.join("hanne.db"));
    let key: String = conn.query_row("SELECT encryption_key FROM identity", [], |r| r.get(0)).expect("key");
    let read = |p: &Path| std::fs::read(p).expect("read");
    Samples {
        card: read(&card),
        plain: read(&plain),
        encrypted: read(&encrypted),
        receipt: read(&receipt),
        identity: key.parse().expect("an age identity"),
    }
}

fn samples() -> &'static Samples {
    static SAMPLES: OnceLock<Samples> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        let dir = tempfile::tempdir().expect("dir");
        make(dir.path())
    })
}

/// `bytes` with `edits` overwritten (positions as fractions of the length), cut at `cut`.
fn damage(mut bytes: Vec<u8>, cut: f64, edits: &[(f64, u8)]) -> Vec<u8> {
    for &(at, byte) in edits {
        let i = ((bytes.len() as f64) * at) as usize;
        if let Some(b) = bytes.get_mut(i) {
            *b = byte;
        }
    }
    bytes.truncate(((bytes.len() as f64) * cut) as usize + 1);
    bytes
}

#[test]
fn the_undamaged_samples_read() {
    let s = samples();
    assert!(IdentityCard::read(&s.card).is_ok());
    assert!(MonthSummary::read(&s.plain).is_ok());
    assert!(Receipt::read(&s.receipt).is_ok());
    let opened = age::decrypt(&s.identity, &s.encrypted).expect("decrypts");
    assert!(MonthSummary::read(&opened).is_ok());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 400, ..Default::default() })]

    /// A damaged card, summary or receipt is refused, or reads as exactly what was signed.
    #[test]
    fn damaged_files_are_refused_or_read_as_signed(
        which in 0usize..4,
        cut in 0.0f64..1.0,
        edits in proptest::collection::vec((0.0f64..1.0, proptest::num::u8::ANY), 0..8),
    ) {
        let s = samples();
        match which {
            0 => {
                if let Ok(card) = IdentityCard::read(&damage(s.card.clone(), cut, &edits)) {
                    proptest::prop_assert_eq!(card, IdentityCard::read(&s.card).expect("original"));
                }
            }
            1 => {
                if let Ok(summary) = MonthSummary::read(&damage(s.plain.clone(), cut, &edits)) {
                    proptest::prop_assert_eq!(summary, MonthSummary::read(&s.plain).expect("original"));
                }
            }
            2 => {
                if let Ok(receipt) = Receipt::read(&damage(s.receipt.clone(), cut, &edits)) {
                    proptest::prop_assert_eq!(receipt, Receipt::read(&s.receipt).expect("original"));
                }
            }
            _ => {
                // age authenticates every chunk: damaged ciphertext does not decrypt at all.
                if let Ok(opened) = age::decrypt(&s.identity, &damage(s.encrypted.clone(), cut, &edits)) {
                    let original = age::decrypt(&s.identity, &s.encrypted).expect("original");
                    proptest::prop_assert_eq!(&opened, &original);
                    proptest::prop_assert!(MonthSummary::read(&opened).is_ok());
                }
            }
        }
    }
}
