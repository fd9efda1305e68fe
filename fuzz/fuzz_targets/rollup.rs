//! Feeds arbitrary bytes to `RollUp::read`, the roll-up reader, as they are and with it and every summary in it re-signed by test keys.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nabo_core::exchange::{document_sha256, RollUp, SecretKey};
use nabo_fuzz::{resign, test_key};
use serde_json::Value;

/// The roll-up in `data` with each summary it carries signed by `volunteer` (its key and hash
/// members made to match), then the whole signed by `coordinator`.
fn resigned(data: &[u8], coordinator: &SecretKey, volunteer: &SecretKey) -> Option<Vec<u8>> {
    let mut value: Value = serde_json::from_slice(data).ok()?;
    if let Some(Value::Array(summaries)) = value.get_mut("summaries") {
        for constituent in summaries.iter_mut() {
            let Some(Value::Object(c)) = Some(constituent) else { continue };
            let Some(summary) = c.remove("summary") else { continue };
            let Some(summary) = resign(summary, &["volunteer", "signing_key"], volunteer) else { continue };
            let Ok(sha256) = document_sha256(&summary) else { continue };
            c.insert("volunteer_key".into(), Value::String(volunteer.public().to_base64()));
            c.insert("sha256".into(), Value::String(sha256));
            c.insert("summary".into(), summary);
        }
    }
    serde_json::to_vec(&resign(value, &["coordinator", "signing_key"], coordinator)?).ok()
}

fuzz_target!(|data: &[u8]| {
    let _ = RollUp::read(data);
    let (coordinator, volunteer) = (test_key(4), test_key(5));
    let Some(bytes) = resigned(data, &coordinator, &volunteer) else { return };
    if let Ok((rollup, constituents)) = RollUp::read(&bytes) {
        assert_eq!(rollup.summaries.len(), constituents.len());
        let Ok(signed) = rollup.clone().sign(&coordinator) else { panic!("a roll-up read cannot be signed again") };
        let Ok(again) = serde_json::to_vec(&signed) else { return };
        assert_eq!(RollUp::read(&again), Ok((rollup, constituents)), "a roll-up signed again reads back otherwise");
    }
});
