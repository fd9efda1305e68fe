//! Where Nabo keeps its database by default.

use std::path::PathBuf;

/// The environment variable that overrides the database path.
pub const DB_ENV_VAR: &str = "NABO_DB";

/// The database in the OS data directory, shared by the CLI and the desktop app:
/// `$XDG_DATA_HOME/dk.nabo.app/nabo.db` on Linux (Tauri's app data directory).
pub fn default_database_path() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.data_dir().join("dk.nabo.app").join("nabo.db"))
}
