//! The volunteer's coordinator against real database files: her card read, compared and set;
//! summaries going to her without naming the card again; her group's areas and public venues
//! offered in the forms, and a venue's address accepted only when it is one of hers.

use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use nabo_app::{parse_period, ActivityKind, Details, ErrorCode, Nabo, PlanRequest, Role, SuggestionField, SummaryTo};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).single().expect("valid")
}

fn init(dir: &Path, file: &str, role: Role, name: &str) -> Nabo {
    Nabo::init(&dir.join(file), &nabo_app::KeySource::Key([7; 32]), role, Some(name.into()), now()).expect("init")
}

/// A coordinator whose group meets at two public places, and her card.
fn hanne(dir: &Path) -> (Nabo, PathBuf) {
    let mut hanne = init(dir, "hanne.db", Role::Coordinator, "Hanne");
    hanne.set_setting("group-areas", "Gellerup; Hasle", now()).expect("areas");
    hanne
        .set_setting("group-venues", "Foreningshuset = Dortheavej 2; Beboerhuset = Gudrunsvej 10", now())
        .expect("venues");
    let card = dir.join("hanne.nabo-card");
    hanne.export_card(&card, now()).expect("card");
    (hanne, card)
}

fn meeting(venue: &str) -> PlanRequest {
    PlanRequest {
        details: Details { venue: Some(venue.into()), theme: Some("Sundhed".into()), ..Details::default() },
        ..PlanRequest::new(ActivityKind::GroupMeeting, "2026-12-10T17:00".to_string(), 120)
    }
}

#[test]
fn the_card_is_read_before_it_is_set_and_summaries_then_go_to_her() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut coordinator, card) = hanne(dir.path());
    let fingerprint = coordinator.key_view().expect("key").fingerprint;
    let mut amina = init(dir.path(), "amina.db", Role::Volunteer, "Amina");

    // Read, not set: the volunteer compares the fingerprint first.
    let shown = amina.read_coordinator_card(&card).expect("a coordinator's card");
    assert_eq!((shown.name.as_str(), shown.fingerprint.as_str(), shown.set.as_deref()), ("Hanne", &*fingerprint, None));
    assert_eq!(shown.areas, ["Gellerup", "Hasle"]);
    assert_eq!(shown.places, ["Foreningshuset, Dortheavej 2", "Beboerhuset, Gudrunsvej 10"]);
    assert_eq!(amina.coordinator().expect("read"), None);

    // Without her, a summary must be asked for as a readable file.
    let out = dir.path().join("2026-11.nabo-summary");
    let first = parse_period("2026-11").expect("month");
    let err = amina.export_summary(first, &out, SummaryTo::Coordinator, now()).expect_err("no coordinator");
    assert_eq!(err.code(), ErrorCode::NoCoordinator);
    assert!(!out.exists());

    let set = amina.set_coordinator(&card, now()).expect("set");
    assert_eq!(set.fingerprint, fingerprint);
    assert!(set.set.is_some());
    // The card file may go: she is kept in the database.
    std::fs::remove_file(&card).expect("remove the card");
    let export = amina.export_summary(first, &out, SummaryTo::Coordinator, now()).expect("exported");
    let to = export.encrypted_to.expect("encrypted");
    assert_eq!((to.name.as_str(), to.fingerprint.as_str()), ("Hanne", &*fingerprint));
    let report = coordinator.import_summaries(&[out], false, now()).expect("import");
    assert!(!report.any_refused(), "{report:?}");
}

