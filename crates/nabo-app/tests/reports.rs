//! The coordinator's reports and targets against a real database: signed, encrypted summaries
//! imported as a coordinator would, then tables whose cells equal this test's own sums, small
//! counts hidden in every file format, targets' progress and pace against hand-computed
//! values, and every refusal leaving nothing behind.

mod common;

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use common::{coordinator, now, records_file, summary_file, summary_file_in, Month};
use nabo_app::{ErrorCode, Language, Localizer, Nabo, ReportFormat, ReportRequest, Role, TargetGoal};
use nabo_core::report::suppress::{determined, Hidden, Suppression};
use nabo_core::ActivityKind;

fn request(rows: &str, cols: &str) -> ReportRequest {
    ReportRequest {
        from: "2026-01".into(),
        to: "2026-03".into(),
        rows: rows.into(),
        cols: cols.into(),
        measure: None,
        min_cell: None,
    }
}

/// Three volunteers over January to March in three areas; returns what the test expects of
/// `reached` by area (Gellerup, Hasle, Trige) × month.
fn imported(dir: &Path) -> (Nabo, [[u64; 3]; 3]) {
    let (mut nabo, to) = coordinator(dir);
    let months: Vec<Month<'_>> = vec![
        Month {
            volunteer: 1,
            period: "2026-01",
            revision: 1,
            areas: &[("Gellerup", 30), ("Hasle", 2)],
            held: 6,
            group_meetings: 2,
        },
        Month { volunteer: 1, period: "2026-02", revision: 1, areas: &[("Gellerup", 25)], held: 5, group_meetings: 3 },
        Month {
            volunteer: 2,
            period: "2026-01",
            revision: 1,
            areas: &[("Gellerup", 40), ("Trige", 12)],
            held: 9,
            group_meetings: 1,
        },
        Month {
            volunteer: 2,
            period: "2026-03",
            revision: 1,
            areas: &[("Gellerup", 35), ("Trige", 18)],
            held: 8,
            group_meetings: 4,
        },
        Month {
            volunteer: 3,
            period: "2026-02",
            revision: 1,
            areas: &[("Gellerup", 20), ("Trige", 16)],
            held: 7,
            group_meetings: 2,
        },
        Month {
            volunteer: 3,
            period: "2026-03",
            revision: 1,
            areas: &[("Gellerup", 22), ("Hasle", 3)],
            held: 6,
            group_meetings: 3,
        },
    ];
    let files: Vec<PathBuf> = months.iter().map(|m| summary_file(dir, &to, m)).collect();
    let report = nabo.import_summaries(&files, false, now()).expect("import");
    assert!(!report.any_refused(), "{report:?}");
    // The test's own sums, by area and month.
    let areas = ["Gellerup", "Hasle", "Trige"];
    let mut expected = [[0u64; 3]; 3];
    for m in &months {
        let col = ["2026-01", "2026-02", "2026-03"].iter().position(|p| *p == m.period).expect("month");
        for (area, reached) in m.areas {
            let row = areas.iter().position(|a| a == area).expect("area");
            expected[row][col] += reached;
        }
    }
    (nabo, expected)
}

#[test]
fn a_table_equals_the_sums_of_what_was_imported() {
    let dir = tempfile::tempdir().expect("dir");
    let (nabo, expected) = imported(dir.path());
    let table = nabo.report_table(&request("area", "month")).expect("table");
    assert_eq!(table.rows, [Some("Gellerup".to_string()), Some("Hasle".into()), Some("Trige".into())]);
    assert_eq!(table.cols, [Some("2026-01".to_string()), Some("2026-02".into()), Some("2026-03".into())]);
    let cells: Vec<Vec<u64>> = expected.iter().map(|r| r.to_vec()).collect();
    assert_eq!(table.cells, cells);

    // Activities held, by kind and quarter: 41 home visits and 15 group meetings.
    let held = ReportRequest { measure: Some("held".into()), ..request("kind", "quarter") };
    let table = nabo.report_table(&held).expect("held");
    let row = |kind: &str| table.rows.iter().position(|r| r.as_deref() == Some(kind)).expect("kind");
    assert_eq!(table.cells[row("home_visit")], [41]);
    assert_eq!(table.cells[row("group_meeting")], [15]);
    // By a group's buckets: all of them unknown.
    let gender = nabo.report_table(&request("month", "gender")).expect("gender");
    let unknown = gender.cols.iter().position(|c| c.as_deref() == Some("gender.unknown")).expect("bucket");
    assert_eq!(gender.cells.iter().map(|r| r[unknown]).collect::<Vec<_>>(), [84, 61, 78]);
}

