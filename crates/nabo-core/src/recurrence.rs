//! Series: RFC 5545 repeat rules in Copenhagen time, expanded with the `rrule` crate.
//!
//! A rule is kept as the volunteer's own RRULE text, made canonical (UNTIL in
//! UTC, as RFC 5545 §3.3.10 asks when DTSTART has a TZID); expansion keeps the
//! wall-clock time across daylight-saving changes.

use std::fmt;

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use rrule::{Frequency, RRule, RRuleSet, Unvalidated};

use crate::activity::{ActivityId, ActivityStatus};
use crate::time::{in_planning_years, ZONE};

/// The most occurrences a planned series may have.
pub const MAX_COUNT: u32 = 520;

/// How far after its start a planned series may end, in days (ten years).
const MAX_SPAN_DAYS: i64 = 3653;

/// The most occurrences one expansion returns; ranges are bounded well below it.
const MAX_EXPANSION: u16 = 5000;

/// Why a repeat rule was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecurrenceError {
    /// Not an RRULE that can be read.
    #[error("the repeat rule '{rule}' cannot be read: {reason}")]
    Unreadable {
        /// The rule as given.
        rule: String,
        /// What the parser said.
        reason: String,
    },
    /// A part Nabo does not plan with (e.g. hourly repeats).
    #[error("the repeat rule uses {part}, which Nabo does not support; use daily, weekly or monthly repeats")]
    Unsupported {
        /// The part.
        part: String,
    },
    /// More occurrences than a series may have.
    #[error("a series can have at most {max} meetings, not {count}")]
    TooMany {
        /// COUNT as given.
        count: u32,
        /// The limit.
        max: u32,
    },
    /// Ends too long after it starts.
    #[error("a series can run for at most ten years; this one ends {until}")]
    TooLong {
        /// When it would end.
        until: String,
    },
    /// The rule yields no meeting at all.
    #[error("the repeat rule gives no meetings at all")]
    Empty,
    /// INTERVAL is not a whole number from 1 up (`INTERVAL=0` was refused as giving no meetings).
    #[error("the repeat interval must be a whole number from 1 up, not '{interval}'")]
    InvalidInterval {
        /// The value as given (at most 10 characters).
        interval: String,
    },
    /// Both COUNT and UNTIL: RFC 5545 §3.3.10 says they "MUST NOT occur in the same 'recur'".
    #[error("a repeat rule can end after a number of meetings (COUNT) or on a date (UNTIL), not both")]
    CountWithUntil,
    /// UNTIL falls outside the planning years.
    #[error("the repeat rule's end date is outside the years {first} to {last}", first = crate::time::PLANNING_YEARS.start(), last = crate::time::PLANNING_YEARS.end())]
    UntilOutOfRange,
}

/// A validated repeat rule for a series starting at a given Copenhagen time.
#[derive(Clone)]
pub struct Recurrence {
    rule: RRule<Unvalidated>,
    text: String,
}

impl fmt::Debug for Recurrence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Recurrence").field(&self.text).finish()
    }
}

