//! The CLI's own words: plurals that agree with their number, and no English in a Danish session.

use super::*;

impl Scene {
    /// `nabo args…` at [`NOW`] in `language` ("da" or "en"); its stdout.
    fn said_in(&self, language: &str, args: &[&str]) -> String {
        let out = self.at_now(args).env("NABO_LANG", language).output().expect("runs");
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("utf-8")
    }

    /// Plans a visit on `start` and records `reached` people on it.
    fn visit_with_counts(&self, start: &str, reached: &str) {
        let id = self.plan_visit(start, "1h").to_string();
        self.said_in("en", &["record", &id, reached]);
    }
}

/// The stats line of May 2026 in `language`, after `visits` visits with counts.
fn stats_line(visits: &[&str], language: &str) -> String {
    let s = Scene::new();
    s.init();
    for start in visits {
        s.visit_with_counts(start, "reached=2");
    }
    let table = s.said_in(language, &["stats", "--period", "2026-05"]);
    let line = table.lines().find(|l| l.starts_with("People reached") || l.starts_with("Personer nået"));
    line.unwrap_or_else(|| panic!("no reached line in {table}")).to_string()
}

#[test]
fn the_stats_line_says_one_appointment_and_two_appointments() {
    let one = ["2026-05-20T10:00"];
    let two = ["2026-05-20T10:00", "2026-05-21T10:00"];
    let check = |visits: &[&str], language: &str, expected: &str| {
        assert_eq!(stats_line(visits, language), expected, "{language}, {} visits", visits.len());
    };
    check(&one, "en", "People reached: 2 (of whom new: 0) in 1 appointment with counts");
    check(&two, "en", "People reached: 4 (of whom new: 0) in 2 appointments with counts");
    check(&one, "da", "Personer nået: 2 (heraf nye: 0) på 1 aftale med tal");
    check(&two, "da", "Personer nået: 4 (heraf nye: 0) på 2 aftaler med tal");
}

#[test]
fn check_counts_one_appointment_in_the_singular() {
    let s = Scene::new();
    s.init();
    s.plan_visit("2026-05-20T10:00", "1h");
    assert!(s.said_in("en", &["check"]).contains("The database is fine: 1 appointment, version"));
    assert!(s.said_in("da", &["check"]).contains("Databasen er i orden: 1 aftale, version"));
}

#[test]
fn a_clock_that_cannot_be_read_is_refused_in_danish_without_repeating_it() {
    let s = Scene::new();
    s.init();
    let mut danish = s.nabo(&["list"]);
    danish.env("NABO_LANG", "da").env("NABO_NOW", "tomorrow-ish");
    refused_by(&s, danish, &["list"], 2, "NABO_NOW skal være et tidspunkt efter RFC 3339");
    let mut again = s.nabo(&["list"]);
    let out = again.env("NABO_LANG", "da").env("NABO_NOW", "tomorrow-ish").output().expect("runs");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("tomorrow-ish"), "the value is not repeated");
}

#[test]
fn a_malformed_activity_is_explained_in_danish() {
    let s = Scene::new();
    s.init();
    let mut danish = s.nabo(&["cancel", "12@snart"]);
    danish.env("NABO_LANG", "da");
    refused_by(&s, danish, &["cancel", "12@snart"], 2, "dagen efter @ skal være en dato skrevet ÅÅÅÅ-MM-DD");
}

#[test]
fn a_usage_error_points_to_the_help_in_danish() {
    let s = Scene::new();
    s.init();
    let mut danish = s.nabo(&["list", "--no-such-option"]);
    danish.env("NABO_LANG", "da");
    refused_by(&s, danish, &["list", "--no-such-option"], 2, "(se nabo --help)");
}
