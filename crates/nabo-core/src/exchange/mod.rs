//! The files people hand each other: identity cards, monthly summaries and receipts
//! (docs/FORMAT.md). Each is one JSON object signed with Ed25519 over its RFC 8785 canonical
//! encoding without its `signature` member, so any reader can check it again with a few lines
//! of code; reading verifies the signature and the format before anything is believed.

mod card;
mod keys;
mod receipt;
mod rollup;
mod summary;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

pub use card::{CardRole, IdentityCard, PublicVenue, CARD_FORMAT, CARD_VERSION, MAX_CARD_BYTES};
pub use keys::{Fingerprint, KeyError, PublicKey, SecretKey};
pub use receipt::{Receipt, ReceivedMonth, MAX_RECEIPT_BYTES, RECEIPT_FORMAT, RECEIPT_VERSION};
pub use rollup::{
    Constituent, RollUp, VerifiedConstituent, MAX_ROLLUP_BYTES, MAX_ROLLUP_SUMMARIES, ROLLUP_FORMAT, ROLLUP_VERSION,
};
pub use summary::{
    area_kind_totals, AreaKindTotals, AreaTotals, KindTotals, MonthSummary, Sender, MAX_SUMMARY_BYTES, SUMMARY_FORMAT,
    SUMMARY_VERSION,
};

/// Why a file someone handed over was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExchangeError {
    /// Larger than such a file can be.
    #[error("the file is larger than {max} bytes")]
    TooLarge {
        /// The limit.
        max: usize,
    },
    /// Not JSON, or not one JSON object.
    #[error("not a Nabo file (not a JSON object): {detail}")]
    NotJson {
        /// What the parser said.
        detail: String,
    },
    /// Another kind of Nabo file, or none.
    #[error("not a {expected} (format '{found}')")]
    WrongFormat {
        /// The format expected.
        expected: &'static str,
        /// The format the file names.
        found: String,
    },
    /// A format version this Nabo does not know (made by a later Nabo).
    #[error("format version {found} is newer than this Nabo reads (up to {max})")]
    UnknownVersion {
        /// The file's version.
        found: u64,
        /// The newest this build reads.
        max: u32,
    },
    /// A member is missing, has the wrong type, or is not part of the format.
    #[error("the file's contents do not fit the format: {detail}")]
    Malformed {
        /// What does not fit.
        detail: String,
    },
    /// No signature, a key or signature that cannot be read, or one that does not match:
    /// the file was changed after it was signed, or was never signed by that key.
    #[error("the signature {0}")]
    Signature(#[from] KeyError),
    /// The signature is missing.
    #[error("the file is not signed")]
    Unsigned,
    /// A text in it breaks the text rule.
    #[error(transparent)]
    Text(#[from] crate::text::TextError),
}

impl ExchangeError {
    /// A stable name for the reason, for messages in the user's language.
    pub fn code(&self) -> &'static str {
        match self {
            ExchangeError::TooLarge { .. } => "too_large",
            ExchangeError::NotJson { .. } => "not_json",
            ExchangeError::WrongFormat { .. } => "wrong_format",
            ExchangeError::UnknownVersion { .. } => "unknown_version",
            ExchangeError::Malformed { .. } => "malformed",
            ExchangeError::Signature(_) | ExchangeError::Unsigned => "signature",
            ExchangeError::Text(_) => "text",
        }
    }
}

/// The bytes a document's signature covers: its RFC 8785 canonical JSON without `signature`.
fn signed_bytes(object: &Map<String, Value>) -> Result<Vec<u8>, ExchangeError> {
    serde_json_canonicalizer::to_vec(object).map_err(|e| ExchangeError::Malformed { detail: e.to_string() })
}

