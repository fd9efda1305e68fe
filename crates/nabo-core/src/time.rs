//! Local wall-clock time in Europe/Copenhagen: the one place where it becomes an instant.

use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

use chrono::{DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The zone every Nabo activity lives in.
pub const ZONE: Tz = chrono_tz::Europe::Copenhagen;

/// The years a date or time a user gives may fall in: an activity, a move, a series' end,
/// a listed or exported range, a month of statistics.
///
/// Decided for issue 10: nothing a volunteer plans or looks up lies outside them, and
/// outside them the tools disagree — `9999-12-31T23:30` plus 8 hours exported a DTEND
/// before its DTSTART, and year −1 listed with Copenhagen's local mean time (+00:53)
/// from the zone database. 2000 leaves room for old records; 2100 for any plan.
pub const PLANNING_YEARS: RangeInclusive<i32> = 2000..=2100;

/// Whether `date` lies in [`PLANNING_YEARS`].
pub fn in_planning_years(date: NaiveDate) -> bool {
    PLANNING_YEARS.contains(&date.year())
}

/// Whether an end lies in [`PLANNING_YEARS`]: on one of their days, or at the midnight that ends the last.
pub fn end_in_planning_years(end: NaiveDateTime) -> bool {
    let after_last = NaiveDate::from_ymd_opt(PLANNING_YEARS.end() + 1, 1, 1).map(|d| d.and_time(NaiveTime::MIN));
    in_planning_years(end.date()) || Some(end) == after_last
}

/// A wall-clock date and time as a volunteer types it, without a zone ("2026-12-01T10:00").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime(NaiveDateTime);

impl LocalDateTime {
    /// Wraps a naive date-time that is meant as Copenhagen wall-clock time.
    pub fn new(naive: NaiveDateTime) -> Self {
        Self(naive)
    }

    /// The naive date-time, as typed.
    pub fn naive(self) -> NaiveDateTime {
        self.0
    }
}

impl fmt::Display for LocalDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%dT%H:%M"))
    }
}

impl FromStr for LocalDateTime {
    type Err = TimeError;

    /// Accepts `YYYY-MM-DDTHH:MM` and `YYYY-MM-DD HH:MM` in [`PLANNING_YEARS`].
    ///
    /// No seconds: Nabo plans in minutes, the UI and the CLI send HH:MM, and chrono reads
    /// `10:00:60` as a leap second that then shows as 10:00:59 (issue 10). A year outside
    /// the planning years is refused as [`TimeError::OutOfRange`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let trimmed = s.trim();
        const FORMATS: [&str; 2] = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"];
        let naive = FORMATS
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(trimmed, f).ok())
            // The input is echoed in the message: tidied, so an ESC in it cannot reach the terminal.
            .ok_or_else(|| TimeError::Unreadable { input: crate::text::tidy_line(trimmed, 40) })?;
        if !in_planning_years(naive.date()) {
            return Err(TimeError::OutOfRange);
        }
        Ok(Self(naive))
    }
}

/// A wall-clock time resolved to one instant, with a notice when a choice was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    /// The instant, carrying its Copenhagen offset.
    pub at: DateTime<Tz>,
    /// Set when the wall-clock time was ambiguous and the first occurrence was chosen.
    pub notice: Option<TimeNotice>,
}

/// Something the user should be told about how their time was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeNotice {
    /// The time occurs twice (autumn change); the first, summer-time one was chosen.
    AmbiguousChoseFirst {
        /// The time as typed.
        local: LocalDateTime,
        /// The offset of the chosen occurrence, in seconds east of UTC.
        chosen_offset_secs: i32,
    },
}

