//! Criterion benchmark of Nabo's iCalendar export and parse with the 10,000-event calendar
//! of `benches/ical_fixture` (the same one `bash benches/ical/run.sh` compares with Python
//! icalendar and ical.js). Run with `cargo bench -p nabo-core --bench ical`.

// Outside core's invariant (see crates/nabo-core/clippy.toml): this file reads fixtures or times itself.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use std::hint::black_box;
use std::time::Duration as StdDuration;

use chrono::{Duration, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use nabo_core::calendar::{read_busy, write_calendar, ReadWindow};

mod ical_fixture;
use ical_fixture as fixture;

fn export(c: &mut Criterion) {
    let specs = fixture::events();
    let model: Vec<_> = specs.iter().map(fixture::to_model).collect();
    let mut group = c.benchmark_group("export_10k");
    group.sample_size(20).measurement_time(StdDuration::from_secs(8));
    group.bench_function("model_and_write_calendar", |b| {
        b.iter(|| {
            let model: Vec<_> = specs.iter().map(fixture::to_model).collect();
            write_calendar("Nabo benchmark", black_box(&model), fixture::now())
        })
    });
    group.bench_function("write_calendar", |b| {
        b.iter(|| write_calendar("Nabo benchmark", black_box(&model), fixture::now()))
    });
    group.finish();
}

fn parse(c: &mut Criterion) {
    let specs = fixture::events();
    let model: Vec<_> = specs.iter().map(fixture::to_model).collect();
    let text = write_calendar("Nabo benchmark", &model, fixture::now());
    let window = ReadWindow::around(fixture::now());
    let from = Utc.with_ymd_and_hms(1990, 1, 1, 0, 0, 0).single().unwrap_or_default();
    let empty = ReadWindow { from, to: from + Duration::days(1) };
    let mut group = c.benchmark_group("parse_10k");
    group.sample_size(10).measurement_time(StdDuration::from_secs(10));
    group.bench_function("read_busy_expanded", |b| b.iter(|| read_busy(black_box(text.as_bytes()), window)));
    group.bench_function("read_busy_empty_window", |b| b.iter(|| read_busy(black_box(text.as_bytes()), empty)));
    group.finish();
}

criterion_group!(benches, export, parse);
criterion_main!(benches);
