//! The rule that keeps recorded counts true to their activity.
//!
//! Counts say "this took place, and this many people were reached". They belong to one
//! occurrence (a one-off activity, or one meeting of a series named by where its rule put it)
//! and are counted in the Copenhagen month that occurrence took place in. So an occurrence
//! with counts must stay done, at a time that has come: a change that would make it planned,
//! cancelled, a no-show, skipped or in the future is refused, and a move to another time that
//! has come takes its counts along to that month. Counts are removed only on purpose (or with
//! the activity itself).

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::activity::ActivityStatus;
use crate::time::ZONE;

/// Why an occurrence cannot have counts (or cannot keep the ones it has) in the state asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CountsBlock {
    /// It has not started at `now`.
    #[error("it has not taken place yet")]
    Future,
    /// It is cancelled.
    #[error("it is cancelled")]
    Cancelled,
    /// It would no longer be done.
    #[error("it would be marked {status} instead of done")]
    NotDone {
        /// The status asked for.
        status: ActivityStatus,
    },
    /// It would be taken out of its series.
    #[error("it would be taken out of its series")]
    Skipped,
}

/// Whether counts may be recorded on an occurrence now `status`, starting at `start`:
/// it must have started and not be cancelled (recording marks it done).
pub fn may_record(status: ActivityStatus, start: DateTime<Tz>, now: DateTime<Utc>) -> Result<(), CountsBlock> {
    if status == ActivityStatus::Cancelled {
        return Err(CountsBlock::Cancelled);
    }
    if start.with_timezone(&Utc) > now {
        return Err(CountsBlock::Future);
    }
    Ok(())
}

/// Whether an occurrence that has counts may become `status` at `start`: only done, and only
/// at a time that has come.
pub fn may_keep_counts(status: ActivityStatus, start: DateTime<Tz>, now: DateTime<Utc>) -> Result<(), CountsBlock> {
    match status {
        ActivityStatus::Done => {}
        ActivityStatus::Cancelled => return Err(CountsBlock::Cancelled),
        status => return Err(CountsBlock::NotDone { status }),
    }
    if start.with_timezone(&Utc) > now {
        return Err(CountsBlock::Future);
    }
    Ok(())
}

/// The month (`YYYY-MM`, Copenhagen) in which counts of an occurrence starting at `start` count.
pub fn counted_month(start: DateTime<Tz>) -> String {
    start.with_timezone(&ZONE).format("%Y-%m").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{resolve_local, LocalDateTime};

    fn at(s: &str) -> DateTime<Tz> {
        resolve_local(s.parse::<LocalDateTime>().expect("parses")).expect("exists").at
    }

    fn now() -> DateTime<Utc> {
        at("2026-12-10T12:00").with_timezone(&Utc)
    }

    #[test]
    fn counts_are_recorded_on_what_has_started_and_was_not_cancelled() {
        use ActivityStatus::*;
        let past = at("2026-12-01T10:00");
        assert_eq!(may_record(Planned, past, now()), Ok(()));
        assert_eq!(may_record(Done, past, now()), Ok(()));
        assert_eq!(may_record(NoShow, past, now()), Ok(()));
        assert_eq!(may_record(Cancelled, past, now()), Err(CountsBlock::Cancelled));
        assert_eq!(may_record(Planned, at("2026-12-10T12:01"), now()), Err(CountsBlock::Future));
        // Started a minute ago: it may still be going on, and counts may be written.
        assert_eq!(may_record(Planned, at("2026-12-10T11:59"), now()), Ok(()));
    }

    #[test]
    fn counts_are_kept_only_on_a_done_occurrence_that_has_started() {
        use ActivityStatus::*;
        let past = at("2026-11-30T23:30");
        assert_eq!(may_keep_counts(Done, past, now()), Ok(()));
        assert_eq!(may_keep_counts(Cancelled, past, now()), Err(CountsBlock::Cancelled));
        assert_eq!(may_keep_counts(Planned, past, now()), Err(CountsBlock::NotDone { status: Planned }));
        assert_eq!(may_keep_counts(NoShow, past, now()), Err(CountsBlock::NotDone { status: NoShow }));
        assert_eq!(may_keep_counts(Done, at("2027-01-05T10:00"), now()), Err(CountsBlock::Future));
    }

    #[test]
    fn the_counted_month_is_the_copenhagen_month() {
        assert_eq!(counted_month(at("2026-11-30T23:30")), "2026-11");
        // 23:30 UTC on 30 November: the month is the Copenhagen one.
        assert_eq!(counted_month(at("2026-12-01T00:30")), "2026-12");
    }
}
