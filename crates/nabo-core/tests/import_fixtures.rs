//! Nabo's importer against hand-written exports of Google, Outlook, Apple and Thunderbird
//! (`tests/fixtures/ics/good`), compared with what an independent implementation (Python
//! `icalendar` + `recurring-ical-events`, `tests/interop/oracle_import.py`) found in the same
//! files, and against the bad inputs in `tests/fixtures/ics/bad`.

// Outside core's invariant (see crates/nabo-core/clippy.toml): this file reads fixtures or times itself.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use nabo_core::calendar::{read_busy, BusyTime, ReadError, ReadNotice, ReadWindow};
use nabo_core::ZONE;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/ics")
}

/// The oracle's window: 2026 in Copenhagen.
fn window() -> ReadWindow {
    let midnight = |y| ZONE.with_ymd_and_hms(y, 1, 1, 0, 0, 0).single().map(|t| t.with_timezone(&Utc));
    ReadWindow { from: midnight(2026).unwrap_or_default(), to: midnight(2027).unwrap_or_default() }
}

type Row = (String, String, String, String, bool, bool);

fn expected(path: &Path) -> (Option<String>, BTreeSet<Row>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = json["calendar_name"].as_str().map(str::to_string);
    let rows = json["occurrences"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|o| {
                    let s = |k: &str| o[k].as_str().unwrap_or_default().to_string();
                    // Nabo keeps titles on one line (a calendar cell and a CLI row have one).
                    let title = s("title").split_whitespace().collect::<Vec<_>>().join(" ");
                    (s("uid"), title, s("start"), s("end"), o["all_day"] == true, o["transparent"] == true)
                })
                .collect()
        })
        .unwrap_or_default();
    (name, rows)
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The `.ics` files in `fixtures/ics/<folder>`, sorted.
fn ics_in(folder: &str) -> Vec<PathBuf> {
    let dir = fixtures().join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ics"))
        .collect();
    files.sort();
    files
}

/// What the oracle skipped and warned of: (UID, line) of each skipped event, (TZID, UID,
/// line) of each floating zone, and the ignored lines.
type Said = (BTreeSet<(String, usize)>, BTreeSet<(String, String, usize)>, BTreeSet<usize>);

fn said_by_oracle(path: &Path) -> Said {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let s = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap_or_default().to_string();
    let n = |v: &serde_json::Value, k: &str| usize::try_from(v[k].as_u64().unwrap_or_default()).unwrap_or_default();
    let list = |k: &str| json[k].as_array().cloned().unwrap_or_default();
    let skipped = list("skipped").iter().map(|v| (s(v, "uid"), n(v, "line"))).collect();
    let warnings = list("warnings");
    let zones = warnings.iter().filter(|v| v.get("tzid").is_some()).map(|v| (s(v, "tzid"), s(v, "uid"), n(v, "line")));
    let ignored = warnings.iter().filter(|v| v.get("ignored_line").is_some()).map(|v| n(v, "ignored_line"));
    (skipped, zones.collect(), ignored.collect())
}

fn said_by_nabo(notices: &[ReadNotice]) -> Said {
    let mut said = Said::default();
    for notice in notices {
        match notice {
            ReadNotice::Skipped { reason: ReadError::EndBeforeStart { uid, line } } => {
                said.0.insert((uid.clone(), *line));
            }
            ReadNotice::FloatingZone { tzid, uid, line } => {
                said.1.insert((tzid.clone(), uid.clone(), *line));
            }
            ReadNotice::IgnoredLine { line } => {
                said.2.insert(*line);
            }
            other => panic!("not expected in these files: {other:?}"),
        }
    }
    said
}

/// Issue 15: files the calendar apps read although something in them is wrong (an event
/// ending before it starts, a TZID nobody defines, text after END:VCALENDAR) are read as
/// the oracle reads them, and what was left out or guessed is said as the oracle says it.
#[test]
fn tolerated_files_read_as_the_oracle_reads_them_saying_what_was_skipped() {
    let files = ics_in("tolerated");
    assert!(files.len() >= 3, "{files:?}");
    for file in files {
        let got = read_busy(&std::fs::read(&file).unwrap_or_default(), window())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert_eq!(
            said_by_nabo(&got.notices),
            said_by_oracle(&file.with_extension("expected.json")),
            "{}",
            file.display()
        );
    }
}

