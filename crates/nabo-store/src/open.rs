//! Opening a database: the one place a connection is made.
//!
//! Four steps, after Mozilla application-services' `open_database`: look at
//! what the file is (without writing to it), refuse a schema newer than this
//! build, set the pragmas, then migrate to the latest schema. The first two
//! steps write nothing, so a refused file is left exactly as it was.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::db::Db;
use crate::error::StoreError;
use crate::key::DbKey;
use crate::schema::{migrations, SCHEMA_VERSION};

/// `PRAGMA application_id` of a Nabo database: "NABO" in ASCII.
pub const APPLICATION_ID: i32 = 0x4E41_424F;

/// How long a write waits for another connection's write lock before giving up with
/// [`StoreError::Busy`]. SQLite's own default is 0 and ours was 5 s, which a large calendar
/// import in the window outlasted; 30 s covers a big import while still ending a wait that
/// would never end (a program that hangs with the lock).
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The first 16 bytes of every SQLite 3 file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// An open Nabo database.
#[derive(Debug)]
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// Whether the file is damaged, once known: at open for a damaged header or before a
    /// migration, else at the first write or the first time it is asked (see `open_with`).
    damaged: std::cell::OnceCell<bool>,
    /// The file was a plain database from before encryption and was encrypted on this open.
    encrypted_now: bool,
    /// The key it was opened with (none for a damaged plain file), for its backups.
    pub(crate) key: Option<DbKey>,
}

/// What the first bytes of a file say, read before SQLite sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Header {
    /// No file, or a file of zero bytes: no database yet.
    Empty,
    /// A plain SQLite file (a database from before encryption) whose header Nabo could have
    /// written.
    Sound,
    /// The SQLite magic, but read/write version bytes no SQLite 3 writes in a rollback or WAL
    /// database (only 1 and 2 exist). A write version above 2 makes SQLite open the file
    /// read-only ("attempt to write a readonly database" at the first write); a read version
    /// above 2 makes it say "file is not a database". Both mean a damaged header.
    Damaged,
    /// Not plain SQLite, but it can be an encrypted database: at least one page (512 bytes or
    /// more), beginning with SQLCipher's 16 random bytes, its salt. Its first page tells, with
    /// the key.
    Encrypted {
        /// The first 16 bytes.
        salt: [u8; 16],
    },
    /// Something else: too short, or beginning as text (an .ics, a note). The odds that 64
    /// random bytes read as text are below one in 10^20.
    Foreign,
}

/// Reads the header with plain file I/O (which writes nothing).
pub(crate) fn read_header(path: &Path) -> Header {
    use std::io::Read;
    let Ok(file) = std::fs::File::open(path) else { return Header::Empty };
    let mut bytes = Vec::with_capacity(512);
    if file.take(512).read_to_end(&mut bytes).is_err() {
        return Header::Foreign;
    }
    if bytes.is_empty() {
        return Header::Empty;
    }
    if !bytes.starts_with(SQLITE_MAGIC) {
        let text = std::str::from_utf8(&bytes[..bytes.len().min(64)])
            .is_ok_and(|t| t.chars().all(|c| !c.is_control() || matches!(c, '\t' | '\r' | '\n')));
        return match bytes.get(..16).and_then(|start| <[u8; 16]>::try_from(start).ok()) {
            Some(salt) if bytes.len() == 512 && !text => Header::Encrypted { salt },
            _ => Header::Foreign,
        };
    }
    if bytes.len() < 100 {
        return Header::Foreign;
    }
    let known = |b: u8| b == 1 || b == 2;
    if known(bytes[18]) && known(bytes[19]) {
        Header::Sound
    } else {
        Header::Damaged
    }
}

/// True for a file of zero bytes with no write-ahead log holding data beside it: what a crash
/// during the very first start, a failed copy or `touch` leaves. It is "no database yet", so
/// `open` says run `nabo init` and `create` makes the database in it, instead of one saying
/// "already exists" and the other "no database" (issue 10).
fn is_zero_bytes(path: &Path) -> bool {
    let len = |p: &Path| std::fs::metadata(p).map(|m| m.len()).ok();
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    len(path) == Some(0) && len(Path::new(&wal)).unwrap_or(0) == 0
}

