//! Errors from opening and querying the store.

use std::path::PathBuf;

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No database file at the path.
    #[error("no Nabo database at {path}")]
    Missing {
        /// Where it was looked for.
        path: PathBuf,
    },
    /// A database already exists where a new one was to be made.
    #[error("a Nabo database already exists at {path}")]
    AlreadyExists {
        /// The path.
        path: PathBuf,
    },
    /// The file is not an SQLite database.
    #[error("{path} is not a Nabo database (not an SQLite file)")]
    NotADatabase {
        /// The path.
        path: PathBuf,
    },
    /// The file is encrypted and does not open with the key given: the passphrase is wrong, the
    /// key store holds another key (or none), or it is not a Nabo database at all.
    #[error("{path} does not open with this key: the passphrase is wrong or the key is missing (or it is not a Nabo database)")]
    WrongKey {
        /// The path.
        path: PathBuf,
    },
    /// The file is an SQLite database of another program.
    #[error("{path} is an SQLite database of another program, not Nabo's")]
    ForeignDatabase {
        /// The path.
        path: PathBuf,
    },
    /// The database was written by a newer Nabo.
    #[error("{path} has schema version {found}, newer than this Nabo understands ({supported}); update Nabo")]
    TooNew {
        /// The path.
        path: PathBuf,
        /// The version in the file.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// No row with that id.
    #[error("no {what} with id {id}")]
    NotFound {
        /// What was looked for, e.g. "activity".
        what: &'static str,
        /// The id.
        id: i64,
    },
    /// A stored row holds a value that cannot be read back.
    #[error("stored {what} {id} is damaged: {detail}")]
    Damaged {
        /// What kind of row.
        what: &'static str,
        /// Its id.
        id: i64,
        /// What is wrong.
        detail: String,
    },
    /// The folder for a new database could not be made.
    #[error("could not create the folder {path}: {source}")]
    Folder {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file could not be read or written.
    #[error("could not read or write {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file to restore from is not a Nabo backup (not an encrypted database).
    #[error("{path} is not a Nabo backup")]
    NotABackup {
        /// The file.
        path: PathBuf,
    },
    /// The backup opens with the key but fails its integrity check.
    #[error("the backup {path} is damaged: {problems}")]
    BackupDamaged {
        /// The file.
        path: PathBuf,
        /// What the checks found.
        problems: String,
    },
    /// The database file is damaged (its header, a page, or `PRAGMA quick_check` says so).
    /// Nabo reads what it still can but writes nothing to it.
    #[error("the database is damaged; Nabo writes nothing to it (see `nabo check`)")]
    DamagedDatabase,
    /// Another connection (the window, or another `nabo` command such as a large import) held
    /// the write lock for longer than the busy timeout.
    #[error("another Nabo is writing to the database")]
    Busy,
    /// Upgrading the schema failed.
    #[error("could not upgrade the database schema: {0}")]
    Migration(#[source] rusqlite_migration::Error),
    /// SQLite reported an error.
    #[error("database error: {0}")]
    Sqlite(#[source] rusqlite::Error),
}

impl StoreError {
    /// The same error about `instead` where it named `file` (a copy checked in its place).
    pub(crate) fn naming(self, file: &std::path::Path, instead: &std::path::Path) -> Self {
        let swap = |path: PathBuf| if path == file { instead.to_path_buf() } else { path };
        match self {
            StoreError::Missing { path } => StoreError::Missing { path: swap(path) },
            StoreError::NotABackup { path } => StoreError::NotABackup { path: swap(path) },
            StoreError::WrongKey { path } => StoreError::WrongKey { path: swap(path) },
            StoreError::ForeignDatabase { path } => StoreError::ForeignDatabase { path: swap(path) },
            StoreError::TooNew { path, found, supported } => StoreError::TooNew { path: swap(path), found, supported },
            StoreError::BackupDamaged { path, problems } => StoreError::BackupDamaged { path: swap(path), problems },
            other => other,
        }
    }
}

/// What SQLite's error means for the user, when it is not a plain failure.
fn classify(e: &rusqlite::Error) -> Option<StoreError> {
    match e.sqlite_error_code() {
        // SQLite's own words ("database disk image is malformed", "file is not a database" in
        // the middle of a session) never reach the user: the file is damaged.
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
            Some(StoreError::DamagedDatabase)
        }
        // SQLITE_BUSY / SQLITE_LOCKED after the busy timeout: someone else holds the write lock.
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => Some(StoreError::Busy),
        _ => None,
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        classify(&e).unwrap_or(StoreError::Sqlite(e))
    }
}

impl From<rusqlite_migration::Error> for StoreError {
    fn from(e: rusqlite_migration::Error) -> Self {
        let inner = match &e {
            rusqlite_migration::Error::RusqliteError { err, .. } => classify(err),
            _ => None,
        };
        inner.unwrap_or(StoreError::Migration(e))
    }
}
