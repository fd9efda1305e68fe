//! `nabo backup`, `backups`, `restore` and `erase` (issue 14, parts 3 and 7), on real files.

use std::path::PathBuf;
use std::process::Stdio;

use crate::Scene;

/// The regular files directly in `dir` with their bytes (folders left out).
fn files_of(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry"))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).expect("read")))
        .collect();
    files.sort();
    files
}

fn stdout_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// The path `nabo backup` printed: "Backup written to PATH (…".
fn written_path(stdout: &str) -> PathBuf {
    let rest = stdout.split("Backup written to ").nth(1).expect("says where");
    PathBuf::from(rest.split(" (").next().expect("a path"))
}

impl Scene {
    fn plan_note(&self, start: &str, household: &str, note: &str) {
        self.nabo(&[
            "plan",
            "visit",
            "--start",
            start,
            "--duration",
            "1h",
            "--area",
            "Gellerup",
            "--household",
            household,
            "--note",
            note,
        ])
        .assert()
        .success();
    }

    fn count(&self) -> usize {
        self.list_json("2026-01-01", "2027-12-31").len()
    }
}

#[test]
fn a_backup_restores_what_was_there_and_keeps_what_it_replaced() {
    let s = Scene::new();
    s.init();
    s.plan_note("2026-12-07T10:00", "HX-4711", "Taler om skolen");
    s.plan_note("2026-12-08T10:00", "HX-4712", "Taler om skolen");

    let out = s.nabo(&["backup"]).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let automatic = written_path(&stdout_of(&out));
    assert!(automatic.starts_with(s.dir.path().join("backups")), "{automatic:?}");
    let chosen = s.dir.path().join("to-the-stick.nabo");
    s.nabo(&["backup", "--out", chosen.to_str().expect("utf-8")]).assert().success();
    for file in [&automatic, &chosen] {
        let bytes = std::fs::read(file).expect("read backup");
        assert!(!bytes.starts_with(b"SQLite format 3"), "{file:?} is plain SQLite");
        for word in ["HX-4711", "Gellerup", "skolen"] {
            assert!(!contains(&bytes, word), "{word} readable in {file:?}");
        }
    }
    let listed = stdout_of(&s.nabo(&["backups"]).output().expect("runs"));
    assert!(listed.contains(automatic.to_str().expect("utf-8")), "{listed}");

    s.plan_note("2026-12-09T10:00", "HX-4713", "Ny aftale");
    assert_eq!(s.count(), 3);
    let out = s.nabo(&["restore", chosen.to_str().expect("utf-8")]).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = stdout_of(&out);
    assert!(said.contains("holds 2 activities"), "{said}");
    assert_eq!(s.count(), 2, "back to the backup");
    s.nabo(&["check"]).assert().success();

    // What the restore replaced was kept first: restoring that brings the third visit back.
    let kept = said.split("kept as a backup: ").nth(1).expect("names the copy").trim().to_string();
    s.nabo(&["restore", &kept]).assert().success();
    assert_eq!(s.count(), 3);
}

#[test]
fn every_refused_restore_says_why_and_changes_nothing() {
    let s = Scene::new();
    s.init();
    s.plan_note("2026-12-07T10:00", "HX-4711", "Note");
    let backup = s.dir.path().join("b.nabo");
    s.nabo(&["backup", "--out", backup.to_str().expect("utf-8")]).assert().success();
    s.plan_note("2026-12-08T10:00", "HX-4712", "Note");

    let damaged = s.dir.path().join("damaged.nabo");
    let mut bytes = std::fs::read(&backup).expect("read");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    std::fs::write(&damaged, bytes).expect("write");
    let text = s.dir.path().join("notes.txt");
    std::fs::write(&text, "not a backup\n").expect("write");
    let missing = s.dir.path().join("missing.nabo");

    for (file, passphrase, says) in [
        (&damaged, None, "is damaged"),
        (&text, None, "is not a Nabo backup"),
        (&missing, None, "no such file"),
        (&backup, Some("another passphrase"), "does not open with this key"),
    ] {
        let before = files_of(s.dir.path());
        let mut cmd = s.nabo(&["restore", file.to_str().expect("utf-8")]);
        if let Some(p) = passphrase {
            cmd.env("NABO_PASSPHRASE", p);
        }
        let out = cmd.output().expect("runs");
        assert!(!out.status.success(), "{file:?} restored");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says) && err.lines().count() == 1, "{file:?}: {err}");
        assert!(err.contains(file.file_name().and_then(|n| n.to_str()).expect("name")), "{err}");
        // (The backup of the database as it was, made before a restore, goes to backups/.)
        assert!(files_of(s.dir.path()) == before, "{file:?} changed the folder");
        assert_eq!(s.count(), 2);
    }
}

