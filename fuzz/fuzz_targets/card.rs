//! Feeds arbitrary bytes to `IdentityCard::read`, the identity-card reader, as they are and re-signed with a test key.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nabo_core::exchange::{sign_document, IdentityCard};
use nabo_fuzz::{resigned_bytes, test_key};

fuzz_target!(|data: &[u8]| {
    let _ = IdentityCard::read(data);
    let key = test_key(2);
    let Some(resigned) = resigned_bytes(data, &["signing_key"], &key) else { return };
    if let Ok(card) = IdentityCard::read(&resigned) {
        // A card read, written out and signed again, reads back the same (its texts cleaned once).
        let Ok(signed) = sign_document(&card, &key) else { panic!("a card read cannot be signed again") };
        let Ok(bytes) = serde_json::to_vec(&signed) else { return };
        assert_eq!(IdentityCard::read(&bytes), Ok(card), "a card signed again reads back otherwise");
    }
});
