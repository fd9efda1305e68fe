//! Property tests: local time and conflicts checked against answers computed the simple way.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike, Weekday};
use nabo_core::{
    conflicts_among, find_conflicts, resolve_local, ActivityId, ActivityKind, ActivityStatus, ConflictRules,
    LocalDateTime, Scheduled, TimeError, ZONE,
};
use proptest::prelude::*;

/// The last Sunday of `month` in `year`: the day EU clocks change.
fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let first_of_next =
        if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, month + 1, 1) }
            .expect("valid date");
    let mut day = first_of_next - Duration::days(1);
    while day.weekday() != Weekday::Sun {
        day -= Duration::days(1);
    }
    day
}

fn any_local() -> impl Strategy<Value = NaiveDateTime> {
    // Any minute from 2026 to 2035, or (half the time) any minute of a day the clocks change,
    // so that the gap and the fold are actually hit.
    let any_minute = (0i64..(10 * 366 * 24 * 60)).prop_map(|m| {
        NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid").and_hms_opt(0, 0, 0).expect("valid") + Duration::minutes(m)
    });
    let change_day = (2026i32..2036, prop::bool::ANY, 0i64..(24 * 60)).prop_map(|(year, spring, m)| {
        let day = last_sunday(year, if spring { 3 } else { 10 });
        day.and_hms_opt(0, 0, 0).expect("valid") + Duration::minutes(m)
    });
    prop_oneof![any_minute, change_day]
}

proptest! {
    /// A time is refused exactly when it falls in 02:00–02:59 on the last Sunday of March;
    /// otherwise it keeps its wall-clock reading, with a notice exactly in 02:00–02:59 on
    /// the last Sunday of October.
    #[test]
    fn local_times_resolve_like_the_eu_rule(naive in any_local()) {
        let in_spring_gap = naive.date() == last_sunday(naive.year(), 3) && naive.hour() == 2;
        let in_autumn_fold = naive.date() == last_sunday(naive.year(), 10) && naive.hour() == 2;
        match resolve_local(LocalDateTime::new(naive)) {
            Err(TimeError::InSpringForwardGap { gap_start, gap_end, .. }) => {
                prop_assert!(in_spring_gap, "{naive} refused");
                prop_assert_eq!((gap_start.as_str(), gap_end.as_str()), ("02:00", "03:00"));
            }
            Err(other) => prop_assert!(false, "unexpected {other:?}"),
            Ok(resolved) => {
                prop_assert!(!in_spring_gap, "{naive} accepted");
                prop_assert_eq!(resolved.at.with_timezone(&ZONE).naive_local(), naive);
                prop_assert_eq!(resolved.notice.is_some(), in_autumn_fold, "{}", naive);
                let summer = naive.date() > last_sunday(naive.year(), 3)
                    && naive.date() < last_sunday(naive.year(), 10);
                if summer {
                    let text = resolved.at.to_rfc3339();
                    prop_assert_eq!(text.get(19..), Some("+02:00"));
                }
            }
        }
    }
}

fn any_item() -> impl Strategy<Value = (i64, bool, bool, i64, i64)> {
    // (id, home visit?, cancelled?, start minute within one day, length in minutes)
    (1i64..1000, any::<bool>(), prop::bool::weighted(0.1), 0i64..(24 * 60), 5i64..240)
}

fn scheduled((id, visit, cancelled, start, len): (i64, bool, bool, i64, i64)) -> Scheduled {
    let day = resolve_local("2026-12-01T00:00".parse().expect("parses")).expect("exists").at;
    Scheduled {
        id: Some(ActivityId(id)),
        kind: if visit { ActivityKind::HomeVisit } else { ActivityKind::GroupMeeting },
        status: if cancelled { ActivityStatus::Cancelled } else { ActivityStatus::Planned },
        start: day + Duration::minutes(start),
        end: day + Duration::minutes(start + len),
    }
}

proptest! {
    /// Whether two activities clash does not depend on which one is being planned.
    #[test]
    fn conflicts_are_symmetric(a in any_item(), b in any_item(), buffer in 0i64..90) {
        prop_assume!(a.0 != b.0);
        let (a, b) = (scheduled(a), scheduled(b));
        let rules = ConflictRules { travel_buffer: Duration::minutes(buffer) };
        let ab = find_conflicts(&a, &[b], &rules);
        let ba = find_conflicts(&b, &[a], &rules);
        prop_assert_eq!(ab.len(), ba.len());
        if let (Some(x), Some(y)) = (ab.first(), ba.first()) {
            prop_assert_eq!(x.kind, y.kind);
        }
        // The simple rule: overlapping, or two visits closer than the buffer; never when cancelled.
        let active = a.status != ActivityStatus::Cancelled && b.status != ActivityStatus::Cancelled;
        let overlap = a.start < b.end && b.start < a.end;
        let gap = if a.end <= b.start { b.start - a.end } else { a.start - b.end };
        let both_visits = a.kind == ActivityKind::HomeVisit && b.kind == ActivityKind::HomeVisit;
        let expected = active && (overlap || (both_visits && gap < Duration::minutes(buffer)));
        prop_assert_eq!(ab.len() == 1, expected);
    }

    /// The sweep in `conflicts_among` finds exactly the pairs a check of every pair finds.
    #[test]
    fn conflicts_among_matches_every_pair(items in prop::collection::vec(any_item(), 0..25), buffer in 0i64..90) {
        let mut seen = std::collections::BTreeSet::new();
        let items: Vec<Scheduled> = items.into_iter().filter(|i| seen.insert(i.0)).map(scheduled).collect();
        let rules = ConflictRules { travel_buffer: Duration::minutes(buffer) };
        let mut swept: Vec<(i64, i64)> = conflicts_among(&items, &rules)
            .into_iter()
            .map(|(a, c)| (a.0.min(c.with.0), a.0.max(c.with.0)))
            .collect();
        swept.sort_unstable();
        let mut brute = Vec::new();
        for (i, a) in items.iter().enumerate() {
            for b in &items[i + 1..] {
                if !find_conflicts(a, std::slice::from_ref(b), &rules).is_empty() {
                    let (x, y) = (a.id.map_or(0, |i| i.0), b.id.map_or(0, |i| i.0));
                    brute.push((x.min(y), x.max(y)));
                }
            }
        }
        brute.sort_unstable();
        prop_assert_eq!(swept, brute);
    }
}
