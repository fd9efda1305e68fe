//! Feeds arbitrary bytes to `Receipt::read`, the receipt reader, as they are and re-signed with a test key.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nabo_core::exchange::Receipt;
use nabo_fuzz::{resigned_bytes, test_key};

fuzz_target!(|data: &[u8]| {
    let _ = Receipt::read(data);
    let key = test_key(3);
    let Some(resigned) = resigned_bytes(data, &["coordinator", "signing_key"], &key) else { return };
    if let Ok(receipt) = Receipt::read(&resigned) {
        let _ = receipt.volunteer_key();
        let Ok(signed) = receipt.clone().sign(&key) else { panic!("a receipt read cannot be signed again") };
        let Ok(bytes) = serde_json::to_vec(&signed) else { return };
        assert_eq!(Receipt::read(&bytes), Ok(receipt), "a receipt signed again reads back otherwise");
    }
});
