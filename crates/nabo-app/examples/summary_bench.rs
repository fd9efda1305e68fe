//! The summary-import benchmark's tools (benches/summaries/run.sh, docs/BENCHMARKS.md):
//!
//! - `generate DIR FILES VOLUNTEERS`: an empty coordinator database (`DIR/coordinator.db`)
//!   and FILES signed summaries encrypted to her, from VOLUNTEERS volunteers, each with its
//!   own key, months going back from December 2044 (one file per volunteer and month);
//! - `minimal DIR`: the work no import can skip — read each file, decrypt it with the
//!   coordinator's age identity, verify its signature and contents (`MonthSummary::read`);
//! - `hash DIR`: for scale, read each file and compute its SHA-256.
//!
//! Each timed command prints one line `ms=… files=…` on stdout.

// A tool run by hand: it reads its arguments and times itself.
#![allow(clippy::disallowed_methods)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{TimeZone, Utc};
use nabo_app::{Nabo, Role};
use nabo_core::exchange::{
    area_kind_totals, AreaTotals, KindTotals, MonthSummary, SecretKey, Sender, SUMMARY_FORMAT, SUMMARY_VERSION,
};
use nabo_core::{ActivityKind, Scheme};
use sha2::{Digest, Sha256};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).cloned().ok_or("usage: summary_bench generate|minimal|hash DIR …");
    let dir = PathBuf::from(arg(1)?);
    match arg(0)?.as_str() {
        "generate" => generate(&dir, arg(2)?.parse()?, arg(3)?.parse()?),
        "minimal" => timed(&dir, |bytes, identity| {
            let plain = age::decrypt(identity, bytes)?;
            MonthSummary::read(&plain)?;
            Ok(())
        }),
        "hash" => timed(&dir, |bytes, _| {
            std::hint::black_box(Sha256::digest(bytes));
            Ok(())
        }),
        other => Err(format!("unknown command {other}").into()),
    }
}

// The generator and the totals that could be true, shared with the report benchmark.
#[path = "../benches/year_of_summaries.rs"]
mod year_of_summaries;
use year_of_summaries::Rng;

/// Totals that could be true for 5 to 64 people reached (see `year_of_summaries::totals`).
fn totals(scheme: &Scheme, rng: &mut Rng) -> BTreeMap<String, u64> {
    let reached = 5 + rng.below(60);
    year_of_summaries::totals(scheme, reached, rng)
}

fn generate(dir: &Path, files: usize, volunteers: usize) -> Result<()> {
    std::fs::create_dir_all(dir.join("files"))?;
    let now = Utc.with_ymd_and_hms(2045, 1, 2, 9, 0, 0).single().ok_or("time")?;
    let mut coordinator = Nabo::init(
        &dir.join("coordinator.db"),
        &nabo_app::KeySource::from_passphrase(std::env::var(nabo_app::PASSPHRASE_VAR).ok()),
        Role::Coordinator,
        Some("Hanne".into()),
        now,
    )?;
    let to: age::x25519::Recipient =
        coordinator.key_view()?.encryption_recipient.ok_or("no recipient")?.parse().map_err(|e: &str| e.to_string())?;
    drop(coordinator);
    let scheme = Scheme::current()?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..files {
        let v = i % volunteers;
        let month_back = i / volunteers;
        let (year, month) = (2044 - (month_back / 12) as i32, 12 - (month_back % 12) as u32);
        let key = SecretKey::from_seed([(v as u8).wrapping_add(1); 32]);
        let total = totals(scheme, &mut rng);
        let zero: BTreeMap<String, u64> = total.keys().map(|k| (k.clone(), 0)).collect();
        let mut by_kind: BTreeMap<ActivityKind, KindTotals> = ActivityKind::ALL
            .iter()
            .map(|&k| (k, KindTotals { held: 0, cancelled: 0, totals: zero.clone() }))
            .collect();
        by_kind.insert(
            ActivityKind::HomeVisit,
            KindTotals { held: 4 + rng.below(8) as u32, cancelled: rng.below(2) as u32, totals: total.clone() },
        );
        let summary = MonthSummary {
            format: SUMMARY_FORMAT.into(),
            version: SUMMARY_VERSION,
            period: format!("{year:04}-{month:02}"),
            scheme_version: scheme.version.clone(),
            volunteer: Sender { name: format!("Frivillig {v:02}"), signing_key: key.public().to_base64() },
            revision: 1,
            created: "2045-01-01T09:00:00Z".into(),
            totals: total.clone(),
            by_kind,
            by_area_kind: area_kind_totals([(
                ActivityKind::HomeVisit,
                Some(format!("Område {}", v % 7)).as_deref(),
                &total,
            )]),
            by_area: vec![AreaTotals { area: Some(format!("Område {}", v % 7)), totals: total }],
        };
        let mut json = serde_json::to_vec_pretty(&summary.sign(&key)?)?;
        json.push(b'\n');
        let bytes = age::encrypt(&to, &json)?;
        std::fs::write(dir.join("files").join(format!("{v:02}-{year:04}-{month:02}.nabo-summary")), bytes)?;
    }
    Ok(())
}

/// Runs `work` on every file in `DIR/files` and prints the time it took.
fn timed(dir: &Path, work: impl Fn(&[u8], &age::x25519::Identity) -> Result<()>) -> Result<()> {
    let conn = rusqlite::Connection::open(dir.join("coordinator.db"))?;
    let key: String = conn.query_row("SELECT encryption_key FROM identity", [], |r| r.get(0))?;
    drop(conn);
    let identity: age::x25519::Identity = key.parse().map_err(|e: &str| e.to_string())?;
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(dir.join("files"))?.map(|e| e.map(|e| e.path())).collect::<std::io::Result<_>>()?;
    paths.sort();
    let start = Instant::now();
    for path in &paths {
        work(&std::fs::read(path)?, &identity)?;
    }
    println!("ms={} files={}", start.elapsed().as_millis(), paths.len());
    Ok(())
}
