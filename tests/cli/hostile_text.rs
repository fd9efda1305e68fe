//! Issue 10, items 7 and 9: dates, times and repeat rules outside what Nabo plans, and
//! hostile text (terminal escapes, invisible and direction-changing characters) in every
//! free-text field. Each refusal goes through `refused`: exit 65, one line on stderr naming
//! what was wrong, nothing on stdout, the database folder unchanged byte for byte.

use super::*;

/// `plan visit` at `start` for `duration` with a valid area and household.
fn visit<'a>(start: &'a str, duration: &'a str) -> Vec<&'a str> {
    vec!["plan", "visit", "--start", start, "--duration", duration, "--area", "Gellerup", "--household", "H-17"]
}

/// `plan meeting` on Tuesday 1 December 2026 with `rule`.
fn meeting(rule: &str) -> Vec<&str> {
    meeting_args("2026-12-01T17:00", rule)
}

/// Runs `args` (which must succeed) and returns stdout.
fn ok(s: &Scene, args: &[&str]) -> String {
    let out = s.nabo(args).output().expect("runs");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

// Item 7: dates and times.

#[test]
fn item_7_times_outside_2000_to_2100_are_refused_naming_start_or_end() {
    let s = Scene::new();
    s.init();
    let years = "Nabo plans in the years 2000 to 2100 only";
    refused(&s, &visit("9999-12-31T23:30", "8h"), 65, &format!("Time: {years}"));
    refused(&s, &visit("1999-12-31T23:00", "30m"), 65, &format!("Time: {years}"));
    refused(&s, &visit("-0001-06-01T10:00", "1h"), 65, &format!("Time: {years}"));
    refused(&s, &visit("0000-06-01T10:00", "1h"), 65, &format!("Time: {years}"));
    // The start is in 2100, but eight hours later is 2101.
    refused(&s, &visit("2100-12-31T23:30", "8h"), 65, &format!("End time: {years}"));
    // The edges are inside.
    s.plan_visit("2000-01-01T10:00", "1h");
    s.plan_visit("2100-12-31T23:00", "1h");
    let last = s.list_json("2100-12-31", "2100-12-31");
    assert_eq!(last[0]["end"], "2101-01-01T00:00:00+01:00");
}

#[test]
fn item_7_seconds_are_refused_not_read() {
    let s = Scene::new();
    s.init();
    for start in ["2026-12-01T10:00:60", "2026-12-01T10:00:00", "2026-12-01 10:00:59"] {
        refused(&s, &visit(start, "1h"), 65, "is not a date and time. Write e.g. 2026-12-01T10:00");
    }
    // A space instead of T is still read.
    s.plan_visit("2026-12-01 10:00", "1h");
    assert_eq!(s.list_json("2026-12-01", "2026-12-01")[0]["start"], "2026-12-01T10:00:00+01:00");
}

#[test]
fn item_7_a_move_outside_the_years_is_refused() {
    let s = Scene::new();
    s.init();
    let id = s.plan_visit("2026-12-01T10:00", "1h").to_string();
    let years = "Nabo plans in the years 2000 to 2100 only";
    refused(&s, &["move", &id, "--start", "2101-01-01T10:00"], 65, &format!("Time: {years}"));
    refused(&s, &["move", &id, "--start", "1969-07-20T21:17"], 65, &format!("Time: {years}"));
    refused(&s, &["move", &id, "--start", "2100-12-31T23:30", "--duration", "8h"], 65, &format!("End time: {years}"));
    refused(&s, &["move", &id, "--start", "2026-12-01T11:00:60"], 65, "is not a date and time");
}

#[test]
fn item_7_dates_to_list_export_and_stats_are_kept_to_the_same_years() {
    let s = Scene::new();
    s.init();
    s.plan_visit("2026-12-01T10:00", "1h");
    let years = "Nabo plans in the years 2000 to 2100 only";
    refused(&s, &["list", "--from", "-0001-01-01", "--to", "-0001-01-07"], 65, &format!("From: {years}"));
    refused(&s, &["list", "--from", "2100-12-01", "--to", "2101-01-01"], 65, &format!("To: {years}"));
    refused(&s, &["list", "--from", "1999-12-31"], 65, &format!("From: {years}"));
    let out = s.dir.path().join("kalender.ics");
    let out = out.to_str().expect("utf-8 path");
    refused(&s, &["export-ics", "--out", out, "--from", "9999-12-01"], 65, &format!("From: {years}"));
    refused(&s, &["export-ics", "--out", out, "--to", "1900-01-01"], 65, &format!("To: {years}"));
    refused(&s, &["stats", "--period", "1999-12"], 65, &format!("Month: {years}"));
    refused(&s, &["stats", "--period", "2101-01"], 65, &format!("Month: {years}"));
    // What is typed is echoed for an unreadable date, but never a terminal escape.
    refused(&s, &["list", "--from", "2026-12-01\u{1b}[2J"], 65, "\"2026-12-01 [2J\" is not a date");
    refused(
        &s,
        &visit("2026-12-01T10:00\u{1b}]0;x\u{7}", "1h"),
        65,
        "\"2026-12-01T10:00 ]0;x\" is not a date and time",
    );
    assert_eq!(s.list_json("2100-12-01", "2100-12-31").len(), 0, "the last year can be listed");
}

#[test]
fn item_7_count_with_until_is_refused() {
    let s = Scene::new();
    s.init();
    let said = "A repeat ends after a number of meetings (COUNT) or on a date (UNTIL), not both";
    refused(&s, &meeting("FREQ=WEEKLY;COUNT=4;UNTIL=20261231"), 65, said);
    refused(&s, &meeting("FREQ=WEEKLY;UNTIL=20261231T230000Z;COUNT=4"), 65, said);
}

#[test]
fn item_7_an_interval_of_zero_is_told_as_such_not_as_an_end_date() {
    let s = Scene::new();
    s.init();
    for (rule, value) in
        [("FREQ=WEEKLY;INTERVAL=0", "0"), ("FREQ=WEEKLY;INTERVAL=-2", "-2"), ("FREQ=DAILY;INTERVAL=x", "x")]
    {
        refused(
            &s,
            &meeting(rule),
            65,
            &format!("The repeat interval (INTERVAL) must be a whole number from 1 up, not \"{value}\""),
        );
    }
}

#[test]
fn item_7_a_huge_byday_list_is_refused_and_repeated_values_are_made_canonical() {
    let s = Scene::new();
    s.init();
    let huge = format!("FREQ=WEEKLY;BYDAY={}", vec!["TU"; 1500].join(","));
    refused(&s, &meeting(&huge), 65, "\"Repeat\" is too long (4517 characters). At most 200.");
    refused(&s, &meeting("FREQ=WEEKLY;UNTIL=21010101"), 65, "Repeat: Nabo plans in the years 2000 to 2100 only");
    // A few repeated values mean the same set: stored once each.
    ok(&s, &meeting("FREQ=WEEKLY;BYDAY=TU,TU,TH,TU;COUNT=4"));
    ok(&s, &meeting("FREQ=MONTHLY;BYMONTHDAY=1,1,15;COUNT=2"));
    let rules: Vec<String> =
        s.list_json("2026-12-01", "2027-01-31").iter().filter_map(|m| m["rrule"].as_str().map(String::from)).collect();
    assert!(rules
        .iter()
        .all(|r| r == "FREQ=WEEKLY;COUNT=4;BYDAY=TU,TH" || r == "FREQ=MONTHLY;COUNT=2;BYMONTHDAY=1,15"));
    assert_eq!(rules.len(), 6, "four Tuesday/Thursday meetings and two monthly ones: {rules:?}");
}

// Item 9: one text rule for every free-text field.

/// A one-line calendar file with `name` as its own name and `title` as its one event's.
fn calendar_file(s: &Scene, file: &str, name: &str, title: &str) -> String {
    let path = s.dir.path().join(file);
    std::fs::write(
        &path,
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:{name}\r\nBEGIN:VEVENT\r\nUID:v1\r\nSUMMARY:{title}\r\n\
             DTSTART:20260602T060000Z\r\nDTEND:20260602T140000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
    )
    .expect("write");
    path.to_str().expect("utf-8 path").to_string()
}

#[test]
fn item_9_import_ics_name_is_refused_like_any_text_field_and_nothing_is_imported() {
    let s = Scene::new();
    s.init();
    let file = calendar_file(&s, "vagter.ics", "Vagtplan", "Vagt");
    let import = |name: &str| -> Vec<String> { vec!["import-ics".into(), file.clone(), "--name".into(), name.into()] };
    let cases = [
        ("Arbejde\u{1b}[31m", "\"Calendar name\" contains U+001B, a control character"),
        ("\u{1b}]0;hacked\u{7}Arbejde", "\"Calendar name\" contains U+001B, a control character"),
        ("Arbejde\u{7}", "\"Calendar name\" contains U+0007, a control character"),
        ("Arbejde\nPrivat", "\"Calendar name\" contains U+000A, a line break"),
        ("Arbejde\u{2028}Privat", "\"Calendar name\" contains U+2028, a line break"),
        ("Arbejde\u{202e}", "\"Calendar name\" contains U+202E, a direction-changing character"),
        ("\u{200b}", "\"Calendar name\" contains U+200B, an invisible character, and nothing else"),
        ("\u{200b}\u{2060}\u{feff}", "\"Calendar name\" contains U+200B, an invisible character, and nothing else"),
        ("ring 22 33 44 55", "\"Calendar name\" seems to contain a phone number"),
    ];
    for (name, needle) in cases {
        let args = import(name);
        refused_at_now(&s, &args.iter().map(String::as_str).collect::<Vec<_>>(), needle);
    }
    let long = "k".repeat(81);
    let args = import(&long);
    refused_at_now(
        &s,
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
        "\"Calendar name\" is too long (81 characters). At most 80.",
    );
    // Exactly 80 is kept whole, not cut; an invisible character in it is dropped.
    let eighty = format!("{}\u{200b}", "k".repeat(80));
    s.stdout_of(&["import-ics", &file, "--name", &eighty]);
    assert_eq!(s.stdout_of(&["calendars"]).matches(&"k".repeat(80)).count(), 1);
}

#[test]
fn item_9_a_calendars_own_name_and_titles_are_tidied_not_refused() {
    let s = Scene::new();
    s.init();
    let file =
        calendar_file(&s, "arbejde.ics", "Arb\u{1b}[31mejde\u{202e}\u{200b}", "Vagt\u{1b}[2J\u{2066} i kantinen");
    let said = s.stdout_of(&["import-ics", &file]);
    assert!(said.contains("Calendar \"Arb [31mejde\""), "{said}");
    let listed = s.stdout_of(&["list", "--from", "2026-06-02", "--to", "2026-06-02"]);
    assert!(!listed.contains('\u{1b}') && !listed.contains('\u{2066}'), "{listed:?}");
    let busy = s.list_json("2026-06-02", "2026-06-02");
    assert_eq!(busy[0]["title"], "Vagt [2J i kantinen");
    assert_eq!(busy[0]["source"], "Arb [31mejde");
}

#[test]
fn item_9_every_activity_text_field_refuses_escapes_line_breaks_and_direction_changes() {
    let s = Scene::new();
    s.init();
    let with = |option: &'static str, value: &str| -> Vec<String> {
        let mut args: Vec<String> =
            meeting("FREQ=WEEKLY;COUNT=2").into_iter().map(String::from).filter(|a| a != "--rrule").collect();
        args.retain(|a| !a.starts_with("FREQ="));
        match args.iter().position(|a| a == option) {
            Some(i) => args[i + 1] = value.to_string(),
            None => args.extend([option.to_string(), value.to_string()]),
        }
        args
    };
    let cases = [
        ("--area", "Gellerup\u{1b}[2J", "\"Area\" contains U+001B, a control character"),
        ("--area", "\u{200b}", "\"Area\" contains U+200B, an invisible character, and nothing else"),
        ("--area", "\u{00ad}", "\"Area\" contains U+00AD, an invisible character, and nothing else"),
        ("--area", "\u{202e}Gellerup", "\"Area\" contains U+202E, a direction-changing character"),
        ("--area", "Gellerup \u{2067}پارک", "\"Area\" contains U+2067, a direction-changing character"),
        ("--venue", "Beboerhuset\u{2029}Salen", "\"Venue\" contains U+2029, a line break"),
        ("--theme", "Sundhed\rKost", "\"Theme\" contains U+000D, a line break"),
        ("--theme", "Sundhed\u{85}Kost", "\"Theme\" contains U+0085, a line break"),
        ("--title", "Kvindecafé\u{2028}kl. 17", "\"Title\" contains U+2028, a line break"),
        ("--title", "Café\u{9b}31m", "\"Title\" contains U+009B, a control character"),
        ("--note", "Tolk med\u{1b}[31m", "\"Note\" contains U+001B, a control character"),
        ("--note", "\u{200b}\u{200c}\u{200d}", "\"Note\" contains U+200B, an invisible character, and nothing else"),
        ("--note", "Tolk med\u{202d}", "\"Note\" contains U+202D, a direction-changing character"),
        ("--language", "ar\u{2066}", "\"Language\" contains U+2066, a direction-changing character"),
        ("--title", &"x".repeat(121), "\"Title\" is too long (121 characters). At most 120."),
    ];
    for (option, value, needle) in cases {
        let args = with(option, value);
        refused(&s, &args.iter().map(String::as_str).collect::<Vec<_>>(), 65, needle);
    }
    let visit_with_household = |label: &str| {
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
                label,
            ],
            65,
            "\"Household\" contains",
        )
    };
    visit_with_household("H-17\u{202e}");
    visit_with_household("\u{200b}");
    // The display name given at init: no database is left behind.
    let fresh = Scene::new();
    refused(&fresh, &["init", "--name", "Amina\u{1b}[8m"], 65, "\"Name\" contains U+001B, a control character");
    refused(&fresh, &["init", "--name", "\u{feff}"], 65, "\"Name\" contains U+FEFF, an invisible character");
    assert!(!fresh.db().exists());
}

