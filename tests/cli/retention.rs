//! Data minimisation from the command line: a household's code name and the notes are erased
//! `erase-after-months` after its last visit, at the start of whatever command runs then, and
//! the CLI says so in one line on stderr; the month's counts stay.

use serde_json::Value;

use crate::{keyed, refused_by, Scene};

/// November 2025, when the visit was planned and recorded.
const THEN: &str = "2025-11-10T09:00:00Z";
/// Eleven months on: nothing is due yet.
const ELEVEN_MONTHS_ON: &str = "2026-10-10T09:00:00Z";
/// Thirteen months on.
const THIRTEEN_MONTHS_ON: &str = "2026-12-10T09:00:00Z";

fn run(s: &Scene, now: &str, args: &[&str]) -> (String, String) {
    let out = s.nabo(args).env("NABO_NOW", now).output().expect("runs");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(out.status.success(), "{args:?}: {stderr}");
    (String::from_utf8(out.stdout).expect("utf-8"), stderr)
}

/// Every text value in every table of the database, decrypted with the scenarios' key.
fn every_text(s: &Scene) -> Vec<String> {
    crate::texts::every_text(&keyed(&s.db()))
}

#[test]
fn thirteen_months_after_the_last_visit_the_code_name_and_note_are_erased_and_the_counts_stay() {
    let s = Scene::new();
    run(&s, THEN, &["init"]);
    let args = ["plan", "visit", "--start", "2025-11-03T10:00", "--duration", "60m", "--area", "Gellerup"];
    let (id, _) = run(&s, THEN, &[&args[..], &["--household", "H-17", "--note", "Taler om skolen"]].concat());
    let id = id.trim().to_string();
    run(&s, THEN, &["record", &id, "reached=3", "new=1"]);
    let (stats, _) = run(&s, THEN, &["stats", "--period", "2025-11", "--json"]);

    let (settings, stderr) = run(&s, ELEVEN_MONTHS_ON, &["settings"]);
    assert!(settings.lines().any(|l| l.split_whitespace().eq(["erase-after-months", "12"])), "{settings}");
    assert_eq!(stderr, "", "nothing is due after eleven months");
    assert!(every_text(&s).iter().any(|t| t == "H-17"));

    let list = ["list", "--json", "--from", "2025-11-01", "--to", "2025-11-30"];
    let (listed, stderr) = run(&s, THIRTEEN_MONTHS_ON, &list);
    assert_eq!(
        stderr,
        "nabo: Erased 12 months after the last visit: the code name of 1 household and 1 note. The counts stay.\n"
    );
    let listed: Value = serde_json::from_str(&listed).expect("JSON");
    let visit = &listed.as_array().expect("an array")[0];
    assert_eq!(visit["area"], "Gellerup");
    assert_eq!(visit["status"], "done");
    for field in ["household", "note"] {
        assert!(visit.get(field).is_none_or(Value::is_null), "{field}: {visit}");
    }
    let texts = every_text(&s);
    assert!(!texts.iter().any(|t| t.contains("H-17") || t.contains("Taler om skolen")), "{texts:?}");
    assert_eq!(run(&s, THIRTEEN_MONTHS_ON, &["stats", "--period", "2025-11", "--json"]).0, stats, "counts stay");

    // Said once: the next command has nothing to erase.
    assert_eq!(run(&s, THIRTEEN_MONTHS_ON, &list).1, "");
}

#[test]
fn the_time_is_set_with_nabo_settings_and_a_shorter_one_erases_at_once() {
    let s = Scene::new();
    run(&s, THEN, &["init"]);
    let args = ["plan", "visit", "--start", "2025-11-03T10:00", "--duration", "60m", "--area", "Gellerup"];
    run(&s, THEN, &[&args[..], &["--household", "H-17"]].concat());
    for months in ["0", "121"] {
        let args = ["settings", "set", "erase-after-months", months];
        let mut at_then = s.nabo(&args);
        at_then.env("NABO_NOW", THEN);
        refused_by(&s, at_then, &args, 65, "between 1 and 120");
    }

    let mut danish = s.nabo(&["settings", "set", "erase-after-months", "1"]);
    let out = danish.env("NABO_LANG", "da").env("NABO_NOW", "2026-01-10T09:00:00Z").output().expect("runs");
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(
        stderr,
        "nabo: Slettet 1 måned efter det sidste besøg: kodenavnet for 1 husstand og 0 noter. Tallene bliver.\n"
    );
    let (settings, _) = run(&s, "2026-01-10T09:00:00Z", &["settings", "--json"]);
    let settings: Value = serde_json::from_str(&settings).expect("JSON");
    assert_eq!(settings["erase_after_months"], 1);
    assert!(!every_text(&s).iter().any(|t| t == "H-17"));
}

#[test]
fn nothing_is_erased_on_a_damaged_database_and_reading_goes_on() {
    let s = Scene::new();
    run(&s, THEN, &["init"]);
    let args = ["plan", "visit", "--start", "2025-11-03T10:00", "--duration", "60m", "--area", "Gellerup"];
    run(&s, THEN, &[&args[..], &["--household", "H-17", "--note", "Taler om skolen"]].concat());
    // The page of imported calendars (empty here) gets a page type SQLite does not know.
    let conn = keyed(&s.db());
    let size: u64 =
        conn.pragma_query_value(None, "page_size", |r| r.get::<_, String>(0)).expect("size").parse().expect("n");
    let root: u64 =
        conn.query_row("SELECT rootpage FROM sqlite_schema WHERE name = 'busy_times'", [], |r| r.get(0)).expect("root");
    drop(conn);
    {
        use std::io::{Seek, SeekFrom, Write};
        let mut f = std::fs::OpenOptions::new().write(true).open(s.db()).expect("open");
        f.seek(SeekFrom::Start((root - 1) * size)).expect("seek");
        f.write_all(&[0x77; 8]).expect("write");
    }
    let before = s.snapshot();
    let (listed, stderr) =
        run(&s, THIRTEEN_MONTHS_ON, &["list", "--json", "--from", "2025-11-01", "--to", "2025-11-30"]);
    assert!(stderr.starts_with("nabo: Warning: the database is damaged") && stderr.lines().count() == 1, "{stderr}");
    let listed: Value = serde_json::from_str(&listed).expect("JSON");
    assert_eq!(listed[0]["household"], "H-17", "{listed}");
    assert_eq!(s.snapshot(), before, "a damaged database is read, never written");
}
