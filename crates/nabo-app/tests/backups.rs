//! Automatic backups, their settings and "Erase everything" through the service API (issue 14).

use chrono::{DateTime, Duration, TimeZone, Utc};
use nabo_app::{ActivityKind, BackupSettings, Details, ErrorCode, KeySource, Nabo, PlanRequest, Role};

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).single().expect("valid")
}

fn keys() -> KeySource {
    KeySource::Key([7; 32])
}

fn new_db() -> (tempfile::TempDir, Nabo) {
    let dir = tempfile::tempdir().expect("temp dir");
    let nabo = Nabo::init(&dir.path().join("nabo.db"), &keys(), Role::Volunteer, None, start()).expect("init");
    (dir, nabo)
}

fn plan(nabo: &mut Nabo, day: u32) {
    let request = PlanRequest {
        details: Details { area: Some("Gellerup".into()), household: Some("H-17".into()), ..Details::default() },
        ..PlanRequest::new(ActivityKind::HomeVisit, format!("2026-12-{day:02}T10:00"), 60)
    };
    nabo.plan(request, start()).expect("plan");
}

#[test]
fn a_weekly_backup_is_made_when_due_and_only_the_newest_are_kept() {
    let (dir, mut nabo) = new_db();
    assert_eq!(nabo.backup_if_due(start()).expect("looks"), None, "an empty database is not backed up");
    plan(&mut nabo, 1);
    nabo.set_backup_settings(BackupSettings { folder: None, every_days: 7, keep: 3 }).expect("settings");

    let mut made = Vec::new();
    for hour in 0..(24 * 40) {
        let now = start() + Duration::hours(hour);
        if let Some(path) = nabo.backup_if_due(now).expect("looks") {
            made.push((now, path));
        }
    }
    // Day 0, 7, 14, 21, 28, 35: six backups, a week apart.
    assert_eq!(made.len(), 6, "{made:?}");
    for pair in made.windows(2) {
        assert_eq!(pair[1].0 - pair[0].0, Duration::days(7));
    }
    let status = nabo.backup_status().expect("status");
    assert_eq!(status.folder, dir.path().join("backups").display().to_string());
    let kept: Vec<String> = status.backups.iter().map(|b| b.path.clone()).collect();
    let newest: Vec<String> = made.iter().rev().take(3).map(|(_, p)| p.display().to_string()).collect();
    assert_eq!(kept, newest, "the three newest are kept, newest first");
    assert_eq!(status.last, Some(made[5].0.to_rfc3339()));
}

#[test]
fn no_automatic_backups_when_turned_off_and_a_chosen_folder_must_exist() {
    let (dir, mut nabo) = new_db();
    plan(&mut nabo, 1);
    nabo.set_backup_settings(BackupSettings { folder: None, every_days: 0, keep: 8 }).expect("off");
    assert_eq!(nabo.backup_if_due(start() + Duration::days(100)).expect("looks"), None);

    let missing = dir.path().join("usb-stick-not-plugged-in");
    let err = nabo
        .set_backup_settings(BackupSettings { folder: Some(missing.display().to_string()), every_days: 7, keep: 8 })
        .expect_err("a missing folder");
    assert_eq!(err.code(), ErrorCode::UnusableTarget);
    let err = nabo.set_backup_settings(BackupSettings { folder: None, every_days: 7, keep: 0 }).expect_err("keep 0");
    assert_eq!(err.code(), ErrorCode::InvalidSetting);
    let err = nabo.set_backup_settings(BackupSettings { folder: None, every_days: 91, keep: 8 }).expect_err("91");
    assert_eq!(err.code(), ErrorCode::InvalidSetting);
    assert_eq!(nabo.backup_settings().expect("settings").every_days, 0, "refused settings change nothing");

    let chosen = dir.path().join("stick");
    std::fs::create_dir(&chosen).expect("folder");
    nabo.set_backup_settings(BackupSettings { folder: Some(chosen.display().to_string()), every_days: 7, keep: 8 })
        .expect("an existing folder");
    let made = nabo.backup_if_due(start()).expect("looks").expect("due: never backed up");
    assert!(made.starts_with(&chosen), "{made:?}");
}

#[test]
fn two_backups_in_the_same_second_are_both_kept_and_listed_newest_first() {
    let (_dir, mut nabo) = new_db();
    plan(&mut nabo, 1);
    let first = nabo.backup_now(start()).expect("first");
    let second = nabo.backup_now(start()).expect("second");
    assert_ne!(first, second);
    let listed: Vec<String> = nabo.backup_status().expect("status").backups.into_iter().map(|b| b.path).collect();
    assert_eq!(listed, [second.display().to_string(), first.display().to_string()]);
}

#[test]
fn a_backup_never_replaces_the_database_or_its_files() {
    let (dir, mut nabo) = new_db();
    for name in ["nabo.db", "nabo.db-wal", "NABO.DB"] {
        let err = nabo.backup_to(&dir.path().join(name)).expect_err(name);
        assert_eq!(err.code(), ErrorCode::ProtectedTarget, "{name}");
    }
}

#[test]
fn erase_everything_removes_what_nabo_made_and_works_without_the_key() {
    let (dir, mut nabo) = new_db();
    plan(&mut nabo, 1);
    let automatic = nabo.backup_now(start()).expect("backup");
    let path = nabo.database_path().to_path_buf();
    drop(nabo);
    // The key is lost (a forgotten passphrase): the database, and the backups beside it, go all the same.
    let report = Nabo::erase_everything(&path, &KeySource::Key([8; 32])).expect("erased");
    assert!(report.files.contains(&path.display().to_string()), "{report:?}");
    assert!(report.files.contains(&automatic.display().to_string()), "{report:?}");
    assert!(report.failed.is_empty());
    assert!(!path.exists() && !automatic.exists() && !dir.path().join("backups").exists());
    let again = Nabo::erase_everything(&path, &keys()).expect("nothing left");
    assert!(again.files.is_empty());
}
