//! Issue 10, items 2 and 8: counts stay with what took place, `ID@DATE` names one meeting for
//! good, and the CLI's contract holds for usage errors and odd count arguments.

use super::*;

/// A weekly Tuesday meeting from 5 May, six times (four have taken place at [`NOW`]); its id.
fn may_series(s: &Scene) -> String {
    s.stdout_of(&meeting_args("2026-05-05T17:00", "FREQ=WEEKLY;BYDAY=TU;COUNT=6")).trim().to_string()
}

fn reached(s: &Scene, period: &str) -> u64 {
    let stats: Value = serde_json::from_str(&s.stdout_of(&["stats", "--period", period, "--json"])).expect("json");
    stats["totals"]["reached"].as_u64().expect("a number")
}

#[test]
fn a_done_visit_with_counts_is_not_moved_into_the_future_nor_cancelled() {
    let s = Scene::new();
    s.init();
    let visit = s.plan_visit("2026-05-20T10:00", "1h").to_string();
    s.stdout_of(&["record", &visit, "reached=3", "new=1"]);
    for start in ["2027-01-12T10:00", "2026-06-01T14:30"] {
        refused_at_now(&s, &["move", &visit, "--start", start], "has counts recorded, so it can only be moved");
    }
    refused_at_now(&s, &["cancel", &visit], "has counts recorded and cannot be cancelled");
    assert_eq!(reached(&s, "2026-05"), 3, "the counts still count in May");
    assert_eq!(s.list_json("2026-05-20", "2026-05-20")[0]["status"], "done");
}

#[test]
fn a_done_visit_moved_to_another_day_that_has_come_takes_its_counts_to_that_month() {
    let s = Scene::new();
    s.init();
    let visit = s.plan_visit("2026-05-20T10:00", "1h").to_string();
    s.stdout_of(&["record", &visit, "reached=3"]);
    s.stdout_of(&["move", &visit, "--start", "2026-04-29T09:00"]);
    assert_eq!((reached(&s, "2026-04"), reached(&s, "2026-05")), (3, 0));
    let april = s.list_json("2026-04-29", "2026-04-29");
    assert_eq!(
        (april[0]["status"].as_str(), april[0]["end"].as_str()),
        (Some("done"), Some("2026-04-29T10:00:00+02:00"))
    );
    // Correcting the counts afterwards corrects them, it does not add a second record.
    assert!(s.stdout_of(&["record", &visit, "reached=4"]).contains("were corrected"));
    assert_eq!(reached(&s, "2026-04"), 4);
}

#[test]
fn counts_removed_on_purpose_free_the_visit_to_be_cancelled() {
    let s = Scene::new();
    s.init();
    let visit = s.plan_visit("2026-05-20T10:00", "1h").to_string();
    s.stdout_of(&["record", &visit, "reached=3"]);
    let said = s.stdout_of(&["record", &visit, "--remove"]);
    assert!(said.contains("were removed"), "{said}");
    assert_eq!(reached(&s, "2026-05"), 0);
    s.stdout_of(&["cancel", &visit]);
    assert_eq!(s.list_json("2026-05-20", "2026-05-20")[0]["status"], "cancelled");
    assert!(s.stdout_of(&["record", &visit, "--remove"]).contains("has no counts"));
    // Counts and --remove together are a usage error.
    refused(&s, &["record", &visit, "reached=2", "--remove"], 2, "cannot be used with");
}

