//! Data minimisation (issue 14): household code names and notes are erased a set time after
//! the household's last visit (Settings: `erase_after_months`, 12 by default); the counts stay,
//! they are anonymous. Which texts are due is the store's rule (`nabo_store::erase_expired_texts`);
//! this module says when, from the setting and the clock, and what the user is told.

use std::collections::BTreeMap;

use chrono::{DateTime, Months, TimeZone, Utc};
use nabo_core::ZONE;
use nabo_store::{count_expired_texts, empty_wal, erase_expired_texts, Erased};

use crate::dto::NoticeView;
use crate::error::AppError;
use crate::service::Nabo;

/// What the start-up routine ([`Nabo::start`]) did, for the front ends to say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartReport {
    /// Deleted activities removed for good, their undo window past.
    pub purged: usize,
    /// Household code names erased, each household counted once.
    pub erased_households: usize,
    /// Notes erased.
    pub erased_notes: usize,
    /// What to tell the user: that code names and notes were erased (`texts_erased`), and a
    /// live calendar file that could not be rewritten after it (`live_calendar_failed`).
    pub notices: Vec<NoticeView>,
}

/// The instant `months` calendar months before `now`, at the same Copenhagen wall-clock time
/// (the day clamped to the month's last: 31 March less one month is the end of February; a
/// time the clocks skip is taken just after the gap). Fewer than one month, or a date out of
/// range: before every activity, so that nothing is erased.
pub(crate) fn erase_cutoff(now: DateTime<Utc>, months: i64) -> DateTime<Utc> {
    let months = match u32::try_from(months) {
        Ok(m) if m >= 1 => Months::new(m),
        _ => return DateTime::<Utc>::MIN_UTC,
    };
    let Some(local) = now.with_timezone(&ZONE).naive_local().checked_sub_months(months) else {
        return DateTime::<Utc>::MIN_UTC;
    };
    [local, local + chrono::Duration::hours(1)]
        .iter()
        .find_map(|t| ZONE.from_local_datetime(t).earliest())
        .map_or(DateTime::<Utc>::MIN_UTC, |t| t.with_timezone(&Utc))
}

impl Nabo {
    /// Erases the household code names and notes whose time is up at `now` — only when some
    /// are due (a start with nothing due writes nothing) and never on a damaged database —,
    /// then empties the WAL (it still holds the erased text) and rewrites the live calendar
    /// file. Returns what was erased and the notices to show.
    pub(crate) fn erase_expired(&mut self, now: DateTime<Utc>) -> Result<(Erased, Vec<NoticeView>), AppError> {
        let months = self.settings()?.erase_after_months;
        let cutoff = erase_cutoff(now, months);
        let nothing = || Ok((Erased::default(), Vec::new()));
        match count_expired_texts(self.store.conn(), cutoff) {
            Ok(due) if due.is_empty() || self.store.is_damaged() => return nothing(),
            Ok(_) => {}
            // This reads every activity, so it may be the first to meet a damaged page: the
            // start goes on (reading what can be read, `check` saying what is wrong).
            Err(_) if self.store.is_damaged() => return nothing(),
            Err(e) => return Err(e.into()),
        }
        let erased = self.store.write(|tx| erase_expired_texts(tx, cutoff))?;
        if erased.is_empty() {
            return Ok((erased, Vec::new()));
        }
        // The erasure is committed; a WAL that cannot be emptied now (another Nabo is reading,
        // the disk failed) does not undo it or stop the start. Its old page images are
        // encrypted, and the next erasure empties it.
        let _ = empty_wal(self.store.conn());
        let args = BTreeMap::from([
            ("households".to_string(), erased.households.to_string()),
            ("notes".to_string(), erased.notes.to_string()),
            ("months".to_string(), months.to_string()),
        ]);
        let mut notices = vec![NoticeView { code: "texts_erased".into(), args }];
        // A live calendar file in full detail still names the households.
        notices.extend(self.refresh_live_calendar(now));
        Ok((erased, notices))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).expect("time").with_timezone(&Utc)
    }

    #[test]
    fn the_cutoff_is_the_same_copenhagen_time_whole_months_back() {
        // 10:00 in Copenhagen, winter time both.
        assert_eq!(erase_cutoff(utc("2026-12-04T09:00:00Z"), 12), utc("2025-12-04T09:00:00Z"));
        // Summer time then (UTC+2), winter time now (UTC+1): the same wall-clock time.
        assert_eq!(erase_cutoff(utc("2026-12-04T09:00:00Z"), 6), utc("2026-06-04T08:00:00Z"));
        // The day clamped to the month's last (noon in Copenhagen: summer time, then winter time).
        assert_eq!(erase_cutoff(utc("2026-03-31T10:00:00Z"), 1), utc("2026-02-28T11:00:00Z"));
        // 02:30 on 29 March 2026 does not exist in Copenhagen: just after the gap.
        assert_eq!(erase_cutoff(utc("2026-04-29T00:30:00Z"), 1), utc("2026-03-29T01:30:00Z"));
        for never in [0, -1, i64::MAX] {
            assert_eq!(erase_cutoff(utc("2026-12-04T09:00:00Z"), never), DateTime::<Utc>::MIN_UTC, "{never}");
        }
    }
}
