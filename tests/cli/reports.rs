//! Reports and targets through the real `nabo` binary, as a coordinator runs them from the
//! README: two volunteers record November in two areas and send it; the coordinator imports
//! it, writes a report whose small counts are hidden, sets targets and reads their progress.
//! Every refusal exits 65 with one line naming what is wrong, and writes nothing.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// Early December 2026: November is over.
const NOW: &str = "2026-12-04T10:00:00Z";

struct Person {
    db: PathBuf,
}

impl Person {
    fn nabo(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("nabo").expect("binary built");
        cmd.env_remove("NABO_DB")
            .env("NABO_PASSPHRASE", crate::PASSPHRASE)
            .env("NABO_LANG", "en")
            .env("NABO_NOW", NOW)
            .arg("--db")
            .arg(&self.db)
            .args(args);
        cmd
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.nabo(args).output().expect("runs");
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("utf-8")
    }

    /// Runs `args`, expecting a refusal (exit 65); returns stderr.
    fn refused(&self, args: &[&str]) -> String {
        let out = self.nabo(args).output().expect("runs");
        assert_eq!(out.status.code(), Some(65), "{args:?}: {}", String::from_utf8_lossy(&out.stdout));
        String::from_utf8(out.stderr).expect("utf-8")
    }
}

fn person(dir: &Path, file: &str, role: &str, name: &str) -> Person {
    let p = Person { db: dir.join(file) };
    p.ok(&["init", "--role", role, "--name", name]);
    p
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8")
}

/// A done visit in November in `area`, reaching `reached` people (of whom `new` are new).
fn visit(p: &Person, day: u32, area: &str, reached: u64, new: u64) {
    let start = format!("2026-11-{day:02}T10:00");
    let id = p.ok(&["plan", "visit", "--start", &start, "--duration", "1h", "--area", area, "--household", "H-9"]);
    p.ok(&["record", id.trim(), &format!("reached={reached}"), &format!("new={new}")]);
}

