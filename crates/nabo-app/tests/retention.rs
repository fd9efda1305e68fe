//! Data minimisation through the service: the start-up routine erases household code names and
//! notes a set time after the household's last visit (Settings: `erase_after_months`), the
//! views show none of them, the month's counts stay, and the text is gone from the file.

mod common;

#[path = "../../../tests/support/texts.rs"]
mod texts;

use std::collections::BTreeMap;

use chrono::{DateTime, Months, Utc};
use nabo_app::{
    ActivityId, ActivityKind, Details, ErrorCode, KeySource, Language, Nabo, PlanRequest, Role, SuggestionField,
};

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).expect("time").with_timezone(&Utc)
}

/// When the activities below were planned and recorded: 10 November 2025.
fn then() -> DateTime<Utc> {
    utc("2025-11-10T09:00:00Z")
}

fn later(months: u32) -> DateTime<Utc> {
    then().checked_add_months(Months::new(months)).expect("in range")
}

fn date(s: &str) -> chrono::NaiveDate {
    nabo_app::parse_date("test", s).expect("date")
}

fn new_db() -> (tempfile::TempDir, Nabo) {
    let dir = tempfile::tempdir().expect("temp dir");
    let nabo = Nabo::init(&dir.path().join("nabo.db"), &KeySource::Key(common::KEY), Role::Volunteer, None, then())
        .expect("init");
    (dir, nabo)
}

fn visit(start: &str, household: &str, note: &str) -> PlanRequest {
    PlanRequest {
        details: Details {
            area: Some("Gellerup".into()),
            household: Some(household.into()),
            note: Some(note.into()),
            ..Details::default()
        },
        ..PlanRequest::new(ActivityKind::HomeVisit, start, 60)
    }
}

/// Two visits to H-17 and an outreach with a note in November 2025, counts on the first visit.
fn november(nabo: &mut Nabo) -> Vec<ActivityId> {
    let mut ids = Vec::new();
    for request in [
        visit("2025-11-03T10:00", "H-17", "Taler om skolen"),
        visit("2025-11-06T10:00", "H-17", "Ny lejlighed"),
        PlanRequest {
            details: Details {
                title: Some("Biblioteket".into()),
                note: Some("Mødte mange".into()),
                ..Details::default()
            },
            ..PlanRequest::new(ActivityKind::Outreach, "2025-11-05T14:00", 90)
        },
    ] {
        ids.push(ActivityId(nabo.plan(request, then()).expect("plan").id));
    }
    let counts = BTreeMap::from([("reached".to_string(), 3), ("new".to_string(), 1)]);
    nabo.record(ids[0], None, &counts, then()).expect("record");
    ids
}

/// Every text value in every table of the decrypted database.
fn every_text(path: &std::path::Path) -> Vec<String> {
    texts::every_text(&common::keyed(path))
}

