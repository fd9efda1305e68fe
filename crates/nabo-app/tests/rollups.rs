//! Roll-ups from two local coordinators to the national one, against real databases (issue
//! 13's acceptance): the national totals equal this test's own sums after each import — two
//! roll-ups, then a volunteer file one of them already carries, then a newer revision of it —
//! and, the other way round, a roll-up holding an older revision than the one already here
//! leaves that one counted and says so. Refusals leave nothing behind.

mod common;

use std::path::{Path, PathBuf};

use common::{coordinator_named, now, summary_file, Month};
use nabo_app::{ErrorCode, Nabo, ReportRequest, SummaryOutcome};

/// People reached by month, October to December 2026, as the national level sees them.
fn reached_by_month(nabo: &Nabo) -> Vec<u64> {
    let request = ReportRequest {
        from: "2026-10".into(),
        to: "2026-12".into(),
        rows: "month".into(),
        cols: "year".into(),
        measure: None,
        min_cell: None,
    };
    nabo.report_table(&request).expect("table").cells.iter().map(|r| r[0]).collect()
}

fn card(nabo: &mut Nabo, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(format!("{name}.nabo-card"));
    nabo.export_card(&path, now()).expect("card");
    path
}

const AMINA_OCT: Month<'static> =
    Month { volunteer: 1, period: "2026-10", revision: 1, areas: &[("Gellerup", 12)], held: 4, group_meetings: 0 };
const AMINA_NOV: Month<'static> =
    Month { volunteer: 1, period: "2026-11", revision: 1, areas: &[("Gellerup", 9)], held: 3, group_meetings: 1 };
const SARA_NOV: Month<'static> =
    Month { volunteer: 2, period: "2026-11", revision: 1, areas: &[("Hasle", 20)], held: 6, group_meetings: 2 };
const LEILA_OCT: Month<'static> =
    Month { volunteer: 3, period: "2026-10", revision: 1, areas: &[("Vollsmose", 30)], held: 7, group_meetings: 1 };
const AMINA_NOV_2: Month<'static> =
    Month { volunteer: 1, period: "2026-11", revision: 2, areas: &[("Gellerup", 11)], held: 3, group_meetings: 1 };

/// Hanne (Amina, Sara) and Lise (Leila) import their volunteers' months and roll up Q4 for
/// Nadia; returns Nadia and the two roll-ups.
fn two_areas(dir: &Path) -> (Nabo, age::x25519::Recipient, PathBuf, PathBuf) {
    let (mut nadia, to_nadia) = coordinator_named(dir, "Nadia");
    let nadia_card = card(&mut nadia, dir, "nadia");
    let mut rollups = Vec::new();
    for (name, months) in [("Hanne", vec![AMINA_OCT, AMINA_NOV, SARA_NOV]), ("Lise", vec![LEILA_OCT])] {
        let (mut local, to_local) = coordinator_named(dir, name);
        let files: Vec<PathBuf> = months.iter().map(|m| summary_file(dir, &to_local, m)).collect();
        assert!(!local.import_summaries(&files, false, now()).expect("import").any_refused());
        let out = dir.join(format!("{name}-2026-Q4.nabo-rollup"));
        let written = local.export_rollup("2026-Q4", &out, Some(&nadia_card), now()).expect("roll-up");
        assert_eq!((written.summaries, written.revision), (months.len(), 1));
        assert_eq!(written.encrypted_to.map(|r| r.name), Some("Nadia".to_string()));
        rollups.push(out);
    }
    let lise = rollups.pop().expect("Lise's");
    let hanne = rollups.pop().expect("Hanne's");
    (nadia, to_nadia, hanne, lise)
}

