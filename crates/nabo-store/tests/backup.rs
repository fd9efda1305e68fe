//! Backups and restores against real SQLCipher files (issue 14, part 3).

use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use nabo_core::{ActivityDraft, ActivityKind, Details, LocalDateTime, Minutes, ValidActivity};
use nabo_store::{
    check_backup, count_activities, insert_activity, restore, DbKey, NewActivity, Store, StoreError, SCHEMA_VERSION,
};

fn key() -> DbKey {
    DbKey::from_bytes([7; 32])
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).single().expect("valid")
}

fn visit(n: usize) -> ValidActivity {
    ActivityDraft {
        details: Details {
            area: Some("Gellerup".into()),
            household: Some(format!("HX-{}", 7000 + n)),
            note: Some(format!("Hemmelig note {n}")),
            ..Details::default()
        },
        ..ActivityDraft::new(
            ActivityKind::HomeVisit,
            format!("2026-12-{:02}T10:00", 1 + n % 28).parse::<LocalDateTime>().expect("time"),
            "1h".parse::<Minutes>().expect("duration"),
        )
    }
    .validate()
    .expect("valid visit")
}

fn add(store: &mut Store, n: usize) {
    let plan = visit(n);
    let uid = format!("uid-{n}");
    store
        .write(|tx| insert_activity(tx, &NewActivity { plan: &plan, uid: &uid, example: false }, now()))
        .expect("insert");
}