#[test]
fn every_sample_export_reads_as_the_independent_oracle_reads_it() {
    let files: Vec<PathBuf> = ics_in("good").into_iter().chain(ics_in("tolerated")).collect();
    assert!(files.len() >= 9, "the samples are missing: {files:?}");
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_default();
        let got = read_busy(&bytes, window()).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let (name, want) = expected(&file.with_extension("expected.json"));
        let rows: BTreeSet<Row> = got
            .entries
            .iter()
            .map(|e| {
                let (start, end, all_day) = match e.time {
                    BusyTime::Timed { start, end } => (utc(start), utc(end), false),
                    BusyTime::AllDay { first, until } => (first.to_string(), until.to_string(), true),
                };
                (e.uid.to_string(), e.title.to_string(), start, end, all_day, e.transparent)
            })
            .collect();
        assert_eq!(got.entries.len(), rows.len(), "{}: duplicate rows", file.display());
        let missing: Vec<_> = want.difference(&rows).collect();
        let extra: Vec<_> = rows.difference(&want).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{}:\nmissing {missing:#?}\nextra {extra:#?}", file.display());
        assert_eq!(got.name, name, "{}", file.display());
    }
}

fn refusal(name: &str) -> Result<(), ReadError> {
    let bytes = std::fs::read(fixtures().join("bad").join(name)).unwrap_or_default();
    read_busy(&bytes, window()).map(|_| ())
}

#[test]
fn bad_files_are_refused_naming_what_and_where() {
    for name in ["not-ical.ics", "empty.ics", "binary.ics", "vcard.ics"] {
        assert_eq!(refusal(name), Err(ReadError::NotICalendar), "{name}");
    }
    assert!(
        matches!(refusal("truncated.ics"), Err(ReadError::Truncated { ref component, uid: Some(_), .. }) if component == "VEVENT")
    );
}

#[test]
fn a_series_of_every_second_is_capped_and_named() {
    let bytes = std::fs::read(fixtures().join("bad/huge-rrule.ics")).unwrap_or_default();
    let got = read_busy(&bytes, window()).unwrap_or_default();
    assert!(
        matches!(got.notices.as_slice(), [ReadNotice::Capped { uid, kept, .. }] if uid == "every-second-forever@nabo.test" && *kept == nabo_core::calendar::MAX_OCCURRENCES),
        "{:?}",
        got.notices
    );
}

/// Every sample export, as bytes.
fn samples() -> Vec<Vec<u8>> {
    let dir = fixtures().join("good");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "ics")).collect()
        })
        .unwrap_or_default();
    files.sort();
    files.iter().map(|f| std::fs::read(f).unwrap_or_default()).collect()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]

    /// Cut anywhere, or with bytes overwritten anywhere, a real export is read or refused — never a panic.
    #[test]
    fn damaged_exports_never_panic(file in 0usize..64, cut in 0.0f64..1.0, edits in proptest::collection::vec((0.0f64..1.0, proptest::num::u8::ANY), 0..8)) {
        let all = samples();
        let mut bytes = all[file % all.len()].clone();
        for (at, byte) in edits {
            let i = ((bytes.len() as f64) * at) as usize;
            if let Some(b) = bytes.get_mut(i) {
                *b = byte;
            }
        }
        bytes.truncate(((bytes.len() as f64) * cut) as usize + 1);
        let _ = read_busy(&bytes, window());
    }

    /// Issue 15: every number in a real export (dates, times, durations, offsets, COUNT,
    /// INTERVAL, BYSETPOS …) replaced by a large one — up to 25 digits, past i64 — is read or
    /// refused, never a panic. `DURATION:P999999999999999999W` panicked in chrono before.
    #[test]
    fn huge_numbers_anywhere_never_panic(file in 0usize..64, numbers in proptest::collection::vec((0.0f64..1.0, "[1-9][0-9]{0,24}"), 1..6)) {
        let all = samples();
        let text = String::from_utf8_lossy(&all[file % all.len()]).into_owned();
        // The runs of ASCII digits in the file, by byte offset.
        let mut runs = Vec::new();
        let mut start = None;
        for (i, b) in text.bytes().enumerate().chain(std::iter::once((text.len(), b' '))) {
            match (b.is_ascii_digit(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    runs.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        let mut chosen: Vec<((usize, usize), String)> = numbers
            .into_iter()
            .filter_map(|(at, digits)| runs.get(((runs.len() as f64) * at) as usize).map(|r| (*r, digits)))
            .collect();
        chosen.sort_by_key(|((s, _), _)| std::cmp::Reverse(*s));
        chosen.dedup_by_key(|((s, _), _)| *s);
        let mut text = text;
        for ((s, e), digits) in chosen {
            text.replace_range(s..e, &digits);
        }
        let _ = read_busy(text.as_bytes(), window());
    }
}

#[test]
fn a_parameter_with_more_values_than_the_parser_keeps_is_refused_not_misread() {
    // `ical` keeps at most 10 values per parameter; the rest would end up in the value.
    let many = (0..12).map(|i| format!("v{i}")).collect::<Vec<_>>().join(",");
    let file = format!(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:p\r\nDTSTART;X-MANY={many}:20260701T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    );
    let got = read_busy(file.as_bytes(), window());
    assert!(matches!(got, Err(ReadError::BadValue { ref property, line: 2, .. }) if property == "DTSTART"), "{got:?}");
}
