//! CLI scenarios: the real `nabo` binary on real database files, as a script or a newcomer uses it.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

mod backups;
mod crash;
mod hostile_counts;
mod hostile_files;
mod hostile_import;
mod hostile_text;
mod notices;
mod reports;
mod retention;
mod summaries;
#[path = "../support/texts.rs"]
mod texts;
mod words;

/// The passphrase the scenarios' databases are encrypted with (issue 14: the CLI reads it from
/// NABO_PASSPHRASE; the OS key store is tested on its own, in tests/keystore).
const PASSPHRASE: &str = "scenarios: not anybody's passphrase";

/// A connection of the test's own to a database the CLI made, opened with the key derived
/// from [`PASSPHRASE`] as docs/SECURITY.md describes: Argon2id (64 MiB, 3 passes, 1 lane, 32
/// bytes) over the file's first 16 bytes, its salt, given to SQLCipher as a raw key with it.
fn keyed(db: &Path) -> rusqlite::Connection {
    let bytes = std::fs::read(db).expect("database");
    let salt = &bytes[..16];
    let params = argon2::Params::new(64 * 1024, 3, 1, Some(32)).expect("params");
    let mut key = [0u8; 32];
    argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
        .hash_password_into(PASSPHRASE.as_bytes(), salt, &mut key)
        .expect("derived");
    let hex: String = key.iter().chain(salt).map(|b| format!("{b:02x}")).collect();
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.execute_batch(&format!("PRAGMA key = \"x'{hex}'\";")).expect("key");
    conn
}

/// A temporary folder with a database path in it.
struct Scene {
    dir: tempfile::TempDir,
}

impl Scene {
    fn new() -> Self {
        Self { dir: tempfile::tempdir().expect("temp dir") }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("nabo.db")
    }

    /// `nabo --db <db> args…`, in English unless the test says otherwise.
    fn nabo(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("nabo").expect("binary built");
        cmd.env_remove("NABO_DB")
            .env("NABO_PASSPHRASE", crate::PASSPHRASE)
            .env("NABO_LANG", "en")
            .arg("--db")
            .arg(self.db())
            .args(args);
        cmd
    }

    fn init(&self) -> &Self {
        self.nabo(&["init"]).assert().success();
        self
    }

    /// Plans a visit and returns its id, checking that stdout is the id alone.
    fn plan_visit(&self, start: &str, duration: &str) -> i64 {
        let out = self
            .nabo(&[
                "plan",
                "visit",
                "--start",
                start,
                "--duration",
                duration,
                "--area",
                "Gellerup",
                "--household",
                "H-17",
            ])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let stdout = String::from_utf8(out.stdout).expect("utf-8");
        let line = stdout.strip_suffix('\n').expect("one line");
        assert!(!line.contains('\n'), "stdout is the id alone: {stdout:?}");
        line.parse().expect("an id")
    }

    fn list_json(&self, from: &str, to: &str) -> Vec<Value> {
        let out = self.nabo(&["list", "--json", "--from", from, "--to", to]).output().expect("runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let value: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        value.as_array().expect("an array").clone()
    }

    /// Every file in the folder with its bytes, to prove that a refused command changed nothing.
    fn snapshot(&self) -> Vec<(String, Vec<u8>)> {
        snapshot(self.dir.path())
    }
}

/// `plan meeting` at Beboerhuset about Sundhed, two hours from `start`, repeating by `rule`.
fn meeting_args<'a>(start: &'a str, rule: &'a str) -> Vec<&'a str> {
    let mut args = vec!["plan", "meeting", "--start", start, "--duration", "2h", "--venue", "Beboerhuset"];
    args.extend(["--theme", "Sundhed", "--rrule", rule]);
    args
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            let e = e.expect("entry");
            (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).expect("read"))
        })
        .collect();
    files.sort();
    files
}

/// Runs `args`, expects exit `code` with exactly one line on stderr containing `needle`,
/// nothing on stdout, and the folder byte-for-byte unchanged.
fn refused(scene: &Scene, args: &[&str], code: i32, needle: &str) {
    refused_by(scene, scene.nabo(args), args, code, needle);
}

/// [`refused`] for a command already set up (e.g. at a fixed clock).
fn refused_by(scene: &Scene, mut command: Command, args: &[&str], code: i32, needle: &str) {
    let before = scene.snapshot();
    let out = command.output().expect("runs");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    assert!(stderr.starts_with("nabo: "), "{stderr}");
    assert!(stderr.contains(needle), "{args:?}: expected {needle:?} in {stderr:?}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing on stdout");
    assert_eq!(scene.snapshot(), before, "{args:?} must change nothing");
}

#[test]
fn plan_a_visit_and_list_it_as_json() {
    let s = Scene::new();
    s.init();
    let id = s.plan_visit("2026-12-01T10:00", "60m");
    let week = s.list_json("2026-12-01", "2026-12-07");
    assert_eq!(week.len(), 1);
    let v = &week[0];
    assert_eq!(v["id"], id);
    assert_eq!(v["kind"], "home_visit");
    assert_eq!(v["start"], "2026-12-01T10:00:00+01:00");
    assert_eq!(v["end"], "2026-12-01T11:00:00+01:00");
    assert_eq!(v["area"], "Gellerup");
    assert_eq!(v["status"], "planned");
    assert!(v.get("title").is_some(), "title is always present");
}

