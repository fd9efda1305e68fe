//! Feeds arbitrary bytes to `nabo_core::calendar::read_busy`, the reader `nabo import-ics` and the desktop app's busy-time import use.
#![no_main]

use chrono::{TimeZone, Utc};
use libfuzzer_sys::fuzz_target;
use nabo_core::calendar::{read_busy, ReadBudget, ReadNotice, ReadWindow, MAX_NOTICES};

fuzz_target!(|data: &[u8]| {
    // A fixed "now", so that a crash found once is found again with the same file.
    let Some(now) = Utc.with_ymd_and_hms(2026, 11, 10, 12, 0, 0).single() else { return };
    if let Ok(calendar) = read_busy(data, ReadWindow::around(now)) {
        // What the reader promises whatever the file: its budget, and notices kept per kind.
        assert!(calendar.entries.len() <= ReadBudget::FILE.occurrences);
        // At most MAX_NOTICES of each kind (capped, duplicate, skipped, floating zone, ignored line).
        let mut kinds: Vec<(std::mem::Discriminant<ReadNotice>, usize)> = Vec::new();
        for notice in &calendar.notices {
            let kind = std::mem::discriminant(notice);
            match kinds.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, n)) => *n += 1,
                None => kinds.push((kind, 1)),
            }
        }
        assert!(kinds.iter().all(|(_, n)| *n <= MAX_NOTICES), "{kinds:?}");
    }
});