/// The published table as the suppression module's input, to ask it what is determined.
fn suppression_of(doc: &nabo_app::ReportDoc) -> Suppression {
    let t = &doc.table;
    Suppression {
        cells: t.cells.iter().map(|r| r.iter().map(|c| c.suppressed).collect()).collect(),
        row_totals: t.row_totals.iter().map(|c| c.suppressed).collect(),
        col_totals: t.col_totals.iter().map(|c| c.suppressed).collect(),
        total: t.total.suppressed,
    }
}

#[test]
fn a_published_report_hides_small_counts_in_every_format() {
    let dir = tempfile::tempdir().expect("dir");
    let (nabo, expected) = imported(dir.path());
    let doc = nabo.report(&request("area", "month")).expect("report");
    // Hasle: 2 in January and 3 in March are small (its total, 5, is not); the rest is
    // published as summed, or "x".
    assert_eq!(doc.table.cells[1][0].suppressed, Some(Hidden::Primary));
    assert_eq!(doc.table.cells[1][2].suppressed, Some(Hidden::Primary));
    for (r, row) in doc.table.cells.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            match cell.suppressed {
                None => assert_eq!(cell.value, Some(expected[r][c])),
                Some(_) => assert_eq!(cell.value, None, "a hidden cell has no value"),
            }
        }
    }
    let cells: Vec<Vec<u64>> = expected.iter().map(|r| r.to_vec()).collect();
    assert!(determined(&cells, &suppression_of(&doc), 5).is_empty());
    assert!(doc.table.cells.iter().flatten().any(|c| c.suppressed == Some(Hidden::Secondary)));

    // JSON: the documented members.
    let words = Localizer::new(Language::English);
    let json_path = dir.path().join("report.json");
    nabo.export_report(&request("area", "month"), ReportFormat::Json, &json_path, &words).expect("json");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&json_path).expect("read")).expect("json");
    for member in ["rows", "cols", "cells", "row_totals", "col_totals", "total", "min_cell", "measure"] {
        assert!(json.get(member).is_some(), "{member}");
    }
    assert_eq!(json["cells"][1][0], serde_json::json!({"value": null, "suppressed": "primary"}));
    assert_eq!(json["cells"][0][0], serde_json::json!({"value": 70, "suppressed": null}));
    assert_eq!((json["measure"].as_str(), json["min_cell"].as_u64()), (Some("reached"), Some(5)));

    // CSV: a byte-order mark, the header, one line per area, the totals.
    let csv_path = dir.path().join("report.csv");
    nabo.export_report(&request("area", "month"), ReportFormat::Csv, &csv_path, &words).expect("csv");
    let csv = std::fs::read_to_string(&csv_path).expect("read");
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "Area,2026-01,2026-02,2026-03,Total");
    assert_eq!(lines.len(), 5);
    assert!(lines[2].starts_with("Hasle,<5,"), "{}", lines[2]);
    assert!(!csv.contains(",2,") && !csv.contains(",3,"), "no small count is written: {csv}");

    // XLSX, read back by calamine: the header, numbers as numbers, "<5" and "x" as text.
    let xlsx_path = dir.path().join("report.xlsx");
    let written = nabo.export_report(&request("area", "month"), ReportFormat::Xlsx, &xlsx_path, &words).expect("xlsx");
    assert_eq!((written.rows, written.cols, written.primary), (3, 3, 2));
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx_path).expect("a workbook");
    let sheet = book.worksheet_range("Report").expect("the sheet");
    let text = |r: u32, c: u32| sheet.get_value((r, c)).map(|d| d.to_string()).unwrap_or_default();
    assert_eq!(text(0, 0), "People reached by Area and Month");
    assert_eq!(text(1, 0), "Period: 2026-01 to 2026-03");
    assert_eq!(text(2, 0), "Category scheme: v1");
    assert_eq!(text(3, 0), "Smallest count shown: 5");
    assert!(text(4, 0).contains("\"<5\""), "{}", text(4, 0));
    assert_eq!(text(6, 0), "Area");
    assert_eq!(text(7, 0), "Gellerup");
    assert_eq!(sheet.get_value((7, 1)), Some(&Data::Float(70.0)));
    assert_eq!(text(8, 1), "<5");
    let hidden: Vec<String> = (7..10).flat_map(|r| (1..4).map(move |c| (r, c))).map(|(r, c)| text(r, c)).collect();
    assert!(hidden.iter().any(|t| t == "x"), "{hidden:?}");
    assert_eq!(text(10, 0), "Total");
}