impl PartialEq for Recurrence {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for Recurrence {}

impl fmt::Display for Recurrence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

fn rrule_tz() -> rrule::Tz {
    rrule::Tz::Tz(ZONE)
}

fn to_rrule(at: DateTime<Tz>) -> DateTime<rrule::Tz> {
    at.with_timezone(&rrule_tz())
}

fn from_rrule(at: DateTime<rrule::Tz>) -> DateTime<Tz> {
    at.with_timezone(&ZONE)
}

impl Recurrence {
    /// Reads an RRULE value (without "RRULE:") for a series starting at `start`.
    ///
    /// UNTIL may be written as a UTC time, a Copenhagen wall-clock time or a
    /// date (meaning the end of that day); it is stored in UTC.
    ///
    /// Refused beyond what `rrule` 0.14 refuses (it accepts all of these): COUNT with UNTIL,
    /// an INTERVAL below 1, an UNTIL outside the planning years. Repeated values in BYDAY,
    /// BYMONTHDAY and BYMONTH are dropped (each is a set, RFC 5545 §3.3.10, so `MO,MO` is `MO`);
    /// the length of the whole rule is limited by the caller (`Field::Repeat`).
    pub fn parse(text: &str, start: DateTime<Tz>) -> Result<Self, RecurrenceError> {
        let given = text.trim().trim_start_matches("RRULE:").to_string();
        let unreadable =
            |reason: String| RecurrenceError::Unreadable { rule: given.chars().take(120).collect(), reason };
        ascii_only(&given).map_err(&unreadable)?;
        check_interval(&given)?;
        let normalised = normalise_until(&given).map_err(&unreadable)?;
        let rule = parse_rule(&normalised).map_err(&unreadable)?;
        let rule = without_repeated_values(rule);
        let upper = normalised.to_ascii_uppercase();
        for part in ["BYHOUR", "BYMINUTE", "BYSECOND", "BYSETPOS", "BYWEEKNO", "BYYEARDAY", "BYEASTER"] {
            if upper.contains(part) {
                return Err(RecurrenceError::Unsupported { part: part.to_string() });
            }
        }
        match rule.get_freq() {
            Frequency::Daily | Frequency::Weekly | Frequency::Monthly => {}
            other => return Err(RecurrenceError::Unsupported { part: format!("FREQ={other}") }),
        }
        if rule.get_count().is_some() && rule.get_until().is_some() {
            return Err(RecurrenceError::CountWithUntil);
        }
        if let Some(count) = rule.get_count() {
            if count > MAX_COUNT {
                return Err(RecurrenceError::TooMany { count, max: MAX_COUNT });
            }
        }
        if let Some(until) = rule.get_until() {
            if !in_planning_years(from_rrule(*until).date_naive()) {
                return Err(RecurrenceError::UntilOutOfRange);
            }
            if from_rrule(*until) < start {
                return Err(RecurrenceError::Empty);
            }
            if from_rrule(*until) > start + Duration::days(MAX_SPAN_DAYS) {
                return Err(RecurrenceError::TooLong { until: until.with_timezone(&Utc).to_rfc3339() });
            }
        }
        rule.clone().validate(to_rrule(start)).map_err(|e| unreadable(e.to_string()))?;
        let recurrence = Self { text: rule.to_string(), rule };
        if recurrence.starts_between(start, &[], start, start + Duration::days(MAX_SPAN_DAYS)).is_empty() {
            return Err(RecurrenceError::Empty);
        }
        Ok(recurrence)
    }

    /// Reads back a rule that [`Recurrence::parse`] accepted before (no limits checked again).
    pub fn from_stored(text: &str, start: DateTime<Tz>) -> Option<Self> {
        let rule = parse_rule(text).ok()?;
        rule.clone().validate(to_rrule(start)).ok()?;
        Some(Self { rule, text: text.to_string() })
    }

    /// The canonical RRULE value, e.g. `FREQ=WEEKLY;COUNT=8;BYDAY=TU`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    fn set(&self, series_start: DateTime<Tz>, exdates: &[DateTime<Tz>]) -> Option<RRuleSet> {
        let validated = self.rule.clone().validate(to_rrule(series_start)).ok()?;
        let set = RRuleSet::new(to_rrule(series_start)).rrule(validated);
        Some(exdates.iter().fold(set, |set, ex| set.exdate(to_rrule(*ex))))
    }

    /// Starts of the occurrences with `from <= start < to`, skipping `exdates`, in order.
    pub fn starts_between(
        &self,
        series_start: DateTime<Tz>,
        exdates: &[DateTime<Tz>],
        from: DateTime<Tz>,
        to: DateTime<Tz>,
    ) -> Vec<DateTime<Tz>> {
        let Some(set) = self.set(series_start, exdates) else {
            return Vec::new();
        };
        let before = to - Duration::seconds(1);
        if before < from {
            return Vec::new();
        }
        set.after(to_rrule(from))
            .before(to_rrule(before))
            .all(MAX_EXPANSION)
            .dates
            .into_iter()
            .map(from_rrule)
            .filter(|s| *s >= from && *s < to)
            .collect()
    }

