//! Feeds arbitrary text to the `Minutes` parser behind `--duration` (`45m`, `1h30m`, `2t`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use nabo_core::Minutes;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(minutes) = text.parse::<Minutes>() else { return };
    let _ = minutes.as_duration();
    assert_eq!(minutes.to_string().parse::<Minutes>(), Ok(minutes), "a duration does not read back as written");
});