#[test]
fn a_newer_revision_replaces_the_older_in_reports() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut nabo, expected) = imported(dir.path());
    let to: age::x25519::Recipient =
        nabo.key_view().expect("key").encryption_recipient.expect("r").parse().expect("recipient");
    let newer =
        Month { volunteer: 1, period: "2026-01", revision: 2, areas: &[("Gellerup", 31)], held: 6, group_meetings: 2 };
    let file = summary_file(dir.path(), &to, &newer);
    assert!(!nabo.import_summaries(&[file], false, now()).expect("import").any_refused());
    let table = nabo.report_table(&request("area", "month")).expect("table");
    // Gellerup January: her 30 → 31 beside volunteer 2's 40; Hasle January loses her 2.
    assert_eq!(table.cells[0][0], 71);
    assert_eq!(table.cells[1][0], expected[1][0] - 2);
}

#[test]
fn targets_show_progress_and_pace_as_computed_by_hand() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut nabo, _) = imported(dir.path());
    // Reached in Q1 2026: 84 + 61 + 78 = 223. Today is 4 December 2026: January–November due.
    let year = nabo.set_target("reached", "2026", &TargetGoal::Count(400), now()).expect("year");
    let p = &year.progress;
    assert_eq!(p.actual, 223);
    assert!((p.expected.expect("pace") - 400.0 * 334.0 / 365.0).abs() < 1e-9);
    assert!(p.behind && !p.met);
    // 12 group meetings in Q1: 15 held, met; March alone: 7 of 8, behind (March is long over).
    let quarter = nabo.set_target("held.group_meeting", "2026-Q1", &TargetGoal::Count(12), now()).expect("q1");
    assert_eq!((quarter.progress.actual, quarter.progress.met, quarter.progress.behind), (15, true, false));
    let march = nabo.set_target("held.group_meeting", "2026-03", &TargetGoal::Count(8), now()).expect("march");
    assert_eq!((march.progress.actual, march.progress.expected, march.progress.behind), (7, Some(8.0), true));
    // December: no summaries are due yet, so not behind.
    let december = nabo.set_target("reached", "2026-12", &TargetGoal::Count(50), now()).expect("december");
    assert_eq!((december.progress.due, december.progress.behind), (0.0, false));
    // New contacts as a share of people reached: each area's half, rounded down: 110 of 223.
    let share = TargetGoal::Share { percent: 50.0, of: "reached".into() };
    let share = nabo.set_target("new", "2026-Q1", &share, now()).expect("share");
    assert_eq!((share.progress.actual, share.progress.of), (110, Some(223)));
    assert!(share.progress.behind, "49.3 % is below 50 %");
    assert_eq!(share.share, Some(50.0));

    let listed = nabo.targets(now()).expect("list");
    assert_eq!(listed.len(), 5);
    nabo.remove_target(year.id).expect("removed");
    assert_eq!(nabo.targets(now()).expect("list").len(), 4);
}

