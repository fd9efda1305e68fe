//! Backups (issue 14): a consistent, encrypted copy of the open database, and putting one back.
//!
//! A backup is made with `sqlcipher_export` into a file attached with the database's own key,
//! inside one read transaction: in WAL mode that is a snapshot, so a backup taken while another
//! connection writes holds everything committed before it began and nothing half-written.
//! (SQLite's online backup API refuses encrypted databases in SQLCipher 4, and `VACUUM INTO`
//! writes its copy with no key: SQLCipher's own advice is `sqlcipher_export`.)
//! The copy is written beside its destination, read back and checked, synced, and only then
//! renamed into place, so a crash leaves the old backup or the new one, never half of one.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::StoreError;
use crate::key::DbKey;
use crate::open::{
    apply_key, beside, create_private, integrity_problems, quick_check_passes, read_header, Header, Store,
    APPLICATION_ID,
};
use crate::schema::SCHEMA_VERSION;

/// The suffix of a backup while it is being written.
const PARTIAL: &str = ".partial";
/// The suffix of a restored copy while it is checked, beside the database.
const RESTORING: &str = ".restoring";
/// The suffix the database being replaced by a restore keeps until the new one has opened.
const BEFORE_RESTORE: &str = ".before-restore";

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io { path: path.to_path_buf(), source }
}

/// Syncs a file's contents and then its folder's entry, so a rename that follows is durable.
fn sync_file_and_folder(path: &Path) -> Result<(), StoreError> {
    std::fs::File::open(path).and_then(|f| f.sync_all()).map_err(io_error(path))?;
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        let _ = std::fs::File::open(folder).and_then(|f| f.sync_all());
    }
    Ok(())
}

impl Store {
    /// Writes a consistent copy of the database to `dest`, encrypted with the database's key,
    /// replacing any file there only once the copy is whole and checked.
    pub fn backup_to(&self, dest: &Path) -> Result<(), StoreError> {
        if self.is_damaged() {
            // A copy would carry the damage on, and overwrite a sound older backup with it.
            return Err(StoreError::DamagedDatabase);
        }
        let Some(key) = self.key.as_ref() else { return Err(StoreError::DamagedDatabase) };
        let partial = beside(dest, PARTIAL);
        let _ = std::fs::remove_file(&partial);
        create_private(&partial).map_err(io_error(&partial))?;
        let written = self.export_to(&partial, key).and_then(|version| {
            check_copy(&partial, key, version)?;
            sync_file_and_folder(&partial)
        });
        if let Err(e) = written {
            let _ = std::fs::remove_file(&partial);
            return Err(e);
        }
        std::fs::rename(&partial, dest).map_err(io_error(dest))?;
        sync_file_and_folder(dest)
    }

    /// Exports every table into `file` (attached with `key`) in one read transaction; returns
    /// the schema version it copied.
    fn export_to(&self, file: &Path, key: &DbKey) -> Result<i64, StoreError> {
        let quoted = file.to_string_lossy().replace('\'', "''");
        self.conn
            .execute_batch(&format!("ATTACH DATABASE '{quoted}' AS backup KEY \"{}\";", key.literal().as_str()))?;
        let exported = (|| -> Result<i64, StoreError> {
            // One transaction: every table is read from the same snapshot.
            self.conn.execute_batch("BEGIN DEFERRED;")?;
            let copied = (|| -> Result<i64, StoreError> {
                let version = self.schema_version()?;
                self.conn.query_row("SELECT sqlcipher_export('backup')", [], |_| Ok(()))?;
                self.conn.execute_batch(&format!(
                    "PRAGMA backup.user_version = {version}; PRAGMA backup.application_id = {APPLICATION_ID};"
                ))?;
                Ok(version)
            })();
            match copied {
                Ok(version) => {
                    self.conn.execute_batch("COMMIT;")?;
                    Ok(version)
                }
                Err(e) => {
                    let _ = self.conn.execute_batch("ROLLBACK;");
                    Err(e)
                }
            }
        })();
        let detached = self.conn.execute_batch("DETACH DATABASE backup;");
        let version = exported?;
        detached?;
        Ok(version)
    }
}

/// Reads a just-written copy back with `key`: it must open, pass `quick_check` and carry
/// `version`.
fn check_copy(file: &Path, key: &DbKey, version: i64) -> Result<(), StoreError> {
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    apply_key(&conn, key)?;
    let copied: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if copied != version || !quick_check_passes(&conn) {
        return Err(StoreError::Damaged {
            what: "backup copy",
            id: 0,
            detail: "it does not read back as the database it was made from".into(),
        });
    }
    Ok(())
}

/// What a backup file holds, found by [`check_backup`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFacts {
    /// The schema version of the backup (older ones are upgraded when restored).
    pub schema_version: i64,
}

