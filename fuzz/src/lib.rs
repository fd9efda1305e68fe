//! What the fuzz targets share: test keys, and re-signing a fuzzed document so that the checks
//! a reader makes after the signature are reached too.
//!
//! A fuzzer cannot forge an Ed25519 signature, so bytes fed to a reader as they are stop at
//! the signature check. Each exchange target therefore also feeds the reader the same JSON
//! with its key member set to a test key and signed again with that key: the reader then runs
//! every check that follows a good signature on fuzzed contents.

use nabo_core::exchange::{sign_document, SecretKey};
use serde_json::Value;

/// A key for fuzzing alone (a fixed seed): it protects nothing.
pub fn test_key(seed: u8) -> SecretKey {
    SecretKey::from_seed([seed; 32])
}

/// `value` with the member at `path` (object members from the top) set to `key`'s public half,
/// any `signature` dropped, and signed again by `key`; `None` when it is not a JSON object.
///
/// A path whose objects are missing is left as it is: the reader refuses such a document for
/// its shape, as it should.
pub fn resign(value: Value, path: &[&str], key: &SecretKey) -> Option<Value> {
    let Value::Object(mut object) = value else { return None };
    object.remove("signature");
    let mut document = Value::Object(object);
    if let Some((last, parents)) = path.split_last() {
        let mut at = Some(&mut document);
        for name in parents {
            at = at.and_then(|v| v.get_mut(*name));
        }
        if let Some(Value::Object(holder)) = at {
            holder.insert((*last).to_string(), Value::String(key.public().to_base64()));
        }
    }
    sign_document(&document, key).ok()
}

/// `bytes` as JSON, re-signed as [`resign`] does, and written out again.
pub fn resigned_bytes(bytes: &[u8], path: &[&str], key: &SecretKey) -> Option<Vec<u8>> {
    let value: Value = serde_json::from_slice(bytes).ok()?;
    serde_json::to_vec(&resign(value, path, key)?).ok()
}
