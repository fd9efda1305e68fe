//! A national coordinator's year: 10,000 signed summaries of 2026 from 834 volunteers, each
//! month in one to three of 40 areas, imported through `Nabo::import_summaries` as the CLI
//! does. Shared by the report benchmark (benches/reports.rs) and the overview's paint
//! benchmark (examples/overview_db.rs, benches/overview.sh).

// Each user of this file uses its own part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use nabo_app::{Nabo, Role};
use nabo_core::exchange::{
    area_kind_totals, AreaTotals, KindTotals, MonthSummary, SecretKey, Sender, SUMMARY_FORMAT, SUMMARY_VERSION,
};
use nabo_core::{ActivityKind, GroupKind, Scheme};

/// How many summaries.
pub const SUMMARIES: usize = 10_000;
/// How many areas they are in.
pub const AREAS: u64 = 40;

/// When they are imported: after the year.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 5, 12, 0, 0).single().unwrap_or_default()
}

/// A small deterministic generator (xorshift).
pub struct Rng(pub u64);

impl Rng {
    /// The next number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// Totals that add up: `reached` people, some of each breakdown known, tallies below it.
pub fn totals(scheme: &Scheme, reached: u64, rng: &mut Rng) -> BTreeMap<String, u64> {
    let mut t: BTreeMap<String, u64> = scheme.keys().into_iter().map(|k| (k, 0)).collect();
    t.insert("reached".into(), reached);
    t.insert("new".into(), rng.below(reached + 1));
    for group in &scheme.groups {
        match group.kind {
            GroupKind::Breakdown => {
                let mut left = reached;
                for key in group.keys().iter().filter(|k| !k.ends_with(".unknown")) {
                    let n = rng.below(left / 2 + 1);
                    t.insert(key.clone(), n);
                    left -= n;
                }
                t.insert(format!("{}.unknown", group.key), left);
            }
            GroupKind::Tally => {
                for key in group.keys() {
                    t.insert(key, rng.below(reached / 3 + 1));
                }
            }
            GroupKind::Total => {}
        }
    }
    t
}

fn add(into: &mut BTreeMap<String, u64>, from: &BTreeMap<String, u64>) {
    for (k, v) in from {
        *into.entry(k.clone()).or_insert(0) += v;
    }
}

/// A coordinator database at `db`, keyed by `keys`, with the year imported (its files written in `dir`).
pub fn import_year(dir: &Path, db: &Path, keys: &nabo_app::KeySource) -> Nabo {
    let mut nabo =
        Nabo::init(db, keys, Role::Coordinator, Some("Hanne".into()), now()).unwrap_or_else(|e| panic!("{e}"));
    let scheme = Scheme::current().unwrap_or_else(|e| panic!("{e}"));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut files: Vec<PathBuf> = Vec::with_capacity(SUMMARIES);
    for i in 0..SUMMARIES {
        let (volunteer, month) = (i / 12, i % 12 + 1);
        let key = SecretKey::from_seed({
            let mut seed = [7u8; 32];
            seed[..8].copy_from_slice(&(volunteer as u64).to_le_bytes());
            seed
        });
        let mut month_totals = totals(scheme, 0, &mut rng);
        let mut by_area = Vec::new();
        let home = rng.below(AREAS);
        for a in 0..1 + rng.below(3) {
            let t = totals(scheme, rng.below(25), &mut rng);
            add(&mut month_totals, &t);
            by_area.push(AreaTotals { area: Some(format!("Område {:02}", (home + a) % AREAS)), totals: t });
        }
        let zero = totals(scheme, 0, &mut rng);
        let mut by_kind: BTreeMap<ActivityKind, KindTotals> = ActivityKind::ALL
            .iter()
            .map(|&k| (k, KindTotals { held: 0, cancelled: 0, totals: zero.clone() }))
            .collect();
        by_kind.insert(
            ActivityKind::HomeVisit,
            KindTotals { held: 4 + rng.below(8) as u32, cancelled: rng.below(2) as u32, totals: month_totals.clone() },
        );
        let summary = MonthSummary {
            format: SUMMARY_FORMAT.into(),
            version: SUMMARY_VERSION,
            period: format!("2026-{month:02}"),
            scheme_version: scheme.version.clone(),
            volunteer: Sender { name: format!("Frivillig {volunteer:03}"), signing_key: key.public().to_base64() },
            revision: 1,
            created: "2027-01-01T09:00:00Z".into(),
            totals: month_totals,
            by_kind,
            by_area_kind: area_kind_totals(
                by_area.iter().map(|a| (ActivityKind::HomeVisit, a.area.as_deref(), &a.totals)),
            ),
            by_area,
        };
        let signed = summary.sign(&key).unwrap_or_else(|e| panic!("{e}"));
        let path = dir.join(format!("{i}.nabo-summary"));
        std::fs::write(&path, serde_json::to_vec(&signed).unwrap_or_default()).unwrap_or_else(|e| panic!("{e}"));
        files.push(path);
    }
    let report = nabo.import_summaries(&files, false, now()).unwrap_or_else(|e| panic!("{e}"));
    assert!(!report.any_refused(), "every generated summary is taken");
    nabo
}

/// A coordinator database with the year imported, in a folder of its own.
pub fn setup() -> (tempfile::TempDir, Nabo) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let nabo = import_year(dir.path(), &dir.path().join("coordinator.db"), &nabo_app::KeySource::Key([7; 32]));
    (dir, nabo)
}
