//! iCalendar (RFC 5545): writing Nabo's plan for other calendar apps.

mod write;

pub use write::{write_calendar, CalendarEvent, EventOverride, EventStatus};