#[test]
fn a_volunteer_month_counts_once_whichever_way_it_came() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut nadia, to_nadia, hanne, lise) = two_areas(dir.path());

    let report = nadia.import_summaries(&[hanne.clone(), lise], false, now()).expect("import");
    assert!(!report.any_refused(), "{report:?}");
    let carried = report.files[0].carried.as_ref().expect("a roll-up");
    assert_eq!((carried.new, carried.replaced, carried.same), (3, 0, 0));
    // October: Amina 12 + Leila 30; November: Amina 9 + Sara 20.
    assert_eq!(reached_by_month(&nadia), [42, 29, 0]);

    // Amina also sends November straight to Nadia: the same summary, counted once.
    let direct = summary_file(dir.path(), &to_nadia, &AMINA_NOV);
    let report = nadia.import_summaries(&[direct], false, now()).expect("import");
    assert_eq!(report.files[0].outcome, SummaryOutcome::AlreadyImported);
    assert_eq!(reached_by_month(&nadia), [42, 29, 0]);

    // Then her corrected November (version 2, 11 people): it replaces the roll-up's.
    let newer = summary_file(dir.path(), &to_nadia, &AMINA_NOV_2);
    let report = nadia.import_summaries(&[newer], false, now()).expect("import");
    assert_eq!((report.files[0].outcome, report.files[0].replaced), (SummaryOutcome::Replaces, Some(1)));
    assert_eq!(reached_by_month(&nadia), [42, 31, 0]);

    // The roll-up again: nothing changes.
    let report = nadia.import_summaries(&[hanne], false, now()).expect("import");
    assert_eq!(report.files[0].outcome, SummaryOutcome::AlreadyImported);
    assert_eq!(reached_by_month(&nadia), [42, 31, 0]);
}

#[test]
fn a_newer_revision_already_here_is_used_and_the_import_says_so() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut nadia, to_nadia, hanne, lise) = two_areas(dir.path());
    // Amina's version 2 first, then the roll-up holding version 1.
    let newer = summary_file(dir.path(), &to_nadia, &AMINA_NOV_2);
    assert!(!nadia.import_summaries(&[newer], false, now()).expect("import").any_refused());
    let report = nadia.import_summaries(&[lise, hanne], false, now()).expect("import");
    assert!(!report.any_refused(), "{report:?}");
    let carried = report.files[1].carried.as_ref().expect("Hanne's roll-up");
    assert_eq!((carried.new, carried.same), (2, 0));
    assert_eq!(carried.newer_here.len(), 1);
    let n = &carried.newer_here[0];
    assert_eq!((n.period.as_str(), n.in_rollup, n.used), ("2026-11", 1, 2));
    assert!(n.volunteer.starts_with("Frivillig 1"), "{}", n.volunteer);
    // October 12 + 30; November 11 (version 2) + 20.
    assert_eq!(reached_by_month(&nadia), [42, 31, 0]);
}

#[test]
fn a_changed_rollup_or_one_for_someone_else_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut nadia, _, hanne, _) = two_areas(dir.path());
    // A byte changed in the encrypted file.
    let mut bytes = std::fs::read(&hanne).expect("read");
    let last = bytes.len() - 10;
    bytes[last] ^= 1;
    let damaged = dir.path().join("damaged.nabo-rollup");
    std::fs::write(&damaged, bytes).expect("write");
    // A roll-up encrypted to someone else.
    let (mut other, _) = coordinator_named(dir.path(), "Else");
    let other_card = card(&mut other, dir.path(), "else");
    let (mut lise, to_lise) = coordinator_named(dir.path(), "Lise2");
    let file = summary_file(dir.path(), &to_lise, &LEILA_OCT);
    assert!(!lise.import_summaries(&[file], false, now()).expect("import").any_refused());
    let elsewhere = dir.path().join("elsewhere.nabo-rollup");
    lise.export_rollup("2026-10", &elsewhere, Some(&other_card), now()).expect("roll-up");
    let report = nadia.import_summaries(&[damaged, elsewhere], false, now()).expect("import");
    let reasons: Vec<_> = report.files.iter().map(|f| f.reason.as_deref()).collect();
    assert_eq!(reasons, [Some("damaged"), Some("not_for_you")]);
    assert_eq!(reached_by_month(&nadia), [0, 0, 0]);
    assert!(nadia.volunteers(now()).expect("volunteers").is_empty());

    // Nothing to roll up, and a period that is none.
    let out = dir.path().join("none.nabo-rollup");
    assert_eq!(nadia.export_rollup("2026", &out, None, now()).expect_err("empty").code(), ErrorCode::NothingToRollUp);
    assert_eq!(
        nadia.export_rollup("2026-Q5", &out, None, now()).expect_err("period").code(),
        ErrorCode::UnreadableReportPeriod
    );
    assert!(!out.exists());
}
