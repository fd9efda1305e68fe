//! Whole-process driver for the iCalendar benchmark (`bash benches/ical/run.sh`).
//!
//! ```text
//! ical_bench spec OUT.json                      the 10,000 events as plain records (for Python and ical.js)
//! ical_bench export SPEC.json OUT.ics [--repeat N]
//!                                               Nabo's model from the records + write_calendar
//! ical_bench parse FILE [--repeat N] [--empty-window] [--dump OUT.txt]
//!                                               read_busy with ReadWindow::around(the fixed now)
//! ```
//!
//! Each timed command prints one JSON line with the in-process times in milliseconds, so the
//! runner can compare them with the other libraries' own in-process times and with the
//! whole-process wall time it measures itself. `--empty-window` reads with a window in 1990,
//! before every event: parsing, zones and rule validation, but no expansion.

// Outside core's invariant (see crates/nabo-core/clippy.toml): this file reads fixtures or times itself.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use std::time::Instant;

use chrono::{Duration, TimeZone, Utc};
use nabo_core::calendar::{read_busy, write_calendar, BusyTime, ReadWindow};

#[path = "../benches/ical_fixture/mod.rs"]
mod fixture;

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1_000.0
}

fn list(values: &[f64]) -> String {
    values.iter().map(|v| format!("{v:.3}")).collect::<Vec<_>>().join(",")
}

fn fail(message: &str) -> ! {
    eprintln!("ical_bench: {message}");
    std::process::exit(2)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let repeat = args
        .iter()
        .position(|a| a == "--repeat")
        .and_then(|i| args.get(i + 1))
        .map_or(1, |n| n.parse::<usize>().unwrap_or_else(|_| fail("--repeat takes a number")))
        .max(1);
    let path = args.get(1).cloned().unwrap_or_else(|| fail("usage: ical_bench spec|export|parse FILE [--repeat N]"));
    match args[0].as_str() {
        "spec" => {
            let text = serde_json::to_string(&fixture::events()).unwrap_or_else(|e| fail(&e.to_string()));
            std::fs::write(&path, text).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
        }
        "export" => {
            let out = args.get(2).cloned().unwrap_or_else(|| fail("usage: ical_bench export SPEC.json OUT.ics"));
            let json = std::fs::read(&path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
            let specs: Vec<fixture::EventSpec> =
                serde_json::from_slice(&json).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
            let (mut total, mut serialise) = (Vec::new(), Vec::new());
            let mut text = String::new();
            for _ in 0..repeat {
                let t0 = Instant::now();
                let model: Vec<_> = specs.iter().map(fixture::to_model).collect();
                let t1 = Instant::now();
                text = write_calendar("Nabo benchmark", &model, fixture::now());
                serialise.push(ms(t1));
                total.push(ms(t0));
            }
            std::fs::write(&out, &text).unwrap_or_else(|e| fail(&format!("{out}: {e}")));
            println!(
                "{{\"tool\":\"nabo\",\"step\":\"export\",\"events\":{},\"bytes\":{},\"model_serialise_ms\":[{}],\"serialise_ms\":[{}]}}",
                specs.len(),
                text.len(),
                list(&total),
                list(&serialise)
            );
        }
        "parse" => {
            let bytes = std::fs::read(&path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
            let empty = args.iter().any(|a| a == "--empty-window");
            let window = if empty {
                let from = Utc.with_ymd_and_hms(1990, 1, 1, 0, 0, 0).single().unwrap_or_default();
                ReadWindow { from, to: from + Duration::days(1) }
            } else {
                ReadWindow::around(fixture::now())
            };
            let mut times = Vec::new();
            let mut found = None;
            for _ in 0..repeat {
                let t0 = Instant::now();
                let calendar = read_busy(&bytes, window).unwrap_or_else(|e| fail(&e.to_string()));
                times.push(ms(t0));
                found = Some(calendar);
            }
            let calendar = found.unwrap_or_default();
            if let Some(dump) = args.iter().position(|a| a == "--dump").and_then(|i| args.get(i + 1)) {
                // Untimed: the occurrences that take place, as "UID start end" in UTC seconds, to
                // check that all three read the same thing.
                let mut lines: Vec<String> = calendar
                    .entries
                    .iter()
                    .filter_map(|e| match e.time {
                        BusyTime::Timed { start, end } => {
                            Some(format!("{} {} {}\n", e.uid, start.timestamp(), end.timestamp()))
                        }
                        BusyTime::AllDay { .. } => None,
                    })
                    .collect();
                lines.sort();
                std::fs::write(dump, lines.concat()).unwrap_or_else(|e| fail(&format!("{dump}: {e}")));
            }
            println!(
                "{{\"tool\":\"nabo\",\"step\":\"{}\",\"occurrences\":{},\"outside_window\":{},\"cancelled\":{},\"ms\":[{}]}}",
                if empty { "parse" } else { "parse_expand" },
                calendar.entries.len(),
                calendar.outside_window,
                calendar.cancelled,
                list(&times)
            );
        }
        other => fail(&format!("unknown command {other}")),
    }
}