#[test]
fn a_meeting_keeps_its_name_when_moved_and_its_counts_cannot_be_skipped_away() {
    let s = Scene::new();
    s.init();
    let id = may_series(&s);
    let (twelfth, nineteenth) = (format!("{id}@2026-05-12"), format!("{id}@2026-05-19"));
    // The meeting of 12 May took place on 19 May at 10:00, before that day's own meeting.
    s.stdout_of(&["move", &twelfth, "--start", "2026-05-19T10:00"]);
    s.stdout_of(&["record", &twelfth, "reached=7"]);
    // ID@DATE names the meeting by its own day: the 19th is the 19 May meeting, not the one moved there.
    s.stdout_of(&["skip", &nineteenth]);
    let may = s.list_json("2026-05-01", "2026-05-31");
    let shown: Vec<(&str, &str, &str)> = may
        .iter()
        .map(|m| {
            (
                m["occurrence"].as_str().unwrap_or("-"),
                m["start"].as_str().unwrap_or("-"),
                m["status"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("2026-05-05T17:00:00+02:00", "2026-05-05T17:00:00+02:00", "planned"),
            ("2026-05-12T17:00:00+02:00", "2026-05-19T10:00:00+02:00", "done"),
            ("2026-05-26T17:00:00+02:00", "2026-05-26T17:00:00+02:00", "planned"),
        ]
    );
    // The moved meeting cannot be skipped, cancelled or marked planned while it has counts.
    refused_at_now(&s, &["skip", &twelfth], "cannot be taken out of the series");
    refused_at_now(&s, &["cancel", &twelfth], "cannot be cancelled");
    refused_at_now(
        &s,
        &["move", &twelfth, "--start", "2026-06-09T10:00"],
        "can only be moved to a time that has begun",
    );
    // With the 19th's own meeting skipped, that day names the meeting moved onto it.
    assert!(s.stdout_of(&["record", &nineteenth, "reached=8"]).contains("were corrected"));
    assert_eq!(reached(&s, "2026-05"), 8);
    // The table names each meeting as commands take it.
    let table = s.stdout_of(&["list", "--from", "2026-05-19", "--to", "2026-05-19"]);
    assert!(table.trim_start().starts_with(&format!("{twelfth}  2026-05-19 10:00–12:00")), "{table}");
}

#[test]
fn cancelling_a_series_keeps_its_counted_meetings_done_and_counted() {
    let s = Scene::new();
    s.init();
    let id = may_series(&s);
    s.stdout_of(&["record", &format!("{id}@2026-05-05"), "reached=5"]);
    s.stdout_of(&["cancel", &id]);
    let statuses: Vec<String> = s
        .list_json("2026-05-01", "2026-06-30")
        .iter()
        .map(|m| m["status"].as_str().unwrap_or("?").to_string())
        .collect();
    assert_eq!(statuses, ["done", "cancelled", "cancelled", "cancelled", "cancelled", "cancelled"]);
    assert_eq!(reached(&s, "2026-05"), 5);
}

#[test]
fn a_series_change_that_would_drop_a_counted_meeting_is_refused() {
    let s = Scene::new();
    s.init();
    let id = may_series(&s);
    s.stdout_of(&["record", &format!("{id}@2026-05-12"), "reached=5"]);
    // Moving the whole series to Wednesdays would leave the 12 May counts on no meeting.
    refused_at_now(&s, &["move", &id, "--start", "2026-05-06T17:00"], "counts recorded on its meeting of 2026-05-12");
    // A move to another time of the same days keeps every meeting: allowed, and the meeting that
    // took place keeps its mark, its time and its counts.
    s.stdout_of(&["move", &id, "--start", "2026-05-05T16:00"]);
    assert_eq!(reached(&s, "2026-05"), 5);
    let may = s.list_json("2026-05-01", "2026-05-31");
    let shown: Vec<(&str, &str)> =
        may.iter().map(|m| (m["start"].as_str().unwrap_or("-"), m["status"].as_str().unwrap_or("-"))).collect();
    assert_eq!(
        shown,
        [
            ("2026-05-05T16:00:00+02:00", "planned"),
            ("2026-05-12T17:00:00+02:00", "done"),
            ("2026-05-19T16:00:00+02:00", "planned"),
            ("2026-05-26T16:00:00+02:00", "planned"),
        ]
    );
    // It is still named by its day, and its counts are found there.
    assert!(s.stdout_of(&["record", &format!("{id}@2026-05-12"), "reached=6"]).contains("were corrected"));
}

#[test]
fn usage_errors_are_one_line_on_stderr_and_change_nothing() {
    let s = Scene::new();
    s.init();
    let cases: [(&[&str], &str); 6] = [
        (&["plan", "visit"], "required arguments were not provided"),
        (&["frobnicate"], "unrecognized subcommand 'frobnicate'"),
        (&["cancel", "abc"], "the id must be a whole number, e.g. 12 or 12@2026-12-01"),
        (&["cancel", "1@soon"], "the day after @ must be a date written YYYY-MM-DD"),
        (&["list", "--bogus"], "unexpected argument '--bogus'"),
        (&["record", "1"], "required arguments were not provided"),
    ];
    for (args, needle) in cases {
        refused(&s, args, 2, needle);
    }
    // Terminal escapes typed into an argument do not reach the terminal.
    let out = s.nabo(&["cancel", "\u{1b}[2J1"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains('\u{1b}'));
    // Help is not an error.
    let help = s.nabo(&["--help"]).output().expect("runs");
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage: nabo"));
}

#[test]
fn odd_count_arguments_say_what_is_wrong_without_repeating_what_was_typed() {
    let s = Scene::new();
    s.init();
    let visit = s.plan_visit("2026-05-20T10:00", "1h").to_string();
    refused_at_now(&s, &["record", &visit, "=3"], "Count number 1 must be written as key=number");
    refused_at_now(&s, &["record", &visit, "reached=2", " =1"], "Count number 2 must be written as key=number");
    // A key that is no key is not repeated: it may be an escape sequence or a name.
    for odd in ["\u{1b}[31mreached=3", "Fatima Hansen=1"] {
        let out = s.at_now(&["record", &visit, "reached=2", odd]).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(65), "{stderr}");
        assert!(stderr.contains("… is not a key"), "{stderr}");
        assert!(!stderr.contains('\u{1b}') && !stderr.contains("Fatima"), "{stderr}");
    }
    refused_at_now(&s, &["record", &visit, "reached=99999999999999999999999"], "reached=…: a count is a whole number");
}