/// Why a wall-clock time could not become an instant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    /// The text is not a date and time in the expected form.
    #[error("'{input}' is not a date and time; write it as YYYY-MM-DDTHH:MM, e.g. 2026-12-01T10:00")]
    Unreadable {
        /// The start of what was typed.
        input: String,
    },
    /// The time does not exist: clocks jump forward over it in spring.
    #[error("{local} does not exist in Copenhagen: clocks jump from {gap_start} to {gap_end} that night")]
    InSpringForwardGap {
        /// The time as typed.
        local: LocalDateTime,
        /// The last wall-clock minute before the jump, as HH:MM (the gap starts here).
        gap_start: String,
        /// The wall-clock time the clocks jump to, as HH:MM.
        gap_end: String,
    },
    /// The year is outside [`PLANNING_YEARS`].
    #[error("Nabo plans in the years {first} to {last} only", first = PLANNING_YEARS.start(), last = PLANNING_YEARS.end())]
    OutOfRange,
}

/// Midnight in Copenhagen at the start of `day` (which always exists there: clocks change at 02:00 and 03:00).
pub fn start_of_day(day: NaiveDate) -> DateTime<Utc> {
    let midnight = day.and_time(NaiveTime::MIN);
    let local: DateTime<Tz> =
        ZONE.from_local_datetime(&midnight).earliest().unwrap_or_else(|| ZONE.from_utc_datetime(&midnight));
    local.with_timezone(&Utc)
}

/// Turns a Copenhagen wall-clock time into an instant.
///
/// A time in the spring-forward gap is refused, naming the gap; a time that
/// occurs twice in autumn resolves to the first occurrence with a notice.
pub fn resolve_local(local: LocalDateTime) -> Result<Resolved, TimeError> {
    match ZONE.from_local_datetime(&local.0) {
        LocalResult::Single(at) => Ok(Resolved { at, notice: None }),
        LocalResult::Ambiguous(first, second) => {
            let first = first.min(second);
            Ok(Resolved {
                at: first,
                notice: Some(TimeNotice::AmbiguousChoseFirst { local, chosen_offset_secs: offset_secs(&first) }),
            })
        }
        LocalResult::None => {
            let (gap_start, gap_end) = spring_gap_around(local.0);
            Err(TimeError::InSpringForwardGap {
                local,
                gap_start: gap_start.format("%H:%M").to_string(),
                gap_end: gap_end.format("%H:%M").to_string(),
            })
        }
    }
}

/// The offset of an instant in seconds east of UTC.
pub(crate) fn offset_secs(at: &DateTime<Tz>) -> i32 {
    use chrono::Offset;
    at.offset().fix().local_minus_utc()
}

