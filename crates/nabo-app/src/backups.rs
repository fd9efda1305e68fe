//! Backups, restore and "Erase everything" (issue 14, parts 3 and 7).
//!
//! A backup is the whole database, encrypted with its own key (`nabo_store::Store::backup_to`):
//! it opens where the database's key is found — the same user's key store, or the passphrase.
//! Automatic backups go, weekly by default, into a folder of their own (beside the database
//! unless the user picks another, e.g. a USB stick), named `nabo-backup-YYYYMMDD-HHMMSS.nabo`
//! (UTC, so names sort by age), and the newest N are kept. Backups the user writes elsewhere
//! (`nabo backup --out`) are remembered by path, so that "Erase everything" finds them too.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use nabo_store::{get_setting, set_setting};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db_key::KeySource;
use crate::error::AppError;
use crate::service::Nabo;

/// The name of every automatic backup begins so.
const PREFIX: &str = "nabo-backup-";
/// … and ends so.
const SUFFIX: &str = ".nabo";
/// The time in a backup's name (UTC).
const STAMP: &str = "%Y%m%d-%H%M%S";
/// The folder automatic backups go to unless the user picks one: beside the database.
const DEFAULT_FOLDER: &str = "backups";
/// How many paths of backups written elsewhere are remembered.
const MAX_REMEMBERED: usize = 50;

const KEY_FOLDER: &str = "backup.folder";
const KEY_EVERY_DAYS: &str = "backup.every_days";
const KEY_KEEP: &str = "backup.keep";
const KEY_LAST: &str = "backup.last";
const KEY_MADE: &str = "backup.made";

/// How automatic backups are made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupSettings {
    /// The folder they go to; `None` is the `backups` folder beside the database.
    pub folder: Option<String>,
    /// Days between two automatic backups (0 = none, at most 90; default 7).
    pub every_days: u32,
    /// How many automatic backups are kept (1–100; default 8).
    pub keep: u32,
}

impl Default for BackupSettings {
    fn default() -> Self {
        Self { folder: None, every_days: 7, keep: 8 }
    }
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupView {
    /// Its path.
    pub path: String,
    /// When it was made (RFC 3339, UTC).
    pub made: String,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Where automatic backups stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupStatus {
    /// The settings.
    pub settings: BackupSettings,
    /// The folder in use (the chosen one, or the default beside the database).
    pub folder: String,
    /// When the last automatic backup was made, if one was (RFC 3339).
    pub last: Option<String>,
    /// The automatic backups in the folder, newest first.
    pub backups: Vec<BackupView>,
}

/// What "Erase everything" removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EraseReport {
    /// Every file removed.
    pub files: Vec<String>,
    /// Whether a key was removed from the key store.
    pub key_store_entry: bool,
    /// Files that were there and could not be removed, with why.
    pub failed: Vec<(String, String)>,
}

/// The automatic backups in `folder`, newest first: files named as Nabo names them.
fn backups_in(folder: &Path) -> Vec<BackupView> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut found: Vec<(DateTime<Utc>, u32, BackupView)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_str()?.to_string();
            let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
            // A second backup in the same second is named with "-2", "-3", … after the time.
            let (stamp, n) = match stamp.rsplit_once('-') {
                Some((time, n)) if time.len() > 8 && n.len() < 4 => (time, n.parse().ok()?),
                _ => (stamp, 1),
            };
            let made = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
            let meta = entry.metadata().ok().filter(std::fs::Metadata::is_file)?;
            let view =
                BackupView { path: entry.path().display().to_string(), made: made.to_rfc3339(), bytes: meta.len() };
            Some((made, n, view))
        })
        .collect();
    found.sort_by_key(|(made, n, _)| std::cmp::Reverse((*made, *n)));
    found.into_iter().map(|(.., view)| view).collect()
}

fn parse_number(value: Option<String>, default: u32) -> u32 {
    value.and_then(|v| v.trim().parse().ok()).unwrap_or(default)
}

impl Nabo {
    /// How automatic backups are made.
    pub fn backup_settings(&self) -> Result<BackupSettings, AppError> {
        let conn = self.store.conn();
        let default = BackupSettings::default();
        Ok(BackupSettings {
            folder: get_setting(conn, KEY_FOLDER)?.filter(|f| !f.is_empty()),
            every_days: parse_number(get_setting(conn, KEY_EVERY_DAYS)?, default.every_days),
            keep: parse_number(get_setting(conn, KEY_KEEP)?, default.keep),
        })
    }

