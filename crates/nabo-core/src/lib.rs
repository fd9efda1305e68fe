//! Nabo's domain: what an activity is, when it happens and whether it fits.
//!
//! This crate decides; it never touches the disk, the network or the clock.
//! Every "now" is passed in. The key types:
//!
//! - [`ActivityDraft`] is what a volunteer asked for; [`ActivityDraft::validate`]
//!   turns it into a [`ValidActivity`] or a typed [`ValidationError`].
//! - [`resolve_local`] turns a wall-clock time in Copenhagen into an instant,
//!   refusing times in the spring-forward gap and choosing the first of two
//!   autumn times (with a [`TimeNotice`] saying so).
//! - [`find_conflicts`] finds overlaps and too-short travel time between visits.
//! - [`find_personal_data`] is the PII guard that every free-text field passes.
//!
//! ```
//! use nabo_core::{ActivityDraft, ActivityKind, LocalDateTime, Minutes};
//!
//! let mut draft = ActivityDraft::new(
//!     ActivityKind::HomeVisit,
//!     "2026-12-01T10:00".parse::<LocalDateTime>().unwrap(),
//!     "60m".parse::<Minutes>().unwrap(),
//! );
//! draft.details.area = Some("Gellerup".into());
//! draft.details.household = Some("H-17".into());
//! let visit = draft.validate().unwrap();
//! assert_eq!(visit.start().to_rfc3339(), "2026-12-01T10:00:00+01:00");
//! ```

// Core does no I/O: crates/nabo-core/clippy.toml lists the clock, environment, disk and
// network calls, and these make using one an error, not a warning.
#![deny(clippy::disallowed_methods, clippy::disallowed_types)]

mod activity;
pub mod calendar;
mod conflict;
mod counts;
mod duration;
pub mod exchange;
mod pii;
mod recorded;
mod recurrence;
pub mod report;
mod text;
mod time;

pub use activity::{
    Activity, ActivityDraft, ActivityId, ActivityKind, ActivityStatus, Details, Programme, Span, UnknownName,
    ValidActivity, ValidationError, MAX_EXPECTED_SIZE,
};
pub use conflict::{busy_span, conflicts_among, find_conflicts, Conflict, ConflictKind, ConflictRules, Scheduled};
pub use counts::{
    parse_assignments, Bucket, CountsError, CountsWarning, Group, GroupKind, Limits, Scheme, SchemeError, ValidCounts,
    CURRENT_SCHEME, MAX_COUNT_VALUE,
};
pub use duration::{DurationError, Minutes};
pub use pii::{find_personal_data, PersonalData, PersonalDataKind};
pub use recorded::{counted_month, may_keep_counts, may_record, CountsBlock};
pub use recurrence::{
    expand_series, occurrence_status, ExceptionChange, Occurrence, OccurrenceException, Recurrence, RecurrenceError,
    MAX_COUNT,
};
pub use text::{clean_text, code_point, is_pseudonym, tidy_line, CharKind, Field, PublicPlaces, TextError};
pub use time::{
    end_in_planning_years, in_planning_years, resolve_local, start_of_day, LocalDateTime, Resolved, TimeError,
    TimeNotice, PLANNING_YEARS, ZONE,
};
