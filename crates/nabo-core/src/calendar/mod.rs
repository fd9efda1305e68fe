//! iCalendar (RFC 5545): writing Nabo's plan for other calendar apps, reading theirs as busy time.

mod read;
mod write;

pub use read::{
    read_busy, read_busy_within, BusyCalendar, BusyEntry, BusyTime, ReadBudget, ReadError, ReadNotice, ReadWindow,
    MAX_FILE_BYTES, MAX_NOTICES, MAX_OCCURRENCES,
};
pub use write::{write_calendar, CalendarEvent, EventOverride, EventStatus};

/// Appends `YYYYMMDDTHHMMSS` (with `Z` if `utc`), or `YYYYMMDD` when `time` is `None`.
///
/// Written digit by digit: chrono's `format` interprets its pattern on every call, which
/// was a fifth of the time of reading or writing a calendar with many events.
pub(crate) fn push_basic(out: &mut String, date: chrono::NaiveDate, time: Option<chrono::NaiveTime>, utc: bool) {
    use chrono::{Datelike, Timelike};
    fn digits(out: &mut String, value: u32, width: u32) {
        for place in (0..width).rev() {
            let digit = value / 10u32.pow(place) % 10;
            out.push(char::from(b'0' + u8::try_from(digit).unwrap_or(0)));
        }
    }
    digits(out, u32::try_from(date.year()).unwrap_or(0), 4);
    digits(out, date.month(), 2);
    digits(out, date.day(), 2);
    if let Some(t) = time {
        out.push('T');
        digits(out, t.hour(), 2);
        digits(out, t.minute(), 2);
        digits(out, t.second(), 2);
        if utc {
            out.push('Z');
        }
    }
}
