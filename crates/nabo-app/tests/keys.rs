//! This Nabo's keys and identity card, against real database files: made at init (or at first
//! use in an older database), never changed, shown as a fingerprint, written as a signed card.

use chrono::{DateTime, TimeZone, Utc};
use nabo_app::{ErrorCode, Nabo, Role, RoleView, Settings};
use nabo_core::exchange::{CardRole, IdentityCard};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).single().expect("valid")
}

fn init(role: Role, name: Option<&str>) -> (tempfile::TempDir, std::path::PathBuf, Nabo) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nabo.db");
    let nabo = Nabo::init(&path, &nabo_app::KeySource::Key([7; 32]), role, name.map(Into::into), now()).expect("init");
    (dir, path, nabo)
}

fn is_fingerprint(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups.iter().all(|g| g.len() == 4 && g.chars().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()))
}

#[test]
fn a_volunteer_gets_a_signing_key_at_init_that_stays_the_same() {
    let (_dir, path, mut nabo) = init(Role::Volunteer, Some("Amina"));
    let view = nabo.key_view().expect("key");
    assert!(is_fingerprint(&view.fingerprint), "{}", view.fingerprint);
    assert_eq!((view.role, view.name.as_deref()), (RoleView::Volunteer, Some("Amina")));
    assert_eq!(view.encryption_recipient, None, "a volunteer receives no summaries");
    drop(nabo);
    let mut again = Nabo::open(&path, &nabo_app::KeySource::Key([7; 32])).expect("reopen");
    assert_eq!(again.key_view().expect("key"), view);
    // Another database has another key.
    let (_other_dir, _, mut other) = init(Role::Volunteer, Some("Amina"));
    assert_ne!(other.key_view().expect("key").fingerprint, view.fingerprint);
}

#[test]
fn a_coordinator_also_gets_the_key_summaries_are_encrypted_to() {
    let (_dir, _path, mut nabo) = init(Role::Coordinator, Some("Hanne"));
    let view = nabo.key_view().expect("key");
    let recipient = view.encryption_recipient.expect("a recipient");
    assert!(recipient.starts_with("age1"), "{recipient}");
}

#[test]
fn a_database_from_before_keys_gets_them_at_first_use_and_a_new_coordinator_her_encryption_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nabo.db");
    // The window's way: the database is made at first start, the role chosen on the welcome screen.
    let mut nabo = Nabo::open_or_create(&path, &nabo_app::KeySource::Key([7; 32])).expect("create");
    assert_eq!(nabo.key_view().map_err(|e| e.code()), Err(ErrorCode::NoIdentity));
    let settings = Settings { role: Some(RoleView::Volunteer), ..nabo.settings().expect("settings") };
    nabo.save_settings(settings, now()).expect("saved");
    let first = nabo.key_view().expect("made at first use");
    assert_eq!(nabo.key_view().expect("again"), first, "made once");
    // Becoming a coordinator too keeps the signing key and adds the encryption key.
    let settings = Settings { role: Some(RoleView::Both), ..nabo.settings().expect("settings") };
    nabo.save_settings(settings, now()).expect("saved");
    let both = nabo.key_view().expect("key");
    assert_eq!((both.fingerprint.as_str(), both.role), (first.fingerprint.as_str(), RoleView::Both));
    assert!(both.encryption_recipient.is_some());
}

#[test]
fn the_card_file_verifies_names_its_holder_and_holds_no_secret() {
    let (dir, _path, mut nabo) = init(Role::Coordinator, Some("Hanne"));
    let card_path = dir.path().join("hanne.nabo-card");
    let view = nabo.export_card(&card_path, now()).expect("written");
    let bytes = std::fs::read(&card_path).expect("card");
    let card = IdentityCard::read(&bytes).expect("the card verifies");
    assert_eq!((card.name.as_str(), card.role), ("Hanne", CardRole::Coordinator));
    assert_eq!(card.key().expect("key").fingerprint().to_string(), view.fingerprint);
    assert_eq!(card.encryption_recipient, view.encryption_recipient);
    let text = String::from_utf8(bytes).expect("utf-8");
    assert!(!text.contains("AGE-SECRET-KEY"), "the decryption key never leaves");
}

#[test]
fn a_card_needs_a_name_and_never_replaces_the_database() {
    let (dir, path, mut nabo) = init(Role::Volunteer, None);
    let card_path = dir.path().join("card.json");
    assert_eq!(nabo.export_card(&card_path, now()).map_err(|e| e.code()), Err(ErrorCode::CardNeedsName));
    assert!(!card_path.exists());
    let (_dir2, path2, mut named) = init(Role::Volunteer, Some("Amina"));
    let before = std::fs::read(&path2).expect("db");
    assert_eq!(named.export_card(&path2, now()).map_err(|e| e.code()), Err(ErrorCode::ProtectedTarget));
    assert_eq!(std::fs::read(&path2).expect("db"), before);
    drop(path);
}
