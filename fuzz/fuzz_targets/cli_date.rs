//! Feeds arbitrary text to the CLI's date and month readers: `nabo_app::parse_date` (`--from`, `--to`), `parse_period` (`--month`) and `Period` (`--period`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use nabo_core::report::{Month, Period};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(date) = nabo_app::parse_date("from", text) {
        assert_eq!(nabo_app::parse_date("from", &date.to_string()).ok(), Some(date));
    }
    if let Ok(first) = nabo_app::parse_period(text) {
        assert_eq!(first.format("%Y-%m").to_string().parse::<Month>().map(Month::first_day), Ok(first));
    }
    if let Ok(period) = text.parse::<Period>() {
        let (first, last) = (period.first(), period.last());
        assert!(first <= last && period.contains(first) && period.contains(last));
        let _ = (period.first_day(), period.end_day(), period.days());
    }
});