/// `body` as a signed document: its JSON object with a `signature` member added.
pub fn sign_document<T: Serialize>(body: &T, key: &SecretKey) -> Result<Value, ExchangeError> {
    let Value::Object(mut object) =
        serde_json::to_value(body).map_err(|e| ExchangeError::Malformed { detail: e.to_string() })?
    else {
        return Err(ExchangeError::Malformed { detail: "not an object".into() });
    };
    let signature = BASE64.encode(key.sign(&signed_bytes(&object)?));
    object.insert("signature".into(), Value::String(signature));
    Ok(Value::Object(object))
}

/// A signed document's body, with the key that signed it.
pub trait Signed: DeserializeOwned {
    /// The format name this document carries (`format` member).
    const FORMAT: &'static str;
    /// The newest format version this build reads.
    const VERSION: u32;
    /// The key the document says signed it.
    fn signer(&self) -> Result<PublicKey, ExchangeError>;
}

/// Reads a signed document: a JSON object of at most `max_bytes`, of format `T::FORMAT` in a
/// version this build reads, whose signature matches the key it names. Nothing in it is
/// trusted before all of that holds. The caller decides whether it trusts the key.
pub fn open_document<T: Signed>(bytes: &[u8], max_bytes: usize) -> Result<T, ExchangeError> {
    open_signed_document(bytes, max_bytes).map(|(body, _)| body)
}

/// As [`open_document`], also giving the signature (base64): two documents with the same key
/// and signature say the same thing.
pub fn open_signed_document<T: Signed>(bytes: &[u8], max_bytes: usize) -> Result<(T, String), ExchangeError> {
    if bytes.len() > max_bytes {
        return Err(ExchangeError::TooLarge { max: max_bytes });
    }
    let value: Value = serde_json::from_slice(bytes).map_err(|e| ExchangeError::NotJson { detail: e.to_string() })?;
    open_value(value)
}

/// As [`open_signed_document`], of a document already parsed (one carried inside another).
pub fn open_value<T: Signed>(value: Value) -> Result<(T, String), ExchangeError> {
    open_value_with_body(value).map(|(body, signature, _)| (body, signature))
}

/// As [`open_value`], also giving the bytes the signature covers: the document's RFC 8785
/// canonical JSON without its `signature` (what a reader keeps of it, compact).
pub fn open_value_with_body<T: Signed>(value: Value) -> Result<(T, String, Vec<u8>), ExchangeError> {
    let Value::Object(mut object) = value else {
        return Err(ExchangeError::NotJson { detail: "the top level is not an object".into() });
    };
    let found = object.get("format").and_then(Value::as_str).unwrap_or("").to_string();
    if found != T::FORMAT {
        return Err(ExchangeError::WrongFormat { expected: T::FORMAT, found: found.chars().take(40).collect() });
    }
    match object.get("version").and_then(Value::as_u64) {
        Some(v) if (1..=u64::from(T::VERSION)).contains(&v) => {}
        Some(v) if v > u64::from(T::VERSION) => {
            return Err(ExchangeError::UnknownVersion { found: v, max: T::VERSION })
        }
        _ => return Err(ExchangeError::Malformed { detail: "no version".into() }),
    }
    let signature = match object.remove("signature") {
        Some(Value::String(s)) => s,
        Some(_) => return Err(KeyError::NotASignature.into()),
        None => return Err(ExchangeError::Unsigned),
    };
    let message = signed_bytes(&object)?;
    let body: T = serde_json::from_value(Value::Object(object))
        .map_err(|e| ExchangeError::Malformed { detail: e.to_string() })?;
    body.signer()?.verify(&message, &signature)?;
    Ok((body, signature, message))
}

/// SHA-256 of a signed document's RFC 8785 canonical JSON, signature included, hex: how a
/// roll-up names each summary it carries.
pub fn document_sha256(document: &Value) -> Result<String, ExchangeError> {
    use sha2::Digest as _;
    let bytes =
        serde_json_canonicalizer::to_vec(document).map_err(|e| ExchangeError::Malformed { detail: e.to_string() })?;
    Ok(sha2::Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect())
}
