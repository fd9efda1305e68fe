//! Feeds arbitrary text, one argument a line, to `nabo_core::parse_assignments` (`nabo record ID reached=5 new=2`), then to the scheme's check.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nabo_core::{parse_assignments, ActivityKind, Scheme};

fuzz_target!(|data: &[u8]| {
    // The CLI's arguments are text (clap refuses others); one line is one argument.
    let Ok(text) = std::str::from_utf8(data) else { return };
    let args: Vec<&str> = text.split('\n').collect();
    let Ok(given) = parse_assignments(&args) else { return };
    let Ok(scheme) = Scheme::current() else { return };
    for &kind in ActivityKind::ALL {
        for expected_size in [None, Some(0), Some(1), Some(u32::MAX)] {
            let _ = scheme.validate(kind, expected_size, &given);
        }
    }
});
