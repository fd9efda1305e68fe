//! Where the database's key comes from (issue 14): a random key in the OS key store, or a
//! passphrase the user chose, stretched with Argon2id. The database itself is SQLCipher
//! (`nabo_store::DbKey`); nothing here is ever written to disk but by the key store.

use std::path::{Path, PathBuf};

use nabo_store::{file_salt, needs_new_key, DbKey};
use zeroize::Zeroizing;

use crate::error::AppError;

/// The environment variable the CLI (and a headless app) reads a passphrase from.
pub const PASSPHRASE_VAR: &str = "NABO_PASSPHRASE";

/// The key store's service name; each database is an account of it, named by its path.
const SERVICE: &str = "Nabo";

/// Argon2id's cost: 64 MiB of memory, 3 passes, 1 lane (OWASP's first recommendation is
/// 19 MiB × 2; this is more, and about 0.15 s on a small laptop). Fixed for every database a
/// passphrase opens: changing it needs a way to tell old files from new ones.
pub const ARGON2_MEMORY_KIB: u32 = 64 * 1024;
/// Argon2id's passes.
pub const ARGON2_PASSES: u32 = 3;
/// Argon2id's lanes.
pub const ARGON2_LANES: u32 = 1;

/// How a database's key is found.
pub enum KeySource {
    /// A random 256-bit key in the OS key store, one per database (its path is the account).
    KeyStore,
    /// A passphrase, stretched with Argon2id over the database file's salt.
    Passphrase(Zeroizing<String>),
    /// A key given as it is (tests and tools that hold one).
    Key([u8; 32]),
}

impl std::fmt::Debug for KeySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            KeySource::KeyStore => "KeyStore",
            KeySource::Passphrase(_) => "Passphrase(…)",
            KeySource::Key(_) => "Key(…)",
        })
    }
}

impl KeySource {
    /// The passphrase when one is given and not empty (the adapters read [`PASSPHRASE_VAR`]),
    /// else the OS key store.
    pub fn from_passphrase(passphrase: Option<String>) -> Self {
        match passphrase {
            Some(p) if !p.is_empty() => KeySource::Passphrase(Zeroizing::new(p)),
            _ => KeySource::KeyStore,
        }
    }

    /// The key of the database at `path`. A database that does not exist yet, or a plain one
    /// from before encryption, gets a new key (kept in the key store, or a new salt for the
    /// passphrase); an encrypted one gets the key it was made with.
    pub(crate) fn key_for(&self, path: &Path) -> Result<DbKey, AppError> {
        match self {
            KeySource::Key(bytes) => Ok(DbKey::from_bytes(*bytes)),
            KeySource::Passphrase(passphrase) => {
                let salt = match file_salt(path) {
                    Some(salt) => salt,
                    None => {
                        let mut salt = [0u8; 16];
                        getrandom::fill(&mut salt).map_err(|e| AppError::NoRandomness { detail: e.to_string() })?;
                        salt
                    }
                };
                Ok(DbKey::with_salt(*stretch(passphrase, &salt)?, salt))
            }
            KeySource::KeyStore => {
                let entry = keyring::Entry::new(SERVICE, &account(path)).map_err(key_store_error)?;
                match kept_key(&entry)? {
                    Some(key) => Ok(key),
                    None if needs_new_key(path) => {
                        let key = DbKey::random().map_err(|e| AppError::NoRandomness { detail: e.to_string() })?;
                        entry.set_secret(key.bytes()).map_err(key_store_error)?;
                        Ok(key)
                    }
                    None => Err(AppError::KeyMissing { path: path.display().to_string() }),
                }
            }
        }
    }

    /// Removes this database's key from the key store (after the database is erased); true
    /// when there was one. Nothing to do for a passphrase.
    pub fn forget(&self, path: &Path) -> Result<bool, AppError> {
        if let KeySource::KeyStore = self {
            let entry = keyring::Entry::new(SERVICE, &account(path)).map_err(key_store_error)?;
            return match entry.delete_credential() {
                Ok(()) => Ok(true),
                Err(keyring::Error::NoEntry) => Ok(false),
                Err(e) => Err(key_store_error(e)),
            };
        }
        Ok(false)
    }

    /// The key of a backup of the database at `database`: the database's own key (in the key
    /// store), or the passphrase stretched over the backup's salt. Never a new key.
    pub(crate) fn key_of_backup(&self, database: &Path, backup: &Path) -> Result<DbKey, AppError> {
        match self {
            KeySource::Key(bytes) => Ok(DbKey::from_bytes(*bytes)),
            KeySource::Passphrase(passphrase) => match file_salt(backup) {
                Some(salt) => Ok(DbKey::with_salt(*stretch(passphrase, &salt)?, salt)),
                None if !backup.exists() => {
                    Err(AppError::Store(nabo_store::StoreError::Missing { path: backup.to_path_buf() }))
                }
                None => Err(AppError::Store(nabo_store::StoreError::NotABackup { path: backup.to_path_buf() })),
            },
            KeySource::KeyStore => {
                let entry = keyring::Entry::new(SERVICE, &account(database)).map_err(key_store_error)?;
                kept_key(&entry)?.ok_or_else(|| AppError::KeyMissing { path: database.display().to_string() })
            }
        }
    }
}

/// The key the key store keeps in `entry`, if it keeps one.
fn kept_key(entry: &keyring::Entry) -> Result<Option<DbKey>, AppError> {
    match entry.get_secret() {
        Ok(secret) => {
            let secret = Zeroizing::new(secret);
            let bytes: [u8; 32] = secret
                .as_slice()
                .try_into()
                .map_err(|_| AppError::KeyStore { reason: "the key kept for this database is not 32 bytes".into() })?;
            Ok(Some(DbKey::from_bytes(bytes)))
        }
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(key_store_error(e)),
    }
}

/// The key store account of a database: its absolute path (its folder resolved, so the same
/// file reached another way is the same account).
fn account(path: &Path) -> String {
    let absolute = match (path.parent().filter(|p| !p.as_os_str().is_empty()), path.file_name()) {
        (Some(folder), Some(name)) => std::fs::canonicalize(folder).map(|f| f.join(name)).ok(),
        (None, Some(name)) => std::env::current_dir().ok().map(|d| d.join(name)),
        _ => None,
    };
    absolute.unwrap_or_else(|| PathBuf::from(path)).display().to_string()
}

fn key_store_error(e: keyring::Error) -> AppError {
    match e {
        keyring::Error::PlatformFailure(_) | keyring::Error::NoStorageAccess(_) => AppError::NoKeyStore,
        other => AppError::KeyStore { reason: other.to_string() },
    }
}

/// Argon2id of the passphrase over `salt` with Nabo's parameters: the 256-bit key.
fn stretch(passphrase: &str, salt: &[u8; 16]) -> Result<Zeroizing<[u8; 32]>, AppError> {
    let params = argon2::Params::new(ARGON2_MEMORY_KIB, ARGON2_PASSES, ARGON2_LANES, Some(32))
        .map_err(|e| AppError::KeyStore { reason: e.to_string() })?;
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut key = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into(passphrase.as_bytes(), salt, key.as_mut())
        .map_err(|e| AppError::KeyStore { reason: e.to_string() })?;
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passphrase_gives_the_same_key_over_the_same_salt_and_another_over_another() {
        let a = stretch("correct horse", &[1; 16]).expect("key");
        assert_eq!(*a, *stretch("correct horse", &[1; 16]).expect("key"));
        assert_ne!(*a, *stretch("correct horse", &[2; 16]).expect("key"));
        assert_ne!(*a, *stretch("correct hors", &[1; 16]).expect("key"));
    }
}
