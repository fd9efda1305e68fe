//! Who signed what: a person's Ed25519 signing key, its public half, and the fingerprint two
//! people read to each other over the phone to know they hold the same key.

use std::fmt;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

/// A signing key's secret half. Made from 32 random bytes the caller draws (core draws none).
#[derive(Clone)]
pub struct SecretKey(SigningKey);

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretKey(for {})", self.public().fingerprint())
    }
}

impl SecretKey {
    /// The key made from a 32-byte seed (draw it from the operating system's randomness).
    pub fn from_seed(seed: [u8; 32]) -> Self {
        Self(SigningKey::from_bytes(&seed))
    }

    /// The seed, for keeping the key in the database.
    pub fn seed(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// The public half, which goes into cards and signed files.
    pub fn public(&self) -> PublicKey {
        PublicKey(self.0.verifying_key())
    }

    /// The Ed25519 signature of `message`.
    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.0.sign(message).to_bytes()
    }
}

/// A signing key's public half.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PublicKey(VerifyingKey);

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", self.fingerprint())
    }
}

/// Why a key or signature was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// Not base64 of 32 bytes, or not a point on the curve.
    #[error("not an Ed25519 public key")]
    NotAKey,
    /// Not base64 of 64 bytes.
    #[error("not an Ed25519 signature")]
    NotASignature,
    /// The signature does not match the key and the signed bytes.
    #[error("the signature does not match")]
    BadSignature,
}

impl PublicKey {
    /// The key from its 32 bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, KeyError> {
        let bytes: [u8; 32] = bytes.try_into().map_err(|_| KeyError::NotAKey)?;
        VerifyingKey::from_bytes(&bytes).map(Self).map_err(|_| KeyError::NotAKey)
    }

    /// The key from base64 (standard alphabet, padded), as files carry it.
    pub fn from_base64(text: &str) -> Result<Self, KeyError> {
        let bytes = BASE64.decode(text.trim()).map_err(|_| KeyError::NotAKey)?;
        Self::from_bytes(&bytes)
    }

    /// The key's 32 bytes.
    pub fn to_bytes(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// The key in base64, as files carry it.
    pub fn to_base64(&self) -> String {
        BASE64.encode(self.0.as_bytes())
    }

    /// Checks that `signature` (base64) is this key's signature of `message`.
    pub fn verify(&self, message: &[u8], signature: &str) -> Result<(), KeyError> {
        let bytes = BASE64.decode(signature.trim()).map_err(|_| KeyError::NotASignature)?;
        let bytes: [u8; 64] = bytes.as_slice().try_into().map_err(|_| KeyError::NotASignature)?;
        // verify_strict: no small-order keys or malleable signatures (the dalek docs' advice
        // when signatures decide who someone is).
        self.0.verify_strict(message, &Signature::from_bytes(&bytes)).map_err(|_| KeyError::BadSignature)?;
        Ok(())
    }

    /// What two people compare to know they hold the same key.
    pub fn fingerprint(&self) -> Fingerprint {
        Fingerprint::of(self)
    }
}

/// Crockford's base32 alphabet: digits and capitals without I, L, O and U, so that a
/// fingerprint read aloud or typed again is not misread (0/O, 1/I/L).
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A short, readable digest of a public key: 20 Crockford base32 characters (100 bits of the
/// SHA-256 of the key) in five groups of four, e.g. `7K2M-QH9D-XW4C-0B8R-TN5F`.
///
/// Written here, not taken from a crate: it is ten lines, and the crates that do Crockford
/// base32 either are pre-releases or add a dependency for one alphabet.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fingerprint(String);

impl Fingerprint {
    fn of(key: &PublicKey) -> Self {
        let digest: [u8; 32] = Sha256::digest(key.to_bytes()).into();
        let mut bits: u128 = 0;
        for byte in &digest[..16] {
            bits = (bits << 8) | u128::from(*byte);
        }
        let mut text = String::with_capacity(24);
        for i in 0..20 {
            if i > 0 && i % 4 == 0 {
                text.push('-');
            }
            // The i-th group of five bits from the top of the first 128.
            let index = ((bits >> (123 - 5 * i)) & 0x1f) as usize;
            text.push(char::from(CROCKFORD[index]));
        }
        Self(text)
    }

    /// The fingerprint as shown: five groups of four characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> SecretKey {
        SecretKey::from_seed([n; 32])
    }

    #[test]
    fn a_signature_verifies_with_its_key_only_and_only_for_its_message() {
        let (a, b) = (key(1), key(2));
        let signature = BASE64.encode(a.sign(b"hello"));
        assert_eq!(a.public().verify(b"hello", &signature), Ok(()));
        assert_eq!(a.public().verify(b"hellp", &signature), Err(KeyError::BadSignature));
        assert_eq!(b.public().verify(b"hello", &signature), Err(KeyError::BadSignature));
        assert_eq!(a.public().verify(b"hello", "not base64!"), Err(KeyError::NotASignature));
        assert_eq!(a.public().verify(b"hello", &BASE64.encode([0u8; 63])), Err(KeyError::NotASignature));
    }

    #[test]
    fn keys_round_trip_through_base64_and_refuse_other_lengths() {
        let public = key(3).public();
        assert_eq!(PublicKey::from_base64(&public.to_base64()), Ok(public));
        assert_eq!(PublicKey::from_base64(&BASE64.encode([7u8; 31])), Err(KeyError::NotAKey));
        assert_eq!(PublicKey::from_base64("%%%"), Err(KeyError::NotAKey));
        assert_eq!(SecretKey::from_seed(key(3).seed()).public(), public);
    }

    #[test]
    fn a_fingerprint_is_five_groups_of_four_readable_characters_and_tells_keys_apart() {
        let one = key(1).public().fingerprint();
        let text = one.as_str();
        assert_eq!(text.len(), 24, "{text}");
        let groups: Vec<&str> = text.split('-').collect();
        assert_eq!(groups.len(), 5);
        assert!(groups.iter().all(|g| g.len() == 4));
        assert!(text.chars().all(|c| c == '-' || CROCKFORD.contains(&(c as u8))), "{text}");
        assert!(!text.contains(['I', 'L', 'O', 'U']));
        assert_eq!(key(1).public().fingerprint(), one, "stable");
        assert_ne!(key(2).public().fingerprint(), one);
    }

    #[test]
    fn the_fingerprint_is_the_first_100_bits_of_the_keys_sha256() {
        // Independent of the bit loop above: the digest's first 100 bits, 5 at a time.
        let public = key(9).public();
        let digest: [u8; 32] = Sha256::digest(public.to_bytes()).into();
        let bit = |i: usize| (digest[i / 8] >> (7 - i % 8)) & 1;
        let expected: String = (0..20)
            .map(|g| {
                let v = (0..5).fold(0usize, |acc, j| (acc << 1) | usize::from(bit(g * 5 + j)));
                char::from(CROCKFORD[v])
            })
            .collect();
        assert_eq!(public.fingerprint().as_str().replace('-', ""), expected);
    }
}
