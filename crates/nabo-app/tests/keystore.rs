//! The OS key store holding the database's key, for real (issue 14): a Secret Service daemon
//! (gnome-keyring in a D-Bus session of its own, as tests/keystore/run.sh starts it). Ignored
//! by a plain `cargo test`, which must not write into the developer's own key store; the test
//! command runs it with `--ignored` inside that session.

use std::path::Path;

use chrono::{TimeZone, Utc};
use nabo_app::{ErrorCode, KeySource, Nabo, Role};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 4, 9, 0, 0).single().expect("valid")
}

/// The key the Secret Service holds for `path`, read with secret-tool-like attributes through
/// the keyring crate's own entry (service "Nabo", the database's absolute path).
fn held(path: &Path) -> Option<Vec<u8>> {
    let account =
        std::fs::canonicalize(path.parent().expect("folder")).expect("folder").join(path.file_name().expect("name"));
    keyring::Entry::new("Nabo", &account.display().to_string()).ok()?.get_secret().ok()
}

#[test]
#[ignore = "needs a Secret Service: run by tests/keystore/run.sh"]
fn the_key_store_keeps_a_random_key_per_database_and_without_it_nothing_opens() {
    let dir = tempfile::tempdir().expect("dir");
    let (a, b) = (dir.path().join("amina.db"), dir.path().join("sara.db"));
    let mut amina = Nabo::init(&a, &KeySource::KeyStore, Role::Volunteer, Some("Amina".into()), now()).expect("init");
    amina.set_setting("travel-buffer-minutes", "20", now()).expect("a write");
    drop(amina);
    Nabo::init(&b, &KeySource::KeyStore, Role::Volunteer, Some("Sara".into()), now()).expect("init");
    let (key_a, key_b) = (held(&a).expect("Amina's key is held"), held(&b).expect("Sara's key is held"));
    assert_eq!(key_a.len(), 32);
    assert_ne!(key_a, key_b, "each database has a key of its own");
    // The file does not hold its key: neither the bytes nor their hex are in it.
    let bytes = std::fs::read(&a).expect("file");
    assert!(!bytes.windows(32).any(|w| w == key_a.as_slice()));
    // It opens again with the key store, and a passphrase does not open it.
    let again = Nabo::open(&a, &KeySource::KeyStore).expect("reopens");
    assert_eq!(again.settings().expect("settings").travel_buffer_minutes, 20);
    drop(again);
    let wrong = Nabo::open(&a, &KeySource::Passphrase("guess".to_string().into())).expect_err("a guess");
    assert_eq!(wrong.code(), ErrorCode::WrongKey);
    // With the key store's entry gone, it does not open, and says why; nothing changes.
    KeySource::KeyStore.forget(&a).expect("forgotten");
    assert!(held(&a).is_none());
    let before = std::fs::read(&a).expect("file");
    let missing = Nabo::open(&a, &KeySource::KeyStore).expect_err("no key");
    assert_eq!(missing.code(), ErrorCode::KeyMissing);
    assert_eq!(std::fs::read(&a).expect("file"), before);
    KeySource::KeyStore.forget(&b).expect("cleaned up");
}
