//! iCalendar (RFC 5545): writing Nabo's plan for other calendar apps, reading theirs as busy time.

mod read;
mod write;

pub use read::{
    read_busy, BusyCalendar, BusyEntry, BusyTime, ReadError, ReadNotice, ReadWindow, MAX_FILE_BYTES, MAX_OCCURRENCES,
};
pub use write::{write_calendar, CalendarEvent, EventOverride, EventStatus};