#[test]
fn bad_requests_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut nabo, _) = imported(dir.path());
    let words = Localizer::new(Language::Danish);
    let out = dir.path().join("refused.csv");
    let refused = |nabo: &Nabo, r: ReportRequest| {
        let e = nabo.export_report(&r, ReportFormat::Csv, &out, &words).expect_err("refused");
        assert!(!out.exists(), "nothing is written");
        e
    };
    let e = refused(&nabo, ReportRequest { min_cell: Some(2), ..request("area", "month") });
    assert_eq!(e.code(), ErrorCode::ReportRefused);
    assert!(words.error(&e).contains("under 3"), "{}", words.error(&e));
    assert_eq!(refused(&nabo, request("area", "colour")).code(), ErrorCode::ReportRefused);
    assert_eq!(refused(&nabo, request("gender", "month")).code(), ErrorCode::ReportRefused);
    assert_eq!(
        refused(&nabo, ReportRequest { measure: Some("held".into()), ..request("area", "month") }).code(),
        ErrorCode::ReportRefused
    );
    assert_eq!(
        refused(&nabo, ReportRequest { to: "2026-13".into(), ..request("area", "month") }).code(),
        ErrorCode::UnreadablePeriod
    );
    assert_eq!(
        refused(&nabo, ReportRequest { from: "2026-04".into(), ..request("area", "month") }).code(),
        ErrorCode::ReportRefused
    );

    let before = nabo.targets(now()).expect("list").len();
    for (measure, period, goal) in [
        ("reached", "2026", TargetGoal::Count(0)),
        ("reached", "2026", TargetGoal::Share { percent: 150.0, of: "new".into() }),
        ("reached", "2026", TargetGoal::Share { percent: 0.0, of: "new".into() }),
        ("reached", "2026", TargetGoal::Share { percent: f64::NAN, of: "new".into() }),
        ("reached", "2026", TargetGoal::Share { percent: 10.0, of: "reached".into() }),
        ("reached", "2026-Q5", TargetGoal::Count(4)),
        ("favourite", "2026", TargetGoal::Count(4)),
    ] {
        let e = nabo.set_target(measure, period, &goal, now()).expect_err("refused");
        assert!(
            matches!(e.code(), ErrorCode::TargetRefused | ErrorCode::UnreadableReportPeriod | ErrorCode::ReportRefused),
            "{e}"
        );
    }
    assert_eq!(nabo.targets(now()).expect("list").len(), before);
    assert_eq!(nabo.remove_target(999).expect_err("none").code(), ErrorCode::UnknownTarget);

    // A volunteer has no reports.
    let volunteer = Nabo::init(
        &dir.path().join("amina.db"),
        &nabo_app::KeySource::Key([7; 32]),
        Role::Volunteer,
        Some("Amina".into()),
        now(),
    )
    .expect("init");
    assert_eq!(volunteer.report(&request("area", "month")).expect_err("volunteer").code(), ErrorCode::CoordinatorOnly);
}

#[test]
fn the_overview_sums_the_period_by_month_area_and_kind() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut nabo, _) = imported(dir.path());
    nabo.set_target("reached", "2026", &nabo_app::TargetGoal::Count(400), now()).expect("target");
    let o = nabo.overview("2026-Q1", now()).expect("overview");
    assert_eq!(o.totals["reached"], 223);
    assert_eq!((o.held, o.cancelled), (56, 6));
    let months: Vec<(&str, u64, u32, bool)> =
        o.months.iter().map(|m| (m.period.as_str(), m.reached, m.summaries, m.due)).collect();
    assert_eq!(months, [("2026-01", 84, 2, true), ("2026-02", 61, 2, true), ("2026-03", 78, 2, true)]);
    let areas: Vec<(Option<&str>, u64)> = o.areas.iter().map(|a| (a.area.as_deref(), a.reached)).collect();
    assert_eq!(areas, [(Some("Gellerup"), 172), (Some("Trige"), 46), (Some("Hasle"), 5)]);
    let visits = o.kinds.iter().find(|k| k.kind == nabo_app::ActivityKind::HomeVisit).expect("visits");
    assert_eq!((visits.held, visits.reached), (41, 223));
    assert_eq!(o.targets.len(), 1);
    let grid = nabo.volunteer_grid("2026-Q1", now()).expect("grid");
    let months: Vec<usize> = grid.iter().map(|v| v.months.len()).collect();
    assert_eq!(months, [2, 2, 2]);
    // Volunteer 1 sent January and February, not March: March is missing.
    assert_eq!(
        grid.iter().find(|v| v.name == "Frivillig 1").map(|v| v.missing.clone()),
        Some(vec!["2026-03".to_string()])
    );
    // A month still under way is not due.
    let december = nabo.overview("2026-12", now()).expect("overview");
    assert!(!december.months[0].due);
    assert_eq!(nabo.overview("2026-Q9", now()).expect_err("period").code(), ErrorCode::UnreadableReportPeriod);
}

/// People reached at a kind of activity in an area.
type Record<'a> = (ActivityKind, Option<&'a str>, u64);

