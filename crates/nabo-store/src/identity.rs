//! Who uses this database.

use chrono::{DateTime, Utc};
use rusqlite::{named_params, OptionalExtension};

use crate::db::Db;
use crate::error::StoreError;

/// The role of the person using this database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A volunteer who plans activities and records counts.
    Volunteer,
    /// A coordinator who collects summaries.
    Coordinator,
}

impl Role {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Volunteer => "volunteer",
            Role::Coordinator => "coordinator",
        }
    }
}

/// This database's user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// Their role.
    pub role: Role,
    /// The name they chose to show to their coordinator, if any.
    pub display_name: Option<String>,
}

/// Records who uses this database; there is exactly one identity.
pub fn insert_identity(conn: Db<'_>, identity: &Identity, now: DateTime<Utc>) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO identity (id, role, display_name, created_utc) VALUES (1, :role, :name, :now)",
        named_params! { ":role": identity.role.as_str(), ":name": identity.display_name, ":now": now.timestamp() },
    )?;
    Ok(())
}

/// Sets the role, recording an identity without a name if there is none yet.
pub fn set_role(conn: Db<'_>, role: Role, now: DateTime<Utc>) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO identity (id, role, display_name, created_utc) VALUES (1, :role, NULL, :now)
         ON CONFLICT (id) DO UPDATE SET role = excluded.role",
        named_params! { ":role": role.as_str(), ":now": now.timestamp() },
    )?;
    Ok(())
}

/// Who uses this database, if `init` has run.
pub fn get_identity(conn: Db<'_>) -> Result<Option<Identity>, StoreError> {
    let row = conn
        .query_row("SELECT role, display_name FROM identity WHERE id = 1", [], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })
        .optional()?;
    row.map(|(role, display_name)| {
        let role = match role.as_str() {
            "volunteer" => Role::Volunteer,
            "coordinator" => Role::Coordinator,
            other => {
                return Err(StoreError::Damaged { what: "identity", id: 1, detail: format!("unknown role '{other}'") })
            }
        };
        Ok(Identity { role, display_name })
    })
    .transpose()
}