/// Only its owner may read or write a file Nabo keeps (mode 0600); a no-op elsewhere, and
/// when the user is not the owner (the file stays as it is and the open goes on).
pub(crate) fn keep_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.permissions().mode() & 0o077 != 0 {
                let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Creates an empty file readable by its owner only, so that SQLite, which gives its WAL and
/// shared-memory files the database's mode, keeps them private too.
pub(crate) fn create_private(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(drop)?;
    keep_private(path);
    Ok(())
}

/// `<path><suffix>`, beside it.
pub(crate) fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Sets the key: the first statement on an encrypted connection. SQLCipher's own log (which
/// writes a wrong key's failed page checks to stderr) is off: Nabo says what went wrong.
pub(crate) fn apply_key(conn: &Connection, key: &DbKey) -> Result<(), StoreError> {
    conn.execute_batch(&format!("PRAGMA key = \"{}\";", key.literal().as_str()))?;
    // After the key: SQLCipher sets its default (warnings, to stderr) when the first key
    // activates it, over anything set before.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    Ok(())
}

impl Store {
    /// Opens an existing Nabo database with its key, upgrading its schema if it is older (and
    /// encrypting it in place if it is a plain database from before encryption).
    pub fn open(path: &Path, key: &DbKey) -> Result<Self, StoreError> {
        if !path.exists() || is_zero_bytes(path) {
            return Err(StoreError::Missing { path: path.to_path_buf() });
        }
        Self::open_with(path, OpenFlags::SQLITE_OPEN_READ_WRITE, false, key)
    }

    /// Creates a new Nabo database encrypted with `key`; refuses if a file is already there (a
    /// zero-byte file is no database and is used).
    pub fn create(path: &Path, key: &DbKey) -> Result<Self, StoreError> {
        if path.exists() && !is_zero_bytes(path) {
            return Err(StoreError::AlreadyExists { path: path.to_path_buf() });
        }
        Self::open_or_create(path, key)
    }

    /// Opens the database at `path`, creating it (and its folder, private to its owner) if there
    /// is none.
    pub fn open_or_create(path: &Path, key: &DbKey) -> Result<Self, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            if !parent.exists() {
                std::fs::create_dir_all(parent)
                    .map_err(|source| StoreError::Folder { path: parent.to_path_buf(), source })?;
                // A folder Nabo makes is its own: 0700. One the user chose is left as it is.
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    let _ = std::fs::set_permissions(parent, std::fs::Permissions::from_mode(0o700));
                }
            }
        }
        if !path.exists() {
            create_private(path).map_err(|source| StoreError::Folder { path: path.to_path_buf(), source })?;
        }
        Self::open_with(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE, true, key)
    }

    /// True when this open found a plain database from before encryption and encrypted it.
    pub fn was_encrypted_now(&self) -> bool {
        self.encrypted_now
    }

    fn open_with(path: &Path, flags: OpenFlags, may_be_new: bool, key: &DbKey) -> Result<Self, StoreError> {
        // Step 0: the header as bytes. An SQLite header is a plain database from before
        // encryption: opened as it is, checked and migrated, then encrypted in place. Anything
        // else must be an encrypted database that opens with the key.
        let header = read_header(path);
        keep_private(path);
        match header {
            Header::Sound | Header::Damaged => {
                let store = Self::open_checked(path, flags, may_be_new, header, None)?;
                // A damaged file is left as it is, for reading: a copy would carry the damage on.
                if store.damaged.get() == Some(&true) || !quick_check_passes(&store.conn) {
                    let _ = store.damaged.set(true);
                    let _ = store.conn.pragma_update(None, "query_only", true);
                    return Ok(store);
                }
                store.encrypt_in_place(key)
            }
            Header::Foreign => Err(StoreError::NotADatabase { path: path.to_path_buf() }),
            Header::Encrypted { .. } | Header::Empty => Self::open_checked(path, flags, may_be_new, header, Some(key)),
        }
    }

    /// Steps 1 to 4 on a plain (`key` none) or encrypted connection.
    fn open_checked(
        path: &Path,
        flags: OpenFlags,
        may_be_new: bool,
        header: Header,
        key: Option<&DbKey>,
    ) -> Result<Self, StoreError> {
        let flags = flags | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| classify_open_error(e, path))?;
        let classify = |e: rusqlite::Error| classify_open_error(e, path);
        if let Some(key) = key {
            apply_key(&conn, key)?;
            // The first read tells a wrong key (SQLCipher's "file is not a database").
            if let Err(e) = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0)) {
                return Err(match e.sqlite_error_code() {
                    Some(rusqlite::ErrorCode::NotADatabase) => StoreError::WrongKey { path: path.to_path_buf() },
                    _ => classify(e),
                });
            }
        }

        // Step 1: what is this file? Reading the header writes nothing.
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(classify)?;
        let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(classify)?;
        let has_tables: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_schema)", [], |r| r.get(0)).map_err(classify)?;
        let is_empty = version == 0 && app_id == 0 && !has_tables;
        if app_id != APPLICATION_ID && !(is_empty && may_be_new) {
            return Err(if is_empty {
                StoreError::Missing { path: path.to_path_buf() }
            } else {
                StoreError::ForeignDatabase { path: path.to_path_buf() }
            });
        }
        // Step 2: a newer schema is refused before anything is written.
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew { path: path.to_path_buf(), found: version, supported: SCHEMA_VERSION });
        }
        // Step 2b: is it whole? `quick_check` reads every page (it skips only the index-content
        // comparison of `integrity_check`); measured on a database of 50,000 activities in
        // docs/ARCHITECTURE.md. A damaged file stays open for reading, so a volunteer can
        // still see and export the plan, but nothing is written to it: a write into a damaged
        // b-tree can spread the damage to pages that were sound. The check runs here only when
        // the header is damaged or a migration is about to write; otherwise before the first
        // write (`write`) or when asked (`is_damaged`), so that the window's start, which only
        // reads, does not wait for every page of the file to be read (~20 ms per 5,000 activities).
        let damaged = std::cell::OnceCell::new();
        if header == Header::Damaged {
            let _ = damaged.set(true);
        } else if is_empty {
            let _ = damaged.set(false);
        } else if version < SCHEMA_VERSION {
            let _ = damaged.set(!quick_check_passes(&conn));
        }
        let found_damaged = damaged.get() == Some(&true);
        // Step 3: pragmas.
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        if found_damaged {
            // Belt and braces: `write` refuses first, and SQLite refuses any other statement
            // that would write.
            conn.pragma_update(None, "query_only", true)?;
            if version < SCHEMA_VERSION {
                // Migrating would write, and the current queries cannot read the old schema.
                return Err(StoreError::DamagedDatabase);
            }
            return Ok(Self { conn, path: path.to_path_buf(), damaged, encrypted_now: false, key: key.cloned() });
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Step 4: migrate; each migration runs in its own transaction.
        if is_empty {
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        migrations().to_latest(&mut conn)?;
        Ok(Self { conn, path: path.to_path_buf(), damaged, encrypted_now: false, key: key.cloned() })
    }

    /// Encrypts this plain database with `key`: an encrypted copy beside it, checked (it opens
    /// with the key, passes `quick_check`, has the same schema version), then put in its place
    /// and the plain file's WAL removed. Until the rename the plain file is untouched, so a
    /// crash leaves either the old database or the new one (and perhaps a stray copy, which the
    /// next open replaces).
    fn encrypt_in_place(self, key: &DbKey) -> Result<Self, StoreError> {
        let path = self.path.clone();
        let copy = beside(&path, ".encrypting");
        let _ = std::fs::remove_file(&copy);
        create_private(&copy).map_err(|source| StoreError::Folder { path: copy.clone(), source })?;
        let version = self.schema_version()?;
        let quoted = copy.to_string_lossy().replace('\'', "''");
        let exported = (|| -> Result<(), StoreError> {
            self.conn.execute_batch(&format!(
                "ATTACH DATABASE '{quoted}' AS encrypted KEY \"{}\";",
                key.literal().as_str()
            ))?;
            self.conn.query_row("SELECT sqlcipher_export('encrypted')", [], |_| Ok(()))?;
            self.conn.execute_batch(&format!(
                "PRAGMA encrypted.user_version = {version}; PRAGMA encrypted.application_id = {APPLICATION_ID};
                 DETACH DATABASE encrypted;"
            ))?;
            // Everything in the main file and the WAL emptied: nothing of the plain database
            // is left in a file beside the encrypted one.
            self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
            Ok(())
        })();
        let Self { conn, .. } = self;
        drop(conn);
        let checked = exported.and_then(|()| {
            let check = Connection::open(&copy)?;
            apply_key(&check, key)?;
            let copied: i64 = check.pragma_query_value(None, "user_version", |r| r.get(0))?;
            if copied != version || !quick_check_passes(&check) {
                return Err(StoreError::Damaged {
                    what: "encrypted copy",
                    id: 0,
                    detail: "it does not read back as the database it was made from".into(),
                });
            }
            drop(check);
            std::fs::File::open(&copy)
                .and_then(|f| f.sync_all())
                .map_err(|source| StoreError::Folder { path: copy.clone(), source })
        });
        if let Err(e) = checked {
            let _ = std::fs::remove_file(&copy);
            return Err(e);
        }
        std::fs::rename(&copy, &path).map_err(|source| StoreError::Folder { path: path.clone(), source })?;
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            let _ = std::fs::File::open(folder).and_then(|f| f.sync_all());
        }
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(beside(&path, suffix));
        }
        let mut store =
            Self::open_checked(&path, OpenFlags::SQLITE_OPEN_READ_WRITE, false, read_header(&path), Some(key))?;
        store.encrypted_now = true;
        Ok(store)
    }

    /// True when the file is damaged (checked once, the first time it matters): reads work as far
    /// as they can, writes are refused with [`StoreError::DamagedDatabase`].
    pub fn is_damaged(&self) -> bool {
        *self.damaged.get_or_init(|| {
            let damaged = !quick_check_passes(&self.conn);
            if damaged {
                // As at open: SQLite itself refuses any statement that would write.
                let _ = self.conn.pragma_update(None, "query_only", true);
            }
            damaged
        })
    }

    /// Sets how long a write waits for another connection's lock (default [`BUSY_TIMEOUT`]).
    pub fn set_busy_timeout(&self, timeout: Duration) -> Result<(), StoreError> {
        Ok(self.conn.busy_timeout(timeout)?)
    }

    /// The path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version recorded in the file.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// The database, for the read queries of this crate.
    pub fn conn(&self) -> Db<'_> {
        Db::new(&self.conn)
    }

    /// Runs `f` in one immediate transaction: all of its writes are kept, or none.
    pub fn write<T, E>(&mut self, f: impl FnOnce(Db<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        if self.is_damaged() {
            return Err(StoreError::DamagedDatabase.into());
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(StoreError::from)?;
        let value = f(Db::new(&tx))?;
        tx.commit().map_err(StoreError::from)?;
        Ok(value)
    }

    /// Runs `f` in one transaction and then undoes all of it: a dry run that does exactly what
    /// the real run would, and keeps nothing.
    pub fn rehearse<T, E>(&mut self, f: impl FnOnce(Db<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Deferred).map_err(StoreError::from)?;
        let value = f(Db::new(&tx))?;
        tx.rollback().map_err(StoreError::from)?;
        Ok(value)
    }

    /// Checks the file's integrity and foreign keys; returns the problems found, if any.
    pub fn check_integrity(&self) -> Result<Vec<String>, StoreError> {
        integrity_problems(&self.conn)
    }
}

/// `cipher_integrity_check`, `integrity_check` and `foreign_key_check` on `conn`: the problems
/// found, one line each; none for a sound file.
pub(crate) fn integrity_problems(conn: &Connection) -> Result<Vec<String>, StoreError> {
    // In an encrypted file a changed page fails its authentication first, and SQLite's own
    // check then stops with a bare "logic error": SQLCipher's check names each such page.
    let mut problems = cipher_problems(conn);
    if !problems.is_empty() {
        return Ok(problems);
    }
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
        match row {
            Ok(line) if line == "ok" => {}
            Ok(line) => problems.push(line),
            // SQLite stops checking at a page it cannot even read; what it found so far
            // is the report, not an error that would hide it.
            Err(e) => match StoreError::from(e) {
                StoreError::DamagedDatabase => {
                    problems.push("a page cannot be read (database disk image is malformed)".to_string());
                    break;
                }
                other => return Err(other),
            },
        }
    }
    if !problems.is_empty() {
        // References are not worth checking in a file whose pages are damaged.
        return Ok(problems);
    }
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let rows = stmt.query_map([], |r| {
        Ok(format!(
            "{} row {} refers to a missing {}",
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
            r.get::<_, String>(2)?
        ))
    })?;
    for row in rows {
        problems.push(row?);
    }
    Ok(problems)
}