    /// Changes how automatic backups are made; a folder must exist (it is not made here, so a
    /// USB stick that is not plugged in is not mistaken for an empty folder on the disk).
    pub fn set_backup_settings(&mut self, settings: BackupSettings) -> Result<BackupSettings, AppError> {
        let range = |key: &'static str, value: u32, min: u32, max: u32| {
            if (min..=max).contains(&value) {
                Ok(())
            } else {
                Err(AppError::InvalidSetting {
                    key,
                    value: value.to_string(),
                    min: i64::from(min),
                    max: i64::from(max),
                })
            }
        };
        range("backup_every_days", settings.every_days, 0, 90)?;
        range("backup_keep", settings.keep, 1, 100)?;
        let folder = settings.folder.as_deref().map(str::trim).filter(|f| !f.is_empty()).map(str::to_string);
        if let Some(folder) = &folder {
            if !Path::new(folder).is_absolute() || !Path::new(folder).is_dir() {
                return Err(AppError::UnusableTarget { path: folder.clone(), reason: "no_folder" });
            }
        }
        let settings = BackupSettings { folder, ..settings };
        self.store.write(|tx| {
            set_setting(tx, KEY_FOLDER, settings.folder.as_deref().unwrap_or(""))?;
            set_setting(tx, KEY_EVERY_DAYS, &settings.every_days.to_string())?;
            set_setting(tx, KEY_KEEP, &settings.keep.to_string())
        })?;
        Ok(settings)
    }

    /// The folder automatic backups go to.
    pub fn backup_folder(&self) -> Result<PathBuf, AppError> {
        Ok(self.folder_of(&self.backup_settings()?))
    }

    /// The folder automatic backups go to under `settings`.
    fn folder_of(&self, settings: &BackupSettings) -> PathBuf {
        match &settings.folder {
            Some(folder) => PathBuf::from(folder),
            None => default_folder(self.database_path()),
        }
    }

    /// Where automatic backups stand, with the backups in their folder.
    pub fn backup_status(&self) -> Result<BackupStatus, AppError> {
        let settings = self.backup_settings()?;
        let folder = self.folder_of(&settings);
        Ok(BackupStatus {
            settings,
            folder: folder.display().to_string(),
            last: get_setting(self.store.conn(), KEY_LAST)?,
            backups: backups_in(&folder),
        })
    }

    /// Writes a backup to `dest` (a file the user chose), and remembers where.
    pub fn backup_to(&mut self, dest: &Path) -> Result<PathBuf, AppError> {
        let target = crate::files::check_target(dest, &self.protected_files())?;
        let path = target.path().to_path_buf();
        self.store.backup_to(&path).map_err(|e| written(e, dest))?;
        let mut made = self.remembered_backups()?;
        let shown = path.display().to_string();
        made.retain(|p| *p != shown);
        made.push(shown);
        let skip = made.len().saturating_sub(MAX_REMEMBERED);
        let made = made[skip..].join("\n");
        self.store.write(|tx| set_setting(tx, KEY_MADE, &made))?;
        Ok(path)
    }

    /// Makes an automatic backup when one is due (none yet and something to keep, or the last
    /// older than the interval), then removes the oldest beyond the number kept. Returns the
    /// new backup's path. A damaged database is never backed up (it would replace sound
    /// backups with damaged ones).
    pub fn backup_if_due(&mut self, now: DateTime<Utc>) -> Result<Option<PathBuf>, AppError> {
        let settings = self.backup_settings()?;
        if settings.every_days == 0 || self.store.is_damaged() {
            return Ok(None);
        }
        let last = get_setting(self.store.conn(), KEY_LAST)?
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Utc));
        let due = match last {
            Some(last) => now - last >= chrono::Duration::days(i64::from(settings.every_days)) || last > now,
            None => nabo_store::count_activities(self.store.conn())? > 0,
        };
        if !due {
            return Ok(None);
        }
        self.backup_now(now).map(Some)
    }

    /// Makes a backup into the backup folder now (the window's button, `nabo backup`), then
    /// removes the oldest beyond the number kept. Returns its path.
    pub fn backup_now(&mut self, now: DateTime<Utc>) -> Result<PathBuf, AppError> {
        let settings = self.backup_settings()?;
        let folder = self.folder_of(&settings);
        if settings.folder.is_none() && !folder.exists() {
            std::fs::create_dir_all(&folder)
                .map_err(|e| AppError::WriteFailed { path: folder.display().to_string(), reason: e.to_string() })?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let _ = std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700));
            }
        }
        let stamp = now.format(STAMP).to_string();
        let dest = (1..1000)
            .map(|n| match n {
                1 => folder.join(format!("{PREFIX}{stamp}{SUFFIX}")),
                n => folder.join(format!("{PREFIX}{stamp}-{n}{SUFFIX}")),
            })
            .find(|p| !p.exists())
            .ok_or_else(|| AppError::WriteFailed {
                path: folder.display().to_string(),
                reason: "too many backups".into(),
            })?;
        self.store.backup_to(&dest).map_err(|e| written(e, &dest))?;
        self.store.write(|tx| set_setting(tx, KEY_LAST, &now.to_rfc3339()))?;
        let keep = usize::try_from(settings.keep).unwrap_or(usize::MAX).max(1);
        for old in backups_in(&folder).into_iter().skip(keep) {
            let _ = std::fs::remove_file(&old.path);
        }
        Ok(dest)
    }

    /// Paths of the backups written with [`Nabo::backup_to`] that still exist.
    fn remembered_backups(&self) -> Result<Vec<String>, AppError> {
        Ok(get_setting(self.store.conn(), KEY_MADE)?
            .unwrap_or_default()
            .lines()
            .filter(|p| !p.is_empty() && Path::new(p).is_file())
            .map(str::to_string)
            .collect())
    }

    /// Replaces the database at `path` with the backup at `from` (see `nabo_store::restore`):
    /// nothing changes unless the backup opens with the key, passes its checks and has a
    /// schema this Nabo reads. No other `Nabo` may have the database open in this process.
    pub fn restore_backup(path: &Path, from: &Path, keys: &KeySource) -> Result<Nabo, AppError> {
        let key = backup_key(path, from, keys)?;
        Nabo::with_store(nabo_store::restore(path, from, &key)?)
    }

    /// Checks the backup at `from` as [`Nabo::restore_backup`] would, changing nothing.
    pub fn verify_backup(path: &Path, from: &Path, keys: &KeySource) -> Result<(), AppError> {
        let key = backup_key(path, from, keys)?;
        nabo_store::verify_backup(path, from, &key)?;
        Ok(())
    }

    /// Removes the database at `path` and its files, its key-store entry, the backups Nabo made
    /// (automatic ones and those written with `backup --out`) and the live calendar file, and
    /// says what it removed. The database need not open (a forgotten passphrase): then what
    /// only it knows (a chosen backup folder, the live calendar's path) is not found, and the
    /// backups beside it are removed all the same. No other `Nabo` may have it open in this
    /// process.
    pub fn erase_everything(path: &Path, keys: &KeySource) -> Result<EraseReport, AppError> {
        let mut files: Vec<PathBuf> = Vec::new();
        let mut folders = vec![default_folder(path)];
        if let Ok(nabo) = Nabo::open(path, keys) {
            if let Ok(folder) = nabo.backup_folder() {
                folders.push(folder);
            }
            files.extend(nabo.remembered_backups().unwrap_or_default().into_iter().map(PathBuf::from));
            if let Some(live) = nabo.settings().ok().and_then(|s| s.live_calendar_path) {
                files.push(PathBuf::from(live));
            }
        }
        for folder in &folders {
            files.extend(backups_in(folder).into_iter().map(|b| PathBuf::from(b.path)));
        }
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            files.push(PathBuf::from(name));
        }
        files.sort();
        files.dedup();
        let mut report = EraseReport { files: Vec::new(), key_store_entry: false, failed: Vec::new() };
        for file in files {
            match std::fs::remove_file(&file) {
                Ok(()) => report.files.push(file.display().to_string()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => report.failed.push((file.display().to_string(), e.to_string())),
            }
        }
        // The default folder goes too when it is empty now; a folder the user chose stays.
        let _ = std::fs::remove_dir(default_folder(path));
        // The key store is asked whatever the key came from this time: the database may have
        // been made with it before a passphrase was set. No key store: nothing kept there.
        report.key_store_entry = match KeySource::KeyStore.forget(path) {
            Ok(removed) => removed,
            Err(AppError::NoKeyStore) => false,
            Err(e) => return Err(e),
        };
        Ok(report)
    }
}

/// The key of the backup at `from` of the database at `path`; a path that is no file is
/// refused first, as a file that cannot be read.
fn backup_key(path: &Path, from: &Path, keys: &KeySource) -> Result<nabo_store::DbKey, AppError> {
    if !from.is_file() {
        let reason = if from.exists() { "not a file" } else { "no such file" };
        return Err(AppError::ReadFailed { path: from.display().to_string(), reason: reason.into() });
    }
    keys.key_of_backup(path, from)
}

/// The automatic backups in the default folder beside the database at `database`, newest
/// first: what can be offered when the database does not open at all.
pub fn backups_beside(database: &Path) -> Vec<BackupView> {
    backups_in(&default_folder(database))
}

/// The `backups` folder beside the database at `database`.
fn default_folder(database: &Path) -> PathBuf {
    database.parent().unwrap_or(Path::new(".")).join(DEFAULT_FOLDER)
}

/// A failed backup write, said as a write to `dest` where it is not the store's own refusal.
fn written(e: nabo_store::StoreError, dest: &Path) -> AppError {
    match e {
        nabo_store::StoreError::Io { source, .. } => {
            AppError::WriteFailed { path: dest.display().to_string(), reason: source.to_string() }
        }
        other => AppError::Store(other),
    }
}
