//! A coordinator's targets: a count or a share to reach in a month, quarter or year, how far
//! she has come, and whether she is behind the pace the date asks for.
//!
//! Pace counts the months whose summaries are due: volunteers send a month after it ends, so
//! on 4 December a year's target is expected to be 334/365 done (January to November), and a
//! target for December itself is not behind before December is over.

use chrono::NaiveDate;
use serde::Serialize;

use super::period::{Month, Period};
use super::table::Measure;

/// What a target asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Goal {
    /// At least this many over the period.
    Count(u64),
    /// The measure as at least this share of another, in hundredths of a per cent (30 % = 3000).
    Share {
        /// The share, in basis points.
        basis_points: u32,
        /// What it is a share of.
        of: Measure,
    },
}

/// A target as set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// What is counted.
    pub measure: Measure,
    /// Over which period.
    pub period: Period,
    /// How much.
    pub goal: Goal,
}

/// How far a target has come on a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Progress {
    /// The measure's total over the period so far.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub actual: u64,
    /// For a share: the total it is a share of.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub of: Option<u64>,
    /// For a share: `actual` as a percentage of `of` (none while `of` is 0).
    pub share: Option<f64>,
    /// How much of the goal is reached, 0 to 1 (more when it is passed).
    pub done: f64,
    /// The share of the period whose summaries are due, 0 to 1.
    pub due: f64,
    /// For a count: what the pace asks for by now.
    pub expected: Option<f64>,
    /// Behind the pace (a count) or below the share (a share with something to share of).
    pub behind: bool,
    /// The goal is reached.
    pub met: bool,
}

impl Target {
    /// Its progress given the measure's total (and, for a share, the other's) over the period,
    /// on `today`.
    pub fn progress(&self, actual: u64, of: u64, today: NaiveDate) -> Progress {
        // Summaries are due for the months before this one.
        let due_until = Month::of(today).first_day().clamp(self.period.first_day(), self.period.end_day());
        let due_days = (due_until - self.period.first_day()).num_days();
        let days = self.period.days().max(1);
        let due = due_days as f64 / days as f64;
        match &self.goal {
            Goal::Count(goal) => {
                let goal = *goal;
                // In whole numbers: actual / goal < due_days / days.
                let (days, due_days) = (u128::try_from(days).unwrap_or(1), u128::try_from(due_days).unwrap_or(0));
                let behind = u128::from(actual) * days < u128::from(goal) * due_days;
                Progress {
                    actual,
                    of: None,
                    share: None,
                    done: if goal == 0 { 1.0 } else { actual as f64 / goal as f64 },
                    due,
                    expected: Some(goal as f64 * due),
                    behind,
                    met: actual >= goal,
                }
            }
            Goal::Share { basis_points, .. } => {
                let wanted = u128::from(*basis_points);
                let share = (of > 0).then(|| actual as f64 * 100.0 / of as f64);
                let met = of > 0 && u128::from(actual) * 10_000 >= wanted * u128::from(of);
                Progress {
                    actual,
                    of: Some(of),
                    share,
                    done: match share {
                        Some(s) if wanted > 0 => s * 100.0 / wanted as f64,
                        _ if wanted == 0 => 1.0,
                        _ => 0.0,
                    },
                    due,
                    expected: None,
                    behind: of > 0 && !met,
                    met,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    fn count(period: &str, goal: u64) -> Target {
        Target { measure: Measure::default(), period: period.parse().expect("period"), goal: Goal::Count(goal) }
    }

    #[test]
    fn a_years_pace_counts_the_months_already_due() {
        // 4 December 2026: January to November are due, 334 of 365 days.
        let p = count("2026", 400).progress(350, 0, day("2026-12-04"));
        assert!((p.due - 334.0 / 365.0).abs() < 1e-12);
        assert!((p.expected.expect("count") - 400.0 * 334.0 / 365.0).abs() < 1e-9); // 366.03
        assert!(p.behind, "350 < 366.03");
        assert!(!count("2026", 400).progress(367, 0, day("2026-12-04")).behind);
        assert!(!p.met);
        assert!((p.done - 0.875).abs() < 1e-12);
    }

    #[test]
    fn a_quarters_and_a_months_pace() {
        // Q4 2026 on 4 December: October and November, 61 of 92 days; 12 meetings → 7.96.
        let q = count("2026-Q4", 12).progress(7, 0, day("2026-12-04"));
        assert!((q.expected.expect("count") - 12.0 * 61.0 / 92.0).abs() < 1e-9);
        assert!(q.behind);
        assert!(!count("2026-Q4", 12).progress(8, 0, day("2026-12-04")).behind);
        // A month not over is not behind; a month over is due in full.
        let december = count("2026-12", 40).progress(0, 0, day("2026-12-31"));
        assert_eq!((december.due, december.behind), (0.0, false));
        let november = count("2026-11", 40).progress(39, 0, day("2026-12-01"));
        assert_eq!((november.due, november.expected, november.behind), (1.0, Some(40.0), true));
        assert!(count("2026-11", 40).progress(40, 0, day("2026-12-01")).met);
        // A period still to come asks for nothing yet.
        assert_eq!(count("2027", 400).progress(0, 0, day("2026-12-04")).due, 0.0);
    }

    #[test]
    fn a_share_is_behind_while_below_its_share() {
        let target = Target {
            measure: "new".parse().expect("new"),
            period: "2026".parse().expect("year"),
            goal: Goal::Share { basis_points: 3000, of: Measure::default() },
        };
        let p = target.progress(29, 100, day("2026-06-15"));
        assert_eq!(p.share, Some(29.0));
        assert!(p.behind && !p.met);
        let p = target.progress(30, 100, day("2026-06-15"));
        assert!(!p.behind && p.met);
        let nothing = target.progress(0, 0, day("2026-06-15"));
        assert_eq!((nothing.share, nothing.behind), (None, false));
    }
}