    /// The start of the last occurrence, or `None` for a series without end.
    pub fn last_start(&self, series_start: DateTime<Tz>) -> Option<DateTime<Tz>> {
        if self.rule.get_count().is_none() && self.rule.get_until().is_none() {
            return None;
        }
        let far = series_start + Duration::days(MAX_SPAN_DAYS + 1);
        self.starts_between(series_start, &[], series_start, far).last().copied()
    }

    /// The same rule ending just before `at` (for "this and following" edits).
    pub fn ending_before(&self, at: DateTime<Tz>) -> Self {
        let until = (at - Duration::seconds(1)).with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string();
        let kept: Vec<&str> =
            self.text.split(';').filter(|p| !p.starts_with("UNTIL=") && !p.starts_with("COUNT=")).collect();
        let text = format!("{};UNTIL={until}", kept.join(";"));
        let rule = text.parse().unwrap_or_else(|_| self.rule.clone());
        Self { rule, text }
    }

    /// The same rule for the part of the series from `at` on: COUNT is reduced by the occurrences before it.
    pub fn from_occurrence(&self, series_start: DateTime<Tz>, at: DateTime<Tz>) -> Self {
        let Some(count) = self.rule.get_count() else {
            return self.clone();
        };
        let before = u32::try_from(self.starts_between(series_start, &[], series_start, at).len()).unwrap_or(count);
        let remaining = count.saturating_sub(before).max(1);
        let text = self
            .text
            .split(';')
            .map(|p| if p.starts_with("COUNT=") { format!("COUNT={remaining}") } else { p.to_string() })
            .collect::<Vec<_>>()
            .join(";");
        let rule = text.parse().unwrap_or_else(|_| self.rule.clone());
        Self { rule, text }
    }
}

/// Reads an RRULE value with the `rrule` crate, refusing one that is not ASCII first; the
/// reason is in English, for the caller's error. Every RRULE text Nabo reads goes through it:
/// a series' rule and an imported calendar's.
///
/// An RRULE is ASCII (RFC 5545 §3.3.10), and `rrule` 0.14 must not see anything else: it
/// panics on a BYDAY value whose last two bytes split a character (`BYDAY=иO`, found by the
/// `cli_rrule` fuzz target), and it upper-cases `ı` to `I` and `ſ` to `S`, so that `BYſETPOS`
/// was read as BYSETPOS after Nabo's ASCII checks had let it pass.
pub(crate) fn parse_rule(text: &str) -> Result<RRule<Unvalidated>, String> {
    ascii_only(text)?;
    text.parse().map_err(|e: rrule::RRuleError| e.to_string())
}

/// Refuses a rule with a character outside ASCII, naming the first.
fn ascii_only(text: &str) -> Result<(), String> {
    match text.chars().find(|c| !c.is_ascii()) {
        Some(c) => Err(format!("it has the character U+{:04X}, and a repeat rule is ASCII text", u32::from(c))),
        None => Ok(()),
    }
}

/// Refuses an INTERVAL that is not a whole number from 1 up. `rrule` refuses a negative or
/// unreadable one with a parser message, and takes `INTERVAL=0`, which then gives no
/// meetings and was told as "check the end date" (issue 10).
fn check_interval(rule: &str) -> Result<(), RecurrenceError> {
    for part in rule.split(';') {
        let Some((key, value)) = part.split_once('=') else { continue };
        if key.trim().eq_ignore_ascii_case("INTERVAL") && !value.trim().parse::<u16>().is_ok_and(|n| n >= 1) {
            return Err(RecurrenceError::InvalidInterval { interval: value.trim().chars().take(10).collect() });
        }
    }
    Ok(())
}

/// The rule with each value of BYDAY, BYMONTHDAY and BYMONTH once, in the order first given.
fn without_repeated_values(rule: RRule<Unvalidated>) -> RRule<Unvalidated> {
    fn once<T: PartialEq + Clone>(values: &[T]) -> Vec<T> {
        let mut kept: Vec<T> = Vec::with_capacity(values.len());
        for v in values {
            if !kept.contains(v) {
                kept.push(v.clone());
            }
        }
        kept
    }
    let weekdays = once(rule.get_by_weekday());
    let month_days = once(rule.get_by_month_day());
    // The parser accepts only 1 to 12 here, so every value converts.
    let months: Vec<chrono::Month> =
        once(rule.get_by_month()).into_iter().filter_map(|m| chrono::Month::try_from(m).ok()).collect();
    rule.by_weekday(weekdays).by_month_day(month_days).by_month(&months)
}

