//! Hostile calendar files (issue 10, items 5 and 6): a budget on the work of a whole file,
//! repeated warnings summarised, and only ordinary files read, never more than 64 MB.

use super::*;

/// A calendar file of `events` in the scene's folder's sibling (so the snapshot only sees the database).
fn calendar_file(dir: &Path, name: &str, events: &str) -> String {
    let path = dir.join(name);
    let text = format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Fjendtlig\r\n{events}END:VCALENDAR\r\n");
    std::fs::write(&path, text).expect("write");
    path.to_str().expect("utf-8 path").to_string()
}

fn events(count: usize, event: impl Fn(usize) -> String) -> String {
    (0..count).map(event).collect()
}

/// `import-ics FILE` at NOW: refused with `needle`, one line, nothing changed.
fn import_refused(s: &Scene, file: &str, needle: &str) {
    let args = ["import-ics", file];
    refused_by(s, s.at_now(&args), &args, 65, needle);
}

fn busy_count(s: &Scene, from: &str, to: &str) -> usize {
    s.list_json(from, to).iter().filter(|i| i["kind"] == "busy").count()
}

#[test]
fn ten_thousand_daily_series_are_refused_at_the_file_budget_naming_where() {
    let s = Scene::new();
    s.init();
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let daily = |i: usize| {
        format!("BEGIN:VEVENT\r\nUID:daily-{i}\r\nDTSTART:20260101T080000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n")
    };
    // 1.1 MB; each series alone is within its own cap, together they are 20 million rows.
    let file = calendar_file(elsewhere.path(), "daily.ics", &events(10_000, daily));
    // 2026-01-01 .. 2028-06-01 is 883 days: the 114th series (daily-113, line 4 + 113 × 6) runs out.
    import_refused(&s, &file, "has more than 100000 events and occurrences");
    import_refused(&s, &file, "stopped at the event daily-113 (line 682). Nothing was imported.");
    // Imported before, a calendar is left as it was by a refused file of the same name.
    let fine = calendar_file(elsewhere.path(), "fine.ics", &events(3, daily));
    s.stdout_of(&["import-ics", &fine]);
    assert_eq!(busy_count(&s, "2026-06-01", "2026-06-07"), 21);
    import_refused(&s, &file, "has more than 100000 events");
    assert_eq!(busy_count(&s, "2026-06-01", "2026-06-07"), 21);
}

#[test]
fn rules_that_never_match_are_refused_at_the_step_budget() {
    let s = Scene::new();
    s.init();
    let elsewhere = tempfile::tempdir().expect("temp dir");
    for (name, rule) in [
        ("feb30.ics", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"),
        ("apr31.ics", "FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31"),
        // Before the budget, one of these stepped hour by hour to the year 10,000 (26 s each).
        ("setpos.ics", "FREQ=HOURLY;BYSETPOS=2"),
        ("minutely.ics", "FREQ=MINUTELY;BYSETPOS=2"),
    ] {
        let never = |i: usize| {
            format!("BEGIN:VEVENT\r\nUID:never-{i}\r\nDTSTART:20260101T080000Z\r\nRRULE:{rule}\r\nEND:VEVENT\r\n")
        };
        let file = calendar_file(elsewhere.path(), name, &events(1_000, never));
        // 50 fruitless searches of 200,000 steps fill the 10,000,000: the 51st (line 4 + 50 × 5) is refused.
        import_refused(
            &s,
            &file,
            "take too much work to expand (more than 10000000 steps). Nabo stopped at the event never-50 (line 254)",
        );
    }
    // A few such rules beside real events are only empty series: the file imports.
    let mixed = events(20, |i| {
        format!(
            "BEGIN:VEVENT\r\nUID:never-{i}\r\nDTSTART:20260101T080000Z\r\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\r\nEND:VEVENT\r\n"
        )
    }) + "BEGIN:VEVENT\r\nUID:real\r\nDTSTART:20260602T080000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\n";
    let file = calendar_file(elsewhere.path(), "mixed.ics", &mixed);
    let said = s.stdout_of(&["import-ics", &file]);
    assert!(said.contains("1 new"), "{said}");
}

#[test]
fn a_hundred_thousand_duplicate_uids_are_summarised_in_a_few_lines() {
    let s = Scene::new();
    s.init();
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let same = |i: usize| {
        format!(
            "BEGIN:VEVENT\r\nUID:same\r\nDTSTART:20260602T{:02}{:02}00Z\r\nDURATION:PT1M\r\nEND:VEVENT\r\n",
            (i / 60) % 24,
            i % 60
        )
    };
    let file = calendar_file(elsewhere.path(), "dupes.ics", &events(100_000, same));
    let out = s.at_now(&["import-ics", &file]).output().expect("runs");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(out.status.success(), "{stderr}");
    // Ten named, then one line for the other 99,989 (not 99,999 lines).
    assert_eq!(stderr.lines().count(), 11, "{stderr}");
    assert!(stderr.lines().all(|l| l.starts_with("nabo: ")), "{stderr}");
    assert!(stderr.contains("The event same (line 9) appears twice"), "{stderr}");
    assert!(stderr.ends_with("nabo: … and 99989 more events with a UID already seen were skipped.\n"), "{stderr}");
    assert_eq!(busy_count(&s, "2026-06-02", "2026-06-02"), 1, "the first was kept");
}

#[test]
fn many_series_cut_at_their_own_cap_are_imported_and_summarised() {
    let s = Scene::new();
    s.init();
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let minutely = |i: usize| {
        format!("BEGIN:VEVENT\r\nUID:min-{i}\r\nDTSTART:20260601T000000Z\r\nRRULE:FREQ=MINUTELY\r\nEND:VEVENT\r\n")
    };
    let file = calendar_file(elsewhere.path(), "minutely.ics", &events(12, minutely));
    let out = s.at_now(&["import-ics", &file]).output().expect("runs");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(out.status.success(), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("24000 new"), "{:?}", out.stdout);
    assert_eq!(stderr.lines().count(), 11, "{stderr}");
    assert!(stderr.contains("The series min-0 (line 4) repeats too often; only 2000 of its occurrences"), "{stderr}");
    assert!(stderr.ends_with("… and 2 more series that repeat too often were cut short the same way.\n"), "{stderr}");
    // 2,000 minutes from midnight: each series reaches 09:19 on 2 June.
    assert_eq!(busy_count(&s, "2026-06-01", "2026-06-02"), 24_000);
}

#[test]
fn a_busy_real_calendar_still_imports_in_full() {
    let s = Scene::new();
    s.init();
    let elsewhere = tempfile::tempdir().expect("temp dir");
    // Five years of weekly meetings (300 series, half of them ended), ten daily shifts, 2,000 one-offs.
    let weekly = events(300, |i| {
        let end = if i % 2 == 0 { ";UNTIL=20270101T000000Z" } else { "" };
        format!(
            "BEGIN:VEVENT\r\nUID:w{i}\r\nDTSTART:2022{:02}{:02}T{:02}0000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY{end}\r\nEND:VEVENT\r\n",
            1 + i % 12,
            1 + i % 28,
            6 + i % 12
        )
    });
    let daily = events(10, |i| {
        format!("BEGIN:VEVENT\r\nUID:d{i}\r\nDTSTART:20250101T0{i}0000Z\r\nDURATION:PT30M\r\nRRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR\r\nEND:VEVENT\r\n")
    });
    let one_offs = events(2_000, |i| {
        format!(
            "BEGIN:VEVENT\r\nUID:o{i}\r\nDTSTART:2026{:02}{:02}T120000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\n",
            1 + i % 12,
            1 + i % 28
        )
    });
    let file = calendar_file(elsewhere.path(), "work.ics", &format!("{weekly}{daily}{one_offs}"));
    let out = s.at_now(&["import-ics", &file]).output().expect("runs");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("repeats too often"), "{stderr}");
    // A week of 2027 (no one-offs): the 150 open-ended series and five days of ten shifts.
    assert_eq!(busy_count(&s, "2027-06-07", "2027-06-13"), 150 + 50);
    // Nothing was cut: the whole window holds what the import said it added, and that is many.
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let added: usize = stdout.split_once(": ").and_then(|(_, r)| r.split(' ').next()?.parse().ok()).unwrap_or(0);
    assert!(added > 40_000, "{stdout}");
    assert_eq!(busy_count(&s, "2025-05-01", "2028-06-30"), added, "{stdout}");
}