/// `PRAGMA quick_check(1)`: true when it answers "ok". An error while checking (SQLite's
/// "database disk image is malformed" on a page it cannot read) is damage too.
pub(crate) fn quick_check_passes(conn: &Connection) -> bool {
    cipher_problems(conn).is_empty()
        && conn.query_row("PRAGMA quick_check(1)", [], |r| r.get::<_, String>(0)).is_ok_and(|line| line == "ok")
}

/// `PRAGMA cipher_integrity_check`: the pages of an encrypted file that fail their
/// authentication (changed or cut off), one line each; none for a sound or a plain file.
fn cipher_problems(conn: &Connection) -> Vec<String> {
    let Ok(mut stmt) = conn.prepare("PRAGMA cipher_integrity_check") else { return Vec::new() };
    let Ok(rows) = stmt.query_map([], |r| r.get::<_, String>(0)) else { return Vec::new() };
    rows.filter_map(Result::ok).collect()
}

/// Turns SQLite's errors while opening into Nabo's: "file is not a database" names the path
/// when the file does not even start like SQLite (`read_header` let it through only if it
/// does, so here it means a damaged header), "malformed" is a damaged file, busy is busy.
/// (SQLite's "attempt to write a readonly database" from a damaged header does not arise:
/// `read_header` finds that header first. A read-only *file* stays a storage error: it is a
/// permission, not damage.)
fn classify_open_error(e: rusqlite::Error, path: &Path) -> StoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase)
            if matches!(read_header(path), Header::Foreign | Header::Encrypted { .. }) =>
        {
            StoreError::NotADatabase { path: path.to_path_buf() }
        }
        _ => StoreError::from(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stores_connection_enforces_foreign_keys() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::create(&dir.path().join("nabo.db"), &DbKey::from_bytes([7; 32])).expect("create");
        let fk: i64 = store.conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).expect("pragma");
        assert_eq!(fk, 1);
    }
}
