//! Durations as volunteers type them: "60m", "1h30m", "2h", "90".

use std::fmt;
use std::str::FromStr;

/// A whole number of minutes, at least one.
///
/// Written by hand rather than with `humantime`: an appointment needs only
/// hours and minutes, and a general parser would accept "3 months" or "5ns".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Minutes(u32);

/// Why a duration was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    /// Not a duration at all.
    #[error("'{input}' is not a duration; write e.g. 45m, 1h30m or 2h")]
    Unreadable {
        /// What was typed.
        input: String,
    },
    /// Negative or zero.
    #[error("the duration must be more than zero, not '{input}'")]
    NotPositive {
        /// What was typed.
        input: String,
    },
}

impl Minutes {
    /// A duration of `n` minutes; `None` for zero.
    pub fn new(n: u32) -> Option<Self> {
        (n > 0).then_some(Self(n))
    }

    /// Whole hours; `h` must be at least one.
    pub(crate) const fn hours(h: u32) -> Self {
        assert!(h > 0, "a duration in hours is at least one hour");
        Self(h * 60)
    }

    /// The number of minutes.
    pub fn get(self) -> u32 {
        self.0
    }

    /// As a chrono duration.
    pub fn as_duration(self) -> chrono::Duration {
        chrono::Duration::minutes(i64::from(self.0))
    }
}

impl fmt::Display for Minutes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0 / 60, self.0 % 60) {
            (0, m) => write!(f, "{m}m"),
            (h, 0) => write!(f, "{h}h"),
            (h, m) => write!(f, "{h}h{m}m"),
        }
    }
}

impl FromStr for Minutes {
    type Err = DurationError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Echoed in the message: tidied, so an ESC in it cannot reach the terminal.
        let input: String = crate::text::tidy_line(s.trim(), 40);
        let unreadable = || DurationError::Unreadable { input: input.clone() };
        // What is read is the whole text, never its first 40 characters: cut, "0"×39 + "1h"
        // was read as 1 minute (found reading the code behind the cli_duration fuzz target).
        // No duration Nabo takes needs more than a few characters.
        if s.trim().chars().count() > 40 {
            return Err(unreadable());
        }
        if input.starts_with('-') {
            return Err(DurationError::NotPositive { input });
        }
        let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        let compact = compact.to_ascii_lowercase();
        if compact.is_empty() {
            return Err(unreadable());
        }
        // A bare number means minutes.
        if compact.bytes().all(|b| b.is_ascii_digit()) {
            let n: u32 = compact.parse().map_err(|_| unreadable())?;
            return Minutes::new(n).ok_or(DurationError::NotPositive { input });
        }
        let mut total: u64 = 0;
        let mut digits = String::new();
        let mut seen_hours = false;
        let mut seen_minutes = false;
        let mut chars = compact.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_ascii_digit() {
                digits.push(c);
                continue;
            }
            let value: u64 = digits.parse().map_err(|_| unreadable())?;
            digits.clear();
            match c {
                // "t" is Danish for hours (timer).
                'h' | 't' if !seen_hours && !seen_minutes => {
                    seen_hours = true;
                    // Checked: `307445734561825861h` wrapped to 44 minutes in a release build
                    // (and panicked in a debug one; found by fuzz/fuzz_targets/cli_duration.rs).
                    total = value.checked_mul(60).and_then(|m| total.checked_add(m)).ok_or_else(unreadable)?;
                }
                'm' if !seen_minutes => {
                    seen_minutes = true;
                    total = total.checked_add(value).ok_or_else(unreadable)?;
                    // Accept "min" as well as "m".
                    if chars.peek() == Some(&'i') {
                        chars.next();
                        if chars.next() != Some('n') {
                            return Err(unreadable());
                        }
                    }
                }
                _ => return Err(unreadable()),
            }
        }
        if !digits.is_empty() {
            return Err(unreadable());
        }
        let minutes = u32::try_from(total).map_err(|_| unreadable())?;
        Minutes::new(minutes).ok_or(DurationError::NotPositive { input })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<u32, &str>) {
        let got = input.parse::<Minutes>().map(Minutes::get);
        match (got, expected) {
            (Ok(m), Ok(e)) => assert_eq!(m, e, "{input}"),
            (Err(err), Err(kind)) => {
                let name = match err {
                    DurationError::Unreadable { .. } => "unreadable",
                    DurationError::NotPositive { .. } => "not_positive",
                };
                assert_eq!(name, kind, "{input}");
            }
            (got, expected) => panic!("{input}: got {got:?}, expected {expected:?}"),
        }
    }

    #[test]
    fn durations() {
        check("60m", Ok(60));
        check("45", Ok(45));
        check("2h", Ok(120));
        check("1h30m", Ok(90));
        check("1h 30m", Ok(90));
        check("1t30m", Ok(90));
        check("90min", Ok(90));
        check("2H", Ok(120));
        check("-5m", Err("not_positive"));
        check("0m", Err("not_positive"));
        check("0", Err("not_positive"));
        check("5x", Err("unreadable"));
        check("m", Err("unreadable"));
        check("30m1h", Err("unreadable"));
        check("1h1h", Err("unreadable"));
        check("12", Ok(12));
        check("", Err("unreadable"));
        check("99999999999999h", Err("unreadable"));
        check("1.5h", Err("unreadable"));
        check("10mi", Err("unreadable"));
    }

    /// Found by the `cli_duration` fuzz target: hours times 60, or hours plus minutes, past
    /// `u64` panicked in a debug build and wrapped in a release one (`307445734561825861h`
    /// was 44 minutes). Each is refused as unreadable, like any other too-long duration.
    #[test]
    fn a_duration_longer_than_forty_characters_is_refused_not_cut() {
        check(&format!("{}1h", "0".repeat(39)), Err("unreadable"));
        check(&format!("{}1h", "0".repeat(38)), Ok(60));
    }

    #[test]
    fn durations_past_u64_are_refused_not_wrapped() {
        check("307445734561825861h", Err("unreadable"));
        check("9999999999999999999h", Err("unreadable"));
        check("1h18446744073709551615m", Err("unreadable"));
        check("18446744073709551615m", Err("unreadable"));
        check("18446744073709551616m", Err("unreadable"));
    }

    #[test]
    fn display_round_trips() {
        for n in [1, 45, 60, 90, 125, 600] {
            let m = Minutes::new(n).expect("positive");
            assert_eq!(m.to_string().parse::<Minutes>(), Ok(m));
        }
    }
}