#[test]
fn item_9_messages_name_the_code_point_in_danish_too_never_the_text() {
    let s = Scene::new();
    s.init();
    let args = ["plan", "visit", "--start", "2026-12-01T10:00", "--duration", "1h", "--area", "Fatima Hansen\u{202e}"];
    let out = s.nabo(&args).env("NABO_LANG", "da").output().expect("runs");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(out.status.code(), Some(65), "{stderr}");
    assert!(stderr.contains("\"Område\" indeholder U+202E, et tegn, der ændrer skriveretningen"), "{stderr}");
    assert!(!stderr.contains("Fatima"), "the message repeats the text: {stderr}");
}

#[test]
fn item_9_persian_with_zwnj_line_breaks_and_copied_text_are_accepted() {
    let s = Scene::new();
    s.init();
    // "mikhaham" (I want) and "ketabha" (books) are spelt with a zero-width non-joiner.
    let persian_theme = "می\u{200c}خواهم";
    let persian_area = "کتاب\u{200c}ها";
    ok(
        &s,
        &[
            "plan",
            "meeting",
            "--start",
            "2026-12-02T17:00",
            "--duration",
            "2h",
            "--venue",
            "Beboerhuset",
            "--theme",
            persian_theme,
            "--area",
            persian_area,
            "--note",
            "Tolk med\nHusk kage\r\nBus 4A\rslut",
        ],
    );
    // A soft hyphen and a zero-width space from a copied web page, and a decomposed "å".
    ok(
        &s,
        &[
            "plan",
            "visit",
            "--start",
            "2026-12-03T10:00",
            "--duration",
            "1h",
            "--area",
            "Gel\u{ad}ler\u{200b}up",
            "--household",
            "H-17",
            "--title",
            "A\u{30a}rhus \u{200e}besøg",
        ],
    );
    let week = s.list_json("2026-12-01", "2026-12-07");
    assert_eq!(week[0]["theme"], persian_theme);
    assert_eq!(week[0]["area"], persian_area);
    assert_eq!(week[0]["note"], "Tolk med\nHusk kage\nBus 4A\nslut");
    assert_eq!(week[1]["area"], "Gellerup");
    assert_eq!(week[1]["title"], "Århus besøg");
}