#[test]
fn summer_time_gets_the_summer_offset() {
    let s = Scene::new();
    s.init();
    s.plan_visit("2027-06-15T17:30", "1h30m");
    let day = s.list_json("2027-06-15", "2027-06-15");
    assert_eq!(day[0]["start"], "2027-06-15T17:30:00+02:00");
    assert_eq!(day[0]["end"], "2027-06-15T19:00:00+02:00");
}

#[test]
fn a_meeting_is_planned_with_venue_and_theme() {
    let s = Scene::new();
    s.init();
    let out = s
        .nabo(&[
            "plan",
            "meeting",
            "--start",
            "2026-12-03T17:00",
            "--duration",
            "2h",
            "--venue",
            "Beboerhuset",
            "--theme",
            "Sundhed",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let id: i64 = String::from_utf8(out).expect("utf-8").trim().parse().expect("id");
    let day = s.list_json("2026-12-03", "2026-12-03");
    assert_eq!(day[0]["id"], id);
    assert_eq!(day[0]["kind"], "group_meeting");
    assert_eq!(day[0]["venue"], "Beboerhuset");
    assert_eq!(day[0]["theme"], "Sundhed");
}

#[test]
fn a_conflict_warns_on_stderr_and_still_plans() {
    let s = Scene::new();
    s.init();
    let first = s.plan_visit("2026-12-01T10:00", "60m");
    let out = s
        .nabo(&["plan", "visit", "--start", "2026-12-01T10:30", "--duration", "30m", "--area", "Gellerup"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(stderr.contains(&format!("overlaps appointment {first}")), "{stderr}");
    let second: i64 = String::from_utf8(out.stdout).expect("utf-8").trim().parse().expect("id alone on stdout");
    let day = s.list_json("2026-12-01", "2026-12-01");
    assert_eq!(day.len(), 2);
    assert_eq!(day[0]["conflicts"], serde_json::json!([second]));
}

#[test]
fn visits_too_close_to_travel_between_are_flagged() {
    let s = Scene::new();
    s.init();
    s.plan_visit("2026-12-01T10:00", "60m");
    s.nabo(&["plan", "visit", "--start", "2026-12-01T11:10", "--duration", "30m", "--area", "Gellerup"])
        .assert()
        .success()
        .stderr(predicates::str::contains("only 10 minutes"));
}

#[test]
fn cancel_marks_the_visit_cancelled() {
    let s = Scene::new();
    s.init();
    let id = s.plan_visit("2026-12-01T10:00", "60m");
    s.nabo(&["cancel", &id.to_string()]).assert().success();
    assert_eq!(s.list_json("2026-12-01", "2026-12-01")[0]["status"], "cancelled");
}

#[test]
fn nabo_db_sets_the_database() {
    let s = Scene::new();
    let mut cmd = Command::cargo_bin("nabo").expect("binary");
    cmd.env("NABO_DB", s.db()).env("NABO_PASSPHRASE", PASSPHRASE).args(["init"]).assert().success();
    assert!(s.db().exists());
    let mut cmd = Command::cargo_bin("nabo").expect("binary");
    cmd.env("NABO_DB", s.db()).env("NABO_PASSPHRASE", PASSPHRASE).args(["check"]).assert().success();
}

#[test]
fn check_reports_a_sound_database() {
    let s = Scene::new();
    s.init();
    s.plan_visit("2026-12-01T10:00", "60m");
    s.nabo(&["check"]).assert().success().stdout(predicates::str::contains("The database is fine: 1 appointment,"));
}

#[test]
fn bad_input_dst_gap() {
    let s = Scene::new();
    s.init();
    s.plan_visit("2026-12-01T10:00", "60m");
    refused(
        &s,
        &["plan", "visit", "--start", "2027-03-28T02:30", "--duration", "60m", "--area", "Gellerup"],
        65,
        "Clocks jump from 02:00 to 03:00",
    );
}

#[test]
fn bad_input_negative_duration() {
    let s = Scene::new();
    s.init();
    refused(
        &s,
        &["plan", "visit", "--start", "2026-12-01T10:00", "--duration", "-5m", "--area", "Gellerup"],
        65,
        "more than 0 minutes",
    );
}

#[test]
fn bad_input_unreadable_start() {
    let s = Scene::new();
    s.init();
    refused(
        &s,
        &["plan", "visit", "--start", "tomorrow-ish", "--duration", "60m", "--area", "Gellerup"],
        65,
        "\"tomorrow-ish\" is not a date and time",
    );
}

#[test]
fn bad_input_thirty_hour_visit() {
    let s = Scene::new();
    s.init();
    refused(
        &s,
        &["plan", "visit", "--start", "2026-12-01T10:00", "--duration", "30h", "--area", "Gellerup"],
        65,
        "1800 minutes is too long",
    );
}

#[test]
fn bad_input_a_name_as_household_label() {
    let s = Scene::new();
    s.init();
    refused(
        &s,
        &[
            "plan",
            "visit",
            "--start",
            "2026-12-01T10:00",
            "--duration",
            "1h",
            "--area",
            "Gellerup",
            "--household",
            "Fatima",
        ],
        65,
        "never a name",
    );
}

#[test]
fn bad_input_personal_data_in_the_name_given_at_init_leaves_no_database() {
    let s = Scene::new();
    refused(&s, &["init", "--name", "Amina 22 33 44 55"], 65, "\"Name\" seems to contain a phone number");
    assert!(!s.db().exists(), "no database file is left behind");
    refused(&s, &["init", "--name", &"x".repeat(61)], 65, "Name");
    assert!(!s.db().exists());
    s.nabo(&["init", "--name", " Amina "]).assert().success();
    assert!(s.db().exists());
}

#[test]
fn bad_input_a_file_that_is_not_sqlite() {
    let s = Scene::new();
    std::fs::write(s.db(), "Kære koordinator,\nher er min liste.\n".repeat(100)).expect("write");
    refused(&s, &["list"], 65, "is not a Nabo database");
    refused(
        &s,
        &["plan", "visit", "--start", "2026-12-01T10:00", "--duration", "60m", "--area", "Gellerup"],
        65,
        "The file was not changed",
    );
}

#[test]
fn bad_input_a_database_from_a_newer_nabo() {
    let s = Scene::new();
    s.init();
    s.plan_visit("2026-12-01T10:00", "60m");
    {
        let conn = keyed(&s.db());
        conn.pragma_update(None, "user_version", 99).expect("bump");
        conn.pragma_update(None, "journal_mode", "DELETE").expect("checkpoint");
    }
    refused(&s, &["list", "--from", "2026-12-01"], 65, "newer Nabo (database version 99");
    refused(
        &s,
        &["plan", "visit", "--start", "2026-12-02T10:00", "--duration", "60m", "--area", "Gellerup"],
        65,
        "Update Nabo",
    );
}

#[test]
fn bad_input_unknown_id_and_bad_dates() {
    let s = Scene::new();
    s.init();
    s.plan_visit("2026-12-01T10:00", "60m");
    refused(&s, &["cancel", "999"], 65, "no appointment number 999");
    refused(&s, &["list", "--from", "next week"], 65, "\"next week\" is not a date");
    refused(&s, &["list", "--from", "2026-12-07", "--to", "2026-12-01"], 65, "cannot be used");
}

#[test]
fn usage_errors_exit_2() {
    let s = Scene::new();
    s.init();
    for args in
        [&["plan", "visit"][..], &["frobnicate"], &["cancel", "abc"], &["cancel", "1@soon"], &["list", "--bogus"]]
    {
        let before = s.snapshot();
        let out = s.nabo(args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(s.snapshot(), before);
    }
}

#[test]
fn commands_before_init_say_what_to_do() {
    let s = Scene::new();
    refused(&s, &["list"], 1, "nabo init");
    assert!(!s.db().exists(), "no database is created by accident");
    s.init();
    refused(&s, &["init"], 65, "already a Nabo database");
}

#[test]
fn danish_is_the_default_language() {
    let s = Scene::new();
    s.init();
    let out = s
        .nabo(&["plan", "visit", "--start", "2027-03-28T02:30", "--duration", "60m", "--area", "X"])
        .env_remove("NABO_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("runs");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(stderr.contains("Uret springer fra 02:00 til 03:00"), "{stderr}");
    let out = s.nabo(&["--lang", "da", "list", "--from", "2026-12-01"]).output().expect("runs");
    assert!(String::from_utf8(out.stdout).expect("utf-8").contains("Ingen aftaler"));
}

/// A weekly Tuesday meeting at 17:00 from March to November: across both DST changes.
const TUESDAY_SERIES: [&str; 12] = [
    "plan",
    "meeting",
    "--start",
    "2026-03-03T17:00",
    "--duration",
    "2h",
    "--venue",
    "Beboerhuset",
    "--theme",
    "Sundhed",
    "--rrule",
    "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261110",
];

#[test]
fn a_tuesday_series_across_both_dst_changes_is_17_00_every_week() {
    let s = Scene::new();
    s.init();
    let out = s.nabo(&TUESDAY_SERIES).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let id: i64 = String::from_utf8(out.stdout).expect("utf-8").trim().parse().expect("id alone");
    let year = s.list_json("2026-01-01", "2026-12-31");
    assert_eq!(year.len(), 37);
    for meeting in &year {
        assert_eq!(meeting["id"], id);
        let start = meeting["start"].as_str().expect("start");
        assert_eq!(start.get(11..16), Some("17:00"), "{start}");
        assert!(meeting["occurrence"].is_string());
    }
    let starts: Vec<&str> = year.iter().filter_map(|m| m["start"].as_str()).collect();
    assert!(starts.contains(&"2026-03-24T17:00:00+01:00") && starts.contains(&"2026-03-31T17:00:00+02:00"));
    assert!(starts.contains(&"2026-10-20T17:00:00+02:00") && starts.contains(&"2026-10-27T17:00:00+01:00"));

    // One meeting is cancelled with ID@DATE; the others stay planned.
    s.nabo(&["cancel", &format!("{id}@2026-06-16")]).assert().success();
    let june = s.list_json("2026-06-09", "2026-06-23");
    let statuses: Vec<&str> = june.iter().filter_map(|m| m["status"].as_str()).collect();
    assert_eq!(statuses, ["planned", "cancelled", "planned"]);
}

#[test]
fn bad_input_repeat_rules() {
    let s = Scene::new();
    s.init();
    let meeting = |rule: &'static str| -> Vec<&'static str> {
        vec![
            "plan",
            "meeting",
            "--start",
            "2026-12-01T17:00",
            "--duration",
            "2h",
            "--venue",
            "V",
            "--theme",
            "T",
            "--rrule",
            rule,
        ]
    };
    refused(&s, &meeting("every tuesday"), 65, "The repeat cannot be used");
    refused(&s, &meeting("FREQ=DAILY;COUNT=100000"), 65, "at most 520 meetings");
    refused(&s, &meeting("FREQ=WEEKLY;UNTIL=20250101"), 65, "gives no meetings");
    let id = s.plan_visit("2026-12-01T10:00", "60m");
    refused(&s, &["cancel", &format!("{id}@2026-12-02")], 65, "has no meeting");
}

#[test]
fn one_meeting_is_skipped_or_moved_and_a_visit_is_moved() {
    let s = Scene::new();
    s.init();
    s.nabo(&[
        "plan",
        "meeting",
        "--start",
        "2026-12-01T17:00",
        "--duration",
        "2h",
        "--venue",
        "V",
        "--theme",
        "T",
        "--rrule",
        "FREQ=WEEKLY;COUNT=4",
    ])
    .assert()
    .success();
    s.nabo(&["skip", "1@2026-12-08"]).assert().success().stdout(predicates::str::contains("1@2026-12-08"));
    s.nabo(&["move", "1@2026-12-15", "--start", "2026-12-16T18:00"]).assert().success();
    let starts: Vec<String> = s
        .list_json("2026-12-01", "2026-12-31")
        .iter()
        .filter_map(|m| Some(format!("{}–{}", m["start"].as_str()?, m["end"].as_str()?)))
        .collect();
    assert_eq!(
        starts,
        [
            "2026-12-01T17:00:00+01:00–2026-12-01T19:00:00+01:00",
            "2026-12-16T18:00:00+01:00–2026-12-16T20:00:00+01:00",
            "2026-12-22T17:00:00+01:00–2026-12-22T19:00:00+01:00",
        ],
        "skipped, and moved keeping its two hours"
    );
    let visit = s.plan_visit("2026-12-02T10:00", "60m");
    s.nabo(&["move", &visit.to_string(), "--start", "2026-12-02T13:00", "--duration", "45m"]).assert().success();
    let day = s.list_json("2026-12-02", "2026-12-02");
    assert_eq!(
        (day[0]["start"].as_str(), day[0]["end"].as_str()),
        (Some("2026-12-02T13:00:00+01:00"), Some("2026-12-02T13:45:00+01:00"))
    );
    refused(&s, &["skip", &visit.to_string()], 65, "has no meeting");
    refused(&s, &["move", &visit.to_string(), "--start", "2027-03-28T02:30"], 65, "Clocks jump from 02:00 to 03:00");
    refused(&s, &["skip", "1@2026-12-09"], 65, "has no meeting");
}

/// A sample export from `tests/fixtures/ics`.
fn sample(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/ics").join(path).display().to_string()
}

/// The clock the import tests run at: the samples are of 2026.
const NOW: &str = "2026-06-01T12:00:00Z";

impl Scene {
    /// `nabo args…` at [`NOW`].
    fn at_now(&self, args: &[&str]) -> Command {
        let mut cmd = self.nabo(args);
        cmd.env("NABO_NOW", NOW);
        cmd
    }

    fn stdout_of(&self, args: &[&str]) -> String {
        let out = self.at_now(args).output().expect("runs");
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("utf-8")
    }
}

#[test]
fn an_imported_calendar_is_busy_time_in_the_list_and_importing_again_changes_nothing() {
    let s = Scene::new();
    s.init();
    let google = sample("good/google.ics");
    let said = s.stdout_of(&["import-ics", &google]);
    assert_eq!(said.trim(), "Calendar \"Søren – privat\": 27 new, 0 changed, 0 unchanged, 0 removed.");
    // The DST week of 29 March: Tuesday swimming at 17:00 local before and after the change.
    let week = s.list_json("2026-03-23", "2026-04-05");
    let busy: Vec<&Value> = week.iter().filter(|i| i["kind"] == "busy").collect();
    assert!(!busy.is_empty(), "{week:?}");
    assert!(busy.iter().all(|b| b["source"] == "Søren – privat" && b["uid"].is_string()));
    let swims: Vec<&str> =
        busy.iter().filter(|b| b["title"] == "Svømning med Ida").filter_map(|b| b["start"].as_str()).collect();
    assert_eq!(swims, ["2026-03-24T17:00:00+01:00", "2026-03-31T17:00:00+02:00"]);
    // Other people's details never arrive.
    let text = serde_json::to_string(&week).expect("json");
    for field in ["description", "location", "attendee"] {
        assert!(!text.to_lowercase().contains(&format!("\"{field}\"")), "{field} in {text}");
    }

    let year_before = s.list_json("2026-01-01", "2026-12-31");
    let again = s.stdout_of(&["import-ics", &google]);
    assert_eq!(again.trim(), "Calendar \"Søren – privat\": 0 new, 0 changed, 27 unchanged, 0 removed.");
    assert_eq!(s.list_json("2026-01-01", "2026-12-31"), year_before, "the same rows, not twice as many");
    let calendars = s.stdout_of(&["calendars"]);
    assert!(calendars.starts_with("Søren – privat: 27 events"), "{calendars}");
}

#[test]
fn an_updated_export_updates_by_uid_and_dry_run_only_says_so() {
    let s = Scene::new();
    s.init();
    let first = s.dir.path().join("work.ics");
    let event = |uid: &str, day: &str, hour: &str| {
        format!("BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:Vagt\r\nDTSTART;TZID=Europe/Copenhagen:{day}T{hour}0000\r\nDURATION:PT8H\r\nEND:VEVENT\r\n")
    };
    let calendar = |events: &[String]| {
        format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Arbejde\r\n{}END:VCALENDAR\r\n", events.concat())
    };
    std::fs::write(
        &first,
        calendar(&[event("a", "20260602", "08"), event("b", "20260603", "08"), event("c", "20260604", "08")]),
    )
    .expect("write");
    s.stdout_of(&["import-ics", first.to_str().expect("utf-8 path")]);
    // The same file, later: a moved, c gone, d new.
    std::fs::write(
        &first,
        calendar(&[event("a", "20260602", "12"), event("b", "20260603", "08"), event("d", "20260605", "08")]),
    )
    .expect("write");
    let before = s.snapshot();
    let said = s.stdout_of(&["import-ics", "--dry-run", first.to_str().expect("path")]);
    assert!(said.contains("1 new, 1 changed, 1 unchanged and 1 removed"), "{said}");
    assert_eq!(s.snapshot(), before, "a dry run writes nothing");
    let said = s.stdout_of(&["import-ics", first.to_str().expect("path")]);
    assert!(said.contains("1 new, 1 changed, 1 unchanged, 1 removed"), "{said}");
    let starts: Vec<String> = s
        .list_json("2026-06-01", "2026-06-07")
        .iter()
        .map(|b| format!("{} {}", b["uid"].as_str().unwrap_or("?"), b["start"].as_str().unwrap_or("?")))
        .collect();
    assert_eq!(starts, ["a 2026-06-02T12:00:00+02:00", "b 2026-06-03T08:00:00+02:00", "d 2026-06-05T08:00:00+02:00"]);
}

#[test]
fn planning_over_imported_busy_time_warns_and_the_list_flags_it() {
    let s = Scene::new();
    s.init();
    let work = s.dir.path().join("vagter.ics");
    std::fs::write(
        &work,
        "BEGIN:VCALENDAR\r\nX-WR-CALNAME:Vagtplan\r\nBEGIN:VEVENT\r\nUID:v1\r\nSUMMARY:Vagt\r\n\
         DTSTART:20260602T060000Z\r\nDTEND:20260602T140000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:free\r\n\
         TRANSP:TRANSPARENT\r\nDTSTART;VALUE=DATE:20260603\r\nSUMMARY:Fødselsdag\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .expect("write");
    s.stdout_of(&["import-ics", work.to_str().expect("path")]);
    let out = s
        .at_now(&["plan", "visit", "--start", "2026-06-02T10:00", "--duration", "1h", "--area", "Gellerup"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("busy time in the calendar \"Vagtplan\" (2026-06-02 08:00–16:00)"), "{stderr}");
    // A free (transparent) all-day event does not clash.
    let out = s
        .at_now(&["plan", "visit", "--start", "2026-06-03T10:00", "--duration", "1h", "--area", "Gellerup"])
        .output()
        .expect("runs");
    assert!(out.status.success() && out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let items = s.list_json("2026-06-02", "2026-06-03");
    let visit = items.iter().find(|i| i["kind"] == "home_visit").expect("the visit");
    assert_eq!(visit["busy_conflicts"], serde_json::json!(["busy:Vagtplan:v1@"]));
    let table = s.stdout_of(&["list", "--from", "2026-06-02", "--to", "2026-06-03"]);
    assert!(table.contains("2026-06-02 08:00–16:00  busy  Vagt (Vagtplan)"), "{table}");
    assert!(table.contains("2026-06-03  all day  busy  Fødselsdag (Vagtplan)"), "{table}");
    assert!(table.lines().any(|l| l.contains("Gellerup") && l.ends_with('⚠')), "{table}");
    s.at_now(&["calendars", "--remove", "Vagtplan"]).assert().success();
    assert!(s.list_json("2026-06-02", "2026-06-03").iter().all(|i| i["kind"] != "busy"));
}

#[test]
fn a_tuesday_series_is_17_00_after_a_round_trip_through_export_and_import() {
    let s = Scene::new();
    s.init();
    s.at_now(&TUESDAY_SERIES).assert().success();
    let file = s.dir.path().join("nabo.ics");
    s.at_now(&["export-ics", "--out", file.to_str().expect("path")]).assert().success();
    let other = Scene::new();
    other.init();
    other.stdout_of(&["import-ics", file.to_str().expect("path")]);
    let busy: Vec<Value> =
        other.list_json("2026-01-01", "2026-12-31").into_iter().filter(|i| i["kind"] == "busy").collect();
    assert_eq!(busy.len(), 37);
    for b in &busy {
        let start = b["start"].as_str().unwrap_or_default();
        assert_eq!(start.get(11..16), Some("17:00"), "{start}");
        assert_eq!(b["end"].as_str().and_then(|e| e.get(11..16)), Some("19:00"));
    }
}

#[test]
fn bad_calendar_files_are_refused_naming_what_and_where_and_change_nothing() {
    let s = Scene::new();
    s.init();
    s.stdout_of(&["import-ics", &sample("good/outlook.ics")]);
    let cases = [
        ("bad/not-ical.ics", "is not a calendar file"),
        ("bad/empty.ics", "is not a calendar file"),
        ("bad/binary.ics", "is not a calendar file"),
        ("bad/truncated.ics", "ends in the middle of an event (VEVENT from line"),
    ];
    for (file, needle) in cases {
        let mut args = vec!["import-ics".to_string(), sample(file)];
        args.insert(0, "--lang=en".into());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let before = s.snapshot();
        let out = s.at_now(&args).output().expect("runs");
        let stderr = String::from_utf8(out.stderr).expect("utf-8");
        assert_eq!(out.status.code(), Some(65), "{file}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{file}: {stderr}");
        assert!(stderr.contains(needle) && stderr.contains("Nothing was imported"), "{file}: {stderr}");
        assert!(out.stdout.is_empty());
        assert_eq!(s.snapshot(), before, "{file} changed the database");
    }
    // A rule that repeats every second is capped, and said so, naming the UID and line.
    let out = s.at_now(&["import-ics", &sample("bad/huge-rrule.ics")]).output().expect("runs");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("The series every-second-forever@nabo.test (line 12) repeats too often"), "{stderr}");
}

/// Issue 15: a calendar with one odd entry is imported without it, and each thing left out,
/// guessed or ignored is one warning line (the dry run says the same and writes nothing); a
/// calendar in which no event can be read is still refused.
#[test]
fn a_calendar_with_bad_events_is_imported_without_them_saying_each() {
    let s = Scene::new();
    s.init();
    let cases = [
        (
            "tolerated/end-before-start.ics",
            2,
            "Left out: the event 2A4C6E8A-0C2E-4A6C-8E0A-2C4E6A8C0E2A (line 16) ends before it starts.",
        ),
        ("tolerated/unknown-tzid.ics", 3, "uses the time zone \"Mars/Olympus_Mons\", which Nabo does not know"),
        ("tolerated/after-end.ics", 1, "Line 14 is not part of the calendar and was ignored."),
    ];
    for (file, busy, warning) in cases {
        let before = s.snapshot();
        let dry = s.at_now(&["import-ics", &sample(file), "--dry-run"]).output().expect("runs");
        let dry_err = String::from_utf8_lossy(&dry.stderr).into_owned();
        assert!(dry.status.success() && dry_err.contains(warning), "{file}: {dry_err}");
        assert_eq!(s.snapshot(), before, "{file}: the dry run wrote");
        let out = s.at_now(&["import-ics", &sample(file), "--name", file]).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{file}: {stderr}");
        assert_eq!(stderr, dry_err, "{file}: the dry run says what the import says");
        assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("{busy} new")), "{file}");
    }
    // Nothing readable: refused, naming the first event's reason, and nothing changes.
    let dir = tempfile::tempdir().expect("temp dir");
    let all_bad = dir.path().join("all-bad.ics");
    std::fs::write(
        &all_bad,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260701T100000Z\r\n\
         DURATION:P999999999999999999W\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .expect("write");
    let before = s.snapshot();
    let out = s.at_now(&["import-ics", all_bad.to_str().expect("path")]).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(65), "{stderr}");
    assert!(stderr.contains("unreadable DURATION") && stderr.contains("Nothing was imported"), "{stderr}");
    assert_eq!(s.snapshot(), before);
}

/// Issue 15: more than ten bad events are summarised after ten lines.
#[test]
fn many_bad_events_are_summarised_after_ten_lines() {
    let s = Scene::new();
    s.init();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("many.ics");
    let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
    for i in 0..14 {
        text.push_str(&format!("BEGIN:VEVENT\r\nUID:bad-{i}\r\nDTSTART:2026-07-01\r\nEND:VEVENT\r\n"));
    }
    text.push_str("BEGIN:VEVENT\r\nUID:ok\r\nDTSTART:20260701T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    std::fs::write(&file, text).expect("write");
    let out = s.at_now(&["import-ics", file.to_str().expect("path")]).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stderr.lines().filter(|l| l.contains("Left out:")).count(), 10, "{stderr}");
    assert!(stderr.contains("… and 4 more like these."), "{stderr}");
}

#[test]
fn a_200_mb_calendar_is_refused_before_it_is_read() {
    let s = Scene::new();
    s.init();
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let huge = elsewhere.path().join("huge.ics");
    let file = std::fs::File::create(&huge).expect("create");
    std::io::Write::write_all(&mut &file, b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").expect("write");
    file.set_len(200 * 1024 * 1024).expect("200 MB");
    refused(
        &s,
        &["import-ics", huge.to_str().expect("path")],
        65,
        "is 200 MB; Nabo reads calendar files of at most 64 MB",
    );
}

#[test]
fn recording_counts_marks_the_visit_done_and_the_month_adds_them_up() {
    let s = Scene::new();
    s.init();
    let visit = s.plan_visit("2026-05-20T10:00", "1h").to_string();
    let said =
        s.stdout_of(&["record", &visit, "reached=3", "new=1", "gender.women=2", "gender.men=1", "topic.health=2"]);
    assert_eq!(
        said.trim(),
        format!("Counts recorded on appointment {visit}: 3 people reached, 1 new. The appointment is marked done.")
    );
    let may = s.list_json("2026-05-20", "2026-05-20");
    assert_eq!(may[0]["status"], "done");
    let stats: Value = serde_json::from_str(&s.stdout_of(&["stats", "--period", "2026-05", "--json"])).expect("json");
    assert_eq!(stats["recorded"], 1);
    assert_eq!(stats["totals"]["reached"], 3);
    assert_eq!(stats["totals"]["gender.women"], 2);
    assert_eq!(stats["totals"]["age.unknown"], 3, "a breakdown left out is all unknown");
    assert_eq!(stats["totals"]["topic.health"], 2);
    assert_eq!(stats["activities"], serde_json::json!([{ "kind": "home_visit", "status": "done", "count": 1 }]));
    // Correcting the counts replaces them and is logged; the text says so.
    let said = s.stdout_of(&["record", &visit, "reached=4", "new=1"]);
    assert!(said.contains("were corrected"), "{said}");
    let stats: Value = serde_json::from_str(&s.stdout_of(&["stats", "--period", "2026-05", "--json"])).expect("json");
    assert_eq!((stats["totals"]["reached"].as_u64(), stats["totals"]["gender.women"].as_u64()), (Some(4), Some(0)));
    let table = s.stdout_of(&["stats", "--period", "2026-05"]);
    assert!(table.contains("People reached: 4 (of whom new: 1) in 1 appointment with counts"), "{table}");
}

#[test]
fn a_series_meeting_gets_its_own_counts_and_a_much_larger_meeting_a_warning() {
    let s = Scene::new();
    s.init();
    let mut args = meeting_args("2026-05-05T17:00", "FREQ=WEEKLY;COUNT=4");
    args.extend(["--expected-size", "10"]);
    let out = s.at_now(&args).output().expect("runs");
    let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
    refused(&s, &["record", &id, "reached=4"], 65, "is a series");
    let out = s.at_now(&["record", &format!("{id}@2026-05-12"), "reached=55"]).output().expect("runs");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("55 people, many more than its usual 10"), "{stderr}");
    let statuses: Vec<String> = s
        .list_json("2026-05-01", "2026-05-31")
        .iter()
        .map(|m| m["status"].as_str().unwrap_or("?").to_string())
        .collect();
    assert_eq!(statuses, ["planned", "done", "planned", "planned"]);
}

#[test]
fn bad_counts_are_refused_naming_the_key_and_nothing_is_stored() {
    let s = Scene::new();
    s.init();
    let visit = s.plan_visit("2026-05-20T10:00", "1h").to_string();
    let future = s.plan_visit("2026-07-01T10:00", "1h").to_string();
    let cancelled = s.plan_visit("2026-05-21T10:00", "1h").to_string();
    s.nabo(&["cancel", &cancelled]).assert().success();
    let cases: [(&[&str], &str); 9] = [
        (&["reached=3", "gender.women=2"], "gender adds up to 2, but reached=3"),
        (&["reached=-2"], "reached=-2: a count is a whole number"),
        (&["reached=2", "gender.woman=2"], "gender.woman is not a key of the category scheme v1"),
        (&["reached=2", "new=5"], "new=5 is more than reached=2"),
        (&["reached=2", "topic.health=3"], "topic.health=3 is more than reached=2"),
        (&["reached=400"], "reached=400 is too many for the kind"),
        (&["new=1"], "reached=NUMBER"),
        (&["reached=2", "reached=3"], "reached is given twice"),
        (&["reached"], "must be written as key=number"),
    ];
    for (counts, needle) in cases {
        let mut args = vec!["record", visit.as_str()];
        args.extend_from_slice(counts);
        refused_at_now(&s, &args, needle);
    }
    refused_at_now(&s, &["record", &future, "reached=2"], "has not started yet");
    refused_at_now(&s, &["record", &cancelled, "reached=2"], "is cancelled");
    assert_eq!(s.list_json("2026-05-20", "2026-05-20")[0]["status"], "planned", "a refused record marks nothing done");
}

/// [`refused`] at [`NOW`], exit 65.
fn refused_at_now(scene: &Scene, args: &[&str], needle: &str) {
    refused_by(scene, scene.at_now(args), args, 65, needle);
}

#[test]
fn the_scheme_is_printed_with_its_keys_in_both_languages() {
    let s = Scene::new();
    s.init();
    let english = s.stdout_of(&["scheme"]);
    assert!(english.starts_with("Category scheme v1."), "{english}");
    assert!(english.contains("referral.soestre_mod_vold") && english.contains("Søstre mod vold og kontrol"));
    assert!(english.contains("Topics discussed (tally, each at most reached)"), "{english}");
    let danish = s.at_now(&["--lang", "da", "scheme"]).output().expect("runs");
    assert!(String::from_utf8_lossy(&danish.stdout).contains("Emner talt om"));
    let json: Value = serde_json::from_str(&s.stdout_of(&["scheme", "--json"])).expect("json");
    assert_eq!(json["version"], "v1");
    refused_at_now(&s, &["stats", "--period", "2026-13"], "is not a month");
}

#[test]
fn bad_input_personal_data_in_a_note_or_title_is_refused_naming_the_kind_not_the_data() {
    let s = Scene::new();
    s.init();
    let visit = |note: &'static str| {
        [
            "plan",
            "visit",
            "--start",
            "2026-12-01T10:00",
            "--duration",
            "1h",
            "--area",
            "Gellerup",
            "--household",
            "H-17",
            "--note",
            note,
        ]
    };
    // `refused` checks exit 65, one line on stderr and the folder unchanged byte for byte.
    refused(&s, &visit("ring til Fatima på 22 33 44 55"), 65, "\"Note\" seems to contain a phone number");
    refused(&s, &visit("cpr 010190-1234"), 65, "\"Note\" seems to contain a CPR number");
    refused(
        &s,
        &[
            "plan",
            "meeting",
            "--start",
            "2026-12-02T17:00",
            "--duration",
            "2h",
            "--venue",
            "Globus1",
            "--theme",
            "Sundhed",
            "--title",
            "Møde hos Amina, Søndergade 12",
        ],
        65,
        "\"Title\" seems to contain a street address",
    );
    for (note, data) in [("ring til Fatima på 22 33 44 55", "44 55"), ("cpr 010190-1234", "010190")] {
        for (lang, rephrase) in [("da", "Skriv det om uden personoplysninger"), ("en", "Rephrase it without")] {
            let out = s.nabo(&visit(note)).env("NABO_LANG", lang).output().expect("runs");
            let stderr = String::from_utf8(out.stderr).expect("utf-8");
            assert_eq!(out.status.code(), Some(65), "{stderr}");
            assert!(stderr.contains(rephrase), "{stderr}");
            assert!(!stderr.contains(data), "the message repeats the data: {stderr}");
        }
    }
    assert!(s.list_json("2026-12-01", "2026-12-31").is_empty());
}

#[test]
fn check_finds_personal_data_stored_before_the_guard_without_repeating_it() {
    let s = Scene::new();
    s.init();
    let id = s.plan_visit("2026-05-20T10:00", "1h");
    {
        // As an older Nabo (or a hand edit) could have left it.
        let conn = keyed(&s.db());
        conn.execute("UPDATE activities SET note = 'ring på 22 33 44 55' WHERE id = ?1", [id]).expect("update");
        // A first name with a digit, which an older Nabo took as a pseudonym.
        conn.execute("UPDATE activities SET household = 'Fatima1' WHERE id = ?1", [id]).expect("update");
    }
    let out = s.nabo(&["check"]).output().expect("runs");
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        stdout.contains(&format!("Appointment {id}: \"Note\" seems to contain a phone number or another long number.")),
        "{stdout}"
    );
    assert!(!stdout.contains("22 33"), "the number itself is not repeated: {stdout}");
    assert!(
        stdout.contains(&format!(
            "Appointment {id}: \"Household\" seems to contain a name instead of a code name like H-17."
        )),
        "{stdout}"
    );
    assert!(!stdout.contains("Fatima"), "the name itself is not repeated: {stdout}");
}