#[test]
fn thirteen_months_later_the_start_erases_code_names_and_notes_and_keeps_the_counts() {
    let (dir, mut nabo) = new_db();
    let ids = november(&mut nabo);
    let live = dir.path().join("live.ics");
    nabo.set_setting("live-calendar", &live.display().to_string(), then()).expect("live calendar");
    nabo.set_setting("live-calendar-detail", "full", then()).expect("full detail");
    assert!(std::fs::read_to_string(&live).expect("live calendar").contains("H-17"));
    let stats = nabo.month_stats(date("2025-11-01")).expect("stats");
    assert_eq!(stats.totals.get("reached"), Some(&3));

    // Eleven months on, nothing is due, and nothing is written.
    let report = nabo.start(Language::English, later(11)).expect("start");
    assert_eq!((report.erased_households, report.erased_notes), (0, 0));
    assert!(report.notices.is_empty());
    assert_eq!(nabo.get(ids[0]).expect("get").details.household.as_deref(), Some("H-17"));

    let report = nabo.start(Language::English, later(13)).expect("start");
    assert_eq!((report.purged, report.erased_households, report.erased_notes), (0, 1, 3));
    assert_eq!(report.notices.len(), 1, "{:?}", report.notices);
    assert_eq!(report.notices[0].code, "texts_erased");
    let said = nabo_app::Localizer::new(Language::English).notice(&report.notices[0]);
    assert_eq!(
        said,
        "Erased 12 months after the last visit: the code name of 1 household and 3 notes. The counts stay."
    );
    let dansk = nabo_app::Localizer::new(Language::Danish).notice(&report.notices[0]);
    assert_eq!(
        dansk,
        "Slettet 12 måneder efter det sidste besøg: kodenavnet for 1 husstand og 3 noter. Tallene bliver."
    );

    for view in nabo.list(date("2025-11-01"), date("2025-11-30")).expect("list") {
        assert_eq!((view.details.household.as_deref(), view.details.note.as_deref()), (None, None), "{view:?}");
    }
    let visit = nabo.get(ids[0]).expect("get");
    assert_eq!(visit.details.area.as_deref(), Some("Gellerup"), "the area stays");
    assert_eq!(nabo.get(ids[2]).expect("get").details.title.as_deref(), Some("Biblioteket"), "the title stays");
    assert_eq!(nabo.month_stats(date("2025-11-01")).expect("stats"), stats, "the counts are anonymous: they stay");
    assert!(nabo.suggestions(SuggestionField::Household, "").expect("suggestions").is_empty());
    let texts = every_text(nabo.database_path());
    for word in ["H-17", "Taler om skolen", "Ny lejlighed", "Mødte mange"] {
        assert!(!texts.iter().any(|t| t.contains(word)), "{word} is still in the database");
    }
    assert!(!std::fs::read_to_string(&live).expect("live calendar").contains("H-17"), "the live calendar is rewritten");

    // Nothing is due a second time.
    let again = nabo.start(Language::English, later(13)).expect("start");
    assert_eq!((again.erased_households, again.erased_notes), (0, 0));
    assert!(again.notices.is_empty());
}

#[test]
fn a_household_visited_lately_keeps_its_code_name_and_old_notes() {
    let (_dir, mut nabo) = new_db();
    let ids = november(&mut nabo);
    let recent = nabo.plan(visit("2026-11-20T10:00", "H-17", "Igen"), later(12)).expect("plan").id;
    let report = nabo.start(Language::Danish, later(13)).expect("start");
    assert_eq!((report.erased_households, report.erased_notes), (0, 1), "only the outreach's note");
    assert_eq!(nabo.get(ids[0]).expect("get").details.note.as_deref(), Some("Taler om skolen"));
    assert_eq!(nabo.get(ActivityId(recent)).expect("get").details.household.as_deref(), Some("H-17"));
    assert_eq!(nabo.get(ids[2]).expect("get").details.note, None);
}

#[test]
fn the_time_is_a_setting_from_1_to_120_months_and_a_shorter_one_erases_at_once() {
    let (_dir, mut nabo) = new_db();
    assert_eq!(nabo.settings().expect("settings").erase_after_months, 12);
    let ids = november(&mut nabo);
    for wrong in ["0", "121"] {
        let err = nabo.set_setting("erase-after-months", wrong, later(2)).expect_err(wrong);
        assert_eq!(err.code(), ErrorCode::InvalidSetting, "{wrong}");
    }
    assert_eq!(
        nabo.set_setting("erase-after-months", "lots", later(2)).expect_err("words").code(),
        ErrorCode::UnreadableSetting
    );
    let longer = nabo.set_setting("erase-after-months", "24", later(2)).expect("longer");
    assert!(longer.notices.is_empty());
    assert_eq!(nabo.get(ids[0]).expect("get").details.household.as_deref(), Some("H-17"));
    // Two months on, a time of one month erases November at once.
    let shorter = nabo.set_setting("erase-after-months", "1", later(2)).expect("shorter");
    assert_eq!(shorter.value.erase_after_months, 1);
    assert_eq!(shorter.notices.iter().map(|n| n.code.as_str()).collect::<Vec<_>>(), ["texts_erased"]);
    assert_eq!(shorter.notices[0].args.get("households").map(String::as_str), Some("1"));
    assert_eq!(nabo.get(ids[0]).expect("get").details.household, None);
    let listed: Vec<(&str, String)> = nabo.settings().expect("settings").entries();
    assert!(listed.contains(&("erase-after-months", "1".to_string())));
}
