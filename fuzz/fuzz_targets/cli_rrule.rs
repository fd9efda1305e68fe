//! Feeds arbitrary text as `--rrule` of `nabo plan meeting` to `ActivityDraft::validate` (which runs `Recurrence::parse`), then expands what it accepts.
#![no_main]

use chrono::Duration;
use libfuzzer_sys::fuzz_target;
use nabo_core::{
    expand_series, ActivityDraft, ActivityId, ActivityKind, ActivityStatus, LocalDateTime, Minutes, Recurrence,
};

/// Series starts worth trying: an ordinary one, around both DST changes, at a month's end
/// and at both ends of the planning years.
const STARTS: [&str; 6] = [
    "2026-11-10T17:00",
    "2026-03-28T02:30",
    "2026-10-25T02:30",
    "2026-01-31T10:00",
    "2000-01-01T00:00",
    "2100-12-31T22:00",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rule)) = data.split_first() else { return };
    let Ok(rule) = std::str::from_utf8(rule) else { return };
    let Ok(start) = STARTS[usize::from(pick) % STARTS.len()].parse::<LocalDateTime>() else { return };
    let Some(length) = Minutes::new(90) else { return };
    let mut draft = ActivityDraft::new(ActivityKind::GroupMeeting, start, length);
    draft.details.venue = Some("Beboerhuset".into());
    draft.details.theme = Some("Sundhed".into());
    draft.rrule = Some(rule.to_string());
    let Ok(valid) = draft.validate() else { return };
    let Some(recurrence) = valid.recurrence() else { return };
    let series_start = valid.start();
    // What was accepted is stored as its text and must read back.
    let Some(stored) = Recurrence::from_stored(recurrence.as_str(), series_start) else {
        panic!("an accepted rule does not read back from storage: {}", recurrence.as_str());
    };
    assert_eq!(&stored, recurrence);
    let far = series_start + Duration::days(400);
    let starts = recurrence.starts_between(series_start, &[], series_start, far);
    let _ = recurrence.last_start(series_start);
    if let Some(&second) = starts.get(1) {
        let _ = recurrence.ending_before(second);
        let _ = recurrence.from_occurrence(series_start, second);
    }
    let _ = expand_series(
        ActivityId(1),
        recurrence,
        series_start,
        valid.end() - series_start,
        ActivityStatus::Planned,
        &[],
        series_start,
        far,
    );
});
