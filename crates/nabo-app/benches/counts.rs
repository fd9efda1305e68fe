//! Criterion benchmark of counts (issue 6): recording counts for 10,000 activities and a
//! month's totals over a database of 50,000 activities. Run with
//! `cargo bench -p nabo-app --bench counts`; the figures go in docs/BENCHMARKS.md.
//!
//! The database is a real SQLite file made once per run: 50,000 activities over two years
//! (home visits, group meetings, outreach; about 2,160 a month), stored in one transaction
//! through nabo-store; then counts are recorded on every fifth through `Nabo::record`, the
//! use-case the CLI and the app call (validation, one transaction each, marking it done).

// The benchmark times itself (crates/nabo-app/clippy.toml).
#![allow(clippy::disallowed_methods)]

use std::hint::black_box;
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use nabo_app::{parse_counts, ActivityId, Nabo, Role};
use nabo_core::{ActivityDraft, ActivityKind, LocalDateTime, Minutes};
use nabo_store::{month_count_totals, NewActivity, Store};

const ACTIVITIES: usize = 50_000;
const RECORDED_EVERY: usize = 5;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 6, 1, 12, 0, 0).single().unwrap_or_default()
}

fn draft(i: usize) -> ActivityDraft {
    // Two years from 1 January 2025, 10 minutes apart, between 08:00 and 20:00.
    let minutes = i64::try_from(i).unwrap_or(0) * 10;
    let day = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default() + Duration::days(minutes / (12 * 60));
    let at = day.and_hms_opt(8, 0, 0).unwrap_or_default() + Duration::minutes(minutes % (12 * 60));
    let start: LocalDateTime = at.format("%Y-%m-%dT%H:%M").to_string().parse().unwrap_or_else(|_| panic!("{at}"));
    let hour = Minutes::new(60).unwrap_or_else(|| panic!("60 minutes"));
    let kind = [ActivityKind::HomeVisit, ActivityKind::GroupMeeting, ActivityKind::Outreach][i % 3];
    let mut d = ActivityDraft::new(kind, start, hour);
    d.details.area = Some("Gellerup".into());
    if kind == ActivityKind::GroupMeeting {
        d.details.venue = Some("Beboerhuset".into());
        d.details.theme = Some("Sundhed".into());
        d.details.expected_size = Some(12);
    }
    d
}

struct Setup {
    _dir: tempfile::TempDir,
    nabo: Nabo,
    store: Store,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("bench.db");
    drop(
        Nabo::init(&path, &nabo_app::KeySource::Key([7; 32]), Role::Volunteer, None, now())
            .unwrap_or_else(|e| panic!("{e}")),
    );
    let mut store = Store::open(&path, &nabo_store::DbKey::from_bytes([7; 32])).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<ActivityId> = store
        .write(|tx| {
            (0..ACTIVITIES)
                .map(|i| {
                    let plan = draft(i).validate().unwrap_or_else(|e| panic!("{i}: {e}"));
                    let uid = format!("bench-{i}@nabo");
                    nabo_store::insert_activity(tx, &NewActivity { plan: &plan, uid: &uid, example: false }, now())
                })
                .collect::<Result<_, nabo_store::StoreError>>()
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let mut nabo = Nabo::open(&path, &nabo_app::KeySource::Key([7; 32])).unwrap_or_else(|e| panic!("{e}"));
    let counts = [
        parse_counts(&["reached=2", "new=1", "gender.women=2", "age.30_49=1", "age.unknown=1", "topic.health=1"]),
        parse_counts(&[
            "reached=14",
            "new=3",
            "gender.women=12",
            "gender.men=2",
            "topic.children_school=9",
            "referral.red=1",
        ]),
        parse_counts(&[
            "reached=6",
            "gender.women=4",
            "gender.unknown=2",
            "source.outreach=6",
            "language.arabic=4",
            "language.somali=2",
        ]),
    ]
    .map(|c| c.unwrap_or_else(|e| panic!("{e}")));
    let started = Instant::now();
    for (i, id) in ids.iter().enumerate().step_by(RECORDED_EVERY) {
        nabo.record(*id, None, &counts[i % 3], now()).unwrap_or_else(|e| panic!("{i}: {e}"));
    }
    let recording = started.elapsed();
    let n = ACTIVITIES / RECORDED_EVERY;
    println!(
        "recorded counts on {n} of {ACTIVITIES} activities through Nabo::record in {:.1} s ({:.2} ms each)",
        recording.as_secs_f64(),
        recording.as_secs_f64() * 1000.0 / n as f64
    );
    Setup { _dir: dir, nabo, store }
}

fn counts(c: &mut Criterion) {
    let mut s = setup();
    let (totals, records) = {
        let month = month_count_totals(s.store.conn(), "2026-03").unwrap_or_else(|e| panic!("{e}"));
        (month.totals.len(), month.records)
    };
    println!("March 2026: {records} activities with counts, {totals} keys summed");
    let first = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default();
    let mut group = c.benchmark_group("counts_50k");
    group.sample_size(50).measurement_time(StdDuration::from_secs(5));
    group.bench_function("month_count_totals", |b| {
        b.iter(|| month_count_totals(black_box(s.store.conn()), black_box("2026-03")))
    });
    group.bench_function("month_stats", |b| b.iter(|| s.nabo.month_stats(black_box(first))));
    // An edit of counts already recorded: validation, replace, log, mark done, one transaction.
    let again = parse_counts(&["reached=3", "new=1"]).unwrap_or_else(|e| panic!("{e}"));
    group.bench_function("record_one", |b| b.iter(|| s.nabo.record(ActivityId(1), None, black_box(&again), now())));
    group.finish();
}

criterion_group!(benches, counts);
criterion_main!(benches);