/// Rewrites a local or date-only UNTIL to UTC, which RFC 5545 requires with a zoned DTSTART.
fn normalise_until(rule: &str) -> Result<String, String> {
    let parts: Vec<String> = rule
        .split(';')
        .filter(|p| !p.is_empty())
        .map(|part| {
            let Some((key, value)) = part.split_once('=') else {
                return Ok(part.to_string());
            };
            if !key.eq_ignore_ascii_case("UNTIL") || value.ends_with('Z') || value.ends_with('z') {
                return Ok(part.to_string());
            }
            let local = if let Ok(date) = NaiveDate::parse_from_str(value, "%Y%m%d") {
                date.and_hms_opt(23, 59, 59).ok_or_else(|| format!("UNTIL={value} is not a date"))?
            } else {
                NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S")
                    .map_err(|_| format!("UNTIL={value} is neither a date nor a date-time"))?
            };
            let instant = match ZONE.from_local_datetime(&local) {
                LocalResult::Single(t) => t,
                LocalResult::Ambiguous(first, _) => first,
                LocalResult::None => return Err(format!("UNTIL={value} does not exist in Copenhagen")),
            };
            Ok(format!("UNTIL={}", instant.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ")))
        })
        .collect::<Result<_, String>>()?;
    Ok(parts.join(";"))
}

/// How one occurrence of a series differs from the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExceptionChange {
    /// It does not take place (EXDATE).
    Skipped,
    /// It was moved or marked (an override with RECURRENCE-ID).
    Changed {
        /// Its new start.
        start: DateTime<Tz>,
        /// Its new end.
        end: DateTime<Tz>,
        /// Its own status.
        status: ActivityStatus,
    },
}

/// An exception to a series for the occurrence that the rule puts at `original_start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OccurrenceException {
    /// Where the rule puts the occurrence (its RECURRENCE-ID).
    pub original_start: DateTime<Tz>,
    /// What is different.
    pub change: ExceptionChange,
}

/// One occurrence in the calendar: a one-off activity, or one meeting of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    /// The activity (or series) it belongs to.
    pub activity: ActivityId,
    /// For a series: where the rule puts it (its RECURRENCE-ID); `None` for a one-off.
    pub original_start: Option<DateTime<Tz>>,
    /// When it starts.
    pub start: DateTime<Tz>,
    /// When it ends.
    pub end: DateTime<Tz>,
    /// Its status.
    pub status: ActivityStatus,
}

/// The status of one meeting of a series: its own mark if it has one, else the series'.
///
/// A cancelled series cancels its meetings that are still planned; a meeting already marked
/// done or no-show keeps its mark (and a done one its counts).
pub fn occurrence_status(series_status: ActivityStatus, own: Option<ActivityStatus>) -> ActivityStatus {
    match own {
        Some(ActivityStatus::Planned) | None if series_status == ActivityStatus::Cancelled => ActivityStatus::Cancelled,
        Some(own) => own,
        None => series_status,
    }
}