/// Checks that the file at `file` is a whole Nabo database that opens with `key`: the key, the
/// application id, a schema this build reads, `cipher_integrity_check`, `integrity_check` and
/// `foreign_key_check`. It is opened read-only (SQLite may still add `-wal` and `-shm` files
/// beside one in WAL mode: [`restore`] checks a copy of its own).
pub fn check_backup(file: &Path, key: &DbKey) -> Result<BackupFacts, StoreError> {
    match read_header(file) {
        Header::Encrypted { .. } => {}
        Header::Empty if !file.exists() => return Err(StoreError::Missing { path: file.to_path_buf() }),
        _ => return Err(StoreError::NotABackup { path: file.to_path_buf() }),
    }
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|_| StoreError::NotABackup { path: file.to_path_buf() })?;
    apply_key(&conn, key)?;
    if let Err(e) = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0)) {
        return Err(match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => StoreError::WrongKey { path: file.to_path_buf() },
            _ => StoreError::from(e),
        });
    }
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    if app_id != APPLICATION_ID {
        return Err(StoreError::ForeignDatabase { path: file.to_path_buf() });
    }
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew { path: file.to_path_buf(), found: version, supported: SCHEMA_VERSION });
    }
    let problems = integrity_problems(&conn)?;
    if !problems.is_empty() {
        return Err(StoreError::BackupDamaged { path: file.to_path_buf(), problems: problems.join("; ") });
    }
    Ok(BackupFacts { schema_version: version })
}

/// Replaces the database at `path` with the backup at `from`, which must open with `key`.
///
/// Nothing is replaced until a copy of the backup, beside the database, has passed
/// [`check_backup`]; the database it replaces is kept beside it until the restored one has
/// opened (and been upgraded, if it is older), and put back if that fails. No connection to
/// the database at `path` may be open in this process.
pub fn restore(path: &Path, from: &Path, key: &DbKey) -> Result<Store, StoreError> {
    let copy = checked_copy(path, from, key)?;
    let remove_copy = || remove_with_companions(&copy);
    let old = set_aside(path, key);
    let old = match old {
        Ok(old) => old,
        Err(e) => {
            remove_copy();
            return Err(e);
        }
    };
    if let Err(e) = std::fs::rename(&copy, path).map_err(io_error(path)) {
        put_back(path, &old);
        remove_copy();
        return Err(e);
    }
    let _ = sync_file_and_folder(path);
    match Store::open(path, key) {
        Ok(store) => {
            for file in old {
                let _ = std::fs::remove_file(file.aside);
            }
            Ok(store)
        }
        Err(e) => {
            remove_with_companions(path);
            put_back(path, &old);
            Err(e)
        }
    }
}

/// Checks the backup at `from` as [`restore`] would, on a copy beside the database at `path`
/// that is removed again: nothing at `path` changes.
pub fn verify_backup(path: &Path, from: &Path, key: &DbKey) -> Result<BackupFacts, StoreError> {
    let copy = checked_copy(path, from, key)?;
    let facts = check_backup(&copy, key).map_err(|e| e.naming(&copy, from));
    remove_with_companions(&copy);
    facts
}

/// A copy of the backup at `from` beside the database at `path`, private and synced, that has
/// passed [`check_backup`] (errors name `from`). The copy is checked, not the file given:
/// opening a database in WAL mode (a copy of a live one) makes SQLite add files beside it, and
/// the backup's folder is left as it was.
fn checked_copy(path: &Path, from: &Path, key: &DbKey) -> Result<PathBuf, StoreError> {
    let copy = beside(path, RESTORING);
    remove_with_companions(&copy);
    if !from.exists() {
        return Err(StoreError::Missing { path: from.to_path_buf() });
    }
    let copied = copy_private(from, &copy).and_then(|()| {
        let checked = check_backup(&copy, key).map_err(|e| e.naming(&copy, from));
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(beside(&copy, suffix));
        }
        checked?;
        sync_file_and_folder(&copy)
    });
    match copied {
        Ok(()) => Ok(copy),
        Err(e) => {
            remove_with_companions(&copy);
            Err(e)
        }
    }
}

/// Removes `file` and the -wal and -shm SQLite may have made beside it.
fn remove_with_companions(file: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(beside(file, suffix));
    }
}

/// A file of the replaced database, moved aside during a restore.
struct Aside {
    /// Where it was.
    was: PathBuf,
    /// Where it is until the restored database has opened.
    aside: PathBuf,
}

/// Moves the database at `path` and its WAL aside (first folding the WAL in, when the database
/// opens with `key`); returns what was moved. Nothing to move is no error: restoring into a
/// missing database is how a lost one is brought back.
fn set_aside(path: &Path, key: &DbKey) -> Result<Vec<Aside>, StoreError> {
    if let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE) {
        if apply_key(&conn, key).is_ok() {
            let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        }
    }
    let mut moved = Vec::new();
    for suffix in ["", "-wal"] {
        let was = beside(path, suffix);
        if !was.exists() {
            continue;
        }
        let aside = beside(path, &format!("{BEFORE_RESTORE}{suffix}"));
        if let Err(e) = std::fs::rename(&was, &aside) {
            put_back(path, &moved);
            return Err(StoreError::Io { path: was, source: e });
        }
        moved.push(Aside { was, aside });
    }
    let _ = std::fs::remove_file(beside(path, "-shm"));
    Ok(moved)
}

/// Moves the files [`set_aside`] moved back where they were.
fn put_back(path: &Path, moved: &[Aside]) {
    let _ = std::fs::remove_file(beside(path, "-shm"));
    for file in moved {
        let _ = std::fs::rename(&file.aside, &file.was);
    }
}

/// Copies `from` into a new file at `to` that only its owner may read.
fn copy_private(from: &Path, to: &Path) -> Result<(), StoreError> {
    create_private(to).map_err(io_error(to))?;
    let mut source = std::fs::File::open(from).map_err(io_error(from))?;
    let mut target = std::fs::OpenOptions::new().write(true).truncate(true).open(to).map_err(io_error(to))?;
    std::io::copy(&mut source, &mut target).map_err(io_error(to))?;
    Ok(())
}