/// Areas by kind: each cell the people reached at one kind of activity in one area (summary
/// format 2), equal to the test's own sums either way round; with one summary from an older
/// Nabo in the period it is refused, saying how many, and other tables are still made.
#[test]
fn areas_by_kind_sum_format_2_summaries_and_are_refused_with_older_ones() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut nabo, to) = coordinator(dir.path());
    let (visit, meeting, outreach) = (ActivityKind::HomeVisit, ActivityKind::GroupMeeting, ActivityKind::Outreach);
    let records: Vec<(u8, &str, Vec<Record<'_>>)> = vec![
        (
            1,
            "2026-01",
            vec![(visit, Some("Gellerup"), 12), (meeting, Some("Gellerup"), 30), (meeting, Some("Hasle"), 9)],
        ),
        (2, "2026-01", vec![(visit, Some("Hasle"), 7), (outreach, None, 40)]),
        (1, "2026-02", vec![(meeting, Some("Gellerup"), 25), (visit, Some("Gellerup"), 3)]),
        (3, "2026-03", vec![(visit, Some("Trige"), 6), (meeting, Some("Hasle"), 11)]),
    ];
    let files: Vec<PathBuf> =
        records.iter().map(|(v, period, r)| records_file(dir.path(), &to, *v, period, r)).collect();
    let report = nabo.import_summaries(&files, false, now()).expect("import");
    assert!(!report.any_refused(), "{report:?}");
    let mut own: std::collections::BTreeMap<(Option<String>, String), u64> = Default::default();
    for (_, _, r) in &records {
        for (kind, area, n) in r {
            *own.entry((area.map(str::to_string), kind.as_str().to_string())).or_insert(0) += n;
        }
    }
    let table = nabo.report_table(&request("area", "kind")).expect("areas by kind");
    assert_eq!(
        table.rows,
        [Some("Gellerup".to_string()), Some("Hasle".into()), Some("Trige".into()), None],
        "named areas first, then activities without one"
    );
    let mut seen = std::collections::BTreeMap::new();
    for (r, row) in table.rows.iter().enumerate() {
        for (c, col) in table.cols.iter().enumerate() {
            if table.cells[r][c] > 0 {
                seen.insert((row.clone(), col.clone().expect("a kind")), table.cells[r][c]);
            }
        }
    }
    assert_eq!(seen, own);
    // The other way round: the same cells, transposed.
    let turned = nabo.report_table(&request("kind", "area")).expect("kinds by area");
    for (r, row) in table.rows.iter().enumerate() {
        for (c, col) in table.cols.iter().enumerate() {
            let (tr, tc) = (
                turned.rows.iter().position(|k| k == col).expect("kind"),
                turned.cols.iter().position(|a| a == row).expect("area"),
            );
            assert_eq!(turned.cells[tr][tc], table.cells[r][c]);
        }
    }
    // Published as it is: its smallest count is 6, so nothing is hidden.
    let doc = nabo.report(&request("area", "kind")).expect("published");
    assert_eq!(doc.table.total.value, Some(own.values().sum::<u64>()));
    assert!(doc.table.cells.iter().flatten().all(|c| c.suppressed.is_none()));

    // A summary signed by its volunteer whose areas by kind do not add up (two people moved
    // from Hasle's group meeting to Gellerup's): refused, and nothing it says is counted.
    let mut moved =
        common::records_summary(5, "2026-02", &[(meeting, Some("Gellerup"), 10), (meeting, Some("Hasle"), 10)]);
    for pair in &mut moved.by_area_kind {
        let shift = |v: &mut u64| *v = if pair.area.as_deref() == Some("Hasle") { *v - 2 } else { *v + 2 };
        pair.totals.values_mut().for_each(shift);
    }
    let file = common::signed_file(dir.path(), &to, 5, moved);
    let refused = nabo.import_summaries(&[file], false, now()).expect("import");
    assert_eq!(refused.files[0].reason.as_deref(), Some("malformed"), "{refused:?}");
    assert!(refused.files[0].detail.as_deref().is_some_and(|d| d.contains("by_area_kind")), "{refused:?}");
    assert_eq!(nabo.report_table(&request("area", "kind")).expect("unchanged"), table);

    // An older Nabo's summary in March: areas by kind are refused, naming how many.
    let older =
        Month { volunteer: 4, period: "2026-03", revision: 1, areas: &[("Trige", 8)], held: 2, group_meetings: 0 };
    let file = summary_file_in(dir.path(), &to, &older, 1);
    assert!(!nabo.import_summaries(&[file], false, now()).expect("import").any_refused());
    let e = nabo.report(&request("area", "kind")).expect_err("older summary in the period");
    assert_eq!(e.code(), ErrorCode::ReportRefused);
    let words = Localizer::new(Language::English);
    assert!(words.error(&e).contains("older Nabo (1)"), "{}", words.error(&e));
    // Areas by month still count it; a period without it still has areas by kind.
    let by_month = nabo.report_table(&request("area", "month")).expect("areas by month");
    let trige = by_month.rows.iter().position(|r| r.as_deref() == Some("Trige")).expect("Trige");
    assert_eq!(by_month.cells[trige][2], 6 + 8);
    let january = ReportRequest { to: "2026-02".into(), ..request("area", "kind") };
    assert!(nabo.report_table(&january).is_ok());
}
