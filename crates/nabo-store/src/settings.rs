//! User settings as key/value text.

use rusqlite::{named_params, OptionalExtension};

use crate::db::Db;
use crate::error::StoreError;

/// The stored value of a setting, if set.
pub fn get_setting(conn: Db<'_>, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = :key", named_params! { ":key": key }, |r| r.get(0))
        .optional()?)
}

/// Sets a setting, replacing any earlier value.
pub fn set_setting(conn: Db<'_>, key: &str, value: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (:key, :value)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        named_params! { ":key": key, ":value": value },
    )?;
    Ok(())
}
