//! Feeds arbitrary text to the `LocalDateTime` parser behind `--start` (`nabo plan`, `nabo move`), then to `resolve_local`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nabo_core::{resolve_local, LocalDateTime};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(local) = text.parse::<LocalDateTime>() else { return };
    let _ = resolve_local(local);
    assert_eq!(local.to_string().parse::<LocalDateTime>(), Ok(local), "a start does not read back as written");
});
