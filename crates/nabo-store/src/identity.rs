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
    /// Both: plans and records, and collects summaries.
    Both,
}

impl Role {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Volunteer => "volunteer",
            Role::Coordinator => "coordinator",
            Role::Both => "both",
        }
    }

    /// The role with this stored name.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "volunteer" => Some(Role::Volunteer),
            "coordinator" => Some(Role::Coordinator),
            "both" => Some(Role::Both),
            _ => None,
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

/// This database's keys, as stored: the Ed25519 seed it signs with, and the age identity it
/// decrypts summaries with (for a coordinator).
#[derive(Clone, PartialEq, Eq)]
pub struct StoredKeys {
    /// The Ed25519 seed.
    pub signing_seed: [u8; 32],
    /// The age X25519 identity, `AGE-SECRET-KEY-1…`.
    pub encryption_key: Option<String>,
}

impl std::fmt::Debug for StoredKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StoredKeys(…)")
    }
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

/// Sets the name shown to others (none clears it); nothing happens before `init`.
pub fn set_display_name(conn: Db<'_>, name: Option<&str>) -> Result<(), StoreError> {
    conn.execute("UPDATE identity SET display_name = :name WHERE id = 1", named_params! { ":name": name })?;
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
        let role = Role::from_name(&role).ok_or_else(|| StoreError::Damaged {
            what: "identity",
            id: 1,
            detail: format!("unknown role '{}'", role.chars().take(20).collect::<String>()),
        })?;
        Ok(Identity { role, display_name })
    })
    .transpose()
}

/// This database's keys, if they were made (`None` also before `init`).
pub fn get_keys(conn: Db<'_>) -> Result<Option<StoredKeys>, StoreError> {
    let row = conn
        .query_row("SELECT signing_key, encryption_key FROM identity WHERE id = 1", [], |r| {
            Ok((r.get::<_, Option<Vec<u8>>>(0)?, r.get::<_, Option<String>>(1)?))
        })
        .optional()?;
    let Some((Some(seed), encryption_key)) = row else { return Ok(None) };
    let signing_seed = <[u8; 32]>::try_from(seed.as_slice()).map_err(|_| StoreError::Damaged {
        what: "identity",
        id: 1,
        detail: "the signing key is not 32 bytes".into(),
    })?;
    Ok(Some(StoredKeys { signing_seed, encryption_key }))
}

/// Stores this database's keys, replacing none: a key once made is never silently changed
/// (files signed with it would no longer verify). Returns false when keys were there already.
pub fn set_keys_once(conn: Db<'_>, keys: &StoredKeys) -> Result<bool, StoreError> {
    let changed = conn.execute(
        "UPDATE identity SET signing_key = :seed, encryption_key = :enc WHERE id = 1 AND signing_key IS NULL",
        named_params! { ":seed": keys.signing_seed.as_slice(), ":enc": keys.encryption_key },
    )?;
    Ok(changed == 1)
}

/// Adds the encryption key a coordinator decrypts with, when the database has none yet.
pub fn set_encryption_key_once(conn: Db<'_>, key: &str) -> Result<bool, StoreError> {
    let changed = conn.execute(
        "UPDATE identity SET encryption_key = :enc WHERE id = 1 AND encryption_key IS NULL",
        named_params! { ":enc": key },
    )?;
    Ok(changed == 1)
}
