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
    conn: Connection,
    path: PathBuf,
    /// Whether the file is damaged, once known: at open for a damaged header or before a
    /// migration, else at the first write or the first time it is asked (see `open_with`).
    damaged: std::cell::OnceCell<bool>,
}

/// What the first 100 bytes of a file say, read before SQLite sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Header {
    /// No file, or a file of zero bytes: no database yet.
    Empty,
    /// An SQLite file whose header Nabo could have written.
    Sound,
    /// The SQLite magic, but read/write version bytes no SQLite 3 writes in a rollback or WAL
    /// database (only 1 and 2 exist). A write version above 2 makes SQLite open the file
    /// read-only ("attempt to write a readonly database" at the first write); a read version
    /// above 2 makes it say "file is not a database". Both mean a damaged header.
    Damaged,
    /// Something else: not an SQLite file at all.
    Foreign,
}

/// Reads the header with plain file I/O (which writes nothing). When the database is
/// encrypted at rest (DESIGN.md), the first bytes will no longer be the SQLite magic and this
/// check must learn the encrypted format's header.
fn read_header(path: &Path) -> Header {
    use std::io::Read;
    let Ok(file) = std::fs::File::open(path) else { return Header::Empty };
    let mut bytes = Vec::with_capacity(100);
    if file.take(100).read_to_end(&mut bytes).is_err() {
        return Header::Foreign;
    }
    if bytes.is_empty() {
        return Header::Empty;
    }
    if bytes.len() < 100 || !bytes.starts_with(SQLITE_MAGIC) {
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

impl Store {
    /// Opens an existing Nabo database, upgrading its schema if it is older.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if !path.exists() || is_zero_bytes(path) {
            return Err(StoreError::Missing { path: path.to_path_buf() });
        }
        Self::open_with(path, OpenFlags::SQLITE_OPEN_READ_WRITE, false)
    }

    /// Creates a new Nabo database; refuses if a file is already there (a zero-byte file is
    /// no database and is used).
    pub fn create(path: &Path) -> Result<Self, StoreError> {
        if path.exists() && !is_zero_bytes(path) {
            return Err(StoreError::AlreadyExists { path: path.to_path_buf() });
        }
        Self::open_or_create(path)
    }

    /// Opens the database at `path`, creating it (and its folder) if there is none.
    pub fn open_or_create(path: &Path) -> Result<Self, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|source| StoreError::Folder { path: parent.to_path_buf(), source })?;
        }
        Self::open_with(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE, true)
    }

    fn open_with(path: &Path, flags: OpenFlags, may_be_new: bool) -> Result<Self, StoreError> {
        // Step 0: the header as bytes. A file that is not SQLite at all is refused here, and a
        // damaged header is known before SQLite gives its own words for it.
        let header = read_header(path);
        if header == Header::Foreign {
            return Err(StoreError::NotADatabase { path: path.to_path_buf() });
        }
        let flags = flags | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| classify_open_error(e, path))?;
        let classify = |e: rusqlite::Error| classify_open_error(e, path);

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
            return Ok(Self { conn, path: path.to_path_buf(), damaged });
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Step 4: migrate; each migration runs in its own transaction.
        if is_empty {
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        migrations().to_latest(&mut conn)?;
        Ok(Self { conn, path: path.to_path_buf(), damaged })
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
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
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
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
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
}

/// `PRAGMA quick_check(1)`: true when it answers "ok". An error while checking (SQLite's
/// "database disk image is malformed" on a page it cannot read) is damage too.
fn quick_check_passes(conn: &Connection) -> bool {
    conn.query_row("PRAGMA quick_check(1)", [], |r| r.get::<_, String>(0)).is_ok_and(|line| line == "ok")
}

/// Turns SQLite's errors while opening into Nabo's: "file is not a database" names the path
/// when the file does not even start like SQLite (`read_header` let it through only if it
/// does, so here it means a damaged header), "malformed" is a damaged file, busy is busy.
/// (SQLite's "attempt to write a readonly database" from a damaged header does not arise:
/// `read_header` finds that header first. A read-only *file* stays a storage error: it is a
/// permission, not damage.)
fn classify_open_error(e: rusqlite::Error, path: &Path) -> StoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) if read_header(path) == Header::Foreign => {
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
        let store = Store::create(&dir.path().join("nabo.db")).expect("create");
        let fk: i64 = store.conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).expect("pragma");
        assert_eq!(fk, 1);
    }
}
