//! Opening a database: the one place a connection is made.
//!
//! Four steps, after Mozilla application-services' `open_database`: look at
//! what the file is (without writing to it), refuse a schema newer than this
//! build, set the pragmas, then migrate to the latest schema. The first two
//! steps write nothing, so a refused file is left exactly as it was.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::StoreError;
use crate::schema::{migrations, SCHEMA_VERSION};

/// `PRAGMA application_id` of a Nabo database: "NABO" in ASCII.
pub const APPLICATION_ID: i32 = 0x4E41_424F;

/// An open Nabo database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens an existing Nabo database, upgrading its schema if it is older.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing { path: path.to_path_buf() });
        }
        Self::open_with(path, OpenFlags::SQLITE_OPEN_READ_WRITE, false)
    }

    /// Creates a new Nabo database; refuses if a file is already there.
    pub fn create(path: &Path) -> Result<Self, StoreError> {
        if path.exists() {
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
        let flags = flags | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags)?;
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
        // Step 3: pragmas.
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Step 4: migrate; each migration runs in its own transaction.
        if is_empty {
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        migrations().to_latest(&mut conn)?;
        Ok(Self { conn, path: path.to_path_buf() })
    }

    /// The path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version recorded in the file.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// The connection, for reading.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one immediate transaction: all of its writes are kept, or none.
    pub fn write<T, E>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(StoreError::from)?;
        let value = f(&tx)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(value)
    }

    /// Checks the file's integrity and foreign keys; returns the problems found, if any.
    pub fn check_integrity(&self) -> Result<Vec<String>, StoreError> {
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let line = row?;
            if line != "ok" {
                problems.push(line);
            }
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

/// Turns SQLite's "file is not a database" into a typed error naming the path.
fn classify_open_error(e: rusqlite::Error, path: &Path) -> StoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotADatabase { path: path.to_path_buf() },
        _ => StoreError::Sqlite(e),
    }
}
