//! Where Nabo keeps its database: one rule for both front ends.

use std::path::PathBuf;

use crate::error::AppError;

/// The environment variable that overrides the database path.
pub const DB_ENV_VAR: &str = "NABO_DB";

/// The database in the OS data directory, shared by the CLI and the desktop app:
/// `$XDG_DATA_HOME/dk.nabo.app/nabo.db` on Linux (Tauri's app data directory).
pub fn default_database_path() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.data_dir().join("dk.nabo.app").join("nabo.db"))
}

/// The database to use: the one the front end was given (`--db`, or [`DB_ENV_VAR`] as the
/// adapter read it; an empty path counts as none), else [`default_database_path`].
///
/// Without either it is [`AppError::NoDataFolder`], for both front ends: the desktop app
/// used to fall back to `./nabo.db`, a file in whatever folder it was started from, which
/// the CLI (started from elsewhere) would never find — two databases without a word.
pub fn database_path(given: Option<PathBuf>) -> Result<PathBuf, AppError> {
    given.filter(|p| !p.as_os_str().is_empty()).or_else(default_database_path).ok_or(AppError::NoDataFolder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_given_path_wins_and_an_empty_one_counts_as_none() {
        assert_eq!(database_path(Some(PathBuf::from("/x/nabo.db"))).ok(), Some(PathBuf::from("/x/nabo.db")));
        assert_eq!(database_path(Some(PathBuf::new())).ok(), default_database_path());
        assert_eq!(database_path(None).ok(), default_database_path());
    }
}