/// The occurrences of a series that overlap `[from, to)`, exceptions applied, in start order.
///
/// `series_status` applies as [`occurrence_status`] says.
#[allow(clippy::too_many_arguments)]
pub fn expand_series(
    activity: ActivityId,
    rule: &Recurrence,
    series_start: DateTime<Tz>,
    length: Duration,
    series_status: ActivityStatus,
    exceptions: &[OccurrenceException],
    from: DateTime<Tz>,
    to: DateTime<Tz>,
) -> Vec<Occurrence> {
    let skipped: Vec<DateTime<Tz>> =
        exceptions.iter().filter(|e| e.change == ExceptionChange::Skipped).map(|e| e.original_start).collect();
    let mut found: Vec<Occurrence> = rule
        .starts_between(series_start, &skipped, from - length, to)
        .into_iter()
        .map(|original| {
            let changed = exceptions.iter().find(|e| e.original_start == original);
            let (start, end, status) = match changed.map(|e| e.change) {
                Some(ExceptionChange::Changed { start, end, status }) => {
                    (start, end, occurrence_status(series_status, Some(status)))
                }
                _ => (original, original + length, series_status),
            };
            Occurrence { activity, original_start: Some(original), start, end, status }
        })
        .filter(|o| o.start < to && o.end > from)
        .collect();
    // A moved occurrence whose rule time is outside the range but whose new time is inside.
    for e in exceptions {
        if let ExceptionChange::Changed { start, end, status } = e.change {
            let already = found.iter().any(|o| o.original_start == Some(e.original_start));
            if !already && start < to && end > from {
                let occurs = rule
                    .starts_between(series_start, &skipped, e.original_start, e.original_start + Duration::seconds(1))
                    .contains(&e.original_start);
                if occurs {
                    let status = occurrence_status(series_status, Some(status));
                    found.push(Occurrence { activity, original_start: Some(e.original_start), start, end, status });
                }
            }
        }
    }
    found.sort_by_key(|o| (o.start, o.original_start));
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{resolve_local, LocalDateTime};

    fn at(s: &str) -> DateTime<Tz> {
        resolve_local(s.parse::<LocalDateTime>().expect("parses")).expect("exists").at
    }

    fn starts(rule: &str, start: &str, from: &str, to: &str) -> Vec<String> {
        let r = Recurrence::parse(rule, at(start)).expect("valid rule");
        r.starts_between(at(start), &[], at(from), at(to)).iter().map(|d| d.to_rfc3339()).collect()
    }

    #[test]
    fn a_tuesday_series_keeps_17_00_across_both_dst_changes() {
        let got = starts("FREQ=WEEKLY;BYDAY=TU", "2026-03-17T17:00", "2026-03-17T00:00", "2026-11-04T00:00");
        assert!(got.contains(&"2026-03-24T17:00:00+01:00".to_string()));
        assert!(got.contains(&"2026-03-31T17:00:00+02:00".to_string()), "after 29 March: summer time");
        assert!(got.contains(&"2026-10-20T17:00:00+02:00".to_string()));
        assert!(got.contains(&"2026-10-27T17:00:00+01:00".to_string()), "after 25 October: winter time");
        assert!(got.iter().all(|s| s.get(11..16) == Some("17:00")), "{got:?}");
        assert_eq!(got.len(), 34, "every Tuesday from 17 March to 3 November");
    }

    #[test]
    fn count_interval_and_monthly_by_weekday() {
        assert_eq!(
            starts("FREQ=WEEKLY;INTERVAL=2;COUNT=3", "2026-12-01T10:00", "2026-01-01T00:00", "2027-12-01T00:00"),
            ["2026-12-01T10:00:00+01:00", "2026-12-15T10:00:00+01:00", "2026-12-29T10:00:00+01:00"]
        );
        assert_eq!(
            starts("FREQ=MONTHLY;BYDAY=2TU;COUNT=3", "2026-12-08T17:00", "2026-01-01T00:00", "2027-12-01T00:00"),
            ["2026-12-08T17:00:00+01:00", "2027-01-12T17:00:00+01:00", "2027-02-09T17:00:00+01:00"]
        );
    }

    #[test]
    fn until_is_inclusive_and_stored_in_utc() {
        let r = Recurrence::parse("FREQ=WEEKLY;UNTIL=20261215", at("2026-12-01T17:00")).expect("valid");
        assert_eq!(r.as_str(), "FREQ=WEEKLY;UNTIL=20261215T225959Z");
        let r = Recurrence::parse("FREQ=WEEKLY;UNTIL=20261215T170000", at("2026-12-01T17:00")).expect("valid");
        assert_eq!(r.as_str(), "FREQ=WEEKLY;UNTIL=20261215T160000Z");
        let got: Vec<_> = r.starts_between(at("2026-12-01T17:00"), &[], at("2026-01-01T00:00"), at("2027-06-01T00:00"));
        assert_eq!(got.len(), 3, "the 15th itself is included");
        assert_eq!(r.last_start(at("2026-12-01T17:00")), Some(at("2026-12-15T17:00")));
    }

    #[test]
    fn exdates_skip_occurrences() {
        let start = at("2026-12-01T17:00");
        let r = Recurrence::parse("FREQ=WEEKLY;COUNT=4", start).expect("valid");
        let got = r.starts_between(start, &[at("2026-12-08T17:00")], start, at("2027-01-31T00:00"));
        assert_eq!(got, vec![at("2026-12-01T17:00"), at("2026-12-15T17:00"), at("2026-12-22T17:00")]);
    }

    #[test]
    fn bad_rules_are_refused() {
        let start = at("2026-12-01T17:00");
        let check = |rule: &str| Recurrence::parse(rule, start).expect_err(rule);
        assert!(matches!(check("FREQ=SOMETIMES"), RecurrenceError::Unreadable { .. }));
        assert!(matches!(check("every tuesday"), RecurrenceError::Unreadable { .. }));
        assert!(matches!(check("FREQ=HOURLY;BYMINUTE=0"), RecurrenceError::Unsupported { .. }));
        assert!(matches!(check("FREQ=YEARLY"), RecurrenceError::Unsupported { .. }));
        assert!(matches!(check("FREQ=DAILY;COUNT=100000"), RecurrenceError::TooMany { .. }));
        assert!(matches!(check("FREQ=DAILY;UNTIL=20500101"), RecurrenceError::TooLong { .. }));
        assert!(matches!(check("FREQ=WEEKLY;UNTIL=20261101"), RecurrenceError::Empty));
        assert!(matches!(check("FREQ=WEEKLY;UNTIL=20270328T023000"), RecurrenceError::Unreadable { .. }));
    }

    /// What `rrule` 0.14 accepts but Nabo refuses or makes canonical (issue 10).
    #[test]
    fn rules_rrule_accepts_but_rfc_5545_or_nabo_does_not() {
        let start = at("2026-12-01T17:00");
        let check = |rule: &str, expected: Result<&str, RecurrenceError>| {
            let got = Recurrence::parse(rule, start);
            assert_eq!(got.as_ref().map(Recurrence::as_str).map_err(Clone::clone), expected, "{rule}");
        };
        check("FREQ=WEEKLY;COUNT=4;UNTIL=20261231", Err(RecurrenceError::CountWithUntil));
        check("FREQ=WEEKLY;UNTIL=20261231;COUNT=4", Err(RecurrenceError::CountWithUntil));
        check("FREQ=WEEKLY;INTERVAL=0", Err(RecurrenceError::InvalidInterval { interval: "0".into() }));
        check("FREQ=WEEKLY;INTERVAL=-1", Err(RecurrenceError::InvalidInterval { interval: "-1".into() }));
        check("FREQ=WEEKLY;interval=two", Err(RecurrenceError::InvalidInterval { interval: "two".into() }));
        check("FREQ=WEEKLY;INTERVAL=2;COUNT=3", Ok("FREQ=WEEKLY;COUNT=3;INTERVAL=2"));
        check("FREQ=WEEKLY;BYDAY=TU,TU,TH,TU;COUNT=4", Ok("FREQ=WEEKLY;COUNT=4;BYDAY=TU,TH"));
        check("FREQ=MONTHLY;BYMONTHDAY=1,1,15,1;COUNT=4", Ok("FREQ=MONTHLY;COUNT=4;BYMONTHDAY=1,15"));
        check("FREQ=MONTHLY;BYMONTH=1,1,12;BYMONTHDAY=1;COUNT=2", Ok("FREQ=MONTHLY;COUNT=2;BYMONTH=1,12;BYMONTHDAY=1"));
        check("FREQ=MONTHLY;BYDAY=2TU,2TU;COUNT=2", Ok("FREQ=MONTHLY;COUNT=2;BYDAY=2TU"));
        check("FREQ=DAILY;UNTIL=21010101", Err(RecurrenceError::UntilOutOfRange));
        check("FREQ=DAILY;UNTIL=99991231T235959Z", Err(RecurrenceError::UntilOutOfRange));
        check("FREQ=DAILY;UNTIL=19991231", Err(RecurrenceError::UntilOutOfRange));
    }

    /// Found by the `cli_rrule` fuzz target: `rrule` 0.14 panicked ("not a char boundary") on
    /// a BYDAY value whose last two bytes split a character (`--rrule 'FREQ=MONTHLY;BYDAY=иO'`),
    /// and upper-cases `ı` to `I` and `ſ` to `S`, so that `ıNTERVAL=0` and `BYſETPOS` passed
    /// Nabo's own ASCII checks. An RRULE is ASCII (RFC 5545 §3.3.10): anything else is refused.
    #[test]
    fn a_rule_that_is_not_ascii_is_unreadable_without_a_panic() {
        let start = at("2026-11-10T17:00");
        for rule in [
            "FREQ=MONTHLY;BYDAY=MO,\u{438}O,-1WE",
            "FREQ=WEEKLY;BYDAY=\u{17f}U",
            "FREQ=WEEKLY;\u{131}NTERVAL=0",
            "FREQ=MONTHLY;BY\u{17f}ETPOS=1;BYDAY=MO",
            "FREQ=WEEKLY;BYDAY=\u{a0}TU",
        ] {
            let got = Recurrence::parse(rule, start);
            assert!(matches!(got, Err(RecurrenceError::Unreadable { .. })), "{rule}: {got:?}");
            assert!(Recurrence::from_stored(rule, start).is_none(), "{rule}");
        }
    }

    #[test]
    fn splitting_a_series_keeps_every_meeting_once() {
        let start = at("2026-12-01T17:00");
        let r = Recurrence::parse("FREQ=WEEKLY;COUNT=6", start).expect("valid");
        let split = at("2026-12-15T17:00");
        let first = r.ending_before(split);
        let rest = r.from_occurrence(start, split);
        let far = at("2027-12-31T00:00");
        assert_eq!(first.starts_between(start, &[], start, far).len(), 2);
        assert_eq!(rest.as_str(), "FREQ=WEEKLY;COUNT=4");
        assert_eq!(rest.starts_between(split, &[], split, far).len(), 4);
    }

    #[test]
    fn exceptions_skip_move_and_mark_occurrences() {
        let start = at("2026-12-01T17:00");
        let r = Recurrence::parse("FREQ=WEEKLY;COUNT=4", start).expect("valid");
        let exceptions = [
            OccurrenceException { original_start: at("2026-12-08T17:00"), change: ExceptionChange::Skipped },
            OccurrenceException {
                original_start: at("2026-12-15T17:00"),
                change: ExceptionChange::Changed {
                    start: at("2026-12-16T18:00"),
                    end: at("2026-12-16T20:00"),
                    status: ActivityStatus::Done,
                },
            },
        ];
        let got = expand_series(
            ActivityId(7),
            &r,
            start,
            Duration::hours(2),
            ActivityStatus::Planned,
            &exceptions,
            at("2026-11-01T00:00"),
            at("2027-01-31T00:00"),
        );
        let view: Vec<(String, ActivityStatus)> = got.iter().map(|o| (o.start.to_rfc3339(), o.status)).collect();
        assert_eq!(
            view,
            vec![
                ("2026-12-01T17:00:00+01:00".to_string(), ActivityStatus::Planned),
                ("2026-12-16T18:00:00+01:00".to_string(), ActivityStatus::Done),
                ("2026-12-22T17:00:00+01:00".to_string(), ActivityStatus::Planned),
            ]
        );
        assert_eq!(got[1].original_start, Some(at("2026-12-15T17:00")));
        // A range holding only the moved time still finds it.
        let moved_only = expand_series(
            ActivityId(7),
            &r,
            start,
            Duration::hours(2),
            ActivityStatus::Planned,
            &exceptions,
            at("2026-12-16T00:00"),
            at("2026-12-17T00:00"),
        );
        assert_eq!(moved_only.len(), 1);
        assert_eq!(moved_only[0].start, at("2026-12-16T18:00"));
    }
}
