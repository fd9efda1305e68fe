//! The key a database is encrypted with (SQLCipher, issue 14).

use zeroize::Zeroizing;

/// 256 bits that encrypt a database, with the 16-byte salt of its file when the key was derived
/// from a passphrase with it (SQLCipher then writes that salt as the file's first 16 bytes).
#[derive(Clone)]
pub struct DbKey {
    key: Zeroizing<[u8; 32]>,
    salt: Option<[u8; 16]>,
}

impl std::fmt::Debug for DbKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbKey(…)")
    }
}

impl DbKey {
    /// A key of these bytes (from the OS key store, or derived by the caller).
    pub fn from_bytes(key: [u8; 32]) -> Self {
        Self { key: Zeroizing::new(key), salt: None }
    }

    /// A key derived from a passphrase with `salt`, which the file must carry.
    pub fn with_salt(key: [u8; 32], salt: [u8; 16]) -> Self {
        Self { key: Zeroizing::new(key), salt: Some(salt) }
    }

    /// A new random key from the OS.
    pub fn random() -> Result<Self, getrandom::Error> {
        let mut key = Zeroizing::new([0u8; 32]);
        getrandom::fill(key.as_mut())?;
        Ok(Self { key, salt: None })
    }

    /// The key's bytes (to keep in the OS key store).
    pub fn bytes(&self) -> &[u8; 32] {
        &self.key
    }

    /// SQLCipher's raw-key literal: `x'<key hex>[<salt hex>]'` (no key derivation by SQLCipher).
    pub(crate) fn literal(&self) -> Zeroizing<String> {
        let mut hex = Zeroizing::new(String::with_capacity(100));
        hex.push_str("x'");
        for b in self.key.iter().chain(self.salt.iter().flatten()) {
            hex.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
            hex.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
        }
        hex.push('\'');
        hex
    }
}

/// The first 16 bytes of an encrypted database: SQLCipher's salt (none for a file that is not
/// there, empty, plain SQLite, or cannot be an encrypted database).
pub fn file_salt(path: &std::path::Path) -> Option<[u8; 16]> {
    match crate::open::read_header(path) {
        crate::open::Header::Encrypted { salt } => Some(salt),
        _ => None,
    }
}

/// True when the file at `path` holds no encrypted database yet: there is none, it is empty, or
/// it is a plain one from before encryption. Such a file gets a new key; any other needs its own.
pub fn needs_new_key(path: &std::path::Path) -> bool {
    use crate::open::Header;
    matches!(crate::open::read_header(path), Header::Empty | Header::Sound | Header::Damaged)
}