#[test]
fn a_restore_from_a_backup_taken_while_writing_holds_everything_before_it() {
    let s = Scene::new();
    s.init();
    // Another nabo plans 40 visits, one command each, while backups are written beside it.
    let db = s.db();
    let writer = {
        let mut script = String::new();
        for n in 0..40 {
            script.push_str(&format!(
                "\"$NABO\" --db \"$DB\" plan visit --start 2026-12-{:02}T{:02}:00 --duration 30m --area Gellerup --household HX-{} >/dev/null || exit 1\n",
                1 + n % 28,
                8 + n / 28 * 2,
                5000 + n
            ));
        }
        std::process::Command::new("sh")
            .arg("-c")
            .arg(script)
            .env("NABO", assert_cmd::cargo::cargo_bin("nabo"))
            .env("DB", &db)
            .env("NABO_PASSPHRASE", crate::PASSPHRASE)
            .env_remove("NABO_DB")
            .stdout(Stdio::null())
            .spawn()
            .expect("writer starts")
    };
    let mut backups = Vec::new();
    for i in 0..4 {
        let before = s.count();
        let file = s.dir.path().join(format!("during-{i}.nabo"));
        s.nabo(&["backup", "--out", file.to_str().expect("utf-8")]).assert().success();
        backups.push((file, before));
    }
    let mut writer = writer;
    assert!(writer.wait().expect("writer ends").success());
    let mut helds = Vec::new();
    for (file, before) in backups {
        let restored = Scene::new();
        let out = restored.nabo(&["restore", file.to_str().expect("utf-8")]).output().expect("runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        restored.nabo(&["check"]).assert().success();
        let held = restored.count();
        assert!(held >= before && held <= 40, "{file:?} holds {held}; {before} were planned before it began");
        helds.push(held);
    }
    assert!(helds.iter().any(|&held| held < 40), "no backup was taken while the other nabo wrote: {helds:?}");
}

#[test]
fn a_damaged_database_is_found_by_check_which_names_the_newest_backup_to_restore() {
    let s = Scene::new();
    s.init();
    for day in 1..=20 {
        s.plan_note(&format!("2026-12-{day:02}T10:00"), &format!("HX-{}", 4700 + day), "En note om besøget");
    }
    s.nabo(&["backup"]).assert().success();
    let newest = written_path(&stdout_of(&s.nabo(&["backup"]).output().expect("runs")));
    // A byte changed in the middle of the database (every command above closed it whole).
    let mut bytes = std::fs::read(s.db()).expect("read");
    let middle = bytes.len() / 2 + 100;
    bytes[middle] ^= 0x55;
    std::fs::write(s.db(), bytes).expect("write");

    let out = s.nabo(&["check"]).output().expect("runs");
    assert!(!out.status.success());
    let said = stdout_of(&out);
    assert!(said.contains(&format!("nabo restore \"{}\"", newest.display())), "{said}");
    s.nabo(&["restore", newest.to_str().expect("utf-8")]).assert().success();
    s.nabo(&["check"]).assert().success();
    assert_eq!(s.count(), 20);
}

#[test]
fn erase_removes_the_database_its_backups_and_the_live_calendar_and_lists_them() {
    let s = Scene::new();
    s.init();
    let live = s.dir.path().join("phone").join("nabo.ics");
    std::fs::create_dir_all(live.parent().expect("folder")).expect("folder");
    s.nabo(&["settings", "set", "live-calendar", live.to_str().expect("utf-8")]).assert().success();
    s.plan_note("2026-12-07T10:00", "HX-4711", "Note");
    let chosen = s.dir.path().join("stick.nabo");
    s.nabo(&["backup", "--out", chosen.to_str().expect("utf-8")]).assert().success();
    let automatic = written_path(&stdout_of(&s.nabo(&["backup"]).output().expect("runs")));
    let unrelated = s.dir.path().join("my-letter.txt");
    std::fs::write(&unrelated, "kept").expect("write");
    assert!(live.exists() && chosen.exists() && automatic.exists());

    // Without --yes: a usage error, and nothing is removed.
    let before = files_of(s.dir.path());
    s.nabo(&["erase"]).assert().code(2);
    assert!(files_of(s.dir.path()) == before, "erase without --yes changed the folder");

    let out = s.nabo(&["erase", "--yes"]).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = stdout_of(&out);
    for gone in [&s.db(), &live, &chosen, &automatic] {
        assert!(!gone.exists(), "{gone:?} is still there");
        assert!(said.contains(&format!("Removed {}", gone.display())), "{gone:?} not listed: {said}");
    }
    assert!(unrelated.exists(), "a file Nabo did not make was removed");
    assert!(!s.dir.path().join("backups").exists(), "the emptied backup folder stays");
    s.nabo(&["list"]).assert().failure();
    // A second erase finds nothing, and says so.
    let again = stdout_of(&s.nabo(&["erase", "--yes"]).output().expect("runs"));
    assert!(again.contains("nothing to erase"), "{again}");
}