/// Finds the wall-clock bounds of the gap that contains `naive`.
///
/// Walks minute by minute (a gap is at most a few hours long) to the first
/// valid minutes on both sides, so it is right for any zone rule, not only
/// today's 02:00–03:00.
fn spring_gap_around(naive: NaiveDateTime) -> (NaiveTime, NaiveTime) {
    let exists = |t: NaiveDateTime| !matches!(ZONE.from_local_datetime(&t), LocalResult::None);
    let minute = chrono::Duration::minutes(1);
    let mut start = naive;
    for _ in 0..(6 * 60) {
        if exists(start - minute) {
            break;
        }
        start -= minute;
    }
    let mut end = naive;
    for _ in 0..(6 * 60) {
        if exists(end) {
            break;
        }
        end += minute;
    }
    (start.time(), end.time())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(s: &str) -> LocalDateTime {
        s.parse().expect("test input parses")
    }

    #[test]
    fn winter_time_is_utc_plus_one() {
        let r = resolve_local(local("2026-12-01T10:00")).expect("valid");
        assert_eq!(r.at.to_rfc3339(), "2026-12-01T10:00:00+01:00");
        assert_eq!(r.notice, None);
    }

    #[test]
    fn summer_time_is_utc_plus_two() {
        let r = resolve_local(local("2027-06-15T17:30")).expect("valid");
        assert_eq!(r.at.to_rfc3339(), "2027-06-15T17:30:00+02:00");
    }

    #[test]
    fn spring_forward_gap_is_refused_and_named() {
        let err = resolve_local(local("2027-03-28T02:30")).expect_err("gap");
        assert_eq!(
            err,
            TimeError::InSpringForwardGap {
                local: local("2027-03-28T02:30"),
                gap_start: "02:00".into(),
                gap_end: "03:00".into(),
            }
        );
        assert!(err.to_string().contains("02:00 to 03:00"), "{err}");
    }

    #[test]
    fn edges_of_the_gap_exist() {
        assert!(resolve_local(local("2027-03-28T01:59")).is_ok());
        assert!(resolve_local(local("2027-03-28T02:00")).is_err());
        assert!(resolve_local(local("2027-03-28T02:59")).is_err());
        let after = resolve_local(local("2027-03-28T03:00")).expect("exists");
        assert_eq!(after.at.to_rfc3339(), "2027-03-28T03:00:00+02:00");
    }

    #[test]
    fn autumn_ambiguity_chooses_the_first_and_says_so() {
        let r = resolve_local(local("2026-10-25T02:30")).expect("ambiguous is accepted");
        assert_eq!(r.at.to_rfc3339(), "2026-10-25T02:30:00+02:00");
        assert_eq!(
            r.notice,
            Some(TimeNotice::AmbiguousChoseFirst { local: local("2026-10-25T02:30"), chosen_offset_secs: 7200 })
        );
    }

    #[test]
    fn unreadable_times_are_refused() {
        for bad in ["tomorrow-ish", "2026-13-01T10:00", "2026-12-01", "10:00", "", "2026-02-30T10:00"] {
            let err = bad.parse::<LocalDateTime>().expect_err(bad);
            assert!(matches!(err, TimeError::Unreadable { .. }), "{bad}");
        }
    }

    #[test]
    fn an_unreadable_time_is_echoed_without_controls() {
        let err = "2026-12-01T10:00\u{1B}[2J\u{202E}".parse::<LocalDateTime>().expect_err("refused");
        assert_eq!(err, TimeError::Unreadable { input: "2026-12-01T10:00 [2J".into() });
    }

    #[test]
    fn accepted_spellings() {
        for ok in ["2026-12-01T10:00", "2026-12-01 10:00", " 2026-12-01T10:00 "] {
            assert_eq!(ok.parse::<LocalDateTime>().expect(ok), local("2026-12-01T10:00"));
        }
    }

    /// Seconds are refused, not read (`10:00:60` was read as the leap second 10:00:59).
    #[test]
    fn seconds_are_refused() {
        for bad in ["2026-12-01T10:00:00", "2026-12-01T10:00:60", "2026-12-01 10:00:30", "2026-12-01T10:00:00Z"] {
            let err = bad.parse::<LocalDateTime>().expect_err(bad);
            assert!(matches!(err, TimeError::Unreadable { .. }), "{bad}: {err:?}");
        }
    }

    fn check_year(input: &str, expected: Result<(), TimeError>) {
        assert_eq!(input.parse::<LocalDateTime>().map(|_| ()), expected, "{input}");
    }

    #[test]
    fn only_the_planning_years_are_accepted() {
        check_year("2000-01-01T00:00", Ok(()));
        check_year("2100-12-31T23:59", Ok(()));
        check_year("1999-12-31T23:59", Err(TimeError::OutOfRange));
        check_year("2101-01-01T00:00", Err(TimeError::OutOfRange));
        check_year("9999-12-31T23:30", Err(TimeError::OutOfRange));
        check_year("-0001-06-01T10:00", Err(TimeError::OutOfRange));
        check_year("0000-06-01T10:00", Err(TimeError::OutOfRange));
    }

    #[test]
    fn an_end_may_be_the_midnight_after_the_last_year() {
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").expect(s);
        assert!(end_in_planning_years(at("2100-12-31T23:59")));
        assert!(end_in_planning_years(at("2101-01-01T00:00")));
        assert!(!end_in_planning_years(at("2101-01-01T00:01")));
        assert!(!end_in_planning_years(at("1999-12-31T23:00")));
    }
}
