//! The periods reports and targets speak of: a month, a quarter or a year.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A period that is not a month, quarter or year Nabo plans in.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("'{text}' is not a period: write YYYY-MM, YYYY-Qn or YYYY")]
pub struct BadPeriod {
    /// The text as given (at most 20 characters of it).
    pub text: String,
}

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    /// The year.
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl Month {
    /// The month `date` is in.
    pub fn of(date: NaiveDate) -> Self {
        Self { year: date.year(), month: date.month() }
    }

    /// Its first day.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The month after it.
    pub fn next(self) -> Self {
        if self.month == 12 {
            Self { year: self.year + 1, month: 1 }
        } else {
            Self { year: self.year, month: self.month + 1 }
        }
    }

    /// The month before it.
    pub fn previous(self) -> Self {
        if self.month == 1 {
            Self { year: self.year - 1, month: 12 }
        } else {
            Self { year: self.year, month: self.month - 1 }
        }
    }

    /// Its quarter, 1 to 4.
    pub fn quarter(self) -> u32 {
        (self.month - 1) / 3 + 1
    }

    /// Every month from `self` to `last`, both included (empty when `last` is earlier).
    pub fn through(self, last: Month) -> impl Iterator<Item = Month> {
        let mut next = Some(self);
        std::iter::from_fn(move || {
            let month = next.filter(|m| *m <= last)?;
            next = Some(month.next());
            Some(month)
        })
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Month {
    type Err = BadPeriod;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.parse::<Period>()? {
            Period::Month(m) => Ok(m),
            _ => Err(bad(s)),
        }
    }
}

fn bad(text: &str) -> BadPeriod {
    BadPeriod { text: text.chars().take(20).collect() }
}

/// A month, a quarter or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// `YYYY-MM`.
    Month(Month),
    /// `YYYY-Qn`: the year and 1 to 4.
    Quarter(i32, u32),
    /// `YYYY`.
    Year(i32),
}

impl Period {
    /// Its first month.
    pub fn first(self) -> Month {
        match self {
            Period::Month(m) => m,
            Period::Quarter(year, q) => Month { year, month: (q - 1) * 3 + 1 },
            Period::Year(year) => Month { year, month: 1 },
        }
    }

    /// Its last month.
    pub fn last(self) -> Month {
        match self {
            Period::Month(m) => m,
            Period::Quarter(year, q) => Month { year, month: q * 3 },
            Period::Year(year) => Month { year, month: 12 },
        }
    }

    /// Whether `month` lies in it.
    pub fn contains(self, month: Month) -> bool {
        self.first() <= month && month <= self.last()
    }

    /// Its first day.
    pub fn first_day(self) -> NaiveDate {
        self.first().first_day()
    }

    /// The day after its last.
    pub fn end_day(self) -> NaiveDate {
        self.last().next().first_day()
    }

    /// How many days it has.
    pub fn days(self) -> i64 {
        (self.end_day() - self.first_day()).num_days()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Month(m) => m.fmt(f),
            Period::Quarter(year, q) => write!(f, "{year:04}-Q{q}"),
            Period::Year(year) => write!(f, "{year:04}"),
        }
    }
}

impl FromStr for Period {
    type Err = BadPeriod;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let year_of = |text: &str| -> Result<i32, BadPeriod> {
            let year = (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()))
                .then(|| text.parse::<i32>().ok())
                .flatten()
                .ok_or_else(|| bad(s))?;
            let first = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(|| bad(s))?;
            crate::time::in_planning_years(first).then_some(year).ok_or_else(|| bad(s))
        };
        match s.split_once('-') {
            None => Ok(Period::Year(year_of(s)?)),
            Some((year, rest)) => {
                let year = year_of(year)?;
                if let Some(q) = rest.strip_prefix('Q') {
                    match q {
                        "1" | "2" | "3" | "4" => Ok(Period::Quarter(year, q.parse().map_err(|_| bad(s))?)),
                        _ => Err(bad(s)),
                    }
                } else {
                    let month = (rest.len() == 2 && rest.bytes().all(|b| b.is_ascii_digit()))
                        .then(|| rest.parse::<u32>().ok())
                        .flatten()
                        .filter(|m| (1..=12).contains(m))
                        .ok_or_else(|| bad(s))?;
                    Ok(Period::Month(Month { year, month }))
                }
            }
        }
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_read_and_print_back() {
        for text in ["2026", "2026-Q1", "2026-Q4", "2026-01", "2026-12"] {
            assert_eq!(text.parse::<Period>().expect(text).to_string(), text);
        }
        for text in ["26", "2026-13", "2026-Q5", "2026-Q0", "2026-1", "2026-001", "", "x", "2026-q1", "１２３４"] {
            assert!(text.parse::<Period>().is_err(), "{text}");
        }
    }

    #[test]
    fn a_period_knows_its_months_and_days() {
        let q4: Period = "2026-Q4".parse().expect("q4");
        assert_eq!((q4.first().to_string(), q4.last().to_string()), ("2026-10".into(), "2026-12".into()));
        assert_eq!(q4.days(), 92);
        assert_eq!("2028".parse::<Period>().expect("leap").days(), 366);
        assert_eq!("2026-02".parse::<Period>().expect("feb").days(), 28);
        let months: Vec<String> = q4.first().through(q4.last()).map(|m| m.to_string()).collect();
        assert_eq!(months, ["2026-10", "2026-11", "2026-12"]);
        assert!(q4.contains(Month { year: 2026, month: 11 }));
        assert!(!q4.contains(Month { year: 2027, month: 1 }));
        assert_eq!(Month { year: 2026, month: 12 }.next().to_string(), "2027-01");
        assert_eq!(Month { year: 2027, month: 1 }.previous().to_string(), "2026-12");
    }
}
