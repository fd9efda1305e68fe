//! Criterion benchmark of the coordinator's reports (issue 13): the year's report by area ×
//! month over 10,000 imported summaries. Run with `cargo bench -p nabo-app --bench reports`;
//! the figures go in docs/BENCHMARKS.md.
//!
//! The database is a real SQLite file made once per run: 10,000 signed summaries of 2026 from
//! 834 volunteers (a national coordinator's year), each month in one to three of 40 areas,
//! imported through `Nabo::import_summaries` as the CLI does. Measured: the table alone
//! (`report_table`, what the overview shows) and the published report (`report`: the table,
//! its totals and the cell suppression with its exact check).

// The benchmark times itself (crates/nabo-app/clippy.toml).
#![allow(clippy::disallowed_methods)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use nabo_app::ReportRequest;

// The year of summaries, shared with the overview's paint benchmark (examples/overview_db.rs).
#[path = "year_of_summaries.rs"]
mod year_of_summaries;
use year_of_summaries::{setup, AREAS};

fn reports(c: &mut Criterion) {
    let (_dir, nabo) = setup();
    let year = ReportRequest {
        from: "2026-01".into(),
        to: "2026-12".into(),
        rows: "area".into(),
        cols: "month".into(),
        measure: None,
        min_cell: None,
    };
    let table = nabo.report_table(&year).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((table.rows.len(), table.cols.len()), (AREAS as usize, 12));
    let mut group = c.benchmark_group("reports");
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("year_area_by_month_table_10k_summaries", |b| {
        b.iter(|| black_box(nabo.report_table(black_box(&year)).map(|t| t.cells.len())))
    });
    group.bench_function("year_area_by_month_published_10k_summaries", |b| {
        b.iter(|| black_box(nabo.report(black_box(&year)).map(|r| r.table.cells.len())))
    });
    let gender = ReportRequest { rows: "quarter".into(), cols: "gender".into(), ..year.clone() };
    group.bench_function("year_quarter_by_gender_published_10k_summaries", |b| {
        b.iter(|| black_box(nabo.report(black_box(&gender)).map(|r| r.table.cells.len())))
    });
    group.finish();
}

criterion_group!(benches, reports);
criterion_main!(benches);