#[test]
fn what_is_not_an_ordinary_file_is_refused_without_reading() {
    let s = Scene::new();
    s.init();
    let elsewhere = tempfile::tempdir().expect("temp dir");
    // /dev/zero says it is empty and never ends.
    import_refused(&s, "/dev/zero", "/dev/zero is not an ordinary file but a device.");
    // A folder.
    let folder = elsewhere.path().display().to_string();
    import_refused(&s, &folder, "is not an ordinary file but a folder.");
    // A FIFO nobody writes to: opening it must not wait for a writer.
    let fifo = elsewhere.path().join("calendar.ics");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    import_refused(&s, fifo.to_str().expect("path"), "calendar.ics is not an ordinary file but a named pipe.");
    // Standard input, by name and as a pipe.
    import_refused(&s, "-", "- is not an ordinary file but standard input.");
    let args = ["import-ics", "/dev/stdin"];
    let mut piped = s.at_now(&args);
    piped.write_stdin("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    refused_by(&s, piped, &args, 65, "/dev/stdin is not an ordinary file but a named pipe.");
    // /dev/stdin that is an ordinary file is read like one.
    let real = calendar_file(
        elsewhere.path(),
        "real.ics",
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260602T080000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\n",
    );
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("nabo"))
        .env_remove("NABO_DB")
        .env("NABO_PASSPHRASE", crate::PASSPHRASE)
        .env("NABO_LANG", "en")
        .env("NABO_NOW", NOW)
        .arg("--db")
        .arg(s.db())
        .args(["import-ics", "/dev/stdin"])
        .stdin(std::fs::File::open(&real).expect("open"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(busy_count(&s, "2026-06-02", "2026-06-02"), 1);
}

#[test]
fn the_byte_cap_is_exact_and_counts_what_is_read() {
    let s = Scene::new();
    s.init();
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let sized = |name: &str, len: u64| {
        let path = elsewhere.path().join(name);
        let file = std::fs::File::create(&path).expect("create");
        std::io::Write::write_all(&mut &file, b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").expect("write");
        file.set_len(len).expect("size");
        path.to_str().expect("path").to_string()
    };
    let limit = 64 * 1024 * 1024;
    // One byte over: refused for its size.
    import_refused(&s, &sized("over.ics", limit + 1), "is 65 MB; Nabo reads calendar files of at most 64 MB");
    // Exactly the limit: read (and then refused for what it holds, not for its size).
    let at = sized("at.ics", limit);
    let args = ["import-ics", at.as_str()];
    let out = s.at_now(&args).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(65), "{stderr}");
    assert!(!stderr.contains("MB"), "not refused for its size: {stderr}");
}
