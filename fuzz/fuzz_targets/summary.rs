//! Feeds arbitrary bytes to `MonthSummary::read` and `read_signed`, as they are and re-signed with a test key.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nabo_core::exchange::MonthSummary;
use nabo_fuzz::{resigned_bytes, test_key};

/// Reads `bytes` both ways; for a summary read, checks what a coordinator keeps of it reads back.
fn check(bytes: &[u8]) {
    let read = MonthSummary::read(bytes);
    let signed = MonthSummary::read_signed(bytes);
    assert_eq!(read, signed.clone().map(|(summary, _, _)| summary), "read and read_signed disagree");
    let Ok((summary, signature, body)) = signed else { return };
    // The coordinator stores the signed body and signature and reads them back later.
    assert!(MonthSummary::from_stored(&body).is_ok(), "a summary read cannot be read back from storage");
    let Ok(document) = MonthSummary::signed_document(&body, &signature) else {
        panic!("a summary read cannot be put together again from what is stored");
    };
    let Ok(again) = serde_json::to_vec(&document) else { return };
    assert_eq!(MonthSummary::read(&again).as_ref(), Ok(&summary), "a stored summary reads back otherwise");
}

fuzz_target!(|data: &[u8]| {
    check(data);
    let key = test_key(1);
    if let Some(resigned) = resigned_bytes(data, &["volunteer", "signing_key"], &key) {
        check(&resigned);
        if let Ok(summary) = MonthSummary::read(&resigned) {
            // What Nabo read it signs again as it is (a roll-up carries summaries).
            let Ok(signed) = summary.clone().sign(&key) else { panic!("a summary read cannot be signed again") };
            let Ok(bytes) = serde_json::to_vec(&signed) else { return };
            assert_eq!(MonthSummary::read(&bytes), Ok(summary), "a summary signed again reads back otherwise");
        }
    }
});