#[test]
fn a_coordinator_reports_novembers_totals_with_small_counts_hidden_and_follows_her_targets() {
    let dir = tempfile::tempdir().expect("dir");
    let hanne = person(dir.path(), "hanne.db", "coordinator", "Hanne");
    let card = dir.path().join("hanne.nabo-card");
    hanne.ok(&["key", "export", "--out", path(&card)]);
    let mut files = Vec::new();
    // Amina: 6 + 5 in Gellerup, 2 in Hasle. Sara: 8 in Gellerup, 1 in Hasle, 9 in Trige.
    for (name, visits) in [
        ("Amina", vec![(3, "Gellerup", 6, 2), (10, "Gellerup", 5, 1), (17, "Hasle", 2, 1)]),
        ("Sara", vec![(4, "Gellerup", 8, 3), (11, "Hasle", 1, 0), (18, "Trige", 9, 4)]),
    ] {
        let p = person(dir.path(), &format!("{name}.db"), "volunteer", name);
        p.ok(&["coordinator", "set", path(&card)]);
        for (day, area, reached, new) in visits {
            visit(&p, day, area, reached, new);
        }
        let out = dir.path().join(format!("{name}-2026-11.nabo-summary"));
        p.ok(&["export-summary", "--period", "2026-11", "--out", path(&out)]);
        files.push(out);
    }
    let mut import = vec!["import-summary"];
    import.extend(files.iter().map(|f| path(f)));
    hanne.ok(&import);

    // By area × quarter: Gellerup 19, Hasle 3 (small), Trige 9; Q4 31.
    let json = dir.path().join("report.json");
    let said = hanne.ok(&[
        "report",
        "--from",
        "2026-10",
        "--to",
        "2026-12",
        "--rows",
        "area",
        "--cols",
        "quarter",
        "--format",
        "json",
        "--out",
        path(&json),
    ]);
    assert!(said.contains("report.json") && said.contains("2 small counts shown as \"<5\""), "{said}");
    let report: Value = serde_json::from_slice(&std::fs::read(&json).expect("read")).expect("json");
    assert_eq!(report["rows"], serde_json::json!(["Gellerup", "Hasle", "Trige"]));
    assert_eq!(report["cells"][0][0]["value"], 19);
    assert_eq!(report["cells"][1][0], serde_json::json!({"value": null, "suppressed": "primary"}));
    // One column: Hasle's row total is its cell, so hidden too; the column total would give it
    // away, so another row is hidden with it.
    assert_eq!(report["row_totals"][1]["suppressed"], "primary");
    let hidden_others = [0, 2].iter().filter(|&&r| report["cells"][r][0]["suppressed"] == "secondary").count();
    assert!(hidden_others >= 1, "{report}");

    let csv = dir.path().join("report.csv");
    hanne.ok(&[
        "report",
        "--from",
        "2026-11",
        "--to",
        "2026-11",
        "--rows",
        "area",
        "--cols",
        "month",
        "--format",
        "csv",
        "--out",
        path(&csv),
        "--min-cell",
        "3",
    ]);
    let text = std::fs::read_to_string(&csv).expect("csv");
    assert!(text.starts_with("\u{feff}Area,2026-11,Total\r\n"), "{text}");
    assert!(text.contains("Hasle,x,x") || text.contains("Hasle,<3,<3") || text.contains("Hasle,3,3"), "{text}");

    // Areas by kind, from the summaries' lines by area and kind together: all home visits.
    let by_kind = dir.path().join("by-kind.json");
    hanne.ok(&[
        "report",
        "--from",
        "2026-11",
        "--to",
        "2026-11",
        "--rows",
        "area",
        "--cols",
        "kind",
        "--format",
        "json",
        "--out",
        path(&by_kind),
    ]);
    let report: Value = serde_json::from_slice(&std::fs::read(&by_kind).expect("read")).expect("json");
    assert_eq!(report["cols"][0], "home_visit");
    assert_eq!(report["cols"][1], "group_meeting");
    assert_eq!(
        (report["cells"][0][0]["value"].as_u64(), report["col_totals"][0]["value"].as_u64()),
        (Some(19), Some(31))
    );
    // Trige's 9 is shown, or hidden with Hasle's 3 so the column's 31 does not give it away.
    let trige = &report["cells"][2][0];
    assert!(trige["value"] == 9 || trige["suppressed"] == "secondary", "{trige}");
    assert_eq!(report["cells"][0][1]["value"], 0, "no group meetings: a published zero");
    assert_eq!(report["cells"][1][0]["suppressed"], "primary", "Hasle's 3");

    // Targets: 40 reached this year, 31 so far; a share of new contacts.
    let set = hanne.ok(&["target", "set", "--measure", "reached", "--period", "2026", "--count", "40"]);
    assert!(set.contains("Target 1 is set"), "{set}");
    hanne.ok(&["target", "set", "--measure", "new", "--period", "2026-11", "--share", "30", "--of", "reached"]);
    let listed = hanne.ok(&["target", "list"]);
    // 334/365 of 40 is 36.6 by now: behind. New: 11 of 31 = 35.5 %: met.
    assert!(listed.contains("#1 reached 2026: 31 of 40 (77.5 %), expected by now 36.6 — behind pace"), "{listed}");
    assert!(listed.contains("#2 new 2026-11: 35.5 % of reached (11 of 31), target 30 % — met"), "{listed}");
    let json: Value = serde_json::from_str(&hanne.ok(&["target", "list", "--json"])).expect("json");
    assert_eq!(json[0]["progress"]["behind"], true);
    assert_eq!(json[1]["progress"]["met"], true);
    hanne.ok(&["target", "remove", "1"]);
    assert!(!hanne.ok(&["target", "list"]).contains("#1"));

    // Refusals: one line each, exit 65, no file.
    let out = dir.path().join("never.csv");
    let base = ["report", "--from", "2026-11", "--to", "2026-11", "--format", "csv", "--out", path(&out)];
    let with = |extra: &[&'static str]| -> Vec<&str> { base.iter().copied().chain(extra.iter().copied()).collect() };
    for (extra, words) in [
        (&["--rows", "area", "--cols", "month", "--min-cell", "2"][..], "below 3"),
        (&["--rows", "area", "--cols", "colour"][..], "\"colour\" is not area"),
        (&["--rows", "area", "--cols", "month", "--measure", "held"][..], "not counted by area"),
    ] {
        let err = hanne.refused(&with(extra));
        assert!(err.contains(words), "{extra:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(!out.exists());
    }
    let err = hanne.refused(&["target", "set", "--measure", "reached", "--period", "2026-Q5", "--count", "4"]);
    assert!(err.contains("\"2026-Q5\" is not a period"), "{err}");
    let err = hanne.refused(&["target", "remove", "7"]);
    assert!(err.contains("no target number 7"), "{err}");
    let amina = Person { db: dir.path().join("Amina.db") };
    let err = amina.refused(&["target", "list"]);
    assert!(err.contains("the coordinator's"), "{err}");

    // The roll-up for the national coordinator, encrypted to her card; she imports it and sees
    // the same 31 people, then the same roll-up again changes nothing.
    let nadia = person(dir.path(), "nadia.db", "coordinator", "Nadia");
    let nadia_card = dir.path().join("nadia.nabo-card");
    nadia.ok(&["key", "export", "--out", path(&nadia_card)]);
    let rollup = dir.path().join("hanne-2026-Q4.nabo-rollup");
    let said = hanne.ok(&["export-rollup", "--period", "2026-Q4", "--out", path(&rollup), "--to", path(&nadia_card)]);
    assert!(said.contains("2 summaries from 2 volunteers, 31 people reached. Encrypted to Nadia"), "{said}");
    let said = nadia.ok(&["import-summary", path(&rollup)]);
    assert!(said.contains("new — Hanne, 2026-Q4, version 1"), "{said}");
    assert!(said.contains("carrying 2 new months, 0 newer versions and 0 already imported"), "{said}");
    let said = nadia.ok(&["import-summary", path(&rollup)]);
    assert!(said.contains("already imported"), "{said}");
    let json = dir.path().join("national.json");
    nadia.ok(&[
        "report",
        "--from",
        "2026-11",
        "--to",
        "2026-11",
        "--rows",
        "month",
        "--cols",
        "year",
        "--format",
        "json",
        "--out",
        path(&json),
    ]);
    let national: Value = serde_json::from_slice(&std::fs::read(&json).expect("read")).expect("json");
    assert_eq!(national["total"]["value"], 31);
    let err = nadia.refused(&["export-rollup", "--period", "2025", "--out", path(&dir.path().join("none"))]);
    assert!(err.contains("No summaries were imported for 2025"), "{err}");
}