#[test]
fn a_volunteers_card_or_a_changed_card_is_not_set() {
    let dir = tempfile::tempdir().expect("dir");
    let (_, card) = hanne(dir.path());
    let mut amina = init(dir.path(), "amina.db", Role::Volunteer, "Amina");
    let own = dir.path().join("amina.nabo-card");
    amina.export_card(&own, now()).expect("her own card");
    assert_eq!(amina.set_coordinator(&own, now()).expect_err("a volunteer's card").code(), ErrorCode::CardRefused);

    let text = std::fs::read_to_string(&card).expect("card").replace("Dortheavej 2", "Dortheavej 4");
    let changed = dir.path().join("changed.nabo-card");
    std::fs::write(&changed, text).expect("write");
    assert_eq!(amina.set_coordinator(&changed, now()).expect_err("changed").code(), ErrorCode::CardRefused);
    assert_eq!(amina.coordinator().expect("read"), None);
}

#[test]
fn her_public_venues_may_be_named_with_their_address_and_are_offered_in_the_forms() {
    let dir = tempfile::tempdir().expect("dir");
    let (_, card) = hanne(dir.path());
    let mut amina = init(dir.path(), "amina.db", Role::Volunteer, "Amina");

    // Before her card is set, an address is personal data, as always.
    let err = amina.plan(meeting("Foreningshuset, Dortheavej 2"), now()).expect_err("an address");
    assert_eq!(err.code(), ErrorCode::PersonalData);
    assert_eq!(amina.suggestions(SuggestionField::Venue, "").expect("suggestions"), Vec::<String>::new());

    amina.set_coordinator(&card, now()).expect("set");
    assert_eq!(amina.suggestions(SuggestionField::Venue, "fo").expect("suggestions"), ["Foreningshuset, Dortheavej 2"]);
    assert_eq!(amina.suggestions(SuggestionField::Area, "").expect("suggestions"), ["Gellerup", "Hasle"]);
    let planned = amina.plan(meeting("Foreningshuset, Dortheavej 2"), now()).expect("a known public place");
    // Moving it checks it again, with the same places.
    amina
        .move_to(nabo_app::ActivityId(planned.id), None, "2026-12-11T17:00", "2026-12-11T19:00", now())
        .expect("moved");
    // `check` does not report it as personal data.
    assert!(amina.check(now()).expect("check").personal_data.is_empty());
    // Another address, or the known one in the note, is still refused.
    let err = amina.plan(meeting("Foreningshuset, Dortheavej 4"), now()).expect_err("another address");
    assert_eq!(err.code(), ErrorCode::PersonalData);
    let mut in_note = meeting("Foreningshuset");
    in_note.details.note = Some("Foreningshuset, Dortheavej 2".into());
    assert_eq!(amina.plan(in_note, now()).expect_err("in the note").code(), ErrorCode::PersonalData);
}

#[test]
fn the_name_and_the_groups_lists_are_settings_checked_like_any_text() {
    let dir = tempfile::tempdir().expect("dir");
    let mut hanne = init(dir.path(), "hanne.db", Role::Coordinator, "Hanne");
    let saved = hanne.set_setting("name", "  Hanne B  ", now()).expect("name");
    assert_eq!(saved.value.name.as_deref(), Some("Hanne B"));
    assert_eq!(hanne.key_view().expect("key").name.as_deref(), Some("Hanne B"));
    let err = hanne.set_setting("name", "Hanne 22334455", now()).expect_err("a phone number");
    assert_eq!(err.code(), ErrorCode::PersonalData);
    let err = hanne.set_setting("group-venues", "Foreningshuset", now()).expect_err("no address");
    assert_eq!(err.code(), ErrorCode::UnreadableSetting);
    let err = hanne.set_setting("group-areas", "Gellerup; Ring 22334455", now()).expect_err("a phone number");
    assert_eq!(err.code(), ErrorCode::PersonalData);
    let many = (0..201).map(|i| format!("Område {i}")).collect::<Vec<_>>().join("; ");
    assert_eq!(
        hanne.set_setting("group-areas", &many, now()).expect_err("too many").code(),
        ErrorCode::UnreadableSetting
    );
    // Nothing of the refused changes was stored.
    let settings = hanne.settings().expect("settings");
    assert_eq!((settings.name.as_deref(), settings.group_areas.len()), (Some("Hanne B"), 0));
}