fn count(store: &Store) -> i64 {
    count_activities(store.conn()).expect("count")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

struct Folder {
    dir: tempfile::TempDir,
}

impl Folder {
    fn new() -> Self {
        Self { dir: tempfile::tempdir().expect("temp dir") }
    }
    fn join(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

fn database_with(folder: &Folder, activities: usize) -> Store {
    let mut store = Store::create(&folder.join("nabo.db"), &key()).expect("create");
    for n in 0..activities {
        add(&mut store, n);
    }
    store
}

#[test]
fn a_backup_is_encrypted_private_whole_and_shows_no_text() {
    let folder = Folder::new();
    let store = database_with(&folder, 12);
    let backup = folder.join("nabo-backup.nabo");
    store.backup_to(&backup).expect("backup");

    let bytes = std::fs::read(&backup).expect("read backup");
    assert!(!bytes.starts_with(b"SQLite format 3"), "a backup has no plain SQLite header");
    for word in ["HX-7003", "Gellerup", "Hemmelig"] {
        assert!(!contains(&bytes, word.as_bytes()), "{word} readable in the backup");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&backup).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "a backup is its owner's only");
    }
    let facts = check_backup(&backup, &key()).expect("the backup checks out");
    assert_eq!(facts.schema_version, SCHEMA_VERSION);
    // Nothing is left beside it: no partial copy, no journal.
    assert_eq!(folder.names(), ["nabo-backup.nabo", "nabo.db", "nabo.db-shm", "nabo.db-wal"]);
}

#[test]
fn a_backup_opens_only_with_the_databases_key() {
    let folder = Folder::new();
    let store = database_with(&folder, 3);
    let backup = folder.join("b.nabo");
    store.backup_to(&backup).expect("backup");
    let err = check_backup(&backup, &DbKey::from_bytes([8; 32])).expect_err("another key");
    assert!(matches!(err, StoreError::WrongKey { .. }), "{err:?}");
}

#[test]
fn a_backup_replaces_an_older_one_only_when_whole() {
    let folder = Folder::new();
    let mut store = database_with(&folder, 2);
    let backup = folder.join("b.nabo");
    store.backup_to(&backup).expect("first backup");
    add(&mut store, 5);
    store.backup_to(&backup).expect("second backup");
    let restored_into = Folder::new();
    let restored = restore(&restored_into.join("nabo.db"), &backup, &key()).expect("restore");
    assert_eq!(count(&restored), 3, "the newer backup replaced the older");
}

#[test]
fn a_backup_taken_while_another_connection_writes_holds_every_commit_before_it() {
    let folder = Folder::new();
    let path = folder.join("nabo.db");
    let store = database_with(&folder, 1);
    // A second connection writes 200 activities, one transaction each, while backups are taken.
    let writer_path = path.clone();
    let writer = std::thread::spawn(move || {
        let mut other = Store::open(&writer_path, &key()).expect("open a second connection");
        for n in 1..=200 {
            add(&mut other, n);
        }
    });
    let mut backups = Vec::new();
    for i in 0..8 {
        let before = count(&store);
        let backup = folder.join(&format!("during-{i}.nabo"));
        store.backup_to(&backup).expect("backup while writing");
        backups.push((backup, before));
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    writer.join().expect("writer");
    for (backup, before) in backups {
        check_backup(&backup, &key()).expect("a backup taken during writes is whole");
        let target = Folder::new();
        let restored = restore(&target.join("nabo.db"), &backup, &key()).expect("restore");
        assert!(restored.check_integrity().expect("check").is_empty());
        let held = count(&restored);
        assert!(held >= before, "{backup:?} holds {held}, but {before} were committed before it began");
        assert!(held <= 201);
    }
}

#[test]
fn restore_replaces_the_database_and_leaves_nothing_beside_it() {
    let folder = Folder::new();
    let mut store = database_with(&folder, 4);
    let backup_folder = Folder::new();
    let backup = backup_folder.join("b.nabo");
    store.backup_to(&backup).expect("backup");
    add(&mut store, 9);
    assert_eq!(count(&store), 5);
    let path = store.path().to_path_buf();
    drop(store);

    let restored = restore(&path, &backup, &key()).expect("restore");
    assert_eq!(count(&restored), 4, "back to the backup");
    drop(restored);
    let names = folder.names();
    assert!(names.iter().all(|n| n.starts_with("nabo.db") && !n.contains("restor")), "{names:?}");
    assert!(Store::open(&path, &key()).is_ok());
}

#[test]
fn restore_into_a_lost_database_brings_it_back() {
    let folder = Folder::new();
    let store = database_with(&folder, 3);
    let backup_folder = Folder::new();
    let backup = backup_folder.join("b.nabo");
    store.backup_to(&backup).expect("backup");
    let path = store.path().to_path_buf();
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let restored = restore(&path, &backup, &key()).expect("restore");
    assert_eq!(count(&restored), 3);
}

/// Every refused restore leaves the database exactly as it was, byte for byte.
fn refused_changes_nothing(make_bad: impl FnOnce(&Folder) -> PathBuf, key_used: DbKey) -> StoreError {
    let folder = Folder::new();
    let store = database_with(&folder, 3);
    let path = store.path().to_path_buf();
    drop(store);
    let before = std::fs::read(&path).expect("read");
    let names = folder.names();
    let bad = make_bad(&folder);
    let err = restore(&path, &bad, &key_used).expect_err("refused");
    let message = err.to_string();
    let bad_name = bad.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    assert!(message.contains(&bad_name) && !message.contains("restoring"), "names the file given: {message}");
    assert_eq!(std::fs::read(&path).expect("read"), before, "the database changed");
    let mut after = folder.names();
    after.retain(|n| !names.contains(n) && Path::new(n) != bad.file_name().map(Path::new).unwrap_or(Path::new("")));
    assert!(after.is_empty(), "left behind: {after:?}");
    let store = Store::open(&path, &key()).expect("opens as before");
    assert_eq!(count(&store), 3);
    err
}

#[test]
fn a_damaged_backup_is_refused_and_changes_nothing() {
    let err = refused_changes_nothing(
        |folder| {
            let other = Folder::new();
            let store = database_with(&other, 30);
            let backup = folder.join("damaged.nabo");
            store.backup_to(&backup).expect("backup");
            let mut bytes = std::fs::read(&backup).expect("read");
            // A byte in the middle of the second page: its authentication fails.
            let at = 4096 + 2000;
            bytes[at] ^= 0x5a;
            std::fs::write(&backup, bytes).expect("write");
            backup
        },
        key(),
    );
    assert!(matches!(err, StoreError::BackupDamaged { .. }), "{err:?}");
}

#[test]
fn a_backup_under_another_key_is_refused_and_changes_nothing() {
    let err = refused_changes_nothing(
        |folder| {
            let other = Folder::new();
            let store = Store::create(&other.join("nabo.db"), &DbKey::from_bytes([9; 32])).expect("create");
            let backup = folder.join("other-key.nabo");
            store.backup_to(&backup).expect("backup");
            backup
        },
        key(),
    );
    assert!(matches!(err, StoreError::WrongKey { .. }), "{err:?}");
}

#[test]
fn a_file_that_is_no_backup_is_refused_and_changes_nothing() {
    for (name, content) in [
        ("notes.txt", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".to_vec()),
        ("short.nabo", vec![0x17; 100]),
        ("plain.db", b"SQLite format 3\0".iter().copied().chain(std::iter::repeat_n(0, 4080)).collect()),
    ] {
        let err = refused_changes_nothing(
            |folder| {
                let bad = folder.join(name);
                std::fs::write(&bad, &content).expect("write");
                bad
            },
            key(),
        );
        assert!(matches!(err, StoreError::NotABackup { .. }), "{name}: {err:?}");
    }
    let err = refused_changes_nothing(|folder| folder.join("missing.nabo"), key());
    assert!(matches!(err, StoreError::Missing { .. }), "{err:?}");
}

#[test]
fn a_backup_from_a_newer_nabo_is_refused_and_changes_nothing() {
    let err = refused_changes_nothing(
        |folder| {
            let other = Folder::new();
            let store = database_with(&other, 1);
            let path = store.path().to_path_buf();
            drop(store);
            let conn = rusqlite::Connection::open(&path).expect("open");
            conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", "07".repeat(32))).expect("key");
            conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).expect("bump");
            drop(conn);
            let reopened = Store::open(&path, &key());
            assert!(reopened.is_err(), "this build refuses its own newer file");
            // Copy the file as a backup would be (folded in, one file).
            let conn = rusqlite::Connection::open(&path).expect("open");
            conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", "07".repeat(32))).expect("key");
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).expect("checkpoint");
            drop(conn);
            let backup = folder.join("newer.nabo");
            std::fs::copy(&path, &backup).expect("copy");
            backup
        },
        key(),
    );
    assert!(matches!(err, StoreError::TooNew { .. }), "{err:?}");
}
